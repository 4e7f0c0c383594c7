package scot.pace.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -jar benchmarks/target/pace-bench.jar --scale 1 --scale 10}: for each scale, the
 * synthetic returns generated at that scale, then every stage run from a cold JVM and measured
 * ({@link ProcessMeter}): generate, ingest, build (journeys and measures), charts, a full nightly,
 * a nightly with nothing new, and {@code demo} (all stages in one JVM). Beside them the common work
 * ({@link PeerQuery}): the same journeys and counts by Spark ({@code pace bench-common}) and by
 * DuckDB from the same CSV files, checked equal to the last child, with the time ratio. Results as
 * JSON in {@code benchmarks/results/scale-<n>.json} and a Markdown table on standard output.
 */
@Command(name = "pace-bench", mixinStandardHelpOptions = true,
    description = "Time every stage of the pipeline from a cold JVM at each scale, and the common work against DuckDB.")
public final class Benchmark implements Callable<Integer> {
  static final List<String> ALL_STAGES = List.of("generate", "common", "floor", "ingest", "build", "charts", "nightly",
      "nightly-noop", "nightly-noop-cds", "demo");

  @Option(names = "--scale", description = "Scale of the synthetic returns (1 = Scotland); repeat for several. Default 1.")
  List<Integer> scales = new ArrayList<>(List.of(1));

  @Option(names = "--stages", split = ",", description = "Stages to run, of: ${DEFAULT-VALUE}.")
  List<String> stages = new ArrayList<>(ALL_STAGES);

  @Option(names = "--jar", description = "The jobs jar (default ${DEFAULT-VALUE}).")
  Path jar = Path.of("jobs/target/pace-jobs.jar");

  @Option(names = "--work", description = "Where the returns, lakes and logs go (default ${DEFAULT-VALUE}).")
  Path work = Path.of("benchmarks/work");

  @Option(names = "--results", description = "Where the JSON results go (default ${DEFAULT-VALUE}).")
  Path results = Path.of("benchmarks/results");

  @Option(names = "--defaults", description = "The project's default configuration, for the council codes (default ${DEFAULT-VALUE}).")
  Path defaults = Path.of("conf/pace.yaml");

  @Option(names = "--config", description = "YAML merged over the benchmark's own settings (councils, years, spark).")
  Path config;

  @Option(names = "--heap", description = "Heap of each stage's JVM (default ${DEFAULT-VALUE}): a stage that needs more fails.")
  String heap = "4g";

  @Option(names = "--jvm-option", description = "An option for every stage's JVM, Spark's and DuckDB's alike, repeatable"
      + " (e.g. -XX:+UseSerialGC to try a collector); each stage's command in the results shows it.")
  List<String> jvmOptions = new ArrayList<>();

  @Option(names = "--threads", description = "DuckDB's threads (default: the cores).")
  int threads = Runtime.getRuntime().availableProcessors();

  public static void main(String[] args) {
    System.exit(new CommandLine(new Benchmark()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    if (!Files.isRegularFile(jar)) {
      System.err.println("pace-bench: no jobs jar at " + jar.toAbsolutePath() + "; build it first: mvn -q -B package -DskipTests");
      return 2;
    }
    for (String stage : stages) {
      if (!ALL_STAGES.contains(stage)) {
        System.err.println("pace-bench: --stages " + stage + " is not one of " + ALL_STAGES);
        return 2;
      }
    }
    boolean allGood = true;
    for (int scale : scales) {
      Result result = runScale(scale);
      write(result);
      System.out.println(result.markdown());
      allGood &= result.ok();
    }
    return allGood ? 0 : 1;
  }

  /** Everything measured at one scale. */
  record Result(int scale, Map<String, Object> machine, long rows, List<Measured> stages, Map<String, Object> common,
      Map<String, Object> floor, List<String> problems) {
    boolean ok() {
      return problems.isEmpty();
    }

    String markdown() {
      StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
          "%nScale %d: %,d rows of returns, on %s (%s cores, %s GB)%n%n", scale, rows, machine.get("cpu"),
          machine.get("cores"), machine.get("memoryGb")));
      text.append("| stage | wall s | CPU s | peak RSS MB | rows/s |\n|---|---:|---:|---:|---:|\n");
      for (Measured stage : stages) {
        text.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.0f | %s |%n", stage.stage(), stage.wallSeconds(),
            stage.cpuSeconds(), stage.peakRssMb(), stage.rows() == 0 ? "" : String.format(Locale.ROOT, "%,.0f",
                stage.rowsPerSecond())));
      }
      if (!common.isEmpty()) {
        text.append(String.format(Locale.ROOT, "%nCommon work: Spark %.1f s, DuckDB %.1f s, ratio %.2f; %s%n",
            common.get("sparkSeconds"), common.get("duckdbSeconds"), common.get("ratio"),
            Boolean.TRUE.equals(common.get("equal")) ? "the same " + common.get("counts") + " counts"
                : "THE COUNTS DIFFER"));
      }
      if (!floor.isEmpty()) {
        text.append(String.format(Locale.ROOT, "%nFloor (Spark and Delta alone, in one JVM): start %.1f s; scan of the"
            + " common work's files %.1f s%s; the five files loaded into Delta as they are %.1f s; %.0f small Delta"
            + " tables %.1f s%n", floor.get("start Spark"), floor.get("scan"),
            floor.containsKey("scanToDuckdb") ? String.format(Locale.ROOT, " (%.1f× DuckDB's whole common work)",
                floor.get("scanToDuckdb")) : "",
            floor.get("load"), floor.get("tables"), floor.get("commits")));
      }
      problems.forEach(p -> text.append("PROBLEM: ").append(p).append('\n'));
      return text.toString();
    }
  }

  Result runScale(int scale) throws IOException {
    Path dir = work.resolve("scale-" + scale).toAbsolutePath();
    Path logs = dir.resolve("logs");
    Files.createDirectories(logs);
    Path cfg = writeConfig(dir, scale);
    Map<String, String> env = Map.of("PACE_PSEUDONYM_KEY", "benchmark-pseudonym-key");
    List<Measured> measured = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    Map<String, Object> common = new LinkedHashMap<>();
    Map<String, Object> floor = new LinkedHashMap<>();
    long rows = 0;
    for (String stage : stages) {
      System.out.println("scale " + scale + ": " + stage + " ...");
      if (stage.equals("generate")) {
        deleteRecursively(dir.resolve("returns"));
        deleteRecursively(dir.resolve("lake"));
        deleteRecursively(dir.resolve("out"));
        measured.add(pace(stage, List.of("generate", "--config", cfg.toString()), env, logs, 0));
        rows = returnRows(dir.resolve("returns"));
        measured.set(measured.size() - 1, withRows(measured.get(measured.size() - 1), rows));
      } else if (stage.equals("common")) {
        Path sparkCsv = dir.resolve("common-spark.csv");
        Path duckCsv = dir.resolve("common-duckdb.csv");
        Measured spark = pace("common work: Spark", List.of("bench-common", "--config", cfg.toString(), "--out",
            sparkCsv.toString()), env, logs, rows);
        List<String> peer = new ArrayList<>(List.of(java(), "-Xmx" + heap));
        peer.addAll(jvmOptions);
        peer.addAll(List.of("-cp", System.getProperty("java.class.path"),
            PeerQuery.class.getName(), dir.resolve("returns").toString(), formerCodes(), duckCsv.toString(),
            String.valueOf(threads)));
        Measured duck = ProcessMeter.run("common work: DuckDB", peer, env, logs.resolve("common-duckdb.log"), rows);
        measured.add(spark);
        measured.add(duck);
        boolean equal = spark.exitCode() == 0 && duck.exitCode() == 0
            && Files.readAllLines(sparkCsv).equals(Files.readAllLines(duckCsv));
        common.put("sparkSeconds", spark.wallSeconds());
        common.put("duckdbSeconds", duck.wallSeconds());
        common.put("ratio", duck.wallSeconds() == 0 ? 0 : spark.wallSeconds() / duck.wallSeconds());
        common.put("equal", equal);
        common.put("counts", equal ? Files.readAllLines(sparkCsv).size() - 1 : 0);
        if (!equal) {
          problems.add("the common work differs between Spark and DuckDB: compare " + sparkCsv + " and " + duckCsv
              + " (first difference: " + firstDifference(sparkCsv, duckCsv) + ")");
        }
      } else if (stage.equals("floor")) {
        Path floorCsv = dir.resolve("floor.csv");
        Files.deleteIfExists(floorCsv);
        measured.add(pace("floor: Spark and Delta alone", List.of("bench-floor", "--config", cfg.toString(), "--out",
            floorCsv.toString(), "--scratch", dir.resolve("floor-lake").toString()), env, logs, rows));
        if (Files.isRegularFile(floorCsv)) {
          List<String> lines = Files.readAllLines(floorCsv);
          for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            floor.put(cells[0], Double.parseDouble(cells[1]));
          }
          if (common.get("duckdbSeconds") instanceof Double duck && duck > 0) {
            floor.put("scanToDuckdb", (Double) floor.get("scan") / duck);
          }
        }
      } else if (stage.equals("demo")) {
        deleteRecursively(dir.resolve("demo"));
        measured.add(pace("demo (every stage in one JVM)", List.of("demo", "--config", cfg.toString(), "--workdir",
            dir.resolve("demo").toString()), env, logs, rows));
      } else if (stage.equals("nightly-noop")) {
        measured.add(pace("nightly, nothing new", List.of("nightly", "--config", cfg.toString()), env, logs, 0));
      } else if (stage.equals("nightly-noop-cds")) {
        // As conf/schedule/pace-java runs it: the first run writes the class-data archive, the next use it.
        Path archive = dir.resolve("pace.jsa");
        Files.deleteIfExists(archive);
        List<String> args = List.of("nightly", "--config", cfg.toString());
        measured.add(pace("nightly, nothing new, writing a class-data archive", args, env, logs, 0,
            List.of("-XX:ArchiveClassesAtExit=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off")));
        measured.add(pace("nightly, nothing new, from the class-data archive", args, env, logs, 0,
            List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off")));
      } else {
        String name = stage.equals("build") ? "build (journeys and measures)"
            : stage.equals("nightly") ? "nightly (after the stages: build, charts, export again)" : stage;
        measured.add(pace(name, List.of(stage, "--config", cfg.toString()), env, logs, rows));
      }
      Measured last = measured.get(measured.size() - 1);
      if (last.exitCode() != 0 && last.exitCode() != 1) {
        problems.add(last.stage() + " exited " + last.exitCode() + ": see " + logs);
        break;
      }
    }
    return new Result(scale, machine(), rows, measured, common, floor, problems);
  }

  private Measured pace(String stage, List<String> args, Map<String, String> env, Path logs, long rows) {
    return pace(stage, args, env, logs, rows, List.of());
  }

  private Measured pace(String stage, List<String> args, Map<String, String> env, Path logs, long rows,
      List<String> jvmOptions) {
    List<String> command = new ArrayList<>(List.of(java(), "-Xmx" + heap));
    command.addAll(this.jvmOptions);
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
    command.addAll(args);
    return ProcessMeter.run(stage, command, env,
        logs.resolve(stage.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-") + ".log"), rows);
  }

  private static Measured withRows(Measured m, long rows) {
    return new Measured(m.stage(), m.command(), m.wallSeconds(), m.cpuSeconds(), m.peakRssMb(), rows, m.exitCode());
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private Path writeConfig(Path dir, int scale) throws IOException {
    List<String> lines = new ArrayList<>(List.of(
        "# Written by the benchmark harness for scale " + scale + ".",
        "paths:",
        "  returns: " + dir.resolve("returns"),
        "  truth: " + dir.resolve("truth"),
        "  lake: " + dir.resolve("lake"),
        "  out: " + dir.resolve("out"),
        "generator:",
        "  scale: " + scale));
    Path file = dir.resolve("bench.yaml");
    String text = String.join("\n", lines) + "\n";
    if (config != null) {
      ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
      JsonNode mine = yaml.readTree(text);
      JsonNode theirs = yaml.readTree(config.toFile());
      ((com.fasterxml.jackson.databind.node.ObjectNode) mine).setAll(
          (com.fasterxml.jackson.databind.node.ObjectNode) merge(mine, theirs));
      text = yaml.writeValueAsString(mine);
    }
    Files.writeString(file, text);
    return file;
  }

  private static JsonNode merge(JsonNode base, JsonNode over) {
    if (!base.isObject() || !over.isObject()) {
      return over;
    }
    com.fasterxml.jackson.databind.node.ObjectNode merged = ((com.fasterxml.jackson.databind.node.ObjectNode) base).deepCopy();
    over.fields().forEachRemaining(e -> merged.set(e.getKey(),
        merged.has(e.getKey()) ? merge(merged.get(e.getKey()), e.getValue()) : e.getValue()));
    return merged;
  }

  /** {@code OLD=NEW,...} from the councils of --config, or else of the defaults. */
  String formerCodes() throws IOException {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    JsonNode councils = config != null ? yaml.readTree(config.toFile()).path("councils") : null;
    if (councils == null || councils.isMissingNode() || councils.isEmpty()) {
      councils = yaml.readTree(defaults.toFile()).path("councils");
    }
    List<String> pairs = new ArrayList<>();
    for (JsonNode council : councils) {
      if (council.hasNonNull("formerCode")) {
        pairs.add(council.get("formerCode").asText() + "=" + council.get("code").asText());
      }
    }
    return pairs.isEmpty() ? "-" : String.join(",", pairs);
  }

  static long returnRows(Path returns) throws IOException {
    long rows = 0;
    try (Stream<Path> files = Files.walk(returns)) {
      for (Path csv : files.filter(p -> p.toString().endsWith(".csv")).toList()) {
        try (Stream<String> lines = Files.lines(csv)) {
          rows += lines.count() - 1;
        }
      }
    }
    return rows;
  }

  private static String firstDifference(Path a, Path b) throws IOException {
    List<String> left = Files.readAllLines(a);
    List<String> right = Files.readAllLines(b);
    for (int i = 0; i < Math.min(left.size(), right.size()); i++) {
      if (!left.get(i).equals(right.get(i))) {
        return "line " + (i + 1) + ": Spark " + left.get(i) + ", DuckDB " + right.get(i);
      }
    }
    return left.size() + " lines against " + right.size();
  }

  static Map<String, Object> machine() {
    Map<String, Object> machine = new LinkedHashMap<>();
    machine.put("cores", Runtime.getRuntime().availableProcessors());
    machine.put("cpu", firstValue(Path.of("/proc/cpuinfo"), "model name"));
    String memory = firstValue(Path.of("/proc/meminfo"), "MemTotal");
    machine.put("memoryGb", memory.isEmpty() ? "?" : String.format(Locale.ROOT, "%.1f",
        Long.parseLong(memory.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0));
    machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
    machine.put("java", System.getProperty("java.version"));
    return machine;
  }

  private static String firstValue(Path file, String key) {
    try {
      for (String line : Files.readAllLines(file)) {
        if (line.startsWith(key)) {
          return line.substring(line.indexOf(':') + 1).trim();
        }
      }
    } catch (IOException e) {
      // not Linux: leave it out
    }
    return "";
  }

  private void write(Result result) throws IOException {
    Files.createDirectories(results);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("scale", result.scale());
    json.put("measuredAt", Instant.now().toString());
    json.put("machine", result.machine());
    json.put("returnRows", result.rows());
    json.put("heap", heap);
    List<Map<String, Object>> stageList = new ArrayList<>();
    for (Measured m : result.stages()) {
      Map<String, Object> stage = new LinkedHashMap<>();
      stage.put("stage", m.stage());
      stage.put("wallSeconds", round(m.wallSeconds()));
      stage.put("cpuSeconds", round(m.cpuSeconds()));
      stage.put("peakRssMb", round(m.peakRssMb()));
      stage.put("rows", m.rows());
      stage.put("rowsPerSecond", Math.round(m.rowsPerSecond()));
      stage.put("exitCode", m.exitCode());
      stage.put("command", m.command());
      stageList.add(stage);
    }
    json.put("stages", stageList);
    json.put("commonWork", result.common());
    json.put("floor", result.floor());
    json.put("problems", result.problems());
    Path file = results.resolve("scale-" + result.scale() + ".json");
    Path temp = results.resolve(".scale-" + result.scale() + ".json.tmp");
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(temp.toFile(), json);
    Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    System.out.println("results: " + file.toAbsolutePath());
  }

  private static double round(double value) {
    return Math.round(value * 10) / 10.0;
  }

  private static void deleteRecursively(Path path) {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(path)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + path, e);
    }
  }
}
