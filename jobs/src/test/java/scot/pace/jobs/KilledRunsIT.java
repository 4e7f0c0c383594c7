package scot.pace.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scot.pace.lake.IngestManifest;
import scot.pace.lake.Lake;

/**
 * Kill -9 a nightly twice on a copy of the three-council demo in which two returns were sent again
 * (the same rows in Windows line endings): in the ingest (once a bronze table has committed over
 * the returns' earlier rows, before the manifest) and on the next run in the build (once a gold
 * table has committed); run it once more, and every table and report equals the uninterrupted
 * demo's, apart from which run and which bytes loaded a row, and the manifest holds the demo's
 * entries and the re-sent files once each; the killed run's lock is taken over.
 * And kill {@code charts} while it writes the new report beside the old: the old stays whole.
 */
class KilledRunsIT {
  /** Returns sent again in other bytes: the night's ingest reads them, and what it builds must not change. */
  private static final List<String> RESENT = List.of("S12000048_2023", "S12000048_2024");
  private static final List<String> BRONZE = List.of("bronze_children", "bronze_episodes", "bronze_placements",
      "bronze_legal_reasons", "bronze_permanence");

  @TempDir Path dir;

  @Test
  void aNightlyKilledInTheIngestTheBuildOrTheChartsAndRunAgainEndsAsAnUninterruptedOne() throws Exception {
    ThreeCouncilDemo clean = ThreeCouncilDemo.get();
    assertEquals(0, clean.result.exitCode(), clean.result.err());
    Path work = dir.resolve("work");
    clean.copySendingAgain(work, RESENT);
    Path lake = work.resolve("lake");
    Map<String, Long> before = new TreeMap<>();
    for (String table : Lake.at(lake).localTableNames()) {
      before.put(table, latestVersion(lake, table));
    }

    Process ingest = demo(clean.config, work);
    killWhen(ingest, () -> BRONZE.stream().anyMatch(t -> latestVersion(lake, t) > before.get(t)));
    assertEquals(before.get(IngestManifest.TABLE), latestVersion(lake, IngestManifest.TABLE),
        "killed in the ingest, before its manifest");

    Process build = demo(clean.config, work);
    killWhen(build, () -> latestVersion(lake, "gold_time_to_permanence") > before.get("gold_time_to_permanence"));
    assertEquals(before.get("gold_funnel_limits"), latestVersion(lake, "gold_funnel_limits"),
        "killed in the build, before its last table");

    PaceCliIT.Result last = PaceCliIT.pace("demo", "--config", clean.config.toString(), "--workdir", work.toString());
    assertEquals(0, last.exitCode(), last.out() + last.err());
    assertTrue(last.out().contains("taking over a stale lock"), last.out());

    SameRows.assertSameLakeAsTheDemo(clean, work, RESENT);
  }

  /** The latest committed version of a table in the lake's log, or -1 if it has none. */
  private static long latestVersion(Path lake, String table) {
    try (Stream<Path> log = Files.list(lake.resolve(table).resolve("_delta_log"))) {
      return log.map(p -> p.getFileName().toString()).filter(n -> n.matches("\\d{20}\\.json"))
          .mapToLong(n -> Long.parseLong(n.substring(0, 20))).max().orElse(-1);
    } catch (IOException e) {
      return -1;
    }
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
    assertEquals(SameRows.reports(clean.out), SameRows.reports(out), "the report as it was before the killed run");

    PaceCliIT.Result again = PaceCliIT.pace("charts", "--config", config.toString());
    assertEquals(0, again.exitCode(), again.out() + again.err());
    assertEquals(SameRows.reports(clean.out), SameRows.reports(out), "the report written again");
    try (Stream<Path> files = Files.list(out)) {
      assertEquals(List.of(), files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).toList(),
          "the killed run's half-written folders are gone");
    }
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
