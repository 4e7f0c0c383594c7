package scot.pace.stats;

/**
 * A published share at one time: the Aalen-Johansen cumulative incidence of an outcome, its
 * standard error and its interval, with how the interval was found ({@link IntervalMethod}).
 * Everything is NaN (and the method {@code null}) when the time lies beyond the longest
 * follow-up: a figure that cannot be seen is left empty, not carried forward.
 */
public record ShareEstimate(double estimate, double standardError, double lower, double upper, IntervalMethod method) {
  private static final ShareEstimate UNSEEN = new ShareEstimate(Double.NaN, Double.NaN, Double.NaN, Double.NaN, null);

  /** F_k({@code days}) of {@code cause} from {@code fit}, with the interval the rules allow. */
  public static ShareEstimate at(AalenJohansen fit, int cause, int days, double confidence) {
    if (fit.subjects() == 0 || fit.longest() < days) {
      return UNSEEN;
    }
    Interval interval = fit.interval(cause, days);
    double error = fit.standardError(cause, days);
    if (interval.lower() < interval.upper()) {
      return new ShareEstimate(interval.estimate(), error, interval.lower(), interval.upper(), IntervalMethod.LOG_LOG);
    }
    if (fit.censoredBefore(days) == 0) {
      Interval exact = ClopperPearson.of(fit.count(cause, days), fit.subjects(), confidence);
      return new ShareEstimate(interval.estimate(), error, exact.lower(), exact.upper(), IntervalMethod.CLOPPER_PEARSON);
    }
    return new ShareEstimate(interval.estimate(), error, Double.NaN, Double.NaN, IntervalMethod.NONE);
  }

  /**
   * The five values a gold table stores for the share {@code x}, in the order of its columns
   * {@code x}, {@code x_se}, {@code x_lower}, {@code x_upper}, {@code x_interval}; null for what
   * is not known.
   */
  public Object[] columns() {
    return new Object[] {orNull(estimate), orNull(standardError), orNull(lower), orNull(upper), methodLabel()};
  }

  private static Double orNull(double value) {
    return Double.isNaN(value) ? null : value;
  }

  /** The method's label, or null for a figure left empty. */
  public String methodLabel() {
    return method == null ? null : method.label();
  }
}
