package scot.pace.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import scot.pace.bench.Benchmark;

/**
 * The harness at a tiny scale (two councils, three years), on the jobs jar Maven has just built:
 * each stage runs in its own JVM and is measured, and Spark and DuckDB agree on every count of
 * the common work. The stages run with the quick JIT and the serial collector (the harness's
 * {@code --jvm-option}), as the other tests' short runs do. The real benchmark (all councils,
 * scales 1 to 30, the JVM as shipped) is run by hand.
 */
class SmokeBenchmarkIT {
  @TempDir Path dir;

  @Test
  void measuresEachStageInItsOwnJvmAndSparkAndDuckDbAgreeOnEveryCount() throws Exception {
    Path jar = ShippedJar.JAR;
    assertTrue(Files.isRegularFile(jar), "run after the package phase: " + jar);
    Path config = dir.resolve("tiny.yaml");
    Files.writeString(config, String.join("\n",
        "spark:",
        "  master: \"local[2]\"",
        "  shufflePartitions: 2",
        "generator:",
        "  firstYear: 2022",
        "  lastYear: 2024",
        "councils:",
        "  - {code: S12000023, name: Orkney Islands, share: 0.0025, aimWeeks: 26, aimShare: 0.7}",
        "  - {code: S12000048, name: Perth and Kinross, formerCode: S12000024, share: 0.02,"
            + " paceStart: 2018-09-01, aimWeeks: 26, aimShare: 0.7}",
        ""));
    int exit = new CommandLine(new Benchmark()).execute("--scale", "1", "--stages", "generate,common,floor",
        "--jar", jar.toString(), "--work", dir.resolve("work").toString(), "--results", dir.resolve("results").toString(),
        "--config", config.toString(), "--heap", "2g", "--jvm-option", "-XX:TieredStopAtLevel=1", "--jvm-option",
        "-XX:ReservedCodeCacheSize=256m", "--jvm-option", "-XX:+UseSerialGC");
    assertEquals(0, exit);
    JsonNode result = new ObjectMapper().readTree(dir.resolve("results/scale-1.json").toFile());
    assertTrue(result.get("returnRows").asLong() > 1000, result.toString());
    List<String> stages = new java.util.ArrayList<>();
    for (JsonNode stage : result.get("stages")) {
      stages.add(stage.get("stage").asText());
      assertEquals(0, stage.get("exitCode").asInt(), stage.toString());
      assertTrue(stage.get("wallSeconds").asDouble() > 0, stage.toString());
      assertTrue(stage.get("cpuSeconds").asDouble() > 0, stage.toString());
      assertTrue(stage.get("peakRssMb").asDouble() > 20, stage.toString());
      assertTrue(stage.get("command").toString().contains("-XX:+UseSerialGC"), stage.toString());
    }
    // Every stage runs the jar through the one measured launch these three use; the pipeline's own
    // stages (ingest, build, charts, nightly) are run by the integration tests that run demo.
    assertEquals(List.of("generate", "common work: Spark", "common work: DuckDB", "floor: Spark and Delta alone"),
        stages);
    JsonNode common = result.get("commonWork");
    assertTrue(common.get("equal").asBoolean(), common.toString());
    assertTrue(common.get("counts").asInt() > 20, common.toString());
    JsonNode floor = result.get("floor");
    for (String part : List.of("start Spark", "scan", "load", "commits", "scanToDuckdb")) {
      assertTrue(floor.path(part).asDouble() > 0, part + " in " + floor);
    }
    assertEquals(0, result.get("problems").size(), result.toString());
  }
}
