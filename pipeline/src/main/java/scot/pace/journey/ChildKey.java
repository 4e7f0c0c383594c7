package scot.pace.journey;

import static org.apache.spark.sql.functions.udf;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;

/**
 * The pseudonymous child key: HMAC-SHA-256 of {@code <council code>:<child id>} under the
 * pseudonymisation key, in hex. The same child of the same council gets the same key in every
 * return and run; without the secret it cannot be turned back into the id. Spark has no HMAC
 * among its built-in functions, hence the one function of our own here.
 */
public final class ChildKey {
  private ChildKey() {}

  public static String of(byte[] secret, String council, String childId) {
    try {
      return new Hmac(secret).call(council, childId);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JVM cannot compute HMAC-SHA-256", e);
    }
  }

  /** The key as a Spark column of a council column and a child id column. */
  public static Column column(PseudonymKey key, Column council, Column childId) {
    UserDefinedFunction function = udf(new Hmac(key.secret()), DataTypes.StringType);
    return function.apply(council, childId);
  }

  /**
   * The function Spark runs: one {@link Mac} per deserialised copy (Spark gives each task its own),
   * made once, not per row: looking up and keying a Mac costs more than the hash itself.
   */
  private static final class Hmac implements UDF2<String, String, String> {
    private final byte[] secret;
    private transient Mac mac;

    Hmac(byte[] secret) {
      this.secret = secret.clone();
    }

    @Override
    public String call(String council, String childId) throws GeneralSecurityException {
      if (council == null || childId == null) {
        return null;
      }
      if (mac == null) {
        mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      }
      return HexFormat.of().formatHex(mac.doFinal((council + ":" + childId).getBytes(StandardCharsets.UTF_8)));
    }
  }
}
