package scot.pace.measure;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;

import java.sql.Date;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import scot.pace.stats.RunRules;

/**
 * Run charts of PACE Aim 2 per council: one point per child on the date of its first permanence
 * recommendation, the weeks it waited since first accommodated.
 *
 * <ul>
 *   <li>{@code gold_run_chart_points}: the points in date order (ties by child key), each with its
 *       phase, the phase's median and the baseline median carried forward;
 *   <li>{@code gold_run_chart_months}: per month (and phase), the points and their median;
 *   <li>{@code gold_run_chart_phases}: per phase, Anhøj's rules ({@link RunRules}) against the
 *       phase's own median and, after the PACE start, against the baseline median carried
 *       forward, which is what says whether waiting has shifted since the council joined PACE.
 * </ul>
 *
 * Only recommendations made within the years the council's returns cover count: a return lists
 * every child looked after at any time in its year, so those are seen whatever happened next.
 * The phases: {@code baseline}, the points before the council's PACE start date from {@code
 * conf/}, and {@code PACE}, those on or after it; a council with no start date has one phase,
 * {@code all}. The median is the usual one (the mean of the middle two of an even count); points
 * on the median are left out of the rules; under 10 useful points the rules give no verdict.
 */
public final class RunChart {
  public static final String POINTS = "gold_run_chart_points";
  public static final String MONTHS = "gold_run_chart_months";
  public static final String PHASES = "gold_run_chart_phases";
  public static final String MEASURE = "aim2_weeks_to_recommendation";
  public static final String BASELINE = "baseline";
  public static final String PACE = "PACE";
  public static final String ALL = "all";
  public static final String AGAINST_PHASE = "phase median";
  public static final String AGAINST_BASELINE = "baseline median";

  public static final StructType PHASE_SCHEMA = StructType.fromDDL(
      "measure STRING, council STRING, phase STRING, against STRING, phase_start DATE, phase_end DATE,"
          + " points INT, median_weeks DOUBLE, useful_points INT, longest_run INT, run_limit INT, crossings INT,"
          + " crossing_limit INT, shift BOOLEAN, too_few_crossings BOOLEAN, too_few_points BOOLEAN,"
          + " signal BOOLEAN");

  private RunChart() {}

  /**
   * Each child with a first recommendation: {@code council, child_key, point_date, weeks, phase}.
   *
   * @param journeys {@code silver_journeys}
   * @param councils {@code ref_councils}, for {@code pace_start}
   * @param firstYears per {@code council}, {@code first_year}: recommendations before that
   *     collection year began are left out, since only the children still in care then are seen
   */
  public static Dataset<Row> points(Dataset<Row> journeys, Dataset<Row> councils, Dataset<Row> firstYears) {
    return journeys.where("first_recommendation IS NOT NULL AND first_accommodated IS NOT NULL")
        .join(firstYears, "council")
        .where("first_recommendation >= make_date(first_year - 1, 8, 1)")
        .join(councils.select("council", "pace_start"), new String[] {"council"}, "left")
        .select(col("council"), col("child_key"), col("first_recommendation").as("point_date"),
            expr("CAST(datediff(first_recommendation, first_accommodated) AS DOUBLE) / 7").as("weeks"),
            expr("CASE WHEN pace_start IS NULL THEN '" + ALL + "' WHEN first_recommendation < pace_start"
                + " THEN '" + BASELINE + "' ELSE '" + PACE + "' END").as("phase"));
  }

  /** {@code gold_run_chart_phases}, from {@link #points}. */
  public static Dataset<Row> phases(Dataset<Row> points) {
    return points.groupBy("council")
        .agg(collect_list(struct(col("point_date"), col("child_key"), col("weeks"), col("phase"))).as("points"))
        .flatMap((FlatMapFunction<Row, Row>) RunChart::phasesOf, Encoders.row(PHASE_SCHEMA));
  }

  /** {@code gold_run_chart_points}: the points with their phase's median and the baseline's. */
  public static Dataset<Row> withMedians(Dataset<Row> points, Dataset<Row> phases) {
    Dataset<Row> own = phases.where(col("against").equalTo(AGAINST_PHASE))
        .select(col("council"), col("phase"), col("median_weeks").as("phase_median"));
    Dataset<Row> baseline = phases.where(col("against").equalTo(AGAINST_PHASE).and(col("phase").equalTo(BASELINE)))
        .select(col("council"), col("median_weeks").as("baseline_median"));
    return points.join(own, new String[] {"council", "phase"}, "left")
        .join(baseline, new String[] {"council"}, "left")
        .select(lit(MEASURE).as("measure"), col("council"), col("child_key"), col("point_date"), col("weeks"),
            col("phase"), col("phase_median"), col("baseline_median"));
  }

  /** {@code gold_run_chart_months}: per council, month and phase, the points and their median. */
  public static Dataset<Row> months(Dataset<Row> points) {
    return points.withColumn("month", expr("trunc(point_date, 'MM')"))
        .groupBy("council", "month", "phase")
        .agg(count(lit(1)).as("points"), expr("percentile(weeks, 0.5)").as("median_weeks"))
        .select(lit(MEASURE).as("measure"), col("council"), col("month"), col("phase"), col("points"),
            col("median_weeks"));
  }

  private record Point(Date date, String childKey, double weeks, String phase) {}

  private static Iterator<Row> phasesOf(Row group) {
    String council = group.getString(0);
    List<Point> points = new ArrayList<>();
    for (Row row : group.<Row>getList(1)) {
      points.add(new Point(row.getDate(0), row.getString(1), row.getDouble(2), row.getString(3)));
    }
    points.sort(Comparator.comparing(Point::date).thenComparing(Point::childKey));
    List<Row> rows = new ArrayList<>();
    Double baselineMedian = null;
    for (String phase : List.of(BASELINE, PACE, ALL)) {
      List<Point> inPhase = points.stream().filter(p -> p.phase().equals(phase)).toList();
      if (inPhase.isEmpty()) {
        continue;
      }
      double[] values = inPhase.stream().mapToDouble(Point::weeks).toArray();
      double median = median(values);
      rows.add(row(council, phase, AGAINST_PHASE, inPhase, median, RunRules.of(values, median)));
      if (phase.equals(BASELINE)) {
        baselineMedian = median;
      } else if (phase.equals(PACE) && baselineMedian != null) {
        rows.add(row(council, phase, AGAINST_BASELINE, inPhase, baselineMedian, RunRules.of(values, baselineMedian)));
      }
    }
    return rows.iterator();
  }

  /** The median of {@code values}: the middle one, or the mean of the middle two. */
  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }

  private static Row row(String council, String phase, String against, List<Point> points, double median,
      RunRules rules) {
    return RowFactory.create(MEASURE, council, phase, against, points.get(0).date(),
        points.get(points.size() - 1).date(), points.size(), median, rules.usefulPoints(), rules.longestRun(),
        rules.runLimit(), rules.crossings(), rules.crossingLimit(), rules.isShift(), rules.hasTooFewCrossings(),
        rules.tooFewPoints(), rules.isShift() || rules.hasTooFewCrossings());
  }
}
