package scot.pace.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import scot.pace.stats.FunnelLimits;
import scot.pace.stats.Overdispersion;

/**
 * Councils compared on a made-up measure. In 2020 four councils: 10/100, 30/100, 16/200 and
 * 64/400, so Scotland's p0 is 120/800 = 0.15. In 2021 ten councils of 200 whose shares spread far
 * wider than chance (0.05 to 0.50), so the limits must be widened. In 2019 a single council.
 */
class CouncilComparisonTest {
  static SparkSession spark;
  static Map<String, Row> compared;
  static List<Row> limits;

  @BeforeAll
  static void build() {
    spark = scot.pace.SharedSpark.session();
    List<Row> rows = new ArrayList<>(List.of(
        RowFactory.create("m", "A", 2020, 10L, 100L), RowFactory.create("m", "B", 2020, 30L, 100L),
        RowFactory.create("m", "C", 2020, 16L, 200L), RowFactory.create("m", "D", 2020, 64L, 400L),
        RowFactory.create("m", "A", 2019, 10L, 100L), RowFactory.create("m", "E", 2020, 0L, 0L)));
    for (int i = 0; i < 10; i++) {
      rows.add(RowFactory.create("m", "W" + i, 2021, 10L + 10L * i, 200L));
    }
    CouncilComparison.Result result = CouncilComparison.of(spark, spark.createDataFrame(rows,
        StructType.fromDDL("measure STRING, council STRING, year INT, numerator BIGINT, denominator BIGINT")));
    compared = result.comparison().collectAsList().stream()
        .collect(Collectors.toMap(r -> r.getInt(1) + " " + r.getString(3), r -> r));
    limits = result.limits().where("year = 2020").orderBy("n").collectAsList();
  }


  /** The smoothed exact limit, worked from commons-math3's binomial quantiles. */
  static double exactLimit(double p0, int n, double p) {
    BinomialDistribution binomial = new BinomialDistribution(n, p0);
    int r = binomial.inverseCumulativeProbability(p);
    double alpha = (binomial.cumulativeProbability(r) - p)
        / (binomial.cumulativeProbability(r) - binomial.cumulativeProbability(r - 1));
    return (r - alpha) / n;
  }

  @Test
  void scotlandIsTheTargetAndEachCouncilIsFlaggedAgainstItsExactLimits() {
    Row b = compared.get("2020 B");
    assertEquals(0.15, b.<Double>getAs("p0"), 1e-12);
    assertEquals(0.15 / Math.sqrt(0.15 * 0.85 / 100), b.<Double>getAs("z_score"), 1e-9);
    assertEquals(exactLimit(0.15, 100, 0.025), b.<Double>getAs("lower_95"), 1e-12);
    assertEquals(exactLimit(0.15, 100, 0.999), b.<Double>getAs("upper_998"), 1e-12);
    assertEquals("above", b.<String>getAs("flag_95"));
    assertEquals("above", b.<String>getAs("flag_998"));
    assertEquals("within", compared.get("2020 A").<String>getAs("flag_95"), "0.10 against a lower limit near 0.08");
    assertEquals("below", compared.get("2020 C").<String>getAs("flag_95"), "0.08 of 200 against a lower limit near 0.10");
    assertEquals(1, b.<Integer>getAs("rank"));
    assertEquals(4, b.<Integer>getAs("councils"), "the council with no children is left out");
    assertTrue(compared.get("2020 D").<Integer>getAs("rank_upper") >= compared.get("2020 D").<Integer>getAs("rank"));
    assertFalse(compared.containsKey("2019 A"), "one council is no comparison");
    assertTrue(compared.get("2021 W0").<Boolean>getAs("latest"));
    assertFalse(b.<Boolean>getAs("latest"));
  }

  @Test
  void theLimitsTableRunsFromOneToTheLargestCouncil() {
    assertEquals(400, limits.size());
    assertEquals(1, limits.get(0).<Integer>getAs("n"));
    Row at100 = limits.get(99);
    assertEquals(compared.get("2020 B").<Double>getAs("lower_95"), at100.<Double>getAs("lower_95"), 0);
    assertEquals(compared.get("2020 B").<Double>getAs("upper_998"), at100.<Double>getAs("upper_998"), 0);
    for (int n : new int[] {1, 7, 50, 333}) {
      Row row = limits.get(n - 1);
      assertEquals(Math.max(0, exactLimit(0.15, n, 0.001)), row.<Double>getAs("lower_998"), 1e-12, "n=" + n);
      assertEquals(Math.min(1, exactLimit(0.15, n, 0.975)), row.<Double>getAs("upper_95"), 1e-12, "n=" + n);
    }
  }

  @Test
  void overdispersedCouncilsAreJudgedAgainstWidenedLimits() {
    double[] shares = new double[10];
    int[] sizes = new int[10];
    for (int i = 0; i < 10; i++) {
      shares[i] = (10 + 10 * i) / 200.0;
      sizes[i] = 200;
    }
    Overdispersion expected = Overdispersion.of(0.275, shares, sizes);
    Row high = compared.get("2021 W9");
    assertEquals(0.275, high.<Double>getAs("p0"), 1e-12);
    assertTrue(high.<Boolean>getAs("overdispersed"));
    assertEquals(expected.phi(), high.<Double>getAs("phi"), 1e-12);
    assertEquals(expected.tau2(), high.<Double>getAs("tau2"), 1e-12);
    assertEquals(FunnelLimits.overdispersed(0.275, 200, 0.998, expected.tau2()).upper(),
        high.<Double>getAs("od_upper_998"), 1e-12);
    assertEquals("above", high.<String>getAs("flag_998"), "0.50 is far outside the exact limits");
    assertEquals("within", high.<String>getAs("flag_998_adjusted"), "but not once the spread between councils is allowed");
  }
}
