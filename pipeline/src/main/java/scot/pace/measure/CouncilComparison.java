package scot.pace.measure;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import scot.pace.stats.FunnelLimits;
import scot.pace.stats.Interval;
import scot.pace.stats.Overdispersion;
import scot.pace.stats.Ranks;
import scot.pace.stats.Wilson;

/**
 * Councils compared on each proportion measure, year by year (Spiegelhalter 2005):
 *
 * <ul>
 *   <li>{@code gold_council_comparison}: per measure, year and council, the proportion with its
 *       Wilson 95% interval, Scotland's proportion p0 (all councils pooled) as the target, the
 *       z-score, the exact binomial funnel limits at the council's size at 95% and 99.8%, the
 *       limits widened by the between-council variance τ², the flags {@code above} / {@code below}
 *       / {@code within} against both (the {@code _adjusted} flags use the widened limits only when
 *       the councils are overdispersed), and the rank (1 = highest proportion) with its 95% interval;
 *   <li>{@code gold_funnel_limits}: the same limits for every cohort size from 1 to the largest
 *       council's rounded up to a multiple of 50, to draw the funnel.
 * </ul>
 *
 * The input holds only years in which every child in the measure could be followed for its whole
 * window (see each measure's {@code proportions}), so each proportion is a plain share; the latest
 * such year is marked {@code latest}.
 */
public final class CouncilComparison {
  public static final String TABLE = "gold_council_comparison";
  public static final String LIMITS_TABLE = "gold_funnel_limits";

  public static final StructType SCHEMA = StructType.fromDDL(
      "measure STRING, year INT, latest BOOLEAN, council STRING, numerator BIGINT, denominator BIGINT,"
          + " proportion DOUBLE, wilson_lower DOUBLE, wilson_upper DOUBLE, p0 DOUBLE, z_score DOUBLE,"
          + " councils INT, phi DOUBLE, tau2 DOUBLE, overdispersed BOOLEAN,"
          + " lower_95 DOUBLE, upper_95 DOUBLE, lower_998 DOUBLE, upper_998 DOUBLE,"
          + " od_lower_95 DOUBLE, od_upper_95 DOUBLE, od_lower_998 DOUBLE, od_upper_998 DOUBLE,"
          + " flag_95 STRING, flag_998 STRING, flag_95_adjusted STRING, flag_998_adjusted STRING,"
          + " rank INT, rank_lower INT, rank_upper INT");

  public static final StructType LIMITS_SCHEMA = StructType.fromDDL(
      "measure STRING, year INT, n INT, p0 DOUBLE, overdispersed BOOLEAN,"
          + " lower_95 DOUBLE, upper_95 DOUBLE, lower_998 DOUBLE, upper_998 DOUBLE,"
          + " od_lower_95 DOUBLE, od_upper_95 DOUBLE, od_lower_998 DOUBLE, od_upper_998 DOUBLE");

  private static final StructType FUNNEL = StructType.fromDDL(
      "measure STRING, year INT, largest INT, p0 DOUBLE, tau2 DOUBLE, overdispersed BOOLEAN");

  private CouncilComparison() {}

  /** One council's numerator and denominator for one measure and year. */
  record Share(String council, long numerator, long denominator) {}

  /** The comparison and the funnel parameters of every measure and year. */
  public record Result(Dataset<Row> comparison, Dataset<Row> limits) {}

  /**
   * @param proportions {@code measure, council, year, numerator, denominator}, councils only
   */
  public static Result of(SparkSession spark, Dataset<Row> proportions) {
    Map<String, Map<Integer, List<Share>>> byMeasure = new TreeMap<>();
    for (Row row : proportions.where("denominator > 0").collectAsList()) {
      byMeasure.computeIfAbsent(row.getString(0), m -> new TreeMap<>())
          .computeIfAbsent(row.getInt(2), y -> new ArrayList<>())
          .add(new Share(row.getString(1), row.getLong(3), row.getLong(4)));
    }
    List<Row> compared = new ArrayList<>();
    List<Row> funnels = new ArrayList<>();
    byMeasure.forEach((measure, years) -> {
      int latest = ((TreeMap<Integer, List<Share>>) years).lastKey();
      years.forEach((year, shares) -> {
        if (shares.size() < 2) {
          return;
        }
        shares.sort((a, b) -> a.council().compareTo(b.council()));
        compare(measure, year, year == latest, shares, compared, funnels);
      });
    });
    Dataset<Row> limits = spark.createDataFrame(funnels, FUNNEL)
        .repartition(Math.max(1, Math.min(funnels.size(), 64)))
        .flatMap((FlatMapFunction<Row, Row>) CouncilComparison::limitsUpTo, Encoders.row(LIMITS_SCHEMA));
    return new Result(spark.createDataFrame(compared, SCHEMA), limits);
  }

  private static void compare(String measure, int year, boolean latest, List<Share> shares, List<Row> compared,
      List<Row> funnels) {
    int count = shares.size();
    long x = 0;
    long n = 0;
    double[] proportions = new double[count];
    int[] sizes = new int[count];
    long[] numerators = new long[count];
    long[] denominators = new long[count];
    for (int i = 0; i < count; i++) {
      Share share = shares.get(i);
      x += share.numerator();
      n += share.denominator();
      numerators[i] = share.numerator();
      denominators[i] = share.denominator();
      proportions[i] = (double) share.numerator() / share.denominator();
      sizes[i] = Math.toIntExact(share.denominator());
    }
    double p0 = (double) x / n;
    boolean degenerate = p0 <= 0 || p0 >= 1;
    Overdispersion dispersion = degenerate ? null : Overdispersion.of(p0, proportions, sizes);
    double tau2 = dispersion == null ? 0 : dispersion.tau2();
    boolean overdispersed = dispersion != null && dispersion.overdispersed();
    Interval[] ranks = Ranks.of(numerators, denominators, Objects.hash(measure, year));
    int largest = 0;
    for (int i = 0; i < count; i++) {
      Share share = shares.get(i);
      int size = sizes[i];
      largest = Math.max(largest, size);
      double p = proportions[i];
      Interval wilson = Wilson.interval(share.numerator(), share.denominator(), 0.95);
      Interval l95 = FunnelLimits.limits(p0, size, 0.95);
      Interval l998 = FunnelLimits.limits(p0, size, 0.998);
      Interval o95 = FunnelLimits.overdispersed(p0, size, 0.95, tau2);
      Interval o998 = FunnelLimits.overdispersed(p0, size, 0.998, tau2);
      compared.add(RowFactory.create(measure, year, latest, share.council(), share.numerator(), share.denominator(),
          p, wilson.lower(), wilson.upper(), p0, degenerate ? null : (p - p0) / Math.sqrt(p0 * (1 - p0) / size),
          count, dispersion == null ? null : dispersion.phi(), tau2, overdispersed,
          l95.lower(), l95.upper(), l998.lower(), l998.upper(), o95.lower(), o95.upper(), o998.lower(), o998.upper(),
          flag(p, l95), flag(p, l998), flag(p, overdispersed ? o95 : l95), flag(p, overdispersed ? o998 : l998),
          (int) ranks[i].estimate(), (int) ranks[i].lower(), (int) ranks[i].upper()));
    }
    // Up to the next multiple of 50, so that the last size of the limits table does not give away
    // the largest council's, which may be withheld.
    funnels.add(RowFactory.create(measure, year, (largest + 49) / 50 * 50, p0, tau2, overdispersed));
  }

  /** {@code above} or {@code below} the limits, else {@code within}. */
  static String flag(double proportion, Interval limits) {
    return proportion > limits.upper() ? "above" : proportion < limits.lower() ? "below" : "within";
  }

  private static Iterator<Row> limitsUpTo(Row funnel) {
    String measure = funnel.getString(0);
    int year = funnel.getInt(1);
    int largest = funnel.getInt(2);
    double p0 = funnel.getDouble(3);
    double tau2 = funnel.getDouble(4);
    boolean overdispersed = funnel.getBoolean(5);
    List<Row> rows = new ArrayList<>(largest);
    for (int n = 1; n <= largest; n++) {
      Interval l95 = FunnelLimits.limits(p0, n, 0.95);
      Interval l998 = FunnelLimits.limits(p0, n, 0.998);
      Interval o95 = FunnelLimits.overdispersed(p0, n, 0.95, tau2);
      Interval o998 = FunnelLimits.overdispersed(p0, n, 0.998, tau2);
      rows.add(RowFactory.create(measure, year, n, p0, overdispersed, l95.lower(), l95.upper(), l998.lower(),
          l998.upper(), o95.lower(), o95.upper(), o998.lower(), o998.upper()));
    }
    return rows.iterator();
  }
}
