package scot.pace.jobs;

import java.util.List;
import java.util.function.Consumer;
import org.apache.spark.sql.SparkSession;

/**
 * What an interactive {@code pace sql} session does while the analyst types: one small query of
 * the shape analysts ask most (a count per group, sorted, the top few), so that Spark's code
 * generator and the JIT have compiled their own code before the first real query, then each table
 * not yet named registered in turn (its Delta log read). A query then pays only for its own plan.
 * It runs on one daemon thread in a job group of its own, and {@link #stop} cancels it.
 */
final class SessionWarmUp {
  private static final String GROUP = "pace sql warm-up";
  private final SparkSession spark;
  private final Thread thread;

  /**
   * Starts warming: {@code tables} in the order to register them (the one a warm-up query reads
   * first), each handed to {@code register}, which must be safe to call beside the session's own
   * queries.
   */
  SessionWarmUp(SparkSession spark, List<String> tables, Consumer<String> register) {
    this.spark = spark;
    this.thread = new Thread(() -> warm(tables, register), GROUP);
    thread.setDaemon(true);
    thread.start();
  }

  private void warm(List<String> tables, Consumer<String> register) {
    try {
      spark.sparkContext().setJobGroup(GROUP, GROUP, true);
      if (!tables.isEmpty()) {
        String first = tables.get(0);
        register.accept(first);
        String column = spark.table(first).columns()[0];
        spark.sql("SELECT `" + column + "`, count(*) AS n FROM `" + first + "` GROUP BY 1 ORDER BY 2 DESC LIMIT 3")
            .collectAsList();
      }
      for (String table : tables.subList(Math.min(1, tables.size()), tables.size())) {
        if (Thread.currentThread().isInterrupted()) {
          return;
        }
        register.accept(table);
      }
    } catch (Exception e) {
      // Nothing to report: the warm-up stops at a table it cannot read, whose error a query naming it shows.
    }
  }

  /** Stops warming: its Spark jobs are cancelled, and the table it is reading, if any, finished before Spark stops. */
  void stop() {
    thread.interrupt();
    // Job by job: cancelling a group with no job running makes Spark print a warning.
    var tracker = spark.sparkContext().statusTracker();
    for (int job : tracker.getJobIdsForGroup(GROUP)) {
      var info = tracker.getJobInfo(job);
      if (info.isDefined() && info.get().status() == org.apache.spark.JobExecutionStatus.RUNNING) {
        spark.sparkContext().cancelJob(job);
      }
    }
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
