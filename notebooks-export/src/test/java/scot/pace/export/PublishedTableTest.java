package scot.pace.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import scot.pace.disclosure.DisclosureControl;

class PublishedTableTest {
  static final DisclosureControl SDC = new DisclosureControl(4);

  static PublishedTable table(String name) {
    return PublishedTables.all().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
  }

  static Map<String, Object> kinship(String council, long atHome, long kin, long foster) {
    Map<String, Object> row = new LinkedHashMap<>();
    long all = atHome + kin + foster;
    row.put("council", council);
    row.put("collection_year", 2024);
    row.put("looked_after", all);
    row.put("at_home", atHome);
    row.put("kinship", kin);
    row.put("foster", foster);
    for (String group : List.of("adopters", "residential", "other_community", "no_placement")) {
      row.put(group, 0L);
    }
    row.put("at_home_share", (double) atHome / all);
    row.put("kinship_share", (double) kin / all);
    row.put("foster_share", (double) foster / all);
    row.put("kinship_lower", 0.1);
    row.put("kinship_upper", 0.9);
    return row;
  }

  @Test
  void aSmallCountIsWithheldWithWhatWouldRevealItAcrossTheCouncilAndAcrossScotland() {
    List<Map<String, Object>> group = new ArrayList<>(List.of(
        kinship("S12000001", 3, 10, 7), kinship("S12000002", 20, 15, 15), kinship("S92000003", 23, 25, 22)));
    List<String> columns = List.of("council", "looked_after", "at_home", "kinship", "foster", "at_home_share",
        "foster_share", "kinship_share", "kinship_lower");
    List<List<String>> lines = table("gold_kinship_share").protect(columns, group, SDC);
    // 3 is small; 7 is withheld so that 20 - 10 - 7 cannot give it; across councils, the other
    // council's at home and foster go too, so that Scotland's 23 and 22 cannot give them.
    assertEquals(List.of("S12000001", "20", "[c]", "10", "[c]", "[c]", "[c]", "0.5", "0.1"), lines.get(0));
    assertEquals(List.of("S12000002", "50", "[c]", "15", "[c]", "[c]", "[c]", "0.3", "0.1"), lines.get(1));
    assertEquals(List.of("S92000003", "70", "23", "25", "22", String.valueOf(23.0 / 70), String.valueOf(22.0 / 70),
        String.valueOf(25.0 / 70), "0.1"), lines.get(2));
  }

  static Map<String, Object> cohort(String council, long children, double within2y, double within4y) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("population", "accommodated");
    row.put("council", council);
    row.put("cohort_year", 2020);
    row.put("children", children);
    row.put("events", children / 2);
    row.put("competing", 0L);
    row.put("censored", children - children / 2);
    row.put("median_days", 700.0);
    row.put("within_2y", within2y);
    row.put("within_2y_lower", within2y - 0.1);
    row.put("within_4y", within4y);
    return row;
  }

  @Test
  void estimatesAreWithheldWhenTheCountTheyStandForIsSmallAndMediansWhenTheCohortIs() {
    List<String> columns = List.of("council", "children", "median_days", "within_2y", "within_2y_lower", "within_4y");
    List<Map<String, Object>> group = List.of(cohort("S12000001", 10, 0.35, 0.6), cohort("S12000002", 3, 0.0, 0.5),
        cohort("S12000003", 40, 0.5, 0.75), cohort("S92000003", 53, 0.45, 0.7));
    List<List<String>> lines = table("gold_time_to_permanence").protect(columns, group, SDC);
    // 0.35 of 10 stands for 4 children, 0.6 leaves 4 without: both small. The cohort count of 10
    // is withheld too, so that Scotland's 53 cannot give the cohort of 3; its median stays.
    assertEquals(List.of("S12000001", "[c]", "700.0", "[c]", "[c]", "[c]"), lines.get(0));
    // A cohort of 3: the count and everything computed from it.
    assertEquals(List.of("S12000002", "[c]", "[c]", "[c]", "[c]", "[c]"), lines.get(1));
    assertEquals(List.of("S12000003", "40", "700.0", "0.5", "0.4", "0.75"), lines.get(2));
    assertEquals("53", lines.get(3).get(1));
  }

  @Test
  void aNullFigureStaysEmptyAndIsNeverMarkedWithheld() {
    Map<String, Object> row = cohort("S12000001", 2, 0.0, 0.0);
    row.put("median_days", null);
    List<List<String>> lines = table("gold_time_to_permanence").protect(List.of("children", "median_days"),
        List.of(row), SDC);
    assertEquals(List.of("[c]", ""), lines.get(0));
  }
}
