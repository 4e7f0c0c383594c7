package scot.pace.lake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import scot.pace.returns.Sha256;

/**
 * A small value worked out from one Delta table (the ingest manifest's latest state, the run log's
 * last good runs), kept as JSON in {@code <lake>/_memo/} together with the table version it was
 * worked out at and the SHA-256 of that version's commit file. It is given back only while the
 * table is still at that very commit (a table deleted and written again from version 0 is not the
 * same), so it is never staler than the table. What it saves is the Spark jobs of reading a table from a cold start,
 * most of the time of a night with nothing new. Local lakes only; elsewhere nothing is kept.
 *
 * @param <T> the value, a record Jackson can write and read
 */
public final class TableMemo<T> {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Lake lake;
  private final String table;
  private final Class<T> type;

  public TableMemo(Lake lake, String table, Class<T> type) {
    this.lake = lake;
    this.table = table;
    this.type = type;
  }

  /** The value kept, if it was worked out at {@code version} of the table. */
  public Optional<T> at(long version) {
    Optional<Path> file = file();
    if (file.isEmpty() || !Files.isRegularFile(file.get())) {
      return Optional.empty();
    }
    try {
      JsonNode kept = JSON.readTree(file.get().toFile());
      if (kept.path("version").asLong(-1) != version || !kept.path("commit").asText().equals(commit(version))) {
        return Optional.empty();
      }
      return Optional.of(JSON.treeToValue(kept.get("value"), type));
    } catch (IOException | IllegalArgumentException e) {
      // Unreadable (a different release wrote it, or a disk error): worked out again and rewritten.
      return Optional.empty();
    }
  }

  /** Keeps {@code value} as worked out at {@code version} of the table (written aside, then renamed). */
  public void keep(long version, T value) {
    Optional<Path> file = file();
    if (file.isEmpty()) {
      return;
    }
    try {
      Files.createDirectories(file.get().getParent());
      Path temp = file.get().resolveSibling("." + table + "-" + ProcessHandle.current().pid() + ".json");
      JSON.writeValue(temp.toFile(), JSON.createObjectNode().put("table", table).put("version", version)
          .put("commit", commit(version)).set("value", JSON.valueToTree(value)));
      Files.move(temp, file.get(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + file.get() + ": " + e.getMessage(), e);
    }
  }

  /** The SHA-256 of the table's commit file for {@code version}, or "" when it has none. */
  private String commit(long version) {
    return lake.commitFile(table, version).map(Sha256::of).orElse("");
  }

  private Optional<Path> file() {
    return lake.localRoot().map(root -> root.resolve("_memo").resolve(table + ".json"));
  }
}
