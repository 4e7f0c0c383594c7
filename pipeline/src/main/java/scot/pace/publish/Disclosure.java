package scot.pace.publish;

import java.util.List;
import java.util.Map;
import java.util.Set;
import scot.pace.disclosure.DisclosureControl;

/**
 * One disclosure rule of a published table, applied to a row: it adds the columns to withhold to
 * {@code suppressed} (which earlier rules have filled; a rule may depend on them). Values are the
 * row's own, by column name; a null value is never suppressed.
 */
sealed interface Disclosure {

  void apply(Map<String, Object> row, Set<String> suppressed, DisclosureControl sdc);

  /** Every column this rule may withhold, whatever the data. */
  Set<String> mayWithhold();

  /** A count of children: withheld from 1 to the threshold. */
  record Count(String column) implements Disclosure {
    @Override
    public Set<String> mayWithhold() {
      return Set.of(column);
    }

    @Override
    public void apply(Map<String, Object> row, Set<String> suppressed, DisclosureControl sdc) {
      if (row.get(column) != null && sdc.isSmall(GroupRule.count(row, column))) {
        suppressed.add(column);
      }
    }
  }

  /**
   * Figures computed from {@code basis} children (a median, a curve point): withheld when it is
   * small. (Withholding the basis only to protect another cell does not withhold them: a median
   * does not give the count back.)
   */
  record Based(String basis, List<String> figures) implements Disclosure {
    @Override
    public Set<String> mayWithhold() {
      return Set.copyOf(figures);
    }

    @Override
    public void apply(Map<String, Object> row, Set<String> suppressed, DisclosureControl sdc) {
      if (!sdc.basedOnEnough(GroupRule.count(row, basis))) {
        suppressed.addAll(figures);
      }
    }
  }

  /**
   * An estimated share of {@code basis} children (a cumulative incidence, or a plain share of them), with its
   * interval: withheld when the count it stands for, or the rest, would be small.
   */
  record Estimate(String share, String basis, List<String> interval) implements Disclosure {
    @Override
    public Set<String> mayWithhold() {
      Set<String> all = new java.util.HashSet<>(interval);
      all.add(share);
      return all;
    }

    @Override
    public void apply(Map<String, Object> row, Set<String> suppressed, DisclosureControl sdc) {
      Object value = row.get(share);
      if (value == null) {
        return;
      }
      if (!sdc.estimatePublishable(((Number) value).doubleValue(), GroupRule.count(row, basis))) {
        suppressed.add(share);
        suppressed.addAll(interval);
      }
    }
  }

  /**
   * A share {@code numerator / denominator} and what is computed from it: withheld unless it may be
   * published, and whenever either count is withheld (the share and the other count would give it back).
   */
  record Share(String numerator, String denominator, List<String> figures) implements Disclosure {
    @Override
    public Set<String> mayWithhold() {
      Set<String> all = new java.util.HashSet<>(figures);
      all.add(numerator);
      return all;
    }

    @Override
    public void apply(Map<String, Object> row, Set<String> suppressed, DisclosureControl sdc) {
      if (row.get(numerator) == null || row.get(denominator) == null) {
        return;
      }
      if (suppressed.contains(numerator) || suppressed.contains(denominator)
          || !sdc.sharePublishable(GroupRule.count(row, numerator), GroupRule.count(row, denominator))) {
        suppressed.add(numerator);
        suppressed.addAll(figures);
      }
    }
  }
}
