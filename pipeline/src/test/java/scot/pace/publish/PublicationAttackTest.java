package scot.pace.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scot.pace.BuiltLake;
import scot.pace.SharedSpark;
import scot.pace.TestCouncils;
import scot.pace.disclosure.DisclosureControl;
import scot.pace.files.CsvWriter;
import scot.pace.lake.Lake;
import scot.pace.measure.CohortOutcomes;
import scot.pace.measure.TimeToPermanence;
import scot.pace.publish.attack.DisclosureCheck;
import scot.pace.report.Report;

/**
 * The publication of a lake built to be hard to protect ({@link BuiltLake}: six councils of a few
 * children a year, one of about one child, beside one ordinary council), attacked with only the
 * published files. The same attacks on the exact gold values must find plenty, or the attacks
 * prove nothing.
 */
class PublicationAttackTest {
  static final DisclosureControl SDC = new DisclosureControl(4);
  @TempDir static Path dir;
  static SparkSession spark;
  static Lake lake;
  static Publication publication;

  @BeforeAll
  static void buildAndPublish() {
    spark = SharedSpark.session();
    lake = BuiltLake.get().lake;
    publication = Publication.of(spark, lake, SDC);
    scot.pace.files.Folders.create(dir.resolve("published/extracts"));
    scot.pace.files.Folders.create(dir.resolve("exact"));
    for (Publication.Table table : publication.tables()) {
      try (CsvWriter csv = new CsvWriter(dir.resolve("published/extracts").resolve(table.name() + ".csv"), table.columns())) {
        table.rows().forEach(row -> csv.line(row.line(table.columns())));
      }
      try (CsvWriter csv = new CsvWriter(dir.resolve("exact").resolve(table.name() + ".csv"), table.columns())) {
        table.rows().forEach(row -> csv.line(new ProtectedRow(row.values(), Set.of()).line(table.columns())));
      }
    }
    Report.write(spark, lake, publication, SDC, dir.resolve("published"),
        new scot.pace.report.Provenance("test-run", java.time.Instant.EPOCH, "pace test"));
  }

  @Test
  void nothingPublishedGivesBackASmallCountOrAWithheldCell() {
    List<DisclosureCheck.Finding> findings = DisclosureCheck.of(dir.resolve("published"), SDC);
    assertEquals(List.of(), findings.stream().limit(20).map(String::valueOf).toList(),
        findings.size() + " cells can be worked out of the published files");
  }

  @Test
  void theSameAttacksOnTheExactValuesFindThemByEveryRoute() {
    List<DisclosureCheck.Finding> findings = DisclosureCheck.of(dir.resolve("exact"), SDC);
    Set<String> routes = findings.stream().map(DisclosureCheck.Finding::route).collect(Collectors.toSet());
    for (String route : List.of("published as it is", "differenced along time", "a share times its base",
        "a base less its numerator", "a curve's step")) {
      assertTrue(routes.contains(route), "no finding by " + route + " on exact values: " + routes);
    }
  }

  @Test
  void theOrdinaryCouncilIsStillPublishedAndTheTinyOnesAreNot() {
    List<ProtectedRow> summary = publication.rowsOf(TimeToPermanence.SUMMARY).stream()
        .filter(r -> r.key("population").equals("accommodated")).toList();
    List<Object> dundee = new ArrayList<>();
    for (ProtectedRow row : summary) {
      String council = row.key("council");
      long children = ((Number) row.values().get("children")).longValue();
      if (council.equals(TestCouncils.DUNDEE.code())) {
        dundee.add(row.get("children"));
      } else if (!council.equals(CohortOutcomes.SCOTLAND) && SDC.isSmall(children)) {
        assertTrue(row.isWithheld("children"), council + " " + row.key("cohort_year") + ": " + children);
      }
    }
    assertFalse(dundee.isEmpty());
    assertTrue(dundee.stream().allMatch(v -> v != null), "Dundee's cohorts are all published: " + dundee);
    long points = publication.rowsOf(TimeToPermanence.POINTS).stream()
        .filter(r -> r.key("council").equals(TestCouncils.DUNDEE.code()) && r.get("within") != null).count();
    assertTrue(points > 20, "Dundee's curves are published at " + points + " quarter years");
  }

  @Test
  void thePageAndTheExtractShowTheSameValueForTheSameCell() throws Exception {
    String page = java.nio.file.Files.readString(dir.resolve("published/report/councils/" + TestCouncils.DUNDEE.code()
        + "/tables/time_to_permanence.csv"));
    for (ProtectedRow row : publication.rowsOf(TimeToPermanence.SUMMARY)) {
      if (row.key("council").equals(TestCouncils.DUNDEE.code()) && row.key("population").equals("accommodated")) {
        int year = row.key("cohort_year");
        String cohort = (year - 1) + "-" + String.valueOf(year).substring(2);
        String children = row.isWithheld("children") ? DisclosureControl.SUPPRESSED
            : String.format(java.util.Locale.UK, "%,d", row.<Long>get("children"));
        assertTrue(page.contains(cohort + "," + children) || page.contains(cohort + " *," + children),
            cohort + " shows " + children + " children in the extract: " + page);
      }
    }
  }
}
