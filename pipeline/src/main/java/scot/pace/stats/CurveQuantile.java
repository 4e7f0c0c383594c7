package scot.pace.stats;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * The time at which a step curve of a share (a cumulative incidence, or 1 - a survival curve)
 * first reaches {@code p}, found exactly as R's {@code survival} package finds quantiles
 * ({@code findq} in {@code quantile.survfit.R}):
 *
 * <ul>
 *   <li>the curve starts at 0 at time 0; a value repeated at later times (a censoring) is not a
 *       new step, and a missing value (a pointwise limit R cannot give) is passed over;
 *   <li>the curve is compared with {@code p} with a tolerance of √(machine epsilon), never by
 *       raw floating-point equality;
 *   <li>where the curve sits on {@code p} (within the tolerance) over an interval, the answer is
 *       the midpoint of that interval; a curve that ends on {@code p} takes the midpoint between
 *       its reaching {@code p} and its last time;
 *   <li>a curve that never reaches {@code p} gives NaN ("not reached").
 * </ul>
 *
 * R searches a limit curve, which need not be monotone, by sorting its values ({@code approx});
 * this does the same, so a limit that dips back below {@code p} gives R's answer, not another.
 */
public final class CurveQuantile {
  /** R's {@code sqrt(.Machine$double.eps)}. */
  public static final double TOLERANCE = Math.sqrt(Math.ulp(1.0));

  private CurveQuantile() {}

  /**
   * @param times the curve's times in increasing order (every distinct event or censoring time)
   * @param shares the curve's value just after each time, NaN where it is not known
   * @param p the share to reach, in (0, 1]
   * @return the time, or NaN when the curve never reaches {@code p}
   */
  public static double of(int[] times, double[] shares, double p) {
    int length = times.length + 1;
    double[] x = new double[length];
    double[] y = new double[length];
    for (int i = 1; i < length; i++) {
      x[i] = times[i - 1];
      y[i] = shares[i - 1] + 0.0; // R's duplicated() takes -0 for 0; Double.equals does not
    }
    double highest = Arrays.stream(y).filter(v -> !Double.isNaN(v)).max().orElse(Double.NEGATIVE_INFINITY);
    if (highest < p) {
      return Double.NaN;
    }
    double last = x[length - 1];
    int kept = 0;
    Set<Double> seen = new HashSet<>();
    for (int i = 0; i < length; i++) {
      if (seen.add(y[i])) {
        x[kept] = x[i];
        y[kept] = y[i];
        kept++;
      }
    }
    int first = firstReaching(y, kept, p, TOLERANCE);
    int beyond = firstReaching(y, kept, p, -TOLERANCE);
    double quantile = first < 0 || beyond < 0 ? Double.NaN : (x[first] + x[beyond]) / 2;
    double end = y[kept - 1];
    if (!Double.isNaN(end) && Math.abs(p - end) < TOLERANCE) {
      quantile = (x[first] + last) / 2;
    }
    return quantile;
  }

  /**
   * R's {@code approx(y + shift, 1:n, p, method = "constant", f = 1)}: the index of the known
   * point whose shifted value is the smallest at or above {@code p}; -1 where {@code p} lies
   * outside the shifted values' range.
   */
  private static int firstReaching(double[] y, int count, double p, double shift) {
    int best = -1;
    double lowest = Double.POSITIVE_INFINITY;
    double highest = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < count; i++) {
      if (Double.isNaN(y[i])) {
        continue;
      }
      double value = y[i] + shift;
      lowest = Math.min(lowest, value);
      highest = Math.max(highest, value);
      if (value >= p && (best < 0 || value < y[best] + shift)) {
        best = i;
      }
    }
    return p < lowest || p > highest ? -1 : best;
  }
}
