package scot.pace.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scot.pace.files.Folders;

/**
 * A nightly on a disk that really fills, on a copy of the three-council demo in which one return
 * was sent again (the same rows in Windows line endings): the lake's disk has room for the ingest
 * but not the build, so the nightly stops with exit 3, says the disk is full and which stages
 * committed before it, and leaves its run summary; once the operator has freed space, the next
 * nightly builds again and every table and report equals the uninterrupted demo's.
 */
class FullDiskIT {
  private static final List<String> RESENT = List.of("S12000036_2020");
  /**
   * Room beyond the demo's lake: more than the ingest writes again for the return sent again (its
   * five bronze tables rewritten, about 1.5 MB), less than the build writes (its 23 tables, about 6 MB).
   */
  private static final long ROOM_KB = 3 * 1024;

  @TempDir Path dir;

  @Test
  void aNightlyOnAFullDiskExits3SaysWhatCommittedAndTheNextWithRoomEndsAsAnUninterruptedOne() throws Exception {
    ThreeCouncilDemo clean = ThreeCouncilDemo.get();
    assertEquals(0, clean.result.exitCode(), clean.result.err());
    Path work = dir.resolve("work");
    clean.copySendingAgain(work, RESENT);
    Path lake = work.resolve("lake");
    Path demoLake = Files.move(lake, work.resolve("demo-lake"));
    try (SmallDisk disk = SmallDisk.mount(lake, SmallDisk.kilobytesTakenBy(demoLake) + ROOM_KB)) {
      Folders.copy(demoLake, lake);
      PaceCliIT.Result full = night(clean, work);
      assertEquals(3, full.exitCode(), full.out() + full.err());
      assertTrue(full.err().contains("build silver and gold failed: the disk is full ("), full.err());
      assertTrue(full.err().contains("No space left on device"), full.err());
      assertTrue(full.err().contains("Committed before it: ingest (1 returns loaded"), full.err());
      assertTrue(full.err().contains("Run it again once the cause is fixed"), full.err());
      assertTrue(!full.err().contains("\tat "), "no stack trace: " + full.err());
      String log = latestRun(work);
      assertTrue(log.contains("\"status\" : \"JOB_FAILURE\"") && log.contains("\"exitCode\" : 3"), log);
      assertTrue(log.contains("the disk is full"), log);

      disk.grow(256 * 1024);
      PaceCliIT.Result again = night(clean, work);
      assertEquals(0, again.exitCode(), again.out() + again.err());
      assertTrue(again.out().contains("build silver and gold done"), "the rerun builds again: " + again.out());
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
}
