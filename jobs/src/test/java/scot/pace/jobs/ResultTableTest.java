package scot.pace.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ResultTableTest {
  @Test
  void doublesAreShownToSixPlacesOrSixSignificantDigitsBelowOne() {
    assertEquals("0.333333", ResultTable.readable(1.0 / 3));
    assertEquals("2.5", ResultTable.readable(2.5));
    assertEquals("71394", ResultTable.readable(71394.0));
    assertEquals("1234567.891235", ResultTable.readable(1234567.8912345678));
    assertEquals("0.0000123457", ResultTable.readable(1.23456789e-5), "a small p-value is not shown as 0");
    assertEquals("-0.5", ResultTable.readable(-0.5));
    assertEquals("0", ResultTable.readable(0.0));
    assertEquals("NaN", ResultTable.readable(Double.NaN));
  }

  @Test
  void jsonLinesKeepEachValueInItsType() {
    org.apache.spark.sql.types.StructType schema = org.apache.spark.sql.types.StructType.fromDDL(
        "council STRING, year INT, share DOUBLE, flag STRING, snapshot DATE, versions MAP<STRING, BIGINT>");
    java.util.List<org.apache.spark.sql.Row> rows = java.util.List.of(
        new org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema(new Object[] {"S12000023", 2024, 0.25, null,
            java.sql.Date.valueOf("2024-07-31"),
            scala.collection.immutable.Map$.MODULE$.<String, Long>empty().updated("gold_aim2", 7L)}, schema));
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    new ResultTable(schema.fieldNames(), rows).printJsonLines(new java.io.PrintStream(bytes, true,
        java.nio.charset.StandardCharsets.UTF_8));
    assertEquals("{\"council\":\"S12000023\",\"year\":2024,\"share\":0.25,\"flag\":null,\"snapshot\":\"2024-07-31\","
        + "\"versions\":{\"gold_aim2\":7}}\n", bytes.toString(java.nio.charset.StandardCharsets.UTF_8));
  }
}
