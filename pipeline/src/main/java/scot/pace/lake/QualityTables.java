package scot.pace.lake;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map_from_entries;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.struct;

import io.delta.tables.DeltaTable;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import scot.pace.returns.ReturnFile;
import scot.pace.rules.Severity;
import scot.pace.rules.Validation;

/**
 * The {@code quarantine} table (every row set aside or warned about: rule, severity, message,
 * council, year, file, row, the row as it arrived) and the {@code return_quality} table (per
 * return and file: rows read, accepted, quarantined, warnings, counts per rule). For every file,
 * rows read = rows accepted + rows quarantined. Both are replaced per return, as bronze is.
 */
public final class QualityTables {
  public static final String QUALITY = "return_quality";

  private final SparkSession spark;
  private final Lake lake;

  public QualityTables(SparkSession spark, Lake lake) {
    this.spark = spark;
    this.lake = lake;
  }

  /** Per return key and file, the rows read, accepted, quarantined and warned, and per-rule counts. */
  public static Dataset<Row> quality(Map<ReturnFile, Dataset<Row>> batch, Dataset<Row> violations) {
    // Every file of every return has a row, one with no data rows too (rows read 0).
    Dataset<Row> returns = null;
    for (ReturnFile file : ReturnFile.values()) {
      Dataset<Row> keys = batch.get(file).select(Lineage.RETURN_KEY, Lineage.COUNCIL, Lineage.COLLECTION_YEAR);
      returns = returns == null ? keys : returns.union(keys);
    }
    returns = returns.distinct();
    Dataset<Row> read = null;
    for (ReturnFile file : ReturnFile.values()) {
      Dataset<Row> counts = returns.join(batch.get(file).groupBy(Lineage.RETURN_KEY).agg(count(lit(1)).as("rows_read")),
              new String[] {Lineage.RETURN_KEY}, "left")
          .withColumn("rows_read", expr("coalesce(rows_read, 0)"))
          .withColumn("file", lit(file.fileName()));
      Dataset<Row> accepted = Validation.accepted(batch.get(file), file, violations)
          .groupBy(Lineage.RETURN_KEY).agg(count(lit(1)).as("rows_accepted"))
          .withColumn("file", lit(file.fileName()));
      Dataset<Row> both = counts.join(accepted, new String[] {Lineage.RETURN_KEY, "file"}, "left");
      read = read == null ? both : read.unionByName(both);
    }
    Dataset<Row> byRow = violations.groupBy(Lineage.RETURN_KEY, "file")
        .agg(countDistinct(expr("IF(severity = '" + Severity.ERROR + "', " + Lineage.ROW_NUMBER + ", NULL)"))
                .as("rows_quarantined"),
            expr("count_if(severity = '" + Severity.WARNING + "')").as("warnings"));
    Dataset<Row> byRule = violations.groupBy(Lineage.RETURN_KEY, "file", "rule_id").agg(count(lit(1)).as("n"))
        .groupBy(Lineage.RETURN_KEY, "file")
        .agg(map_from_entries(collect_list(struct(col("rule_id"), col("n")))).as("rule_counts"));
    return read.join(byRow, new String[] {Lineage.RETURN_KEY, "file"}, "left")
        .join(byRule, new String[] {Lineage.RETURN_KEY, "file"}, "left")
        .select(col(Lineage.RETURN_KEY).as("return_key"), col(Lineage.COUNCIL).as("council"),
            col(Lineage.COLLECTION_YEAR).as("collection_year"), col("file"), col("rows_read"),
            expr("coalesce(rows_accepted, 0)").as("rows_accepted"),
            expr("coalesce(rows_quarantined, 0)").as("rows_quarantined"),
            expr("coalesce(warnings, 0)").as("warnings"),
            expr("coalesce(rule_counts, map())").cast("map<string,bigint>").as("rule_counts"));
  }

  /** Replaces the quarantine and quality rows of the returns {@code keys}. */
  public void replace(Dataset<Row> violations, Dataset<Row> quality, List<String> keys, String runId) {
    if (keys.isEmpty()) {
      return;
    }
    String predicate = BronzeTables.keyPredicate(keys);
    DeltaTable.createIfNotExists(spark).location(lake.table(Validation.QUARANTINE))
        .addColumns(Validation.SCHEMA).execute();
    spark.sparkContext().setJobDescription("quarantine");
    lake.replaceWhere(violations.where(predicate).coalesce(2), Validation.QUARANTINE, predicate);
    spark.sparkContext().setJobDescription("return quality");
    String qualityPredicate = predicate.replace(Lineage.RETURN_KEY, "return_key");
    Dataset<Row> rows = quality.where(qualityPredicate).withColumn("run_id", lit(runId)).coalesce(1);
    if (!lake.exists(spark, QUALITY)) {
      rows.write().format("delta").mode("overwrite").save(lake.table(QUALITY));
    } else {
      lake.replaceWhere(rows, QUALITY, qualityPredicate);
    }
  }
}
