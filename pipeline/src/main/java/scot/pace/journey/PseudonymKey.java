package scot.pace.journey;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import scot.pace.failure.ConfigurationFailure;

/**
 * The secret behind the pseudonymous child key. Read from the environment variable
 * {@value #ENVIRONMENT_VARIABLE} or from a key file named in the configuration; only the demo on
 * synthetic data may use the fixed, public demo key.
 *
 * @param secret the key bytes (at least 16)
 * @param source where it came from, for the run log (never the key itself)
 * @param isDemo whether it is the public demo key
 */
public record PseudonymKey(byte[] secret, String source, boolean isDemo) {
  public static final String ENVIRONMENT_VARIABLE = "PACE_PSEUDONYM_KEY";
  private static final String DEMO = "pace-demo-key-synthetic-data-only";

  public PseudonymKey {
    if (secret == null || secret.length < 16) {
      throw new ConfigurationFailure(
          "the pseudonymisation key from " + source + " is shorter than 16 bytes; use a long random"
              + " secret, e.g. `openssl rand -hex 32`");
    }
    secret = secret.clone();
  }

  /** The public key the demo uses: fine for synthetic returns, never for real ones. */
  public static PseudonymKey demo() {
    return new PseudonymKey(DEMO.getBytes(StandardCharsets.UTF_8), "the built-in demo key", true);
  }

  /**
   * The key from the environment, else from {@code keyFile} (may be null); refuses with a message
   * that says how to set one.
   */
  public static PseudonymKey resolve(String environmentValue, Path keyFile) {
    if (environmentValue != null && !environmentValue.isBlank()) {
      return new PseudonymKey(environmentValue.trim().getBytes(StandardCharsets.UTF_8),
          "the environment variable " + ENVIRONMENT_VARIABLE, false);
    }
    if (keyFile != null) {
      try {
        return new PseudonymKey(Files.readString(keyFile).trim().getBytes(StandardCharsets.UTF_8),
            "the key file " + keyFile, false);
      } catch (IOException e) {
        throw new ConfigurationFailure("cannot read the pseudonymisation key file " + keyFile
            + " (" + e.getMessage() + ")");
      }
    }
    throw new ConfigurationFailure(
        "no pseudonymisation key: children are identified in silver and gold only by a keyed hash of"
            + " council and child id. Set " + ENVIRONMENT_VARIABLE + " to a long random secret"
            + " (e.g. export " + ENVIRONMENT_VARIABLE + "=$(openssl rand -hex 32)) or name a key file"
            + " in pseudonymisation.keyFile, and keep it: the same key gives the same child keys"
            + " from run to run. (`pace demo` uses a public demo key on synthetic data.)");
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PseudonymKey key && Arrays.equals(secret, key.secret);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(secret);
  }

  @Override
  public String toString() {
    return "PseudonymKey[" + source + "]";
  }
}
