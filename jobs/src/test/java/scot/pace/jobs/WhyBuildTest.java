package scot.pace.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import scot.pace.catalogue.BuildScope;
import scot.pace.lake.GoodRuns;

/** When a nightly run builds every table again, and what it says about why. */
class WhyBuildTest {
  static final Map<String, Long> TABLES = Map.of("gold_aim2", 7L, "silver_journeys", 4L);
  static final Optional<GoodRuns.GoodRun> LAST = Optional.of(new GoodRuns.GoodRun("2026-12-01T02:00:00Z", TABLES,
      "config-a", "code-a"));

  @Test
  void nothingNewWithTheSameConfigurationAndCodeBuildsNothing() {
    assertEquals(List.of(), NightlyRun.whyBuild(0, true, LAST, TABLES, "config-a", "code-a"));
  }

  @Test
  void aChangedConfigurationOrCodeBuildsEverythingAgainAndSaysSo() {
    assertEquals(List.of("the configuration the tables depend on changed since the last good run"),
        NightlyRun.whyBuild(0, true, LAST, TABLES, "config-b", "code-a"));
    assertEquals(List.of("the code changed since the last good run (pace was updated)"),
        NightlyRun.whyBuild(0, true, LAST, TABLES, "config-a", "code-b"));
    assertEquals(List.of("the last good run did not record its settings and code"),
        NightlyRun.whyBuild(0, true, Optional.of(new GoodRuns.GoodRun("2026-12-01T02:00:00Z", TABLES, "config-a", null)),
            TABLES, "config-a", "code-a"));
  }

  @Test
  void returnsLoadedAMissingReportAndAMovedTableEachSayWhy() {
    assertEquals(List.of("1 return loaded"), NightlyRun.whyBuild(1, true, LAST, TABLES, "config-a", "code-a"));
    assertEquals(List.of("3 returns loaded", "the published report is missing"),
        NightlyRun.whyBuild(3, false, LAST, TABLES, "config-a", "code-a"));
    assertEquals(List.of("a table changed since the last good run (a run stopped part-way, or a change by hand)"),
        NightlyRun.whyBuild(0, true, LAST, Map.of("gold_aim2", 8L, "silver_journeys", 4L), "config-a", "code-a"));
    assertEquals(List.of("no good nightly or demo run on record"),
        NightlyRun.whyBuild(0, true, Optional.empty(), TABLES, "config-a", "code-a"));
  }

  @Test
  void returnsLoadedAloneRebuildTheirCouncilsSilverRowsAndAnythingElseEverything() {
    Set<String> two = Set.of("S12000005", "S12000042");
    assertEquals(BuildScope.councils(two), NightlyRun.scope(two, true, LAST, TABLES, "config-a", "code-a"));
    assertEquals(BuildScope.everything(), NightlyRun.scope(two, true, LAST, TABLES, "config-b", "code-a"));
    assertEquals(BuildScope.everything(), NightlyRun.scope(two, true, LAST, TABLES, "config-a", "code-b"));
    assertEquals(BuildScope.everything(), NightlyRun.scope(two, false, LAST, TABLES, "config-a", "code-a"));
    assertEquals(BuildScope.everything(), NightlyRun.scope(two, true, Optional.empty(), TABLES, "config-a", "code-a"));
    assertEquals(BuildScope.everything(),
        NightlyRun.scope(two, true, LAST, Map.of("gold_aim2", 8L, "silver_journeys", 4L), "config-a", "code-a"));
    assertEquals(BuildScope.everything(), NightlyRun.scope(Set.of(), true, LAST, TABLES, "config-b", "code-a"));
    assertEquals("silver rows of S12000005, S12000042 only, every gold table whole",
        BuildScope.councils(two).describe());
  }
}
