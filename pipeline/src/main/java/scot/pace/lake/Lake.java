package scot.pace.lake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The Delta tables of the pipeline, one folder each under one root. The root is a local folder
 * by default; on a cluster any path every node reads (a Hadoop URI) works, since only Spark
 * touches it.
 *
 * @param root where the tables live
 */
public record Lake(String root) {

  public Lake {
    if (root == null || root.isBlank()) {
      throw new IllegalArgumentException("the lake root is empty; set paths.lake in the configuration");
    }
    while (root.length() > 1 && root.endsWith("/")) {
      root = root.substring(0, root.length() - 1);
    }
  }

  public static Lake at(Path root) {
    return new Lake(root.toAbsolutePath().normalize().toString());
  }

  /** Where the table called {@code name} is stored. */
  public String table(String name) {
    return root + "/" + name;
  }

  public boolean exists(SparkSession spark, String name) {
    return io.delta.tables.DeltaTable.isDeltaTable(spark, table(name));
  }

  public Dataset<Row> read(SparkSession spark, String name) {
    return spark.read().format("delta").load(table(name));
  }

  /** The tables under a local root, by folder name (folders holding a {@code _delta_log}). */
  public List<String> localTableNames() {
    Path path = Path.of(root.startsWith("file:") ? root.substring(5) : root);
    List<String> names = new ArrayList<>();
    if (!Files.isDirectory(path)) {
      return names;
    }
    try (Stream<Path> list = Files.list(path)) {
      list.filter(dir -> Files.isDirectory(dir.resolve("_delta_log")))
          .map(dir -> dir.getFileName().toString())
          .sorted()
          .forEach(names::add);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the lake at " + path, e);
    }
    return names;
  }

  /** Registers every table as a temporary view of its own name, for SQL. */
  public List<String> registerViews(SparkSession spark) {
    List<String> names = localTableNames();
    for (String name : names) {
      read(spark, name).createOrReplaceTempView(name);
    }
    return names;
  }
}
