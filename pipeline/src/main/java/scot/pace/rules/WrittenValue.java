package scot.pace.rules;

import static org.apache.spark.sql.functions.expr;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import scot.pace.returns.ReturnFile;

/**
 * How a value of a return is read, whatever the system that wrote it: without the spaces, tabs or
 * no-break spaces around it, and in capitals (every column of the contract is a code, an
 * identifier, a date or a number, so neither changes what it means). So {@code "f "} is the code
 * {@code F}, and {@code c0000109} and {@code C0000109 } are one child. A value left empty is
 * missing. The rules check the values so read and the bronze tables hold them; a row with a value
 * read differently from how it was written gets a warning naming each one, with the row as it
 * arrived.
 */
public final class WrittenValue {
  /** The names of the columns whose value was read otherwise than written (an empty array for most rows). */
  static final String CHANGED = "_written_otherwise";
  /** The row as written, as JSON, for a row with a value read otherwise; null for the others. */
  public static final String AS_WRITTEN = "_as_written";

  private WrittenValue() {}

  /** The Spark SQL expression reading {@code column}'s value. */
  static String read(String column) {
    return "upper(nullif(regexp_replace(" + column + ", '^[ \\\\t\\u00A0]+|[ \\\\t\\u00A0]+$', ''), ''))";
  }

  /**
   * The rows of {@code file} with every value read as above, and {@link #CHANGED} and
   * {@link #AS_WRITTEN} beside them for the rules (never loaded): one projection, applied as the
   * return is read.
   */
  public static Dataset<Row> apply(ReturnFile file, Dataset<Row> rows) {
    Map<String, Column> read = new LinkedHashMap<>();
    read.put(CHANGED, expr("filter(array(" + file.columns().stream()
        .map(c -> "IF(" + c + " <=> " + read(c) + ", NULL, '" + c + "')").collect(Collectors.joining(", "))
        + "), v -> v IS NOT NULL)"));
    read.put(AS_WRITTEN, expr("IF(" + file.columns().stream().map(c -> c + " <=> " + read(c))
        .collect(Collectors.joining(" AND ")) + ", NULL, " + asJson(file) + ")"));
    file.columns().forEach(c -> read.put(c, expr(read(c))));
    return rows.withColumns(read);
  }

  /** {@code rows} with {@link #CHANGED} and {@link #AS_WRITTEN} empty if they were not read by {@link #apply}. */
  static Dataset<Row> noted(Dataset<Row> rows) {
    if (java.util.List.of(rows.columns()).contains(CHANGED)) {
      return rows;
    }
    return rows.withColumns(Map.of(CHANGED, expr("CAST(array() AS ARRAY<STRING>)"), AS_WRITTEN,
        expr("CAST(NULL AS STRING)")));
  }

  /** The row's contract columns as JSON. */
  static String asJson(ReturnFile file) {
    return "to_json(named_struct(" + file.columns().stream().map(c -> "'" + c + "', " + c)
        .collect(Collectors.joining(", ")) + "))";
  }

  /** The Spark SQL expression listing, for a message, each value {@link #CHANGED} names, as written and as read. */
  static String changes() {
    String written = "get_json_object(" + AS_WRITTEN + ", concat('$.', n))";
    return "array_join(transform(" + CHANGED + ", n -> concat(n, ' ', coalesce(" + ShownValue.of(written)
        + ", '(empty)'), ' as ', coalesce(" + ShownValue.of(read(written)) + ", '(empty)'))), '; ')";
  }
}
