package scot.pace.publish;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import scot.pace.disclosure.DisclosureControl;

/**
 * A gold table as its published CSV extract holds it: which rows ({@code filter}, SQL), in which
 * order, which columns are left out, and the disclosure rules over the rest. Rows are protected a
 * group at a time ({@code groupBy}: every key but the council, so a group holds the councils and
 * Scotland side by side), by the {@link GroupRule}s (counts that add up across councils, along a
 * curve, into a subtotal) and row by row by the {@link Disclosure} rules, over and over until
 * nothing more is withheld.
 *
 * @param name the gold table
 * @param filter the rows published (SQL), or null for all
 * @param groupBy the keys of a group
 * @param order the sort within a group (after council)
 * @param grids rules over a whole group: counts protected across councils, along time, between tables
 * @param rules the row rules, in order
 * @param withheld columns used by the rules but not published (per-day counts, say)
 * @param derive adds to a row, before it is protected, the columns the rules need that the table
 *     does not hold (the counts behind a share); null for none
 */
public record PublishedTable(String name, String filter, List<String> groupBy, List<String> order, List<GroupRule> grids,
    List<Disclosure> rules, List<String> withheld, UnaryOperator<Map<String, Object>> derive) {

  /**
   * What is withheld in each row of {@code group}: the grids and the rules applied over and over
   * until neither withholds anything more, so that a cell a rule withholds late (a numerator whose
   * share would give it away) is protected across the councils as well.
   */
  public List<Set<String>> withheld(List<Map<String, Object>> group, Protection protection) {
    List<Set<String>> suppressed = new ArrayList<>();
    group.forEach(row -> suppressed.add(new HashSet<>()));
    int before;
    int after = 0;
    do {
      before = after;
      for (GroupRule grid : grids) {
        grid.apply(group, suppressed, protection);
      }
      for (int i = 0; i < group.size(); i++) {
        for (Disclosure rule : rules) {
          rule.apply(group.get(i), suppressed.get(i), protection.sdc());
        }
      }
      after = suppressed.stream().mapToInt(Set::size).sum();
    } while (after != before);
    return suppressed;
  }

  /** The group's rows as published: each value as text, a withheld one as {@value DisclosureControl#SUPPRESSED}. */
  public List<List<String>> protect(List<String> columns, List<Map<String, Object>> group, DisclosureControl sdc) {
    return protect(group, Protection.alone(sdc)).stream().map(row -> row.line(columns)).toList();
  }

  /** The group's rows, with what is derived from them, and what each withholds. */
  public List<ProtectedRow> protect(List<Map<String, Object>> group, Protection protection) {
    List<Map<String, Object>> rows = derive == null ? group
        : group.stream().map(row -> derive.apply(new LinkedHashMap<>(row))).toList();
    List<Set<String>> suppressed = withheld(rows, protection);
    List<ProtectedRow> protectedRows = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      protectedRows.add(new ProtectedRow(rows.get(i), suppressed.get(i)));
    }
    return protectedRows;
  }

  /** Every column its rules may withhold, whatever the data: where a published copy may show [c]. */
  public Set<String> mayWithhold() {
    Set<String> all = new java.util.TreeSet<>();
    grids.forEach(grid -> all.addAll(grid.mayWithhold()));
    rules.forEach(rule -> all.addAll(rule.mayWithhold()));
    return all;
  }

  /** The published columns of a table with {@code schemaColumns}. */
  public List<String> publishedColumns(List<String> schemaColumns) {
    return schemaColumns.stream().filter(c -> !withheld.contains(c)).toList();
  }

  public static String text(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof java.sql.Timestamp timestamp) {
      return timestamp.toInstant().toString();
    }
    return value.toString();
  }

  public static Map<String, Object> values(org.apache.spark.sql.Row row) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (String field : row.schema().fieldNames()) {
      values.put(field, row.getAs(field));
    }
    return values;
  }
}
