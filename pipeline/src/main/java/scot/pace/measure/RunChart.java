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
 * Run charts of PACE Aim 2 per council, as qicharts2 draws them from aggregated data: each child's
 * weeks from first accommodated to its first permanence recommendation, summarised as one point
 * per month, the median of the children recommended that month, and Anhøj's rules run on those
 * monthly points.
 *
 * <ul>
 *   <li>{@code gold_run_chart_points} (restricted): one row per child in date order (ties by child
 *       key), each with its phase's centre line and the baseline's carried forward;
 *   <li>{@code gold_run_chart_months}: per month (and phase), the children and their median weeks:
 *       the points of the chart;
 *   <li>{@code gold_run_chart_phases}: per phase, Anhøj's rules ({@link RunRules}) on the monthly
 *       medians against the phase's own centre line and, after the PACE start, against the
 *       baseline's carried forward, which is what says whether waiting has shifted since the
 *       council joined PACE.
 * </ul>
 *
 * One point per child would judge thousands of points (3,682 in Glasgow), where a signal is near
 * certain whatever happened; a month's median is the point a QI team plots. Only recommendations
 * made within the years the council's returns cover count: a return lists every child looked after
 * at any time in its year, so those are seen whatever happened next. The phases: {@code
 * baseline}, the children recommended before the council's PACE start date from {@code conf/},
 * and {@code PACE}, those on or after it (a month the start splits gives a point to each phase); a
 * council with no start date has one phase, {@code all}. A median is the middle value or the mean
 * of the middle two; a phase's centre line is the median of its monthly medians; months on the
 * centre line are left out of the rules; under 10 useful months the rules give no verdict.
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
          + " children INT, months INT, median_weeks DOUBLE, useful_points INT, longest_run INT, run_limit INT, crossings INT,"
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

  /** {@code gold_run_chart_phases}, from {@link #months}. */
  public static Dataset<Row> phases(Dataset<Row> months) {
    return months.groupBy("council")
        .agg(collect_list(struct(col("month"), col("phase"), col("points"), col("median_weeks"))).as("months"))
        .flatMap((FlatMapFunction<Row, Row>) RunChart::phasesOf, Encoders.row(PHASE_SCHEMA));
  }

  /** {@code gold_run_chart_points}: each child with its phase's centre line and the baseline's. */
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

  /** {@code gold_run_chart_months}: per council, month and phase, the children recommended and their median weeks. */
  public static Dataset<Row> months(Dataset<Row> points) {
    return points.withColumn("month", expr("trunc(point_date, 'MM')"))
        .groupBy("council", "month", "phase")
        .agg(count(lit(1)).as("points"), expr("percentile(weeks, 0.5)").as("median_weeks"))
        .select(lit(MEASURE).as("measure"), col("council"), col("month"), col("phase"), col("points"),
            col("median_weeks"));
  }

  /** One point of the chart: a month of a phase, its children and their median weeks. */
  private record Month(Date month, String phase, long children, double medianWeeks) {}

  private static Iterator<Row> phasesOf(Row group) {
    String council = group.getString(0);
    List<Month> months = new ArrayList<>();
    for (Row row : group.<Row>getList(1)) {
      months.add(new Month(row.getDate(0), row.getString(1), row.getLong(2), row.getDouble(3)));
    }
    months.sort(Comparator.comparing(Month::month));
    List<Row> rows = new ArrayList<>();
    Double baselineMedian = null;
    for (String phase : List.of(BASELINE, PACE, ALL)) {
      List<Month> inPhase = months.stream().filter(m -> m.phase().equals(phase)).toList();
      if (inPhase.isEmpty()) {
        continue;
      }
      double[] values = inPhase.stream().mapToDouble(Month::medianWeeks).toArray();
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
  public static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }

  private static Row row(String council, String phase, String against, List<Month> months, double median,
      RunRules rules) {
    int children = (int) months.stream().mapToLong(Month::children).sum();
    return RowFactory.create(MEASURE, council, phase, against, months.get(0).month(),
        months.get(months.size() - 1).month(), children, months.size(), median, rules.usefulPoints(), rules.longestRun(),
        rules.runLimit(), rules.crossings(), rules.crossingLimit(), rules.isShift(), rules.hasTooFewCrossings(),
        rules.tooFewPoints(), rules.isShift() || rules.hasTooFewCrossings());
  }
}
