package scot.pace.publish.attack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import scot.pace.disclosure.DisclosureControl;
import scot.pace.files.CsvReader;

/**
 * One published CSV file as an attacker reads it: a header and rows of text, {@value
 * DisclosureControl#SUPPRESSED} where a value is withheld. Read without Spark: the check must run
 * on a folder someone is about to hand on, in a second.
 */
record PublishedCsv(Path file, List<String> header, List<Map<String, String>> rows) {

  static PublishedCsv read(Path file) {
    List<List<String>> records = CsvReader.read(file);
    if (records.isEmpty()) {
      return new PublishedCsv(file, List.of(), List.of());
    }
    List<String> header = records.get(0);
    List<Map<String, String>> rows = new ArrayList<>();
    for (List<String> record : records.subList(1, records.size())) {
      Map<String, String> row = new LinkedHashMap<>();
      for (int i = 0; i < header.size(); i++) {
        row.put(header.get(i), i < record.size() ? record.get(i) : "");
      }
      rows.add(row);
    }
    return new PublishedCsv(file, header, rows);
  }

  /** Whether the value is withheld. */
  static boolean withheld(String value) {
    return DisclosureControl.SUPPRESSED.equals(value);
  }

  /** The value as a number, or null when withheld, empty or not a number ("1,234" read as 1234). */
  static Double number(String value) {
    if (value == null || value.isEmpty() || withheld(value)) {
      return null;
    }
    try {
      return Double.parseDouble(value.replace(",", "").replace("%", ""));
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
