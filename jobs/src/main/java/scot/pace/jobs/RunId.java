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

  static String at(Instant start) {
    return FORMAT.format(start) + "-" + String.format("%04x", ThreadLocalRandom.current().nextInt(0x10000));
  }
}
