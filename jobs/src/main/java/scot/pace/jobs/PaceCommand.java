package scot.pace.jobs;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A pace subcommand: sets up logging, runs, and maps failures to exit codes with a message that
 * says what to fix (the stack trace only with {@code -v}).
 */
abstract class PaceCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Spec CommandSpec spec;

  /** The command's work; its result is the exit status. */
  abstract ExitCode run() throws Exception;

  @Override
  public final Integer call() {
    common.applyLogging();
    PrintStream err = System.err;
    try {
      return run().code();
    } catch (ConfigException | IllegalArgumentException e) {
      err.println("pace " + spec.name() + ": " + e.getMessage());
      if (common.verbose) {
        e.printStackTrace(err);
      }
      return ExitCode.INPUT_FAILURE.code();
    } catch (Exception e) {
      err.println("pace " + spec.name() + " failed: " + e);
      if (common.verbose) {
        e.printStackTrace(err);
      } else {
        err.println("(run again with -v for the full trace)");
      }
      return ExitCode.JOB_FAILURE.code();
    }
  }

  PrintStream out() {
    return System.out;
  }
}
