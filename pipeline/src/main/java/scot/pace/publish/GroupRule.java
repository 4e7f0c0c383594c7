package scot.pace.publish;

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

  /** The value of a count column, 0 when null. */
  static long count(Map<String, Object> row, String column) {
    Object value = row.get(column);
    return value == null ? 0 : ((Number) value).longValue();
  }
}
