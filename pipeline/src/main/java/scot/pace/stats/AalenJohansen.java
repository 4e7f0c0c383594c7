package scot.pace.stats;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Aalen-Johansen cumulative incidence of competing outcomes: F_k(t) = Σ over event times
 * t_i ≤ t of S(t_i-) · d_ki / n_i, where S is the Kaplan-Meier estimate of having had no outcome
 * of any kind, n_i are at risk just before t_i and d_ki had outcome k at t_i. Censoring removes a
 * child from the risk set without an outcome. The F_k and S add to 1 at every t.
 */
public final class AalenJohansen {
  private final int causes;
  private final int[] times;
  private final double[][] incidence;
  private final double[] allFree;

  /**
   * @param outcomes each child's time and cause (0 censored, 1..causes an outcome)
   * @param causes the number of outcome kinds
   */
  public AalenJohansen(List<Outcome> outcomes, int causes) {
    this.causes = causes;
    Outcome[] sorted = outcomes.toArray(Outcome[]::new);
    Arrays.sort(sorted, Comparator.comparingInt(Outcome::days));
    int distinct = (int) Arrays.stream(sorted).mapToInt(Outcome::days).distinct().count();
    times = new int[distinct];
    incidence = new double[distinct][causes + 1];
    allFree = new double[distinct];
    double s = 1;
    double[] cumulative = new double[causes + 1];
    int risk = sorted.length;
    int i = 0;
    int step = 0;
    while (i < sorted.length) {
      int t = sorted[i].days();
      int[] d = new int[causes + 1];
      int leaving = 0;
      while (i < sorted.length && sorted[i].days() == t) {
        int cause = sorted[i].cause();
        if (cause > causes) {
          throw new IllegalArgumentException("cause " + cause + " beyond the " + causes + " given");
        }
        d[cause]++;
        leaving++;
        i++;
      }
      int eventsHere = leaving - d[0];
      for (int k = 1; k <= causes; k++) {
        cumulative[k] += s * d[k] / risk;
      }
      s *= 1 - eventsHere / (double) risk;
      risk -= leaving;
      times[step] = t;
      incidence[step] = cumulative.clone();
      allFree[step] = s;
      step++;
    }
  }

  /** F_k(t): the share who had outcome {@code cause} (1-based) by {@code days}. */
  public double incidence(int cause, int days) {
    if (cause < 1 || cause > causes) {
      throw new IllegalArgumentException("cause " + cause + " is not 1.." + causes);
    }
    int k = stepAtOrBefore(days);
    return k < 0 ? 0 : incidence[k][cause];
  }

  /**
   * The mean time, in days, to an outcome among {@code causes}, among those who had one of them by
   * {@code horizon}: Σ t_i ΔF(t_i) / F(horizon) over outcome times up to the horizon, with F the
   * summed incidence of those causes. NaN when none had such an outcome.
   */
  public double meanTimeAmong(int[] causes, int horizon) {
    double weighted = 0;
    double previous = 0;
    double total = 0;
    for (int step = 0; step < times.length && times[step] <= horizon; step++) {
      double f = 0;
      for (int cause : causes) {
        f += incidence[step][cause];
      }
      weighted += times[step] * (f - previous);
      previous = f;
      total = f;
    }
    return total == 0 ? Double.NaN : weighted / total;
  }

  /** The share with no outcome of any kind by {@code days}. */
  public double noOutcome(int days) {
    int k = stepAtOrBefore(days);
    return k < 0 ? 1 : allFree[k];
  }

  private int stepAtOrBefore(int days) {
    int k = Arrays.binarySearch(times, days);
    return k >= 0 ? k : -k - 2;
  }
}
