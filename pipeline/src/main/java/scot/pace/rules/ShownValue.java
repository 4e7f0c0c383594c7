package scot.pace.rules;

/**
 * A value as a message shows it: in double quotes, so that "F" and "F  " look different, with
 * the characters a page or a terminal would hide made visible: spaces as {@code ␠} when the value
 * begins or ends with one, a NUL byte as {@code \0}, a tab, line feed or carriage return as
 * {@code ␉}, {@code ␊} or {@code ␍}, and a no-break space as {@code ⍽}; past 100 characters it
 * is cut short with {@code …}. An empty value stays null, for the message to say "(empty)".
 */
final class ShownValue {
  private ShownValue() {}

  /** The Spark SQL expression showing {@code column}'s value. */
  static String of(String column) {
    String shortened = "IF(length(" + column + ") > 100, concat(substr(" + column + ", 1, 100), '\u2026'), " + column
        + ")";
    String spaces = "CASE WHEN startswith(" + column + ", ' ') OR endswith(" + column + ", ' ') THEN replace("
        + shortened + ", ' ', '\u2420') ELSE " + shortened + " END";
    String controls = "translate(replace(" + spaces + ", chr(0), '\\\\0'), concat(chr(9), chr(10), chr(13), '\u00A0'),"
        + " '\u2409\u240A\u240D\u237D')";
    return "IF(" + column + " IS NULL, NULL, concat('\"', " + controls + ", '\"'))";
  }
}
