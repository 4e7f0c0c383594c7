package scot.pace.publish.attack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import scot.pace.disclosure.DisclosureControl;

/**
 * One published CSV file as an attacker reads it: a header and rows of text, {@value
 * DisclosureControl#SUPPRESSED} where a value is withheld. (Read by hand rather than with Spark:
 * the check must run on a folder someone is about to hand on, without a cluster; the files are the
 * pipeline's own, written by {@code CsvWriter}, with RFC 4180 quoting.)
 */
record PublishedCsv(Path file, List<String> header, List<Map<String, String>> rows) {

  static PublishedCsv read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + file + ": " + e.getMessage(), e);
    }
    List<List<String>> records = parse(text);
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

  private static List<List<String>> parse(String text) {
    List<List<String>> records = new ArrayList<>();
    List<String> record = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean any = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      any = true;
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        record.add(field.toString());
        field.setLength(0);
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        record.add(field.toString());
        field.setLength(0);
        records.add(record);
        record = new ArrayList<>();
        any = false;
      } else {
        field.append(c);
      }
    }
    if (any) {
      record.add(field.toString());
      records.add(record);
    }
    return records;
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
