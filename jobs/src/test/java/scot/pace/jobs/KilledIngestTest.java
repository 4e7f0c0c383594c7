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
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scot.pace.lake.Lake;
import scot.pace.lake.LakeSession;

/**
 * Kill -9 an ingest of two councils' returns part-way (once the first bronze table has committed), run
 * it again, and the lake ends as after a run never interrupted (apart from which run loaded a row).
 */
class KilledIngestTest {
  @TempDir Path dir;

  @Test
  void anIngestKilledPartWayAndRunAgainEndsAsAnUninterruptedOne() throws Exception {
    Path config = dir.resolve("two-cores.yaml");
    Files.writeString(config, "spark:\n  master: \"local[2]\"\n  shufflePartitions: 2\n");
    Path returns = dir.resolve("returns");
    // Two councils, two years: a kill between the first bronze commit and the manifest needs no more.
    assertEquals(0, PaceCliTest.pace("generate", "--config", config.toString(), "--years", "2023-2024",
        "--councils", "S12000023,S12000048",
        "--returns", returns.toString(), "--truth", dir.resolve("truth").toString()).exitCode());

    Path killed = dir.resolve("killed-lake");
    Process first = ingestProcess(config, returns, killed);
    Path firstCommit = killed.resolve("bronze_children/_delta_log/00000000000000000001.json");
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
    while (!anyCommitted(killed) && first.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertTrue(first.isAlive(), "the ingest was still running when a table had committed");
    first.destroyForcibly().waitFor();
    assertFalse(Files.exists(killed.resolve("ingest_manifest")), "killed before the manifest: a real partial state");

    assertEquals(0, runToEnd(config, returns, killed), "the second run succeeds");
    assertEquals(0, runToEnd(config, returns, dir.resolve("clean-lake")));

    SparkSession spark = LakeSession.local("local[2]", "KilledIngestTest", 2);
    try {
      Lake after = Lake.at(killed);
      Lake clean = Lake.at(dir.resolve("clean-lake"));
      List<String> tables = clean.localTableNames();
      assertEquals(tables, after.localTableNames());
      for (String table : tables) {
        Dataset<Row> a = withoutRun(after.read(spark, table));
        Dataset<Row> b = withoutRun(clean.read(spark, table));
        assertEquals(b.count(), a.count(), table);
        assertEquals(0, a.exceptAll(b).count(), table);
        assertEquals(0, b.exceptAll(a).count(), table);
      }
      assertEquals(4, clean.read(spark, "bronze_episodes").select("_return_key").distinct().count());
    } finally {
      spark.stop();
    }
    assertTrue(Files.exists(firstCommit.getParent()));
  }

  private static boolean anyCommitted(Path lake) {
    for (String table : List.of("bronze_children", "bronze_episodes", "bronze_placements", "bronze_legal_reasons",
        "bronze_permanence")) {
      if (Files.exists(lake.resolve(table).resolve("_delta_log/00000000000000000001.json"))) {
        return true;
      }
    }
    return false;
  }

  private static Dataset<Row> withoutRun(Dataset<Row> table) {
    List<String> keep = new ArrayList<>();
    for (org.apache.spark.sql.types.StructField field : table.schema().fields()) {
      String column = field.name();
      if (field.dataType() instanceof org.apache.spark.sql.types.MapType) {
        keep.add("to_json(array_sort(map_entries(" + column + "))) AS " + column);
      } else if (!List.of("_run_id", "_ingested_at", "run_id", "recorded_at", "sequence").contains(column)) {
        keep.add(column);
      }
    }
    return table.selectExpr(keep.toArray(String[]::new));
  }

  private int runToEnd(Path config, Path returns, Path lake) throws IOException, InterruptedException {
    Process process = ingestProcess(config, returns, lake);
    assertTrue(process.waitFor(8, TimeUnit.MINUTES), "ingest finished");
    return process.exitValue();
  }

  private Process ingestProcess(Path config, Path returns, Path lake) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String argument : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (argument.startsWith("--add-") || argument.startsWith("-D") || argument.startsWith("-XX")) {
        command.add(argument);
      }
    }
    command.add("-Xmx2g");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("scot.pace.jobs.Pace");
    command.addAll(List.of("ingest", "--config", config.toString(), "--returns", returns.toString(), "--lake",
        lake.toString()));
    return new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(dir.resolve("ingest-" + lake.getFileName() + ".log").toFile()).start();
  }
}
