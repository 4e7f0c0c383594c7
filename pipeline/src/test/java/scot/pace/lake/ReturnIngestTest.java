package scot.pace.lake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delta.tables.DeltaTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scot.pace.TestCouncils;
import scot.pace.files.Folders;
import scot.pace.generate.SyntheticReturns;
import scot.pace.returns.ReturnFile;

/**
 * Ingest round trip on a small generated set (two councils, three years), with real Spark and
 * real Delta tables on local disk: ingested once, and every test that ingests again does it on a
 * copy of the returns and the lake, so the tests run in any order.
 */
class ReturnIngestTest {
  @TempDir static Path dir;
  static SparkSession spark;
  static Path returns;
  static Lake lake;
  static IngestReport firstIngest;

  @TempDir Path work;

  @BeforeAll
  static void generateIngestAndStart() {
    returns = dir.resolve("returns");
    new SyntheticReturns(TestCouncils.parameters(), TestCouncils.three())
        .write(returns, dir.resolve("truth"), List.of(TestCouncils.ORKNEY, TestCouncils.DUNDEE), 2021, 2023);
    lake = Lake.at(dir.resolve("lake"));
    spark = scot.pace.SharedSpark.session();
    firstIngest = ingest(returns, lake, dir.resolve("staging"), "run-1");
  }

  static IngestReport ingest(Path returns, Lake lake, Path staging, String runId) {
    return new ReturnIngest(spark, lake, TestCouncils.three(), staging)
        .ingest(returns, runId, Instant.parse("2026-01-01T00:00:00Z"));
  }

  /** The returns and the lake as the first ingest left them, copied to this test's own folder. */
  record Copy(Path returns, Lake lake, Path staging) {
    IngestReport ingest(String runId) {
      return ReturnIngestTest.ingest(returns, lake, staging, runId);
    }
  }

  Copy copy() {
    for (String folder : List.of("returns", "lake")) {
      Folders.copy(dir.resolve(folder), work.resolve(folder));
    }
    return new Copy(work.resolve("returns"), Lake.at(work.resolve("lake")), work.resolve("staging"));
  }

  @Test
  void loadsEveryRowOfEveryFileWithLineage() throws IOException {
    IngestReport report = firstIngest;
    assertEquals(List.of("S12000023_2021", "S12000023_2022", "S12000023_2023", "S12000042_2021",
        "S12000042_2022", "S12000042_2023"), report.loaded());
    assertTrue(report.rejected().isEmpty());
    for (ReturnFile file : ReturnFile.values()) {
      Map<String, Long> expected = csvRows(file);
      Map<String, Long> actual = new HashMap<>();
      for (Row row : lake.read(spark, file.bronzeTable()).groupBy(Lineage.RETURN_KEY).count().collectAsList()) {
        actual.put(row.getString(0), row.getLong(1));
      }
      assertEquals(expected, actual, file.bronzeTable());
      assertEquals(expected.values().stream().mapToLong(Long::longValue).sum(), report.rowsByFile().get(file));
    }
    Row first = lake.read(spark, "bronze_episodes")
        .where("_return_key = 'S12000042_2022' AND _row_number = 2").first();
    List<String> lines = Files.readAllLines(returns.resolve("S12000042_2022").resolve("episodes.csv"));
    assertEquals(lines.get(1), String.join(",", nulls(first, 7)), "row 2 is the first data line");
    assertEquals(returns.resolve("S12000042_2022").resolve("episodes.csv").toString(), first.getAs("_source_file"));
    assertEquals(2022, (int) first.getAs("_collection_year"));
    assertEquals("run-1", first.getAs("_run_id"));
  }

  @Test
  void aSecondIngestOfTheSameReturnsChangesNothing() throws IOException {
    Copy copy = copy();
    Map<String, Long> versions = versions(copy.lake());
    IngestReport report = copy.ingest("run-2");
    assertTrue(report.loaded().isEmpty());
    assertEquals(6, report.unchanged().size());
    assertEquals(versions, versions(copy.lake()));
  }

  /**
   * Another tool deletes bronze rows and zeroes a quality count (as `sql` once could): the next
   * ingest finds the commits no ingest signed, reads every return again and puts the rows back,
   * and says so; housekeeping's OPTIMIZE is not taken for a change.
   */
  @Test
  void aTableChangedOutsideTheIngestHasEveryReturnReadAgain() throws IOException {
    Copy copy = copy();
    Lake lake = copy.lake();
    DeltaTable.forPath(spark, lake.table("bronze_episodes")).optimize().executeCompaction();
    assertEquals(List.of(), OutsideChanges.in(lake, ReturnIngest.OWNED), "housekeeping changes no rows");
    IngestReport quiet = copy.ingest("run-2");
    assertEquals(List.of(), quiet.loaded());
    assertEquals(List.of(), quiet.warnings());

    DeltaTable.forPath(spark, lake.table("bronze_children")).delete("_return_key = 'S12000023_2021'");
    DeltaTable.forPath(spark, lake.table(QualityTables.QUALITY)).updateExpr(Map.of("rows_quarantined", "0"));
    List<OutsideChanges.Change> changes = OutsideChanges.in(lake, ReturnIngest.OWNED);
    assertEquals(List.of("bronze_children DELETE", "return_quality UPDATE"),
        changes.stream().map(c -> c.table() + " " + c.operation()).toList());

    IngestReport repaired = copy.ingest("run-3");
    assertEquals(6, repaired.loaded().size(), "every return read again");
    assertTrue(repaired.warnings().get(0).startsWith("the lake was changed outside pace ingest (bronze_children version "
        + changes.get(0).version() + " (DELETE), return_quality version " + changes.get(1).version() + " (UPDATE))"),
        repaired.warnings().toString());
    for (ReturnFile file : ReturnFile.values()) {
      Map<String, Long> actual = new HashMap<>();
      for (Row row : lake.read(spark, file.bronzeTable()).groupBy(Lineage.RETURN_KEY).count().collectAsList()) {
        actual.put(row.getString(0), row.getLong(1));
      }
      assertEquals(csvRows(file), actual, file.bronzeTable());
    }
    assertEquals(ReturnIngestTest.lake.read(spark, QualityTables.QUALITY).selectExpr("return_key", "file", "rows_quarantined")
        .collectAsList().stream().map(Row::toString).sorted().toList(),
        lake.read(spark, QualityTables.QUALITY).selectExpr("return_key", "file", "rows_quarantined")
            .collectAsList().stream().map(Row::toString).sorted().toList(), "the quality rows as the first ingest wrote them");
    assertEquals(List.of(), OutsideChanges.in(lake, ReturnIngest.OWNED), "the repair's own commits are signed");
    assertEquals(List.of(), copy.ingest("run-4").loaded());
  }

  @Test
  void theManifestsMemoHoldsWhatSparkReadsFromItAndIsIgnoredOnceStale() throws IOException {
    Lake lake = copy().lake();
    long version = lake.latestVersion(IngestManifest.TABLE).orElseThrow();
    Path memo = work.resolve("lake/_memo/ingest_manifest.json");
    assertTrue(Files.isRegularFile(memo), "the ingest left the manifest's state beside the lake");
    IngestManifest.State kept = new IngestManifest(spark, lake).state();
    Files.delete(memo);
    IngestManifest.State read = new IngestManifest(spark, lake).state();
    assertEquals(read, kept);
    assertEquals(6, read.everLoaded().size());

    // A memo of another version of the table is not used.
    new TableMemo<>(lake, IngestManifest.TABLE, IngestManifest.State.class)
        .keep(version + 1, new IngestManifest.State(Map.of(), java.util.Set.of(), 0));
    assertEquals(read, new IngestManifest(spark, lake).state());
    assertEquals(version, lake.latestVersion(IngestManifest.TABLE).orElseThrow());
  }

  /**
   * One later night on a copy, asserted many ways: a re-submission (two episodes fewer) and a
   * changed return load, the same bytes sent as a zip are recognised as unchanged, and a return
   * with a file missing, a zip that would write outside the staging folder, returns named for
   * years out of range, a copy named "S12000042_2021 (1)" and a return that is a link to another are rejected with their paths while the earlier submissions stay in force; a further night reports the
   * rejections again but records them once.
   */
  @Test
  void aLaterNightReplacesExactlyTheReSubmittedReturnsAndRejectsTheUnreadableOnes() throws IOException {
    Copy copy = copy();
    Lake lake = copy.lake();
    Path returns = copy.returns();

    Path resubmitted = returns.resolve("S12000042_2022").resolve("episodes.csv");
    List<String> lines = new ArrayList<>(Files.readAllLines(resubmitted));
    long before = lines.size() - 1;
    Files.write(resubmitted, lines.subList(0, lines.size() - 2));
    Path changed = returns.resolve("S12000023_2022").resolve("episodes.csv");
    List<String> changedLines = Files.readAllLines(changed);
    Files.write(changed, changedLines.subList(0, changedLines.size() - 1));

    Path folder = returns.resolve("S12000023_2023");
    Path zip = returns.resolve("S12000023_2023.zip");
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
      for (ReturnFile file : ReturnFile.values()) {
        out.putNextEntry(new ZipEntry("S12000023_2023/" + file.fileName()));
        Files.copy(folder.resolve(file.fileName()), out);
        out.closeEntry();
      }
    }
    Folders.deleteRecursively(folder);

    Path broken = returns.resolve("S12000042_2023");
    Files.delete(broken.resolve("permanence.csv"));
    Path escaping = returns.resolve("S12000023_2021.zip");
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(escaping))) {
      out.putNextEntry(new ZipEntry("../../evil.csv"));
      out.write("x".getBytes());
      out.closeEntry();
    }
    Folders.deleteRecursively(returns.resolve("S12000023_2021"));
    // Returns named for a year before the first the pipeline reads and for one not ended yet.
    Folders.copy(returns.resolve("S12000042_2021"), returns.resolve("S12000042_1989"));
    Folders.copy(returns.resolve("S12000042_2021"), returns.resolve("S12000042_2099"));
    // A copy named as a file manager names one, and a return that is a link to another.
    Folders.copy(returns.resolve("S12000042_2021"), returns.resolve("S12000042_2021 (1)"));
    Files.createSymbolicLink(returns.resolve("S12000042_2020"), returns.resolve("S12000042_2021"));
    long dundee2023 = count(lake, "bronze_episodes", "_return_key = 'S12000042_2023'");
    long versionBefore = lastVersion(lake, "bronze_episodes");

    IngestReport report = copy.ingest("run-3");

    assertEquals(List.of("S12000023_2022", "S12000042_2022"), report.loaded());
    assertEquals(List.of("S12000023_2023", "S12000042_2021"), report.unchanged().stream().sorted().toList(),
        "same bytes, same return, whether a folder or a zip");
    assertEquals(before - 2, count(lake, "bronze_episodes", "_return_key = 'S12000042_2022'"));
    assertEquals(changedLines.size() - 2, count(lake, "bronze_episodes", "_return_key = 'S12000023_2022'"));
    assertEquals(0, count(lake, "bronze_episodes",
        "_return_key NOT IN ('S12000042_2022', 'S12000023_2022') AND _run_id <> 'run-1'"), "nothing else reloaded");
    assertEquals(before, spark.read().format("delta").option("versionAsOf", versionBefore)
        .load(lake.table("bronze_episodes")).where("_return_key = 'S12000042_2022'").count(),
        "the earlier submission stays reachable by time travel");
    assertEquals(versionBefore + 1, lastVersion(lake, "bronze_episodes"), "one commit");

    assertEquals(6, report.rejected().size(), report.rejected().toString());
    assertTrue(report.rejected().stream().anyMatch(p -> p.path().equals(returns.resolve("S12000042_2021 (1)").toString())
        && p.reason().startsWith("is named like the return S12000042_2021 but not exactly as one")));
    assertTrue(report.rejected().stream().anyMatch(p -> p.path().equals(returns.resolve("S12000042_2020").toString())
        && p.reason().startsWith("is a symbolic link to ")));
    assertTrue(report.rejected().stream().anyMatch(p ->
        p.path().equals(broken.resolve("permanence.csv").toString()) && p.reason().startsWith("permanence.csv is missing")));
    assertTrue(report.rejected().stream().anyMatch(p -> p.path().equals(returns.resolve("S12000042_1989").toString())
        && p.reason().startsWith("collection year 1989 is before 1990")));
    assertTrue(report.rejected().stream().anyMatch(p -> p.path().equals(returns.resolve("S12000042_2099").toString())
        && p.reason().startsWith("collection year 2099 has not ended")));
    assertTrue(report.rejected().stream().anyMatch(p ->
        p.path().equals(escaping.toString()) && p.reason().contains("'../../evil.csv' would be written outside")));
    assertFalse(Files.exists(work.resolve("evil.csv")));
    assertFalse(Files.exists(copy.staging().resolve("evil.csv")));
    assertFalse(Files.exists(copy.staging().resolve("run-3")), "staging is cleaned");
    assertEquals(dundee2023, count(lake, "bronze_episodes", "_return_key = 'S12000042_2023'"),
        "the earlier accepted submission stays in force");
    assertEquals(6, count(lake, IngestManifest.TABLE, "status = 'REJECTED'"));

    IngestReport again = copy.ingest("run-4");
    assertEquals(List.of(), again.loaded());
    assertEquals(6, again.rejected().size(), "still reported");
    assertEquals(6, count(lake, IngestManifest.TABLE, "status = 'REJECTED'"), "but recorded once");
  }

  private static Map<String, Long> csvRows(ReturnFile file) throws IOException {
    Map<String, Long> rows = new HashMap<>();
    try (var list = Files.list(returns)) {
      for (Path folder : list.toList()) {
        String name = folder.getFileName().toString();
        rows.put(name, (long) Files.readAllLines(folder.resolve(file.fileName())).size() - 1);
      }
    }
    return rows;
  }

  private static List<String> nulls(Row row, int columns) {
    List<String> values = new ArrayList<>();
    for (int i = 0; i < columns; i++) {
      values.add(row.isNullAt(i) ? "" : row.getString(i));
    }
    return values;
  }

  private static long count(Lake lake, String table, String where) {
    return lake.read(spark, table).where(where).count();
  }

  private static long lastVersion(Lake lake, String table) {
    return DeltaTable.forPath(spark, lake.table(table)).history(1).first().<Long>getAs("version");
  }

  private static Map<String, Long> versions(Lake lake) {
    Map<String, Long> versions = new HashMap<>();
    for (String table : lake.localTableNames()) {
      versions.put(table, lastVersion(lake, table));
    }
    return versions;
  }

}
