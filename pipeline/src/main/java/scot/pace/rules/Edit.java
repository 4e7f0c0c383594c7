package scot.pace.rules;

import java.util.List;

/**
 * A change to a clean return that breaks a rule: the rule's worked example, and, where it is a
 * single value, what {@code generate --inject-errors} does to a row.
 *
 * @param file the file changed; null for the rule's own file
 * @param row the data row to change (0-based), or -1 to add {@code values} as a new last row
 * @param column the column to set (for a change)
 * @param value the new value (for a change)
 * @param values the whole new row in contract column order (for an addition)
 */
public record Edit(scot.pace.returns.ReturnFile file, int row, String column, String value, List<String> values) {

  public static Edit set(int row, String column, String value) {
    return new Edit(null, row, column, value, null);
  }

  public static Edit set(scot.pace.returns.ReturnFile file, int row, String column, String value) {
    return new Edit(file, row, column, value, null);
  }

  public static Edit add(String... values) {
    return new Edit(null, -1, null, null, List.of(values));
  }

  public boolean isAddition() {
    return row < 0;
  }
}
