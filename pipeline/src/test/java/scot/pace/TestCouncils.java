package scot.pace;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import scot.pace.council.Council;
import scot.pace.council.Councils;
import scot.pace.generate.GeneratorParameters;

/** Small, named configurations for tests: a few councils and the generator's default parameters. */
public final class TestCouncils {
  private TestCouncils() {}

  public static final Council ORKNEY =
      new Council("S12000023", "Orkney Islands", null, 0.0025, null, 26, 0.7);
  public static final Council FIFE =
      new Council("S12000047", "Fife", "S12000015", 0.062, LocalDate.of(2014, 9, 1), 26, 0.7);
  public static final Council DUNDEE =
      new Council("S12000042", "Dundee City", null, 0.047, LocalDate.of(2014, 11, 1), 26, 0.7);

  /** Three councils with their shares of Scotland, so their sizes stay realistic. */
  public static Councils three() {
    return new Councils(List.of(ORKNEY, FIFE, DUNDEE));
  }

  public static GeneratorParameters parameters() {
    return new GeneratorParameters(
        20100801L, 2010, 2024, 16, 1,
        new TreeMap<>(Map.of(1994, 4000, 2006, 4150, 2012, 4150, 2014, 3950, 2019, 3600, 2023, 3150, 2024, 3130)),
        List.of(0.22, 0.26, 0.30, 0.19, 0.03),
        0.55, 1.3, 0.18,
        ordered("KIN", 0.40, "FOS_LA", 0.30, "FOS_PUR", 0.13, "RES_LA", 0.09, "RES_VOL", 0.04, "COMM", 0.02,
            "RES_SCH", 0.02, "SECURE", 0.01, "CRISIS", 0.01, "RES_OTH", 0.01),
        ordered("HOME", 0.28, "KCO", 0.28, "PO", 0.22, "POA", 0.05, "ADOPTION", 0.04, "NONE", 0.13),
        125, 55, 0.65, 2.0, 0.035, 0.12, 0.7, 2018);
  }

  private static Map<String, Double> ordered(Object... keysAndWeights) {
    Map<String, Double> map = new java.util.LinkedHashMap<>();
    for (int i = 0; i < keysAndWeights.length; i += 2) {
      map.put((String) keysAndWeights[i], ((Number) keysAndWeights[i + 1]).doubleValue());
    }
    return map;
  }
}
