package scot.pace.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The settings a night compares: what the tables depend on, not where they are or how Spark runs. */
class SettingsHashTest {
  @TempDir Path dir;

  String settings(String yaml) throws IOException {
    Path file = dir.resolve("pace-" + yaml.hashCode() + ".yaml");
    Files.writeString(file, yaml);
    return RunJournal.settingsHash(new ConfigLoader().load(file));
  }

  @Test
  void pathsAndSparkDoNotCountAndTheThresholdAndCouncilsDo() throws IOException {
    String defaults = RunJournal.settingsHash(new ConfigLoader().load(null));
    assertEquals(defaults, settings("paths:\n  lake: /srv/lake\n  out: /srv/out\nspark:\n  shufflePartitions: 64\n"),
        "a lake moved, or Spark run wider, is the same build");
    assertNotEquals(defaults, settings("disclosure:\n  threshold: 9\n"), "another threshold, other pages");
    assertNotEquals(defaults, settings("councils:\n  - {code: S12000033, name: Aberdeen City, share: 1.0,"
        + " paceStart: 2016-02-01, aimWeeks: 26, aimShare: 0.70}\n"), "another PACE start, other run charts");
  }
}
