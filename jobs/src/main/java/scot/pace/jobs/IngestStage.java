package scot.pace.jobs;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
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
                r.loaded().size(), r.rowsLoaded(), r.unchanged().size(), r.rejected().size(), r.heldBack().size()),
            IngestStage::figures);
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

  /** What the ingest did, as the run log's numbers. */
  static Map<String, Long> figures(IngestReport report) {
    Map<String, Long> figures = new java.util.TreeMap<>();
    figures.put("ingest.returns_loaded", (long) report.loaded().size());
    figures.put("ingest.returns_unchanged", (long) report.unchanged().size());
    figures.put("ingest.returns_rejected", (long) report.rejected().size());
    figures.put("ingest.returns_held_back", (long) report.heldBack().size());
    figures.put("ingest.rows_loaded", report.rowsLoaded());
    report.rowsByFile().forEach((file, rows) -> figures.put("ingest.rows_loaded." + file.fileName().replace(".csv", ""),
        rows));
    figures.put("ingest.warnings", (long) report.warnings().size());
    return figures;
  }
}
