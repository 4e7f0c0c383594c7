package scot.pace.stats;

/**
 * A point estimate with its confidence interval.
 *
 * @param estimate the estimate
 * @param lower lower limit (NaN where it cannot be given)
 * @param upper upper limit (NaN where it cannot be given)
 */
public record Interval(double estimate, double lower, double upper) {}
