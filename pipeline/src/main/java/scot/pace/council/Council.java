package scot.pace.council;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import scot.pace.failure.ConfigurationFailure;

/**
 * One of Scotland's 32 councils (local authorities).
 *
 * @param code GSS code in use now, {@code S12000xxx}
 * @param name the council's name
 * @param formerCode the GSS code it used before 2018/19, or null
 * @param share its share of Scotland's looked after children, used by the generator (the 32
 *     councils' shares add to 1)
 * @param paceStart the day it started with PACE, or null if it did not take part
 * @param aimWeeks its own Aim 2 timescale in weeks from accommodation to recommendation
 * @param aimShare the share of children it aims to see recommended within {@code aimWeeks}
 */
public record Council(
    String code,
    String name,
    String formerCode,
    double share,
    LocalDate paceStart,
    int aimWeeks,
    double aimShare) {

  public Council {
    Objects.requireNonNull(code, "council code");
    Objects.requireNonNull(name, "council name");
    if (!code.matches("S12\\d{6}")) {
      throw new ConfigurationFailure("council code " + code + " is not a GSS code S12xxxxxx");
    }
    if (formerCode != null && !formerCode.matches("S12\\d{6}")) {
      throw new ConfigurationFailure(
          "former code " + formerCode + " of " + name + " is not a GSS code S12xxxxxx");
    }
    if (!(share > 0)) {
      throw new ConfigurationFailure("share of " + name + " must be positive, was " + share);
    }
    if (aimWeeks <= 0) {
      throw new ConfigurationFailure("aimWeeks of " + name + " must be positive");
    }
    if (!(aimShare > 0 && aimShare < 1)) {
      throw new ConfigurationFailure(
          "aimShare of " + name + " must lie strictly between 0 and 1 (never 100%), was " + aimShare);
    }
  }

  public Optional<LocalDate> paceStartDate() {
    return Optional.ofNullable(paceStart);
  }

  /** The code this council's return for {@code collectionYear} carries. */
  public String codeInYear(int collectionYear, int formerCodesUntil) {
    return formerCode != null && collectionYear <= formerCodesUntil ? formerCode : code;
  }
}
