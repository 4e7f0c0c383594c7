package scot.pace.stats;

import java.util.Arrays;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * Councils ranked by a proportion, highest first, with the uncertainty of each rank for a
 * caterpillar chart (Marshall and Spiegelhalter 1998, BMJ 316:1701). Each council's proportion is
 * drawn from its Jeffreys posterior Beta(x + 1/2, n - x + 1/2), the councils are ranked in each
 * draw, and the 2.5th and 97.5th percentiles of a council's ranks give its 95% interval. The draws
 * come from a fixed seed, so a rebuild gives the same intervals.
 */
public final class Ranks {
  public static final int DRAWS = 2000;

  private Ranks() {}

  /**
   * @param successes each council's numerator
   * @param trials each council's denominator (at least 1)
   * @return per council, its rank by observed proportion (ties share the best rank) and its 95% interval
   */
  public static Interval[] of(long[] successes, long[] trials, long seed) {
    int councils = successes.length;
    double[] observed = new double[councils];
    BetaDistribution[] posterior = new BetaDistribution[councils];
    RandomGenerator random = new Well19937c(seed);
    for (int i = 0; i < councils; i++) {
      if (trials[i] < 1 || successes[i] < 0 || successes[i] > trials[i]) {
        throw new IllegalArgumentException("council " + i + ": " + successes[i] + " of " + trials[i]
            + " is not a proportion");
      }
      observed[i] = (double) successes[i] / trials[i];
      posterior[i] = new BetaDistribution(random, successes[i] + 0.5, trials[i] - successes[i] + 0.5);
    }
    int[][] ranks = new int[councils][DRAWS];
    double[] draw = new double[councils];
    for (int d = 0; d < DRAWS; d++) {
      for (int i = 0; i < councils; i++) {
        draw[i] = posterior[i].sample();
      }
      for (int i = 0; i < councils; i++) {
        ranks[i][d] = rankOf(draw[i], draw);
      }
    }
    Interval[] result = new Interval[councils];
    for (int i = 0; i < councils; i++) {
      int[] sorted = ranks[i];
      Arrays.sort(sorted);
      result[i] = new Interval(rankOf(observed[i], observed), sorted[(int) Math.floor(0.025 * (DRAWS - 1))],
          sorted[(int) Math.ceil(0.975 * (DRAWS - 1))]);
    }
    return result;
  }

  /** 1 + the number of values above {@code value}. */
  static int rankOf(double value, double[] values) {
    int above = 0;
    for (double other : values) {
      if (other > value) {
        above++;
      }
    }
    return 1 + above;
  }
}
