package scot.pace.jobs;

import static org.apache.spark.sql.functions.current_timestamp;
import static org.apache.spark.sql.functions.lit;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import scot.pace.lake.Lake;
import scot.pace.measure.Population;
import scot.pace.measure.ScraReplication;

/** {@code pace replicate-scra}: the SCRA studies' headline table on any cohorts and follow-up. */
@Command(
    name = "replicate-scra",
    description = "Print and store (gold_scra_replication, with the run id) the SCRA headline table for"
        + " the cohorts and follow-up given, by the naive method and by Kaplan-Meier / Aalen-Johansen,"
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

  @Override
  ExitCode run() {
    PaceConfig config = lake == null ? common.load() : common.load().withLake(lake);
    YearRange years = YearRange.parse(cohorts);
    int days = followUpDays(followUp);
    Population chosen = switch (population) {
      case "accommodated" -> Population.ACCOMMODATED;
      case "looked_after" -> Population.LOOKED_AFTER;
      default -> throw new IllegalArgumentException(
          "--population " + population + " is not accommodated or looked_after");
    };
    String councilCode = council == null ? null : config.councilRegistry().require(council).code();
    Lake theLake = config.lake();
    if (!theLake.localTableNames().contains("silver_journeys") && !theLake.root().contains("://")) {
      throw new IllegalArgumentException("the lake at " + theLake.root() + " has no silver_journeys; run `pace build`"
          + " (or `pace demo`) first");
    }
    String runId = RunId.at(Instant.now());
    SparkSession spark = SparkSessions.start(config.spark(), "pace replicate-scra");
    try {
      Dataset<Row> table = ScraReplication.fromLake(spark, theLake, years.from(), years.to(), days, chosen, councilCode)
          .cache();
      List<Row> rows = table.collectAsList();
      out().printf(Locale.ROOT, "SCRA replication %s: %s cohorts %d-%d, %s, follow-up %d days%n", runId,
          chosen.label(), years.from(), years.to(), councilCode == null ? "Scotland" : councilCode, days);
      out().printf(Locale.ROOT, "%-70s %14s %16s %10s%n", "measure", "naive (n)", "KM/AJ (n)", "published");
      for (Row row : rows) {
        out().printf(Locale.ROOT, "%-70s %14s %16s %10s%n", row.getString(0), value(row, 1, 2), value(row, 3, 4),
            format(row.getString(0), row.getDouble(5)));
      }
      table.withColumn("run_id", lit(runId)).withColumn("population", lit(chosen.label()))
          .withColumn("cohort_from", lit(years.from())).withColumn("cohort_to", lit(years.to()))
          .withColumn("follow_up_days", lit(days)).withColumn("council", lit(councilCode == null ? "S92000003" : councilCode))
          .withColumn("created_at", current_timestamp())
          .coalesce(1).write().format("delta").mode("append").save(theLake.table(ScraReplication.TABLE));
      out().println("Stored in " + ScraReplication.TABLE + " with run_id " + runId);
      return ExitCode.SUCCESS;
    } finally {
      spark.stop();
    }
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
    throw new IllegalArgumentException("--follow-up " + text + " is not a number of years (4y) or days (1461d)");
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
