package scot.pace.jobs;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;

/** Prints query results as an aligned text table, as CSV, or as JSON lines. */
final class ResultTable {
  private final List<String> columns;
  private final List<Row> rows;

  ResultTable(String[] columns, List<Row> result) {
    this.columns = List.of(columns);
    this.rows = List.copyOf(result);
  }

  /** A row's cells as text: every digit for CSV, or {@link #readable} doubles for the aligned table. */
  private static List<String> cells(Row row, boolean forPeople) {
    List<String> cells = new ArrayList<>();
    for (int i = 0; i < row.length(); i++) {
      Object value = row.get(i);
      cells.add(value == null ? ""
          : forPeople && (value instanceof Double || value instanceof Float) ? readable(((Number) value).doubleValue())
          : value.toString());
    }
    return cells;
  }

  /**
   * A double as a person reads it: to 6 decimal places, or to 6 significant digits below 1 (so a
   * small p-value is not shown as 0), without trailing zeros. CSV keeps every digit.
   */
  static String readable(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return Double.toString(value);
    }
    BigDecimal exact = BigDecimal.valueOf(value);
    BigDecimal rounded = Math.abs(value) >= 1 ? exact.setScale(6, RoundingMode.HALF_EVEN)
        : exact.round(new MathContext(6, RoundingMode.HALF_EVEN));
    return rounded.signum() == 0 ? "0" : rounded.stripTrailingZeros().toPlainString();
  }

  void printAligned(PrintStream out) {
    List<List<String>> shown = rows.stream().map(row -> cells(row, true)).toList();
    int[] widths = new int[columns.size()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = columns.get(i).length();
      for (List<String> row : shown) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    out.println(line(columns, widths));
    StringBuilder rule = new StringBuilder();
    for (int i = 0; i < widths.length; i++) {
      rule.append(i == 0 ? "" : "-+-").append("-".repeat(widths[i]));
    }
    out.println(rule);
    for (List<String> row : shown) {
      out.println(line(row, widths));
    }
    out.println("(" + rows.size() + " row" + (rows.size() == 1 ? "" : "s") + ")");
  }

  void printCsv(PrintStream out) {
    out.println(csv(columns));
    for (Row row : rows) {
      out.println(csv(cells(row, false)));
    }
  }

  /**
   * One JSON object per row, keyed by column, in the column's own type (numbers as numbers, null as
   * null, dates as ISO text, maps and arrays as JSON): for a script or a notebook to read.
   */
  void printJsonLines(PrintStream out) {
    for (Row row : rows) {
      out.println(row.json());
    }
  }

  private static String line(List<String> cells, int[] widths) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      text.append(i == 0 ? "" : " | ").append(String.format("%-" + widths[i] + "s", cells.get(i)));
    }
    return text.toString().stripTrailing();
  }

  private static String csv(List<String> cells) {
    List<String> quoted = new ArrayList<>();
    for (String cell : cells) {
      boolean needs = cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r");
      quoted.add(needs ? '"' + cell.replace("\"", "\"\"") + '"' : cell);
    }
    return String.join(",", quoted);
  }
}
