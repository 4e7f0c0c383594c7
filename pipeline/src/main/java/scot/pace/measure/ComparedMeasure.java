package scot.pace.measure;

import java.util.List;

/**
 * A proportion measure on which {@link CouncilComparison} compares the councils, as every page,
 * notebook and chart names it: declared once here, in the order they are shown.
 *
 * @param measure the {@code measure} value in {@code gold_council_comparison}
 * @param label what the share is of, in words ("reached legal permanence within 2 years of ...")
 * @param title the short title of its section ("legal permanence within 2 years")
 * @param definedBy the gold table whose section of docs/measures.md defines it
 */
public record ComparedMeasure(String measure, String label, String title, String definedBy) {

  public static final List<ComparedMeasure> ALL = List.of(
      new ComparedMeasure(TimeToPermanence.WITHIN_2Y, "reached legal permanence within 2 years of first accommodated",
          "legal permanence within 2 years", CouncilComparison.TABLE),
      new ComparedMeasure(TimeToPermanence.WITHIN_4Y, "reached legal permanence within 4 years of first accommodated",
          "legal permanence within 4 years", CouncilComparison.TABLE),
      new ComparedMeasure(Aim2.MEASURE, "permanence recommendation within 26 weeks of first accommodated",
          "PACE Aim 2, recommendation within 26 weeks", Aim2.TABLE),
      new ComparedMeasure(KinshipShare.MEASURE, "looked after children in kinship care at 31 July",
          "kinship share at 31 July", KinshipShare.TABLE),
      new ComparedMeasure(Aim1.MEASURE, "still on a home supervision order two years after it began",
          "PACE Aim 1, still on a home supervision order after 2 years", Aim1.TABLE));

  /** Whether its year is a 31 July snapshot rather than a cohort. */
  public boolean atSnapshot() {
    return measure.equals(KinshipShare.MEASURE);
  }
}
