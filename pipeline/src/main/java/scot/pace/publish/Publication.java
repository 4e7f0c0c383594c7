package scot.pace.publish;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import scot.pace.catalogue.Output;
import scot.pace.catalogue.OutputCatalogue;
import scot.pace.disclosure.DisclosureControl;
import scot.pace.lake.Lake;

/**
 * The publish stage: every published gold table of a lake (at the versions it is pinned to, if
 * any) read once and protected once, in the catalogue's order, so that a cell two tables share is
 * withheld in both. The report, the extracts and the notebooks are all drawn from this and from
 * nothing else that is published; the same cell shows the same value in each.
 */
public final class Publication {

  /** One table as published: its columns in the extract's order and its protected rows. */
  public record Table(Output output, StructType schema, List<String> columns, List<ProtectedRow> rows) {
    public String name() {
      return output.table();
    }
  }

  private final Map<String, Table> tables = new LinkedHashMap<>();
  private final Map<String, Map<List<Object>, List<ProtectedRow>>> indexes = new LinkedHashMap<>();

  private Publication() {}

  /** Reads and protects every published table {@code lake} holds. */
  public static Publication of(SparkSession spark, Lake lake, DisclosureControl sdc) {
    Publication publication = new Publication();
    Protection protection = new Protection(sdc, publication::rows);
    for (Output output : OutputCatalogue.published()) {
      String name = output.table();
      if (!lake.exists(spark, name) || (!lake.pinned().isEmpty() && !lake.pinned().containsKey(name))) {
        continue;
      }
      PublishedTable table = output.publication();
      Dataset<Row> read = lake.read(spark, name);
      Dataset<Row> rows = table.filter() == null ? read : read.where(table.filter());
      List<Column> order = new ArrayList<>();
      table.groupBy().forEach(c -> order.add(rows.col(c)));
      if (List.of(rows.columns()).contains("council")) {
        order.add(rows.col("council"));
      }
      table.order().forEach(c -> order.add(rows.col(c)));
      List<ProtectedRow> protectedRows = new ArrayList<>();
      List<Map<String, Object>> group = new ArrayList<>();
      List<Object> key = null;
      Iterator<Row> iterator = rows.orderBy(order.toArray(Column[]::new)).toLocalIterator();
      while (iterator.hasNext()) {
        Map<String, Object> row = PublishedTable.values(iterator.next());
        List<Object> rowKey = table.groupBy().stream().map(row::get).toList();
        if (key != null && !rowKey.equals(key)) {
          protectedRows.addAll(table.protect(group, protection));
          group = new ArrayList<>();
        }
        key = rowKey;
        group.add(row);
      }
      protectedRows.addAll(table.protect(group, protection));
      publication.tables.put(name, new Table(output, rows.schema(),
          table.publishedColumns(List.of(rows.columns())), List.copyOf(protectedRows)));
    }
    return publication;
  }

  /** The published tables the lake holds, in the catalogue's order. */
  public List<Table> tables() {
    return List.copyOf(tables.values());
  }

  /** The table of that name, if the lake holds it. */
  public Optional<Table> table(String name) {
    return Optional.ofNullable(tables.get(name));
  }

  /** The rows of a table, or none when the lake does not hold it. */
  public List<ProtectedRow> rowsOf(String name) {
    return table(name).map(Table::rows).orElse(List.of());
  }

  /** The rows of {@code table} with these values of the key columns (in the order given). */
  public List<ProtectedRow> rows(String table, Map<String, Object> keys) {
    Table published = tables.get(table);
    if (published == null) {
      return List.of();
    }
    List<String> columns = List.copyOf(keys.keySet());
    Map<List<Object>, List<ProtectedRow>> index = indexes.computeIfAbsent(table + " by " + columns, k -> {
      Map<List<Object>, List<ProtectedRow>> byKey = new LinkedHashMap<>();
      for (ProtectedRow row : published.rows()) {
        byKey.computeIfAbsent(columns.stream().map(c -> row.values().get(c)).toList(), x -> new ArrayList<>()).add(row);
      }
      return byKey;
    });
    return index.getOrDefault(new ArrayList<>(keys.values()), List.of());
  }
}
