package scot.pace.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import scot.pace.files.Folders;

/**
 * One {@code pace demo} on three councils (2016 to 2024; Orkney is tiny, so disclosure control has
 * work), run once per test JVM for every test class that reads what it wrote (the command line, the
 * reports, the export, the killed runs' reference); deleted when the JVM ends. Its work folder is
 * read-only for tests: a test that runs a command which writes to the lake or the output folder
 * works on a {@link #copy} of it, so no test sees another's writes whatever order they run in.
 */
final class ThreeCouncilDemo {
  static final List<String> COUNCILS = List.of(SmallConfig.ORKNEY, SmallConfig.PERTH, SmallConfig.EDINBURGH);
  static final int FIRST_YEAR = 2016;
  private static ThreeCouncilDemo demo;

  final Path dir;
  final Path config;
  /** The same configuration with its paths in the demo's work folder, for read-only commands run after it. */
  final Path work;
  final Path workDir;
  final Path out;
  final PaceCliIT.Result result;

  private ThreeCouncilDemo(Path dir, Path config, Path work, PaceCliIT.Result result) {
    this.dir = dir;
    this.config = config;
    this.work = work;
    this.workDir = dir.resolve("work");
    this.out = workDir.resolve("out");
    this.result = result;
  }

  static synchronized ThreeCouncilDemo get() {
    if (demo == null) {
      try {
        Path dir = Files.createTempDirectory("pace-three-council-demo-").toAbsolutePath();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> Folders.deleteRecursively(dir)));
        Path config = SmallConfig.write(dir.resolve("small.yaml"), "local[2]", FIRST_YEAR, COUNCILS);
        Path work = dir.resolve("work");
        demo = new ThreeCouncilDemo(dir, config, configFor(dir.resolve("work.yaml"), work),
            PaceCliIT.pace("demo", "--config", config.toString(), "--workdir", work.toString()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return demo;
  }

  /**
   * A copy of the demo's whole work folder (returns, truth, lake, output) at {@code target}, and
   * the configuration whose paths point into it; for tests that write.
   */
  Path copy(Path target) throws IOException {
    Folders.copy(workDir, target);
    return configFor(target.resolveSibling(target.getFileName() + ".yaml"), target);
  }

  private static Path configFor(Path file, Path work) throws IOException {
    return SmallConfig.write(file, "local[2]", FIRST_YEAR, COUNCILS, "paths:",
        "  returns: " + work.resolve("returns"), "  truth: " + work.resolve("truth"), "  lake: " + work.resolve("lake"),
        "  out: " + work.resolve("out"));
  }
}
