package scot.pace.export;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import scot.pace.disclosure.DisclosureControl;
import scot.pace.files.CsvWriter;
import scot.pace.lake.Lake;
import scot.pace.measure.DataDictionary;

/**
 * The CSV extracts of the published gold tables, disclosure-controlled, and the data dictionary
 * beside them ({@value #DICTIONARY}: every column of every extract, its type and its meaning from
 * {@code docs/measures.md}). Rows stream from Spark a partition at a time and are protected a
 * group at a time, so no table is held whole in the driver.
 */
final class Extracts {
  static final String DICTIONARY = "data_dictionary.csv";

  private Extracts() {}

  /** One extract as written. */
  record Extract(String table, String file, List<String> columns, long rows) {}

  static List<Extract> write(SparkSession spark, Lake lake, DisclosureControl sdc, DataDictionary dictionary,
      Path folder) {
    List<Extract> written = new ArrayList<>();
    List<List<String>> entries = new ArrayList<>();
    for (PublishedTable table : PublishedTables.all()) {
      if (!lake.exists(spark, table.name()) || (lake.pinned().size() > 0 && !lake.pinned().containsKey(table.name()))) {
        continue;
      }
      Dataset<Row> read = lake.read(spark, table.name());
      Dataset<Row> rows = table.filter() == null ? read : read.where(table.filter());
      List<Column> order = new ArrayList<>();
      table.groupBy().forEach(c -> order.add(rows.col(c)));
      if (List.of(rows.columns()).contains("council")) {
        order.add(rows.col("council"));
      }
      table.order().forEach(c -> order.add(rows.col(c)));
      Dataset<Row> sorted = rows.orderBy(order.toArray(Column[]::new));
      List<String> columns = table.publishedColumns(List.of(rows.columns()));
      String file = table.name() + ".csv";
      long count = 0;
      try (CsvWriter csv = new CsvWriter(folder.resolve(file), columns)) {
        List<Map<String, Object>> group = new ArrayList<>();
        List<Object> key = null;
        Iterator<Row> iterator = sorted.toLocalIterator();
        while (iterator.hasNext()) {
          Map<String, Object> row = PublishedTable.values(iterator.next());
          List<Object> rowKey = table.groupBy().stream().map(row::get).toList();
          if (key != null && !rowKey.equals(key)) {
            table.protect(columns, group, sdc).forEach(csv::line);
            count += group.size();
            group.clear();
          }
          key = rowKey;
          group.add(row);
        }
        table.protect(columns, group, sdc).forEach(csv::line);
        count += group.size();
      }
      written.add(new Extract(table.name(), file, columns, count));
      for (StructField field : rows.schema().fields()) {
        if (columns.contains(field.name())) {
          entries.add(List.of(table.name(), field.name(), field.dataType().simpleString(),
              dictionary.meaning(table.name(), field.name()).map(m -> m.replace("`", "")).orElseThrow(() -> new IllegalStateException(
                  "docs/measures.md does not define " + table.name() + "." + field.name() + "; add it there"))));
        }
      }
    }
    try (CsvWriter csv = new CsvWriter(folder.resolve(DICTIONARY), List.of("table", "column", "type", "meaning"))) {
      entries.forEach(csv::line);
    }
    return written;
  }
}
