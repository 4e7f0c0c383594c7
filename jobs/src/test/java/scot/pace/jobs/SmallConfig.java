package scot.pace.jobs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The small configurations the job tests run on: local Spark with two shuffle partitions, a few
 * years, and a tiny council (Orkney) beside bigger ones, so that disclosure control has work.
 */
final class SmallConfig {
  static final String ORKNEY = "  - {code: S12000023, name: Orkney Islands, share: 0.0025, aimWeeks: 26, aimShare: 0.7}";
  static final String PERTH = "  - {code: S12000048, name: Perth and Kinross, formerCode: S12000024, share: 0.02,"
      + " paceStart: 2018-09-01, aimWeeks: 26, aimShare: 0.7}";
  static final String EDINBURGH = "  - {code: S12000036, name: City of Edinburgh, share: 0.0957, paceStart: 2019-09-01,"
      + " aimWeeks: 40, aimShare: 0.8}";

  private SmallConfig() {}

  /**
   * Writes a configuration to {@code file}: {@code master}, returns from {@code firstYear} to 2024,
   * the {@code councils} lines, and any {@code more} lines (paths, housekeeping) as given.
   */
  static Path write(Path file, String master, int firstYear, List<String> councils, String... more) throws IOException {
    List<String> lines = new ArrayList<>(List.of(
        "spark:",
        "  master: \"" + master + "\"",
        "  shufflePartitions: 2",
        "generator:",
        "  firstYear: " + firstYear,
        "  lastYear: 2024"));
    lines.addAll(List.of(more));
    lines.add("councils:");
    lines.addAll(councils);
    lines.add("");
    Files.writeString(file, String.join("\n", lines));
    return file;
  }

  /** The lines that put the returns, truth, lake and output of a run under {@code dir}, named by {@code where}. */
  static String[] paths(Path dir, String where) {
    return new String[] {"paths:", "  returns: " + dir.resolve("returns"), "  truth: " + dir.resolve("truth"),
        "  lake: " + dir.resolve(where + "-lake"), "  out: " + dir.resolve(where + "-out")};
  }
}
