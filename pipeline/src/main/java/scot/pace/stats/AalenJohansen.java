package scot.pace.stats;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Aalen-Johansen cumulative incidence of competing outcomes: F_k(t) = Σ over outcome times
 * t_i ≤ t of S(t_i-) · d_ki / n_i, where S is the share with no outcome of any kind yet, n_i are
 * at risk just before t_i and d_ki had outcome k at t_i. Censoring removes a child from the risk
 * set without an outcome; at a time with both, outcomes come first. The F_k and S add to 1.
 *
 * <p>Standard errors are R's for the multi-state fit ({@code survfit(Surv(time, state) ~ 1)}):
 * the infinitesimal jackknife, Var F_k(t) = Σ_i (∂F_k(t)/∂w_i)², the derivative of the estimate
 * with respect to child i's case weight. Children who leave the risk set at the same time with the
 * same outcome have the same derivative, and after they leave it changes only through F_k (in
 * proportion to its growth since), so the sum runs over those groups at each time of outcome k.
 * Pointwise intervals are R's
 * {@code conf.type = "log-log"} on F itself: F^exp(±z·σ/(F·log F)), none where F is 0 or 1.
 */
public final class AalenJohansen {
  private final int causes;
  private final int total;
  private final double z;
  private final int[] times;
  private final int[] atRisk;
  private final int[] censored;
  private final int[][] events;
  private final double[][] incidence;
  private final double[][] standardError;
  private final double[] allFree;

  /** As {@link #AalenJohansen(List, int, double)} with 95% intervals. */
  public AalenJohansen(List<Outcome> outcomes, int causes) {
    this(outcomes, causes, 0.95);
  }

  /**
   * @param outcomes each child's time and cause (0 censored, 1..causes an outcome)
   * @param causes the number of outcome kinds
   * @param confidence the level of the pointwise intervals
   */
  public AalenJohansen(List<Outcome> outcomes, int causes, double confidence) {
    this.causes = causes;
    this.z = Interval.z(confidence);
    Outcome[] sorted = outcomes.toArray(Outcome[]::new);
    Arrays.sort(sorted, Comparator.comparingInt(Outcome::days));
    total = sorted.length;
    int distinct = (int) Arrays.stream(sorted).mapToInt(Outcome::days).distinct().count();
    times = new int[distinct];
    atRisk = new int[distinct];
    censored = new int[distinct];
    events = new int[distinct][causes + 1];
    incidence = new double[distinct][causes + 1];
    standardError = new double[distinct][causes + 1];
    allFree = new double[distinct];

    double free = 1;
    double[] cumulative = new double[causes + 1];
    // The influence of one child still at risk, on S and on each F_k.
    double riskFree = 0;
    double[] riskIncidence = new double[causes + 1];
    // The children gone, one entry per time and outcome: how many, their influence on each F_k when
    // they left, F_k then, and the slope b with which their influence moves with F_k afterwards.
    int[] goneCount = new int[sorted.length];
    double[][] goneInfluence = new double[sorted.length][];
    double[][] goneIncidence = new double[sorted.length][];
    double[] goneSlope = new double[sorted.length];
    int gone = 0;
    int risk = total;
    int i = 0;
    for (int step = 0; step < distinct; step++) {
      int t = sorted[i].days();
      int[] d = events[step];
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
      double hazard = (leaving - d[0]) / (double) risk;
      // In R's order of operations (survfitci.c: p = p %*% H, H[0][k] = d_k / n, H[0][0] = 1 - d / n),
      // so that an estimate that should be exactly 0.5 rounds as R's does: R compares the curve's
      // largest value with 0.5 without a tolerance.
      double[] next = cumulative.clone();
      for (int k = 1; k <= causes; k++) {
        next[k] += free * (d[k] / (double) risk);
      }
      double nextFree = free * (1 - hazard);
      for (int cause = 0; cause <= causes; cause++) {
        if (d[cause] == 0) {
          continue;
        }
        int hadOutcome = cause > 0 ? 1 : 0;
        double freeInfluence = riskFree * (1 - hazard) - free * (hadOutcome - hazard) / risk;
        double[] influence = new double[causes + 1];
        for (int k = 1; k <= causes; k++) {
          double share = d[k] / (double) risk;
          influence[k] = riskIncidence[k] + riskFree * share + free * ((cause == k ? 1 : 0) - share) / risk;
        }
        goneCount[gone] = d[cause];
        goneInfluence[gone] = influence;
        goneIncidence[gone] = next;
        goneSlope[gone] = nextFree > 0 ? freeInfluence / nextFree : 0;
        gone++;
      }
      for (int k = 1; k <= causes; k++) {
        riskIncidence[k] += riskFree * d[k] / risk - free * d[k] / ((double) risk * risk);
      }
      riskFree = riskFree * (1 - hazard) + free * hazard / risk;

      times[step] = t;
      atRisk[step] = risk;
      censored[step] = d[0];
      risk -= leaving;
      cumulative = next;
      free = nextFree;
      incidence[step] = cumulative;
      allFree[step] = free;
      for (int k = 1; k <= causes; k++) {
        if (d[k] == 0 && step > 0) {
          // F_k and its variance change only at times of outcome k. Recomputing would differ in the
          // last bit, and R's quantile rule, which drops repeated values, would then see a new step.
          standardError[step][k] = standardError[step - 1][k];
          continue;
        }
        // Summed term by term, as R does: each term is small where F_k nears 0 or 1, and an expanded
        // form would leave rounding noise that the log-log interval there magnifies.
        double variance = risk * riskIncidence[k] * riskIncidence[k];
        for (int g = 0; g < gone; g++) {
          double now = goneInfluence[g][k] + goneSlope[g] * (cumulative[k] - goneIncidence[g][k]);
          variance += goneCount[g] * now * now;
        }
        standardError[step][k] = Math.sqrt(variance);
      }
    }
  }

  public int subjects() {
    return total;
  }

  /** F_k(t): the share who had outcome {@code cause} (1-based) by {@code days}. */
  public double incidence(int cause, int days) {
    checkCause(cause);
    int k = stepAtOrBefore(days);
    return k < 0 ? 0 : incidence[k][cause];
  }

  /** The infinitesimal-jackknife standard error of F_k(t), as R's {@code std.err}. */
  public double standardError(int cause, int days) {
    checkCause(cause);
    int k = stepAtOrBefore(days);
    return k < 0 ? 0 : standardError[k][cause];
  }

  /** F_k(t) with R's log-log pointwise interval (NaN limits where R gives none). */
  public Interval interval(int cause, int days) {
    return logLog(incidence(cause, days), standardError(cause, days));
  }

  /** How many had outcome {@code cause} by {@code days}. */
  public int count(int cause, int days) {
    checkCause(cause);
    int count = 0;
    for (int k = 0; k < times.length && times[k] <= days; k++) {
      count += events[k][cause];
    }
    return count;
  }

  /** How many were censored before {@code days}: none means every child was followed past it. */
  public int censoredBefore(int days) {
    int count = 0;
    for (int k = 0; k < times.length && times[k] < days; k++) {
      count += censored[k];
    }
    return count;
  }

  /** The longest follow-up in days (0 for no children). */
  public int longest() {
    return times.length == 0 ? 0 : times[times.length - 1];
  }

  /** The share with no outcome of any kind by {@code days}. */
  public double noOutcome(int days) {
    int k = stepAtOrBefore(days);
    return k < 0 ? 1 : allFree[k];
  }

  /**
   * The first time F_k reaches {@code p}, with the interval read from the pointwise limits the
   * same way (the first times the upper and the lower limit reach it), each NaN where not
   * reached; R's rule ({@link CurveQuantile}).
   */
  public Interval quantile(int cause, double p) {
    checkCause(cause);
    int m = times.length;
    double[] estimate = new double[m];
    double[] lower = new double[m];
    double[] upper = new double[m];
    for (int k = 0; k < m; k++) {
      Interval interval = logLog(incidence[k][cause], standardError[k][cause]);
      estimate[k] = interval.estimate();
      lower[k] = interval.lower();
      upper[k] = interval.upper();
    }
    return new Interval(CurveQuantile.of(times, estimate, p), CurveQuantile.of(times, upper, p),
        CurveQuantile.of(times, lower, p));
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

  /** The curves at every distinct time with an outcome or a censoring, in time order. */
  public List<Step> steps() {
    Step[] steps = new Step[times.length];
    for (int k = 0; k < times.length; k++) {
      steps[k] = new Step(times[k], atRisk[k], censored[k], events[k].clone(), incidence[k].clone(),
          standardError[k].clone(), allFree[k]);
    }
    return List.of(steps);
  }

  /**
   * One time of the curves: the counts there and the estimates just after it. Arrays are indexed
   * by cause (index 0 unused for the estimates; {@code events[0]} would be the censored).
   */
  public record Step(int days, int atRisk, int censored, int[] events, double[] incidence,
      double[] standardError, double noOutcome) {
    /** F_k with its log-log interval at this time. */
    public Interval interval(int cause, double confidence) {
      return Interval.logLog(incidence[cause], standardError[cause], Interval.z(confidence));
    }
  }

  private Interval logLog(double share, double error) {
    return Interval.logLog(share, error, z);
  }

  private void checkCause(int cause) {
    if (cause < 1 || cause > causes) {
      throw new IllegalArgumentException("cause " + cause + " is not 1.." + causes);
    }
  }

  private int stepAtOrBefore(int days) {
    int k = Arrays.binarySearch(times, days);
    return k >= 0 ? k : -k - 2;
  }
}
