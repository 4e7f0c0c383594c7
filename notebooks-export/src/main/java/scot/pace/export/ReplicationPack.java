package scot.pace.export;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import scot.pace.disclosure.DisclosureControl;
import scot.pace.files.CsvWriter;
import scot.pace.lake.Lake;
import scot.pace.catalogue.OutputCatalogue;
import scot.pace.measure.ScraReplication;
import scot.pace.publish.PublishedTable;
import scot.pace.failure.InputFailure;

/**
 * The replication pack of a {@code replicate-scra} run: {@code parameters.json} (the cohorts,
 * follow-up, population and council, the configuration's hash and the Delta version of every
 * table), {@code gold_scra_replication.csv} (the run's own rows, disclosure-controlled) and
 * {@code REPLICATE.md}, with the exact command that runs it again on the same table versions.
 */
final class ReplicationPack {
  static final String JAR = "java -jar jobs/target/pace-jobs.jar";
  static final String README = "REPLICATE.md";
  static final String CONFIGURATION = "configuration.json";

  private ReplicationPack() {}

  static void write(SparkSession spark, Lake lake, ExportedRun run, DisclosureControl sdc, Path folder) {
    if (!lake.exists(spark, ScraReplication.TABLE) || !run.tableVersions().containsKey(ScraReplication.TABLE)) {
      throw new InputFailure("run " + run.runId() + " recorded no " + ScraReplication.TABLE + " version");
    }
    List<Row> rows = lake.read(spark, ScraReplication.TABLE).where(
        org.apache.spark.sql.functions.col("run_id").equalTo(run.runId())).orderBy("measure").collectAsList();
    if (rows.isEmpty()) {
      throw new InputFailure(ScraReplication.TABLE + " at version "
          + run.tableVersions().get(ScraReplication.TABLE) + " has no rows of run " + run.runId());
    }
    PublishedTable published = OutputCatalogue.named(ScraReplication.TABLE).orElseThrow().publication();
    List<String> columns = List.of(rows.get(0).schema().fieldNames());
    List<Map<String, Object>> group = new ArrayList<>();
    rows.forEach(row -> group.add(PublishedTable.values(row)));
    try (CsvWriter csv = new CsvWriter(folder.resolve(ScraReplication.TABLE + ".csv"), columns)) {
      published.protect(columns, group, sdc).forEach(csv::line);
    }
    Row first = rows.get(0);
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("runId", run.runId());
    parameters.put("command", run.command());
    parameters.put("arguments", run.arguments());
    parameters.put("startedAt", run.startedAt().toString());
    parameters.put("population", first.getAs("population"));
    parameters.put("cohortFrom", first.getAs("cohort_from"));
    parameters.put("cohortTo", first.getAs("cohort_to"));
    parameters.put("followUpDays", first.getAs("follow_up_days"));
    parameters.put("council", first.getAs("council"));
    parameters.put("configSha256", run.configSha256());
    parameters.put("version", run.version());
    parameters.put("lake", lake.root());
    parameters.put("tableVersions", run.tableVersions());
    RunExport.writeJson(folder.resolve("parameters.json"), parameters);
    if (run.configuration() != null) {
      try {
        Files.writeString(folder.resolve(CONFIGURATION), run.configuration(), StandardCharsets.UTF_8);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException("could not write " + folder.resolve(CONFIGURATION), e);
      }
    }
    String again = JAR + " replicate-scra " + String.join(" ", run.arguments()) + " --at-run " + run.runId();
    String text = "# Replication of the SCRA headline table, run " + run.runId() + "\n\n"
        + "Cohorts " + first.getAs("cohort_from") + " to " + first.getAs("cohort_to") + ", population "
        + first.getAs("population") + ", follow-up " + first.getAs("follow_up_days") + " days, council "
        + first.getAs("council") + ".\n\n"
        + "- `" + ScraReplication.TABLE + ".csv`: the table this run stored (naive and censoring-aware figures "
        + "beside the published ones), with counts of 1 to " + sdc.threshold() + " shown as "
        + DisclosureControl.SUPPRESSED + ".\n"
        + "- `parameters.json`: the parameters, the version of the pipeline" + (run.version() == null ? "" : " (`"
        + run.version() + "`)") + ", the configuration's SHA-256 and the Delta version of every table.\n"
        + (run.configuration() != null ? "- `" + CONFIGURATION + "`: the whole configuration it ran with (defaults and"
            + " overrides; its SHA-256 is the one above).\n\n"
            : "\nThe configuration has changed since this run, so it is not in the pack; the run's SHA-256 names it.\n\n")
        + "## Run it again\n\n"
        + "From the project folder, with the same configuration (SHA-256 `" + run.configSha256() + "`) and the lake at `"
        + lake.root() + "`:\n\n"
        + "```\n" + again + "\n```\n\n"
        + "`--at-run` reads the silver and gold tables at the versions this run recorded (Delta time travel), so "
        + "the figures are the same even after later nightly runs, as long as housekeeping has not vacuumed "
        + "those versions away (it keeps the files of the last `housekeeping.keepRuns` runs). Without "
        + "`--at-run` it runs on the lake as it is now.\n";
    try {
      Files.writeString(folder.resolve(README), text, StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("could not write " + folder.resolve(README), e);
    }
  }
}
