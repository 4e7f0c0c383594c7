package scot.pace.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import scot.pace.generate.GenerationSummary;
import scot.pace.journey.PseudonymKey;
import scot.pace.returns.ReturnId;

/**
 * {@code pace demo}: nightly on the embedded default. Generates synthetic returns for all 32
 * councils first when the work folder has none, then runs every stage on local Spark with the
 * lake on local disk.
 */
@Command(
    name = "demo",
    description = "Generate synthetic returns (if none yet) and run every stage on local Spark,"
        + " with returns, lake and outputs under the work folder.")
final class DemoCommand extends PaceCommand {
  @Option(names = "--workdir", paramLabel = "DIR", description = "Work folder (default ./demo-data).")
  Path workdir = Path.of("demo-data");

  @Override
  ExitCode run() {
    PaceConfig config = common.load();
    config = config.withPaths(config.paths().under(workdir));
    Progress progress = new Progress(out());
    progress.say("pace demo: synthetic returns, local Spark, Delta tables on local disk under "
        + workdir.toAbsolutePath().normalize());
    if (!hasReturns(config.returnsDir())) {
      GenerationSummary summary = GenerateCommand.generate(
          progress, config, config.generator(), null,
          new YearRange(config.generator().firstYear(), config.generator().lastYear()),
          config.returnsDir(), config.truthDir(), 0);
      GenerateCommand.printSummary(summary, out());
    } else {
      progress.say("returns already in " + config.returnsDir().toAbsolutePath().normalize() + "; not generating");
    }
    watch(config.lake());
    ExitCode code = new NightlyRun(config, progress, PseudonymKey.demo(), demoArguments()).run("pace demo");
    progress.summary();
    out().println();
    out().println("Where everything went:");
    out().println("  returns (synthetic):  " + config.returnsDir().toAbsolutePath().normalize());
    out().println("  true outcomes:        " + config.truthDir().toAbsolutePath().normalize());
    out().println("  Delta lake:           " + config.lake().root());
    out().println("  outputs:              " + config.outDir().toAbsolutePath().normalize());
    out().println("Look inside with, e.g.:");
    out().println("  java -jar jobs/target/pace-jobs.jar sql --lake " + config.lake().root()
        + " \"SELECT council, cohort_year, children, round(median_days / 365.25, 2) AS median_years,"
        + " round(within_2y, 3) AS within_2y FROM gold_time_to_permanence WHERE population = 'accommodated'"
        + " AND council = 'S92000003' AND age_band = 'all' ORDER BY cohort_year\"");
    return code;
  }

  private static boolean hasReturns(Path returns) {
    if (!Files.isDirectory(returns)) {
      return false;
    }
    try (Stream<Path> list = Files.list(returns)) {
      return list.anyMatch(p -> ReturnId.fromName(p.getFileName().toString()).isPresent());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + returns, e);
    }
  }

  private java.util.List<String> demoArguments() {
    java.util.List<String> given = new java.util.ArrayList<>(common.arguments());
    given.addAll(java.util.List.of("--workdir", workdir.toAbsolutePath().normalize().toString()));
    return given;
  }
}
