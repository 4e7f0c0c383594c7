package scot.pace.jobs;

import java.io.PrintStream;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.apache.hadoop.fs.FSError;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import scot.pace.failure.PaceFailure;
import scot.pace.failure.StageFailure;
import scot.pace.lake.Lake;
import scot.pace.lake.RunLog;

/**
 * A pace subcommand: sets up logging, runs, and maps failures to exit codes ({@link ExitCode#after})
 * with a message that says what to fix and, when the lake changed before the failure, what was
 * committed (the stack trace only with {@code -v}).
 */
abstract class PaceCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Spec CommandSpec spec;

  /** The command's work; its result is the exit status. */
  abstract ExitCode run() throws Exception;

  private Lake watched;
  private Map<String, Long> versionsBefore = Map.of();

  @Override
  public final Integer call() {
    common.applyLogging();
    PrintStream err = System.err;
    try {
      return run().code();
    } catch (Exception | FSError e) {
      Map<String, Long> changed = changedTables();
      ExitCode code = ExitCode.after(e, !changed.isEmpty());
      String cause = e instanceof PaceFailure ? e.getMessage() : diskFull(e).orElse(e.toString());
      if (e instanceof PaceFailure && changed.isEmpty()) {
        err.println("pace " + spec.name() + ": " + e.getMessage());
      } else if (!changed.isEmpty() && !(e instanceof StageFailure)) {
        err.println("pace " + spec.name() + " failed after changing the lake (" + describe(changed) + "): "
            + cause + ". Each table is whole at its new version (Delta commits are atomic); run the command again"
            + " once the cause is fixed.");
      } else {
        err.println("pace " + spec.name() + " failed: " + cause);
      }
      if (common.verbose) {
        e.printStackTrace(err);
      } else if (!(e instanceof PaceFailure)) {
        err.println("(run again with -v for the full trace)");
      }
      return code.code();
    }
  }

  /**
   * What to tell an operator when the failure, or anything that caused it, is a full disk: Hadoop's
   * local file system throws {@link FSError} (an error, not an exception) and Spark's tasks an
   * {@code IOException} saying "No space left on device".
   */
  static java.util.Optional<String> diskFull(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String message = String.valueOf(t.getMessage());
      if (t instanceof FSError || message.contains("No space left on device")) {
        return java.util.Optional.of("the disk is full (" + message.replaceAll("\\s+", " ").trim()
            + "): free space where the lake, the outputs and Spark's temporary folder live (spark.local.dir,"
            + " normally /tmp), then run it again");
      }
    }
    return java.util.Optional.empty();
  }

  /**
   * Records the versions of {@code lake}'s tables before the command changes anything, so that a
   * failure can say whether it changed the lake (exit 3) or not (exit 2 for a user's mistake).
   */
  void watch(Lake lake) {
    watched = lake;
    versionsBefore = RunLog.tableVersions(lake);
  }

  /** The tables whose version moved since {@link #watch}, with their new versions. */
  Map<String, Long> changedTables() {
    if (watched == null) {
      return Map.of();
    }
    Map<String, Long> changed = new TreeMap<>();
    try {
      RunLog.tableVersions(watched).forEach((table, version) -> {
        if (!version.equals(versionsBefore.get(table))) {
          changed.put(table, version);
        }
      });
    } catch (RuntimeException unreadable) {
      changed.put("(the lake could not be read again: " + unreadable.getMessage() + ")", -1L);
    }
    return changed;
  }

  String describe(Map<String, Long> changed) {
    return changed.size() + " table(s) committed: " + changed.entrySet().stream()
        .map(e -> e.getKey() + (versionsBefore.containsKey(e.getKey()) ? " to version " + e.getValue() : " created"))
        .collect(java.util.stream.Collectors.joining(", "));
  }

  PrintStream out() {
    return System.out;
  }
}
