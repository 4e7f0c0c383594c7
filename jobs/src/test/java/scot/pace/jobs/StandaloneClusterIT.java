package scot.pace.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scot.pace.lake.Lake;
import scot.pace.lake.LakeSession;

/**
 * The build on a real Spark cluster: a standalone master and one worker started on 127.0.0.1 from
 * the Spark jars Maven already has (as a {@code SPARK_HOME} whose {@code jars} folder links to
 * them), {@code pace build} run against it from the built jar on a copy of the shared three-council
 * demo, and every silver and gold table compared with the demo's own {@code local[2]} run. The
 * build is the work a cluster is for (the journeys, the pseudonymised keys, the measures, every
 * Delta write from the executors); the ingest and the charts run in every other integration test.
 * The jar runs as shipped, with Spark's generated code, where the test JVMs evaluate expressions
 * without it: the two ways must agree. Both cluster processes are stopped whatever happens.
 */
class StandaloneClusterIT {
  /**
   * The quick JIT only, with room for its code, and the serial collector: these short runs of the
   * jar spend less CPU compiling and collecting (the test JVMs' own settings, pom.xml).
   */
  static final List<String> QUICK_JVM = List.of("-XX:TieredStopAtLevel=1", "-XX:ReservedCodeCacheSize=256m",
      "-XX:+UseSerialGC");

  @TempDir Path dir;
  final List<Process> processes = new ArrayList<>();

  @Test
  void theBuildOnAStandaloneClusterWritesWhatALocalRunWrites() throws Exception {
    Path jar = ShippedJar.JAR;
    assertTrue(Files.isRegularFile(jar), "run after the package phase: " + jar);
    Path sparkHome = sparkHome();
    int masterPort = freePort();
    try {
      Process master = start("master", sparkHome, "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1",
          "--port", String.valueOf(masterPort), "--webui-port", String.valueOf(freePort()));
      waitForPort(masterPort, master);
      start("worker", sparkHome, "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1", "--cores", "2",
          "--memory", "2g", "--webui-port", String.valueOf(freePort()), "spark://127.0.0.1:" + masterPort);

      // The local run to compare with is the three-council demo the other integration tests share.
      ThreeCouncilDemo demo = ThreeCouncilDemo.get();
      assertEquals(0, demo.result.exitCode(), demo.result.err());
      // A copy of the demo's work folder, its silver and gold tables built again on the cluster
      // from the same bronze rows: every one must equal the local run's.
      Path work = dir.resolve("cluster-work");
      Path config = demo.copy(work);
      String cluster = finish(start(jar, "build", "--config", config.toString(), "--master",
          "spark://127.0.0.1:" + masterPort));
      assertTrue(cluster.contains("on spark://127.0.0.1:" + masterPort), cluster);
      assertTrue(cluster.contains("build silver and gold done in"), cluster);
      assertTrue(demo.result.out().contains("on local[2]"), demo.result.out());
      compareGold(demo.workDir.resolve("lake"), work.resolve("lake"));
    } finally {
      for (Process process : processes) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
      }
    }
  }

  /** A SPARK_HOME whose jars folder links to every jar this test runs with (Spark, Delta, and the rest). */
  Path sparkHome() throws IOException {
    Path jars = Files.createDirectories(dir.resolve("spark-home/jars"));
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path path = Path.of(entry);
      if (entry.endsWith(".jar") && Files.isRegularFile(path) && !path.getFileName().toString().startsWith("pace-")) {
        Path link = jars.resolve(path.getFileName());
        if (!Files.exists(link)) {
          Files.createSymbolicLink(link, path.toAbsolutePath());
        }
      }
    }
    return dir.resolve("spark-home");
  }

  Process start(String name, Path sparkHome, String mainClass, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(java(), "-Xmx1g"));
    command.addAll(QUICK_JVM);
    command.addAll(List.of(System.getProperty("pace.jvm.options", "").split("\\s+")).stream()
        .filter(s -> !s.isBlank()).toList());
    command.addAll(List.of("-cp", sparkHome.resolve("jars") + File.separator + "*", mainClass));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectErrorStream(true).redirectOutput(dir.resolve(name + ".log").toFile());
    Map<String, String> env = builder.environment();
    env.put("SPARK_HOME", sparkHome.toString());
    env.put("SPARK_SCALA_VERSION", "2.13");
    env.put("SPARK_LOCAL_IP", "127.0.0.1");
    env.put("SPARK_WORKER_DIR", dir.resolve("work-" + name).toString());
    Process process = builder.start();
    processes.add(process);
    return process;
  }

  record Started(Process process, Path log, List<String> args) {}

  Started start(Path jar, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(java(), "-Xmx2g"));
    command.addAll(QUICK_JVM);
    // The executors run the same many small tasks: the same JIT settings.
    command.addAll(List.of("-Dspark.driver.host=127.0.0.1", "-Dspark.driver.bindAddress=127.0.0.1",
        "-Dspark.executor.extraJavaOptions=" + String.join(" ", QUICK_JVM), "-jar", jar.toString()));
    command.addAll(List.of(args));
    Path log = dir.resolve("run-" + System.nanoTime() + ".log");
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    // The demo's own key (public, for synthetic data): the same child keys as the demo's tables.
    builder.environment().put("PACE_PSEUDONYM_KEY", "pace-demo-key-synthetic-data-only");
    builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    Process process = builder.start();
    processes.add(process);
    return new Started(process, log, List.of(args));
  }

  String finish(Started started) throws Exception {
    Process process = started.process();
    Path log = started.log();
    assertTrue(process.waitFor(15, TimeUnit.MINUTES), "pace " + started.args() + " did not finish: "
        + Files.readString(log));
    String output = Files.readString(log);
    assertEquals(0, process.exitValue(), "pace " + String.join(" ", started.args()) + ":\n" + output
        + "\nworker log:\n"
        + (Files.exists(dir.resolve("worker.log")) ? Files.readString(dir.resolve("worker.log")) : ""));
    return output;
  }

  static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  static void waitForPort(int port, Process process) throws Exception {
    for (int i = 0; i < 120; i++) {
      try (Socket ignored = new Socket("127.0.0.1", port)) {
        return;
      } catch (IOException notYet) {
        assertTrue(process.isAlive(), "the master stopped");
        Thread.sleep(500);
      }
    }
    throw new AssertionError("the master did not open port " + port);
  }

  /** Every gold table equal, doubles to 9 decimal places (sums may add in another order on a cluster). */
  static void compareGold(Path localLake, Path clusterLake) {
    SparkSession spark = LakeSession.local("local[2]", "compare", 2);
    try {
      Lake local = Lake.at(localLake);
      Lake cluster = Lake.at(clusterLake);
      List<String> tables = local.localTableNames().stream().filter(t -> t.startsWith("gold_") || t.startsWith("silver_"))
          .toList();
      assertTrue(tables.size() > 15, tables.toString());
      assertEquals(tables, cluster.localTableNames().stream()
          .filter(t -> t.startsWith("gold_") || t.startsWith("silver_")).toList());
      for (String table : tables) {
        SameRows.assertSameRows(rounded(local.read(spark, table)), rounded(cluster.read(spark, table)), table);
      }
    } finally {
      spark.stop();
    }
  }

  static Dataset<Row> rounded(Dataset<Row> table) {
    for (StructField field : table.schema().fields()) {
      if (field.dataType().equals(DataTypes.DoubleType)) {
        table = table.withColumn(field.name(), functions.round(table.col(field.name()), 9));
      }
    }
    return table;
  }
}
