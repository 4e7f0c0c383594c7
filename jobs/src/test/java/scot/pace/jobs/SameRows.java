package scot.pace.jobs;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

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
}
