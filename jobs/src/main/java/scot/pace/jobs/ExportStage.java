package scot.pace.jobs;

import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Supplier;
import org.apache.spark.sql.SparkSession;
import scot.pace.export.ExportedRun;
import scot.pace.export.RunExport;

/** Writes a run's notebooks and extracts (or its replication pack) as a stage. */
final class ExportStage {
  static final String NAME = "export notebooks and extracts";

  private ExportStage() {}

  /** {@code drawn}: null, or this run's report, already written (see {@link RunExport}). */
  static RunExport.Summary run(Progress progress, Supplier<SparkSession> spark, PaceConfig config, ExportedRun run,
      RunExport.Drawn drawn) {
    System.setProperty("java.awt.headless", "true");
    RunExport.Summary summary = progress.stage(NAME,
        () -> RunExport.write(spark, config.lake(), run, config.disclosure(), config.outDir(), drawn),
        s -> String.format(Locale.ROOT, "%,d files, %.1f MB", s.files(), s.bytes() / 1e6)
            + (s.reusedFrom() == null ? "" : "; the tables are those of run " + s.reusedFrom().getFileName()
                + ", whose files were reused"),
        s -> java.util.Map.of("export.files", s.files(), "export.bytes", s.bytes()));
    progress.say("  export of run " + run.runId() + ": " + summary.folder().toAbsolutePath().normalize());
    return summary;
  }
}
