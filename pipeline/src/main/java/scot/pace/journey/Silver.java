package scot.pace.journey;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.row_number;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import scot.pace.lake.Lineage;

/**
 * The conformed (silver) facts of every child: each bronze row typed and pseudonymised, then, for
 * every episode, the version in the most recent return that contains it, with that return's
 * placements, legal reasons and milestones for it. {@code source_year} says which return each
 * fact came from. Raw child ids stop here: silver carries {@code child_key} only.
 */
public final class Silver {
  private Silver() {}

  /** The silver tables' names. */
  public static final String CHILDREN = "silver_children";
  public static final String EPISODES = "silver_episodes";
  public static final String PLACEMENTS = "silver_placements";
  public static final String LEGAL_REASONS = "silver_legal_reasons";
  public static final String MILESTONES = "silver_milestones";

  private static Column date(String column) {
    return expr("try_cast(" + column + " AS DATE)").as(column);
  }

  /** The council, the pseudonymous child key, the given facts, and the return they came from. */
  private static Dataset<Row> typed(Dataset<Row> bronze, PseudonymKey key, Column... facts) {
    Column[] columns = new Column[facts.length + 3];
    columns[0] = col(Lineage.COUNCIL).as("council");
    columns[1] = ChildKey.column(key, col(Lineage.COUNCIL), col("child_id")).as("child_key");
    System.arraycopy(facts, 0, columns, 2, facts.length);
    columns[columns.length - 1] = col(Lineage.COLLECTION_YEAR).as("source_year");
    return bronze.select(columns);
  }

  /** Per child, the attributes from the most recent return that lists it. */
  public static Dataset<Row> children(Dataset<Row> bronzeChildren, PseudonymKey key) {
    return latest(typed(bronzeChildren, key, date("dob"), col("sex"), col("ethnicity"), col("disability")),
        "council", "child_key");
  }

  /** Per episode, the version in the most recent return that contains it. */
  public static Dataset<Row> episodes(Dataset<Row> bronzeEpisodes, PseudonymKey key) {
    return latest(typed(bronzeEpisodes, key, col("episode_id"), date("episode_start"), date("episode_end"),
        col("destination")), "council", "child_key", "episode_id");
  }

  /** The placements of each silver episode, as the episode's own return gives them. */
  public static Dataset<Row> placements(Dataset<Row> bronzePlacements, Dataset<Row> episodes, PseudonymKey key) {
    return fromEpisodeReturn(typed(bronzePlacements, key, col("episode_id"), date("placement_start"),
        date("placement_end"), col("placement_type")), episodes);
  }

  public static Dataset<Row> legalReasons(Dataset<Row> bronzeLegal, Dataset<Row> episodes, PseudonymKey key) {
    return fromEpisodeReturn(typed(bronzeLegal, key, col("episode_id"), date("legal_start"), date("legal_end"),
        col("legal_reason")), episodes);
  }

  public static Dataset<Row> milestones(Dataset<Row> bronzePermanence, Dataset<Row> episodes, PseudonymKey key) {
    return fromEpisodeReturn(typed(bronzePermanence, key, col("episode_id"), col("milestone"),
        date("milestone_date"), col("route")), episodes);
  }

  private static Dataset<Row> latest(Dataset<Row> typed, String... identity) {
    Column[] partition = new Column[identity.length];
    for (int i = 0; i < identity.length; i++) {
      partition[i] = col(identity[i]);
    }
    return typed
        .withColumn("_rank", row_number().over(Window.partitionBy(partition).orderBy(col("source_year").desc())))
        .where("_rank = 1")
        .drop("_rank");
  }

  private static Dataset<Row> fromEpisodeReturn(Dataset<Row> typed, Dataset<Row> episodes) {
    String[] episodeReturn = {"council", "child_key", "episode_id", "source_year"};
    return typed.join(episodes.select("council", "child_key", "episode_id", "source_year"), episodeReturn, "left_semi");
  }
}
