package scot.pace.jobs;

import java.time.Instant;
import org.apache.spark.sql.SparkSession;
import scot.pace.journey.PseudonymKey;
import scot.pace.lake.IngestReport;

/**
 * Every stage that exists, in order, on one Spark session: ingest, then the silver journeys and
 * gold measures, then the charts and reports (later: exports). {@code nightly} and {@code demo} both run this.
 */
final class NightlyRun {
  private final PaceConfig config;
  private final Progress progress;
  private final PseudonymKey key;

  NightlyRun(PaceConfig config, Progress progress, PseudonymKey key) {
    this.config = config;
    this.progress = progress;
    this.key = key;
  }

  ExitCode run(String appName) {
    Instant start = Instant.now();
    String runId = RunId.at(start);
    progress.say("run " + runId);
    SparkSession spark =
        progress.stage("start Spark", () -> SparkSessions.start(config.spark(), appName), s -> "Spark " + s.version()
            + " on " + s.sparkContext().master());
    try {
      IngestReport ingest = IngestStage.run(progress, spark, config, config.returnsDir(), runId, start);
      BuildStage.run(progress, spark, config, key);
      ChartsStage.run(progress, spark, config);
      return ingest.needsAttention() ? ExitCode.WARNINGS : ExitCode.SUCCESS;
    } finally {
      spark.stop();
    }
  }
}
