package scot.pace.jobs;

import java.nio.file.Path;
import java.util.List;
import scot.pace.council.Council;
import scot.pace.council.Councils;
import scot.pace.disclosure.DisclosureControl;
import scot.pace.generate.GeneratorParameters;
import scot.pace.journey.PseudonymKey;
import scot.pace.rules.CodeMapping;
import scot.pace.rules.DateFormat;
import scot.pace.lake.Lake;
import scot.pace.failure.ConfigurationFailure;

/**
 * The whole configuration of a run, as resolved from {@code conf/pace.yaml}, the file given with
 * {@code --config}, and the command line, in that order of increasing precedence.
 */
public record PaceConfig(
    SparkSettings spark,
    PathSettings paths,
    IngestSettings ingest,
    PseudonymisationSettings pseudonymisation,
    DisclosureControl disclosure,
    HousekeepingSettings housekeeping,
    GeneratorParameters generator,
    List<Council> councils,
    List<CodeMapping> codeMappings,
    List<DateFormat> dateFormats) {

  /**
   * @param master Spark master URL; {@code local[*]} embedded
   * @param shufflePartitions partitions after a shuffle (small on a small machine)
   * @param driverMemory unused by the embedded run; kept for cluster documentation
   * @param adaptive Spark's adaptive query execution: on at national scale, off for small inputs
   */
  public record SparkSettings(String master, int shufflePartitions, String driverMemory, boolean adaptive) {
    public SparkSettings {
      if (master == null || master.isBlank()) {
        throw new ConfigurationFailure("spark.master is empty; use local[*] or a cluster URL");
      }
      if (shufflePartitions < 1) {
        throw new ConfigurationFailure("spark.shufflePartitions must be 1 or more");
      }
    }

    /** The same settings with adaptive query execution on or off. */
    public SparkSettings withAdaptive(boolean on) {
      return new SparkSettings(master, shufflePartitions, driverMemory, on);
    }

    /**
     * The settings for one return's few thousand rows: adaptive execution off and one partition
     * after a shuffle, so each of the validation's many small stages is one task (on two cores,
     * 15 to 16 s against 18 to 19 s for a return with the default four partitions).
     */
    public SparkSettings forOneReturn() {
      return new SparkSettings(master, 1, driverMemory, false);
    }
  }

  /** Where the returns, the generator's truth, the lake and the outputs live. */
  public record PathSettings(String returns, String truth, String lake, String out) {
    public PathSettings {
      requirePath("paths.returns", returns);
      requirePath("paths.truth", truth);
      requirePath("paths.lake", lake);
      requirePath("paths.out", out);
    }

    private static void requirePath(String key, String value) {
      if (value == null || value.isBlank()) {
        throw new ConfigurationFailure(key + " is empty; give a folder");
      }
    }

    public PathSettings under(Path workdir) {
      return new PathSettings(
          workdir.resolve("returns").toString(),
          workdir.resolve("truth").toString(),
          workdir.resolve("lake").toString(),
          workdir.resolve("out").toString());
    }
  }

  /**
   * @param stagingDir where zips are unpacked; empty means {@code <lake>/_staging}
   * @param holdBackErrorRate share of a re-submission's rows in error above which it is held back
   */
  public record IngestSettings(String stagingDir, double holdBackErrorRate) {
    public IngestSettings {
      if (!(holdBackErrorRate >= 0 && holdBackErrorRate <= 1)) {
        throw new ConfigurationFailure(
            "ingest.holdBackErrorRate must be a share between 0 and 1, was " + holdBackErrorRate);
      }
    }
  }

  /**
   * @param optimize compact the tables that grow by appends after a run that built something
   * @param vacuumRetentionHours the least history VACUUM keeps; 0 turns it off
   * @param keepRuns the last good runs whose table versions VACUUM must leave readable, and whose exports stay
   */
  public record HousekeepingSettings(boolean optimize, int vacuumRetentionHours, int keepRuns) {
    public scot.pace.lake.Housekeeping toHousekeeping() {
      return new scot.pace.lake.Housekeeping(optimize, vacuumRetentionHours, keepRuns);
    }
  }

  /** @param keyFile a file holding the pseudonymisation key; empty for none */
  public record PseudonymisationSettings(String keyFile) {}

  /** The pseudonymisation key: the environment variable, else the key file; refuses without one. */
  public PseudonymKey pseudonymKey() {
    String file = pseudonymisation == null ? null : pseudonymisation.keyFile();
    return PseudonymKey.resolve(System.getenv(PseudonymKey.ENVIRONMENT_VARIABLE),
        file == null || file.isBlank() ? null : Path.of(file));
  }

  public PaceConfig {
    codeMappings = codeMappings == null ? List.of() : List.copyOf(codeMappings);
    dateFormats = dateFormats == null ? List.of() : List.copyOf(dateFormats);
    if (housekeeping == null) {
      housekeeping = new HousekeepingSettings(false, 0, 1);
    }
    if (disclosure == null) {
      throw new ConfigurationFailure("disclosure: missing; give disclosure.threshold (4: counts 1 to 4 are suppressed)");
    }
    if (councils == null || councils.isEmpty()) {
      throw new ConfigurationFailure("councils: the list of councils is empty");
    }
    double total = councils.stream().mapToDouble(Council::share).sum();
    if (councils.size() == 32 && Math.abs(total - 1) > 0.001) {
      throw new ConfigurationFailure(String.format(java.util.Locale.ROOT,
          "councils: the 32 councils' shares add to %.4f; they must add to 1", total));
    }
  }

  public Councils councilRegistry() {
    return new Councils(councils);
  }

  public Path returnsDir() {
    return Path.of(paths.returns());
  }

  public Path truthDir() {
    return Path.of(paths.truth());
  }

  public Path outDir() {
    return Path.of(paths.out());
  }

  public Lake lake() {
    return paths.lake().contains("://") ? new Lake(paths.lake()) : Lake.at(Path.of(paths.lake()));
  }

  public Path stagingDir() {
    if (ingest != null && ingest.stagingDir() != null && !ingest.stagingDir().isBlank()) {
      return Path.of(ingest.stagingDir());
    }
    return Path.of(paths.lake()).resolve("_staging");
  }

  public PaceConfig withPaths(PathSettings newPaths) {
    return new PaceConfig(spark, newPaths, ingest, pseudonymisation, disclosure, housekeeping, generator, councils, codeMappings, dateFormats);
  }

  /** The same configuration with the lake at {@code lake} (from a command's --lake option). */
  public PaceConfig withLake(String lake) {
    return withPaths(new PathSettings(paths.returns(), paths.truth(), lake, paths.out()));
  }

  public PaceConfig withSpark(SparkSettings newSpark) {
    return new PaceConfig(newSpark, paths, ingest, pseudonymisation, disclosure, housekeeping, generator, councils, codeMappings, dateFormats);
  }

  public PaceConfig withGenerator(GeneratorParameters newGenerator) {
    return new PaceConfig(spark, paths, ingest, pseudonymisation, disclosure, housekeeping, newGenerator, councils, codeMappings, dateFormats);
  }
}
