package scot.pace.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import scot.pace.failure.ConfigurationFailure;
import scot.pace.lake.BronzeTables;
import scot.pace.returns.ReturnFile;

/** A council's declared date format is read exactly, only for its council and years, and never guessed. */
class DateFormatTest {
  @Test
  void declaredDatesAreReadOnlyWhereDeclaredAndAnythingElseIsLeftForTheRules() {
    SparkSession spark = scot.pace.SharedSpark.session();
    List<Row> rows = new ArrayList<>();
    // council, year, dob
    String[][] cases = {
        {"S12000033", "2019", "03/04/2015"}, {"S12000033", "2019", "3/4/2015 "}, {"S12000033", "2019", "31/02/2019"},
        {"S12000033", "2019", "2015-04-03"}, {"S12000033", "2022", "03/04/2015"}, {"S12000042", "2019", "03/04/2015"},
        {"S12000042", "2020", "42000"}, {"S12000042", "2020", "4/3/2015"}};
    long row = 2;
    for (String[] c : cases) {
      rows.add(RowFactory.create(c[0], c[1], "C" + row, null, c[2], "F", "WS", "N", c[0], Integer.parseInt(c[1]),
          c[0] + "_" + c[1], "children.csv", "sha", row++, "test", Timestamp.valueOf("2026-01-01 00:00:00")));
    }
    List<DateFormat> formats = List.of(new DateFormat("S12000033", 2018, 2021, "dd/mm/yyyy"),
        new DateFormat("S12000042", 2020, 2020, "excel"));
    List<String> read = DateFormat.apply(ReturnFile.CHILDREN,
        spark.createDataFrame(rows, BronzeTables.schema(ReturnFile.CHILDREN)), formats)
        .orderBy("_row_number").select("dob").collectAsList().stream().map(r -> r.getString(0)).toList();
    assertEquals(List.of("2015-04-03", "2015-04-03", "31/02/2019", "2015-04-03", "03/04/2015", "03/04/2015",
        "2014-12-27", "4/3/2015"), read);
  }

  @Test
  void anUnknownFormatOrCouncilIsAConfigurationError() {
    assertEquals("dateFormats: format mm/dd/yyyy is not one of dd/mm/yyyy, excel",
        assertThrows(ConfigurationFailure.class, () -> new DateFormat("S12000033", 2019, 2020, "mm/dd/yyyy")).getMessage());
    assertThrows(ConfigurationFailure.class, () -> new DateFormat("Aberdeen", 2019, 2020, "excel"));
  }
}
