package scot.pace.journey;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * {@code silver_journeys}: each child's history in a council, cut into spells (see
 * {@code docs/measures.md}, "Journeys, spells and re-entry"). A spell is a run of the child's
 * episodes, in order of start, that ends with the first episode with an outcome (an end with a
 * destination, or a {@code GRANTED} milestone); the child's next episode starts the next spell. One
 * row per spell ({@code council}, {@code child_key}, {@code spell_number} from 1), each with its own:
 *
 * <ul>
 *   <li>{@code first_looked_after}: start of the spell's first episode;
 *   <li>{@code first_accommodated}: first day in the spell in a placement other than {@code HOME};
 *   <li>{@code first_recommendation}: the spell's first permanence recommendation ({@code REC}) on
 *       or after {@code first_accommodated} (PACE Aim 2);
 *   <li>{@code permanence_date}, {@code permanence_route}: the spell's earliest {@code GRANTED}
 *       milestone (its route) or episode end with destination {@code HOME}, {@code KIN_ORDER} or
 *       {@code ADOPTED} (route {@code HOME}, {@code KCO}, {@code ADOPTION}); on the same day the
 *       order's route wins;
 *   <li>{@code permanence_with_kin}: reached by a kinship order, or by a permanence order while
 *       placed with kin;
 *   <li>{@code exit_date}, {@code exit_kind}: the spell's earliest episode end with any other
 *       destination, when it comes before permanence: a competing outcome;
 *   <li>{@code censor_date}: for a spell with neither (only a child's last spell can be one), the
 *       snapshot of the council's latest return;
 *   <li>{@code age_at_entry} in whole years at {@code first_looked_after}, and its band;
 *   <li>{@code placement_count}: the spell's placements started before permanence (or by the exit
 *       or censor date);
 *   <li>{@code reentered_within_12m}: the spell ended with a return home and the child's next
 *       spell began within a year of it;
 *   <li>{@code home_order_start}, {@code home_order_end}: the spell's first compulsory supervision
 *       order at home ({@code CSO_HOME}) and its end, empty while it lasts.
 * </ul>
 */
public final class Journeys {
  public static final String TABLE = "silver_journeys";

  /** The age band at entry, from {@code age_at_entry}: under 1, 1-4, 5-11, 12-15, 16+. */
  public static final String AGE_BAND = ageBand("age_at_entry");

  /** The age band of a whole-years age held in {@code column}. */
  public static String ageBand(String column) {
    return "CASE WHEN " + column + " < 1 THEN 'under 1' WHEN " + column + " < 5 THEN '1-4'"
        + " WHEN " + column + " < 12 THEN '5-11' WHEN " + column + " < 16 THEN '12-15'"
        + " WHEN " + column + " IS NOT NULL THEN '16+' END";
  }

  /** Whole years from {@code dob} to {@code date}, both SQL expressions. */
  public static String age(String dob, String date) {
    return "floor(((year(" + date + ") * 12 + month(" + date + ")) - (year(" + dob + ") * 12 + month(" + dob + "))"
        + " - IF(day(" + date + ") < day(" + dob + "), 1, 0)) / 12)";
  }

  private static final String[] SPELL = {"council", "child_key", "spell_number"};
  private static final String[] EPISODE = {"council", "child_key", "episode_id"};

  private Journeys() {}

  public static Dataset<Row> derive(
      Dataset<Row> children, Dataset<Row> episodes, Dataset<Row> placements, Dataset<Row> milestones) {
    return derive(children, episodes, placements, milestones, null);
  }

  /**
   * Each episode's spell: {@code council, child_key, episode_id, spell_number}, where the spell
   * number is one more than the number of the child's earlier episodes that had an outcome.
   */
  public static Dataset<Row> episodeSpells(Dataset<Row> episodes, Dataset<Row> milestones) {
    Dataset<Row> granted = milestones.where("milestone = 'GRANTED' AND milestone_date IS NOT NULL")
        .select("council", "child_key", "episode_id").distinct().withColumn("granted", lit(true));
    return episodes.join(granted, EPISODE, "left")
        .withColumn("closes", expr("IF((episode_end IS NOT NULL AND destination IS NOT NULL)"
            + " OR coalesce(granted, false), 1, 0)"))
        .withColumn("spell_number", expr("1 + coalesce(sum(closes) OVER (PARTITION BY council, child_key"
            + " ORDER BY episode_start, episode_id ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0)").cast("int"))
        .select("council", "child_key", "episode_id", "spell_number");
  }

  /**
   * As above, with {@code home_order_start} and {@code home_order_end}: the spell's first
   * compulsory supervision order at home ({@code CSO_HOME}) and its end (empty while it lasts),
   * from {@code legalReasons} when given.
   */
  public static Dataset<Row> derive(Dataset<Row> children, Dataset<Row> episodes, Dataset<Row> placements,
      Dataset<Row> milestones, Dataset<Row> legalReasons) {
    Dataset<Row> latestSnapshot =
        episodes.groupBy("council").agg(max("source_year").as("last_year"))
            .select(col("council"), expr("make_date(last_year, 7, 31)").as("latest_snapshot"));

    Dataset<Row> spells = episodeSpells(episodes, milestones);
    Dataset<Row> spellEpisodes = episodes.join(spells, EPISODE);
    Dataset<Row> spellPlacements = placements.join(spells, EPISODE);
    Dataset<Row> spellMilestones = milestones.join(spells, EPISODE);

    // One pass over the spell's episodes for everything they give: its start, its first ending
    // that is permanence, its first other ending, and whether the child came back within a year.
    Dataset<Row> entry =
        spellEpisodes
            .withColumn("next_start", expr("lead(episode_start) OVER (PARTITION BY council, child_key"
                + " ORDER BY episode_start, episode_id)"))
            .groupBy("council", "child_key", "spell_number")
            .agg(min("episode_start").as("first_looked_after"),
                min(expr("IF(episode_end IS NOT NULL AND destination IN ('HOME', 'KIN_ORDER', 'ADOPTED'),"
                    + " named_struct('date', episode_end, 'priority', 1, 'route', CASE destination WHEN 'HOME'"
                    + " THEN 'HOME' WHEN 'KIN_ORDER' THEN 'KCO' ELSE 'ADOPTION' END), NULL)")).as("by_ending"),
                min(expr("IF(episode_end IS NOT NULL AND destination IS NOT NULL"
                    + " AND destination NOT IN ('HOME', 'KIN_ORDER', 'ADOPTED'),"
                    + " named_struct('episode_end', episode_end, 'destination', destination), NULL)")).as("x"),
                max(expr("destination = 'HOME' AND episode_end IS NOT NULL AND next_start IS NOT NULL"
                    + " AND next_start <= add_months(episode_end, 12)")).as("reentered"));

    Dataset<Row> accommodated =
        spellPlacements.where("placement_type <> 'HOME'")
            .groupBy("council", "child_key", "spell_number").agg(min("placement_start").as("first_accommodated"));
    Dataset<Row> recommended =
        spellMilestones.where("milestone = 'REC' AND milestone_date IS NOT NULL")
            .join(accommodated, SPELL)
            .where("milestone_date >= first_accommodated")
            .groupBy("council", "child_key", "spell_number").agg(min("milestone_date").as("first_recommendation"));

    // On the same day an order (priority 0) comes before an ending (priority 1).
    Dataset<Row> byOrder =
        spellMilestones.where("milestone = 'GRANTED' AND milestone_date IS NOT NULL")
            .groupBy("council", "child_key", "spell_number")
            .agg(min(expr("named_struct('date', milestone_date, 'priority', 0, 'route', route)")).as("by_order"));

    Dataset<Row> outcome =
        entry.join(children.select("council", "child_key", "dob", "sex"), new String[] {"council", "child_key"}, "left")
            .join(accommodated, SPELL, "left")
            .join(recommended, SPELL, "left")
            .join(byOrder, SPELL, "left")
            .join(latestSnapshot, new String[] {"council"}, "left")
            .withColumn("p", expr("least(by_order, by_ending)"))
            .withColumn("permanence_date", col("p.date"))
            .withColumn("permanence_route", col("p.route"))
            .withColumn("first_exit", col("x.episode_end"))
            .withColumn("first_exit_kind", col("x.destination"))
            .withColumn("exit_date", expr("CASE WHEN permanence_date IS NULL OR first_exit < permanence_date"
                + " THEN first_exit END"))
            .withColumn("exit_kind", expr("CASE WHEN exit_date IS NOT NULL THEN first_exit_kind END"))
            .withColumn("permanence_route", expr("CASE WHEN exit_date IS NULL THEN permanence_route END"))
            .withColumn("permanence_date", expr("CASE WHEN exit_date IS NULL THEN permanence_date END"))
            .withColumn("censor_date", expr("CASE WHEN permanence_date IS NULL AND exit_date IS NULL"
                + " THEN latest_snapshot END"))
            .withColumn("age_at_entry", expr(age("dob", "first_looked_after")).cast("int"))
            .withColumn("age_band", expr(AGE_BAND))
            .withColumn("reentered_within_12m", expr("coalesce(reentered, false)"))
            .drop("p", "by_order", "by_ending", "x", "first_exit", "first_exit_kind", "reentered");

    Dataset<Row> counted =
        spellPlacements.select("council", "child_key", "spell_number", "placement_start", "placement_end",
                "placement_type")
            .join(outcome.select("council", "child_key", "spell_number", "permanence_date", "exit_date", "censor_date"),
                SPELL)
            .groupBy("council", "child_key", "spell_number")
            .agg(
                expr("count_if(CASE WHEN permanence_date IS NOT NULL THEN placement_start < permanence_date"
                    + " ELSE placement_start <= coalesce(exit_date, censor_date) END)").cast("int").as("placement_count"),
                expr("max(permanence_date IS NOT NULL AND placement_type = 'KIN' AND placement_start <= permanence_date"
                    + " AND (placement_end IS NULL OR placement_end > permanence_date))").as("kin_at_permanence"));

    Dataset<Row> homeOrders = legalReasons == null
        ? entry.select(col("council"), col("child_key"), col("spell_number"), lit(null).cast("date").as("home_order_start"),
            lit(null).cast("date").as("home_order_end"))
        : legalReasons.join(spells, EPISODE)
            .where("legal_reason = 'CSO_HOME' AND legal_start IS NOT NULL")
            .groupBy("council", "child_key", "spell_number")
            .agg(min(struct(col("legal_start"), col("legal_end"))).as("h"))
            .select(col("council"), col("child_key"), col("spell_number"), col("h.legal_start").as("home_order_start"),
                col("h.legal_end").as("home_order_end"));

    return outcome.join(counted, SPELL, "left")
        .join(homeOrders, SPELL, "left")
        .withColumn("placement_count", expr("coalesce(placement_count, 0)"))
        .withColumn("permanence_with_kin", expr("coalesce(permanence_route = 'KCO'"
            + " OR (permanence_route = 'PO' AND coalesce(kin_at_permanence, false)), false)"))
        .drop("kin_at_permanence")
        .select("council", "child_key", "spell_number", "dob", "sex", "first_looked_after", "first_accommodated",
            "first_recommendation",
            "permanence_date", "permanence_route", "permanence_with_kin", "exit_date", "exit_kind",
            "censor_date", "latest_snapshot", "age_at_entry", "age_band", "placement_count",
            "reentered_within_12m", "home_order_start", "home_order_end");
  }
}
