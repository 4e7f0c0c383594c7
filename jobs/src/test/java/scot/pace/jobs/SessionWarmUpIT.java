package scot.pace.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import scot.pace.lake.LakeSession;

/** What an interactive {@code pace sql} session does while the analyst types, and that it stops when asked. */
class SessionWarmUpIT {
  static SparkSession spark;

  @BeforeAll
  static void start() {
    spark = LakeSession.local("local[2]", "warm-up test", 1, false);
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  /** Registers a table as the session would, recording the order. */
  static void register(String table, List<String> registered) {
    spark.range(5).selectExpr("id % 2 AS council", "id").createOrReplaceTempView(table);
    registered.add(table);
  }

  @Test
  void itRunsOneQueryThenRegistersEveryTableInTurn() throws Exception {
    List<String> registered = Collections.synchronizedList(new ArrayList<>());
    SessionWarmUp warmUp = new SessionWarmUp(spark, List.of("gold_a", "gold_b", "silver_c"), t -> register(t, registered));
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (!registered.contains("silver_c") && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    warmUp.stop();
    assertEquals(List.of("gold_a", "gold_b", "silver_c"), registered.stream().distinct().toList());
    assertTrue(spark.sparkContext().statusTracker().getJobIdsForGroup("pace sql warm-up").length > 0,
        "the warm-up query ran as a Spark job of its own group");
  }

  @Test
  void stopEndsItBeforeTheRestIsRead() throws Exception {
    List<String> registered = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch reading = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    SessionWarmUp warmUp = new SessionWarmUp(spark, List.of("gold_a", "gold_b", "silver_c"), t -> {
      if (t.equals("gold_b")) {
        reading.countDown();
        try {
          release.await(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      register(t, registered);
    });
    assertTrue(reading.await(2, TimeUnit.MINUTES), "the warm-up reached its second table");
    warmUp.stop();
    release.countDown();
    Thread.sleep(1_000);
    assertTrue(registered.contains("gold_a") && !registered.contains("silver_c"),
        "the tables after the one under way are not read: " + registered);
  }
}
