package scot.pace.jobs;

import java.nio.file.Path;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import picocli.CommandLine.Option;

/** Options every command takes. */
public final class CommonOptions {
  @Option(
      names = {"-c", "--config"},
      paramLabel = "FILE",
      description = "YAML file laid over the defaults in conf/pace.yaml (e.g. conf/nightly.yaml).")
  Path config;

  @Option(
      names = "--master",
      paramLabel = "URL",
      description = "Spark master, overriding spark.master (default local[*]).")
  String master;

  @Option(names = {"-v", "--verbose"}, description = "Show Spark's and Delta's own logging.")
  boolean verbose;

  void applyLogging() {
    Configurator.setRootLevel(verbose ? Level.INFO : Level.WARN);
  }

  PaceConfig load() {
    PaceConfig config = new ConfigLoader().load(config());
    if (master != null) {
      config = config.withSpark(
          new PaceConfig.SparkSettings(master, config.spark().shufflePartitions(), config.spark().driverMemory(),
              config.spark().adaptive()));
    }
    return config;
  }

  /** The options as given, for the run log: the configuration file as an absolute path, and the master. */
  java.util.List<String> arguments() {
    java.util.List<String> given = new java.util.ArrayList<>();
    if (config != null) {
      given.addAll(java.util.List.of("--config", config.toAbsolutePath().normalize().toString()));
    }
    if (master != null) {
      given.addAll(java.util.List.of("--master", master));
    }
    return given;
  }

  private Path config() {
    return config;
  }
}
