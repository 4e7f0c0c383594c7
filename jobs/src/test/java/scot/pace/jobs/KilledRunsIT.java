package scot.pace.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scot.pace.files.Folders;
import scot.pace.lake.Lake;
import scot.pace.lake.LakeSession;
import scot.pace.returns.Sha256;

/**
 * Kill -9 the demo's nightly twice on one work folder, in the ingest (once a bronze table has
 * committed, before the manifest) and on the next run in the build (once a gold table has
 * committed); run it once more, and every table and report equals the uninterrupted
 * three-council demo's, apart from which run loaded a row; the killed run's lock is taken over.
 * And kill {@code charts} while it writes the new report beside the old: the old stays whole.
 */
class KilledRunsIT {
  private static final List<String> RUN_COLUMNS = List.of("_run_id", "_ingested_at", "run_id", "recorded_at", "sequence");

  @TempDir Path dir;

  @Test
  void aNightlyKilledInTheIngestTheBuildOrTheChartsAndRunAgainEndsAsAnUninterruptedOne() throws Exception {
    ThreeCouncilDemo clean = ThreeCouncilDemo.get();
    assertEquals(0, clean.result.exitCode(), clean.result.err());
    Path work = dir.resolve("work");
    Folders.copy(clean.workDir.resolve("returns"), work.resolve("returns"));
    Path lake = work.resolve("lake");

    Process ingest = demo(clean.config, work);
    killWhen(ingest, () -> anyBronzeCommitted(lake));
    assertFalse(Files.exists(lake.resolve("ingest_manifest")), "killed in the ingest, before its manifest");

    Process build = demo(clean.config, work);
    killWhen(build, () -> Files.exists(lake.resolve("gold_time_to_permanence/_delta_log")));
    assertFalse(Files.exists(lake.resolve("gold_funnel_limits")), "killed in the build, before its last table");

    PaceCliIT.Result last = PaceCliIT.pace("demo", "--config", clean.config.toString(), "--workdir", work.toString());
    assertEquals(0, last.exitCode(), last.out() + last.err());
    assertTrue(last.out().contains("taking over a stale lock"), last.out());

    SparkSession spark = LakeSession.local("local[2]", "KilledRunsIT", 2);
    try {
      Lake expected = Lake.at(clean.workDir.resolve("lake"));
      Lake after = Lake.at(lake);
      List<String> tables = expected.localTableNames().stream().filter(t -> !t.equals("run_log")).toList();
      assertTrue(tables.contains("bronze_episodes") && tables.contains("ingest_manifest")
          && tables.contains("gold_funnel_limits"), tables.toString());
      assertEquals(tables, after.localTableNames().stream().filter(t -> !t.equals("run_log")).toList());
      for (String table : tables) {
        SameRows.assertSameRows(withoutRun(expected.read(spark, table), clean.workDir),
            withoutRun(after.read(spark, table), work), table);
      }
    } finally {
      spark.stop();
    }
    assertEquals(reports(clean.out), reports(work.resolve("out")), "the reports after the killed runs");
  }

  @Test
  void chartsKilledWhileWritingTheNewReportLeaveTheOldOneWholeAndRunAgainWriteTheSame() throws Exception {
    ThreeCouncilDemo clean = ThreeCouncilDemo.get();
    assertEquals(0, clean.result.exitCode(), clean.result.err());
    Path out = dir.resolve("work/out");
    Path config = clean.copy(dir.resolve("work"));

    Process charts = pace("charts", "--config", config.toString());
    killWhen(charts, () -> {
      try (Stream<Path> files = Files.list(out)) {
        return files.anyMatch(p -> p.getFileName().toString().startsWith(".report-"));
      } catch (IOException e) {
        return false;
      }
    });
    assertEquals(reports(clean.out), reports(out), "the report as it was before the killed run");

    PaceCliIT.Result again = PaceCliIT.pace("charts", "--config", config.toString());
    assertEquals(0, again.exitCode(), again.out() + again.err());
    assertEquals(reports(clean.out), reports(out), "the report written again");
    try (Stream<Path> files = Files.list(out)) {
      assertEquals(List.of(), files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).toList(),
          "the killed run's half-written folders are gone");
    }
  }

  private static boolean anyBronzeCommitted(Path lake) {
    for (String table : List.of("bronze_children", "bronze_episodes", "bronze_placements", "bronze_legal_reasons",
        "bronze_permanence")) {
      if (Files.exists(lake.resolve(table).resolve("_delta_log/00000000000000000001.json"))) {
        return true;
      }
    }
    return false;
  }

  /**
   * The table without the columns that say which run wrote a row, maps made comparable, and the
   * work folder taken out of the paths.
   */
  private static Dataset<Row> withoutRun(Dataset<Row> table, Path work) {
    List<String> keep = new ArrayList<>();
    for (StructField field : table.schema().fields()) {
      String column = field.name();
      if (RUN_COLUMNS.contains(column)) {
        continue;
      } else if (field.dataType() instanceof MapType) {
        keep.add("to_json(array_sort(map_entries(" + column + "))) AS " + column);
      } else if (field.dataType() instanceof StringType) {
        keep.add("replace(" + column + ", '" + work + "', '') AS " + column);
      } else {
        keep.add(column);
      }
    }
    return table.selectExpr(keep.toArray(String[]::new));
  }

  /** Every report file under {@code out} with the SHA-256 of its content. */
  static TreeMap<String, String> reports(Path out) throws IOException {
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

  private void killWhen(Process process, BooleanSupplier ready) throws InterruptedException, IOException {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
    while (!ready.getAsBoolean() && process.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertTrue(process.isAlive(), "the run was still going at the kill point; its log:\n" + Files.readString(log()));
    process.destroyForcibly().waitFor();
  }

  private Path log() {
    return dir.resolve("demo.log");
  }

  /** {@code pace demo} in a JVM of its own, as the scheduler would start it. */
  private Process demo(Path config, Path work) throws IOException {
    return pace("demo", "--config", config.toString(), "--workdir", work.toString());
  }

  /** A pace command in a JVM of its own, appending to one log. */
  private Process pace(String... arguments) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String argument : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (argument.startsWith("--add-") || argument.startsWith("-D") || argument.startsWith("-XX")) {
        command.add(argument);
      }
    }
    command.addAll(List.of("-Xmx2g", "-cp", System.getProperty("java.class.path"), "scot.pace.jobs.Pace"));
    command.addAll(List.of(arguments));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()));
    builder.environment().remove("PACE_PSEUDONYM_KEY");
    return builder.start();
  }
}
