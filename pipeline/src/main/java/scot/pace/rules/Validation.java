package scot.pace.rules;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import scot.pace.lake.Lineage;
import scot.pace.returns.ReturnFile;

/**
 * Runs the rule catalogue over a batch of returns as Spark expressions over whole files (no row
 * is looked at in the driver). Gives one row per broken rule per row, with the rule, severity,
 * message and the row as it arrived; results are reported, not thrown. Conditions read the values
 * as {@link WrittenValue} read them; messages show them quoted, with invisible characters made visible
 * ({@link ShownValue}), and dates as dates.
 */
public final class Validation {
  public static final String QUARANTINE = "quarantine";

  /** The violations table's schema. */
  public static final StructType SCHEMA = StructType.fromDDL(
      Lineage.RETURN_KEY + " STRING, " + Lineage.COUNCIL + " STRING, " + Lineage.COLLECTION_YEAR + " INT, file STRING, "
          + Lineage.SOURCE_FILE + " STRING, " + Lineage.ROW_NUMBER + " BIGINT, rule_id STRING, severity STRING,"
          + " message STRING, raw_row STRING, " + Lineage.RUN_ID + " STRING");

  private final ReturnContext context;
  private final List<Rule> rules;

  public Validation(Map<String, String> formerToCurrent) {
    this(formerToCurrent, RuleCatalogue.all());
  }

  public Validation(Map<String, String> formerToCurrent, List<Rule> rules) {
    this.context = new ReturnContext(formerToCurrent);
    this.rules = List.copyOf(rules);
  }

  /**
   * Every violation in the batch, all files together (schema {@link #SCHEMA}): {@link #own}, and
   * the rows {@link #takenWith} the children and episodes it sets aside. The first pass runs here,
   * once, and is kept for the second (checkpointed: persisted, the second's plans carried the
   * first's whole plan, which Spark matched against its cache again and again; a test night of
   * seven returns with errors took 78 s to ingest instead of 40).
   */
  public Dataset<Row> violations(Map<ReturnFile, Dataset<Row>> batch) {
    Dataset<Row> own = own(batch).localCheckpoint(true);
    return own.unionByName(takenWith(batch, own));
  }

  /** The first pass: each row against the rules that read it and its return (not {@link #followsASetAside}). */
  private Dataset<Row> own(Map<ReturnFile, Dataset<Row>> batch) {
    Map<ReturnFile, Dataset<Row>> enriched = context.enrich(batch);
    Dataset<Row> all = null;
    for (ReturnFile file : ReturnFile.values()) {
      Dataset<Row> part = violations(file, enriched.get(file), false);
      all = all == null ? part : all.unionByName(part);
    }
    return all;
  }

  /**
   * The second pass, over the first's violations ({@code own}, kept): a child all of whose rows in its return broke an error rule takes its episodes with it,
   * and an episode all of whose rows did, for its own errors or its child's, its placements, legal
   * reasons and milestones, so that none of them is loaded as an orphan (a journey with no date of
   * birth). When no child or episode row broke an error rule (a clean night), nothing is computed.
   */
  private Dataset<Row> takenWith(Map<ReturnFile, Dataset<Row>> batch, Dataset<Row> own) {
    Dataset<Row> childOrEpisodeErrors = own.where(col("severity").equalTo(Severity.ERROR.name())
        .and(col("file").isin(ReturnFile.CHILDREN.fileName(), ReturnFile.EPISODES.fileName())));
    if (childOrEpisodeErrors.isEmpty()) {
      return own.sparkSession().createDataFrame(List.of(), SCHEMA);
    }
    // Who is set aside needs only the rows' keys: no joins or windows of the first pass again.
    Map<ReturnFile, Dataset<Row>> enriched = new EnumMap<>(ReturnFile.class);
    batch.forEach((file, rows) -> enriched.put(file, context.common(file, rows)));
    String[] child = {Lineage.RETURN_KEY, "child_id"};
    String[] episode = {Lineage.RETURN_KEY, "child_id", "episode_id"};
    Dataset<Row> childrenAside = setAside(enriched.get(ReturnFile.CHILDREN),
        own.where(col("file").equalTo(ReturnFile.CHILDREN.fileName())), child, ReturnContext.CHILD_SET_ASIDE);
    Dataset<Row> episodesTaken = violations(ReturnFile.EPISODES,
        flagged(enriched.get(ReturnFile.EPISODES), childrenAside, child, ReturnContext.CHILD_SET_ASIDE), true);
    Dataset<Row> episodesAside = setAside(enriched.get(ReturnFile.EPISODES),
        own.where(col("file").equalTo(ReturnFile.EPISODES.fileName())).unionByName(episodesTaken), episode,
        ReturnContext.EPISODE_SET_ASIDE);
    Dataset<Row> all = episodesTaken;
    for (ReturnFile file : List.of(ReturnFile.PLACEMENTS, ReturnFile.LEGAL_REASONS, ReturnFile.PERMANENCE)) {
      all = all.unionByName(violations(file, flagged(enriched.get(file), episodesAside, episode,
          ReturnContext.EPISODE_SET_ASIDE), true));
    }
    return all;
  }

  /** Whether a rule is of the second pass: it reads whether the row's child or episode was set aside. */
  public static boolean followsASetAside(Rule rule) {
    return rule.condition().contains(ReturnContext.CHILD_SET_ASIDE)
        || rule.condition().contains(ReturnContext.EPISODE_SET_ASIDE);
  }

  /** The keys (a child, or an episode) whose every row in {@code rows} broke an error rule, flagged. */
  private static Dataset<Row> setAside(Dataset<Row> rows, Dataset<Row> violations, String[] keys, String flag) {
    Dataset<Row> broken = violations.where(col("severity").equalTo(Severity.ERROR.name()))
        .select(Lineage.RETURN_KEY, Lineage.ROW_NUMBER).distinct().withColumn("_broken", lit(true));
    String notNull = java.util.Arrays.stream(keys).map(k -> k + " IS NOT NULL").collect(Collectors.joining(" AND "));
    List<Column> keyColumns = java.util.Arrays.stream(keys).map(org.apache.spark.sql.functions::col).toList();
    return rows.where(notNull)
        .join(broken, new String[] {Lineage.RETURN_KEY, Lineage.ROW_NUMBER}, "left")
        .groupBy(keyColumns.toArray(Column[]::new))
        .agg(expr("bool_and(coalesce(_broken, false))").as(flag))
        .where(col(flag));
  }

  private static Dataset<Row> flagged(Dataset<Row> rows, Dataset<Row> aside, String[] keys, String flag) {
    return rows.join(aside, keys, "left").withColumn(flag, expr("coalesce(" + flag + ", false)"));
  }

  private Dataset<Row> violations(ReturnFile file, Dataset<Row> rows, boolean secondPass) {
    List<Rule> fileRules = rules.stream()
        .filter(rule -> rule.file() == file && followsASetAside(rule) == secondPass).toList();
    if (fileRules.isEmpty()) {
      return rows.sparkSession().createDataFrame(List.of(), SCHEMA);
    }
    List<String> checks = new ArrayList<>();
    StringBuilder messages = new StringBuilder("CASE _rule_id");
    StringBuilder severities = new StringBuilder("CASE _rule_id");
    for (Rule rule : fileRules) {
      checks.add("IF(coalesce(" + rule.condition() + ", false), '" + rule.id() + "', NULL)");
      messages.append(" WHEN '").append(rule.id()).append("' THEN ").append(rule.message());
      severities.append(" WHEN '").append(rule.id()).append("' THEN '").append(rule.severity()).append('\'');
    }
    // Conditions read the values as read; messages show them to people.
    Dataset<Row> broken = rows
        .withColumn("_broken", expr("filter(array(" + String.join(", ", checks) + "), v -> v IS NOT NULL)"))
        .where("size(_broken) > 0")
        .withColumn("_rule_id", expr("explode(_broken)"))
        .withColumn("_raw_row", expr("coalesce(" + WrittenValue.AS_WRITTEN + ", " + WrittenValue.asJson(file) + ")"));
    Map<String, Column> shown = new java.util.LinkedHashMap<>();
    file.columns().forEach(column -> shown.put(column, expr(ShownValue.of(column))));
    List<String> present = List.of(broken.columns());
    ReturnContext.DATES.stream().filter(present::contains)
        .forEach(column -> shown.put(column, col(column).cast("string")));
    broken = broken.withColumns(shown);
    return broken.select(
        col(Lineage.RETURN_KEY), col(Lineage.COUNCIL), col(Lineage.COLLECTION_YEAR), lit(file.fileName()).as("file"),
        col(Lineage.SOURCE_FILE), col(Lineage.ROW_NUMBER), col("_rule_id").as("rule_id"),
        expr(severities + " END").as("severity"), expr(messages + " END").as("message"),
        col("_raw_row").as("raw_row"), col(Lineage.RUN_ID));
  }

  /** The rows of {@code file} in {@code bronze} that break no error rule. */
  public static Dataset<Row> accepted(Dataset<Row> bronze, ReturnFile file, Dataset<Row> quarantine) {
    Dataset<Row> errors = quarantine
        .where(col("file").equalTo(file.fileName()).and(col("severity").equalTo(Severity.ERROR.name())))
        .select(Lineage.RETURN_KEY, Lineage.ROW_NUMBER).distinct();
    return bronze.join(errors, new String[] {Lineage.RETURN_KEY, Lineage.ROW_NUMBER}, "left_anti");
  }

  /** One batch per file kind, the input {@link #violations} takes. */
  public static Map<ReturnFile, Dataset<Row>> batch(java.util.function.Function<ReturnFile, Dataset<Row>> read) {
    Map<ReturnFile, Dataset<Row>> batch = new EnumMap<>(ReturnFile.class);
    for (ReturnFile file : ReturnFile.values()) {
      batch.put(file, read.apply(file));
    }
    return batch;
  }
}
