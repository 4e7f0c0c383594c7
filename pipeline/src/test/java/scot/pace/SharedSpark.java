package scot.pace;

import org.apache.spark.sql.SparkSession;
import scot.pace.lake.LakeSession;

/**
 * The one Spark session of a test JVM: local[2], two shuffle partitions, Delta, adaptive query
 * execution off (small inputs), as every test class of this module uses. Started by the first class that asks, stopped when the JVM ends;
 * no test stops it, so the classes run in any order.
 */
public final class SharedSpark {
  private static SparkSession session;

  private SharedSpark() {}

  public static synchronized SparkSession session() {
    if (session == null) {
      session = LakeSession.local("local[2]", "pace tests", 2, false);
      SparkSession started = session;
      Runtime.getRuntime().addShutdownHook(new Thread(started::stop));
    }
    return session;
  }
}
