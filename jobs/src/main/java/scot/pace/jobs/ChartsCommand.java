package scot.pace.jobs;

import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code pace charts}: the comparison charts and the reports, from the gold tables. */
@Command(
    name = "charts",
    description = "Draw the charts (PNG and SVG) and write the published report (<out>/report/index.html,"
        + " disclosure-controlled) and each council's restricted child-level report (<out>/restricted/<code>/)"
        + " from the gold tables.")
final class ChartsCommand extends PaceCommand {
  @Option(names = "--lake", paramLabel = "DIR", description = "The lake (default paths.lake).")
  String lake;

  @Option(names = "--out", paramLabel = "DIR", description = "Where the reports go (default paths.out).")
  String out;

  @Override
  ExitCode run() {
    PaceConfig loaded = lake == null ? common.load() : common.load().withLake(lake);
    PaceConfig config = out == null ? loaded : loaded.withPaths(new PaceConfig.PathSettings(loaded.paths().returns(),
        loaded.paths().truth(), loaded.paths().lake(), out));
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
