package scot.pace.generate;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import scot.pace.returns.ReturnFile;

/**
 * What one run of the generator wrote.
 *
 * @param returnsWritten return folders written
 * @param rowsByFile data rows written per file kind, over all returns
 * @param childrenSimulated children whose journeys were simulated (also those never in a return)
 * @param truthFile the true per-child outcomes
 * @param years national figures per collection year
 */
public record GenerationSummary(
    int returnsWritten,
    Map<ReturnFile, Long> rowsByFile,
    long childrenSimulated,
    Path truthFile,
    List<YearFigures> years) {

  public GenerationSummary {
    rowsByFile = Map.copyOf(rowsByFile);
    years = List.copyOf(years);
  }
}
