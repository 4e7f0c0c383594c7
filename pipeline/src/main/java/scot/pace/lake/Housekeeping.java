package scot.pace.lake;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import scot.pace.catalogue.OutputCatalogue;
import scot.pace.failure.ConfigurationFailure;

/**
 * Keeps the lake tidy between runs: compacts the tables that grow by appends (the bronze tables,
 * quarantine, the manifest, the run log) with Delta's OPTIMIZE, and removes files no longer needed
 * with VACUUM, keeping at least {@code retentionHours} of history and never less than reaches back
 * to the oldest of the last {@code keepRuns} good runs, so every table version a recent run names
 * in {@code run_log} (and so every figure it published) can still be read with {@code VERSION AS OF}.
 *
 * @param optimize whether to compact
 * @param retentionHours the least history VACUUM keeps; 0 turns VACUUM off
 * @param keepRuns how many of the latest good runs' table versions must stay readable
 */
public record Housekeeping(boolean optimize, int retentionHours, int keepRuns) {
  public Housekeeping {
    if (retentionHours < 0 || keepRuns < 1) {
      throw new ConfigurationFailure("housekeeping: vacuumRetentionHours must be 0 or more and keepRuns 1 or more");
    }
  }

  /** What one housekeeping pass did: per table, "optimized", "vacuumed" or both. */
  public Map<String, String> run(SparkSession spark, Lake lake, Instant now) {
    Map<String, String> done = new LinkedHashMap<>();
    List<String> tables = lake.localTableNames();
    if (optimize) {
      for (String table : tables) {
        if (OutputCatalogue.named(table).map(o -> o.layer().grows()).orElse(false)) {
          io.delta.tables.DeltaTable.forPath(spark, lake.table(table)).optimize().executeCompaction();
          done.put(table, "optimized");
        }
      }
    }
    if (retentionHours > 0) {
      double hours = retentionHours(spark, lake, now);
      // Delta refuses a retention under 7 days unless told the caller has checked: this class has.
      // VACUUM lists files in as many tasks as the discovery parallelism says (10,000 by default): far
      // too many for tables of a few thousand files. Both are set for these VACUUMs only.
      Map<String, String> settings = Map.of("spark.databricks.delta.retentionDurationCheck.enabled", "false",
          "spark.sql.sources.parallelPartitionDiscovery.parallelism",
          String.valueOf(Math.max(2, spark.sparkContext().defaultParallelism())));
      Map<String, Optional<String>> before = new java.util.HashMap<>();
      settings.forEach((key, value) -> {
        before.put(key, spark.conf().getOption(key).isDefined()
            ? Optional.of(spark.conf().get(key)) : Optional.empty());
        spark.conf().set(key, value);
      });
      try {
        vacuum(spark, lake, tables, hours, done);
      } finally {
        before.forEach((key, value) -> {
          if (value.isPresent()) {
            spark.conf().set(key, value.get());
          } else {
            spark.conf().unset(key);
          }
        });
      }
    }
    return done;
  }

  private static void vacuum(SparkSession spark, Lake lake, List<String> tables, double hours, Map<String, String> done) {
    // Delta 4 keeps the retention as a table property and VACUUM ignores any other figure.
    String retention = "interval " + (long) Math.ceil(hours) + " hours";
    for (String table : tables) {
      io.delta.tables.DeltaTable delta = io.delta.tables.DeltaTable.forPath(spark, lake.table(table));
      Row detail = delta.detail().select("properties").first();
      String current = detail.isNullAt(0) ? null
          : detail.<String, String>getJavaMap(0).get("delta.deletedFileRetentionDuration");
      if (!retention.equals(current)) {
        spark.sql("ALTER TABLE delta.`" + lake.table(table) + "` SET TBLPROPERTIES"
            + " ('delta.deletedFileRetentionDuration' = '" + retention + "')");
      }
      delta.vacuum();
      done.merge(table, "vacuumed", (a, b) -> a + ", " + b);
    }
  }

  /**
   * The history to keep, in hours: the configured retention, or back to the start of the oldest of
   * the last {@link #keepRuns} good runs plus an hour, whichever is longer.
   */
  double retentionHours(SparkSession spark, Lake lake, Instant now) {
    double hours = retentionHours;
    if (lake.exists(spark, RunLog.TABLE)) {
      List<Row> runs = lake.read(spark, RunLog.TABLE).where("status IN ('SUCCESS', 'WARNINGS')")
          .orderBy(org.apache.spark.sql.functions.col("started_at").desc()).limit(keepRuns)
          .select("started_at").collectAsList();
      if (!runs.isEmpty()) {
        Instant oldest = runs.get(runs.size() - 1).getTimestamp(0).toInstant();
        hours = Math.max(hours, Duration.between(oldest, now).toMinutes() / 60.0 + 1);
      }
    }
    return hours;
  }
}
