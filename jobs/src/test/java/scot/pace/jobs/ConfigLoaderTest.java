package scot.pace.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scot.pace.failure.ConfigurationFailure;

/** The configuration resolves defaults, then the file, and says exactly what is wrong. */
class ConfigLoaderTest {
  @TempDir Path dir;

  @Test
  void defaultsDescribeAllThirtyTwoCouncilsAndTheEmbeddedRun() {
    PaceConfig config = new ConfigLoader().load(null);
    assertEquals(32, config.councils().size());
    assertEquals(27, config.councils().stream().filter(c -> c.paceStart() != null).count());
    assertEquals("local[*]", config.spark().master());
    assertEquals(2010, config.generator().firstYear());
    assertEquals(2024, config.generator().lastYear());
    assertEquals(4, config.councilRegistry().formerToCurrent().size());
  }

  @Test
  void aFileIsLaidOverTheDefaultsKeyByKeyAndReplacesDistributionsWhole() throws IOException {
    Path file = write("paths:\n  lake: /srv/lake\ngenerator:\n  routes: {HOME: 1.0}\n");
    PaceConfig config = new ConfigLoader().load(file);
    assertEquals("/srv/lake", config.paths().lake());
    assertEquals("data/returns", config.paths().returns());
    assertEquals(Map.of("HOME", 1.0), config.generator().routes());
    assertEquals(20100801L, config.generator().seed());
  }

  @Test
  void anUnknownKeyNamesTheFileTheKeyAndWhatIsAllowed() throws IOException {
    Path file = write("paths:\n  lakes: /srv/lake\n");
    ConfigurationFailure error = assertThrows(ConfigurationFailure.class, () -> new ConfigLoader().load(file));
    assertEquals(file + " over conf/pace.yaml: unknown key 'paths.lakes' (allowed here: lake, out, returns, truth)",
        error.getMessage());
  }

  @Test
  void aWrongValueNamesTheKeyAndTheRule() throws IOException {
    Path file = write("generator:\n  scale: 0\n");
    ConfigurationFailure error = assertThrows(ConfigurationFailure.class, () -> new ConfigLoader().load(file));
    assertTrue(error.getMessage().contains("generator.scale must be 1 or more, was 0"), error.getMessage());
  }

  @Test
  void aMissingFileIsSaidPlainly() {
    Path file = dir.resolve("nope.yaml");
    ConfigurationFailure error = assertThrows(ConfigurationFailure.class, () -> new ConfigLoader().load(file));
    assertEquals("configuration file " + file + " does not exist", error.getMessage());
  }

  private Path write(String yaml) throws IOException {
    Path file = dir.resolve("overlay.yaml");
    Files.writeString(file, yaml);
    return file;
  }
}
