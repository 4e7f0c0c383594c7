package scot.pace.measure;

/** The two populations whose time to permanence is measured, each with its time origin. */
public enum Population {
  /** Origin: first looked after (at home or away). */
  LOOKED_AFTER("looked_after", "first_looked_after"),
  /** Origin: first accommodated (placed away from home): the SCRA and PACE Aim 2 population. */
  ACCOMMODATED("accommodated", "first_accommodated");

  private final String label;
  private final String originColumn;

  Population(String label, String originColumn) {
    this.label = label;
    this.originColumn = originColumn;
  }

  public String label() {
    return label;
  }

  public String originColumn() {
    return originColumn;
  }
}
