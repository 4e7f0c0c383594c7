package scot.pace.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** conf/schedule/pace-java: the first run writes the class-data archive, the next start from it. */
class PaceJavaIT {
  @TempDir Path dir;

  record Ran(int exitCode, String output) {}

  Ran paceJava(String javaOptions, String... args) throws IOException, InterruptedException {
    Path jar = Path.of(System.getProperty("pace.jobs.jar", "target/pace-jobs.jar")).toAbsolutePath();
    List<String> command = new java.util.ArrayList<>(List.of(Path.of("../conf/schedule/pace-java").toAbsolutePath().toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("PACE_JAR", jar.toString());
    builder.environment().put("PACE_CDS_DIR", dir.resolve("cds").toString());
    builder.environment().put("JAVA_OPTS", javaOptions);
    // The java on the PATH is the one running the tests.
    builder.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":" + System.getenv("PATH"));
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes());
    assertTrue(process.waitFor(2, TimeUnit.MINUTES));
    return new Ran(process.exitValue(), output);
  }

  List<String> archives() throws IOException {
    try (Stream<Path> files = Files.list(dir.resolve("cds"))) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void theFirstRunWritesTheArchiveAndTheNextUseIt() throws Exception {
    Ran first = paceJava("", "--version");
    assertEquals(0, first.exitCode(), first.output());
    List<String> written = archives();
    assertEquals(1, written.size(), "one archive: " + written);
    assertTrue(written.get(0).matches("pace-\\d+-\\d+\\.jsa"), written.get(0));
    long size = Files.size(dir.resolve("cds").resolve(written.get(0)));

    // -Xshare:on: the JVM stops rather than run without the archive.
    Ran second = paceJava("-Xshare:on", "--version");
    assertEquals(first, second, "the same run, the same output");
    assertEquals(written, archives());
    assertEquals(size, Files.size(dir.resolve("cds").resolve(written.get(0))), "used, not written again");
  }

  @Test
  void aCommandsExitCodeComesThrough() throws Exception {
    Ran ran = paceJava("", "no-such-command");
    assertEquals(2, ran.exitCode(), ran.output());
    assertTrue(ran.output().contains("no-such-command"), ran.output());
  }
}
