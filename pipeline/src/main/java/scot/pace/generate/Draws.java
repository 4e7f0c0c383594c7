package scot.pace.generate;

import java.util.Map;
import java.util.SplittableRandom;

/** The random draws a simulated journey is made of, from one seeded stream. */
final class Draws {
  private final SplittableRandom random;

  Draws(long seed) {
    this.random = new SplittableRandom(seed);
  }

  boolean chance(double probability) {
    return random.nextDouble() < probability;
  }

  double uniform(double low, double high) {
    return low + (high - low) * random.nextDouble();
  }

  int uniformInt(int lowInclusive, int highExclusive) {
    return random.nextInt(lowInclusive, highExclusive);
  }

  /** A log-normal draw with the given median and log-scale spread, at least one day. */
  long logNormalDays(double medianDays, double spread) {
    double days = medianDays * Math.exp(spread * gaussian());
    return Math.max(1, Math.round(days));
  }

  /** An exponential waiting time in days with the given mean, at least one day. */
  long exponentialDays(double meanDays) {
    double u = random.nextDouble();
    return Math.max(1, Math.round(-meanDays * Math.log(1 - u)));
  }

  /** One key of {@code weights}, drawn in proportion to its weight (iteration order matters). */
  String pick(Map<String, Double> weights) {
    double total = 0;
    for (double weight : weights.values()) {
      total += weight;
    }
    double target = random.nextDouble() * total;
    String last = null;
    for (Map.Entry<String, Double> entry : weights.entrySet()) {
      last = entry.getKey();
      target -= entry.getValue();
      if (target < 0) {
        return last;
      }
    }
    return last;
  }

  int pickIndex(java.util.List<Double> weights) {
    double total = 0;
    for (double weight : weights) {
      total += weight;
    }
    double target = random.nextDouble() * total;
    for (int i = 0; i < weights.size(); i++) {
      target -= weights.get(i);
      if (target < 0) {
        return i;
      }
    }
    return weights.size() - 1;
  }

  private double gaussian() {
    // Box-Muller on the one stream keeps the sequence reproducible across JVMs.
    double u1 = 1 - random.nextDouble();
    double u2 = random.nextDouble();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }
}
