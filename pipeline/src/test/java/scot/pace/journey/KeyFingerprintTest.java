package scot.pace.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scot.pace.BuiltLake;
import scot.pace.SharedSpark;
import scot.pace.build.LakeBuild;
import scot.pace.failure.ConfigurationFailure;
import scot.pace.lake.Lake;

class KeyFingerprintTest {
  private static final PseudonymKey OTHER =
      new PseudonymKey("another-key-of-thirty-two-bytes!".getBytes(StandardCharsets.UTF_8), "a test", false);

  @TempDir Path dir;

  @Test
  void aBuildRecordsItsKeysFingerprintInTheLake() {
    BuiltLake built = BuiltLake.get();
    assertEquals(Optional.of(KeyFingerprint.of(built.key)), KeyFingerprint.recorded(built.lake, SharedSpark::session));
  }

  @Test
  void theFingerprintTellsKeysApartAndSaysNothingOfTheKey() {
    String demo = KeyFingerprint.of(PseudonymKey.demo());
    assertEquals(demo, KeyFingerprint.of(PseudonymKey.demo()));
    assertNotEquals(demo, KeyFingerprint.of(OTHER));
    assertTrue(demo.matches("[0-9a-f]{16}"), demo);
  }

  @Test
  void aBuildWithAnotherKeyIsRefusedBeforeItReadsOrWritesAnything() throws Exception {
    Lake lake = Lake.at(dir.resolve("lake"));
    KeyFingerprint.record(lake, PseudonymKey.demo(), SharedSpark::session);
    ConfigurationFailure refused = assertThrows(ConfigurationFailure.class,
        () -> new LakeBuild(SharedSpark.session(), lake, OTHER, BuiltLake.get().councils).run());
    assertTrue(refused.getMessage().contains("is not the one this lake's child keys were made with (its fingerprint "
        + KeyFingerprint.of(OTHER) + ", the lake's " + KeyFingerprint.of(PseudonymKey.demo())), refused.getMessage());
    assertTrue(refused.getMessage().contains("delete that file"), refused.getMessage());
    try (var files = Files.list(dir.resolve("lake"))) {
      assertEquals(1, files.count(), "nothing but the fingerprint's folder");
    }

    // The same key passes the check and the build goes on, here to say the lake has no bronze tables.
    RuntimeException next = assertThrows(RuntimeException.class,
        () -> new LakeBuild(SharedSpark.session(), lake, PseudonymKey.demo(), BuiltLake.get().councils).run());
    assertTrue(!(next instanceof ConfigurationFailure) || !next.getMessage().contains("fingerprint"), next.getMessage());
  }
}
