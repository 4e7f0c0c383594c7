package scot.pace.publish;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import scot.pace.disclosure.CountTable;
import scot.pace.disclosure.DisclosureControl;
import scot.pace.measure.CohortOutcomes;

/**
 * Counts that add up across councils to Scotland's row and across parts to a total: protected
 * together as one {@link CountTable} per group (councils by parts, Scotland the column totals),
 * so a council's withheld count cannot be recovered from Scotland's or from its own total. A
 * withheld count withholds its dependents (the share it makes).
 *
 * <p>Wide: {@code parts} are columns of each row. Long: each row is one part, named by its
 * {@code partColumn}, with the count in {@code countColumn}.
 *
 * @param parts the part columns (wide), or the part values (long)
 * @param partColumn null (wide) or the column naming the part
 * @param countColumn null (wide) or the column holding the count
 * @param total null, or the column holding the sum of the parts (withheld with the row total)
 * @param dependents per part, the columns withheld with it (long: one entry per part value, or under "*")
 */
public record CouncilGrid(List<String> parts, String partColumn, String countColumn, String total,
    Map<String, List<String>> dependents) implements GroupRule {
  @Override
  public Set<String> mayWithhold() {
    Set<String> all = partColumn == null ? GroupRule.withDependents(parts, dependents)
        : GroupRule.withDependents(List.of(countColumn), Map.of(countColumn, dependents.getOrDefault("*", List.of())));
    if (total != null) {
      all.add(total);
    }
    return all;
  }


  public static CouncilGrid wide(String total, Map<String, List<String>> partsWithDependents) {
    return new CouncilGrid(List.copyOf(partsWithDependents.keySet()), null, null, total, partsWithDependents);
  }

  public static CouncilGrid longForm(String partColumn, String countColumn, List<String> dependents) {
    return new CouncilGrid(List.of(), partColumn, countColumn, null, Map.of("*", dependents));
  }

  /** Adds what the grid withholds to each row's set; {@code group} holds the rows of one group, Scotland's among them. */
  @Override
  public void apply(List<Map<String, Object>> group, List<Set<String>> suppressed, Protection protection) {
    DisclosureControl sdc = protection.sdc();
    if (partColumn == null && group.stream().allMatch(row -> parts.stream().allMatch(p -> row.get(p) == null))) {
      return; // none of these parts is given in this group (a curve's routes between the route years)
    }
    List<String> councils = new ArrayList<>();
    List<String> partNames = partColumn == null ? parts : new ArrayList<>();
    Map<String, Map<String, Integer>> rowOf = new LinkedHashMap<>();
    for (int i = 0; i < group.size(); i++) {
      Map<String, Object> row = group.get(i);
      String council = (String) row.get("council");
      if (!council.equals(CohortOutcomes.SCOTLAND) && !councils.contains(council)) {
        councils.add(council);
      }
      if (partColumn != null) {
        String part = String.valueOf(row.get(partColumn));
        if (!partNames.contains(part)) {
          partNames.add(part);
        }
        rowOf.computeIfAbsent(council, c -> new LinkedHashMap<>()).put(part, i);
      } else {
        rowOf.computeIfAbsent(council, c -> new LinkedHashMap<>()).put("", i);
      }
    }
    long[][] counts = new long[councils.size()][partNames.size()];
    for (int r = 0; r < councils.size(); r++) {
      for (int c = 0; c < partNames.size(); c++) {
        Object value = valueAt(group, rowOf.get(councils.get(r)), partNames.get(c));
        counts[r][c] = value == null ? 0 : ((Number) value).longValue();
      }
    }
    List<String> withScotland = new ArrayList<>(councils);
    withScotland.add(CohortOutcomes.SCOTLAND);
    boolean[][] already = new boolean[councils.size() + 1][partNames.size() + 1];
    boolean[][] fixed = new boolean[councils.size() + 1][partNames.size() + 1];
    for (int r = 0; r <= councils.size(); r++) {
      Map<String, Integer> rows = rowOf.get(withScotland.get(r));
      // A total with no cell of its own here (no Scotland row; parts with no total column) is
      // given away elsewhere (p0, the cohort's size): it cannot be withheld here.
      for (int c = 0; c <= partNames.size(); c++) {
        fixed[r][c] = rows == null || (c == partNames.size() && total == null);
      }
      if (rows == null) {
        continue;
      }
      for (int c = 0; c <= partNames.size(); c++) {
        already[r][c] = withheldAlready(rows, suppressed, c == partNames.size() ? null : partNames.get(c));
      }
    }
    CountTable table = CountTable.protect(councils, partNames, counts, sdc, already, fixed);
    for (int r = 0; r <= councils.size(); r++) {
      Map<String, Integer> rows = rowOf.get(withScotland.get(r));
      if (rows == null) {
        continue;
      }
      for (int c = 0; c <= partNames.size(); c++) {
        if (!table.isSuppressed(r, c)) {
          continue;
        }
        if (c == partNames.size()) {
          if (total != null) {
            suppressed.get(rows.get("")).add(total);
          }
          continue;
        }
        String part = partNames.get(c);
        if (partColumn == null) {
          Set<String> set = suppressed.get(rows.get(""));
          set.add(part);
          set.addAll(dependents.getOrDefault(part, List.of()));
        } else if (rows.containsKey(part)) {
          Set<String> set = suppressed.get(rows.get(part));
          set.add(countColumn);
          set.addAll(dependents.getOrDefault("*", List.of()));
        }
      }
    }
  }

  /** Whether an earlier rule withheld the cell of that part ({@code null}: the row total). */
  private boolean withheldAlready(Map<String, Integer> rows, List<Set<String>> suppressed, String part) {
    if (part == null) {
      return total != null && rows.containsKey("") && suppressed.get(rows.get("")).contains(total);
    }
    if (partColumn == null) {
      return suppressed.get(rows.get("")).contains(part);
    }
    Integer index = rows.get(part);
    return index != null && suppressed.get(index).contains(countColumn);
  }

  private Object valueAt(List<Map<String, Object>> group, Map<String, Integer> rows, String part) {
    if (rows == null) {
      return null;
    }
    if (partColumn == null) {
      return group.get(rows.get("")).get(part);
    }
    Integer index = rows.get(part);
    return index == null ? null : group.get(index).get(countColumn);
  }
}
