package scot.pace.jobs;

/** The configuration is wrong: the run stops before it starts, with the file and key at fault. */
public final class ConfigException extends RuntimeException {
  public ConfigException(String message) {
    super(message);
  }
}
