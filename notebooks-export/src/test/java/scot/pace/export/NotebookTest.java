package scot.pace.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotebookTest {
  @TempDir Path dir;

  static Notebook sample() {
    return new Notebook("sample")
        .markdown("# Title\n\nA paragraph.")
        .code("x = 1")
        .code("table(\"t.csv\")", TableOutput.of(List.of(List.of("council", "share"), List.of("Orkney <Islands>", "[c]"))))
        .code("Image(filename=\"c.png\")", Notebook.Output.image(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, "c.png"));
  }

  @Test
  void writesNbformat4WithSourcesAsLinesAndOnlyRunCellsNumbered() throws Exception {
    Path file = dir.resolve("n.ipynb");
    sample().write(file);
    JsonNode root = new ObjectMapper().readTree(file.toFile());
    assertEquals(4, root.get("nbformat").asInt());
    assertEquals(5, root.get("nbformat_minor").asInt());
    assertEquals("python3", root.at("/metadata/kernelspec/name").asText());
    JsonNode cells = root.get("cells");
    assertEquals(4, cells.size());
    assertEquals("# Title\n", cells.get(0).get("source").get(0).asText());
    assertEquals("A paragraph.", cells.get(0).get("source").get(2).asText());
    assertTrue(cells.get(1).get("execution_count").isNull(), "a cell without output was not run");
    assertEquals(0, cells.get(1).get("outputs").size());
    JsonNode table = cells.get(2).get("outputs").get(0);
    assertEquals("execute_result", table.get("output_type").asText());
    assertEquals(1, table.get("execution_count").asInt());
    String html = String.join("", new ObjectMapper().convertValue(table.at("/data/text~1html"), String[].class));
    assertTrue(html.contains("<td>Orkney &lt;Islands&gt;</td><td>[c]</td>"), html);
    assertEquals("iVBORw==", cells.get(3).at("/outputs/0/data/image~1png").asText());
    assertEquals(2, cells.get(3).get("execution_count").asInt());
    for (JsonNode cell : cells) {
      assertTrue(cell.get("id").asText().matches("[a-zA-Z0-9-_]{1,64}"), "nbformat 4.5 cell ids");
    }
  }

  @Test
  void theSameNotebookGivesTheSameBytesWithSortedKeys() throws Exception {
    sample().write(dir.resolve("a.ipynb"));
    sample().write(dir.resolve("b.ipynb"));
    byte[] a = Files.readAllBytes(dir.resolve("a.ipynb"));
    assertArrayEquals(a, Files.readAllBytes(dir.resolve("b.ipynb")));
    String text = new String(a, java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(text.startsWith("{\n \"cells\": [\n  {\n   \"cell_type\": \"markdown\",\n   \"id\": \"cell-1\",\n"
        + "   \"metadata\": {},\n"), text.substring(0, 120));
    assertTrue(text.endsWith("\"nbformat\": 4,\n \"nbformat_minor\": 5\n}\n"), text.substring(text.length() - 60));
  }
}
