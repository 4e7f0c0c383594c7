package scot.pace.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import scot.pace.measure.DataDictionary;

class DataDictionaryTest {
  static final String SAMPLE = String.join("\n",
      "# Measures",
      "",
      "## Gold: `gold_a` (`scot.pace.A`)",
      "",
      "One row per council",
      "and year.",
      "",
      "| column | meaning |",
      "|---|---|",
      "| `x`, `y` | two counts |",
      "| `council` | a's own council |",
      "",
      "## Gold: group of tables",
      "",
      "Shared words.",
      "",
      "### `gold_b`",
      "",
      "| column | meaning |",
      "|---|---|",
      "| `z` | a share, with a pipe-free meaning |",
      "",
      "## Common columns",
      "",
      "| column | meaning |",
      "|---|---|",
      "| `council` | the council's code |",
      "| `year` | the year |",
      "");

  @Test
  void readsTablesTheirColumnsAndTheCommonOnes() {
    DataDictionary dictionary = DataDictionary.parse(SAMPLE);
    assertEquals(Optional.of("two counts"), dictionary.meaning("gold_a", "y"));
    assertEquals(Optional.of("a's own council"), dictionary.meaning("gold_a", "council"), "a table's own wins");
    assertEquals(Optional.of("the council's code"), dictionary.meaning("gold_b", "council"));
    assertEquals(Optional.of("the year"), dictionary.meaning("gold_a", "year"));
    assertEquals(Optional.empty(), dictionary.meaning("gold_b", "x"));
    assertEquals("One row per council and year.", dictionary.table("gold_a").orElseThrow().description());
    assertEquals("Shared words.", dictionary.table("gold_b").orElseThrow().description());
  }

  @Test
  void theDocsInTheJarDescribeEveryPublishedTable() {
    DataDictionary dictionary = DataDictionary.load();
    for (scot.pace.catalogue.Output table : scot.pace.catalogue.OutputCatalogue.published()) {
      String description = dictionary.table(table.table()).map(DataDictionary.Table::description).orElse("");
      assertTrue(!description.isBlank(), "docs/measures.md has no section describing " + table.table());
    }
  }
}
