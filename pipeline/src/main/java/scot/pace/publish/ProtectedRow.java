package scot.pace.publish;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import scot.pace.disclosure.DisclosureControl;

/**
 * One row of a published table after disclosure control: the exact values and the columns
 * withheld. Whatever draws it (a page, a chart, a CSV) asks for the published value, which is
 * null where withheld, so that nothing downstream can show what the protection withheld.
 */
public record ProtectedRow(Map<String, Object> values, Set<String> withheld) {

  /** Whether {@code column} is withheld (a null value is never withheld: there is nothing to hide). */
  public boolean isWithheld(String column) {
    return values.get(column) != null && withheld.contains(column);
  }

  /** The value as published: null when withheld (or absent). */
  @SuppressWarnings("unchecked")
  public <T> T get(String column) {
    return isWithheld(column) ? null : (T) values.get(column);
  }

  /** A key column, never withheld (council, year, measure...). */
  @SuppressWarnings("unchecked")
  public <T> T key(String column) {
    if (withheld.contains(column)) {
      throw new IllegalStateException(column + " is a key and cannot be withheld");
    }
    return (T) values.get(column);
  }

  /** The row as CSV text in {@code columns}' order: a withheld value as {@value DisclosureControl#SUPPRESSED}. */
  public List<String> line(List<String> columns) {
    List<String> line = new ArrayList<>();
    for (String column : columns) {
      line.add(isWithheld(column) ? DisclosureControl.SUPPRESSED : PublishedTable.text(values.get(column)));
    }
    return line;
  }
}
