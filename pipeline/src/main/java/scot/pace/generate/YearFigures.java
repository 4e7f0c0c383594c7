package scot.pace.generate;

import java.util.EnumMap;
import java.util.Map;
import scot.pace.returns.PlacementGroup;

/**
 * The national figures of one collection year as the generated returns show them, to compare
 * with the published statistics.
 *
 * @param collectionYear the year ending 31 July
 * @param lookedAfter children looked after at the snapshot (episode open on 31 July)
 * @param byPlacement those children by the group of their placement at the snapshot
 * @param started episodes that started in the year
 * @param ceased episodes that ended in the year
 */
public record YearFigures(
    int collectionYear, long lookedAfter, Map<PlacementGroup, Long> byPlacement, long started, long ceased) {

  public YearFigures {
    byPlacement = Map.copyOf(byPlacement);
  }

  public double share(PlacementGroup group) {
    return lookedAfter == 0 ? 0 : byPlacement.getOrDefault(group, 0L) / (double) lookedAfter;
  }

  static final class Tally {
    final int collectionYear;
    long lookedAfter;
    final Map<PlacementGroup, Long> byPlacement = new EnumMap<>(PlacementGroup.class);
    long started;
    long ceased;

    Tally(int collectionYear) {
      this.collectionYear = collectionYear;
    }

    void add(YearFigures other) {
      lookedAfter += other.lookedAfter();
      other.byPlacement().forEach((group, count) -> byPlacement.merge(group, count, Long::sum));
      started += other.started();
      ceased += other.ceased();
    }

    YearFigures figures() {
      return new YearFigures(collectionYear, lookedAfter, byPlacement, started, ceased);
    }
  }
}
