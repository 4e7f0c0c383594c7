package scot.pace.export;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import scot.pace.lake.RunLog;

/**
 * What an export says of its run: enough to name the exact tables behind every figure and to run
 * it again. The end and the status are left out on purpose, so that a nightly run's own export
 * and a later {@code pace export --run} of it are the same bytes.
 */
public record ExportedRun(String runId, String command, Instant startedAt, String configSha256,
    Map<String, Long> tableVersions, List<String> arguments) {

  public ExportedRun {
    startedAt = startedAt.truncatedTo(ChronoUnit.MICROS); // as the run log's timestamp holds it
    tableVersions = new TreeMap<>(tableVersions);
    arguments = List.copyOf(arguments);
  }

  public static ExportedRun of(RunLog run) {
    return new ExportedRun(run.runId(), run.command(), run.startedAt(), run.configSha256(), run.tableVersions(),
        run.arguments());
  }

  boolean isReplication() {
    return command.endsWith("replicate-scra");
  }
}
