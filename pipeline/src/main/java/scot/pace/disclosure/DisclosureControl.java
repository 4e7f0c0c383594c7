package scot.pace.disclosure;

import java.util.Locale;
import scot.pace.failure.ConfigurationFailure;

/**
 * Statistical disclosure control of everything published: a count of children from 1 to the
 * {@code threshold} (4 by default, from {@code conf/}) is shown as {@value #SUPPRESSED}, never as
 * 0; a share is suppressed when its numerator, its denominator or the children it leaves out
 * (denominator - numerator) would be such a count; a figure computed from fewer children than
 * that (a median, a curve) is suppressed too. {@link CountTable#protect} adds the secondary
 * suppression that stops a suppressed cell being recovered from a total. Zero is not suppressed:
 * it reveals no child.
 *
 * @param threshold the largest count suppressed
 */
public record DisclosureControl(int threshold) {
  public static final String SUPPRESSED = "[c]";

  public DisclosureControl {
    if (threshold < 1) {
      throw new ConfigurationFailure("disclosure.threshold must be 1 or more (4 suppresses counts 1 to 4), was "
          + threshold);
    }
  }

  /** Whether {@code count} children could identify someone: 1 to the threshold. */
  public boolean isSmall(long count) {
    return count >= 1 && count <= threshold;
  }

  /** Whether a share {@code numerator / denominator} may be published. */
  public boolean sharePublishable(long numerator, long denominator) {
    return denominator > 0 && !isSmall(numerator) && !isSmall(denominator) && !isSmall(denominator - numerator);
  }

  /**
   * Whether an estimated share of {@code children} (a Kaplan-Meier 1 - S(t), say) may be
   * published: it is treated as the count it stands for, round(share × children), and checked as
   * a share.
   */
  public boolean estimatePublishable(double share, long children) {
    return !Double.isNaN(share) && sharePublishable(Math.round(share * children), children);
  }

  /** Whether a figure computed from {@code children} children (a median, a curve) may be published. */
  public boolean basedOnEnough(long children) {
    return children == 0 || children > threshold;
  }

  /** The count as published: {@value #SUPPRESSED} when small. */
  public String count(long count) {
    return isSmall(count) ? SUPPRESSED : String.format(Locale.ROOT, "%,d", count);
  }

  /** The share as a percentage with one decimal, or {@value #SUPPRESSED}. */
  public String percent(long numerator, long denominator) {
    if (denominator == 0) {
      return "";
    }
    return sharePublishable(numerator, denominator)
        ? String.format(Locale.ROOT, "%.1f%%", 100.0 * numerator / denominator) : SUPPRESSED;
  }
}
