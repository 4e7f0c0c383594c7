package scot.pace.generate;

import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import scot.pace.failure.ConfigurationFailure;

/**
 * What the synthetic-return generator simulates, read from the {@code generator} section of
 * {@code conf/pace.yaml}. Times are medians of log-normal draws unless said otherwise.
 *
 * @param seed the seed: the same parameters and seed give the same bytes
 * @param firstYear first collection year written
 * @param lastYear last collection year written; the simulation's horizon is its 31 July
 * @param burnInYears years of entries simulated before {@code firstYear}, so early returns hold
 *     the long-stay children a real return would
 * @param scale multiplies the number of children (benchmarks)
 * @param startsByYear national children starting to be looked after, per calendar year of entry,
 *     interpolated linearly between the years given
 * @param ageAtEntryBands probabilities of the age bands under 1, 1-4, 5-11, 12-15, 16-17
 * @param atHomeAtEntry probability that a child starts looked after at home on a CSO_HOME
 * @param atHomeMedianYears median years a child stays on a CSO_HOME
 * @param atHomeLaterAccommodated probability that a child at home is later accommodated
 * @param initialPlacement first placement type of an accommodated child
 * @param routes the route an accommodated child's plan takes; NONE for no permanence in care
 * @param weeksToRecommendationBeforePace median weeks from accommodation to recommendation
 *     before a council's PACE start
 * @param weeksToRecommendationAfterPace the same once PACE has fully taken effect
 * @param stageSpeedUpAfterPace factor applied to the later stages once PACE has taken effect
 * @param paceRampUpYears years over which the PACE improvement grows to its full size
 * @param otherExitsPerYear yearly hazard of leaving care to another LA, custody and the like
 * @param reentryAfterHome probability of being looked after again after a return home
 * @param scnKnown share of children whose Scottish Candidate Number is recorded
 * @param formerCodesUntil last collection year whose returns carry the former council codes
 */
public record GeneratorParameters(
    long seed,
    int firstYear,
    int lastYear,
    int burnInYears,
    int scale,
    NavigableMap<Integer, Integer> startsByYear,
    List<Double> ageAtEntryBands,
    double atHomeAtEntry,
    double atHomeMedianYears,
    double atHomeLaterAccommodated,
    Map<String, Double> initialPlacement,
    Map<String, Double> routes,
    double weeksToRecommendationBeforePace,
    double weeksToRecommendationAfterPace,
    double stageSpeedUpAfterPace,
    double paceRampUpYears,
    double otherExitsPerYear,
    double reentryAfterHome,
    double scnKnown,
    int formerCodesUntil) {

  public GeneratorParameters {
    if (firstYear > lastYear) {
      throw new ConfigurationFailure(
          "generator.firstYear " + firstYear + " is after generator.lastYear " + lastYear);
    }
    if (scale < 1) {
      throw new ConfigurationFailure("generator.scale must be 1 or more, was " + scale);
    }
    if (burnInYears < 0) {
      throw new ConfigurationFailure("generator.burnInYears must not be negative");
    }
    if (startsByYear == null || startsByYear.isEmpty()) {
      throw new ConfigurationFailure("generator.startsByYear needs at least one year");
    }
    if (ageAtEntryBands == null || ageAtEntryBands.size() != 5) {
      throw new ConfigurationFailure(
          "generator.ageAtEntryBands needs five probabilities (under 1, 1-4, 5-11, 12-15, 16-17)");
    }
    startsByYear = new TreeMap<>(startsByYear);
    requireProbability("atHomeAtEntry", atHomeAtEntry);
    requireProbability("atHomeLaterAccommodated", atHomeLaterAccommodated);
    requireProbability("reentryAfterHome", reentryAfterHome);
    requireProbability("scnKnown", scnKnown);
    requireProbability("stageSpeedUpAfterPace", stageSpeedUpAfterPace);
  }

  private static void requireProbability(String key, double value) {
    if (!(value >= 0 && value <= 1)) {
      throw new ConfigurationFailure(
          "generator." + key + " must be a probability between 0 and 1, was " + value);
    }
  }

  /** National starts in calendar year {@code year}, interpolated and scaled. */
  public double startsIn(int year) {
    Map.Entry<Integer, Integer> below = startsByYear.floorEntry(year);
    Map.Entry<Integer, Integer> above = startsByYear.ceilingEntry(year);
    double starts;
    if (below == null) {
      starts = above.getValue();
    } else if (above == null || above.getKey().equals(below.getKey())) {
      starts = below.getValue();
    } else {
      double fraction = (year - below.getKey()) / (double) (above.getKey() - below.getKey());
      starts = below.getValue() + fraction * (above.getValue() - below.getValue());
    }
    return starts * scale;
  }

  public GeneratorParameters withScale(int newScale) {
    return new GeneratorParameters(
        seed, firstYear, lastYear, burnInYears, newScale, startsByYear, ageAtEntryBands,
        atHomeAtEntry, atHomeMedianYears, atHomeLaterAccommodated, initialPlacement, routes,
        weeksToRecommendationBeforePace, weeksToRecommendationAfterPace, stageSpeedUpAfterPace,
        paceRampUpYears, otherExitsPerYear, reentryAfterHome, scnKnown, formerCodesUntil);
  }

  public GeneratorParameters withSeed(long newSeed) {
    return new GeneratorParameters(
        newSeed, firstYear, lastYear, burnInYears, scale, startsByYear, ageAtEntryBands,
        atHomeAtEntry, atHomeMedianYears, atHomeLaterAccommodated, initialPlacement, routes,
        weeksToRecommendationBeforePace, weeksToRecommendationAfterPace, stageSpeedUpAfterPace,
        paceRampUpYears, otherExitsPerYear, reentryAfterHome, scnKnown, formerCodesUntil);
  }
}
