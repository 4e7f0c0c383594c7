package scot.pace.lake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import scot.pace.failure.ConfigurationFailure;

/**
 * The Delta tables of the pipeline, one folder each under one root. The root is a local folder
 * by default; on a cluster any path every node reads (a Hadoop URI) works, since only Spark
 * touches it.
 *
 * <p>A lake may be pinned to the table versions a run recorded ({@link #pinnedTo}): reading a
 * pinned table gives it as it was then (Delta time travel), which is how an export or a replication
 * sees exactly what its run saw. Writes always go to the table's folder, pinned or not.
 *
 * @param root where the tables live
 * @param pinned per table, the Delta version to read; tables not named are read at their latest
 */
public record Lake(String root, Map<String, Long> pinned) {

  public Lake {
    if (root == null || root.isBlank()) {
      throw new ConfigurationFailure("the lake root is empty; set paths.lake in the configuration");
    }
    while (root.length() > 1 && root.endsWith("/")) {
      root = root.substring(0, root.length() - 1);
    }
    pinned = Map.copyOf(pinned);
  }

  public Lake(String root) {
    this(root, Map.of());
  }

  /** This lake read as it was at {@code versions} (a run's {@code table_versions}). */
  public Lake pinnedTo(Map<String, Long> versions) {
    return new Lake(root, versions);
  }

  public static Lake at(Path root) {
    return new Lake(root.toAbsolutePath().normalize().toString());
  }

  /** Where the table called {@code name} is stored. */
  public String table(String name) {
    return root + "/" + name;
  }

  /**
   * Fails, naming the first of {@code tables} this lake lacks and the command that writes it
   * ({@code writtenBy}, e.g. "pace build"), unless it holds them all. A local lake is looked at on
   * disk, so {@code spark} may be null there and the check costs no Spark job; any other is asked
   * through Delta.
   */
  public void require(SparkSession spark, java.util.Collection<String> tables, String writtenBy) {
    List<String> local = localRoot().isPresent() ? localTableNames() : null;
    for (String name : tables) {
      if (local != null ? !local.contains(name) : !exists(spark, name)) {
        throw new scot.pace.failure.LakeStateFailure("the lake at " + root + " has no " + name + " table; run `"
            + writtenBy + "` first (or give --lake)");
      }
    }
  }

  /**
   * Whether table {@code name} has a commit. In a local lake that is read from its log: a
   * {@code _delta_log} folder left without a commit (a run stopped while creating the table, a full
   * disk) is no table, and the next run creates it, where Delta's own check would call it one.
   */
  public boolean exists(SparkSession spark, String name) {
    if (localRoot().isPresent()) {
      return latestVersion(name).isPresent();
    }
    return io.delta.tables.DeltaTable.isDeltaTable(spark, table(name));
  }

  /**
   * Replaces, in one commit, the rows of table {@code name} that {@code predicate} selects with
   * those of {@code rows} it selects (Delta's {@code replaceWhere}). Only those rows are written:
   * that is what lets {@link LakeSession} switch off Delta's own check of the predicate on every
   * row.
   */
  public void replaceWhere(Dataset<Row> rows, String name, String predicate) {
    rows.where(predicate).write().format("delta").mode("overwrite").option("replaceWhere", predicate).save(table(name));
  }

  public Dataset<Row> read(SparkSession spark, String name) {
    Long version = pinned.get(name);
    if (version == null) {
      return spark.read().format("delta").load(table(name));
    }
    return spark.read().format("delta").option("versionAsOf", version).load(table(name));
  }

  /**
   * The tables under a local root, by folder name: folders whose {@code _delta_log} holds a commit.
   * A folder whose log is still empty (a run killed before the table's first commit) is no table.
   */
  public List<String> localTableNames() {
    List<String> names = new ArrayList<>();
    Path path = localRoot().orElse(null);
    if (path == null || !Files.isDirectory(path)) {
      return names;
    }
    try (Stream<Path> list = Files.list(path)) {
      list.filter(dir -> latestVersion(dir.resolve("_delta_log")).isPresent())
          .map(dir -> dir.getFileName().toString())
          .sorted()
          .forEach(names::add);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the lake at " + path, e);
    }
    return names;
  }

  /** The root as a local folder, or empty when the lake lives elsewhere (a Hadoop URI). */
  public Optional<Path> localRoot() {
    if (root.startsWith("file:")) {
      return Optional.of(Path.of(root.substring(5)));
    }
    return root.contains("://") ? Optional.empty() : Optional.of(Path.of(root));
  }

  /**
   * The latest committed version of table {@code name}, read from the names of the files in its
   * Delta log (no Spark job); empty when the table has no commit yet or the lake is not local.
   */
  public Optional<Long> latestVersion(String name) {
    return localRoot().flatMap(path -> latestVersion(path.resolve(name).resolve("_delta_log")));
  }

  /** Whether table {@code name} is known, without Spark, to have no commit: a local lake without it. */
  public boolean absentLocally(String name) {
    return localRoot().isPresent() && latestVersion(name).isEmpty();
  }

  /** The commit file of {@code version} of table {@code name} in a local lake, if it is there. */
  public Optional<Path> commitFile(String name, long version) {
    return localRoot().map(path -> path.resolve(name).resolve("_delta_log").resolve(String.format("%020d.json", version)))
        .filter(Files::isRegularFile);
  }

  /**
   * The rows the latest commit of table {@code name} wrote, as Delta recorded them in that commit
   * ({@code operationMetrics.numOutputRows}), read without Spark; empty when the lake is not local
   * or the commit holds no such figure.
   */
  public Optional<Long> rowsWritten(String name) {
    return latestVersion(name).flatMap(version -> commitFile(name, version)).flatMap(file -> {
      try (Stream<String> lines = Files.lines(file)) {
        ObjectMapper json = new ObjectMapper();
        for (String line : (Iterable<String>) lines::iterator) {
          JsonNode rows = json.readTree(line).path("commitInfo").path("operationMetrics").path("numOutputRows");
          if (rows.isTextual() || rows.isNumber()) {
            return Optional.of(Long.parseLong(rows.asText()));
          }
        }
        return Optional.empty();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the Delta commit " + file, e);
      }
    });
  }

  private static Optional<Long> latestVersion(Path log) {
    if (!Files.isDirectory(log)) {
      return Optional.empty();
    }
    try (Stream<Path> files = Files.list(log)) {
      return files.map(f -> f.getFileName().toString()).filter(n -> n.matches("\\d{20}\\.(json|checkpoint.*)"))
          .map(n -> Long.parseLong(n.substring(0, 20))).max(Long::compare);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the Delta log " + log, e);
    }
  }

  /** Registers every table as a temporary view of its own name, for SQL. */
  public List<String> registerViews(SparkSession spark) {
    List<String> names = localTableNames();
    registerViews(spark, names);
    return names;
  }

  /** Each table of {@code names} as a temporary view of its own name in {@code spark}. */
  public void registerViews(SparkSession spark, java.util.Collection<String> names) {
    for (String name : names) {
      read(spark, name).createOrReplaceTempView(name);
    }
  }
}
