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

  public ReturnId {
    if (laCode == null || !laCode.matches("S12\\d{6}")) {
      throw new InputFailure("council code " + laCode + " is not a GSS code S12xxxxxx");
    }
    if (collectionYear < 1990 || collectionYear > 2100) {
      throw new InputFailure("collection year " + collectionYear + " is out of range");
    }
  }

  /** Reads a folder or zip name such as {@code S12000033_2019} or {@code S12000033_2019.zip}. */
  public static Optional<ReturnId> fromName(String name) {
    String stem = name.endsWith(".zip") ? name.substring(0, name.length() - 4) : name;
    Matcher matcher = FOLDER.matcher(stem);
    if (!matcher.matches()) {
      return Optional.empty();
    }
    return Optional.of(new ReturnId(matcher.group(1), Integer.parseInt(matcher.group(2))));
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
