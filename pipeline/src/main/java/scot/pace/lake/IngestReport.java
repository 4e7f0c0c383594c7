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
 * @param rowsByFile rows loaded in this run per file kind
 */
public record IngestReport(
    String runId,
    List<String> loaded,
    List<String> unchanged,
    List<ReturnProblem> rejected,
    Map<ReturnFile, Long> rowsByFile) {

  public IngestReport {
    loaded = List.copyOf(loaded);
    unchanged = List.copyOf(unchanged);
    rejected = List.copyOf(rejected);
    rowsByFile = Map.copyOf(rowsByFile);
  }

  public long rowsLoaded() {
    return rowsByFile.values().stream().mapToLong(Long::longValue).sum();
  }

  public boolean hasRejections() {
    return !rejected.isEmpty();
  }
}
