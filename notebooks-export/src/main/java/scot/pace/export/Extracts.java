package scot.pace.export;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.StructField;
import scot.pace.catalogue.OutputCatalogue;
import scot.pace.files.CsvWriter;
import scot.pace.measure.DataDictionary;
import scot.pace.publish.Publication;

/**
 * The CSV extracts of the published gold tables, disclosure-controlled, and the data dictionary
 * beside them ({@value #DICTIONARY}: every column of every extract, whether it may hold [c], its type and its meaning from
 * {@code docs/measures.md}), written from the {@link Publication}: the same protected rows the
 * report draws.
 */
final class Extracts {
  static final String DICTIONARY = "data_dictionary.csv";

  private Extracts() {}

  /** One extract as written. */
  record Extract(String table, String file, List<String> columns, long rows) {}

  static List<Extract> write(Publication publication, DataDictionary dictionary, Path folder) {
    List<Extract> written = new ArrayList<>();
    List<List<String>> entries = new ArrayList<>();
    for (Publication.Table table : publication.tables()) {
      String file = table.name() + ".csv";
      try (CsvWriter csv = new CsvWriter(folder.resolve(file), table.columns())) {
        table.rows().forEach(row -> csv.line(row.line(table.columns())));
      }
      written.add(new Extract(table.name(), file, table.columns(), table.rows().size()));
      java.util.Set<String> withheld = OutputCatalogue.named(table.name()).map(o -> o.publication().mayWithhold())
          .orElse(java.util.Set.of());
      for (StructField field : table.schema().fields()) {
        if (table.columns().contains(field.name())) {
          entries.add(List.of(table.name(), field.name(), field.dataType().simpleString(),
              dictionary.meaning(table.name(), field.name()).map(m -> m.replace("`", "")).orElseThrow(() -> new IllegalStateException(
                  "docs/measures.md does not define " + table.name() + "." + field.name() + "; add it there")),
              withheld.contains(field.name()) ? "yes" : "no"));
        }
      }
    }
    try (CsvWriter csv = new CsvWriter(folder.resolve(DICTIONARY), List.of("table", "column", "type", "meaning", "may_be_withheld"))) {
      entries.forEach(csv::line);
    }
    return written;
  }
}
