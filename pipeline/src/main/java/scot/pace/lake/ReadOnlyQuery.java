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
    String refused = refusal(parse(spark, text, "query"));
    if (refused != null) {
      throw new InputFailure("pace sql only reads the lake; this query " + refused
          + ". Ask for what you want to see with SELECT.");
    }
    return spark.sql(text);
  }

  /**
   * Whether {@code text} is a statement that would change something (what {@link #of} refuses for
   * that reason); an {@link InputFailure} if it does not parse.
   */
  public static boolean changes(SparkSession spark, String text) {
    return refusal(parse(spark, text, "statement")) != null;
  }

  private static LogicalPlan parse(SparkSession spark, String text, String what) {
    try {
      return spark.sessionState().sqlParser().parsePlan(text);
    } catch (org.apache.spark.sql.catalyst.parser.ParseException e) {
      throw new InputFailure("the " + what + " does not parse: " + e.getMessage().split("\n")[0], e);
    }
  }

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
