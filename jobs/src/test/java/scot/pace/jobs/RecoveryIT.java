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
import scot.pace.files.Folders;
import scot.pace.lake.IngestManifest;
import scot.pace.lake.Lake;

/**
 * Nights interrupted part-way, on a copy of the three-council demo in which two returns were sent
 * again (the same rows in Windows line endings), its lake on a filesystem of its own (a tmpfs,
 * {@link SmallDisk}): one night killed with {@code kill -9} in the ingest (once a bronze table has
 * committed over the returns' earlier rows, before the manifest); the next, its disk left room for
 * the ingest but not the build, stops part-way through the build with exit 3, says the disk is full
 * and which stages committed before it, and leaves its run summary; once there is room again, the
 * night after it ends with every table and report equal to the uninterrupted demo's, apart from
 * which run and which bytes loaded a row, and the manifest holds the demo's entries and the re-sent
 * files once each. The killed run's lock is taken over.
 * And kill {@code charts} while it writes the new report beside the old: the old stays whole.
 */
class RecoveryIT {
  /** Returns sent again in other bytes: the night's ingest reads them, and what it builds must not change. */
  private static final List<String> RESENT = List.of("S12000048_2023", "S12000048_2024");
  private static final List<String> BRONZE = List.of("bronze_children", "bronze_episodes", "bronze_placements",
      "bronze_legal_reasons", "bronze_permanence");
  /** Room enough for anything: the demo's lake takes about 8 MB. */
  private static final long ROOMY_KB = 256 * 1024;
  /**
   * Room left once the killed ingest is over: more than the ingest writes again for the returns sent
   * again (its five bronze tables rewritten whole, about 1.5 MB), less than the build writes (its 23
   * tables, about 6 MB).
   */
  private static final long ROOM_FOR_THE_INGEST_KB = 3 * 1024;

  @TempDir Path dir;

  @Test
  void aNightKilledInTheIngestThenOneStoppedInTheBuildByAFullDiskAndOneMoreEndAsAnUninterruptedNight()
      throws Exception {
    ThreeCouncilDemo clean = ThreeCouncilDemo.get();
    assertEquals(0, clean.result.exitCode(), clean.result.err());
    Path work = dir.resolve("work");
    clean.copySendingAgain(work, RESENT);
    Path lake = work.resolve("lake");
    Path demoLake = Files.move(lake, work.resolve("demo-lake"));
    try (SmallDisk disk = SmallDisk.mount(lake, ROOMY_KB)) {
      Folders.copy(demoLake, lake);
      Map<String, Long> before = new TreeMap<>();
      for (String table : Lake.at(lake).localTableNames()) {
        before.put(table, latestVersion(lake, table));
      }

      Process ingest = demo(clean.config, work);
      killWhen(ingest, () -> BRONZE.stream().anyMatch(t -> latestVersion(lake, t) > before.get(t)));
      assertEquals(before.get(IngestManifest.TABLE), latestVersion(lake, IngestManifest.TABLE),
          "killed in the ingest, before its manifest");

      disk.resize(SmallDisk.kilobytesTakenBy(lake) + ROOM_FOR_THE_INGEST_KB);
      PaceCliIT.Result full = night(clean, work);
      assertEquals(3, full.exitCode(), full.out() + full.err());
      assertTrue(full.out().contains("taking over a stale lock"), full.out());
      assertTrue(full.err().contains("build silver and gold failed: the disk is full ("), full.err());
      assertTrue(full.err().contains("No space left on device"), full.err());
      assertTrue(full.err().contains("Committed before it: ingest (2 returns loaded"), full.err());
      assertTrue(full.err().contains("Run it again once the cause is fixed"), full.err());
      assertTrue(!full.err().contains("\tat "), "no stack trace: " + full.err());
      String summary = latestRun(work);
      assertTrue(summary.contains("\"status\" : \"JOB_FAILURE\"") && summary.contains("\"exitCode\" : 3"), summary);
      assertTrue(summary.contains("the disk is full"), summary);
      List<String> built = new ArrayList<>();
      List<String> notBuilt = new ArrayList<>();
      before.forEach((table, version) -> {
        if (table.startsWith("silver_") || table.startsWith("gold_")) {
          (latestVersion(lake, table) > version ? built : notBuilt).add(table);
        }
      });
      assertTrue(!built.isEmpty() && !notBuilt.isEmpty(),
          "the build stopped part-way, some of its tables committed: " + built + ", not: " + notBuilt);

      disk.resize(ROOMY_KB);
      PaceCliIT.Result last = night(clean, work);
      assertEquals(0, last.exitCode(), last.out() + last.err());
      assertTrue(last.out().contains("build silver and gold done"), "the rerun builds again: " + last.out());
      SameRows.assertSameLakeAsTheDemo(clean, work, RESENT);
    }
  }

  private static PaceCliIT.Result night(ThreeCouncilDemo clean, Path work) {
    return PaceCliIT.pace("demo", "--config", clean.config.toString(), "--workdir", work.toString());
  }

  private static String latestRun(Path work) throws IOException {
    try (Stream<Path> runs = Files.list(work.resolve("out/runs"))) {
      List<Path> summaries = runs.filter(p -> p.toString().endsWith(".json")).sorted().toList();
      return Files.readString(summaries.get(summaries.size() - 1));
    }
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
