package scot.pace.returns;

/**
 * The groups the published statistics use for the placement mix; every placement type falls in
 * exactly one, so shares over the groups add to 100%.
 */
public enum PlacementGroup {
  AT_HOME("at home with parents"),
  KINSHIP("with friends or relatives (kinship)"),
  FOSTER("with foster carers"),
  ADOPTERS("with prospective adopters"),
  RESIDENTIAL("in residential care"),
  OTHER_COMMUNITY("other community");

  private final String label;

  PlacementGroup(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The group of a placement type code of the contract, or null for an unknown code. */
  public static PlacementGroup of(String placementType) {
    if (placementType == null) {
      return null;
    }
    return switch (placementType) {
      case "HOME" -> AT_HOME;
      case "KIN" -> KINSHIP;
      case "FOS_LA", "FOS_PUR" -> FOSTER;
      case "ADOPTERS" -> ADOPTERS;
      case "RES_LA", "RES_VOL", "RES_SCH", "SECURE", "CRISIS", "RES_OTH" -> RESIDENTIAL;
      case "COMM" -> OTHER_COMMUNITY;
      default -> null;
    };
  }
}
