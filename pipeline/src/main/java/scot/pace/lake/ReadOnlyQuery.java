package scot.pace.lake;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.FunctionIdentifier;
import org.apache.spark.sql.catalyst.plans.logical.Command;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import scala.jdk.javaapi.CollectionConverters;
import scot.pace.failure.InputFailure;

/**
 * A query an analyst runs on the lake with {@code pace sql}: it may only read. A statement that
 * would change a table or the session (INSERT, DELETE, UPDATE, MERGE, CREATE, DROP, ALTER, SET,
 * CACHE, Delta's RESTORE, VACUUM and OPTIMIZE, a script), a script transform (which runs a shell
 * command), a Java method called by reflection ({@code reflect}, {@code java_method}) and a file
 * read by its path ({@code text.`/etc/passwd`}) are refused before Spark runs anything. SHOW,
 * DESCRIBE and EXPLAIN are allowed.
 */
public final class ReadOnlyQuery {
  static final List<String> REFLECTION = List.of("reflect", "java_method", "try_reflect");
  private static final Pattern CHANGES = Pattern.compile(
      ".*(Insert|Delete|Update|Merge|Create|Drop|Alter|Replace|Truncate|Restore|Vacuum|Optimize|Cache|Refresh|"
          + "Compound|Call|Execute|Variable|Clone|Reorg|Repair|Load|Statement|Transformation).*");
  private static final Pattern LOOKS = Pattern.compile("(Show|Describe|Explain).*");

  private ReadOnlyQuery() {}

  /**
   * Takes from {@code spark} the functions that call Java by reflection, and the reading of files
   * by path and SQL scripts; for a session that only answers analysts' queries.
   */
  public static void lockDown(SparkSession spark) {
    spark.conf().set("spark.sql.runSQLOnFiles", "false");
    spark.conf().set("spark.sql.scripting.enabled", "false");
    for (String name : REFLECTION) {
      spark.sessionState().functionRegistry().dropFunction(new FunctionIdentifier(name));
    }
  }

  /** The answer to {@code text}, not yet computed; an {@link InputFailure} if it would change anything. */
  public static Dataset<Row> of(SparkSession spark, String text) {
    refuseChanges(parse(spark.sessionState().sqlParser(), text, "query"));
    return spark.sql(text);
  }

  /**
   * Whether {@code text} is a statement that would change something (what {@link #of} refuses for
   * that reason); an {@link InputFailure} if it does not parse.
   */
  public static boolean changes(SparkSession spark, String text) {
    return refusal(parse(spark.sessionState().sqlParser(), text, "statement")) != null;
  }

  private static LogicalPlan parse(org.apache.spark.sql.catalyst.parser.ParserInterface parser, String text,
      String what) {
    try {
      return parser.parsePlan(text);
    } catch (org.apache.spark.sql.catalyst.parser.ParseException e) {
      throw new InputFailure("the " + what + " does not parse: " + e.getMessage().split("\n")[0], e);
    }
  }

  private static void refuseChanges(LogicalPlan plan) {
    String refused = refusal(plan);
    if (refused != null) {
      throw new InputFailure("pace sql only reads the lake; this query " + refused
          + ". Ask for what you want to see with SELECT.");
    }
  }

  /**
   * The tables {@code text} reads, by name in lower case, found without Spark running (so that a
   * mistyped table is answered at once, and only the tables named need registering): empty when
   * the statement does not say which (SHOW TABLES, DESCRIBE, EXPLAIN), so that every table may be
   * needed. Names its WITH clauses define are not tables. An {@link InputFailure}, before Spark
   * starts, if it does not parse or would change anything (as {@link #of}).
   */
  public static java.util.Optional<java.util.Set<String>> tablesRead(String text) {
    LogicalPlan plan = parse(PARSER, text, "query");
    refuseChanges(plan);
    if (LOOKS.matcher(plan.getClass().getSimpleName()).matches()) {
      return java.util.Optional.empty();
    }
    java.util.Set<String> tables = new java.util.TreeSet<>();
    java.util.Set<String> defined = new java.util.HashSet<>();
    Deque<LogicalPlan> pending = new ArrayDeque<>(List.of(plan));
    while (!pending.isEmpty()) {
      LogicalPlan node = pending.pop();
      if (node instanceof org.apache.spark.sql.catalyst.analysis.UnresolvedRelation relation) {
        tables.add(String.join(".", CollectionConverters.asJava(relation.multipartIdentifier()))
            .toLowerCase(java.util.Locale.ROOT));
      }
      if (node instanceof org.apache.spark.sql.catalyst.plans.logical.UnresolvedWith with) {
        CollectionConverters.asJava(with.cteRelations())
            .forEach(cte -> defined.add(cte._1().toLowerCase(java.util.Locale.ROOT)));
      }
      pending.addAll(CollectionConverters.asJava(node.children()));
      pending.addAll(CollectionConverters.asJava(node.subqueries()));
      for (Object inner : CollectionConverters.asJava(node.innerChildren())) {
        if (inner instanceof LogicalPlan innerPlan) {
          pending.add(innerPlan);
        }
      }
    }
    tables.removeAll(defined);
    return java.util.Optional.of(tables);
  }

  /** Spark's parser with Delta's statements, as a session has it, for parsing before a session starts. */
  private static final org.apache.spark.sql.catalyst.parser.ParserInterface PARSER =
      new io.delta.sql.parser.DeltaSqlParser(new org.apache.spark.sql.execution.SparkSqlParser());

  /** Why the parsed {@code plan} is refused, or null if it only reads. */
  static String refusal(LogicalPlan plan) {
    if (LOOKS.matcher(plan.getClass().getSimpleName()).matches()) {
      return null;
    }
    Deque<LogicalPlan> pending = new ArrayDeque<>(List.of(plan));
    while (!pending.isEmpty()) {
      LogicalPlan node = pending.pop();
      String name = node.getClass().getSimpleName();
      if (node instanceof Command || CHANGES.matcher(name).matches()) {
        return "is a statement (" + name + "), not a query";
      }
      pending.addAll(CollectionConverters.asJava(node.children()));
    }
    return null;
  }
}
