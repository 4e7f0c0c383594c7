package scot.pace.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scot.pace.files.Folders;
import scot.pace.lake.Lake;
import scot.pace.lake.LakeSession;

/**
 * The lake on a disk that really fills: the nightly stops with exit 3 and says the disk is full,
 * and once the operator has freed space the next nightly completes, and every table and report
 * equals the uninterrupted three-council demo's.
 */
class FullDiskIT {
  private static final List<String> RUN_COLUMNS = List.of("_run_id", "_ingested_at", "run_id", "recorded_at", "sequence");

  @TempDir Path dir;

  @Test
  void aNightlyOnAFullDiskExits3AndTheNextWithRoomEndsAsAnUninterruptedOne() throws Exception {
    ThreeCouncilDemo clean = ThreeCouncilDemo.get();
    assertEquals(0, clean.result.exitCode(), clean.result.err());
    Path work = dir.resolve("work");
    Folders.copy(clean.workDir.resolve("returns"), work.resolve("returns"));
    Path lake = work.resolve("lake");
    // The demo's lake takes about 8 MB: this one fills in the ingest or the build.
    try (SmallDisk disk = SmallDisk.mount(lake, 4)) {
      PaceCliIT.Result full = PaceCliIT.pace("demo", "--config", clean.config.toString(), "--workdir", work.toString());
      assertEquals(3, full.exitCode(), full.out() + full.err());
      assertTrue(full.err().contains("the disk is full ("), full.err());
      assertTrue(full.err().contains("No space left on device"), full.err());
      assertTrue(!full.err().contains("\tat "), "no stack trace: " + full.err());

      disk.grow(256);
      PaceCliIT.Result again = PaceCliIT.pace("demo", "--config", clean.config.toString(), "--workdir", work.toString());
      assertEquals(0, again.exitCode(), again.out() + again.err());

      SparkSession spark = LakeSession.local("local[2]", "FullDiskIT", 2);
      try {
        Lake expected = Lake.at(clean.workDir.resolve("lake"));
        Lake after = Lake.at(lake);
        List<String> tables = expected.localTableNames().stream().filter(t -> !t.equals("run_log")).toList();
        assertEquals(tables, after.localTableNames().stream().filter(t -> !t.equals("run_log")).toList());
        for (String table : tables) {
          SameRows.assertSameRows(SameRows.comparable(expected.read(spark, table), RUN_COLUMNS, clean.workDir),
              SameRows.comparable(after.read(spark, table), RUN_COLUMNS, work), table);
        }
      } finally {
        spark.stop();
      }
      assertEquals(SameRows.reports(clean.out), SameRows.reports(work.resolve("out")), "the reports after the full disk");
    }
  }
}
