package scot.pace.lake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same classes give the same fingerprint, in a jar or a folder; a changed class, another. */
class CodeFingerprintTest {
  @TempDir Path dir;

  Path jar(String name, String measure, String library) throws Exception {
    Path jar = dir.resolve(name);
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      for (String[] entry : new String[][] {{"scot/pace/measure/Aim2.class", measure},
          {"org/apache/spark/Thing.class", library}}) {
        out.putNextEntry(new JarEntry(entry[0]));
        out.write(entry[1].getBytes(java.nio.charset.StandardCharsets.UTF_8));
        out.closeEntry();
      }
    }
    return jar;
  }

  @Test
  void onlyThePipelinesOwnClassesCount() throws Exception {
    String first = CodeFingerprint.of(jar("a.jar", "aim 2 v1", "spark"));
    assertEquals(first, CodeFingerprint.of(jar("b.jar", "aim 2 v1", "spark another build")),
        "a library's class is not the pipeline's code");
    assertNotEquals(first, CodeFingerprint.of(jar("c.jar", "aim 2 v2", "spark")), "a measure changed");
  }

  @Test
  void aFolderOfClassesToo() throws Exception {
    Path classes = dir.resolve("classes/scot/pace/measure");
    Files.createDirectories(classes);
    Files.writeString(classes.resolve("Aim2.class"), "aim 2 v1");
    String first = CodeFingerprint.of(dir.resolve("classes"));
    Files.writeString(classes.resolve("Aim2.class"), "aim 2 v2");
    assertNotEquals(first, CodeFingerprint.of(dir.resolve("classes")));
    assertEquals(64, CodeFingerprint.current().length(), "the code running the test has one too");
  }
}
