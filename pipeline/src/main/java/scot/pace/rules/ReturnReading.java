package scot.pace.rules;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import scot.pace.returns.ReturnFile;

/**
 * How a return is read before it is checked and loaded, as {@code ingest} and {@code validate}
 * both read it: its council's own codes translated ({@link CodeMapping}), its council's way of
 * writing dates read ({@link DateFormat}), then every value as {@link WrittenValue} reads it.
 *
 * @param codeMappings councils' own codes, from the configuration
 * @param dateFormats councils' ways of writing dates, from the configuration
 */
public record ReturnReading(List<CodeMapping> codeMappings, List<DateFormat> dateFormats) {
  public ReturnReading {
    codeMappings = List.copyOf(codeMappings);
    dateFormats = List.copyOf(dateFormats);
  }

  /** The rows of {@code file} as the rules read them. */
  public Dataset<Row> apply(ReturnFile file, Dataset<Row> rows) {
    return WrittenValue.apply(file, DateFormat.apply(file, CodeMapping.apply(file, rows, codeMappings), dateFormats));
  }

  /**
   * What the configuration says about reading {@code council}'s return for {@code year}
   * ("dates as dd/mm/yyyy; placement_type FOSTER as FOS_LA"), or empty when it says nothing.
   */
  public String describe(String council, int year) {
    List<String> settings = new ArrayList<>();
    dateFormats.stream().filter(f -> f.appliesTo(council, year)).forEach(f -> settings.add(f.toString()));
    codeMappings.stream().filter(m -> m.appliesTo(council, year))
        .forEach(m -> settings.add(m.column() + " " + m.from() + " as " + m.to()));
    return String.join("; ", settings);
  }
}
