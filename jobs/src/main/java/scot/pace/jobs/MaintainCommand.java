package scot.pace.jobs;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import scot.pace.failure.InputFailure;
import scot.pace.lake.Lake;
import scot.pace.lake.OutsideChanges;
import scot.pace.lake.ReadOnlyQuery;
import scot.pace.lake.RunLog;

/**
 * {@code pace maintain}: the one way to change a lake table by hand, for a change that is really
 * wanted (a table restored to an earlier version, a row of the run log written in error deleted,
 * a table compacted now). One statement, on the tables by their names, with a reason; it must
 * change something (queries are for {@code pace sql}), and it may not call Java by reflection or
 * read files by their paths. Its commits are signed with the run id and the reason (Delta's
 * {@code userMetadata}), and the run is recorded in {@code run_log} with the statement. The next
 * ingest reads every return again from its files when a table it owns was changed so: what is
 * loaded is changed by changing the returns.
 */
@Command(
    name = "maintain",
    description = "Change the lake by hand, with a reason that is recorded: one Spark SQL statement (DELETE, UPDATE,"
        + " RESTORE TABLE ... TO VERSION AS OF n, OPTIMIZE, VACUUM) on the lake's tables by name. For reading, use"
        + " pace sql. A change to a table the ingest owns (bronze, quarantine, return_quality, ingest_manifest) is"
        + " undone by the next ingest, which reads every return again.")
final class MaintainCommand extends PaceCommand {
  /** The start of every maintenance commit's {@code userMetadata}: the run id and the reason follow. */
  static final String SIGNATURE = "pace maintain ";

  @Parameters(index = "0", paramLabel = "STATEMENT",
      description = "e.g. \"RESTORE TABLE gold_aim1 TO VERSION AS OF 3\"")
  String statement;

  @Option(names = "--reason", required = true, paramLabel = "TEXT",
      description = "Why the change is made: recorded with the commit and in the run log.")
  String reason;

  @Option(names = "--lake", paramLabel = "DIR", description = "The lake (default paths.lake).")
  String lake;

  @Override
  ExitCode run() {
    if (reason.isBlank()) {
      throw new InputFailure("--reason is empty: say why the lake is changed by hand; it is recorded with the change");
    }
    PaceConfig config = lake == null ? common.load() : common.load().withLake(lake);
    Lake theLake = config.lake();
    if (theLake.localRoot().isEmpty() || theLake.localTableNames().isEmpty()) {
      throw new InputFailure("pace maintain changes a lake on this machine's disk with tables in it; "
          + theLake.root() + " has none");
    }
    Instant start = Instant.now();
    String runId = RunId.at(start);
    Progress progress = new Progress(out());
    SparkSession spark = progress.stage("start Spark", () -> SparkSessions.start(config.spark(), "pace maintain"),
        SparkSessions::started);
    try {
      for (String table : theLake.localTableNames()) {
        spark.sql("CREATE TABLE `" + table + "` USING delta LOCATION '" + theLake.table(table).replace("'", "\\'") + "'");
      }
      ReadOnlyQuery.lockDown(spark);
      if (!ReadOnlyQuery.changes(spark, statement)) {
        throw new InputFailure("pace maintain only changes the lake, and this statement reads it: use pace sql");
      }
      watch(theLake);
      spark.conf().set(OutsideChanges.COMMIT_NOTE, SIGNATURE + runId + ": " + reason.strip());
      try {
        progress.stage("change", () -> spark.sql(statement).collectAsList(), rows -> statement.strip());
      } catch (Exception e) {
        // Spark's AnalysisException (a table or function it does not know) is checked in Java's eyes.
        if (((Object) e) instanceof org.apache.spark.sql.AnalysisException) {
          throw new InputFailure(e.getMessage().split("\n")[0] + " (tables: "
              + String.join(", ", theLake.localTableNames()) + "; no Java by reflection, no file by its path)");
        }
        throw e;
      } finally {
        spark.conf().unset(OutsideChanges.COMMIT_NOTE);
      }
      Map<String, Long> changed = changedTables();
      progress.say("  " + (changed.isEmpty() ? "no table changed" : describe(changed)));
      RunJournal.record(() -> spark, config, progress, new RunLog(runId, "pace maintain", start, Instant.now(),
          ExitCode.SUCCESS.name(), ExitCode.SUCCESS.code(), RunJournal.configHash(config), List.of(), List.of(),
          RunLog.tableVersions(theLake), List.of("changed by hand: " + reason.strip()),
          List.of(statement, "--reason", reason), Map.of("maintain.tables_changed", (double) changed.size()),
          RunJournal.settingsHash(config), scot.pace.lake.CodeFingerprint.current()));
      return ExitCode.SUCCESS;
    } finally {
      spark.stop();
    }
  }
}
