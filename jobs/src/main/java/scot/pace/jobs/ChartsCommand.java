package scot.pace.jobs;

import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code pace charts}: the comparison charts and the reports, from the gold tables. */
@Command(
    name = "charts",
    description = "Draw the charts (PNG and SVG) and write the published report (<out>/report/index.html,"
        + " disclosure-controlled) and each council's restricted child-level report (<out>/restricted/<code>/)"
        + " from the gold tables.")
final class ChartsCommand extends PaceCommand {
  @Mixin LakeAndOut folders;

  @Override
  ExitCode run() {
    PaceConfig config = folders.applyTo(common.load());
    if (config.lake().localRoot().isPresent()) {
      scot.pace.report.Report.requireBuilt(null, config.lake());
    }
    Progress progress = new Progress(out());
    SparkSession spark = progress.stage("start Spark", () -> SparkSessions.start(config.spark(), "pace charts"),
        SparkSessions::started);
    try {
      // Not a logged run (only nightly and demo are): the pages say so instead of naming a run id run_log lacks.
      ChartsStage.run(progress, spark, config, "(pace charts, not a logged run)", java.time.Instant.now());
      progress.summary();
      return ExitCode.SUCCESS;
    } finally {
      spark.stop();
    }
  }
}
