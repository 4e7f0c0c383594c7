package scot.pace.publish;

import java.util.List;
import java.util.Map;
import scot.pace.disclosure.DisclosureControl;

/**
 * What a rule protecting one table may consult: the threshold, and the tables already protected
 * (so that a cell two tables share is withheld in both or in neither).
 *
 * @param earlier looks up whether a column of a row of an earlier table is withheld
 */
public record Protection(DisclosureControl sdc, Earlier earlier) {

  /** The tables protected before this one. */
  @FunctionalInterface
  public interface Earlier {
    /** The rows of {@code table} with these key values. */
    List<ProtectedRow> rows(String table, Map<String, Object> keys);
  }

  /** For a table that consults no other. */
  public static Protection alone(DisclosureControl sdc) {
    return new Protection(sdc, (table, keys) -> {
      throw new IllegalStateException("no table protected before " + table);
    });
  }
}
