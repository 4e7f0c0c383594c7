package scot.pace.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * The Kaplan-Meier estimate of the share still without the event, S(t) = Π over event times
 * t_i ≤ t of (1 - d_i / n_i), with n_i at risk just before t_i and d_i events at t_i. At a time
 * with both, events come before censorings (those censored at t_i are still at risk at t_i).
 *
 * <p>Variance by Greenwood's formula, Var S(t) = S(t)² Σ d_i / (n_i (n_i - d_i)); pointwise
 * intervals on the log-log scale, S(t)^exp(±z·σ(t)/|log S(t)|) with σ² the Greenwood sum, as R's
 * {@code survfit(conf.type = "log-log")}, which gives none where S is 1 or 0. The median and its
 * interval (Brookmeyer and Crowley 1982: the first times the lower and the upper pointwise limit
 * reach 0.5) follow R's {@code quantile.survfit} ({@link CurveQuantile}); each may be not reached.
 */
public final class KaplanMeier {
  private final int[] times;
  private final int[] atRisk;
  private final int[] events;
  private final int[] censored;
  private final double[] survival;
  private final double[] greenwood;
  private final double z;
  private final int total;

  private KaplanMeier(List<Outcome> outcomes, IntPredicate isEvent, double confidence) {
    Outcome[] sorted = outcomes.toArray(Outcome[]::new);
    Arrays.sort(sorted, Comparator.comparingInt(Outcome::days));
    total = sorted.length;
    z = Interval.z(confidence);
    List<int[]> steps = new ArrayList<>();
    int i = 0;
    int risk = total;
    while (i < sorted.length) {
      int t = sorted[i].days();
      int d = 0;
      int c = 0;
      while (i < sorted.length && sorted[i].days() == t) {
        if (isEvent.test(sorted[i].cause())) {
          d++;
        } else {
          c++;
        }
        i++;
      }
      steps.add(new int[] {t, risk, d, c});
      risk -= d + c;
    }
    int m = steps.size();
    times = new int[m];
    atRisk = new int[m];
    events = new int[m];
    censored = new int[m];
    survival = new double[m];
    greenwood = new double[m];
    double s = 1;
    double sum = 0;
    for (int k = 0; k < m; k++) {
      int[] step = steps.get(k);
      times[k] = step[0];
      atRisk[k] = step[1];
      events[k] = step[2];
      censored[k] = step[3];
      if (events[k] > 0) {
        s *= 1 - events[k] / (double) atRisk[k];
        sum += atRisk[k] == events[k] ? Double.POSITIVE_INFINITY : events[k] / ((double) atRisk[k] * (atRisk[k] - events[k]));
      }
      survival[k] = s;
      greenwood[k] = sum;
    }
  }

  /** Kaplan-Meier for the event "any cause but censoring" (cause ≥ 1). */
  public static KaplanMeier of(List<Outcome> outcomes, double confidence) {
    return new KaplanMeier(outcomes, cause -> cause >= 1, confidence);
  }

  /**
   * Kaplan-Meier for the event causes accepted by {@code isEvent}; every other outcome, competing
   * ones included, counts as censored at its time (the cause-specific estimate).
   */
  public static KaplanMeier of(List<Outcome> outcomes, IntPredicate isEvent, double confidence) {
    return new KaplanMeier(outcomes, cause -> cause >= 1 && isEvent.test(cause), confidence);
  }

  public int subjects() {
    return total;
  }

  public int eventCount() {
    return Arrays.stream(events).sum();
  }

  /** S(t): the share without the event after {@code days}. */
  public double survival(int days) {
    int k = stepAtOrBefore(days);
    return k < 0 ? 1 : survival[k];
  }

  /** S(t) with its pointwise log-log interval (NaN limits where S is 1 or 0, as R gives none). */
  public Interval survivalInterval(int days) {
    int k = stepAtOrBefore(days);
    if (k < 0) {
      return new Interval(1, Double.NaN, Double.NaN);
    }
    return pointwise(k);
  }

  /** Greenwood's standard error of S(t). */
  public double standardError(int days) {
    int k = stepAtOrBefore(days);
    return k < 0 ? 0 : survival[k] * Math.sqrt(greenwood[k]);
  }

  /** The median time and its interval, in days; NaN where not reached. */
  public Interval median() {
    int m = times.length;
    double[] reached = new double[m];
    double[] fromLower = new double[m];
    double[] fromUpper = new double[m];
    for (int k = 0; k < m; k++) {
      Interval interval = pointwise(k);
      reached[k] = 1 - survival[k];
      fromLower[k] = 1 - interval.lower();
      fromUpper[k] = 1 - interval.upper();
    }
    return new Interval(CurveQuantile.of(times, reached, 0.5), CurveQuantile.of(times, fromLower, 0.5),
        CurveQuantile.of(times, fromUpper, 0.5));
  }

  /** The curve at every distinct time with an event or a censoring, in time order. */
  public List<Step> steps() {
    List<Step> list = new ArrayList<>();
    for (int k = 0; k < times.length; k++) {
      Interval interval = pointwise(k);
      list.add(new Step(times[k], survival[k], interval.lower(), interval.upper(), atRisk[k], events[k], censored[k]));
    }
    return list;
  }

  /** One step of the curve: S just after {@code days}, its interval, and the counts at that time. */
  public record Step(int days, double survival, double lower, double upper, int atRisk, int events, int censored) {}

  private Interval pointwise(int k) {
    double s = survival[k];
    if (Double.isInfinite(greenwood[k])) {
      return new Interval(s, Double.NaN, Double.NaN);
    }
    return Interval.logLog(s, s * Math.sqrt(greenwood[k]), z);
  }

  private int stepAtOrBefore(int days) {
    int k = Arrays.binarySearch(times, days);
    if (k >= 0) {
      return k;
    }
    return -k - 2;
  }
}
