package scot.pace.jobs;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import scot.pace.lake.Lake;
import scot.pace.lake.ReadOnlyQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import scot.pace.failure.InputFailure;
import scot.pace.failure.LakeStateFailure;

/** {@code pace sql}: Spark SQL over the lake's tables, each registered by its name; it only reads ({@link ReadOnlyQuery}). */
@Command(
    name = "sql",
    description = "Run Spark SQL against the lake; every table is a view of its own name"
        + " (bronze_children, bronze_episodes, ..., ingest_manifest). Without QUERY, read queries from standard"
        + " input, each ended by ';', and answer each in turn on one Spark session (quit or end of input to stop).")
final class SqlCommand extends PaceCommand {
  enum Format { table, csv, json }

  @Parameters(index = "0", arity = "0..1", paramLabel = "QUERY",
      description = "e.g. \"SELECT _council, count(*) FROM bronze_children GROUP BY 1\"; none: read queries from standard input")
  String query;

  @Option(names = "--format", description = "table (aligned, the default; decimals to 6 places, or 6 significant"
      + " digits below 1), csv (every digit) or json (one object per row, each value in its own type).")
  Format format = Format.table;

  @Option(names = "--limit", paramLabel = "N", description = "At most N rows (default 1000; 0 for all); a result cut"
      + " short says so on standard error.")
  int limit = 1000;

  @Option(names = "--lake", paramLabel = "DIR", description = "The lake (default paths.lake).")
  String lake;

  @Override
  ExitCode run() throws java.io.IOException {
    PaceConfig config = lake == null ? common.load() : common.load().withLake(lake);
    Views views = new Views(config.lake());
    if (views.all.isEmpty()) {
      throw noTables(config);
    }
    // A query given on the command line is checked before Spark starts: a mistyped table, or a
    // statement that would change something, is answered at once.
    java.util.Optional<java.util.Set<String>> named = query == null ? null : views.needed(query);
    SparkSession spark = SparkSessions.start(config.spark(), "pace sql");
    try {
      ReadOnlyQuery.lockDown(spark);
      if (query != null) {
        views.register(spark, named);
        answer(spark, query, views.all);
        return ExitCode.SUCCESS;
      }
      return session(spark, views);
    } finally {
      spark.stop();
    }
  }

  /**
   * The lake's tables as views of their own names, each registered when a query first names it:
   * registering one reads its Delta log, and an analyst's query names two or three of thirty.
   */
  private static final class Views {
    private final Lake lake;
    /** Shared with the warm-up's thread; a table both register at once is registered twice, which is harmless. */
    private final java.util.Set<String> registered = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** Every table of the lake (none when it is not a folder on this machine). */
    final List<String> all;

    Views(Lake lake) {
      this.lake = lake;
      this.all = lake.localTableNames();
    }

    /** The tables {@code text} reads (empty: any), each in the lake; an {@link InputFailure} otherwise. */
    java.util.Optional<java.util.Set<String>> needed(String text) {
      java.util.Optional<java.util.Set<String>> named = ReadOnlyQuery.tablesRead(text);
      List<String> unknown = named.orElse(java.util.Set.of()).stream().filter(t -> !all.contains(t)).toList();
      if (!unknown.isEmpty()) {
        throw new InputFailure("the lake at " + lake.root() + " has no table " + String.join(", ", unknown)
            + " (tables: " + String.join(", ", all) + ")");
      }
      return named;
    }

    void register(SparkSession spark, java.util.Optional<java.util.Set<String>> named) {
      List<String> missing = (named.isPresent() ? List.copyOf(named.get()) : all).stream()
          .filter(t -> !registered.contains(t)).toList();
      lake.registerViews(spark, missing);
      registered.addAll(missing);
    }
  }

  private static LakeStateFailure noTables(PaceConfig config) {
    return new LakeStateFailure("the lake at " + config.lake().root()
        + " has no tables yet; run `pace ingest` or `pace demo` first (or give --lake)");
  }

  /**
   * Queries from standard input, each ended by {@code ;}, answered in turn with its time: a wrong one
   * is said and the next read. Exit 0 when every query was answered, 1 when one was not. While the
   * analyst types, the session warms up ({@link SessionWarmUp}).
   */
  private ExitCode session(SparkSession spark, Views views) throws java.io.IOException {
    List<String> tables = views.all;
    java.io.BufferedReader in = new java.io.BufferedReader(
        new java.io.InputStreamReader(System.in, java.nio.charset.StandardCharsets.UTF_8));
    System.err.println("pace sql: tables " + String.join(", ", tables) + ". End each query with ';'; quit to stop.");
    // Gold tables first: those are what analysts ask of most.
    List<String> order = java.util.stream.Stream.concat(tables.stream().filter(t -> t.startsWith("gold_")),
        tables.stream().filter(t -> !t.startsWith("gold_"))).toList();
    SessionWarmUp warmUp = new SessionWarmUp(spark, order, t -> views.register(spark, java.util.Optional.of(java.util.Set.of(t))));
    try {
      return answerEach(spark, views, in);
    } finally {
      warmUp.stop();
    }
  }

  private ExitCode answerEach(SparkSession spark, Views views, java.io.BufferedReader in) throws java.io.IOException {
    List<String> tables = views.all;
    StringBuilder statement = new StringBuilder();
    boolean failed = false;
    String line;
    System.err.print("pace> ");
    while ((line = in.readLine()) != null) {
      if (statement.length() == 0 && line.trim().equalsIgnoreCase("quit")) {
        break;
      }
      statement.append(line).append('\n');
      String text = statement.toString().trim();
      if (text.endsWith(";")) {
        statement.setLength(0);
        long start = System.nanoTime();
        try {
          String asked = text.substring(0, text.length() - 1);
          views.register(spark, views.needed(asked));
          answer(spark, asked, tables);
          System.err.printf(java.util.Locale.ROOT, "(%.2f s)%n", (System.nanoTime() - start) / 1e9);
        } catch (InputFailure e) {
          failed = true;
          System.err.println("pace sql: " + e.getMessage());
        }
        System.err.print("pace> ");
      }
    }
    System.err.println();
    return failed ? ExitCode.FINDINGS : ExitCode.SUCCESS;
  }

  private void answer(SparkSession spark, String text, List<String> tables) {
    Dataset<Row> result;
    try {
      result = ReadOnlyQuery.of(spark, text);
    } catch (Exception e) {
      // Spark's AnalysisException is checked in Java's eyes but thrown unchecked from Scala.
      if (((Object) e) instanceof org.apache.spark.sql.AnalysisException) {
        throw new InputFailure(e.getMessage().split("\n")[0] + " (tables: " + String.join(", ", tables) + ")");
      }
      throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
    }
    // One row over the limit tells whether the result was cut short.
    List<Row> rows = limit > 0 ? result.limit(limit + 1).collectAsList() : result.collectAsList();
    boolean cut = limit > 0 && rows.size() > limit;
    ResultTable table = new ResultTable(result.columns(), cut ? rows.subList(0, limit) : rows);
    if (format == Format.csv) {
      table.printCsv(out());
    } else if (format == Format.json) {
      table.printJsonLines(out());
    } else {
      table.printAligned(out());
    }
    out().flush();
    if (cut) {
      System.err.printf(java.util.Locale.ROOT, "only the first %,d rows are shown: the result has more (--limit N for"
          + " more, --limit 0 for all)%n", limit);
    }
  }
}
