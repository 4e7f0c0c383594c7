package scot.pace.jobs;

import scot.pace.failure.InputFailure;

/** Collection years {@code from..to}, written {@code 2019} or {@code 2010-2024}. */
public record YearRange(int from, int to) {
  public YearRange {
    if (from > to) {
      throw new InputFailure("years " + from + "-" + to + ": the first year is after the last");
    }
  }

  public static YearRange parse(String text) {
    String trimmed = text.trim();
    try {
      int dash = trimmed.indexOf('-');
      if (dash < 0) {
        int year = Integer.parseInt(trimmed);
        return new YearRange(year, year);
      }
      return new YearRange(
          Integer.parseInt(trimmed.substring(0, dash).trim()), Integer.parseInt(trimmed.substring(dash + 1).trim()));
    } catch (NumberFormatException e) {
      throw new InputFailure(
          "--years " + text + " is not a year or a range of years (e.g. 2019 or 2010-2024)");
    }
  }
}
