package scot.pace.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/** What the jar leaves out of its libraries (jobs/pom.xml) must not be asked for by what it keeps. */
class ShippedJarIT {
  /**
   * Every provider a {@code META-INF/services} file names is a class in the jar: Java's
   * ServiceLoader stops at the first that is not, so a service file left behind by an excluded
   * package breaks every lookup of that service (Hadoop's tokens, Spark's data sources).
   */
  @Test
  void everyServiceTheJarDeclaresIsInIt() throws IOException {
    List<String> missing = new ArrayList<>();
    int providers = 0;
    try (JarFile jar = new JarFile(ShippedJar.JAR.toFile())) {
      Set<String> names = new TreeSet<>();
      Collections.list(jar.entries()).forEach(e -> names.add(e.getName()));
      for (JarEntry entry : Collections.list(jar.entries())) {
        if (!entry.getName().startsWith("META-INF/services/") || entry.isDirectory()) {
          continue;
        }
        String text = new String(jar.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
        for (String line : text.split("\n")) {
          String provider = line.replaceAll("#.*", "").trim();
          if (!provider.isEmpty()) {
            providers++;
            if (!names.contains(provider.replace('.', '/') + ".class")) {
              missing.add(entry.getName().substring("META-INF/services/".length()) + ": " + provider);
            }
          }
        }
      }
    }
    assertTrue(providers > 100, "the jar's services were read: " + providers);
    assertEquals(List.of(), missing);
  }

  /**
   * Spark's collations from the jar, which keeps only part of ICU's data: a comparison that ignores
   * case and accents in German, the language and country names of the collations list, a title
   * case and a case-insensitive search. Each answer is ICU's own (the JDK gives none of them).
   */
  @Test
  void collationsWorkWithTheICUDataTheJarKeeps() {
    ThreeCouncilDemo demo = ThreeCouncilDemo.get();
    PaceCliIT.Result result = ShippedJar.run("sql", "--lake", demo.workDir.resolve("lake").toString(), "--format", "csv",
        "SELECT 'ä' COLLATE de_CI_AI = 'A' AS de, initcap('hello wORLD' COLLATE UNICODE) AS title,"
            + " contains('STRASSE' COLLATE UNICODE_CI, 'strasse') AS found,"
            + " (SELECT concat(language, '/', country) FROM collations() WHERE name = 'de_AUT') AS names");
    assertEquals(0, result.exitCode(), result.err());
    assertTrue(result.out().contains("de,title,found,names\ntrue,Hello World,true,German/Austria\n"), result.out());
  }
}
