package scot.pace.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FindingContextTest {
  private static ReturnCheck.Finding placement(String start, String end) {
    return new ReturnCheck.Finding("placements.csv", 2, "PL-09", Severity.ERROR, "placement_type \"TENT\" is not in the code list",
        "{\"la_code\":\"S12000023\",\"collection_year\":\"2023\",\"child_id\":\" C0000109\",\"episode_id\":\"E1\","
            + "\"placement_start\":\"" + start + "\",\"placement_end\":\"" + end + "\",\"placement_type\":\"TENT\"}");
  }

  @Test
  void aRowIsHistoryWhenItsLatestEventEndedBeforeTheCollectionYearBegan() {
    // Collection year 2023 runs from 1 August 2022.
    assertEquals(new FindingContext("C0000109", "E1", "placement_type", true),
        FindingContext.of(placement("2015-03-01", "2022-07-31"), 2023));
    assertEquals("this year", FindingContext.of(placement("2015-03-01", "2022-08-01"), 2023).period());
    assertEquals("this year", FindingContext.of(placement("2015-03-01", ""), 2023).period(), "open: not ended");
    assertEquals("this year", FindingContext.of(placement("2015-03-01", "31/07/2016"), 2023).period(),
        "a date not read as one counts as this year's");
  }

  @Test
  void aBirthDateIsNoEventAndARowWithoutEventsIsThisYears() {
    ReturnCheck.Finding child = new ReturnCheck.Finding("children.csv", 2, "CH-01", Severity.ERROR, "m",
        "{\"child_id\":\"C0000001\",\"dob\":\"2001-01-01\"}");
    FindingContext about = FindingContext.of(child, 2023);
    assertEquals("this year", about.period());
    assertEquals("C0000001", about.childId());
    assertEquals("", about.episodeId());
  }
}
