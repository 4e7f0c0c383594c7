package scot.pace.measure;

import java.util.List;

/**
 * How a child's follow-up in a cohort ends, numbered as the estimators take it: 0 censored, 1-5
 * legal permanence by route, 6 left care without legal permanence (a competing outcome).
 */
public enum OutcomeKind {
  CENSORED(0),
  HOME(1),
  KCO(2),
  PO(3),
  POA(4),
  ADOPTION(5),
  LEFT_CARE(6);

  private final int cause;

  OutcomeKind(int cause) {
    this.cause = cause;
  }

  public int cause() {
    return cause;
  }

  public boolean isPermanence() {
    return cause >= 1 && cause <= 5;
  }

  /** The outcomes the Aalen-Johansen incidences are given for, in cause order. */
  public static List<OutcomeKind> competing() {
    return List.of(HOME, KCO, PO, POA, ADOPTION, LEFT_CARE);
  }

  public static final int CAUSES = 6;
}
