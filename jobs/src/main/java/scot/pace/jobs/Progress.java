package scot.pace.jobs;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The run's own progress, one line per stage with its wall time, on standard output; Spark's
 * logging stays on standard error and at warnings unless {@code -v}.
 */
public final class Progress {
  /**
   * One finished stage: what it did in words, and as numbers ({@code figures}, keyed {@code
   * <stage>.<what>}, such as {@code ingest.rows_loaded}) for the run log.
   */
  public record Stage(String name, Duration took, String result, Map<String, Double> figures) {}

  private final PrintStream out;
  private final long started = System.nanoTime();
  private final List<Stage> stages = new ArrayList<>();
  private String running;

  public Progress(PrintStream out) {
    this.out = out;
  }

  /** Runs a stage, then prints its name, what it did and how long it took. */
  public <T> T stage(String name, StageWork<T> work, java.util.function.Function<T, String> describe) {
    return stage(name, work, describe, result -> Map.of());
  }

  /** As {@link #stage(String, StageWork, Function)}, keeping what the stage did as numbers too. */
  public <T> T stage(String name, StageWork<T> work, Function<T, String> describe,
      Function<T, Map<String, ? extends Number>> figures) {
    long start = System.nanoTime();
    out.printf(Locale.ROOT, "[%7.1fs] %s ...%n", seconds(started, start), name);
    out.flush();
    running = name;
    T result = work.run();
    running = null;
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    String text = describe.apply(result);
    Map<String, Double> numbers = new TreeMap<>();
    figures.apply(result).forEach((key, value) -> numbers.put(key, value.doubleValue()));
    stages.add(new Stage(name, took, text, Map.copyOf(numbers)));
    out.printf(Locale.ROOT, "[%7.1fs] %s done in %.1f s: %s%n", seconds(started, System.nanoTime()), name,
        took.toNanos() / 1e9, text);
    out.flush();
    return result;
  }

  /** A step within the running stage, as it ends: indented under the stage, with the run's clock. */
  public synchronized void step(String text) {
    out.printf(Locale.ROOT, "[%7.1fs]   %s%n", seconds(started, System.nanoTime()), text);
    out.flush();
  }

  public synchronized void say(String line) {
    out.println(line);
    out.flush();
  }

  /** The stage started and not finished (the one that failed, after a failure), or null. */
  public String running() {
    return running;
  }

  public List<Stage> stages() {
    return List.copyOf(stages);
  }

  /** Every finished stage's figures together, for the run log. */
  public Map<String, Double> figures() {
    Map<String, Double> all = new TreeMap<>();
    stages.forEach(stage -> all.putAll(stage.figures()));
    return all;
  }

  public Duration elapsed() {
    return Duration.ofNanos(System.nanoTime() - started);
  }

  public void summary() {
    out.println();
    out.println("stage                          seconds");
    for (Stage stage : stages) {
      out.printf(Locale.ROOT, "%-30s %7.1f%n", stage.name(), stage.took().toNanos() / 1e9);
    }
    out.printf(Locale.ROOT, "%-30s %7.1f%n", "total, from JVM start",
        ManagementFactory.getRuntimeMXBean().getUptime() / 1e3);
    out.flush();
  }

  private static double seconds(long from, long to) {
    return (to - from) / 1e9;
  }

  /** A stage's work. */
  @FunctionalInterface
  public interface StageWork<T> {
    T run();
  }
}
