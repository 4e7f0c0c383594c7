package scot.pace.jobs;

import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import scot.pace.rules.ReturnCheck;
import scot.pace.rules.ValidationReport;

/**
 * {@code pace validate PATH}: checks one return for a council's data team, touching no lake.
 * Exit 0: no errors; 1: errors; 2: the return cannot be read.
 */
@Command(
    name = "validate",
    description = "Check one return (a folder or .zip named <LA code>_<year>) against every rule, without"
        + " touching any lake; print a summary and write findings.csv and report.html."
        + " Exit 0: no errors, 1: errors, 2: the return cannot be read.")
final class ValidateCommand extends PaceCommand {
  @Parameters(index = "0", paramLabel = "PATH", description = "The return's folder or zip.")
  Path path;

  @Option(names = "--report", paramLabel = "DIR",
      description = "Where to write findings.csv and report.html (default ./validation-<return name>).")
  Path report;

  @Override
  ExitCode run() {
    PaceConfig config = common.load();
    if (!java.nio.file.Files.exists(path)) {
      throw new scot.pace.failure.InputFailure(path + " does not exist: give the return's folder or .zip, named"
          + " <LA code>_<collection year>, e.g. S12000033_2019");
    }
    SparkSession[] spark = new SparkSession[1];
    try {
      Path staging = Path.of(System.getProperty("java.io.tmpdir")).resolve("pace-validate");
      ReturnCheck.Result result = ReturnCheck.check(() -> spark[0] != null ? spark[0]
          : (spark[0] = SparkSessions.start(config.spark().forOneReturn(), "pace validate")), path, config.councilRegistry(), staging,
          config.codeMappings(), config.dateFormats());
      out().print(ValidationReport.summary(result));
      Path folder = report != null ? report : Path.of("validation-" + result.returnName());
      ValidationReport.write(result, folder);
      out().println();
      out().println("Report: " + folder.resolve("report.html").toAbsolutePath().normalize());
      out().println("All findings: " + folder.resolve("findings.csv").toAbsolutePath().normalize());
      if (result.unreadable() != null) {
        return ExitCode.INPUT_FAILURE;
      }
      return result.errors() > 0 ? ExitCode.FINDINGS : ExitCode.SUCCESS;
    } finally {
      if (spark[0] != null) {
        spark[0].stop();
      }
    }
  }
}
