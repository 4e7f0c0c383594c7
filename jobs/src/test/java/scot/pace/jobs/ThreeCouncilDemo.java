package scot.pace.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One {@code pace demo} on three councils (2016 to 2024), run once for the test classes that read
 * what it wrote (the reports, the export); deleted when the test JVM ends.
 */
final class ThreeCouncilDemo {
  private static ThreeCouncilDemo demo;

  final Path dir;
  final Path config;
  /** The same configuration with its paths in the demo's work folder, for the commands run after it. */
  final Path work;
  final Path out;
  final PaceCliTest.Result result;

  private ThreeCouncilDemo(Path dir, Path config, Path work, PaceCliTest.Result result) {
    this.dir = dir;
    this.config = config;
    this.work = work;
    this.out = dir.resolve("work/out");
    this.result = result;
  }

  static synchronized ThreeCouncilDemo get() {
    if (demo == null) {
      try {
        Path dir = Files.createTempDirectory("pace-three-council-demo-").toAbsolutePath();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> scot.pace.files.Folders.deleteRecursively(dir)));
        Path config = SmallConfig.write(dir.resolve("small.yaml"), "local[2]", 2016,
            List.of(SmallConfig.ORKNEY, SmallConfig.PERTH, SmallConfig.EDINBURGH));
        List<String> councils = List.of(SmallConfig.ORKNEY, SmallConfig.PERTH, SmallConfig.EDINBURGH);
        Path work = dir.resolve("work");
        Path workConfig = SmallConfig.write(dir.resolve("work.yaml"), "local[2]", 2016, councils, "paths:",
            "  returns: " + work.resolve("returns"), "  truth: " + work.resolve("truth"), "  lake: " + work.resolve("lake"),
            "  out: " + work.resolve("out"));
        demo = new ThreeCouncilDemo(dir, config, workConfig,
            PaceCliTest.pace("demo", "--config", config.toString(), "--workdir", dir.resolve("work").toString()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return demo;
  }
}
