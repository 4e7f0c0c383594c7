package scot.pace.returns;

import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import scot.pace.failure.InputFailure;

/**
 * One council's annual return for one collection year. Collection year {@code Y} runs from
 * 1 August {@code Y-1} to 31 July {@code Y}, the snapshot date.
 *
 * @param laCode the council code as the return carries it (a former code before 2018/19)
 * @param collectionYear {@code Y}
 */
public record ReturnId(String laCode, int collectionYear) {
  private static final Pattern FOLDER = Pattern.compile("(S12\\d{6})_(\\d{4})");
  /** The first collection year the pipeline reads. */
  public static final int FIRST_YEAR = 1990;

  public ReturnId {
    if (laCode == null || !laCode.matches("S12\\d{6}")) {
      throw new InputFailure("council code " + laCode + " is not a GSS code S12xxxxxx");
    }
    if (collectionYear < FIRST_YEAR || collectionYear > 2100) {
      throw new InputFailure("collection year " + collectionYear + " is out of range");
    }
  }

  /**
   * Reads a folder or zip name such as {@code S12000033_2019} or {@code S12000033_2019.zip}; empty
   * for any other name, and for a year before {@link #FIRST_YEAR} or after 2100.
   */
  public static Optional<ReturnId> fromName(String name) {
    Matcher matcher = matcher(name);
    int year = matcher.matches() ? Integer.parseInt(matcher.group(2)) : 0;
    if (year < FIRST_YEAR || year > 2100) {
      return Optional.empty();
    }
    return Optional.of(new ReturnId(matcher.group(1), year));
  }

  /** Whether {@code name} is named as a return is, {@code <LA code>_<four digits>}, whatever the year. */
  public static boolean isNamedLikeOne(String name) {
    return matcher(name).matches();
  }

  /**
   * The return {@code name} seems meant for when it is not named exactly as one: a copy
   * ({@code S12000027_2020 (1)}), lower case, a suffix ({@code _v2}), {@code .ZIP}; empty for a
   * name that is a return's or unlike one.
   */
  public static Optional<String> meantFor(String name, boolean isZip) {
    if (isNamedLikeOne(name)) {
      return Optional.empty();
    }
    Matcher loose = Pattern.compile("(?i)^\\s*(s12\\d{6})\\s*[_ -]\\s*(\\d{4})(?!\\d).*").matcher(name);
    if (!loose.matches()) {
      return Optional.empty();
    }
    return Optional.of(loose.group(1).toUpperCase(java.util.Locale.ROOT) + "_" + loose.group(2) + (isZip ? ".zip" : ""));
  }

  /**
   * Why the year in {@code name} (named like a return) cannot be a return's on {@code today}, or
   * empty if it can: a collection year's return is made after its snapshot on 31 July, so a
   * later year's return cannot be complete yet.
   */
  public static Optional<String> yearProblem(String name, LocalDate today) {
    Matcher matcher = matcher(name);
    if (!matcher.matches()) {
      return Optional.empty();
    }
    int year = Integer.parseInt(matcher.group(2));
    int latest = latestYear(today);
    if (year < FIRST_YEAR) {
      return Optional.of("collection year " + year + " is before " + FIRST_YEAR
          + ", the first this pipeline reads; check the year in the name");
    }
    if (year > latest) {
      return Optional.of("collection year " + year + " has not ended (it ends on 31 July " + year
          + "), so its return cannot be complete; the latest return there can be today is for " + latest
          + "; check the year in the name");
    }
    return Optional.empty();
  }

  /** The latest collection year whose snapshot date has passed on {@code today}. */
  public static int latestYear(LocalDate today) {
    return today.isAfter(LocalDate.of(today.getYear(), 7, 31)) ? today.getYear() : today.getYear() - 1;
  }

  private static Matcher matcher(String name) {
    String stem = name.endsWith(".zip") ? name.substring(0, name.length() - 4) : name;
    return FOLDER.matcher(stem);
  }

  public String folderName() {
    return laCode + "_" + collectionYear;
  }

  public LocalDate snapshotDate() {
    return LocalDate.of(collectionYear, 7, 31);
  }

  public LocalDate yearStart() {
    return LocalDate.of(collectionYear - 1, 8, 1);
  }

  @Override
  public String toString() {
    return folderName();
  }
}
