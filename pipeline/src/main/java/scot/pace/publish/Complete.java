package scot.pace.publish;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Shares of one row that add up to the whole (each route, left care, still waiting), each with the
 * count behind it: one minus the published shares is the sum of the withheld ones, so exactly one
 * is never withheld alone, nor several that stand together for 1 to the threshold children (the
 * cohort being the sum of the row's {@code cohort} counts); the smallest other share is withheld
 * too, with its count (which would give the share back).
 *
 * @param shares share column to the count column behind it
 */
public record Complete(Map<String, String> shares, List<String> cohort) implements GroupRule {
  @Override
  public Set<String> mayWithhold() {
    Set<String> all = new java.util.HashSet<>(shares.keySet());
    all.addAll(shares.values());
    return all;
  }

  @Override
  public void apply(List<Map<String, Object>> group, List<Set<String>> withheld, Protection protection) {
    for (int i = 0; i < group.size(); i++) {
      Map<String, Object> row = group.get(i);
      Set<String> set = withheld.get(i);
      long children = cohort.stream().mapToLong(c -> GroupRule.count(row, c)).sum();
      while (true) {
        long hidden = 0;
        double hiddenShare = 0;
        for (String share : shares.keySet()) {
          if (row.get(share) != null && set.contains(share)) {
            hidden++;
            hiddenShare += ((Number) row.get(share)).doubleValue();
          }
        }
        if (hidden == 0 || (hidden > 1 && !protection.sdc().isSmall(Math.round(hiddenShare * children)))) {
          break;
        }
        String smallest = smallestOpen(row, set);
        if (smallest == null) {
          break;
        }
        set.add(smallest);
        set.add(shares.get(smallest));
      }
    }
  }

  /** The smallest published non-zero share, else the smallest published one. */
  private String smallestOpen(Map<String, Object> row, Set<String> set) {
    String smallest = null;
    for (String share : shares.keySet()) {
      if (row.get(share) == null || set.contains(share)) {
        continue;
      }
      double value = ((Number) row.get(share)).doubleValue();
      if (smallest == null) {
        smallest = share;
        continue;
      }
      double best = ((Number) row.get(smallest)).doubleValue();
      if ((best == 0 && value > 0) || ((value > 0) == (best > 0) && value < best)) {
        smallest = share;
      }
    }
    return smallest;
  }
}
