package scot.pace.catalogue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which silver rows a build computes again. Every silver row belongs to one council and is made
 * from that council's returns alone (child keys, episodes and spells are the council's own), so
 * after new returns from a few councils only their silver rows need computing; the rest are as the
 * last build left them. Gold is always built whole: every gold table holds Scotland's rows and the
 * comparisons of each council with all of them.
 *
 * @param councils the councils whose silver rows are replaced, by current GSS code; empty when
 *     every silver table is built whole
 */
public record BuildScope(Set<String> councils) {
  private static final BuildScope EVERYTHING = new BuildScope(Set.of());

  public BuildScope {
    councils = Set.copyOf(councils);
    for (String code : councils) {
      if (!code.matches("S\\d{8}")) {
        throw new IllegalArgumentException("not a council's GSS code: " + code);
      }
    }
  }

  /** Every table built whole. */
  public static BuildScope everything() {
    return EVERYTHING;
  }

  /** The silver rows of {@code councils} replaced, every gold table built whole. */
  public static BuildScope councils(Set<String> councils) {
    if (councils.isEmpty()) {
      throw new IllegalArgumentException("a build for some councils needs at least one");
    }
    return new BuildScope(councils);
  }

  /** Whether every table is built whole. */
  public boolean isEverything() {
    return councils.isEmpty();
  }

  /** The councils in code order. */
  public List<String> sortedCouncils() {
    return councils.stream().sorted().toList();
  }

  /** {@code council IN ('S12000005', ...)}: the silver rows this build replaces. */
  public String silverPredicate() {
    return predicateOn("council");
  }

  /** {@code <column> IN ('S12000005', ...)}: the rows of this scope's councils, by a column holding their codes. */
  public String predicateOn(String column) {
    if (isEverything()) {
      throw new IllegalStateException("a whole build replaces every row");
    }
    return column + " IN (" + sortedCouncils().stream().map(c -> "'" + c + "'").collect(Collectors.joining(", "))
        + ")";
  }

  /** What the build computes, for the progress lines and the run log. */
  public String describe() {
    if (isEverything()) {
      return "every table";
    }
    return "silver rows of " + String.join(", ", sortedCouncils()) + " only, every gold table whole";
  }
}
