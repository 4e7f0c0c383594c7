package scot.pace.jobs;

import java.time.Instant;
import java.util.Locale;
import org.apache.spark.sql.SparkSession;
import scot.pace.report.Provenance;
import scot.pace.report.Report;

/** Draws the charts and writes the published and restricted reports as a stage. */
final class ChartsStage {
  static final String NAME = "charts and reports";

  private ChartsStage() {}

  /** Draws them for the run {@code runId}, started at {@code startedAt}, which every page names. */
  static Report.Summary run(Progress progress, SparkSession spark, PaceConfig config, String runId, Instant startedAt) {
    System.setProperty("java.awt.headless", "true");
    Provenance provenance = new Provenance(runId, startedAt, Pace.VERSION);
    Report.Summary summary = progress.stage(NAME,
        () -> Report.write(spark, config.lake(), config.disclosure(), config.outDir(), provenance),
        s -> String.format(Locale.ROOT, "%,d files, %.1f MB", s.files(), s.bytes() / 1e6),
        s -> java.util.Map.of("charts.files", s.files(), "charts.bytes", s.bytes(), "charts.councils", s.councils()));
    progress.say("  published (safe to publish):     " + summary.published().resolve("index.html").toAbsolutePath().normalize());
    progress.say("  restricted (child-level, council only): " + summary.restricted().toAbsolutePath().normalize());
    return summary;
  }
}
