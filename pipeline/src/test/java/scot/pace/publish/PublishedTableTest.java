package scot.pace.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import scot.pace.catalogue.OutputCatalogue;
import scot.pace.disclosure.DisclosureControl;

class PublishedTableTest {
  static final DisclosureControl SDC = new DisclosureControl(4);

  static PublishedTable table(String name) {
    return OutputCatalogue.named(name).orElseThrow().publication();
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

  static Map<String, Object> cohort(String council, long children, long followed2y, double naiveWithin2y) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("population", "accommodated");
    row.put("council", council);
    row.put("cohort_year", 2020);
    row.put("age_band", "all");
    row.put("children", children);
    row.put("median_days", 700.0);
    row.put("naive_followed_2y", followed2y);
    row.put("naive_within_2y", naiveWithin2y);
    return row;
  }

  @Test
  void naiveSharesAreProtectedAsTheCountsTheyStandForAndMediansOnlyWhenTheCohortIsSmall() {
    List<String> columns = List.of("council", "children", "median_days", "naive_followed_2y", "naive_within_2y");
    List<Map<String, Object>> group = List.of(cohort("S12000001", 10, 10, 0.3), cohort("S12000002", 3, 3, 0.0),
        cohort("S12000003", 40, 40, 0.5), cohort("S92000003", 53, 53, 23 / 53.0));
    List<List<String>> lines = table("gold_time_to_permanence").protect(columns, group, SDC);
    // 0.3 of 10 is 3 children: the share goes, and so that Scotland's 23 of 53 cannot give the 3
    // back, the 20 of the third council goes too (its 20 not within goes with it in the grid).
    assertEquals(List.of("S12000001", "[c]", "700.0", "[c]", "[c]"), lines.get(0));
    // A cohort of 3: the count and everything computed from it.
    assertEquals(List.of("S12000002", "[c]", "[c]", "[c]", "[c]"), lines.get(1));
    assertEquals("[c]", lines.get(2).get(4));
    assertEquals(List.of("S92000003", "53", "700.0", "53", String.valueOf(23 / 53.0)), lines.get(3));
  }

  @Test
  void aNullFigureStaysEmptyAndIsNeverMarkedWithheld() {
    Map<String, Object> row = cohort("S12000001", 2, 2, 0.0);
    row.put("median_days", null);
    List<List<String>> lines = table("gold_time_to_permanence").protect(List.of("children", "median_days"),
        List.of(row), SDC);
    assertEquals(List.of("[c]", ""), lines.get(0));
  }

  static Map<String, Object> compared(String council, long numerator, long denominator) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("measure", "aim2_recommended_within_26w");
    row.put("year", 2020);
    row.put("council", council);
    row.put("numerator", numerator);
    row.put("denominator", denominator);
    row.put("proportion", (double) numerator / denominator);
    row.put("p0", 1.0 / 60);
    row.put("lower_95", 0.0);
    return row;
  }

  @Test
  void scotlandsShareIsWithheldWhenItWouldGiveAwayASmallPooledCount() {
    List<String> columns = List.of("council", "numerator", "denominator", "p0", "lower_95");
    // One child in all of Scotland: each council's numerator is withheld, and so is p0, which times
    // the published sizes (60) would give the 1 back.
    List<List<String>> lines = table("gold_council_comparison").protect(columns,
        List.of(compared("S12000001", 1, 20), compared("S12000002", 0, 20), compared("S12000003", 0, 20)), SDC);
    for (List<String> line : lines) {
      assertEquals("[c]", line.get(3), line.toString());
      assertEquals("[c]", line.get(4), line.toString());
    }
    List<List<String>> safe = table("gold_council_comparison").protect(columns,
        List.of(compared("S12000001", 10, 20), compared("S12000002", 10, 20), compared("S12000003", 10, 20)), SDC);
    assertEquals(String.valueOf(1.0 / 60), safe.get(0).get(3));
  }
}
