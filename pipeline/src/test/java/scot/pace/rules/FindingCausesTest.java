package scot.pace.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One bad episode date and one bad child row, as a return would give them: each row set aside
 * with them names the row to fix, and the summary says how few rows that is.
 */
class FindingCausesTest {
  static ReturnCheck.Finding finding(String file, long row, String rule, String child, String episode) {
    return new ReturnCheck.Finding(file, row, rule, Severity.ERROR, "m",
        "{\"child_id\":\"" + child + "\",\"episode_id\":\"" + episode + "\"}");
  }

  final ReturnCheck.Finding badDate = finding("episodes.csv", 3, "EP-05", "C1", "E2");
  final ReturnCheck.Finding placement = finding("placements.csv", 7, "PL-23", "C1", "E2");
  final ReturnCheck.Finding legal = finding("legal_reasons.csv", 4, "LR-23", "C1", "E2");
  final ReturnCheck.Finding milestone = finding("permanence.csv", 2, "PM-23", "C1", "E2");
  final ReturnCheck.Finding otherEpisode = finding("placements.csv", 8, "PL-23", "C1", "E1");
  final ReturnCheck.Finding badChild = finding("children.csv", 5, "CH-03", "C9", "");
  final ReturnCheck.Finding childsEpisode = finding("episodes.csv", 9, "EP-23", "C9", "E1");
  final ReturnCheck.Finding childsPlacement = finding("placements.csv", 12, "PL-23", "C9", "E1");
  final ReturnCheck.Finding ownError = finding("placements.csv", 13, "PL-09", "C1", "E2");
  final List<ReturnCheck.Finding> all = List.of(badChild, badDate, childsEpisode, placement, otherEpisode,
      childsPlacement, ownError, legal, milestone);

  FindingCauses causes() {
    Map<ReturnCheck.Finding, FindingContext> about = new IdentityHashMap<>();
    all.forEach(f -> about.put(f, FindingContext.of(f, 2023)));
    return FindingCauses.of(all, about);
  }

  @Test
  void aRowSetAsideWithItsEpisodeNamesTheEpisodesError() {
    FindingCauses causes = causes();
    for (ReturnCheck.Finding following : List.of(placement, legal, milestone)) {
      assertEquals(List.of(badDate), causes.of(following), following.ruleId());
      assertEquals("episodes.csv row 3 (EP-05)", causes.describe(following));
    }
    assertTrue(causes.of(otherEpisode).isEmpty(), "another episode of the child: not this error's doing");
    assertTrue(causes.follows(otherEpisode));
    assertFalse(causes.follows(ownError), "a row with an error of its own is to be fixed itself");
    assertEquals("", causes.describe(ownError));
  }

  @Test
  void aChildsErrorSetsAsideItsEpisodesAndTheirRows() {
    FindingCauses causes = causes();
    assertEquals(List.of(badChild), causes.of(childsEpisode));
    assertEquals(List.of(badChild), causes.of(childsPlacement), "through the episode set aside with the child");
    assertEquals(Map.of(badDate, 3, badChild, 2), causes.roots());
  }

  @Test
  void theSummarySaysHowFewRowsToFix() {
    ReturnCheck.Result result = new ReturnCheck.Result("S12000023_2023", null, Map.of(), List.of(), all);
    assertEquals("6 of the 9 errors are rows set aside only because their episode or child was: they go when the 2"
        + " errors that set them aside are fixed (set_aside_by in findings.csv).", ValidationReport.following(result,
        causes()));
  }

  @Test
  void anOldRowSetAsideByThisYearsErrorIsListedWithThisYearsAndNamesItsCause(@org.junit.jupiter.api.io.TempDir
      java.nio.file.Path dir) throws Exception {
    ReturnCheck.Finding openEpisode = new ReturnCheck.Finding("episodes.csv", 2, "EP-06", Severity.ERROR,
        "episode_start \"2019-02-30\" is not a date", "{\"child_id\":\"C1\",\"episode_id\":\"E1\","
            + "\"episode_start\":\"2019-02-30\",\"episode_end\":\"\"}");
    ReturnCheck.Finding oldPlacement = new ReturnCheck.Finding("placements.csv", 4, "PL-23", Severity.ERROR, "m",
        "{\"child_id\":\"C1\",\"episode_id\":\"E1\",\"placement_start\":\"2019-03-01\","
            + "\"placement_end\":\"2020-01-01\"}");
    assertTrue(FindingContext.of(oldPlacement, 2023).history(), "by its own dates, history");
    Map<scot.pace.returns.ReturnFile, Long> rows = new java.util.EnumMap<>(scot.pace.returns.ReturnFile.class);
    for (scot.pace.returns.ReturnFile file : scot.pace.returns.ReturnFile.values()) {
      rows.put(file, 1L);
    }
    ReturnCheck.Result result = new ReturnCheck.Result("S12000023_2023", null, rows, List.of(),
        List.of(openEpisode, oldPlacement));
    ValidationReport.write(result, dir.resolve("report"));
    List<String> lines = java.nio.file.Files.readAllLines(dir.resolve("report/findings.csv"));
    assertTrue(lines.get(2).startsWith("placements.csv,4,PL-23,ERROR,this year,C1,E1,child_id episode_id,"
        + "episodes.csv row 2 (EP-06),"), lines.get(2));
    String summary = ValidationReport.summary(result);
    assertFalse(summary.contains("About history"), "nothing left to list as history: " + summary);
    assertTrue(summary.contains("[set aside by episodes.csv row 2 (EP-06)]"), summary);
    assertTrue(java.nio.file.Files.readString(dir.resolve("report/report.html"))
        .contains("<strong>Set aside by episodes.csv row 2 (EP-06).</strong>"));
  }
}
