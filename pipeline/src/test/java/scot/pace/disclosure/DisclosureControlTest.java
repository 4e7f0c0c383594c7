package scot.pace.disclosure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DisclosureControlTest {
  static final DisclosureControl SDC = new DisclosureControl(4);

  @Test
  void countsOneToFourAreSuppressedAndZeroIsNot() {
    assertEquals("0", SDC.count(0));
    assertEquals("[c]", SDC.count(1));
    assertEquals("[c]", SDC.count(4));
    assertEquals("5", SDC.count(5));
    assertEquals("1,234", SDC.count(1234));
  }

  @Test
  void sharesThatWouldRevealASmallCountAreSuppressed() {
    assertEquals("[c]", SDC.percent(3, 50), "numerator 3");
    assertEquals("[c]", SDC.percent(3, 3), "denominator 3");
    assertEquals("[c]", SDC.percent(48, 50), "the two left out are 2 children");
    assertEquals("0.0%", SDC.percent(0, 50));
    assertEquals("20.0%", SDC.percent(10, 50));
    assertFalse(SDC.estimatePublishable(1.0 / 7, 7), "an estimate of 14% of 7 children stands for 1 child");
    assertFalse(SDC.estimatePublishable(5.0 / 6, 6), "83% of 6 leaves out 1 child");
    assertTrue(SDC.estimatePublishable(0.5, 10));
    assertTrue(SDC.basedOnEnough(5));
    assertFalse(SDC.basedOnEnough(4), "a median of four children is theirs");
    assertThrows(scot.pace.failure.ConfigurationFailure.class, () -> new DisclosureControl(0));
  }

  @Test
  void aSingleSmallCellTakesAnotherInItsRowAndColumnWithIt() {
    // Kinship 3 in council A: suppressing it alone, A's total minus its other cells gives 3.
    CountTable table = CountTable.protect(List.of("A", "B", "C"), List.of("kin", "foster", "residential"),
        new long[][] {{3, 40, 12}, {20, 35, 9}, {25, 50, 30}}, SDC);
    assertTrue(table.isSuppressed(0, 0));
    assertEquals("[c]", table.published(0, 0));
    assertEquals("[c]", table.published(0, 2), "the smallest other cell in row A: 12");
    assertTrue(table.isSuppressed(1, 0), "the smallest other cell in column kin: 20");
    assertEquals(3 + 40 + 12, table.count(0, 3), "the lake's exact count is kept");
    assertEquals("[c]", table.rowPercent(0, 0));
    assertEquals("72.7%", table.rowPercent(0, 1));
    assertNoCellRecoverableBySubtraction(table);
  }

  @Test
  void aSmallTotalIsSuppressedAndProtectedToo() {
    CountTable table = CountTable.protect(List.of("A", "B"), List.of("kin", "foster"),
        new long[][] {{1, 2}, {30, 40}}, SDC);
    assertTrue(table.isSuppressed(0, 2), "A's total of 3");
    assertTrue(table.isSuppressed(0, 0));
    assertTrue(table.isSuppressed(0, 1));
    assertNoCellRecoverableBySubtraction(table);
  }

  @Test
  void noSuppressedCellCanBeRecoveredInRandomTables() {
    Random random = new Random(4);
    for (int trial = 0; trial < 500; trial++) {
      int height = 1 + random.nextInt(6);
      int width = 1 + random.nextInt(6);
      long[][] counts = new long[height][width];
      List<String> rows = new java.util.ArrayList<>();
      List<String> columns = new java.util.ArrayList<>();
      for (int r = 0; r < height; r++) {
        rows.add("r" + r);
        for (int c = 0; c < width; c++) {
          counts[r][c] = random.nextInt(4) == 0 ? random.nextInt(6) : random.nextInt(60);
        }
      }
      for (int c = 0; c < width; c++) {
        columns.add("c" + c);
      }
      CountTable table = CountTable.protect(rows, columns, counts, SDC);
      for (int r = 0; r <= height; r++) {
        for (int c = 0; c <= width; c++) {
          if (SDC.isSmall(table.count(r, c))) {
            assertTrue(table.isSuppressed(r, c), "trial " + trial + ": a small count shown");
          }
          if (table.isSuppressed(r, c)) {
            assertNotEquals(String.valueOf(table.count(r, c)), table.published(r, c));
          }
        }
      }
      assertNoCellRecoverableBySubtraction(table);
    }
  }

  /**
   * An attacker knows every published cell and that each line (a row or column with its total)
   * adds up: a suppressed cell that is the only unknown in some line is recovered by subtraction.
   * With no such line, no suppressed cell can be solved for from a single line, and so none
   * can be solved at all by repeating it. Nor may the suppressed cells beside a published total add
   * up to a small count, which that subtraction would give.
   */
  static void assertNoCellRecoverableBySubtraction(CountTable table) {
    for (int[][] line : table.lines()) {
      int[] unknown = null;
      int unknowns = 0;
      for (int[] cell : line) {
        if (table.isSuppressed(cell[0], cell[1])) {
          unknowns++;
          unknown = cell;
        }
      }
      if (unknowns == 1) {
        throw new AssertionError("the cell at (" + unknown[0] + ", " + unknown[1] + "), "
            + table.count(unknown[0], unknown[1]) + ", is recovered by subtraction from its line");
      }
      int[] total = line[line.length - 1];
      long hiddenParts = 0;
      for (int[] cell : line) {
        hiddenParts += cell != total && table.isSuppressed(cell[0], cell[1]) ? table.count(cell[0], cell[1]) : 0;
      }
      if (unknowns > 1 && !table.isSuppressed(total[0], total[1]) && SDC.isSmall(hiddenParts)) {
        throw new AssertionError("the suppressed cells of the line ending at (" + total[0] + ", " + total[1]
            + ") add up to " + hiddenParts + ", its total less its published cells");
      }
    }
  }
}
