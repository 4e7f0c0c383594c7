package scot.pace.jobs;

import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.hadoop.fs.FSError;
import scot.pace.catalogue.BuildScope;
import scot.pace.journey.KeyFingerprint;
import scot.pace.journey.PseudonymKey;
import scot.pace.lake.IngestReport;
import scot.pace.export.ExportedRun;
import scot.pace.export.RunExport;
import scot.pace.failure.StageFailure;
import scot.pace.lake.CodeFingerprint;
import scot.pace.lake.GoodRuns;
import scot.pace.lake.RunLog;
import scot.pace.report.Report;

/**
 * Every stage that exists, in order, on one Spark session, as one run: ingest with validation,
 * the silver journeys and gold measures, the charts and reports. {@code nightly} and {@code demo}
 * both run this.
 *
 * <ul>
 *   <li>One at a time: the run holds {@link RunLock} in the output folder from start to end.
 *   <li>Incremental: when ingest finds nothing new, every table is still at the version the last
 *       good run left it (so no run was killed half-way through the build since) and the
 *       configuration and code are those it ran with, the build and charts are skipped; otherwise
 *       the run says why it builds, and the build stage's result in the run log says it too.
 *   <li>Exported: each run writes its notebooks and extracts ({@code <out>/exports/<run id>/}) from
 *       the tables at the versions it leaves.
 *   <li>Logged: each run, good or failed, appends to the {@code run_log} Delta table and writes
 *       {@code <out>/runs/<run id>.json}: stages with times, inputs with checksums, the version of
 *       every table, the configuration's hash, the exit status and the warnings.
 * </ul>
 */
final class NightlyRun {
  private static final String HOUSEKEEPING = "housekeeping";

  private final PaceConfig config;
  private final Progress progress;
  private final PseudonymKey key;
  private final List<String> arguments;

  /** @param arguments the command's options as given, recorded in the run log and the export's manifest */
  NightlyRun(PaceConfig config, Progress progress, PseudonymKey key, List<String> arguments) {
    this.config = config;
    this.progress = progress;
    this.key = key;
    this.arguments = List.copyOf(arguments);
  }

  ExitCode run(String command) {
    Instant start = Instant.now();
    String runId = RunId.at(start);
    progress.say("run " + runId);
    try (RunLock lock = RunLock.acquire(config.outDir(), runId, progress)) {
      return runLocked(command, runId, start);
    } catch (RunLock.HeldException held) {
      progress.say(command + ": " + held.getMessage());
      return ExitCode.ALREADY_RUNNING;
    }
  }

  private ExitCode runLocked(String command, String runId, Instant start) {
    LazySpark spark = new LazySpark(progress, config, command);
    List<String> warnings = new ArrayList<>();
    ExitCode code = ExitCode.JOB_FAILURE;
    Map<String, Long> versions = null;
    // The report the export copies: this run's, with the rows it protected once it has drawn one.
    RunExport.Drawn drawn = new RunExport.Drawn(config.outDir(), null);
    IngestReport ingest = null;
    Throwable failure = null;
    Map<String, Long> startVersions = nightlyTables(RunLog.tableVersions(config.lake()));
    try {
      // A night with another key would load the returns, then stop at the build: refused before anything is written.
      KeyFingerprint.check(config.lake(), key, spark);
      ingest = IngestStage.run(progress, spark, config, config.returnsDir(), runId, start);
      ingest.rejected().forEach(p -> warnings.add("rejected " + p.returnName() + ": " + p.message()));
      ingest.heldBack().forEach(p -> warnings.add("held back " + p.returnName() + ": " + p.reason()));
      warnings.addAll(ingest.warnings());
      Optional<GoodRuns.GoodRun> lastGood = RunLog.lastGood(spark, config.lake(), List.of("pace nightly", "pace demo"));
      boolean reportThere = Files.isRegularFile(config.outDir().resolve(Report.PUBLISHED).resolve("index.html"));
      Map<String, Long> before = RunLog.tableVersions(config.lake());
      String settings = RunJournal.settingsHash(config);
      String codeSha256 = CodeFingerprint.current();
      // The tables as this run found them, before its own ingest: as the last good run left them, or not.
      List<String> why = whyBuild(ingest.loaded().size(), reportThere, lastGood, startVersions, settings, codeSha256);
      String reasons = String.join("; ", why);
      if (why.isEmpty()) {
        progress.say("nothing new since the last good run: every table is as it left it, with the same configuration"
            + " and code; build and charts skipped");
        versions = before;
      } else {
        BuildScope scope = scope(ingest.loadedCouncils(), reportThere, lastGood, startVersions, settings, codeSha256);
        progress.say("building " + scope.describe() + ": " + reasons);
        BuildStage.run(progress, spark.get(), config, key, reasons, scope);
        drawn = new RunExport.Drawn(config.outDir(), ChartsStage.run(progress, spark.get(), config, runId, start).publication());
        progress.stage(HOUSEKEEPING, () -> config.housekeeping().toHousekeeping().run(spark.get(), config.lake(), Instant.now()),
            done -> done.size() + " tables tidied");
        versions = RunLog.tableVersions(config.lake());
      }
      ExportStage.run(progress, spark, config, new ExportedRun(runId, command, start, RunJournal.configHash(config),
          versions, arguments), drawn);
      int pruned = RunExport.prune(config.outDir(), config.housekeeping().keepRuns(), Instant.now()).size();
      if (pruned > 0) {
        progress.say("  removed " + pruned + " older export(s): housekeeping.keepRuns is " + config.housekeeping().keepRuns());
      }
      code = ingest.needsAttention() ? ExitCode.WARNINGS : ExitCode.SUCCESS;
      return code;
    } catch (Exception | FSError e) {
      // Spark throws its SparkException (checked) from Scala without declaring it, and Hadoop's local
      // file system reports a full disk as FSError, an Error: either may come after commits.
      boolean changed = changedSince(startVersions);
      code = ExitCode.after(e, changed);
      if (!changed) {
        failure = e;
        warnings.add("failed: " + e.getMessage());
        throw e;
      }
      StageFailure stageFailure = afterCommits(e);
      failure = stageFailure;
      warnings.add("failed: " + stageFailure.getMessage());
      throw stageFailure;
    } finally {
      try {
        log(spark, command, runId, start, code, warnings, versions, ingest);
      } catch (RuntimeException | FSError unlogged) {
        // The run's own failure (a full disk fails the log too) is what the operator must see.
        if (failure == null) {
          throw unlogged;
        }
        failure.addSuppressed(unlogged);
        progress.say("the run_log table could not be appended (the run's summary is in "
            + config.outDir().resolve("runs") + "): " + unlogged.getMessage());
      } finally {
        spark.stop();
      }
    }
  }

  /** Whether the lake's tables moved since {@code before}; when the lake cannot be read, assume they did. */
  private boolean changedSince(Map<String, Long> before) {
    try {
      return !nightlyTables(RunLog.tableVersions(config.lake())).equals(before);
    } catch (RuntimeException unreadable) {
      return true;
    }
  }

  /**
   * A failure after earlier stages committed, saying which stage failed, which committed and which
   * did not, and what a rerun will do.
   */
  private StageFailure afterCommits(Throwable cause) {
    List<String> committed = new ArrayList<>();
    for (Progress.Stage stage : progress.stages()) {
      if (!stage.name().equals("start Spark")) {
        committed.add(stage.name() + " (" + stage.result() + ")");
      }
    }
    String failed = progress.running() == null ? "the run" : progress.running();
    List<String> all = List.of(IngestStage.NAME, BuildStage.NAME, ChartsStage.NAME, HOUSEKEEPING, ExportStage.NAME);
    List<String> notDone = all.stream().filter(s -> !s.equals(failed)
        && progress.stages().stream().noneMatch(done -> done.name().equals(s))).toList();
    String reason = PaceCommand.diskFull(cause)
        .orElse(cause.getMessage() == null ? cause.toString() : cause.getMessage());
    return new StageFailure(failed, committed, notDone, reason, "Every table is whole at its last commit and the previous report"
        + " and exports are untouched. Run it again once the cause is fixed: returns already loaded are not loaded again,"
        + " and the build, charts and export run in full, since this run did not end well.", cause);
  }

  /**
   * Why the tables must be built again, or nothing when the last good run left them as they are
   * and would build them the same: no return loaded, the report there, every table at the version
   * that run left, and the same configuration and code.
   */
  static List<String> whyBuild(int loaded, boolean reportThere, Optional<GoodRuns.GoodRun> lastGood,
      Map<String, Long> now, String settingsSha256, String codeSha256) {
    List<String> why = new ArrayList<>();
    if (loaded > 0) {
      why.add(loaded == 1 ? "1 return loaded" : loaded + " returns loaded");
    }
    if (lastGood.isEmpty()) {
      why.add("no good nightly or demo run on record");
      return why;
    }
    GoodRuns.GoodRun last = lastGood.get();
    if (!reportThere) {
      why.add("the published report is missing");
    }
    if (!nightlyTables(last.tableVersions()).equals(nightlyTables(now))) {
      why.add("a table changed since the last good run (a run stopped part-way, or a change by hand)");
    }
    if (last.settingsSha256() == null || last.codeSha256() == null) {
      why.add("the last good run did not record its settings and code");
    } else {
      if (!last.settingsSha256().equals(settingsSha256)) {
        why.add("the configuration the tables depend on changed since the last good run");
      }
      if (!last.codeSha256().equals(codeSha256)) {
        why.add("the code changed since the last good run (pace was updated)");
      }
    }
    return why;
  }

  /**
   * How much a run that builds computes again: when the returns it loaded are the only reason
   * ({@link #whyBuild} finds no other), the silver rows of their councils and every gold table;
   * otherwise every table whole.
   */
  static BuildScope scope(Set<String> loadedCouncils, boolean reportThere, Optional<GoodRuns.GoodRun> lastGood,
      Map<String, Long> now, String settingsSha256, String codeSha256) {
    boolean onlyReturns = whyBuild(0, reportThere, lastGood, now, settingsSha256, codeSha256).isEmpty();
    return onlyReturns && !loadedCouncils.isEmpty() ? BuildScope.councils(loadedCouncils) : BuildScope.everything();
  }

  /** The versions of the tables a nightly run writes: not those of replicate-scra, which runs on its own. */
  static Map<String, Long> nightlyTables(Map<String, Long> versions) {
    Map<String, Long> mine = new java.util.TreeMap<>(versions);
    mine.remove(scot.pace.measure.ScraReplication.TABLE);
    return mine;
  }

  private void log(LazySpark spark, String command, String runId, Instant start, ExitCode code,
      List<String> warnings, Map<String, Long> versions, IngestReport ingest) {
    List<RunLog.Stage> stages = new ArrayList<>();
    for (Progress.Stage stage : progress.stages()) {
      stages.add(new RunLog.Stage(stage.name(), stage.took().toNanos() / 1e9, stage.result()));
    }
    RunJournal.record(spark, config, progress, new RunLog(runId, command, start, Instant.now(), code.name(), code.code(),
        RunJournal.configHash(config), stages,
        ingest != null && ingest.recordedNothing() ? List.of() : RunLog.inputsOf(spark.get(), config.lake(), runId),
        versions != null ? versions : RunLog.tableVersions(config.lake()), warnings, arguments, progress.figures(),
        RunJournal.settingsHash(config), CodeFingerprint.current()));
  }
}
