package scot.pace.publish;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Counts that run on through time (children who had reached permanence by each quarter year):
 * the difference between two published values of one series is a count of its own, so along each
 * series ({@code seriesKeys}, ordered by {@code along}) a value is withheld whenever it differs
 * from the next published one, or the first published one from the series' start, by 1 to the
 * threshold; walking back from the end keeps the final counts published. A withheld value
 * withholds its dependents. The start is 0, or for the counts in {@code startAtTotal} (children
 * still waiting) the sum of the row's {@code counts}: the whole cohort.
 */
public record Series(List<String> seriesKeys, String along, List<String> counts, Set<String> startAtTotal,
    Map<String, List<String>> dependents) implements GroupRule {
  @Override
  public Set<String> mayWithhold() {
    return GroupRule.withDependents(counts, dependents);
  }


  @Override
  public void apply(List<Map<String, Object>> group, List<Set<String>> withheld, Protection protection) {
    for (List<Integer> ordered : GroupRule.series(group, seriesKeys, along)) {
      for (String column : counts) {
        // From the end back, so that the final counts (the cohort's outcomes) stay published.
        Long next = null;
        for (int k = ordered.size() - 1; k >= 0; k--) {
          int i = ordered.get(k);
          if (group.get(i).get(column) == null || withheld.get(i).contains(column)) {
            continue;
          }
          long value = GroupRule.count(group.get(i), column);
          if (next != null && protection.sdc().isSmall(Math.abs(value - next))) {
            GroupRule.withhold(withheld.get(i), column, dependents);
          } else {
            next = value;
          }
        }
        // And the first published point against the start.
        long start = startAtTotal.contains(column) ? total(group.get(ordered.get(0))) : 0;
        for (int i : ordered) {
          if (group.get(i).get(column) == null || withheld.get(i).contains(column)) {
            continue;
          }
          if (!protection.sdc().isSmall(Math.abs(GroupRule.count(group.get(i), column) - start))) {
            break;
          }
          GroupRule.withhold(withheld.get(i), column, dependents);
        }
      }
    }
  }

  private long total(Map<String, Object> row) {
    long total = 0;
    for (String column : counts) {
      total += GroupRule.count(row, column);
    }
    return total;
  }
}
