package scot.pace.jobs;

import org.apache.spark.sql.SparkSession;
import scot.pace.lake.LakeSession;

/** Starts the Spark session of a run: the master from configuration, unless spark-submit set one. */
public final class SparkSessions {
  private SparkSessions() {}

  public static SparkSession start(PaceConfig.SparkSettings settings, String appName) {
    String submitted = System.getProperty("spark.master");
    if (submitted != null) {
      return LakeSession.builder(appName, settings.shufflePartitions(), settings.adaptive()).getOrCreate();
    }
    if (settings.master().startsWith("local")) {
      return LakeSession.local(settings.master(), appName, settings.shufflePartitions(), settings.adaptive());
    }
    // Started with java -jar against a cluster: ship this jar to the executors, as spark-submit would.
    SparkSession.Builder builder = LakeSession.builder(appName, settings.shufflePartitions(), settings.adaptive()).master(settings.master());
    ownJar().ifPresent(jar -> builder.config("spark.jars", jar));
    return builder.getOrCreate();
  }

  /** What the "start Spark" stage says it started: the version, and where it runs. */
  static String started(SparkSession spark) {
    return "Spark " + spark.version() + " on " + spark.sparkContext().master();
  }

  /** The jar this class was loaded from, when it was loaded from one. */
  static java.util.Optional<String> ownJar() {
    try {
      java.nio.file.Path path = java.nio.file.Path.of(
          SparkSessions.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return path.toString().endsWith(".jar") ? java.util.Optional.of(path.toString()) : java.util.Optional.empty();
    } catch (java.net.URISyntaxException | RuntimeException e) {
      return java.util.Optional.empty();
    }
  }
}
