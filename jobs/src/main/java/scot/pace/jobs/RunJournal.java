package scot.pace.jobs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.spark.sql.SparkSession;
import scot.pace.lake.RunLog;
import scot.pace.returns.Sha256;

/** Records a run: a row of the {@code run_log} table and {@code <out>/runs/<run id>.json}. */
final class RunJournal {
  private RunJournal() {}

  /**
   * The summary first, beside the outputs, so a run that failed because the lake's disk is full
   * still leaves one; then the table's row.
   */
  static void record(Supplier<SparkSession> spark, PaceConfig config, Progress progress, RunLog entry) {
    Path summary = writeSummary(config, entry);
    entry.append(spark, config.lake());
    progress.say("run log: " + summary + " and the run_log table");
  }

  private static Path writeSummary(PaceConfig config, RunLog entry) {
    Path runs = config.outDir().resolve("runs");
    try {
      Files.createDirectories(runs);
      Path temp = runs.resolve("." + entry.runId() + ".json.tmp");
      Map<String, Object> summary = new LinkedHashMap<>();
      summary.put("runId", entry.runId());
      summary.put("command", entry.command());
      summary.put("arguments", entry.arguments());
      summary.put("startedAt", entry.startedAt().toString());
      summary.put("endedAt", entry.endedAt().toString());
      summary.put("status", entry.status());
      summary.put("exitCode", entry.exitCode());
      summary.put("configSha256", entry.configSha256());
      summary.put("stages", entry.stages());
      summary.put("inputs", entry.inputs());
      summary.put("tableVersions", entry.tableVersions());
      summary.put("warnings", entry.warnings());
      summary.put("figures", entry.figures());
      summary.put("settingsSha256", entry.settingsSha256());
      summary.put("codeSha256", entry.codeSha256());
      json().writeValue(temp.toFile(), summary);
      Files.move(temp, runs.resolve(entry.runId() + ".json"), StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the run summary to " + runs + ": " + e.getMessage(), e);
    }
    return runs.resolve(entry.runId() + ".json").toAbsolutePath().normalize();
  }

  /** The SHA-256 of the configuration as loaded (every setting, whichever file it came from). */
  static String configHash(PaceConfig config) {
    return Sha256.of(configJson(config));
  }

  /**
   * The SHA-256 of the configuration the tables depend on: the ingest's hold-back rate, disclosure, the
   * councils (PACE starts, aims), code mappings and date formats. Not the paths, Spark's settings,
   * housekeeping, the generator's parameters (new returns are loaded, and so noticed, anyway) or
   * the key's file (the lake's key fingerprint refuses another key): a lake moved, or run with
   * more memory, is not built again for it.
   */
  static String settingsHash(PaceConfig config) {
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("holdBackErrorRate", config.ingest().holdBackErrorRate());
    settings.put("disclosure", config.disclosure());
    settings.put("councils", config.councils());
    settings.put("codeMappings", config.codeMappings());
    settings.put("dateFormats", config.dateFormats());
    try {
      return Sha256.of(json().writeValueAsString(settings));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The whole configuration (defaults and overrides) as JSON: the text whose SHA-256 a run records. */
  static String configJson(PaceConfig config) {
    try {
      return json().writeValueAsString(config);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ObjectMapper json() {
    return new ObjectMapper().findAndRegisterModules().enable(SerializationFeature.INDENT_OUTPUT);
  }
}
