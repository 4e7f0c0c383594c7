package scot.pace.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The catalogue is the only list of tables: no other code spells a table's name or keeps its own list. */
class OutputCatalogueTest {
  private static final Pattern TABLE_NAME = Pattern.compile("\"((?:bronze|silver|gold|ref)_[a-z0-9_]+)\"");
  private static final Pattern CONSTANT = Pattern.compile("static final String [A-Z_]+ = \"[a-z0-9_]+\";");

  @Test
  void everyTableNameInTheCodeIsAConstantTheCatalogueDeclares() throws IOException {
    List<String> elsewhere = new ArrayList<>();
    List<String> undeclared = new ArrayList<>();
    int constants = 0;
    try (Stream<Path> sources = Files.walk(Path.of(".."))) {
      for (Path file : sources.filter(p -> p.toString().endsWith(".java") && p.toString().contains("src/main/java"))
          .toList()) {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
          Matcher name = TABLE_NAME.matcher(lines.get(i));
          while (name.find()) {
            if (!CONSTANT.matcher(lines.get(i)).find()) {
              elsewhere.add(file + ":" + (i + 1) + " " + name.group(1));
            } else {
              constants++;
              if (OutputCatalogue.named(name.group(1)).isEmpty()) {
                undeclared.add(file + ":" + (i + 1) + " " + name.group(1));
              }
            }
          }
        }
      }
    }
    assertTrue(constants >= 20, "the table constants were found: " + constants);
    assertEquals(List.of(), elsewhere, "table names spelled outside a constant: use the constant");
    assertEquals(List.of(), undeclared, "tables the catalogue does not declare");
  }

  /**
   * A list of tables kept outside the catalogue: two or more table constants in one {@code List.of(...)}
   * or array. The attack of {@code DisclosureCheck} keeps its own reading of the tables on purpose, so
   * that it does not share the protection's mistakes.
   */
  @Test
  void noCodeOutsideTheCatalogueKeepsItsOwnListOfTables() throws IOException {
    Pattern definition = Pattern.compile("public static final String ([A-Z_]+) = \"(?:bronze|silver|gold|ref)_[a-z0-9_]+\";");
    List<String> constants = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> sources = Files.walk(Path.of(".."))) {
      files = sources.filter(p -> p.toString().endsWith(".java") && p.toString().contains("src/main/java")).toList();
    }
    for (Path file : files) {
      Matcher found = definition.matcher(Files.readString(file));
      while (found.find()) {
        constants.add(file.getFileName().toString().replace(".java", "") + "." + found.group(1));
      }
    }
    Pattern list = Pattern.compile("(List\\.of\\(|new String\\[\\] \\{)([^;]*?)(\\)|\\})", Pattern.DOTALL);
    List<String> lists = new ArrayList<>();
    for (Path file : files) {
      String path = file.toString().replace('\\', '/');
      if (path.contains("/catalogue/") || path.endsWith("attack/DisclosureCheck.java")) {
        continue;
      }
      Matcher found = list.matcher(Files.readString(file));
      while (found.find()) {
        long tables = constants.stream().filter(c -> found.group(2).contains(c)).count();
        if (tables >= 2) {
          lists.add(file.getFileName() + ": " + found.group(0).replaceAll("\\s+", " "));
        }
      }
    }
    assertTrue(constants.size() >= 20, "table constants found: " + constants);
    assertEquals(List.of(), lists, "lists of tables outside the catalogue: iterate over OutputCatalogue instead");
  }

  @Test
  void eachTableIsDeclaredOnceAndTheBuildWritesSilverGoldAndReference() {
    List<String> names = OutputCatalogue.all().stream().map(Output::table).toList();
    assertEquals(names.size(), new HashSet<>(names).size(), "a table declared twice: " + names);
    for (Output output : OutputCatalogue.built()) {
      assertTrue(List.of(Layer.SILVER, Layer.GOLD, Layer.REFERENCE).contains(output.layer()), output.toString());
    }
    assertTrue(OutputCatalogue.all().stream().filter(o -> !o.isBuilt()).allMatch(o -> !o.writtenBy().startsWith("build")));
    assertEquals(23, OutputCatalogue.built().size());
  }

  @Test
  void onlyGoldAndReferenceTablesArePublishedAndNeverTheChildLevelOnes() {
    List<String> published = OutputCatalogue.published().stream().map(Output::table).toList();
    for (Output output : OutputCatalogue.published()) {
      assertTrue(List.of(Layer.GOLD, Layer.REFERENCE).contains(output.layer()), output.table());
      assertEquals(output.table(), output.publication().name());
    }
    for (String childLevel : List.of(scot.pace.measure.RunChart.POINTS, scot.pace.measure.StillWaiting.TABLE,
        scot.pace.measure.CohortOutcomes.TABLE, scot.pace.measure.TimeToPermanence.CURVES)) {
      assertTrue(!published.contains(childLevel), childLevel + " is published");
    }
    assertTrue(published.contains(scot.pace.measure.TimeToPermanence.POINTS), published.toString());
  }
}
