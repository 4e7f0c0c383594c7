package scot.pace.rules;

/** What happens to a row that breaks a rule. */
public enum Severity {
  /** The row is set aside in quarantine and not used. */
  ERROR,
  /** The row is used, and the problem reported. */
  WARNING
}
