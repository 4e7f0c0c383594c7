package scot.pace.publish;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A disclosure rule over a group of rows that add up together (the councils and Scotland, the
 * time points of one curve): it adds to each row's {@code withheld} set what must be withheld so
 * that nothing withheld can be worked back from what is left. Rules are applied over and over
 * until none withholds more, so a rule must only ever add.
 */
public interface GroupRule {
  void apply(List<Map<String, Object>> group, List<Set<String>> withheld, Protection protection);

  /** Every column this rule may withhold, whatever the data: the columns a published extract may show as [c]. */
  Set<String> mayWithhold();

  /** {@code columns} with what goes with each in {@code dependents}. */
  static Set<String> withDependents(java.util.Collection<String> columns, Map<String, List<String>> dependents) {
    Set<String> all = new java.util.LinkedHashSet<>(columns);
    columns.forEach(c -> all.addAll(dependents.getOrDefault(c, List.of())));
    return all;
  }

  /**
   * The rows of each series in the group (the same values of {@code seriesKeys}: one council's
   * curve), as indexes into the group in the order of {@code along}.
   */
  static List<List<Integer>> series(List<Map<String, Object>> group, List<String> seriesKeys, String along) {
    Map<List<Object>, List<Integer>> series = new LinkedHashMap<>();
    for (int i = 0; i < group.size(); i++) {
      Map<String, Object> row = group.get(i);
      series.computeIfAbsent(seriesKeys.stream().map(row::get).toList(), k -> new ArrayList<>()).add(i);
    }
    List<List<Integer>> ordered = new ArrayList<>();
    for (List<Integer> indexes : series.values()) {
      List<Integer> sorted = new ArrayList<>(indexes);
      sorted.sort(Comparator.comparingLong(i -> count(group.get(i), along)));
      ordered.add(sorted);
    }
    return ordered;
  }

  /** Withholds {@code column} and what goes with it. */
  static void withhold(Set<String> withheld, String column, Map<String, List<String>> dependents) {
    withheld.add(column);
    withheld.addAll(dependents.getOrDefault(column, List.of()));
  }

  /** The value of a count column, 0 when null. */
  static long count(Map<String, Object> row, String column) {
    Object value = row.get(column);
    return value == null ? 0 : ((Number) value).longValue();
  }
}
