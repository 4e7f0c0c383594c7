package scot.pace.lake;

import java.util.List;
import java.util.Map;
import scot.pace.returns.ReturnFile;
import scot.pace.returns.ReturnProblem;

/**
 * What one ingest did.
 *
 * @param runId the run
 * @param loaded return keys loaded (new or re-submitted), in order
 * @param unchanged return keys skipped because the same submission is already loaded
 * @param rejected returns that could not be read, with the reason
 * @param heldBack re-submissions with too many rows in error, with the reason
 * @param warnings other things the analyst should know (ignored columns, returns loaded with many
 *     errors)
 * @param rowsByFile rows loaded in this run per file kind
 */
public record IngestReport(
    String runId,
    List<String> loaded,
    List<String> unchanged,
    List<ReturnProblem> rejected,
    List<ReturnProblem> heldBack,
    List<String> warnings,
    Map<ReturnFile, Long> rowsByFile) {

  public IngestReport {
    loaded = List.copyOf(loaded);
    unchanged = List.copyOf(unchanged);
    rejected = List.copyOf(rejected);
    heldBack = List.copyOf(heldBack);
    warnings = List.copyOf(warnings);
    rowsByFile = Map.copyOf(rowsByFile);
  }

  /** Whether the run should end with the "finished with warnings" status. */
  public boolean needsAttention() {
    return !rejected.isEmpty() || !heldBack.isEmpty() || !warnings.isEmpty();
  }

  /** Whether nothing was read, held back or rejected: the manifest then holds no entry of this run. */
  public boolean recordedNothing() {
    return loaded.isEmpty() && rejected.isEmpty() && heldBack.isEmpty();
  }

  /** The councils (current GSS codes) with a return loaded in this run. */
  public java.util.Set<String> loadedCouncils() {
    java.util.Set<String> councils = new java.util.TreeSet<>();
    for (String returnKey : loaded) {
      // A return key is named as a return is: the council's current code and the collection year.
      councils.add(scot.pace.returns.ReturnId.fromName(returnKey).orElseThrow().laCode());
    }
    return councils;
  }

  public long rowsLoaded() {
    return rowsByFile.values().stream().mapToLong(Long::longValue).sum();
  }
}
