package scot.pace.disclosure;

import java.util.ArrayList;
import java.util.List;

/**
 * A table of counts of children with its row and column totals, as published, and which of its
 * cells are suppressed. Primary suppression: every count from 1 to the threshold, totals
 * included. Secondary suppression: in every line that adds up (a row with its row total, a
 * column with its column total, the totals row and the totals column) a single suppressed cell
 * could be recovered by subtraction, and several suppressed cells beside a published total add up
 * to a count that is known, so while a line has exactly one suppressed cell, or suppressed cells
 * adding up to a small count, the smallest other cell of that line is suppressed as well (a
 * non-zero one if there is one), and the lines are checked again.
 */
public final class CountTable {
  private final List<String> rows;
  private final List<String> columns;
  /** Cells with the totals: row r, column c; the last row and column are the totals. */
  private final long[][] cells;
  private final boolean[][] suppressed;
  private final DisclosureControl control;
  private final boolean[][] fixed;

  private CountTable(List<String> rows, List<String> columns, long[][] cells, boolean[][] suppressed,
      DisclosureControl control, boolean[][] fixed) {
    this.fixed = fixed;
    this.rows = rows;
    this.columns = columns;
    this.cells = cells;
    this.suppressed = suppressed;
    this.control = control;
  }

  /**
   * Protects {@code counts} (rows × columns, no totals) and adds the totals.
   *
   * @throws IllegalArgumentException when a count is negative or the shape does not match the labels
   */
  public static CountTable protect(List<String> rows, List<String> columns, long[][] counts, DisclosureControl control) {
    return protect(rows, columns, counts, control, null);
  }

  /**
   * As above, with cells another rule has already withheld ({@code withheld[r][c]}, totals in the
   * last row and column; null for none): they count as suppressed from the start, so the secondary
   * suppression protects them too.
   */
  public static CountTable protect(List<String> rows, List<String> columns, long[][] counts, DisclosureControl control,
      boolean[][] withheld) {
    return protect(rows, columns, counts, control, withheld, null);
  }

  /**
   * As above, with cells that are published elsewhere and cannot be withheld here ({@code
   * fixed[r][c]}, null for none: a total another table gives, say): they stay published and the
   * secondary suppression never chooses them.
   */
  public static CountTable protect(List<String> rows, List<String> columns, long[][] counts, DisclosureControl control,
      boolean[][] withheld, boolean[][] fixed) {
    int height = rows.size();
    int width = columns.size();
    if (counts.length != height) {
      throw new IllegalArgumentException(counts.length + " rows of counts for " + height + " row labels");
    }
    long[][] cells = new long[height + 1][width + 1];
    for (int r = 0; r < height; r++) {
      if (counts[r].length != width) {
        throw new IllegalArgumentException("row " + rows.get(r) + " has " + counts[r].length + " counts for "
            + width + " columns");
      }
      for (int c = 0; c < width; c++) {
        if (counts[r][c] < 0) {
          throw new IllegalArgumentException("negative count " + counts[r][c] + " at " + rows.get(r) + ", "
              + columns.get(c));
        }
        cells[r][c] = counts[r][c];
        cells[r][width] += counts[r][c];
        cells[height][c] += counts[r][c];
        cells[height][width] += counts[r][c];
      }
    }
    boolean[][] suppressed = new boolean[height + 1][width + 1];
    for (int r = 0; r <= height; r++) {
      for (int c = 0; c <= width; c++) {
        suppressed[r][c] = (fixed == null || !fixed[r][c])
            && (control.isSmall(cells[r][c]) || (withheld != null && withheld[r][c]));
      }
    }
    CountTable table = new CountTable(List.copyOf(rows), List.copyOf(columns), cells, suppressed, control,
        fixed == null ? new boolean[height + 1][width + 1] : fixed);
    table.suppressSecondary();
    return table;
  }

  private void suppressSecondary() {
    boolean changed = true;
    while (changed) {
      changed = false;
      for (int[][] line : lines()) {
        if (exposed(line)) {
          int[] next = smallestOpen(line);
          if (next != null) {
            suppressed[next[0]][next[1]] = true;
            changed = true;
          }
        }
      }
    }
  }

  /**
   * Whether the line gives a suppressed cell back: one suppressed cell alone is its total less the
   * others; with the total published, several suppressed parts add up to the total less the
   * published ones, which must not be a small count itself.
   */
  private boolean exposed(int[][] line) {
    int[] total = line[line.length - 1];
    int hidden = 0;
    long hiddenParts = 0;
    for (int[] cell : line) {
      if (suppressed[cell[0]][cell[1]]) {
        hidden++;
        if (cell != total) {
          hiddenParts += cells[cell[0]][cell[1]];
        }
      }
    }
    return hidden == 1 || (hidden > 1 && !suppressed[total[0]][total[1]] && control.isSmall(hiddenParts));
  }

  /** The smallest unsuppressed cell of the line, preferring a non-zero one. */
  private int[] smallestOpen(int[][] line) {
    int[] best = null;
    for (int[] cell : line) {
      if (suppressed[cell[0]][cell[1]] || fixed[cell[0]][cell[1]]) {
        continue;
      }
      long value = cells[cell[0]][cell[1]];
      if (best == null) {
        best = cell;
        continue;
      }
      long bestValue = cells[best[0]][best[1]];
      boolean better = (bestValue == 0 && value > 0) || ((value > 0) == (bestValue > 0) && value < bestValue);
      if (better) {
        best = cell;
      }
    }
    return best;
  }

  /** Every line that adds up: each row with its total, each column with its total. */
  List<int[][]> lines() {
    int height = rows.size();
    int width = columns.size();
    List<int[][]> lines = new ArrayList<>();
    for (int r = 0; r <= height; r++) {
      int[][] line = new int[width + 1][];
      for (int c = 0; c <= width; c++) {
        line[c] = new int[] {r, c};
      }
      lines.add(line);
    }
    for (int c = 0; c <= width; c++) {
      int[][] line = new int[height + 1][];
      for (int r = 0; r <= height; r++) {
        line[r] = new int[] {r, c};
      }
      lines.add(line);
    }
    return lines;
  }

  public List<String> rows() {
    return rows;
  }

  public List<String> columns() {
    return columns;
  }

  /** The exact count; {@code row} or {@code column} equal to the size of the labels gives the total. */
  public long count(int row, int column) {
    return cells[row][column];
  }

  public boolean isSuppressed(int row, int column) {
    return suppressed[row][column];
  }

  /** The count as published. */
  public String published(int row, int column) {
    return suppressed[row][column] ? DisclosureControl.SUPPRESSED : control.count(cells[row][column]);
  }

  /**
   * The cell as a percentage of its row total, or {@value DisclosureControl#SUPPRESSED} when the
   * cell or the total is suppressed. (When both are published the share reveals nothing more.)
   */
  public String rowPercent(int row, int column) {
    double share = rowShare(row, column);
    if (cells[row][columns.size()] == 0) {
      return "";
    }
    return Double.isNaN(share) ? DisclosureControl.SUPPRESSED : String.format(java.util.Locale.ROOT, "%.1f%%", 100 * share);
  }

  /** The cell's share of its row total when both are published, else {@code NaN}. */
  public double rowShare(int row, int column) {
    long total = cells[row][columns.size()];
    if (total == 0 || suppressed[row][column] || suppressed[row][columns.size()]) {
      return Double.NaN;
    }
    return (double) cells[row][column] / total;
  }
}
