package scot.pace.publish;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Shares of a cohort that run on through time (the cumulative incidence at each quarter year):
 * a share's step from one published point to the next, times the cohort, is a count of children
 * wherever no one was censored in between, so along each series a share is withheld whenever that
 * step stands for 1 to the threshold children. The start is 0, or 1 for the shares in {@code
 * startAtOne} (still waiting); the cohort is the sum of the row's {@code cohort} counts. A withheld
 * share withholds its dependents (its interval).
 */
public record ShareSeries(List<String> seriesKeys, String along, List<String> shares, Set<String> startAtOne,
    List<String> cohort, Map<String, List<String>> dependents) implements GroupRule {
  @Override
  public Set<String> mayWithhold() {
    return GroupRule.withDependents(shares, dependents);
  }


  @Override
  public void apply(List<Map<String, Object>> group, List<Set<String>> withheld, Protection protection) {
    for (List<Integer> ordered : GroupRule.series(group, seriesKeys, along)) {
      long children = cohort.stream().mapToLong(c -> GroupRule.count(group.get(ordered.get(0)), c)).sum();
      for (String column : shares) {
        double last = startAtOne.contains(column) ? 1 : 0;
        for (int i : ordered) {
          Object value = group.get(i).get(column);
          if (value == null || withheld.get(i).contains(column)) {
            continue;
          }
          double share = ((Number) value).doubleValue();
          if (protection.sdc().isSmall(Math.round(Math.abs(share - last) * children))) {
            GroupRule.withhold(withheld.get(i), column, dependents);
          } else {
            last = share;
          }
        }
      }
    }
  }
}
