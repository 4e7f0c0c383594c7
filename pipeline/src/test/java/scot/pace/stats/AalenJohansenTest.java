package scot.pace.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AalenJohansenTest {
  @Test
  void withoutCensoringIncidenceIsThePlainShareByEachTime() {
    List<Outcome> outcomes = List.of(new Outcome(1, 1), new Outcome(2, 2), new Outcome(2, 1), new Outcome(5, 2),
        new Outcome(7, 1));
    AalenJohansen aj = new AalenJohansen(outcomes, 2);
    assertEquals(0.2, aj.incidence(1, 1), 1e-12);
    assertEquals(0.4, aj.incidence(1, 2), 1e-12);
    assertEquals(0.2, aj.incidence(2, 2), 1e-12);
    assertEquals(0.6, aj.incidence(1, 10), 1e-12);
    assertEquals(0.4, aj.incidence(2, 10), 1e-12);
    assertEquals(0, aj.noOutcome(10), 1e-12);
  }

  @Test
  void withCensoringIncidencesAndTheRestAddToOne() {
    // Worked by hand: n=5. t=1 cause 1 (S- = 1, F1 += 1/5); t=2 censored; t=3 cause 2 with 3 at
    // risk (S- = 4/5, F2 += 4/5 * 1/3); t=4 cause 1 with 2 at risk (S- = 8/15, F1 += 8/15 * 1/2).
    List<Outcome> outcomes = List.of(new Outcome(1, 1), new Outcome(2, 0), new Outcome(3, 2), new Outcome(4, 1),
        new Outcome(6, 0));
    AalenJohansen aj = new AalenJohansen(outcomes, 2);
    assertEquals(0.2 + 4.0 / 15, aj.incidence(1, 5), 1e-12);
    assertEquals(4.0 / 15, aj.incidence(2, 5), 1e-12);
    assertEquals(4.0 / 15, aj.noOutcome(5), 1e-12);
    assertEquals(1, aj.incidence(1, 5) + aj.incidence(2, 5) + aj.noOutcome(5), 1e-12);
  }

  /** Twelve children with ties, censoring and both outcomes; R's values printed with %.15g. */
  private static List<Outcome> twelve() {
    return outcomes(new int[] {1, 2, 2, 3, 4, 4, 5, 6, 7, 8, 8, 9}, new int[] {1, 2, 0, 1, 1, 0, 2, 1, 0, 1, 1, 2});
  }

  private static List<Outcome> outcomes(int[] days, int[] causes) {
    List<Outcome> outcomes = new ArrayList<>();
    for (int i = 0; i < days.length; i++) {
      outcomes.add(new Outcome(days[i], causes[i]));
    }
    return outcomes;
  }

  @Test
  void standardErrorsAndLogLogIntervalsAreThoseOfRsMultiStateSurvfit() {
    // R 4.2, survival 3.5-3: survfit(Surv(d, factor(cause, 0:2)) ~ 1, conf.type = "log-log"):
    // std.err, lower and upper of each state at times 1..9.
    double[][] error = {
      {0.0797855923130282, 0.0797855923130282, 0.113328777578624, 0.13304760479809, 0.13304760479809,
        0.15070524090781, 0.15070524090781, 0.161362736451185, 0.161362736451185},
      {0, 0.0797855923130282, 0.0797855923130282, 0.0797855923130282, 0.123104779365259, 0.123104779365259,
        0.123104779365259, 0.123104779365259, 0.161362736451185}};
    double[][] lower = {
      {0.00505283547899073, 0.00505283547899073, 0.0275004353093558, 0.0638029537813672, 0.0638029537813672,
        0.112977247730707, 0.112977247730707, 0.269961968402629, 0.269961968402629},
      {Double.NaN, 0.00505283547899073, 0.00505283547899073, 0.00505283547899073, 0.0288759465638547,
        0.0288759465638547, 0.0288759465638547, 0.0288759465638547, 0.0750316536650817}};
    double[][] upper = {
      {0.311070409989987, 0.311070409989987, 0.43159167191945, 0.533548713555298, 0.533548713555298,
        0.645652102280297, 0.645652102280297, 0.880320109993984, 0.880320109993984},
      {Double.NaN, 0.311070409989987, 0.311070409989987, 0.311070409989987, 0.462364541948612,
        0.462364541948612, 0.462364541948612, 0.462364541948612, 0.630763053877457}};
    AalenJohansen aj = new AalenJohansen(twelve(), 2);
    for (int cause = 1; cause <= 2; cause++) {
      for (int t = 1; t <= 9; t++) {
        String at = "cause " + cause + " day " + t;
        assertEquals(error[cause - 1][t - 1], aj.standardError(cause, t), 1e-13, at);
        Interval interval = aj.interval(cause, t);
        assertEquals(lower[cause - 1][t - 1], interval.lower(), 1e-13, at);
        assertEquals(upper[cause - 1][t - 1], interval.upper(), 1e-13, at);
      }
    }
  }

  @Test
  void medianAndItsLimitsAreRsQuantilesOfTheIncidence() {
    // survival:::findq on c(0, pstate), c(0, upper) and c(0, lower), tolerance sqrt(.Machine$double.eps).
    assertInterval(8, 4, Double.NaN, new AalenJohansen(twelve(), 2).quantile(1, 0.5));
    // Exactly 0.5 from day 2 to day 5: the midpoint.
    assertInterval(3.5, 1, Double.NaN,
        new AalenJohansen(outcomes(new int[] {1, 2, 3, 5}, new int[] {1, 1, 2, 1}), 2).quantile(1, 0.5));
    // 0.5 reached by adding tenths, then flat to day 9: within the tolerance, the midpoint of 6 and 9.
    assertInterval(7.5, 4, Double.NaN, new AalenJohansen(outcomes(new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10},
        new int[] {2, 1, 1, 1, 1, 1, 2, 0, 1, 2}), 2).quantile(1, 0.5));
    // Five tenths that sum to 0.49999999999999994 and stay there: R says not reached.
    assertInterval(Double.NaN, 3, Double.NaN, new AalenJohansen(outcomes(new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10},
        new int[] {1, 1, 1, 1, 1, 2, 2, 2, 2, 2}), 2).quantile(1, 0.5));
    // The last child at risk has the event: no upper limit can be estimated.
    assertInterval(7, 2, Double.NaN,
        new AalenJohansen(outcomes(new int[] {2, 4, 4, 6, 8}, new int[] {1, 0, 2, 1, 1}), 2).quantile(1, 0.5));
  }

  private static void assertInterval(double estimate, double lower, double upper, Interval actual) {
    assertEquals(estimate, actual.estimate(), 1e-12, "median");
    assertEquals(lower, actual.lower(), 1e-12, "lower");
    assertEquals(upper, actual.upper(), 1e-12, "upper");
  }

  @Test
  void exactBinomialIntervalsAreRsBinomTest() {
    // binom.test(x, 25)$conf.int
    Interval none = ClopperPearson.of(0, 25, 0.95);
    assertEquals(0, none.lower(), 0);
    assertEquals(0.1371852, none.upper(), 1e-7);
    Interval seven = ClopperPearson.of(7, 25, 0.95);
    assertEquals(0.1207167, seven.lower(), 1e-7);
    assertEquals(0.4938768, seven.upper(), 1e-7);
    Interval all = ClopperPearson.of(25, 25, 0.95);
    assertEquals(0.8628148, all.lower(), 1e-7);
    assertEquals(1, all.upper(), 0);
  }

  @Test
  void aPublishedShareNeverHasAZeroWidthInterval() {
    // Nobody reached permanence by day 3 and nobody was censored before: exact interval of 0 of 4.
    List<Outcome> noneYet = outcomes(new int[] {3, 5, 6, 7}, new int[] {2, 1, 1, 0});
    ShareEstimate exact = ShareEstimate.at(new AalenJohansen(noneYet, 2), 1, 4, 0.95);
    assertEquals(0, exact.estimate(), 0);
    assertEquals(IntervalMethod.CLOPPER_PEARSON, exact.method());
    assertTrue(exact.upper() > 0.5, "0 of 4: the exact upper limit is wide, " + exact.upper());
    // The same with a child censored on day 1: no interval can be estimated.
    List<Outcome> censoredFirst = outcomes(new int[] {1, 3, 5, 6, 7}, new int[] {0, 2, 1, 1, 0});
    ShareEstimate none = ShareEstimate.at(new AalenJohansen(censoredFirst, 2), 1, 4, 0.95);
    assertEquals(0, none.estimate(), 0);
    assertEquals(IntervalMethod.NONE, none.method());
    assertTrue(Double.isNaN(none.lower()) && Double.isNaN(none.upper()));
    // Beyond the longest follow-up the figure is empty.
    ShareEstimate unseen = ShareEstimate.at(new AalenJohansen(censoredFirst, 2), 1, 8, 0.95);
    assertTrue(Double.isNaN(unseen.estimate()));
    assertNull(unseen.method());
    // Otherwise R's log-log interval, strictly around the estimate.
    ShareEstimate usual = ShareEstimate.at(new AalenJohansen(twelve(), 2), 1, 6, 0.95);
    assertEquals(IntervalMethod.LOG_LOG, usual.method());
    assertEquals(0.112977247730707, usual.lower(), 1e-13);
    assertEquals(0.645652102280297, usual.upper(), 1e-13);
  }
}
