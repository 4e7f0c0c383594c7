package scot.pace.lake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run log's memo of its last good runs moves on with every run logged, as Spark reads them. */
class GoodRunsTest {
  @TempDir static Path dir;
  static SparkSession spark;

  @BeforeAll
  static void start() {
    spark = scot.pace.SharedSpark.session();
  }


  static RunLog run(String id, String command, String status, int minute, long goldVersion) {
    Instant start = Instant.parse("2026-11-01T02:00:00Z").plusSeconds(60L * minute);
    return new RunLog(id, command, start, start.plusNanos(30_123_456_789L), status, status.equals("FAILED") ? 1 : 0,
        "abc", List.of(), List.of(), Map.of("gold_a", goldVersion, "silver_b", 3L), List.of(), List.of(), Map.of(), "settings1", "code1");
  }

  @Test
  void theMemoAfterEachRunEqualsWhatSparkReadsFromTheLog() {
    Lake lake = Lake.at(dir.resolve("lake"));
    TableMemo<GoodRuns> memo = new TableMemo<>(lake, RunLog.TABLE, GoodRuns.class);
    List<String> nightly = List.of("pace nightly", "pace demo");
    assertEquals(Optional.empty(), RunLog.lastGoodVersions(spark, lake, nightly));

    List<RunLog> runs = List.of(
        run("r1", "pace nightly", "SUCCESS", 0, 1),
        run("r2", "pace nightly", "FAILED", 10, 2),
        run("r3", "pace replicate-scra", "SUCCESS", 20, 7),
        run("r4", "pace demo", "WARNINGS", 30, 4),
        run("r5", "pace nightly", "JOB_FAILURE", 40, 5));
    for (RunLog run : runs) {
      run.append(spark, lake);
      long version = lake.latestVersion(RunLog.TABLE).orElseThrow();
      GoodRuns kept = memo.at(version).orElseThrow(() -> new AssertionError("no memo after " + run.runId()));
      assertEquals(GoodRuns.read(spark, lake, Optional.of(version)), kept, "after " + run.runId());
    }
    assertEquals(Optional.of(Map.of("gold_a", 4L, "silver_b", 3L)), RunLog.lastGoodVersions(spark, lake, nightly));
    assertEquals(Optional.of(Map.of("gold_a", 7L, "silver_b", 3L)),
        RunLog.lastGoodVersions(spark, lake, List.of("pace replicate-scra")));
  }

  @Test
  void aRunAppendedWithDeltaKernelReadsBackWithSparkAsLogged() throws java.io.IOException {
    Lake lake = Lake.at(dir.resolve("kernel"));
    run("r1", "pace nightly", "SUCCESS", 0, 1).append(spark, lake);
    Instant start = Instant.parse("2026-11-02T02:15:00.123456Z");
    RunLog logged = new RunLog("r2", "pace nightly", start, start.plusSeconds(7), "WARNINGS", 1, "c0ffee",
        List.of(new RunLog.Stage("ingest", 0.5, "0 returns loaded"), new RunLog.Stage("export", 0.25, "617 files")),
        List.of(new RunLog.Input("S12000023_2021", "children.csv", "ab12", "LOADED")),
        Map.of("gold_a", 4L, "silver_b", 9L), List.of("held back S12000023_2021: 9% in error"),
        List.of("--councils", "S12000023"), Map.of("ingest.rows_loaded", 1234.0, "export.files", 617.0), "5e77", "c0de");
    logged.append(spark, lake);

    long version = lake.latestVersion(RunLog.TABLE).orElseThrow();
    String commit = java.nio.file.Files.readString(
        dir.resolve("kernel/run_log/_delta_log").resolve(String.format("%020d.json", version)));
    assertEquals(true, commit.contains("Kernel"), "appended by Delta Kernel: " + commit);
    assertEquals(logged, RunLog.find(spark, lake, "r2"));
    assertEquals(2, lake.read(spark, RunLog.TABLE).count());
    assertEquals(1234.0, lake.read(spark, RunLog.TABLE).where("run_id = 'r2'")
        .selectExpr("figures['ingest.rows_loaded']").first().getDouble(0), 1e-9, "a number a query can sum");
  }

  @Test
  void aRunLogWrittenBeforeFiguresExistedGainsTheColumn() {
    Lake lake = Lake.at(dir.resolve("old"));
    spark.createDataFrame(List.of(org.apache.spark.sql.RowFactory.create("r0", "pace nightly",
                java.sql.Timestamp.from(Instant.parse("2026-10-01T02:00:00Z")),
                java.sql.Timestamp.from(Instant.parse("2026-10-01T02:01:00Z")), "SUCCESS", 0, "abc", List.of(),
                List.of(), Map.of("gold_a", 1L), List.of(), List.of())),
            org.apache.spark.sql.types.StructType.fromDDL("run_id STRING, command STRING, started_at TIMESTAMP,"
                + " ended_at TIMESTAMP, status STRING, exit_code INT, config_sha256 STRING,"
                + " stages ARRAY<STRUCT<name: STRING, seconds: DOUBLE, result: STRING>>,"
                + " inputs ARRAY<STRUCT<return_key: STRING, file: STRING, sha256: STRING, status: STRING>>,"
                + " table_versions MAP<STRING, BIGINT>, warnings ARRAY<STRING>, arguments ARRAY<STRING>"))
        .write().format("delta").save(lake.table(RunLog.TABLE));
    RunLog next = new RunLog("r1", "pace nightly", Instant.parse("2026-11-01T02:00:00Z"),
        Instant.parse("2026-11-01T02:00:30Z"), "SUCCESS", 0, "abc", List.of(), List.of(), Map.of("gold_a", 2L),
        List.of(), List.of(), Map.of("build.tables", 23.0), "5e77", "c0de");
    next.append(spark, lake);
    assertEquals(Map.of(), RunLog.find(spark, lake, "r0").figures(), "the old run: no figures");
    assertEquals(null, RunLog.find(spark, lake, "r0").codeSha256(), "nor its code");
    assertEquals(Optional.of(new GoodRuns.GoodRun("2026-11-01T02:00:30Z", Map.of("gold_a", 2L), "5e77", "c0de")),
        RunLog.lastGood(() -> spark, lake, List.of("pace nightly")), "the last good run with its configuration and code");
    assertEquals(next, RunLog.find(spark, lake, "r1"));
  }

  @Test
  void aLogWrittenWithoutTheMemoIsReadWithSparkAndRemembered() {
    Lake lake = Lake.at(dir.resolve("other"));
    run("r1", "pace nightly", "SUCCESS", 0, 1).append(spark, lake);
    java.io.File memoFile = dir.resolve("other/_memo/run_log.json").toFile();
    assertEquals(true, memoFile.delete());
    assertEquals(Optional.of(Map.of("gold_a", 1L, "silver_b", 3L)),
        RunLog.lastGoodVersions(spark, lake, List.of("pace nightly")));
    assertEquals(true, memoFile.isFile(), "remembered");
  }
}
