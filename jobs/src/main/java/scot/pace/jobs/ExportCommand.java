package scot.pace.jobs;

import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import scot.pace.export.ExportedRun;
import scot.pace.lake.RunLog;
import scot.pace.failure.InputFailure;

/** {@code pace export}: a logged run's notebooks and extracts, or its replication pack. */
@Command(
    name = "export",
    description = "Write a run's Jupyter notebook, disclosure-controlled CSV extracts with their data dictionary,"
        + " and each council's restricted notebook (for a replicate-scra run: its replication pack) to"
        + " <out>/exports/<run id>/, from the gold tables at exactly the Delta versions the run recorded."
        + " `pace nightly` does this for its own run.")
final class ExportCommand extends PaceCommand {
  @Option(names = "--run", paramLabel = "RUN_ID", required = true,
      description = "The run id (see <out>/runs/ or `pace sql \"SELECT run_id, command, status FROM run_log\"`).")
  String runId;

  @Mixin LakeAndOut folders;

  @Override
  ExitCode run() {
    PaceConfig config = folders.applyTo(common.load());
    RunId.check(runId, config.outDir());
    if (config.lake().localRoot().isPresent()) {
      RunLog.requireLog(null, config.lake());
    }
    Progress progress = new Progress(out());
    SparkSession spark = progress.stage("start Spark", () -> SparkSessions.start(config.spark(), "pace export"),
        SparkSessions::started);
    try {
      RunLog run = RunLog.find(spark, config.lake(), runId);
      if (!run.status().equals("SUCCESS") && !run.status().equals("WARNINGS")) {
        throw new InputFailure("run " + runId + " ended " + run.status() + ": its tables may be half-built;"
            + " export a run that ended SUCCESS or WARNINGS");
      }
      ExportStage.run(progress, () -> spark, config,
          ExportedRun.of(run).withConfiguration(RunJournal.configJson(config), Pace.VERSION), null);
      progress.summary();
      return ExitCode.SUCCESS;
    } finally {
      spark.stop();
    }
  }
}
