package scot.pace.publish.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scot.pace.disclosure.DisclosureControl;

/** Each route of the attack, on a few hand-written published files with one leak each. */
class DisclosureCheckTest {
  static final DisclosureControl SDC = new DisclosureControl(4);
  @TempDir Path dir;

  private List<String> findings(String... files) throws IOException {
    for (int i = 0; i < files.length; i += 2) {
      Path file = dir.resolve(files[i]);
      Files.createDirectories(file.getParent());
      Files.writeString(file, files[i + 1]);
    }
    return DisclosureCheck.of(dir, SDC).stream().map(f -> f.route() + ": " + f.value()).toList();
  }

  @Test
  void scotlandLessThePublishedCouncilsGivesTheOneWithheld() throws IOException {
    assertEquals(List.of("Scotland less the published councils: 3"), findings("x/gold_aim2.csv",
        "council,cohort_year,children,recommended\nS12000001,2020,[c],\nS12000002,2020,20,\nS92000003,2020,23,\n"));
  }

  @Test
  void aCountThatRunsOnIsDifferencedAlongTime() throws IOException {
    assertEquals(List.of("differenced along time: 2"), findings("x/gold_permanence_points.csv",
        "population,council,cohort_year,age_band,days,home_children\n"
            + "accommodated,S12000001,2020,all,91,10\naccommodated,S12000001,2020,all,182,12\n"));
  }

  @Test
  void aCouncilsFunnelLimitsGiveItsWithheldSize() throws IOException {
    assertEquals(List.of("a council's funnel limits: 7"), findings(
        "x/gold_council_comparison.csv", "measure,year,council,numerator,denominator,lower_95,upper_95,lower_998,upper_998\n"
            + "m,2020,S12000001,[c],[c],0.1,0.9,0.05,0.95\n",
        "x/gold_funnel_limits.csv", "measure,year,n,lower_95,upper_95,lower_998,upper_998\n"
            + "m,2020,6,0.12,0.88,0.06,0.94\nm,2020,7,0.1,0.9,0.05,0.95\n"));
  }

  @Test
  void scotlandsShareTimesTheSizesGivesTheWithheldNumerator() throws IOException {
    assertEquals(List.of("Scotland's p0 times the sizes: 3"), findings("x/gold_council_comparison.csv",
        "measure,year,council,numerator,denominator,p0\nm,2020,S12000001,[c],10,0.5\nm,2020,S12000002,12,20,0.5\n"
            + "m,2020,S12000003,15,30,0.5\n"));
  }

  @Test
  void aBaseLessItsNumeratorAndTheSameCellWithheldInOnePlaceOnly() throws IOException {
    assertEquals(List.of("a base less its numerator: 2", "the same cell in two files: 8"), findings(
        "x/gold_council_comparison.csv", "measure,year,latest,council,numerator,denominator\n"
            + "kinship_share,2024,true,S12000001,[c],10\n",
        "x/ref_councils.csv", "council,council_name\nS12000001,Aberdeen\n",
        "report/tables/comparison_kinship_share.csv", "council,children,of whom,share\nAberdeen,10,8,[c]\n"));
  }

  @Test
  void aCurvesStepTimesItsCohortIsACount() throws IOException {
    assertEquals(List.of("a curve's step: 1"), findings(
        "x/gold_time_to_permanence.csv", "population,council,cohort_year,age_band,children\naccommodated,S12000001,2020,all,40\n",
        "x/gold_permanence_curves.csv", "population,council,cohort_year,age_band,days,within\n"
            + "accommodated,S12000001,2020,all,16,0.025\n"));
  }

  @Test
  void protectedFilesGiveNothing() throws IOException {
    assertEquals(List.of(), findings("x/gold_aim2.csv",
        "council,cohort_year,children,recommended\nS12000001,2020,[c],[c]\nS12000002,2020,[c],[c]\n"
            + "S12000003,2020,40,20\nS92000003,2020,63,30\n"));
  }
}
