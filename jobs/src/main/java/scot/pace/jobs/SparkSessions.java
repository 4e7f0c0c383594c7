package scot.pace.jobs;

import org.apache.spark.sql.SparkSession;
import scot.pace.lake.LakeSession;

/** Starts the Spark session of a run: the master from configuration, unless spark-submit set one. */
public final class SparkSessions {
  private SparkSessions() {}

  public static SparkSession start(PaceConfig.SparkSettings settings, String appName) {
    String submitted = System.getProperty("spark.master");
    if (submitted != null) {
      return LakeSession.builder(appName, settings.shufflePartitions()).getOrCreate();
    }
    if (settings.master().startsWith("local")) {
      return LakeSession.local(settings.master(), appName, settings.shufflePartitions());
    }
    return LakeSession.builder(appName, settings.shufflePartitions()).master(settings.master()).getOrCreate();
  }
}
