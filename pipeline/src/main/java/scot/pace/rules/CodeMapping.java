package scot.pace.rules;

import static org.apache.spark.sql.functions.expr;

import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import scot.pace.lake.Lineage;
import scot.pace.returns.ReturnFile;
import scot.pace.failure.ConfigurationFailure;

/**
 * One council's own code for a value of the contract's code lists, for a range of collection
 * years (from {@code codeMappings} in the configuration): {@code from} in {@code column} becomes
 * {@code to} before the return is checked and loaded.
 *
 * @param council the council's current GSS code
 * @param firstYear first collection year the mapping applies to
 * @param lastYear last collection year it applies to
 * @param column the contract column, e.g. {@code placement_type}
 * @param from the council's code
 * @param to the contract's code
 */
public record CodeMapping(String council, int firstYear, int lastYear, String column, String from, String to) {

  public CodeMapping {
    Objects.requireNonNull(council, "codeMappings: council");
    Objects.requireNonNull(column, "codeMappings: column");
    Objects.requireNonNull(from, "codeMappings: from");
    Objects.requireNonNull(to, "codeMappings: to");
    if (firstYear > lastYear) {
      throw new ConfigurationFailure("codeMappings: firstYear " + firstYear + " is after lastYear " + lastYear);
    }
    boolean known = false;
    for (ReturnFile file : ReturnFile.values()) {
      known |= file.columns().contains(column);
    }
    if (!known || List.of("la_code", "collection_year", "child_id", "episode_id").contains(column)) {
      throw new ConfigurationFailure("codeMappings: column " + column + " is not a coded column of the contract");
    }
    for (String value : List.of(council, from, to)) {
      if (value.contains("'")) {
        throw new ConfigurationFailure("codeMappings: a code may not contain a quote: " + value);
      }
    }
  }

  /** Whether it applies to {@code council}'s return for {@code year}. */
  public boolean appliesTo(String council, int year) {
    return this.council.equals(council) && year >= firstYear && year <= lastYear;
  }

  /** The rows of {@code file} with every mapping for its columns applied. */
  public static Dataset<Row> apply(ReturnFile file, Dataset<Row> rows, List<CodeMapping> mappings) {
    Dataset<Row> mapped = rows;
    for (String column : file.columns()) {
      StringBuilder sql = new StringBuilder();
      for (CodeMapping m : mappings) {
        if (m.column().equals(column)) {
          sql.append(" WHEN ").append(Lineage.COUNCIL).append(" = '").append(m.council()).append("' AND ")
              .append(Lineage.COLLECTION_YEAR).append(" BETWEEN ").append(m.firstYear()).append(" AND ")
              .append(m.lastYear()).append(" AND ").append(column).append(" = '").append(m.from())
              .append("' THEN '").append(m.to()).append("'");
        }
      }
      if (sql.length() > 0) {
        mapped = mapped.withColumn(column, expr("CASE" + sql + " ELSE " + column + " END"));
      }
    }
    return mapped;
  }
}
