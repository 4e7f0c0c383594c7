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
}
