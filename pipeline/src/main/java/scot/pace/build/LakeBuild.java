package scot.pace.build;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import scot.pace.catalogue.BuildInputs;
import scot.pace.catalogue.BuildScope;
import scot.pace.catalogue.Layer;
import scot.pace.catalogue.Output;
import scot.pace.catalogue.OutputCatalogue;
import scot.pace.council.Councils;
import scot.pace.journey.KeyFingerprint;
import scot.pace.journey.PseudonymKey;
import scot.pace.lake.Lake;
import scot.pace.returns.ReturnFile;

/**
 * {@code pace build}: from the accepted bronze rows (those in quarantine with an error are left
 * out), the silver facts and journeys, then the gold measures: every table the catalogue says the
 * build writes ({@link OutputCatalogue#built}), in its order. Every table is replaced whole in one
 * Delta commit, so a reader sees either the last build or this one, never half of it; what
 * several tables share is computed once ({@link BuildInputs}). After new returns from a few
 * councils, a build can compute only their silver rows ({@link BuildScope}); each silver table's
 * rows of those councils are then replaced in one commit, and gold is built whole as ever.
 */
public final class LakeBuild {
  public static final String COUNCILS = OutputCatalogue.COUNCILS;
  /**
   * Tables built at once. While one table's plan is analysed and its Delta commit written (driver
   * work), another's tasks use the cores: on two cores, the three-council demo's build took 40 s
   * with 3 side by side, against 70 s one at a time.
   */
  static final int SIDE_BY_SIDE = 3;

  private final SparkSession spark;
  private final Lake lake;
  private final PseudonymKey key;
  private final Councils councils;
  private final Consumer<Committed> onCommit;

  /**
   * One table committed by the build: the rows it wrote and the seconds it took (waits for its
   * inputs included).
   *
   * @param replaced whose rows the commit replaced: empty when the table was written whole,
   *     otherwise the councils of a build for some
   */
  public record Committed(String table, long rows, double seconds, List<String> replaced) {
    public Committed {
      replaced = List.copyOf(replaced);
    }
  }

  public LakeBuild(SparkSession spark, Lake lake, PseudonymKey key, Councils councils) {
    this(spark, lake, key, councils, committed -> {});
  }

  /** As above, telling {@code onCommit} of each table as its commit is done, from the thread that wrote it. */
  public LakeBuild(SparkSession spark, Lake lake, PseudonymKey key, Councils councils, Consumer<Committed> onCommit) {
    this.spark = spark;
    this.lake = lake;
    this.key = key;
    this.councils = councils;
    this.onCommit = onCommit;
  }

  /** The bronze tables a build reads. */
  public static List<String> bronzeTables() {
    return java.util.Arrays.stream(ReturnFile.values()).map(ReturnFile::bronzeTable).toList();
  }

  /**
   * Builds every silver and gold table of the catalogue whole and gives the rows written per
   * table, in the catalogue's order. Up to {@link #SIDE_BY_SIDE} tables are computed and committed
   * at once, started in the catalogue's order; a step that reads a table written in this build
   * waits for its commit. The first failure stops the build: tables not yet started are not
   * written, and the failure is thrown once the ones under way have ended.
   */
  public Map<String, Long> run() {
    return run(BuildScope.everything());
  }

  /**
   * As {@link #run()}, computing only the silver rows {@code scope} names: each silver table's
   * rows of those councils are replaced in one commit (Delta's {@code replaceWhere}), the other
   * councils' rows are kept, and every gold table is then built whole from the silver tables.
   * When a silver table is not in the lake yet, every table is built whole. Gives the rows each
   * gold table holds and each silver table holds of those councils.
   */
  public Map<String, Long> run(BuildScope scope) {
    KeyFingerprint.check(lake, key, () -> spark);
    lake.require(spark, bronzeTables(), "pace ingest");
    List<Output> outputs = OutputCatalogue.built();
    BuildScope silver = scope.isEverything() || outputs.stream()
        .anyMatch(o -> o.layer() == Layer.SILVER && !lake.exists(spark, o.table())) ? BuildScope.everything() : scope;
    Map<String, Long> written = new ConcurrentHashMap<>();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    ExecutorService pool = Executors.newFixedThreadPool(SIDE_BY_SIDE);
    try (BuildInputs in = new BuildInputs(spark, lake, key, councils)) {
      outputs.forEach(output -> in.willWrite(output.table()));
      List<Future<?>> steps = new ArrayList<>();
      for (Output output : outputs) {
        steps.add(pool.submit(() -> {
          Throwable error = null;
          try {
            if (failure.get() == null) {
              spark.sparkContext().setJobDescription("build " + output.stage());
              if (output.layer() == Layer.SILVER && !silver.isEverything()) {
                replace(output.step().build(in.within(silver)), output.table(), silver, written);
              } else {
                write(output.step().build(in), output.table(), written);
              }
            } else {
              error = new IllegalStateException("not built: an earlier table failed");
            }
          } catch (Exception | Error e) {
            // Exception: Spark throws its checked SparkException from Scala undeclared.
            failure.compareAndSet(null, e);
            error = e;
          } finally {
            spark.sparkContext().setJobDescription(null);
            in.committed(output.table(), error);
          }
        }));
      }
      for (Future<?> step : steps) {
        await(step);
      }
    } finally {
      pool.shutdownNow();
    }
    if (failure.get() instanceof Error error) {
      throw error;
    } else if (failure.get() instanceof RuntimeException runtime) {
      throw runtime;
    } else if (failure.get() != null) {
      throw new IllegalStateException(failure.get().getMessage(), failure.get());
    }
    KeyFingerprint.record(lake, key, () -> spark);
    Map<String, Long> rows = new LinkedHashMap<>();
    outputs.forEach(output -> rows.put(output.table(), written.get(output.table())));
    return rows;
  }

  private static void await(Future<?> step) {
    try {
      step.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("the build was interrupted", e);
    } catch (ExecutionException e) {
      // Each step records its own failure; the first is thrown by run.
    }
  }

  private void write(Dataset<Row> data, String table, Map<String, Long> rows) {
    long start = System.nanoTime();
    data.write().format("delta").mode("overwrite").option("overwriteSchema", "true").save(lake.table(table));
    // The commit records the rows it wrote; a lake off this machine is counted by reading it back.
    long written = lake.rowsWritten(table).orElseGet(() -> lake.read(spark, table).count());
    rows.put(table, written);
    onCommit.accept(new Committed(table, written, (System.nanoTime() - start) / 1e9, List.of()));
  }

  /** Replaces the rows of {@code scope}'s councils in silver {@code table} with {@code data}, in one commit. */
  private void replace(Dataset<Row> data, String table, BuildScope scope, Map<String, Long> rows) {
    long start = System.nanoTime();
    String predicate = scope.silverPredicate();
    lake.replaceWhere(data, table, predicate);
    // The commit also rewrites the other councils' rows that share a file with these: count these only.
    long written = lake.read(spark, table).where(predicate).count();
    rows.put(table, written);
    onCommit.accept(new Committed(table, written, (System.nanoTime() - start) / 1e9, scope.sortedCouncils()));
  }
}
