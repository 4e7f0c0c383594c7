package scot.pace.stats;

import java.util.Arrays;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;

/**
 * Overdispersion among councils' proportions around a target p0 (Spiegelhalter 2005, section 5):
 * z-scores z_i = (y_i - p0) / s_i with s_i² = p0 (1 - p0) / n_i, winsorised at their 10th and
 * 90th percentiles; φ = Σ z_w² / I; and, when I φ exceeds I - 1, the additive between-council
 * variance τ² = (I φ - (I - 1)) / (Σ w_i - Σ w_i² / Σ w_i) with w_i = 1 / s_i². The councils are
 * overdispersed when I φ exceeds the 95th percentile of χ² with I - 1 degrees of freedom.
 *
 * @param phi the overdispersion factor
 * @param tau2 the additive between-council variance (0 when I φ ≤ I - 1)
 * @param overdispersed whether φ says the limits should be widened
 */
public record Overdispersion(double phi, double tau2, boolean overdispersed) {

  /** Percentile by linear interpolation between order statistics (type 7, as R's default). */
  static double percentile(double[] sorted, double q) {
    double position = q * (sorted.length - 1);
    int below = (int) Math.floor(position);
    int above = (int) Math.ceil(position);
    return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
  }

  /**
   * @param p0 the target proportion
   * @param proportions each council's observed proportion
   * @param sizes each council's cohort size
   */
  public static Overdispersion of(double p0, double[] proportions, int[] sizes) {
    int councils = proportions.length;
    if (councils != sizes.length || councils < 2) {
      throw new IllegalArgumentException("need a proportion and a size for each of at least two councils");
    }
    double[] z = new double[councils];
    double[] weights = new double[councils];
    for (int i = 0; i < councils; i++) {
      double variance = p0 * (1 - p0) / sizes[i];
      z[i] = (proportions[i] - p0) / Math.sqrt(variance);
      weights[i] = 1 / variance;
    }
    double[] sorted = z.clone();
    Arrays.sort(sorted);
    double low = percentile(sorted, 0.1);
    double high = percentile(sorted, 0.9);
    double sum = 0;
    for (double value : z) {
      double winsorised = Math.max(low, Math.min(high, value));
      sum += winsorised * winsorised;
    }
    double phi = sum / councils;
    double sumW = Arrays.stream(weights).sum();
    double sumW2 = Arrays.stream(weights).map(w -> w * w).sum();
    double tau2 = councils * phi > councils - 1 ? (councils * phi - (councils - 1)) / (sumW - sumW2 / sumW) : 0;
    double critical = new ChiSquaredDistribution(null, councils - 1).inverseCumulativeProbability(0.95);
    return new Overdispersion(phi, tau2, councils * phi > critical);
  }
}
