package scot.pace.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each class of failure driven through the command line as an operator meets it: the exit code and
 * the message must say what happened and whether anything changed. Nightlies that fail part-way
 * (a full disk, an export that cannot write) and the run log they leave: {@link RecoveryIT}.
 */
class FailuresIT {
  @TempDir Path dir;

  @Test
  void aMistypedPathIsAnsweredBeforeSparkStartsWithExit2() throws Exception {
    long start = System.nanoTime();
    Process process = fresh("ingest", "--returns", dir.resolve("no-such-folder").toString()).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(2, process.waitFor(), output);
    double seconds = (System.nanoTime() - start) / 1e9;
    assertTrue(output.contains("no-such-folder does not exist or is not a folder; give --returns DIR"), output);
    assertTrue(!output.contains("Spark"), "no Spark started: " + output);
    // A cold JVM on a loaded 2-core machine: the target is 2 s; the test allows for a busy CI.
    assertTrue(seconds < 6, "answered in " + seconds + " s");
    ProcessBuilder launcher = new ProcessBuilder(Path.of("..", "pace").toAbsolutePath().normalize().toString(),
        "ingest", "--returns", dir.resolve("no-such-folder").toString()).redirectErrorStream(true);
    launcher.environment().put("PACE_CDS_DIR", dir.resolve("cds").toString());
    Process viaLauncher = launcher.start();
    String launched = new String(viaLauncher.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(2, viaLauncher.waitFor(), "./pace passes the exit code on: " + launched);
    assertTrue(launched.contains("no-such-folder does not exist"), launched);
    PaceCliIT.Result export = PaceCliIT.pace("export", "--run", "20261301-nonsense", "--out", dir.toString());
    assertEquals(2, export.exitCode(), export.err());
    assertTrue(export.err().contains("is not a run id (like 20261123T140501Z-3fa9)"), export.err());
    PaceCliIT.Result validate = PaceCliIT.pace("validate", dir.resolve("S12000033_2019").toString());
    assertEquals(2, validate.exitCode(), validate.err());
    assertTrue(validate.err().contains("S12000033_2019 does not exist"), validate.err());
  }

  @Test
  void aMistypedTableOrAStatementThatWritesIsAnsweredBeforeSparkStarts() throws Exception {
    ThreeCouncilDemo demo = ThreeCouncilDemo.get();
    assertEquals(0, demo.result.exitCode(), demo.result.err());
    String lake = demo.workDir.resolve("lake").toString();
    for (Map.Entry<String, String> asked : Map.of(
        "SELECT * FROM gold_aim1 JOIN gold_nope USING (council)", "has no table gold_nope (tables: bronze_children, bronze_episodes",
        "DELETE FROM bronze_children", "pace sql only reads the lake").entrySet()) {
      String query = asked.getKey();
      // Verbose, Spark would log its start ("Running Spark version"): the answer must come before it.
      Process process = fresh("sql", "--verbose", "--lake", lake, query).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertEquals(2, process.waitFor(), output);
      assertTrue(output.contains(asked.getValue()), output);
      assertTrue(!output.contains("Running Spark version"), "answered before Spark started: " + output);
    }
  }

  @Test
  void aWrongConfigurationNamesItsKeyWithExit2() throws IOException {
    Path config = Files.writeString(dir.resolve("bad.yaml"), "disclosure:\n  threshhold: 4\n");
    PaceCliIT.Result result = PaceCliIT.pace("build", "--config", config.toString());
    assertEquals(2, result.exitCode(), result.err());
    assertTrue(result.err().contains("unknown key 'disclosure.threshhold'"), result.err());
  }

  @Test
  void anExportThatCannotWriteChangesNoTableAndExits3AsAFault() throws IOException {
    ThreeCouncilDemo demo = ThreeCouncilDemo.get();
    Path work = dir.resolve("work");
    Path config = demo.copy(work);
    String runId;
    try (Stream<Path> runs = Files.list(work.resolve("out/runs"))) {
      runId = runs.map(p -> p.getFileName().toString().replace(".json", "")).sorted().toList().get(0);
    }
    Path exports = work.resolve("out/exports");
    Folders.deleteRecursively(exports);
    Files.writeString(exports, "a file where the exports folder should be");
    PaceCliIT.Result failed = PaceCliIT.pace("export", "--config", config.toString(), "--run", runId);
    assertEquals(3, failed.exitCode(), failed.out() + failed.err());
    assertTrue(failed.err().contains("pace export failed: ") && failed.err().contains("exports"), failed.err());
    assertTrue(!failed.err().contains("after changing the lake"), failed.err());
  }

  /** A pace command in a JVM of its own, as a scheduler starts it. */
  private static ProcessBuilder fresh(String... arguments) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String argument : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (argument.startsWith("--add-")) {
        command.add(argument);
      }
    }
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), "scot.pace.jobs.Pace"));
    command.addAll(List.of(arguments));
    return new ProcessBuilder(command).redirectErrorStream(true);
  }

  private static final class Folders {
    static void deleteRecursively(Path path) {
      scot.pace.files.Folders.deleteRecursively(path);
    }
  }
}
