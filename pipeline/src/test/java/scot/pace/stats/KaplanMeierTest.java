package scot.pace.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Against the textbook example: the 6-MP arm of Freireich et al. (1963), remission times in weeks
 * (* censored): 6 6 6 6* 7 9* 10 10* 11* 13 16 17* 19* 20* 22 23 25* 32* 32* 34* 35*. Expected
 * survival and Greenwood errors are the exact products, worked by hand; the log-log limits and the
 * median's interval are R's {@code survfit(Surv(t, d) ~ 1, conf.type = "log-log")}.
 */
class KaplanMeierTest {
  static List<Outcome> sixMp() {
    int[] times = {6, 6, 6, 6, 7, 9, 10, 10, 11, 13, 16, 17, 19, 20, 22, 23, 25, 32, 32, 34, 35};
    int[] event = {1, 1, 1, 0, 1, 0, 1, 0, 0, 1, 1, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0};
    List<Outcome> outcomes = new ArrayList<>();
    for (int i = 0; i < times.length; i++) {
      outcomes.add(new Outcome(times[i], event[i]));
    }
    return outcomes;
  }

  @Test
  void survivalIsTheProductLimitWithTiesAndCensoring() {
    KaplanMeier km = KaplanMeier.of(sixMp(), 0.95);
    assertEquals(1.0, km.survival(5), 0);
    assertEquals(18.0 / 21, km.survival(6), 1e-12);
    assertEquals(18.0 / 21 * 16 / 17, km.survival(7), 1e-12);
    assertEquals(18.0 / 21 * 16 / 17, km.survival(9), 1e-12);
    assertEquals(18.0 / 21 * 16 / 17 * 14 / 15, km.survival(10), 1e-12);
    assertEquals(18.0 / 21 * 16 / 17 * 14 / 15 * 11 / 12, km.survival(13), 1e-12);
    assertEquals(18.0 / 21 * 16 / 17 * 14 / 15 * 11 / 12 * 10 / 11, km.survival(16), 1e-12);
    assertEquals(18.0 / 21 * 16 / 17 * 14 / 15 * 11 / 12 * 10 / 11 * 6 / 7, km.survival(22), 1e-12);
    assertEquals(0.448179271708683, km.survival(23), 1e-12);
    assertEquals(0.448179271708683, km.survival(100), 1e-12);
    assertEquals(9, km.eventCount());
  }

  @Test
  void greenwoodStandardErrorsMatchTheHandWorkedSums() {
    KaplanMeier km = KaplanMeier.of(sixMp(), 0.95);
    assertEquals(18.0 / 21 * Math.sqrt(3.0 / (21 * 18)), km.standardError(6), 1e-12);
    double sum = 3.0 / (21 * 18) + 1.0 / (17 * 16) + 1.0 / (15 * 14) + 1.0 / (12 * 11) + 1.0 / (11 * 10)
        + 1.0 / (7 * 6) + 1.0 / (6 * 5);
    assertEquals(0.448179271708683 * Math.sqrt(sum), km.standardError(23), 1e-12);
    // R prints 0.0764 and 0.1346.
    assertEquals(0.0764, km.standardError(6), 5e-5);
    assertEquals(0.1346, km.standardError(23), 5e-5);
  }

  @Test
  void logLogIntervalsMatchR() {
    KaplanMeier km = KaplanMeier.of(sixMp(), 0.95);
    // R: time 6 7 10 13 16 22 23; lower .620 .563 .503 .432 .368 .268 .188; upper .952 .923 .889
    // .849 .805 .747 .680
    int[] times = {6, 7, 10, 13, 16, 22, 23};
    double[] lower = {0.620, 0.563, 0.503, 0.432, 0.368, 0.268, 0.188};
    double[] upper = {0.952, 0.923, 0.889, 0.849, 0.805, 0.747, 0.680};
    for (int i = 0; i < times.length; i++) {
      Interval interval = km.survivalInterval(times[i]);
      assertEquals(lower[i], interval.lower(), 5e-4, "lower at " + times[i]);
      assertEquals(upper[i], interval.upper(), 5e-4, "upper at " + times[i]);
    }
    // The same limits to full precision, from the formula worked by hand at t = 6.
    double s = 18.0 / 21;
    double se = Math.sqrt(3.0 / (21 * 18)) / Math.abs(Math.log(s));
    double z = 1.959963984540054;
    assertEquals(Math.pow(s, Math.exp(z * se)), km.survivalInterval(6).lower(), 1e-12);
    assertEquals(Math.pow(s, Math.exp(-z * se)), km.survivalInterval(6).upper(), 1e-12);
  }

  @Test
  void medianWithBrookmeyerCrowleyIntervalFromTheLogLogLimits() {
    Interval median = KaplanMeier.of(sixMp(), 0.95).median();
    assertEquals(23, median.estimate(), 0);
    assertEquals(13, median.lower(), 0);
    assertTrue(Double.isNaN(median.upper()), "upper limit not reached");
  }

  @Test
  void aCohortWithNoEventsNeverReachesTheMedian() {
    KaplanMeier km = KaplanMeier.of(List.of(new Outcome(100, 0), new Outcome(200, 0), new Outcome(300, 0)), 0.95);
    assertEquals(1, km.survival(1000), 0);
    assertTrue(Double.isNaN(km.median().estimate()));
    Interval none = km.survivalInterval(250);
    assertEquals(1, none.estimate(), 0);
    assertTrue(Double.isNaN(none.lower()) && Double.isNaN(none.upper()), "R gives no interval where S is 1");
  }

  @Test
  void allEventsOnOneDayDropSurvivalToZeroThere() {
    KaplanMeier km = KaplanMeier.of(List.of(new Outcome(30, 1), new Outcome(30, 1), new Outcome(30, 1)), 0.95);
    assertEquals(1, km.survival(29), 0);
    assertEquals(0, km.survival(30), 0);
    assertEquals(30, km.median().estimate(), 0);
    assertTrue(Double.isNaN(km.survivalInterval(30).lower()), "R gives no interval where S is 0");
  }

  @Test
  void whenTheLastChildAtRiskHasTheEventTheMedianHasNoUpperLimit() {
    // R: quantile(survfit(Surv(1:5, c(0, 1, 0, 1, 1)) ~ 1, conf.type = "log-log"), 0.5) is 4 (2, NA).
    List<Outcome> outcomes = List.of(new Outcome(1, 0), new Outcome(2, 1), new Outcome(3, 0), new Outcome(4, 1),
        new Outcome(5, 1));
    Interval median = KaplanMeier.of(outcomes, 0.95).median();
    assertEquals(4, median.estimate(), 0);
    assertEquals(2, median.lower(), 0);
    assertTrue(Double.isNaN(median.upper()), "not estimable, as R says");
    assertEquals(0.12794692, KaplanMeier.of(outcomes, 0.95).survivalInterval(2).lower(), 1e-8);
    assertEquals(0.9605486, KaplanMeier.of(outcomes, 0.95).survivalInterval(2).upper(), 1e-7);
  }

  @Test
  void eventsComeBeforeCensoringsAtTheSameTime() {
    KaplanMeier km = KaplanMeier.of(List.of(new Outcome(10, 1), new Outcome(10, 0), new Outcome(20, 1)), 0.95);
    assertEquals(2.0 / 3, km.survival(10), 1e-12);
    assertEquals(0, km.survival(20), 1e-12);
    assertEquals(3, km.steps().get(0).atRisk());
    assertEquals(1, km.steps().get(1).atRisk());
  }

  @Test
  void aSingleChildIsAValidCohort() {
    KaplanMeier km = KaplanMeier.of(List.of(new Outcome(400, 1)), 0.95);
    assertEquals(0, km.survival(400), 0);
    assertEquals(400, km.median().estimate(), 0);
  }

  @Test
  void competingOutcomesAreCensoredInTheCauseSpecificEstimate() {
    List<Outcome> outcomes = List.of(new Outcome(10, 1), new Outcome(20, 2), new Outcome(30, 1), new Outcome(40, 0));
    KaplanMeier km = KaplanMeier.of(outcomes, cause -> cause == 1, 0.95);
    assertEquals(0.75 * (1 - 1.0 / 2), km.survival(30), 1e-12);
  }
}
