package scot.pace.export;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import scot.pace.lake.RunLog;
import scot.pace.returns.Sha256;

/**
 * What an export says of its run: enough to name the exact tables behind every figure and to run
 * it again. The end and the status are left out on purpose, so that a nightly run's own export
 * and a later {@code pace export --run} of it are the same bytes.
 */
public record ExportedRun(String runId, String command, Instant startedAt, String configSha256,
    Map<String, Long> tableVersions, List<String> arguments, String configuration, String version) {

  public ExportedRun {
    startedAt = startedAt.truncatedTo(ChronoUnit.MICROS); // as the run log's timestamp holds it
    tableVersions = new TreeMap<>(tableVersions);
    arguments = List.copyOf(arguments);
  }

  public ExportedRun(String runId, String command, Instant startedAt, String configSha256,
      Map<String, Long> tableVersions, List<String> arguments) {
    this(runId, command, startedAt, configSha256, tableVersions, arguments, null, null);
  }

  public static ExportedRun of(RunLog run) {
    return new ExportedRun(run.runId(), run.command(), run.startedAt(), run.configSha256(), run.tableVersions(),
        run.arguments());
  }

  /**
   * The same run, with the configuration it ran with (as JSON, the text whose SHA-256 the run log
   * holds; null when it is no longer known) and the pipeline's version, for a replication pack.
   */
  public ExportedRun withConfiguration(String configuration, String version) {
    return new ExportedRun(runId, command, startedAt, configSha256, tableVersions, arguments,
        configuration != null && Sha256.of(configuration).equals(configSha256) ? configuration : null, version);
  }

  boolean isReplication() {
    return command.endsWith("replicate-scra");
  }
}
