package scot.pace.jobs;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import scot.pace.returns.Sha256;

/**
 * Two tables hold the same rows, as multisets: each read once into the driver as JSON lines and
 * compared there (the tables of a small lake are a few thousand rows; two scans instead of the
 * counts and the shuffle of {@code exceptAll}). A difference is shown as the rows each side has
 * that the other has not.
 */
final class SameRows {
  private static final int SHOWN = 5;

  private SameRows() {}

  static void assertSameRows(Dataset<Row> expected, Dataset<Row> actual, String table) {
    Map<String, Integer> balance = new HashMap<>();
    expected.toJSON().collectAsList().forEach(row -> balance.merge(row, 1, Integer::sum));
    actual.toJSON().collectAsList().forEach(row -> balance.merge(row, -1, Integer::sum));
    List<String> missing = new ArrayList<>();
    List<String> extra = new ArrayList<>();
    balance.forEach((row, n) -> {
      for (int i = 0; i < Math.abs(n); i++) {
        (n > 0 ? missing : extra).add(row);
      }
    });
    if (!missing.isEmpty() || !extra.isEmpty()) {
      fail(table + ": " + missing.size() + " rows expected and missing, " + extra.size() + " rows not expected;"
          + "\nmissing, e.g.: " + String.join("\n  ", missing.subList(0, Math.min(SHOWN, missing.size())))
          + "\nnot expected, e.g.: " + String.join("\n  ", extra.subList(0, Math.min(SHOWN, extra.size()))));
    }
  }

  /**
   * The table without the {@code dropped} columns (those that say which run wrote a row), maps
   * made comparable, and the work folders taken out of the paths.
   */
  static Dataset<Row> comparable(Dataset<Row> table, List<String> dropped, Path... works) {
    List<String> keep = new ArrayList<>();
    for (StructField field : table.schema().fields()) {
      String column = field.name();
      if (dropped.contains(column)) {
        continue;
      } else if (field.dataType() instanceof MapType) {
        keep.add("to_json(array_sort(map_entries(" + column + "))) AS " + column);
      } else if (field.dataType() instanceof StringType) {
        String value = column;
        for (Path work : works) {
          value = "replace(" + value + ", '" + work + "', '')";
        }
        keep.add(value + " AS " + column);
      } else {
        keep.add(column);
      }
    }
    return table.selectExpr(keep.toArray(String[]::new));
  }

  /** Every report file under {@code out} with the SHA-256 of its content. */
  static TreeMap<String, String> reports(Path out) throws IOException {
    TreeMap<String, String> files = new TreeMap<>();
    for (String folder : List.of("report", "restricted")) {
      try (Stream<Path> all = Files.walk(out.resolve(folder))) {
        for (Path file : all.filter(Files::isRegularFile).toList()) {
          files.put(out.relativize(file).toString(), Sha256.of(file));
        }
      }
    }
    return files;
  }
}
