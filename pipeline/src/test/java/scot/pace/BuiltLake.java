package scot.pace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import scot.pace.build.LakeBuild;
import scot.pace.council.Council;
import scot.pace.council.Councils;
import scot.pace.files.Folders;
import scot.pace.generate.GenerationSummary;
import scot.pace.generate.SyntheticReturns;
import scot.pace.journey.PseudonymKey;
import scot.pace.lake.Lake;
import scot.pace.lake.ReturnIngest;

/**
 * One lake generated, ingested and built once per test JVM for every test class that reads a whole
 * build: six councils of a few children a year (one of about one child, one with a late PACE start)
 * beside Dundee, returns from 2014 to 2024, the generator's true per-child outcomes kept. Read-only
 * for tests; deleted when the JVM ends.
 */
public final class BuiltLake {
  public static final int FIRST_YEAR = 2014;
  public static final List<Council> COUNCILS = List.of(
      new Council("S12000023", "Orkney Islands", null, 0.0002, null, 26, 0.7),
      new Council("S12000027", "Shetland Islands", null, 0.0006, null, 26, 0.7),
      new Council("S12000013", "Na h-Eileanan Siar", null, 0.0008, LocalDate.of(2020, 1, 1), 26, 0.7),
      new Council("S12000005", "Clackmannanshire", null, 0.001, null, 26, 0.7),
      new Council("S12000018", "Inverclyde", null, 0.0015, null, 26, 0.7),
      new Council("S12000019", "Midlothian", null, 0.002, null, 26, 0.7),
      TestCouncils.DUNDEE);
  private static BuiltLake built;

  public final Path dir;
  public final Lake lake;
  public final Councils councils = new Councils(COUNCILS);
  public final PseudonymKey key = PseudonymKey.demo();
  public final GenerationSummary generated;
  /** Rows written per built table, in the order the build wrote them. */
  public final Map<String, Long> tables;

  private BuiltLake(Path dir) {
    this.dir = dir;
    this.generated = new SyntheticReturns(TestCouncils.parameters(), councils)
        .write(returns(), truth(), COUNCILS, FIRST_YEAR, 2024);
    this.lake = Lake.at(dir.resolve("lake"));
    new ReturnIngest(SharedSpark.session(), lake, councils, dir.resolve("staging"))
        .ingest(returns(), "run-1", Instant.parse("2026-01-01T00:00:00Z"));
    this.tables = new LakeBuild(SharedSpark.session(), lake, key, councils).run();
  }

  public static synchronized BuiltLake get() {
    if (built == null) {
      try {
        Path dir = Files.createTempDirectory("pace-built-lake-").toAbsolutePath();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> Folders.deleteRecursively(dir)));
        built = new BuiltLake(dir);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return built;
  }

  public Path returns() {
    return dir.resolve("returns");
  }

  /** The generator's true outcomes, {@code outcomes_<council>.csv}. */
  public Path truth() {
    return dir.resolve("truth");
  }
}
