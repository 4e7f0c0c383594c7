package scot.pace.stats;

import org.apache.commons.math3.distribution.BinomialDistribution;

/**
 * Control limits of a funnel plot for a proportion with target p0 (Spiegelhalter 2005, Statistics
 * in Medicine 24:1185-1202). Exact binomial limits, smoothed between the integers: for the
 * probability p (0.025 and 0.975 for 95%; 0.001 and 0.999 for 99.8%), r is the smallest count with
 * P(R ≤ r) ≥ p for R ~ Binomial(n, p0), α = (P(R ≤ r) - p) / (P(R ≤ r) - P(R ≤ r - 1)), and the
 * limit is (r - α) / n. Limits widened for overdispersion use the normal approximation with the
 * additive between-council variance: p0 ± z sqrt(p0 (1 - p0) / n + τ²).
 */
public final class FunnelLimits {
  private FunnelLimits() {}

  /** The exact, smoothed limit at cumulative probability {@code p} for a cohort of {@code n}. */
  public static double exact(double p0, int n, double p) {
    if (n < 1) {
      throw new IllegalArgumentException("cohort size " + n + " must be at least 1");
    }
    if (!(p0 > 0 && p0 < 1)) {
      return p0;
    }
    BinomialDistribution binomial = new BinomialDistribution(null, n, p0);
    int r = binomial.inverseCumulativeProbability(p);
    double atR = binomial.cumulativeProbability(r);
    double below = r == 0 ? 0 : binomial.cumulativeProbability(r - 1);
    double alpha = atR == below ? 0 : (atR - p) / (atR - below);
    return Math.max(0, Math.min(1, (r - alpha) / n));
  }

  /** The lower and upper limits at a two-sided {@code level} (0.95, 0.998) for a cohort of {@code n}. */
  public static Interval limits(double p0, int n, double level) {
    double tail = (1 - level) / 2;
    return new Interval(p0, exact(p0, n, tail), exact(p0, n, 1 - tail));
  }

  /** Limits widened by the between-council variance {@code tau2}. */
  public static Interval overdispersed(double p0, int n, double level, double tau2) {
    double z = Interval.z(level);
    double spread = z * Math.sqrt(p0 * (1 - p0) / n + tau2);
    return new Interval(p0, Math.max(0, p0 - spread), Math.min(1, p0 + spread));
  }
}
