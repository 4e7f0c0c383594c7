package scot.pace.measure;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The definitions of the tables and their columns, read from {@code docs/measures.md} (which the
 * build puts in the jar beside this class): the data dictionary of an export and the docs are one
 * text. A section ({@code ##} or {@code ###}) whose heading names a table in backticks defines it:
 * its first paragraph describes the table, and its {@code | column | meaning |} table the columns
 * (one row may name several columns, comma-separated). The section "Common columns" defines the
 * columns many tables share; a table's own definition wins.
 */
public final class DataDictionary {
  static final String RESOURCE = "measures.md";
  private static final Pattern TABLE_NAME = Pattern.compile("`((?:silver|gold|ref)_[a-z0-9_]+)`");
  private static final String COMMON = "Common columns";

  /** A table's description (its section's first paragraph, after the parent section's). */
  public record Table(String name, String description, Map<String, String> columns) {}

  private final Map<String, Table> tables;
  private final Map<String, String> common;

  private DataDictionary(Map<String, Table> tables, Map<String, String> common) {
    this.tables = tables;
    this.common = common;
  }

  /** The dictionary in the jar. */
  public static DataDictionary load() {
    try (InputStream in = DataDictionary.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the jar has no scot/pace/measure/" + RESOURCE + "; rebuild with Maven");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses the Markdown of {@code docs/measures.md}. */
  public static DataDictionary parse(String markdown) {
    Map<String, Table> tables = new LinkedHashMap<>();
    Map<String, String> common = new LinkedHashMap<>();
    String[] lines = markdown.split("\n", -1);
    String table = null;
    boolean isCommon = false;
    String parentDescription = "";
    String description = null;
    Map<String, String> columns = null;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.startsWith("## ") || line.startsWith("### ")) {
        if (table != null) {
          tables.put(table, new Table(table, description, columns));
        }
        Matcher name = TABLE_NAME.matcher(line);
        table = name.find() ? name.group(1) : null;
        isCommon = line.contains(COMMON);
        String paragraph = paragraphAfter(lines, i + 1);
        if (line.startsWith("## ")) {
          parentDescription = table == null ? paragraph : "";
          description = paragraph;
        } else {
          description = parentDescription.isEmpty() ? paragraph
              : paragraph.isEmpty() ? parentDescription : parentDescription + "\n\n" + paragraph;
        }
        columns = new LinkedHashMap<>();
      } else if (line.replace(" ", "").equals("|column|meaning|")) {
        int row = i + 2;
        while (row < lines.length && lines[row].startsWith("|")) {
          String[] cells = lines[row].substring(1, lines[row].lastIndexOf('|')).split("\\|", 2);
          String meaning = cells[1].trim();
          for (String column : cells[0].split(",")) {
            String clean = column.trim().replace("`", "");
            if (isCommon) {
              common.put(clean, meaning);
            } else if (columns != null) {
              columns.put(clean, meaning);
            }
          }
          row++;
        }
        i = row - 1;
      }
    }
    if (table != null) {
      tables.put(table, new Table(table, description, columns));
    }
    return new DataDictionary(tables, common);
  }

  private static String paragraphAfter(String[] lines, int from) {
    int start = from;
    while (start < lines.length && lines[start].isBlank()) {
      start++;
    }
    List<String> paragraph = new ArrayList<>();
    for (int i = start; i < lines.length && !lines[i].isBlank() && !lines[i].startsWith("#")
        && !lines[i].startsWith("|"); i++) {
      paragraph.add(lines[i].trim());
    }
    return String.join(" ", paragraph);
  }

  /** The columns several tables share (council, cohort year, ...), with what they mean. */
  public Map<String, String> commonColumns() {
    return java.util.Collections.unmodifiableMap(common);
  }

  /** The table's definition, if the docs have one. */
  public Optional<Table> table(String name) {
    return Optional.ofNullable(tables.get(name));
  }

  /** What {@code column} of {@code table} means, if the docs say. */
  public Optional<String> meaning(String table, String column) {
    Table own = tables.get(table);
    if (own != null && own.columns().containsKey(column)) {
      return Optional.of(own.columns().get(column));
    }
    return Optional.ofNullable(common.get(column));
  }
}
