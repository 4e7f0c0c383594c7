package scot.pace.stats;


/**
 * Wilson's score interval for a proportion x / n (Wilson 1927; Newcombe 1998, method 3):
 * {@code (p + z²/2n ± z sqrt(p(1-p)/n + z²/4n²)) / (1 + z²/n)}. Stays inside [0, 1] and behaves
 * for small n and for x = 0 or x = n, which is why it is used for council shares.
 */
public final class Wilson {
  private Wilson() {}

  public static Interval interval(long successes, long trials, double confidence) {
    if (trials <= 0) {
      return new Interval(Double.NaN, Double.NaN, Double.NaN);
    }
    if (successes < 0 || successes > trials) {
      throw new IllegalArgumentException("successes " + successes + " outside 0.." + trials);
    }
    double z = Interval.z(confidence);
    double n = trials;
    double p = successes / n;
    double z2 = z * z;
    double centre = p + z2 / (2 * n);
    double spread = z * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
    double denominator = 1 + z2 / n;
    double lower = successes == 0 ? 0 : (centre - spread) / denominator;
    double upper = successes == trials ? 1 : (centre + spread) / denominator;
    return new Interval(p, lower, upper);
  }
}
