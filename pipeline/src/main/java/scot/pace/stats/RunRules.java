package scot.pace.stats;

import org.apache.commons.math3.distribution.BinomialDistribution;

/**
 * Anhøj's rules for non-random variation in a run chart (Anhøj and Olesen 2014, PLoS ONE
 * 9:e113825). Points on the median are left out; the rest are "useful". A shift is signalled when
 * the longest run of useful points on one side of the median is longer than round(log2(n)) + 3;
 * too few crossings when the number of times the series crosses the median is below the 5th
 * percentile of Binomial(n - 1, 0.5), the smallest c with P(C ≤ c) ≥ 0.05. Below 10 useful points
 * there is no verdict.
 *
 * @param usefulPoints points not on the median
 * @param longestRun longest run on one side
 * @param runLimit the longest run allowed without a signal
 * @param crossings times the series crosses the median
 * @param crossingLimit the fewest crossings allowed without a signal
 * @param tooFewPoints fewer than 10 useful points: no verdict
 */
public record RunRules(
    int usefulPoints, int longestRun, int runLimit, int crossings, int crossingLimit, boolean tooFewPoints) {

  public static final int MINIMUM_POINTS = 10;

  public static RunRules of(double[] values, double median) {
    int useful = 0;
    int longest = 0;
    int run = 0;
    int crossings = 0;
    int previousSide = 0;
    for (double value : values) {
      int side = Double.compare(value, median);
      if (side == 0) {
        continue;
      }
      useful++;
      if (side == previousSide) {
        run++;
      } else {
        if (previousSide != 0) {
          crossings++;
        }
        run = 1;
        previousSide = side;
      }
      longest = Math.max(longest, run);
    }
    int runLimit = (int) Math.round(Math.log(Math.max(useful, 1)) / Math.log(2)) + 3;
    int crossingLimit = useful < 2 ? 0
        : new BinomialDistribution(null, useful - 1, 0.5).inverseCumulativeProbability(0.05);
    return new RunRules(useful, longest, runLimit, crossings, crossingLimit, useful < MINIMUM_POINTS);
  }

  /**
   * Which of {@code values} belong to a run on one side of {@code median} longer than {@code
   * limit} useful points (points on the median neither break nor join a run), to highlight them.
   */
  public static boolean[] inLongRuns(double[] values, double median, int limit) {
    boolean[] marked = new boolean[values.length];
    int start = -1;
    int length = 0;
    int side = 0;
    for (int i = 0; i <= values.length; i++) {
      int here = i == values.length ? 2 : Double.compare(values[i], median);
      if (here == 0) {
        continue;
      }
      if (here != side) {
        if (length > limit) {
          for (int j = start; j < i; j++) {
            marked[j] = Double.compare(values[j], median) == side;
          }
        }
        start = i;
        length = 0;
        side = here;
      }
      length++;
    }
    return marked;
  }

  /** An unusually long run: a shift. */
  public boolean isShift() {
    return !tooFewPoints && longestRun > runLimit;
  }

  /** Unusually few crossings. */
  public boolean hasTooFewCrossings() {
    return !tooFewPoints && crossings < crossingLimit;
  }
}
