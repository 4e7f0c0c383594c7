package scot.pace.stats;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * A point estimate with its confidence interval.
 *
 * @param estimate the estimate
 * @param lower lower limit (NaN where it cannot be given)
 * @param upper upper limit (NaN where it cannot be given)
 */
public record Interval(double estimate, double lower, double upper) {
  /** The standard normal distribution, without a random generator: only its quantiles are used. */
  private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

  /**
   * The standard normal quantile of a two-sided {@code level} (1.96 at 0.95). A new
   * {@code NormalDistribution()} seeds a Mersenne Twister each time, which cost seconds where an
   * interval is worked out for every council and year.
   */
  public static double z(double level) {
    return STANDARD_NORMAL.inverseCumulativeProbability(1 - (1 - level) / 2);
  }

  /**
   * R's pointwise log-log interval of a share ({@code survfit_confint(p, se, logse = FALSE,
   * conf.type = "log-log")}): exp(-exp(log(-log p) ∓ z·(se/p)/log p)), which is
   * p^exp(±z·se/(p·|log p|)); NaN limits where p is 0 or 1, as R gives none there.
   */
  public static Interval logLog(double share, double standardError, double z) {
    if (share <= 0 || share >= 1) {
      return new Interval(share, Double.NaN, Double.NaN);
    }
    double half = z * (standardError / share) / Math.log(share);
    double lower = Math.exp(-Math.exp(Math.log(-Math.log(share)) - half));
    double upper = Math.exp(-Math.exp(Math.log(-Math.log(share)) + half));
    return new Interval(share, lower, upper);
  }
}
