package scot.pace.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import scot.pace.files.Folders;

/**
 * One {@code pace demo} on three councils (2016 to 2024; Orkney is tiny, so disclosure control has
 * work), run from the shipped jar ({@link ShippedJar}) once per {@code mvn verify} for every test
 * class that reads what it wrote (the command line, the reports, the export, the killed runs' and
 * the cluster's reference). Its work folder is read-only for tests: a test that runs a command
 * which writes to the lake or the output folder works on a {@link #copy} of it, so no test sees
 * another's writes whatever order they run in.
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

  /**
   * The demo, run by the first test JVM that asks. The integration tests run in two JVMs side by
   * side; Maven gives them one folder for this run ({@code pace.it.demo}), and the first to lock it
   * runs the demo there while the other waits, then reads what it printed. Without that property
   * (a test run from an IDE), a folder of this JVM's own, deleted when it ends.
   */
  static synchronized ThreeCouncilDemo get() {
    if (demo == null) {
      try {
        String shared = System.getProperty("pace.it.demo");
        Path dir;
        if (shared == null || shared.isBlank()) {
          dir = Files.createTempDirectory("pace-three-council-demo-").toAbsolutePath();
          Runtime.getRuntime().addShutdownHook(new Thread(() -> Folders.deleteRecursively(dir)));
        } else {
          dir = Files.createDirectories(Path.of(shared).toAbsolutePath());
        }
        Path config = dir.resolve("small.yaml");
        Path work = dir.resolve("work");
        try (FileChannel channel = FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE,
            StandardOpenOption.WRITE); FileLock ignored = channel.lock()) {
          Path exit = dir.resolve("exit-code");
          PaceCliIT.Result result;
          if (Files.exists(exit)) {
            result = new PaceCliIT.Result(Integer.parseInt(Files.readString(exit).trim()),
                Files.readString(dir.resolve("out.txt")), Files.readString(dir.resolve("err.txt")));
          } else {
            if (shared != null && !shared.isBlank()) {
              removeEarlierRuns(dir);
            }
            SmallConfig.write(config, "local[2]", FIRST_YEAR, COUNCILS);
            configFor(dir.resolve("work.yaml"), work);
            result = ShippedJar.run("demo", "--config", config.toString(), "--workdir", work.toString());
            Files.writeString(dir.resolve("out.txt"), result.out());
            Files.writeString(dir.resolve("err.txt"), result.err());
            Files.writeString(exit, String.valueOf(result.exitCode()));
          }
          demo = new ThreeCouncilDemo(dir, config, dir.resolve("work.yaml"), result);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return demo;
  }

  /** The demo folders earlier Maven runs left beside this one. */
  private static void removeEarlierRuns(Path dir) throws IOException {
    String prefix = "three-council-demo-";
    try (var siblings = Files.list(dir.getParent())) {
      siblings.filter(p -> p.getFileName().toString().startsWith(prefix) && !p.equals(dir))
          .forEach(Folders::deleteRecursively);
    }
  }

  /**
   * A copy of the demo's whole work folder (returns, truth, lake, output) at {@code target}, and
   * the configuration whose paths point into it; for tests that write.
   */
  Path copy(Path target) throws IOException {
    Folders.copy(workDir, target);
    return configFor(target.resolveSibling(target.getFileName() + ".yaml"), target);
  }

  /** As {@link #copy}, with the named returns sent again in Windows line endings ({@link #sendAgainInWindowsLineEndings}). */
  Path copySendingAgain(Path target, List<String> names) throws IOException {
    Path config = copy(target);
    sendAgainInWindowsLineEndings(target.resolve("returns"), names);
    return config;
  }

  /**
   * Writes the named returns' files again with Windows line endings: the same rows in other bytes,
   * which a nightly reads again as a re-submission and which must build the same tables.
   */
  static void sendAgainInWindowsLineEndings(Path returns, List<String> names) throws IOException {
    for (String name : names) {
      try (var files = Files.list(returns.resolve(name))) {
        for (Path file : files.filter(f -> f.toString().endsWith(".csv")).toList()) {
          Files.writeString(file, String.join("\r\n", Files.readAllLines(file)) + "\r\n");
        }
      }
    }
  }

  private static Path configFor(Path file, Path work) throws IOException {
    return SmallConfig.write(file, "local[2]", FIRST_YEAR, COUNCILS, "paths:",
        "  returns: " + work.resolve("returns"), "  truth: " + work.resolve("truth"), "  lake: " + work.resolve("lake"),
        "  out: " + work.resolve("out"));
  }
}
