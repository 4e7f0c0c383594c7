package scot.pace.stats;

import org.apache.commons.math3.distribution.BetaDistribution;

/**
 * The exact (Clopper-Pearson) binomial interval for {@code x} successes in {@code n} trials, as
 * R's {@code binom.test(x, n)$conf.int}: the 0.025 quantile of Beta(x, n - x + 1) and the 0.975
 * quantile of Beta(x + 1, n - x) at 95%, with 0 (1) where x is 0 (n).
 */
public final class ClopperPearson {
  private ClopperPearson() {}

  public static Interval of(int x, int n, double confidence) {
    if (n <= 0 || x < 0 || x > n) {
      throw new IllegalArgumentException(x + " of " + n + " is not a binomial count");
    }
    double tail = (1 - confidence) / 2;
    double lower = x == 0 ? 0 : new BetaDistribution(null, x, n - x + 1.0).inverseCumulativeProbability(tail);
    double upper = x == n ? 1 : new BetaDistribution(null, x + 1.0, n - x).inverseCumulativeProbability(1 - tail);
    return new Interval(x / (double) n, lower, upper);
  }
}
