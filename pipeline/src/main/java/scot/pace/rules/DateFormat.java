package scot.pace.rules;

import static org.apache.spark.sql.functions.expr;

import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import scot.pace.failure.ConfigurationFailure;
import scot.pace.lake.Lineage;
import scot.pace.returns.ReturnFile;

/**
 * How one council's system writes dates, for a range of collection years ({@code dateFormats} in
 * the configuration), when it is not the contract's {@code YYYY-MM-DD}: {@code dd/mm/yyyy}, or
 * {@code excel} (a day number, as Excel stores a date: days since 30 December 1899). Its dates are
 * read so before the return is checked and loaded. Nothing is ever guessed: without an entry a date
 * written otherwise is not a date, and a value that does not fit the declared format is left as
 * written, for the rules to report.
 *
 * @param council the council's current GSS code
 * @param firstYear first collection year it applies to
 * @param lastYear last collection year it applies to
 * @param format {@code dd/mm/yyyy} or {@code excel}
 */
public record DateFormat(String council, int firstYear, int lastYear, String format) {
  /** The formats a council may declare. */
  public static final List<String> FORMATS = List.of("dd/mm/yyyy", "excel");
  /** The contract's date columns. */
  public static final List<String> DATE_COLUMNS = List.of("dob", "episode_start", "episode_end", "placement_start",
      "placement_end", "legal_start", "legal_end", "milestone_date");

  public DateFormat {
    Objects.requireNonNull(council, "dateFormats: council");
    Objects.requireNonNull(format, "dateFormats: format");
    if (!council.matches("S12\\d{6}")) {
      throw new ConfigurationFailure("dateFormats: council " + council + " is not a GSS code S12xxxxxx");
    }
    if (firstYear > lastYear) {
      throw new ConfigurationFailure("dateFormats: firstYear " + firstYear + " is after lastYear " + lastYear);
    }
    if (!FORMATS.contains(format)) {
      throw new ConfigurationFailure("dateFormats: format " + format + " is not one of " + String.join(", ", FORMATS));
    }
  }

  /** Whether it applies to {@code council}'s return for {@code year}. */
  public boolean appliesTo(String council, int year) {
    return this.council.equals(council) && year >= firstYear && year <= lastYear;
  }

  /** The rows of {@code file} with each council's declared dates rewritten as {@code YYYY-MM-DD}. */
  public static Dataset<Row> apply(ReturnFile file, Dataset<Row> rows, List<DateFormat> formats) {
    if (formats.isEmpty()) {
      return rows;
    }
    Dataset<Row> read = rows;
    for (String column : file.columns()) {
      if (!DATE_COLUMNS.contains(column)) {
        continue;
      }
      StringBuilder sql = new StringBuilder("CASE");
      for (DateFormat f : formats) {
        sql.append(" WHEN ").append(Lineage.COUNCIL).append(" = '").append(f.council()).append("' AND ")
            .append(Lineage.COLLECTION_YEAR).append(" BETWEEN ").append(f.firstYear()).append(" AND ")
            .append(f.lastYear()).append(" AND ").append(f.fits(column)).append(" THEN coalesce(").append(f.read(column))
            .append(", ").append(column).append(")");
      }
      read = read.withColumn(column, expr(sql + " ELSE " + column + " END"));
    }
    return read;
  }

  private String fits(String column) {
    return "trim(" + column + ") RLIKE '" + (format.equals("excel") ? "^[0-9]{4,5}$" : "^[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}$")
        + "'";
  }

  private String read(String column) {
    String date = format.equals("excel")
        ? "date_add(DATE'1899-12-30', CAST(trim(" + column + ") AS INT))"
        : "try_to_date(trim(" + column + "), 'd/M/yyyy')";
    return "date_format(" + date + ", 'yyyy-MM-dd')";
  }

  @Override
  public String toString() {
    return "dates as " + format;
  }
}
