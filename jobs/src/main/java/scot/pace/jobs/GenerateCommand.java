package scot.pace.jobs;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import scot.pace.council.Council;
import scot.pace.generate.GenerationSummary;
import scot.pace.generate.GeneratorParameters;
import scot.pace.generate.SyntheticReturns;
import scot.pace.generate.YearFigures;
import scot.pace.returns.PlacementGroup;
import scot.pace.returns.ReturnFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code pace generate}: synthetic annual returns and the true outcomes behind them. */
@Command(
    name = "generate",
    description = "Write synthetic annual returns (one folder per council and year) and the true"
        + " per-child outcomes they were simulated from.")
final class GenerateCommand extends PaceCommand {
  @Option(names = "--returns", paramLabel = "DIR", description = "Where to write the returns (default paths.returns).")
  Path returns;

  @Option(names = "--truth", paramLabel = "DIR", description = "Where to write the true outcomes (default paths.truth).")
  Path truth;

  @Option(names = "--councils", split = ",", paramLabel = "CODE", description = "Only these councils (GSS codes).")
  List<String> councils;

  @Option(names = "--years", paramLabel = "YYYY[-YYYY]", description = "Collection years (default generator.firstYear-lastYear).")
  String years;

  @Option(names = "--scale", paramLabel = "N", description = "Multiply the number of children by N.")
  Integer scale;

  @Option(names = "--seed", paramLabel = "N", description = "Random seed (default generator.seed).")
  Long seed;

  @Option(names = "--inject-errors", paramLabel = "RATE",
      description = "Break this share of rows (e.g. 0.01), each with one kind of error the checker knows;"
          + " which rows, with which rule, goes to <truth>/injected_<code>.csv.")
  double injectErrors;

  @Override
  ExitCode run() {
    PaceConfig config = common.load();
    GeneratorParameters parameters = config.generator();
    if (scale != null) {
      parameters = parameters.withScale(scale);
    }
    if (seed != null) {
      parameters = parameters.withSeed(seed);
    }
    YearRange range = years == null ? new YearRange(parameters.firstYear(), parameters.lastYear()) : YearRange.parse(years);
    Path returnsDir = returns != null ? returns : config.returnsDir();
    Path truthDir = truth != null ? truth : config.truthDir();
    Progress progress = new Progress(out());
    GenerationSummary summary =
        generate(progress, config, parameters, councils, range, returnsDir, truthDir, injectErrors);
    printSummary(summary, out());
    return ExitCode.SUCCESS;
  }

  static GenerationSummary generate(
      Progress progress, PaceConfig config, GeneratorParameters parameters, List<String> councilCodes,
      YearRange range, Path returnsDir, Path truthDir, double errorRate) {
    List<Council> selected = config.councilRegistry().select(councilCodes);
    SyntheticReturns generator = new SyntheticReturns(parameters, config.councilRegistry(), errorRate);
    return progress.stage(
        "generate",
        () -> generator.write(returnsDir, truthDir, selected, range.from(), range.to()),
        summary -> String.format(Locale.ROOT, "%d returns, %,d children simulated, %,d rows -> %s",
            summary.returnsWritten(), summary.childrenSimulated(),
            summary.rowsByFile().values().stream().mapToLong(Long::longValue).sum(),
            returnsDir.toAbsolutePath()));
  }

  static void printSummary(GenerationSummary summary, java.io.PrintStream out) {
    out.println();
    out.println("Rows written per file:");
    for (ReturnFile file : ReturnFile.values()) {
      out.printf(Locale.ROOT, "  %-18s %,12d%n", file.fileName(), summary.rowsByFile().get(file));
    }
    out.println();
    out.println("Children looked after at 31 July, by placement, and episodes started and ended in the year");
    out.println("(compare with docs/reference-figures.md: 16,248 in 2012; 15,317 in 2016; 14,262 in 2019; 12,206 in 2023,");
    out.println(" 20% at home, 34% kinship, 32% foster, 11% residential, 1% adopters; 3,133 started in 2023):");
    out.println("  year  looked after  at home  kinship  foster  resid.  adopters  other  started  ceased");
    for (YearFigures year : summary.years()) {
      out.printf(Locale.ROOT, "  %4d  %,12d  %6.1f%%  %6.1f%%  %5.1f%%  %5.1f%%  %7.1f%%  %4.1f%%  %,7d  %,6d%n",
          year.collectionYear(), year.lookedAfter(),
          100 * year.share(PlacementGroup.AT_HOME), 100 * year.share(PlacementGroup.KINSHIP),
          100 * year.share(PlacementGroup.FOSTER), 100 * year.share(PlacementGroup.RESIDENTIAL),
          100 * year.share(PlacementGroup.ADOPTERS), 100 * year.share(PlacementGroup.OTHER_COMMUNITY),
          year.started(), year.ceased());
    }
    out.println();
    out.println("True per-child outcomes: " + summary.truthFile().toAbsolutePath());
  }
}
