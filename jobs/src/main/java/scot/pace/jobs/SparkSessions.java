package scot.pace.jobs;

import org.apache.spark.sql.SparkSession;

/**
 * Makes the Spark session of a run: the master from configuration (unless spark-submit already
 * set one), Delta's extension and catalog, a small number of shuffle partitions, UTC, no UI.
 */
public final class SparkSessions {
  private SparkSessions() {}

  public static SparkSession start(PaceConfig.SparkSettings settings, String appName) {
    SparkSession.Builder builder =
        SparkSession.builder()
            .appName(appName)
            .config("spark.ui.enabled", "false")
            .config("spark.ui.showConsoleProgress", "false")
            .config("spark.sql.shuffle.partitions", String.valueOf(settings.shufflePartitions()))
            .config("spark.default.parallelism", String.valueOf(settings.shufflePartitions()))
            .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
            .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
            .config("spark.databricks.delta.snapshotPartitions", "2")
            .config("spark.sql.session.timeZone", "UTC");
    boolean submitted = System.getProperty("spark.master") != null;
    if (!submitted) {
      builder.master(settings.master());
    }
    String master = submitted ? System.getProperty("spark.master") : settings.master();
    if (master.startsWith("local")) {
      builder.config("spark.driver.bindAddress", "127.0.0.1").config("spark.driver.host", "127.0.0.1");
    }
    return builder.getOrCreate();
  }
}
