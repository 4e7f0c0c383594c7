package scot.pace.lake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Changes to the tables an ingest owns (bronze, the quarantine, the quality table, the manifest)
 * that no ingest made: a commit after the table's last ingest commit that is neither an ingest's
 * nor housekeeping's (OPTIMIZE and VACUUM rewrite files, not rows). Every ingest signs its commits
 * ({@link #SIGNATURE} in Delta's {@code userMetadata}), so another tool's DELETE or UPDATE, or a
 * RESTORE, is told apart. Read backwards from each table's latest commit in a local lake's Delta
 * log, without Spark. A table whose log holds no signed commit (a lake from before ingests signed,
 * or one whose last ingest commit Delta has since cleaned from the log, after 30 days of
 * housekeeping alone) is not judged.
 */
public final class OutsideChanges {
  /** The start of every ingest commit's {@code userMetadata}; the run id follows. */
  public static final String SIGNATURE = "pace ingest ";
  /** The session setting whose value Delta writes into each commit as its {@code userMetadata}. */
  public static final String COMMIT_NOTE = "spark.databricks.delta.commitInfo.userMetadata";
  private static final Set<String> HOUSEKEEPING = Set.of("OPTIMIZE", "VACUUM START", "VACUUM END");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One commit no ingest made: the table, its version and Delta's name for the operation. */
  public record Change(String table, long version, String operation, String note) {
    @Override
    public String toString() {
      return table + " version " + version + " (" + operation + (note.isEmpty() ? "" : ", " + note) + ")";
    }
  }

  private OutsideChanges() {}

  /** The commits to {@code tables} made since their last ingest commit by something else, oldest first per table. */
  public static List<Change> in(Lake lake, List<String> tables) {
    List<Change> changes = new ArrayList<>();
    for (String table : tables) {
      Optional<Long> latest = lake.latestVersion(table);
      if (latest.isEmpty()) {
        continue;
      }
      List<Change> found = new ArrayList<>();
      boolean signed = false;
      for (long version = latest.get(); version >= 0 && !signed; version--) {
        Optional<Path> file = lake.commitFile(table, version);
        if (file.isEmpty()) {
          break; // cleaned from the log (older than its retention): nothing older to read
        }
        JsonNode info = commitInfo(file.get());
        String operation = info.path("operation").asText("");
        if (info.path("userMetadata").asText("").startsWith(SIGNATURE)) {
          signed = true;
        } else if (!HOUSEKEEPING.contains(operation)) {
          found.add(0, new Change(table, version, operation.isEmpty() ? "unknown" : operation,
              info.path("userMetadata").asText("")));
        }
      }
      if (signed) {
        changes.addAll(found);
      }
    }
    return changes;
  }

  private static JsonNode commitInfo(Path file) {
    try (Stream<String> lines = Files.lines(file)) {
      for (String line : (Iterable<String>) lines::iterator) {
        JsonNode info = JSON.readTree(line).path("commitInfo");
        if (!info.isMissingNode()) {
          return info;
        }
      }
      return JSON.createObjectNode();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the Delta commit " + file, e);
    }
  }
}
