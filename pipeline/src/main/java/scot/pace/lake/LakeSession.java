package scot.pace.lake;

import org.apache.spark.sql.SparkSession;

/**
 * The Spark settings every pace session needs, whoever starts it (a job, a test): Delta's
 * extension and catalog, UTC, no UI, a small number of shuffle partitions.
 */
public final class LakeSession {
  private LakeSession() {}

  /** A builder with the pipeline's settings; the caller chooses the master (or leaves it to spark-submit). */
  public static SparkSession.Builder builder(String appName, int shufflePartitions) {
    return builder(appName, shufflePartitions, true);
  }

  /**
   * As {@link #builder(String, int)}, with Spark's adaptive query execution on or off. Off suits
   * small inputs (one return, a few councils): each query is planned once instead of again after
   * every stage; ingesting six small returns ran 45 Spark jobs instead of 131 and took 50 to 68 s
   * instead of 67 to 75 s. At national scale it was no quicker, and a build without it can run out
   * of execution memory in its sort-merge joins (docs/performance.md): keep it on for builds.
   */
  public static SparkSession.Builder builder(String appName, int shufflePartitions, boolean adaptive) {
    return SparkSession.builder()
        .appName(appName)
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", String.valueOf(shufflePartitions))
        .config("spark.sql.adaptive.enabled", String.valueOf(adaptive))
        .config("spark.default.parallelism", String.valueOf(shufflePartitions))
        .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
        .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
        .config("spark.databricks.delta.snapshotPartitions", "2")
        // Every replaceWhere write in the pipeline goes through Lake.replaceWhere, which first keeps
        // only the rows its predicate selects; Delta's own check of the same predicate on every row
        // compared each against the 480 return keys one by one: 10 CPU seconds of a national ingest.
        .config("spark.databricks.delta.replaceWhere.constraintCheck.enabled", "false")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.warehouse.dir", warehouse())
        // List the returns' files in the driver: a Spark job per read just to stat a few hundred
        // local files cost seconds each time.
        .config("spark.sql.sources.parallelPartitionDiscovery.threshold", "100000");
  }

  private static String warehouse;

  /**
   * Where Spark keeps managed tables. The pipeline has none (every table is a path in the lake), so
   * this is a folder of this JVM's own in the temporary folder, removed when it ends, not a
   * {@code spark-warehouse/} left in whatever folder a command was started from.
   */
  static synchronized String warehouse() {
    if (warehouse == null) {
      try {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("pace-spark-warehouse-");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> scot.pace.files.Folders.deleteRecursively(dir)));
        warehouse = dir.toUri().toString();
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException("cannot make a temporary folder for Spark's warehouse", e);
      }
    }
    return warehouse;
  }

  /** A local session bound to the loopback address, as tests and the embedded default use. */
  public static SparkSession local(String master, String appName, int shufflePartitions) {
    return local(master, appName, shufflePartitions, true);
  }

  /** As {@link #local(String, String, int)}, with adaptive query execution on or off. */
  public static SparkSession local(String master, String appName, int shufflePartitions, boolean adaptive) {
    return builder(appName, shufflePartitions, adaptive)
        .master(master)
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.driver.host", "127.0.0.1")
        .getOrCreate();
  }
}
