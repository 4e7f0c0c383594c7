package scot.pace.jobs;

import static org.apache.spark.sql.functions.current_timestamp;
import static org.apache.spark.sql.functions.lit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import scot.pace.export.ExportedRun;
import scot.pace.lake.Lake;
import scot.pace.lake.RunLog;
import scot.pace.measure.Population;
import scot.pace.measure.ScraReplication;
import scot.pace.failure.InputFailure;
import scot.pace.failure.LakeStateFailure;

/** {@code pace replicate-scra}: the SCRA studies' headline table on any cohorts and follow-up. */
@Command(
    name = "replicate-scra",
    description = "Print and store (gold_scra_replication, with the run id) the SCRA headline table for"
        + " the cohorts and follow-up given, by the naive method and by the cumulative incidence (Aalen-Johansen, leaving care competing),"
        + " beside the published figures. Needs `pace build` first.")
final class ReplicateScraCommand extends PaceCommand {
  @Option(names = "--cohorts", paramLabel = "YYYY[-YYYY]", required = true,
      description = "Collection years of the cohorts' origin, e.g. 2012-2013.")
  String cohorts;

  @Option(names = "--follow-up", paramLabel = "Ny", defaultValue = "4y",
      description = "Follow-up in years (4y) or days (1461d); default 4y.")
  String followUp;

  @Option(names = "--population", defaultValue = "accommodated",
      description = "accommodated (the SCRA population, default) or looked_after.")
  String population;

  @Option(names = "--council", paramLabel = "CODE", description = "One council (default: Scotland).")
  String council;

  @Option(names = "--lake", paramLabel = "DIR", description = "The lake (default paths.lake).")
  String lake;

  @Option(names = "--out", paramLabel = "DIR",
      description = "Where its replication pack goes: DIR/exports/<run id>/ (default paths.out).")
  String out;

  @Option(names = "--at-run", paramLabel = "RUN_ID",
      description = "Read the tables at the versions that run recorded (Delta time travel), to repeat it exactly;"
          + " default: the tables as they are now.")
  String atRun;

  @Override
  ExitCode run() {
    // Folders given here as absolute paths: the run log's configuration, and the hint below, hold wherever run.
    PaceConfig loaded = lake == null ? common.load() : common.load().withLake(absolute(lake));
    PaceConfig config = out == null ? loaded : loaded.withPaths(new PaceConfig.PathSettings(loaded.paths().returns(),
        loaded.paths().truth(), loaded.paths().lake(), absolute(out)));
    YearRange years = YearRange.parse(cohorts);
    int days = followUpDays(followUp);
    Population chosen = switch (population) {
      case "accommodated" -> Population.ACCOMMODATED;
      case "looked_after" -> Population.LOOKED_AFTER;
      default -> throw new InputFailure(
          "--population " + population + " is not accommodated or looked_after");
    };
    String councilCode = council == null ? null : config.councilRegistry().require(council).code();
    Lake theLake = config.lake();
    if (!theLake.localTableNames().contains(scot.pace.journey.Journeys.TABLE) && !theLake.root().contains("://")) {
      throw new LakeStateFailure("the lake at " + theLake.root() + " has no silver_journeys; run `pace build`"
          + " (or `pace demo`) first");
    }
    watch(theLake);
    Instant start = Instant.now();
    String runId = RunId.at(start);
    SparkSession spark = SparkSessions.start(config.spark(), "pace replicate-scra");
    try {
      Map<String, Long> read = atRun == null ? RunLog.tableVersions(theLake)
          : RunLog.find(spark, theLake, atRun).tableVersions();
      Lake source = atRun == null ? theLake : theLake.pinnedTo(read);
      Dataset<Row> table = ScraReplication.fromLake(spark, source, years.from(), years.to(), days, chosen, councilCode)
          .cache();
      List<Row> rows = table.collectAsList();
      out().printf(Locale.ROOT, "SCRA replication %s: %s cohorts %d-%d, %s, follow-up %d days%n", runId,
          chosen.label(), years.from(), years.to(), councilCode == null ? "Scotland" : councilCode, days);
      out().printf(Locale.ROOT, "%-70s %14s %16s %10s%n", "measure", "naive (n)", "estimate (n)", "published");
      for (Row row : rows) {
        out().printf(Locale.ROOT, "%-70s %14s %16s %10s%n", row.getString(0), value(row, 1, 2), value(row, 3, 4),
            format(row.getString(0), row.getDouble(5)));
        out().printf(Locale.ROOT, "    %s%n", row.getString(6));
      }
      out().println("Estimate: cumulative incidence (Aalen-Johansen), leaving care competing; home supervision"
          + " orders by Kaplan-Meier of their duration.");
      table.withColumn("run_id", lit(runId)).withColumn("population", lit(chosen.label()))
          .withColumn("cohort_from", lit(years.from())).withColumn("cohort_to", lit(years.to()))
          .withColumn("follow_up_days", lit(days)).withColumn("council", lit(councilCode == null ? "S92000003" : councilCode))
          .withColumn("created_at", current_timestamp())
          .coalesce(1).write().format("delta").mode("append").option("mergeSchema", "true")
          .save(theLake.table(ScraReplication.TABLE));
      out().println("Stored in " + ScraReplication.TABLE + " with run_id " + runId
          + (atRun == null ? "" : ", from the tables as run " + atRun + " left them"));
      Map<String, Long> versions = new TreeMap<>(read);
      versions.put(ScraReplication.TABLE, RunLog.tableVersions(theLake).get(ScraReplication.TABLE));
      String configuration = RunJournal.configJson(config);
      String configHash = scot.pace.returns.Sha256.of(configuration);
      RunJournal.record(() -> spark, config, new Progress(out()), new RunLog(runId, "pace replicate-scra", start, Instant.now(),
          ExitCode.SUCCESS.name(), ExitCode.SUCCESS.code(), configHash, List.of(), List.of(), versions, List.of(),
          arguments(), Map.of(), RunJournal.settingsHash(config), scot.pace.lake.CodeFingerprint.current()));
      ExportedRun exported = new ExportedRun(runId, "pace replicate-scra", start, configHash, versions, arguments())
          .withConfiguration(configuration, Pace.VERSION);
      ExportStage.run(new Progress(out()), () -> spark, config, exported, null);
      List<String> again = new ArrayList<>(List.of("pace", "export", "--run", runId));
      again.addAll(configAndLake());
      if (out != null) {
        again.addAll(List.of("--out", absolute(out)));
      }
      out().println("To write the pack again: " + String.join(" ", again));
      return ExitCode.SUCCESS;
    } finally {
      spark.stop();
    }
  }

  /** The options as given, to run it again (without --at-run, which the replication pack sets). */
  private List<String> arguments() {
    List<String> arguments = configAndLake();
    arguments.addAll(List.of("--cohorts", cohorts, "--follow-up", followUp, "--population", population));
    if (council != null) {
      arguments.addAll(List.of("--council", council));
    }
    return arguments;
  }

  /** The common options and --lake as given, paths absolute. */
  private List<String> configAndLake() {
    List<String> given = new ArrayList<>(common.arguments());
    if (lake != null) {
      given.addAll(List.of("--lake", absolute(lake)));
    }
    return given;
  }

  private static String absolute(String folder) {
    return folder.contains("://") ? folder : java.nio.file.Path.of(folder).toAbsolutePath().normalize().toString();
  }

  static int followUpDays(String text) {
    String trimmed = text.trim().toLowerCase(Locale.ROOT);
    try {
      if (trimmed.endsWith("y")) {
        return (int) Math.round(Double.parseDouble(trimmed.substring(0, trimmed.length() - 1)) * 365.25);
      }
      if (trimmed.endsWith("d")) {
        return Integer.parseInt(trimmed.substring(0, trimmed.length() - 1));
      }
    } catch (NumberFormatException e) {
      // fall through to the message
    }
    throw new InputFailure("--follow-up " + text + " is not a number of years (4y) or days (1461d)");
  }

  private static String value(Row row, int value, int children) {
    if (row.isNullAt(value)) {
      return "n/a (" + row.getLong(children) + ")";
    }
    return format(row.getString(0), row.getDouble(value)) + " (" + row.getLong(children) + ")";
  }

  private static String format(String measure, double value) {
    return measure.startsWith("mean") ? String.format(Locale.ROOT, "%.2f", value)
        : String.format(Locale.ROOT, "%.1f%%", 100 * value);
  }
}
