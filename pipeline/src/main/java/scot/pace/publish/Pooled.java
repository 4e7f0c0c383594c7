package scot.pace.publish;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A figure pooled over the whole group (Scotland's share p0 = Σ numerators / Σ denominators, and
 * what is computed from it: z-scores, flags, funnel limits): it gives away the pooled numerator
 * wherever the denominators are published, so it is withheld in every row of the group when the
 * pooled numerator, or the pooled rest (Σ denominators - Σ numerators), is a small count.
 */
public record Pooled(String numerator, String denominator, List<String> figures) implements GroupRule {
  @Override
  public Set<String> mayWithhold() {
    return Set.copyOf(figures);
  }

  @Override
  public void apply(List<Map<String, Object>> group, List<Set<String>> withheld, Protection protection) {
    long x = 0;
    long n = 0;
    for (Map<String, Object> row : group) {
      x += GroupRule.count(row, numerator);
      n += GroupRule.count(row, denominator);
    }
    if (protection.sdc().isSmall(x) || protection.sdc().isSmall(n - x)) {
      withheld.forEach(set -> set.addAll(figures));
    }
  }
}
