package scot.pace.publish;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Figures of this table that another table, protected before it, also gives away: withheld when
 * any of {@code columns} of the other table's row with the same {@code keys} is withheld (a curve
 * whose cohort size is withheld would give the size back as the sum of its counts). With {@code
 * last}, the other table's row is the one of those keys with the largest {@code last} (the end of
 * a curve, whose counts are the cohort's final ones).
 */
public record Follows(String table, List<String> keys, String last, List<String> columns, List<String> figures)
    implements GroupRule {
  @Override
  public Set<String> mayWithhold() {
    return Set.copyOf(figures);
  }


  @Override
  public void apply(List<Map<String, Object>> group, List<Set<String>> withheld, Protection protection) {
    for (int i = 0; i < group.size(); i++) {
      Map<String, Object> key = new LinkedHashMap<>();
      for (String k : keys) {
        key.put(k, group.get(i).get(k));
      }
      List<ProtectedRow> rows = protection.earlier().rows(table, key);
      if (last != null && !rows.isEmpty()) {
        rows = List.of(rows.stream().max(Comparator.comparingLong(r -> ((Number) r.values().get(last)).longValue()))
            .orElseThrow());
      }
      for (ProtectedRow other : rows) {
        if (columns.stream().anyMatch(other::isWithheld)) {
          withheld.get(i).addAll(figures);
        }
      }
    }
  }
}
