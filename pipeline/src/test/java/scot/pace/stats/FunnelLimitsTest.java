package scot.pace.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Funnel limits against the binomial computed here by direct summation of the probability mass
 * (independently of commons-math3), and overdispersion against a small example worked by hand.
 */
class FunnelLimitsTest {
  /** P(R ≤ r) for R ~ Binomial(n, p) by summing the mass function in logs (limits kept in [0, 1]). */
  static double cumulative(int n, double p, int r) {
    double sum = 0;
    double logChoose = 0;
    for (int k = 0; k <= r; k++) {
      if (k > 0) {
        logChoose += Math.log(n - k + 1) - Math.log(k);
      }
      sum += Math.exp(logChoose + k * Math.log(p) + (n - k) * Math.log(1 - p));
    }
    return sum;
  }

  static double expected(int n, double p0, double p) {
    int r = 0;
    while (cumulative(n, p0, r) < p) {
      r++;
    }
    double atR = cumulative(n, p0, r);
    double below = r == 0 ? 0 : cumulative(n, p0, r - 1);
    return Math.max(0, Math.min(1, (r - (atR - p) / (atR - below)) / n));
  }

  @Test
  void exactLimitsAreTheSmoothedBinomialQuantiles() {
    int[] sizes = {1, 5, 20, 100, 333, 2000};
    double[] targets = {0.08, 0.34, 0.5};
    for (int n : sizes) {
      for (double p0 : targets) {
        for (double p : new double[] {0.001, 0.025, 0.975, 0.999}) {
          assertEquals(expected(n, p0, p), FunnelLimits.exact(p0, n, p), 1e-9, "n=" + n + " p0=" + p0 + " p=" + p);
        }
      }
    }
  }

  @Test
  void workedExampleAtOneHundredAndAHalf() {
    // P(R <= 39) = 0.017600, P(R <= 40) = 0.028444 for Binomial(100, 0.5).
    double alpha = (cumulative(100, 0.5, 40) - 0.025) / (cumulative(100, 0.5, 40) - cumulative(100, 0.5, 39));
    assertEquals(0.3175, alpha, 5e-4);
    assertEquals((40 - alpha) / 100, FunnelLimits.limits(0.5, 100, 0.95).lower(), 1e-9);
    // Upper: P(R <= 59) = 0.971556, P(R <= 60) = 0.982400; the interpolation of a step function is
    // not symmetric, so the upper limit is 0.5932, not 1 - 0.3968.
    double upperAlpha = (cumulative(100, 0.5, 60) - 0.975) / (cumulative(100, 0.5, 60) - cumulative(100, 0.5, 59));
    assertEquals((60 - upperAlpha) / 100, FunnelLimits.limits(0.5, 100, 0.95).upper(), 1e-9);
    assertEquals(0.5932, FunnelLimits.limits(0.5, 100, 0.95).upper(), 5e-5);
  }

  @Test
  void limitsNarrowAsCohortsGrow() {
    Interval small = FunnelLimits.limits(0.34, 20, 0.998);
    Interval large = FunnelLimits.limits(0.34, 2000, 0.998);
    assertTrue(small.lower() < large.lower() && large.upper() < small.upper());
    Interval widened = FunnelLimits.overdispersed(0.34, 2000, 0.998, 0.002);
    assertTrue(widened.lower() < large.lower() && large.upper() < widened.upper());
  }

  @Test
  void overdispersionOfAWorkedExample() {
    // Five councils of 100 around p0 = 0.5: s = 0.05, z = (y - 0.5) / 0.05 = -4, -2, 0, 2, 4.
    // Percentiles (type 7) of z: 10th = -3.2, 90th = 3.2; winsorised: -3.2, -2, 0, 2, 3.2;
    // phi = (10.24 + 4 + 0 + 4 + 10.24) / 5 = 5.696; weights 400 each: sum 2000, sum of squares
    // 800,000; tau2 = (5 * 5.696 - 4) / (2000 - 800000 / 2000) = 24.48 / 1600 = 0.0153.
    Overdispersion result = Overdispersion.of(0.5, new double[] {0.3, 0.4, 0.5, 0.6, 0.7}, new int[] {100, 100, 100,
        100, 100});
    assertEquals(5.696, result.phi(), 1e-9);
    assertEquals(0.0153, result.tau2(), 1e-9);
    assertTrue(result.overdispersed(), "28.48 > chi2(4) 95th percentile 9.49");
  }

  @Test
  void councilsWithinChanceAreNotOverdispersed() {
    Overdispersion result = Overdispersion.of(0.5, new double[] {0.49, 0.5, 0.51, 0.5}, new int[] {100, 100, 100, 100});
    assertEquals(0, result.tau2(), 0);
    assertFalse(result.overdispersed());
  }
}
