package scot.pace.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Date;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The SCRA table on a cohort small enough to work by hand. */
class ScraReplicationTest {
  static SparkSession spark;

  @BeforeAll
  static void start() {
    spark = scot.pace.SharedSpark.session();
  }


  @Test
  void naiveAndEstimatedFiguresOfAWorkedCohort() {
    // Four children followed 2,000 days: home at 100 days, adopted at 800, still waiting, kinship
    // order at 1,500. Within 4 years: two reached permanence, at 100 and 800 days.
    Dataset<Row> outcomes = spark.createDataFrame(List.of(
            RowFactory.create(100, 1, 2000), RowFactory.create(800, 5, 2000), RowFactory.create(2000, 0, 2000),
            RowFactory.create(1500, 2, 2000)),
        StructType.fromDDL("days INT, cause INT, followable_days INT"));
    // Three home orders: ended at 900 and 400 days, one still running at 800 days.
    Dataset<Row> orders = spark.createDataFrame(List.of(
            RowFactory.create(Date.valueOf("2015-01-01"), Date.valueOf("2017-06-20"), Date.valueOf("2017-09-28")),
            RowFactory.create(Date.valueOf("2015-01-01"), Date.valueOf("2016-02-05"), Date.valueOf("2017-09-28")),
            RowFactory.create(Date.valueOf("2015-01-01"), null, Date.valueOf("2017-03-12"))),
        StructType.fromDDL("home_order_start DATE, home_order_end DATE, latest_snapshot DATE"));

    List<Row> table = ScraReplication.table(outcomes, orders, 1461).collectAsList();

    assertEquals(5, table.size());
    Row mean = table.get(0);
    assertEquals(450 / 365.25, mean.getDouble(1), 1e-12, "naive mean of 100 and 800 days");
    assertEquals(450 / 365.25, mean.getDouble(3), 1e-12, "the same without censoring");
    assertEquals(0.25, table.get(1).getDouble(1), 1e-12);
    assertEquals(0.25, table.get(1).getDouble(3), 1e-12);
    assertEquals(0.5, table.get(2).getDouble(1), 1e-12);
    assertEquals(0.5, table.get(2).getDouble(3), 1e-12);
    assertEquals(0.25, table.get(3).getDouble(1), 1e-12);
    assertEquals(0.25, table.get(3).getDouble(3), 1e-12);
    assertEquals(2.0 / 3, table.get(4).getDouble(1), 1e-12, "900 days and the one still running of three");
    assertEquals(2.0 / 3, table.get(4).getDouble(3), 1e-12);
    assertEquals(0.53, table.get(2).getDouble(5), 0, "published beside it");
  }

  @Test
  void withEveryChildFollowedAChildWhoLeftCareMakesNoDifferenceBetweenTheMethods() {
    // Followed 2,000 days each: home at 100 days, left care (to another council) at 300, adopted at
    // 800, still waiting. Over 4 years without permanence: the one who left and the one waiting, 2 of
    // 4. Treating leaving care as censoring would give S(1461) = 0.75 x 0.5 = 37.5%.
    Dataset<Row> outcomes = spark.createDataFrame(List.of(
            RowFactory.create(100, 1, 2000), RowFactory.create(300, 6, 2000), RowFactory.create(800, 5, 2000),
            RowFactory.create(2000, 0, 2000)),
        StructType.fromDDL("days INT, cause INT, followable_days INT"));
    Dataset<Row> noOrders = spark.createDataFrame(List.of(),
        StructType.fromDDL("home_order_start DATE, home_order_end DATE, latest_snapshot DATE"));

    List<Row> table = ScraReplication.table(outcomes, noOrders, 1461).collectAsList();

    Row over4 = table.get(2);
    assertEquals(0.5, over4.getDouble(1), 1e-12, "naive");
    assertEquals(0.5, over4.getDouble(3), 1e-12, "the estimate, leaving care competing");
    assertEquals("every child followed 1461 days: naive and estimate must agree", over4.getString(6));
    assertEquals(0.25, table.get(1).getDouble(3), 1e-12, "within 2 years: the return home only");
  }
}
