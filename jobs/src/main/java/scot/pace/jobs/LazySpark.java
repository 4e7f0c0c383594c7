package scot.pace.jobs;

import java.util.function.Supplier;
import org.apache.spark.sql.SparkSession;

/**
 * A run's Spark session, started the first time a stage asks for it, as the stage "start Spark"
 * (inside the stage that asked, whose time includes it). A night with nothing new asks for none:
 * its checks read the lake's memos and its run-log row is appended with Delta Kernel.
 */
final class LazySpark implements Supplier<SparkSession> {
  private final Progress progress;
  private final PaceConfig config;
  private final String command;
  private SparkSession session;

  LazySpark(Progress progress, PaceConfig config, String command) {
    this.progress = progress;
    this.config = config;
    this.command = command;
  }

  @Override
  public synchronized SparkSession get() {
    if (session == null) {
      session = progress.stage("start Spark", () -> SparkSessions.start(config.spark(), command),
          SparkSessions::started);
    }
    return session;
  }

  synchronized void stop() {
    if (session != null) {
      session.stop();
    }
  }
}
