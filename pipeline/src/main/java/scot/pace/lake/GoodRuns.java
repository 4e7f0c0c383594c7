package scot.pace.lake;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.struct;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Per command, the latest run in {@code run_log} that ended well (status SUCCESS or WARNINGS):
 * when it ended, the table versions it left, the settings and code it ran with. What a nightly run
 * compares the lake, the configuration and the code with to tell that nothing has changed since.
 *
 * @param byCommand the command ({@code pace nightly}) to its latest good run
 */
public record GoodRuns(Map<String, GoodRun> byCommand) {
  static final GoodRuns NONE = new GoodRuns(Map.of());

  /**
   * One good run: when it ended (an ISO instant), the version of every table it left, and the
   * settings and code it ran with ({@link RunLog#settingsSha256()}, {@link RunLog#codeSha256()};
   * null when the run log predates them).
   */
  public record GoodRun(String endedAt, Map<String, Long> tableVersions, String settingsSha256, String codeSha256) {}

  public GoodRuns {
    byCommand = Map.copyOf(byCommand);
  }

  /** The latest good run of one of {@code commands}, if any. */
  public Optional<GoodRun> latestRunOf(List<String> commands) {
    return commands.stream().map(byCommand::get).filter(java.util.Objects::nonNull)
        .max(Comparator.comparing(run -> Instant.parse(run.endedAt())));
  }

  /** These runs once {@code run} is logged after them. */
  GoodRuns after(RunLog run) {
    if (!run.status().equals("SUCCESS") && !run.status().equals("WARNINGS")) {
      return this;
    }
    GoodRun earlier = byCommand.get(run.command());
    // As logged: the table keeps ended_at to the microsecond.
    Instant ended = run.endedAt().truncatedTo(ChronoUnit.MICROS);
    if (earlier != null && Instant.parse(earlier.endedAt()).isAfter(ended)) {
      return this;
    }
    Map<String, GoodRun> runs = new TreeMap<>(byCommand);
    runs.put(run.command(), new GoodRun(ended.toString(), new TreeMap<>(run.tableVersions()), run.settingsSha256(),
        run.codeSha256()));
    return new GoodRuns(runs);
  }

  /** Read from {@code run_log} at {@code version} (its latest when empty) with Spark. */
  static GoodRuns read(SparkSession spark, Lake lake, Optional<Long> version) {
    Lake at = version.map(v -> lake.pinnedTo(Map.of(RunLog.TABLE, v))).orElse(lake);
    Map<String, GoodRun> runs = new TreeMap<>();
    org.apache.spark.sql.Dataset<Row> log = at.read(spark, RunLog.TABLE);
    for (String hash : List.of("settings_sha256", "code_sha256")) {
      if (!java.util.Arrays.asList(log.columns()).contains(hash)) {
        log = log.withColumn(hash, org.apache.spark.sql.functions.lit(null).cast("string"));
      }
    }
    for (Row row : log.where("status IN ('SUCCESS', 'WARNINGS')").groupBy("command")
        .agg(max_by(struct("ended_at", "table_versions", "settings_sha256", "code_sha256"), col("ended_at")).as("last"))
        .collectAsList()) {
      Row last = row.getStruct(1);
      runs.put(row.getString(0), new GoodRun(last.getTimestamp(0).toInstant().toString(),
          new TreeMap<>(last.<String, Long>getJavaMap(1)), last.getString(2), last.getString(3)));
    }
    return new GoodRuns(runs);
  }
}
