package scot.pace.lake;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import scot.pace.failure.InputFailure;
import scot.pace.failure.LakeStateFailure;

/**
 * One row per run in the {@code run_log} Delta table: what ran, when, on which inputs, with which
 * configuration, how it ended, and the Delta version of every table as the run left it. The run
 * id therefore names the exact table versions behind any figure the run published: {@code
 * SELECT ... FROM delta.`<lake>/<table>` VERSION AS OF <version>} gives them back.
 *
 * @param tableVersions per table, its latest Delta version when the run ended
 * @param inputs the return files the run read as new or changed (checksums from the manifest)
 * @param arguments the command's own options as given (a configuration file as an absolute path), to run it again
 * @param figures what the stages did, as numbers keyed {@code <stage>.<what>} ({@code ingest.rows_loaded},
 *     {@code build.tables}, {@code charts.files}...), for a query or a monitor
 * @param settingsSha256 the SHA-256 of the configuration the tables depend on (councils, PACE
 *     starts and aims, code mappings, date formats, disclosure, ingest), not paths or Spark's
 *     settings: a night after it changed builds everything again
 * @param codeSha256 the pipeline's code that ran ({@link CodeFingerprint}): likewise
 */
public record RunLog(
    String runId,
    String command,
    Instant startedAt,
    Instant endedAt,
    String status,
    int exitCode,
    String configSha256,
    List<Stage> stages,
    List<Input> inputs,
    Map<String, Long> tableVersions,
    List<String> warnings,
    List<String> arguments,
    Map<String, Double> figures,
    String settingsSha256,
    String codeSha256) {

  public RunLog {
    figures = Map.copyOf(figures);
  }

  public static final String TABLE = "run_log";
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RunLog.class);

  /** One stage's wall time and what it did. */
  public record Stage(String name, double seconds, String result) {}

  /** One input file: its return, its SHA-256, and what became of it. */
  public record Input(String returnKey, String file, String sha256, String status) {}

  /** The columns, in order: what a Delta Kernel append checks the table has (no Spark class needed). */
  static final String[] COLUMNS = {"run_id", "command", "started_at", "ended_at", "status", "exit_code",
      "config_sha256", "stages", "inputs", "table_versions", "warnings", "arguments", "figures", "settings_sha256", "code_sha256"};

  /** The Spark schema, built on first use: parsing DDL wakes Spark's SQL parser, which a quiet night does without. */
  private static final class SparkSchema {
    static final StructType SCHEMA = StructType.fromDDL(
        "run_id STRING, command STRING, started_at TIMESTAMP, ended_at TIMESTAMP, status STRING, exit_code INT,"
            + " config_sha256 STRING, stages ARRAY<STRUCT<name: STRING, seconds: DOUBLE, result: STRING>>,"
            + " inputs ARRAY<STRUCT<return_key: STRING, file: STRING, sha256: STRING, status: STRING>>,"
            + " table_versions MAP<STRING, BIGINT>, warnings ARRAY<STRING>, arguments ARRAY<STRING>,"
            + " figures MAP<STRING, DOUBLE>, settings_sha256 STRING, code_sha256 STRING");
  }

  /**
   * Appends this run to {@code run_log}, in one Delta commit: with Delta Kernel when the table is
   * there in a local lake (no Spark job, the run's last act), otherwise with Spark (the first run,
   * a lake elsewhere, or a run log written before {@code arguments}, {@code figures} or the
   * hashes existed, which gains the columns).
   */
  public void append(SparkSession spark, Lake lake) {
    append(() -> spark, lake);
  }

  /** As {@link #append(SparkSession, Lake)}, with Spark asked for only if Kernel cannot append. */
  public void append(java.util.function.Supplier<SparkSession> spark, Lake lake) {
    Optional<Long> before = lake.latestVersion(TABLE);
    Optional<GoodRuns> good = before.isPresent() ? before.flatMap(v -> memo(lake).at(v))
        : lake.localRoot().map(root -> GoodRuns.NONE);
    long next = before.map(b -> b + 1).orElse(0L);
    long mine;
    try {
      mine = KernelAppend.append(lake, TABLE, COLUMNS, List.of(json()));
    } catch (KernelAppend.NotAppended notByKernel) {
      LOG.info("run_log appended with Spark, not Delta Kernel: {}", notByKernel.getMessage());
      appendWithSpark(spark.get(), lake);
      // The commit right after the one the memo was worked out at is this run's own (a concurrent
      // writer would have pushed it further).
      mine = lake.latestVersion(TABLE).filter(v -> v == next).orElse(-1L);
    }
    if (good.isPresent() && mine == next) {
      memo(lake).keep(mine, good.get().after(this));
    }
  }

  private void appendWithSpark(SparkSession spark, Lake lake) {
    List<Row> stageRows = new ArrayList<>();
    for (Stage stage : stages) {
      stageRows.add(RowFactory.create(stage.name(), stage.seconds(), stage.result()));
    }
    List<Row> inputRows = new ArrayList<>();
    for (Input input : inputs) {
      inputRows.add(RowFactory.create(input.returnKey(), input.file(), input.sha256(), input.status()));
    }
    Row row = RowFactory.create(runId, command, Timestamp.from(startedAt), Timestamp.from(endedAt), status, exitCode,
        configSha256, stageRows, inputRows, tableVersions, warnings, arguments, figures, settingsSha256,
        codeSha256);
    // mergeSchema: a run log written before `arguments`, `figures` or the two hashes existed gains the columns.
    spark.createDataFrame(List.of(row), SparkSchema.SCHEMA).coalesce(1)
        .write().format("delta").mode("append").option("mergeSchema", "true").save(lake.table(TABLE));
  }

  /** This run as one JSON object in the table's schema (timestamps to the microsecond, as stored). */
  String json() {
    com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
    com.fasterxml.jackson.databind.node.ObjectNode row = mapper.createObjectNode()
        .put("run_id", runId).put("command", command)
        .put("started_at", startedAt.truncatedTo(java.time.temporal.ChronoUnit.MICROS).toString())
        .put("ended_at", endedAt.truncatedTo(java.time.temporal.ChronoUnit.MICROS).toString())
        .put("status", status).put("exit_code", exitCode).put("config_sha256", configSha256);
    com.fasterxml.jackson.databind.node.ArrayNode stageNodes = row.putArray("stages");
    stages.forEach(s -> stageNodes.addObject().put("name", s.name()).put("seconds", s.seconds()).put("result", s.result()));
    com.fasterxml.jackson.databind.node.ArrayNode inputNodes = row.putArray("inputs");
    inputs.forEach(i -> inputNodes.addObject().put("return_key", i.returnKey()).put("file", i.file())
        .put("sha256", i.sha256()).put("status", i.status()));
    com.fasterxml.jackson.databind.node.ObjectNode versions = row.putObject("table_versions");
    tableVersions.forEach(versions::put);
    warnings.forEach(row.putArray("warnings")::add);
    arguments.forEach(row.putArray("arguments")::add);
    com.fasterxml.jackson.databind.node.ObjectNode numbers = row.putObject("figures");
    figures.forEach(numbers::put);
    row.put("settings_sha256", settingsSha256).put("code_sha256", codeSha256);
    return row.toString();
  }

  /**
   * Fails unless {@code lake} holds a run log ({@code spark} may be null for a local lake: the
   * check then needs no Spark).
   */
  public static void requireLog(SparkSession spark, Lake lake) {
    if (!lake.exists(spark, TABLE)) {
      throw new LakeStateFailure("the lake at " + lake.root() + " has no run_log: no run has been logged there"
          + " yet (run `pace nightly`, `pace demo` or `pace replicate-scra` first, or give --lake)");
    }
  }

  /**
   * The run {@code runId} as logged.
   *
   * @throws IllegalArgumentException when the lake has no such run, naming the latest runs
   */
  public static RunLog find(SparkSession spark, Lake lake, String runId) {
    requireLog(spark, lake);
    List<Row> rows = lake.read(spark, TABLE).where(org.apache.spark.sql.functions.col("run_id").equalTo(runId))
        .collectAsList();
    if (rows.isEmpty()) {
      List<String> latest = lake.read(spark, TABLE).orderBy(org.apache.spark.sql.functions.col("started_at").desc())
          .limit(5).select("run_id", "command", "status").collectAsList().stream()
          .map(r -> r.getString(0) + " (" + r.getString(1) + ", " + r.getString(2) + ")").toList();
      throw new InputFailure("no run " + runId + " in " + lake.table(TABLE) + "; the latest are: "
          + (latest.isEmpty() ? "none" : String.join(", ", latest)));
    }
    Row row = rows.get(0);
    List<Stage> stages = new ArrayList<>();
    for (Row stage : row.<Row>getList(row.fieldIndex("stages"))) {
      stages.add(new Stage(stage.getString(0), stage.getDouble(1), stage.getString(2)));
    }
    List<Input> inputs = new ArrayList<>();
    for (Row input : row.<Row>getList(row.fieldIndex("inputs"))) {
      inputs.add(new Input(input.getString(0), input.getString(1), input.getString(2), input.getString(3)));
    }
    List<String> columns = java.util.Arrays.asList(row.schema().fieldNames());
    boolean hasArguments = columns.contains("arguments") && !row.isNullAt(row.fieldIndex("arguments"));
    boolean hasFigures = columns.contains("figures") && !row.isNullAt(row.fieldIndex("figures"));
    return new RunLog(row.getAs("run_id"), row.getAs("command"), row.<Timestamp>getAs("started_at").toInstant(),
        row.<Timestamp>getAs("ended_at").toInstant(), row.getAs("status"), row.<Integer>getAs("exit_code"),
        row.getAs("config_sha256"), stages, inputs,
        new java.util.TreeMap<>(row.<String, Long>getJavaMap(row.fieldIndex("table_versions"))),
        List.copyOf(row.<String>getList(row.fieldIndex("warnings"))),
        hasArguments ? List.copyOf(row.<String>getList(row.fieldIndex("arguments"))) : List.of(),
        hasFigures ? new java.util.TreeMap<>(row.<String, Double>getJavaMap(row.fieldIndex("figures"))) : Map.of(),
        columns.contains("settings_sha256") ? row.getAs("settings_sha256") : null,
        columns.contains("code_sha256") ? row.getAs("code_sha256") : null);
  }

  /**
   * The latest Delta version of every table in a local lake (the run log itself left out): the
   * highest commit file {@code <version>.json} in each {@code _delta_log}, which Delta writes for
   * every commit and never removes last. A listing per table, where asking Delta for its history
   * took a fifth of a second per table.
   */
  public static Map<String, Long> tableVersions(Lake lake) {
    Map<String, Long> versions = new LinkedHashMap<>();
    for (String table : lake.localTableNames()) {
      if (!table.equals(TABLE)) {
        versions.put(table, lake.latestVersion(table).orElseThrow());
      }
    }
    return versions;
  }

  /**
   * The table versions the latest run of one of {@code commands} that ended well (status SUCCESS or
   * WARNINGS) left, if any. Kept in a {@link TableMemo} while the run log is unchanged, so a night
   * with nothing new asks no Spark job for it.
   */
  public static Optional<Map<String, Long>> lastGoodVersions(SparkSession spark, Lake lake, List<String> commands) {
    return lastGood(() -> spark, lake, commands).map(run -> new java.util.TreeMap<>(run.tableVersions()));
  }

  /**
   * The latest good run of one of {@code commands}: the table versions it left, the settings and
   * code it ran with. Spark is asked for only when the memo is stale.
   */
  public static Optional<GoodRuns.GoodRun> lastGood(java.util.function.Supplier<SparkSession> spark, Lake lake,
      List<String> commands) {
    Optional<Long> version = lake.latestVersion(TABLE);
    Optional<GoodRuns> kept = version.flatMap(v -> memo(lake).at(v));
    if (kept.isPresent()) {
      return kept.get().latestRunOf(commands);
    }
    if (lake.absentLocally(TABLE) || !lake.exists(spark.get(), TABLE)) {
      return Optional.empty();
    }
    GoodRuns good = GoodRuns.read(spark.get(), lake, version);
    version.ifPresent(v -> memo(lake).keep(v, good));
    return good.latestRunOf(commands);
  }

  private static TableMemo<GoodRuns> memo(Lake lake) {
    return new TableMemo<>(lake, TABLE, GoodRuns.class);
  }

  /** The files recorded in the manifest for {@code runId}. */
  public static List<Input> inputsOf(SparkSession spark, Lake lake, String runId) {
    List<Input> inputs = new ArrayList<>();
    if (!lake.exists(spark, IngestManifest.TABLE)) {
      return inputs;
    }
    for (Row row : lake.read(spark, IngestManifest.TABLE).where(org.apache.spark.sql.functions.col("run_id").equalTo(runId))
        .select("return_key", "file", "sha256", "status").orderBy("return_key", "file").collectAsList()) {
      inputs.add(new Input(row.getString(0), row.getString(1), row.getString(2), row.getString(3)));
    }
    return inputs;
  }
}
