package scot.pace.jobs;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import scot.pace.lake.IngestReport;
import scot.pace.returns.ReturnFile;
import scot.pace.failure.InputFailure;

/** {@code pace ingest}: load new and re-submitted returns into the bronze Delta tables. */
@Command(
    name = "ingest",
    description = "Load every return folder or .zip under the returns folder into the bronze Delta"
        + " tables; a re-submitted return replaces its council and year, an unchanged one is skipped.")
final class IngestCommand extends PaceCommand {
  @Option(names = "--returns", paramLabel = "DIR", description = "The returns folder (default paths.returns).")
  Path returns;

  @Option(names = "--lake", paramLabel = "DIR", description = "The lake (default paths.lake).")
  String lake;

  @Override
  ExitCode run() {
    PaceConfig config = lake == null ? common.load() : common.load().withLake(lake);
    Path returnsDir = returns != null ? returns : config.returnsDir();
    if (!java.nio.file.Files.isDirectory(returnsDir)) {
      throw new InputFailure("returns folder " + returnsDir.toAbsolutePath().normalize() + " does not exist or is not"
          + " a folder; give --returns DIR or set paths.returns");
    }
    config.pseudonymKey();
    watch(config.lake());
    Instant start = Instant.now();
    String runId = RunId.at(start);
    Progress progress = new Progress(out());
    SparkSession spark = progress.stage("start Spark", () -> SparkSessions.start(config.spark(), "pace ingest"),
        SparkSessions::started);
    try {
      IngestReport report = IngestStage.run(progress, () -> spark, config, returnsDir, runId, start);
      for (ReturnFile file : ReturnFile.values()) {
        out().printf(Locale.ROOT, "  %-20s %,12d rows loaded%n", file.bronzeTable(), report.rowsByFile().getOrDefault(file, 0L));
      }
      out().println("Lake: " + config.lake().root());
      return report.needsAttention() ? ExitCode.WARNINGS : ExitCode.SUCCESS;
    } finally {
      spark.stop();
    }
  }
}
