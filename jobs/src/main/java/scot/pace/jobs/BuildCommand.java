package scot.pace.jobs;

import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import scot.pace.journey.PseudonymKey;
import scot.pace.build.LakeBuild;

/** {@code pace build}: silver journeys and gold measures from the bronze tables. */
@Command(
    name = "build",
    description = "Build the silver tables (one journey per child) and the gold measures (time to"
        + " permanence, routes, kinship) from the bronze tables. Needs a pseudonymisation key"
        + " (PACE_PSEUDONYM_KEY or pseudonymisation.keyFile).")
final class BuildCommand extends PaceCommand {
  @Option(names = "--lake", paramLabel = "DIR", description = "The lake (default paths.lake).")
  String lake;

  @Override
  ExitCode run() {
    PaceConfig config = lake == null ? common.load() : common.load().withLake(lake);
    PseudonymKey key = config.pseudonymKey();
    if (config.lake().localRoot().isPresent()) {
      config.lake().require(null, LakeBuild.bronzeTables(), "pace ingest");
    }
    watch(config.lake());
    Progress progress = new Progress(out());
    SparkSession spark = progress.stage("start Spark", () -> SparkSessions.start(config.spark(), "pace build"),
        SparkSessions::started);
    try {
      BuildStage.run(progress, spark, config, key);
      progress.summary();
      return ExitCode.SUCCESS;
    } finally {
      spark.stop();
    }
  }
}
