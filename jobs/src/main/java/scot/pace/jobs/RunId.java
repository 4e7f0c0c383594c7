package scot.pace.jobs;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;

/** A run's identifier: its UTC start time and a random suffix, e.g. {@code 20261123T140501Z-3fa9}. */
final class RunId {
  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private RunId() {}

  private static final java.util.regex.Pattern SHAPE = java.util.regex.Pattern.compile("\\d{8}T\\d{6}Z-[0-9a-f]{4}");

  /**
   * Checks, before Spark starts, that {@code runId} looks like a run id and, when {@code out} holds
   * run summaries ({@code <out>/runs/}), that it is one of them.
   */
  static void check(String runId, java.nio.file.Path out) {
    java.nio.file.Path runs = out.resolve("runs");
    if (!SHAPE.matcher(runId).matches()) {
      throw new scot.pace.failure.InputFailure("--run " + runId + " is not a run id (like 20261123T140501Z-3fa9);"
          + " the runs are listed in " + runs.toAbsolutePath().normalize() + latest(runs));
    }
    if (java.nio.file.Files.isDirectory(runs) && !java.nio.file.Files.exists(runs.resolve(runId + ".json"))) {
      throw new scot.pace.failure.InputFailure("no run " + runId + " in " + runs.toAbsolutePath().normalize()
          + latest(runs));
    }
  }

  private static String latest(java.nio.file.Path runs) {
    if (!java.nio.file.Files.isDirectory(runs)) {
      return "";
    }
    try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(runs)) {
      java.util.List<String> ids = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".json"))
          .map(n -> n.substring(0, n.length() - 5)).sorted(java.util.Comparator.reverseOrder()).limit(5).toList();
      return ids.isEmpty() ? " (none yet)" : "; the latest are: " + String.join(", ", ids);
    } catch (java.io.IOException e) {
      return "";
    }
  }

  static String at(Instant start) {
    return FORMAT.format(start) + "-" + String.format("%04x", ThreadLocalRandom.current().nextInt(0x10000));
  }
}
