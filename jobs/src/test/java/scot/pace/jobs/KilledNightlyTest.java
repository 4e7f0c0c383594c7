package scot.pace.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scot.pace.lake.Lake;
import scot.pace.lake.LakeSession;
import scot.pace.returns.Sha256;

/**
 * Kill -9 a nightly run in the middle of the build (once a gold table has committed), then the run
 * after it in the middle of the charts (while the new report is being written beside the old), run
 * it again, and
 * the silver and gold tables and the reports end exactly as after a run never interrupted; the
 * killed run's lock is taken over.
 */
class KilledNightlyTest {
  @TempDir Path dir;

  @Test
  void aNightlyKilledInTheBuildOrTheChartsAndRunAgainEndsAsAnUninterruptedOne() throws Exception {
    write("clean");
    assertEquals(0, PaceCliTest.pace("generate", "--config", dir.resolve("clean.yaml").toString()).exitCode());
    assertEquals(0, runToEnd("clean"));

    // One lake, killed twice: first in the build, then, on the run after, in the charts.
    write("killed");
    Process build = nightly("killed");
    killWhen(build, "killed", () -> Files.exists(dir.resolve("killed-lake/gold_time_to_permanence/_delta_log")));
    assertTrue(!Files.exists(dir.resolve("killed-lake/gold_funnel_limits")), "killed before the build ended");
    Process charts = nightly("killed");
    killWhen(charts, "killed", () -> {
      try (Stream<Path> out = Files.list(dir.resolve("killed-out"))) {
        return out.anyMatch(p -> p.getFileName().toString().startsWith(".report-"));
      } catch (IOException e) {
        return false;
      }
    });
    assertEquals(0, runToEnd("killed"));
    assertTrue(Files.readString(dir.resolve("nightly-killed.log")).contains("taking over a stale lock"));

    SparkSession spark = LakeSession.local("local[2]", "KilledNightlyTest", 2);
    try {
      Lake clean = Lake.at(dir.resolve("clean-lake"));
      for (String where : List.of("killed")) {
        Lake after = Lake.at(dir.resolve(where + "-lake"));
        Predicate<String> measured = t -> t.startsWith("silver_") || t.startsWith("gold_") || t.startsWith("ref_");
        List<String> tables = clean.localTableNames().stream().filter(measured).toList();
        assertEquals(tables, after.localTableNames().stream().filter(measured).toList(), where);
        for (String table : tables) {
          Dataset<Row> a = after.read(spark, table);
          Dataset<Row> b = clean.read(spark, table);
          assertEquals(b.count(), a.count(), where + " " + table);
          assertEquals(0, a.exceptAll(b).count(), where + " " + table);
          assertEquals(0, b.exceptAll(a).count(), where + " " + table);
        }
        assertEquals(files(dir.resolve("clean-out")), files(dir.resolve(where + "-out")),
            "the reports after the killed runs");
      }
    } finally {
      spark.stop();
    }
  }

  /** Every report file under {@code out} with the SHA-256 of its content. */
  static TreeMap<String, String> files(Path out) throws IOException {
    TreeMap<String, String> files = new TreeMap<>();
    for (String folder : List.of("report", "restricted")) {
      try (Stream<Path> all = Files.walk(out.resolve(folder))) {
        for (Path file : all.filter(Files::isRegularFile).toList()) {
          files.put(out.relativize(file).toString(), Sha256.of(file));
        }
      }
    }
    return files;
  }

  void write(String where) throws IOException {
    SmallConfig.write(dir.resolve(where + ".yaml"), "local[2]", 2021, List.of(SmallConfig.ORKNEY, SmallConfig.PERTH),
        SmallConfig.paths(dir, where));
  }


  void killWhen(Process process, String where, java.util.function.BooleanSupplier ready)
      throws InterruptedException, IOException {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
    while (!ready.getAsBoolean() && process.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertTrue(process.isAlive(), "the run was still going at the kill point; its log:\n"
        + Files.readString(dir.resolve("nightly-" + where + ".log")));
    process.destroyForcibly().waitFor();
  }

  int runToEnd(String where) throws IOException, InterruptedException {
    Process process = nightly(where);
    assertTrue(process.waitFor(8, TimeUnit.MINUTES), "nightly finished");
    return process.exitValue();
  }

  Process nightly(String where) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String argument : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (argument.startsWith("--add-") || argument.startsWith("-D") || argument.startsWith("-XX")) {
        command.add(argument);
      }
    }
    command.addAll(List.of("-Xmx2g", "-cp", System.getProperty("java.class.path"), "scot.pace.jobs.Pace", "nightly",
        "--config", dir.resolve(where + ".yaml").toString()));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("PACE_PSEUDONYM_KEY", "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0");
    Path log = dir.resolve("nightly-" + where + ".log");
    if (Files.exists(log)) {
      return builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }
    return builder.redirectOutput(log.toFile()).start();
  }
}
