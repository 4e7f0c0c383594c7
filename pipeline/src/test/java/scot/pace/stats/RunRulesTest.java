package scot.pace.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Anhøj's rules on hand-worked series around a median of 10. */
class RunRulesTest {
  @Test
  void aClearShiftOfNinePointsIsSignalled() {
    // 12 useful points: run limit round(log2 12) + 3 = 4 + 3 = 7; the last 9 are all above.
    double[] values = {9, 11, 8, 12, 11, 12, 13, 14, 12, 15, 13, 11};
    RunRules rules = RunRules.of(values, 10);
    assertEquals(12, rules.usefulPoints());
    assertEquals(9, rules.longestRun());
    assertEquals(7, rules.runLimit());
    assertTrue(rules.isShift());
  }

  @Test
  void aShiftOfEightPointsIsSignalled() {
    // 14 useful points: limit round(log2 14) + 3 = round(3.81) + 3 = 7; points 7 to 14 all below.
    double[] values = {11, 9, 12, 9, 11, 12, 8, 9, 7, 9, 8, 9, 6, 9};
    RunRules rules = RunRules.of(values, 10);
    assertEquals(14, rules.usefulPoints());
    assertEquals(8, rules.longestRun());
    assertEquals(7, rules.runLimit());
    assertTrue(rules.isShift());
    boolean[] marked = RunRules.inLongRuns(values, 10, rules.runLimit());
    for (int i = 0; i < values.length; i++) {
      assertEquals(i >= 6, marked[i], "point " + i);
    }
  }

  @Test
  void aSeriesThatAlternatesHasNoSignal() {
    double[] values = {9, 11, 9, 11, 8, 12, 9, 11, 8, 12, 9, 11};
    RunRules rules = RunRules.of(values, 10);
    assertEquals(1, rules.longestRun());
    assertEquals(11, rules.crossings());
    assertFalse(rules.isShift());
    assertFalse(rules.hasTooFewCrossings());
  }

  @Test
  void aRunOfExactlyTheLimitIsNoSignalAndPointsOnTheMedianAreLeftOut() {
    // 16 useful points (two on the median left out): limit round(log2 16) + 3 = 7; longest run 7.
    double[] values = {11, 11, 11, 11, 10, 11, 11, 11, 9, 11, 9, 10, 11, 9, 11, 9, 11, 9};
    RunRules rules = RunRules.of(values, 10);
    assertEquals(16, rules.usefulPoints());
    assertEquals(7, rules.runLimit());
    assertEquals(7, rules.longestRun());
    assertFalse(rules.isShift());
  }

  @Test
  void tooFewCrossingsIsSignalledBelowTheFifthPercentile() {
    // 20 useful points, crossing once: the 5th percentile of Binomial(19, 0.5) is 6.
    double[] values = new double[20];
    for (int i = 0; i < 20; i++) {
      values[i] = i < 10 ? 9 : 11;
    }
    RunRules rules = RunRules.of(values, 10);
    assertEquals(1, rules.crossings());
    assertEquals(6, rules.crossingLimit());
    assertTrue(rules.hasTooFewCrossings());
  }

  @Test
  void belowTenUsefulPointsThereIsNoVerdict() {
    RunRules rules = RunRules.of(new double[] {11, 11, 11, 11, 11, 11, 11, 11, 11}, 10);
    assertTrue(rules.tooFewPoints());
    assertFalse(rules.isShift());
  }
}
