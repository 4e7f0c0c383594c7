package scot.pace.rules;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import scot.pace.lake.Lineage;
import scot.pace.returns.ReturnFile;

/**
 * Adds to every row of a batch of returns the context its rules read: typed dates (empty when the
 * text is not a {@code YYYY-MM-DD} date), the folder's snapshot and year start, the council its
 * {@code la_code} stands for, and, by joins and windows over the whole return, the row's child,
 * episode, neighbours and duplicates. Everything is a Spark expression; nothing runs row by row in
 * the driver.
 */
public final class ReturnContext {
  /** The typed dates it adds: messages show them as dates ({@code 2023-09-11}), not day numbers. */
  public static final List<String> DATES = List.of("_snapshot", "_year_start", "_dob", "_start",
      "_end", "_ep_start", "_ep_end", "_prev_end", "_date", "_first_rec", "_first_panel", "_last_panel");

  /**
   * True on an episode whose child's every row in the return broke an error rule: the child is set
   * aside, and the rows that depend on it with it ({@link Validation}'s second pass adds it).
   */
  public static final String CHILD_SET_ASIDE = "_child_set_aside";
  /** True on a row whose episode's every row broke an error rule, its own or its child's being set aside. */
  public static final String EPISODE_SET_ASIDE = "_episode_set_aside";

  /** The column Spark fills with a line it could not split into the header's fields. */
  public static final String CORRUPT = "_corrupt_record";
  /** Beside it, the number of fields the header names. */
  public static final String HEADER_FIELDS = "_header_fields";

  private final Map<String, String> formerToCurrent;

  public ReturnContext(Map<String, String> formerToCurrent) {
    this.formerToCurrent = Map.copyOf(formerToCurrent);
  }

  static String date(String column) {
    return "CASE WHEN " + column + " RLIKE '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' THEN try_cast(" + column + " AS DATE) END";
  }

  public Map<ReturnFile, Dataset<Row>> enrich(Map<ReturnFile, Dataset<Row>> batch) {
    Map<ReturnFile, Dataset<Row>> common = new EnumMap<>(ReturnFile.class);
    batch.forEach((file, rows) -> common.put(file, common(file, rows)));

    Dataset<Row> children = common.get(ReturnFile.CHILDREN).withColumn("_dob", expr(date("dob")));
    Dataset<Row> episodes = common.get(ReturnFile.EPISODES)
        .withColumn("_start", expr(date("episode_start")))
        .withColumn("_end", expr(date("episode_end")));
    Dataset<Row> firstChild = first(children.select(col(Lineage.RETURN_KEY), col("child_id"), col("_dob"),
        col(Lineage.ROW_NUMBER)), "child_id").drop(Lineage.ROW_NUMBER);
    Dataset<Row> firstEpisode = first(episodes.select(col(Lineage.RETURN_KEY), col("child_id"), col("episode_id"),
        col("_start").as("_ep_start"), col("_end").as("_ep_end"), expr("episode_end IS NULL").as("_ep_open"),
        col(Lineage.ROW_NUMBER)), "child_id", "episode_id").drop(Lineage.ROW_NUMBER);
    String[] inReturn = {Lineage.RETURN_KEY, "child_id"};
    String[] inEpisode = {Lineage.RETURN_KEY, "child_id", "episode_id"};

    Map<ReturnFile, Dataset<Row>> enriched = new EnumMap<>(ReturnFile.class);
    Dataset<Row> withEpisodes = episodes.select(Lineage.RETURN_KEY, "child_id").distinct()
        .withColumn("_has_episode", expr("true"));
    enriched.put(ReturnFile.CHILDREN,
        children.join(withEpisodes, inReturn, "left")
            .withColumn("_has_episode", expr("coalesce(_has_episode, false)"))
            .withColumn("_dup", duplicate("child_id")));

    enriched.put(ReturnFile.EPISODES,
        episodes.join(firstChild.withColumn("_child_known", expr("true")), inReturn, "left")
            .withColumn("_child_known", expr("coalesce(_child_known, false)"))
            .withColumn("_prev_end", previous("_end", "child_id"))
            .withColumn("_prev_open", previousOpen("episode_end", "child_id"))
            .withColumn("_dup", duplicate("child_id", "episode_id")));

    enriched.put(ReturnFile.PLACEMENTS,
        withEpisode(common.get(ReturnFile.PLACEMENTS), firstEpisode, inEpisode)
            .withColumn("_start", expr(date("placement_start")))
            .withColumn("_end", expr(date("placement_end")))
            .withColumn("_prev_end", previous("_end", "child_id", "episode_id"))
            .withColumn("_prev_open", previousOpen("placement_end", "child_id", "episode_id"))
            .withColumn("_dup", duplicate("child_id", "episode_id", "placement_start")));

    enriched.put(ReturnFile.LEGAL_REASONS,
        withEpisode(common.get(ReturnFile.LEGAL_REASONS), firstEpisode, inEpisode)
            .withColumn("_start", expr(date("legal_start")))
            .withColumn("_end", expr(date("legal_end")))
            .withColumn("_dup", duplicate("child_id", "episode_id", "legal_start", "legal_reason")));

    Dataset<Row> milestones = withEpisode(common.get(ReturnFile.PERMANENCE), firstEpisode, inEpisode)
        .withColumn("_date", expr(date("milestone_date")));
    String episodeWindow = "PARTITION BY " + Lineage.RETURN_KEY + ", child_id, episode_id";
    enriched.put(ReturnFile.PERMANENCE,
        milestones
            .withColumn("_first_rec", expr("min(IF(milestone = 'REC', _date, NULL)) OVER (" + episodeWindow + ")"))
            .withColumn("_first_panel", expr("min(IF(milestone = 'PANEL', _date, NULL)) OVER (" + episodeWindow + ")"))
            .withColumn("_last_panel", expr("max(IF(milestone = 'PANEL', _date, NULL)) OVER (" + episodeWindow + ")"))
            .withColumn("_days_after_panel", expr("datediff(_date, _first_panel)"))
            .withColumn("_dup", duplicate("child_id", "episode_id", "milestone", "milestone_date")));
    return enriched;
  }

  /**
   * The context every row of a file gets without looking at other rows (the values as written,
   * the folder's snapshot and year, the council): what the second pass's rules and messages read.
   */
  Dataset<Row> common(ReturnFile file, Dataset<Row> rows) {
    String map = formerToCurrent.isEmpty()
        ? "la_code"
        : "coalesce(element_at(map(" + formerToCurrent.entrySet().stream()
            .map(e -> "'" + e.getKey() + "', '" + e.getValue() + "'").collect(Collectors.joining(", "))
            + "), la_code), la_code)";
    String line = file.columns().stream().map(c -> "coalesce(" + c + ", '')").collect(Collectors.joining(", "));
    String longest = "greatest(" + file.columns().stream().map(c -> "coalesce(length(" + c + "), 0)")
        .collect(Collectors.joining(", ")) + ")";
    Dataset<Row> read = WrittenValue.noted(rows);
    if (!List.of(rows.columns()).contains(CORRUPT)) {
      read = read.withColumns(Map.of(CORRUPT, expr("CAST(NULL AS STRING)"), HEADER_FIELDS, expr("CAST(NULL AS INT)")));
    }
    Map<String, Column> context = new LinkedHashMap<>();
    // Fields outside double quotes (a quoted value may hold commas).
    context.put("_fields", expr("IF(" + CORRUPT + " IS NULL, NULL, size(split(regexp_replace(" + CORRUPT
        + ", '\"[^\"]*\"', ''), ',', -1)))"));
    context.put("_line", expr("concat_ws('\u0001', " + line + ")"));
    context.put("_longest", expr(longest));
    context.put("_snapshot", expr("make_date(" + Lineage.COLLECTION_YEAR + ", 7, 31)"));
    context.put("_year_start", expr("make_date(" + Lineage.COLLECTION_YEAR + " - 1, 8, 1)"));
    context.put("_la_current", expr(map));
    return read.withColumns(context);
  }

  private static Dataset<Row> withEpisode(Dataset<Row> rows, Dataset<Row> episodes, String[] keys) {
    return rows.join(episodes.withColumn("_ep_known", expr("true")), keys, "left")
        .withColumn("_ep_known", expr("coalesce(_ep_known, false)"));
  }

  private static Dataset<Row> first(Dataset<Row> rows, String... keys) {
    return rows.withColumn("_n", expr("row_number() OVER (PARTITION BY " + Lineage.RETURN_KEY + ", "
            + String.join(", ", keys) + " ORDER BY " + Lineage.ROW_NUMBER + ")"))
        .where("_n = 1").drop("_n");
  }

  private static org.apache.spark.sql.Column duplicate(String... keys) {
    return expr("row_number() OVER (PARTITION BY " + Lineage.RETURN_KEY + ", " + String.join(", ", keys)
        + " ORDER BY " + Lineage.ROW_NUMBER + ") > 1 AND " + String.join(" IS NOT NULL AND ", keys) + " IS NOT NULL");
  }

  // Rows whose start is not a date are kept out of each other's way: they have no place in the order.
  private static org.apache.spark.sql.Column previous(String column, String... keys) {
    return expr("IF(_start IS NULL, NULL, lag(" + column + ") OVER (PARTITION BY " + Lineage.RETURN_KEY + ", "
        + String.join(", ", keys) + ", _start IS NULL ORDER BY _start, " + Lineage.ROW_NUMBER + "))");
  }

  private static org.apache.spark.sql.Column previousOpen(String rawEnd, String... keys) {
    return expr("IF(_start IS NULL, false, coalesce(lag(" + rawEnd + " IS NULL) OVER (PARTITION BY "
        + Lineage.RETURN_KEY + ", " + String.join(", ", keys) + ", _start IS NULL ORDER BY _start, "
        + Lineage.ROW_NUMBER + "), false))");
  }
}
