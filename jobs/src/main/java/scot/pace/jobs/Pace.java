package scot.pace.jobs;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code pace} command line: one entry point for every job. */
@Command(
    name = "pace",
    mixinStandardHelpOptions = true,
    // Every command takes --help and --version, as the top one does.
    scope = CommandLine.ScopeType.INHERIT,
    version = Pace.VERSION,
    description = "Permanence analytics for looked after children in Scotland.",
    subcommands = {
      DemoCommand.class,
      NightlyCommand.class,
      GenerateCommand.class,
      IngestCommand.class,
      BuildCommand.class,
      ChartsCommand.class,
      ExportCommand.class,
      BenchCommonCommand.class,
      BenchFloorCommand.class,
      ValidateCommand.class,
      ReplicateScraCommand.class,
      RulesCommand.class,
      DisclosureCheckCommand.class,
      SqlCommand.class,
      MaintainCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Pace implements Runnable {
  /** The pipeline's name and version, as --version prints it and every report page names it. */
  static final String VERSION = "pace 0.1.0";

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and gives its exit status (tests call this instead of main). */
  public static int run(String... args) {
    System.setProperty("java.awt.headless", "true");
    System.setProperty("io.netty.tryReflectionSetAccessible", "true");
    return new CommandLine(new Pace()).execute(args);
  }

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }
}
