package scot.pace.publish;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A rule applied to each part of a group apart: the rows with the same value of {@code column}
 * (the councils at one time point, say).
 */
public record Each(String column, GroupRule rule) implements GroupRule {
  @Override
  public Set<String> mayWithhold() {
    return rule.mayWithhold();
  }

  @Override
  public void apply(List<Map<String, Object>> group, List<Set<String>> withheld, Protection protection) {
    Map<Object, List<Integer>> parts = new LinkedHashMap<>();
    for (int i = 0; i < group.size(); i++) {
      parts.computeIfAbsent(Objects.toString(group.get(i).get(column)), k -> new ArrayList<>()).add(i);
    }
    for (List<Integer> indexes : parts.values()) {
      List<Map<String, Object>> rows = new ArrayList<>();
      List<Set<String>> sets = new ArrayList<>();
      for (int i : indexes) {
        rows.add(group.get(i));
        sets.add(withheld.get(i));
      }
      rule.apply(rows, sets, protection);
    }
  }
}
