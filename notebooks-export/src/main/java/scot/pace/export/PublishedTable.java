package scot.pace.export;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import scot.pace.disclosure.DisclosureControl;

/**
 * A gold table as its published CSV extract holds it: which rows ({@code filter}, SQL), in which
 * order, which columns are left out, and the disclosure rules over the rest. Rows are protected a
 * group at a time ({@code groupBy}: every key but the council, so a group holds the councils and
 * Scotland side by side), first by the {@link CouncilGrid}s, then row by row by the
 * {@link Disclosure} rules in order.
 *
 * @param name the gold table
 * @param filter the rows published (SQL), or null for all
 * @param groupBy the keys of a group
 * @param order the sort within a group (after council)
 * @param grids counts protected across councils
 * @param rules the row rules, in order
 * @param withheld columns used by the rules but not published (per-day counts, say)
 */
record PublishedTable(String name, String filter, List<String> groupBy, List<String> order, List<CouncilGrid> grids,
    List<Disclosure> rules, List<String> withheld) {

  /** The group's rows as published: each value as text, a withheld one as {@value DisclosureControl#SUPPRESSED}. */
  List<List<String>> protect(List<String> columns, List<Map<String, Object>> group, DisclosureControl sdc) {
    List<Set<String>> suppressed = new ArrayList<>();
    group.forEach(row -> suppressed.add(new HashSet<>()));
    for (CouncilGrid grid : grids) {
      grid.apply(group, suppressed, sdc);
    }
    List<List<String>> lines = new ArrayList<>();
    for (int i = 0; i < group.size(); i++) {
      for (Disclosure rule : rules) {
        rule.apply(group.get(i), suppressed.get(i), sdc);
      }
      List<String> line = new ArrayList<>();
      for (String column : columns) {
        Object value = group.get(i).get(column);
        line.add(value != null && suppressed.get(i).contains(column) ? DisclosureControl.SUPPRESSED : text(value));
      }
      lines.add(line);
    }
    return lines;
  }

  /** The published columns of a table with {@code schemaColumns}. */
  List<String> publishedColumns(List<String> schemaColumns) {
    return schemaColumns.stream().filter(c -> !withheld.contains(c)).toList();
  }

  static String text(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof java.sql.Timestamp timestamp) {
      return timestamp.toInstant().toString();
    }
    return value.toString();
  }

  static Map<String, Object> values(org.apache.spark.sql.Row row) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (String field : row.schema().fieldNames()) {
      values.put(field, row.getAs(field));
    }
    return values;
  }
}
