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
      java.util.List<String> there = config.lake().localTableNames();
      for (scot.pace.catalogue.Output output : scot.pace.catalogue.OutputCatalogue.built()) {
        if (!there.contains(output.table())) {
          throw new scot.pace.failure.LakeStateFailure("the lake at " + config.lake().root() + " has no "
              + output.table() + " table; run `pace build` (or `pace nightly`) first, or give --lake");
        }
      }
    }
    Progress progress = new Progress(out());
    SparkSession spark = progress.stage("start Spark", () -> SparkSessions.start(config.spark(), "pace charts"),
        s -> "Spark " + s.version());
    try {
      ChartsStage.run(progress, spark, config);
      progress.summary();
      return ExitCode.SUCCESS;
    } finally {
      spark.stop();
    }
  }
}
