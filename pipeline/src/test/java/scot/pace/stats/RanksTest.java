package scot.pace.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RanksTest {
  @Test
  void clearlySeparatedCouncilsHaveCertainRanks() {
    Interval[] ranks = Ranks.of(new long[] {100, 900, 500}, new long[] {1000, 1000, 1000}, 7);
    assertEquals(new Interval(3, 3, 3), ranks[0]);
    assertEquals(new Interval(1, 1, 1), ranks[1]);
    assertEquals(new Interval(2, 2, 2), ranks[2]);
  }

  @Test
  void indistinguishableCouncilsCouldBeAnywhereAndTiesShareTheBestRank() {
    Interval[] ranks = Ranks.of(new long[] {5, 5, 5}, new long[] {10, 10, 10}, 7);
    for (Interval rank : ranks) {
      assertEquals(1, rank.estimate());
      assertEquals(1, rank.lower());
      assertEquals(3, rank.upper());
    }
  }

  @Test
  void theSameSeedGivesTheSameIntervals() {
    long[] x = {3, 8, 12, 20};
    long[] n = {20, 40, 50, 60};
    assertEquals(java.util.List.of(Ranks.of(x, n, 11)), java.util.List.of(Ranks.of(x, n, 11)));
  }
}
