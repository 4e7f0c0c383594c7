package scot.pace.jobs;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Supplier;
import org.apache.spark.sql.SparkSession;
import scot.pace.lake.IngestReport;
import scot.pace.lake.ReturnIngest;
import scot.pace.returns.ReturnProblem;

/** Runs ingest as a stage and tells the user what it did. */
final class IngestStage {
  static final String NAME = "ingest";

  private IngestStage() {}

  static IngestReport run(
      Progress progress, Supplier<SparkSession> spark, PaceConfig config, Path returnsDir, String runId, Instant startedAt) {
    IngestReport report =
        progress.stage(
            NAME,
            () -> new ReturnIngest(spark, config.lake(), config.councilRegistry(), config.stagingDir(),
                    config.ingest().holdBackErrorRate(), config.codeMappings(), config.dateFormats())
                .reportingTo(progress::step)
                .ingest(returnsDir, runId, startedAt),
            r -> String.format(Locale.ROOT, "%d returns loaded (%,d rows), %d unchanged, %d rejected, %d held back",
                r.loaded().size(), r.rowsLoaded(), r.unchanged().size(), r.rejected().size(), r.heldBack().size()));
    for (ReturnProblem problem : report.rejected()) {
      progress.say("  rejected " + problem.returnName() + ": " + problem.message());
    }
    for (ReturnProblem problem : report.heldBack()) {
      progress.say("  held back " + problem.returnName() + ": " + problem.reason());
    }
    for (String warning : report.warnings()) {
      progress.say("  warning: " + warning);
    }
    return report;
  }
}
