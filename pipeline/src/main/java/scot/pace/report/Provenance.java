package scot.pace.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Which run made a page, when, and with which version of the pipeline: printed under every page's
 * title, so a figure quoted from it can be traced to its run ({@code run_log}, the run's export).
 *
 * @param runId the run's id, as in {@code run_log} and {@code <out>/runs/}
 * @param producedAt when the run started
 * @param version the pipeline's name and version, e.g. {@code pace 0.1.0}
 */
public record Provenance(String runId, Instant producedAt, String version) {
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.UK).withZone(ZoneOffset.UTC);

  /** The line under a page's title; {@code snapshot} is the latest 31 July the figures describe. */
  String line(String snapshot) {
    return "Run " + runId + " · produced " + WHEN.format(producedAt) + " · " + version + " · latest snapshot "
        + snapshot;
  }
}
