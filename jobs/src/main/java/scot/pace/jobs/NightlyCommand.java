package scot.pace.jobs;

import picocli.CommandLine.Command;

/** {@code pace nightly}: the scheduled run of every stage. */
@Command(
    name = "nightly",
    description = "Run every stage in order on the configured returns and lake (use --config conf/nightly.yaml).")
final class NightlyCommand extends PaceCommand {

  @Override
  ExitCode run() {
    PaceConfig config = common.load();
    Progress progress = new Progress(out());
    watch(config.lake());
    ExitCode code = new NightlyRun(config, progress, config.pseudonymKey(), common.arguments()).run("pace nightly");
    progress.summary();
    return code;
  }
}
