package scot.pace.export;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Jupyter notebook (nbformat 4.5) as cells, written as JSON by Jackson the way Jupyter writes
 * it (one-space indent, sorted keys, text as lists of lines), so the same notebook always gives
 * the same bytes. Code cells carry their outputs already rendered: the notebook opens showing
 * the figures without being run, and running it reproduces them.
 */
final class Notebook {
  private final List<ObjectNode> cells = new ArrayList<>();
  private final ObjectMapper json = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
  private final String title;
  private int executionCount;

  Notebook(String title) {
    this.title = title;
  }

  /** One output of a code cell: its MIME bundle (text/plain beside any richer form). */
  record Output(Map<String, String> data) {
    static Output table(String html, String plain) {
      Map<String, String> data = new LinkedHashMap<>();
      data.put("text/html", html);
      data.put("text/plain", plain);
      return new Output(data);
    }

    static Output image(byte[] png, String alt) {
      Map<String, String> data = new LinkedHashMap<>();
      data.put("image/png", java.util.Base64.getEncoder().encodeToString(png));
      data.put("text/plain", "<" + alt + ">");
      return new Output(data);
    }
  }

  Notebook markdown(String source) {
    ObjectNode cell = json.createObjectNode();
    cell.put("cell_type", "markdown");
    cell.put("id", "cell-" + (cells.size() + 1));
    cell.putObject("metadata");
    cell.set("source", lines(source));
    cells.add(cell);
    return this;
  }

  /** A code cell, shown as run (numbered) when it has outputs. */
  Notebook code(String source, Output... outputs) {
    ObjectNode cell = json.createObjectNode();
    cell.put("cell_type", "code");
    cell.put("id", "cell-" + (cells.size() + 1));
    cell.putObject("metadata");
    cell.set("source", lines(source));
    ArrayNode outs = cell.putArray("outputs");
    if (outputs.length == 0) {
      cell.putNull("execution_count");
    } else {
      executionCount++;
      cell.put("execution_count", executionCount);
      for (Output output : outputs) {
        ObjectNode out = outs.addObject();
        out.put("output_type", "execute_result");
        out.put("execution_count", executionCount);
        out.putObject("metadata");
        ObjectNode data = out.putObject("data");
        output.data().forEach((mime, content) -> data.set(mime,
            mime.startsWith("image/") ? json.getNodeFactory().textNode(content) : lines(content)));
      }
    }
    cells.add(cell);
    return this;
  }

  private ArrayNode lines(String text) {
    ArrayNode array = json.createArrayNode();
    String[] parts = text.split("\n", -1);
    for (int i = 0; i < parts.length; i++) {
      if (i < parts.length - 1) {
        array.add(parts[i] + "\n");
      } else if (!parts[i].isEmpty()) {
        array.add(parts[i]);
      }
    }
    return array;
  }

  /** Writes the notebook to {@code file}. */
  void write(Path file) {
    ObjectNode root = json.createObjectNode();
    root.set("cells", json.createArrayNode().addAll(cells));
    ObjectNode metadata = root.putObject("metadata");
    ObjectNode kernel = metadata.putObject("kernelspec");
    kernel.put("display_name", "Python 3");
    kernel.put("language", "python");
    kernel.put("name", "python3");
    ObjectNode language = metadata.putObject("language_info");
    language.put("name", "python");
    metadata.put("title", title);
    root.put("nbformat", 4);
    root.put("nbformat_minor", 5);
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
        .withObjectFieldValueSpacing(Separators.Spacing.AFTER).withObjectEmptySeparator("").withArrayEmptySeparator(""))
        .withObjectIndenter(new DefaultIndenter(" ", "\n"))
        .withArrayIndenter(new DefaultIndenter(" ", "\n"));
    try {
      Files.createDirectories(file.getParent());
      String text = json.writer(printer).writeValueAsString(sortKeys(root)) + "\n";
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the notebook " + file + ": " + e.getMessage(), e);
    }
  }

  /** The same tree with every object's keys in order (Jackson sorts maps, not object nodes). */
  private ObjectNode sortKeys(ObjectNode node) {
    ObjectNode sorted = json.createObjectNode();
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    names.sort(null);
    for (String name : names) {
      var child = node.get(name);
      if (child instanceof ObjectNode object) {
        sorted.set(name, sortKeys(object));
      } else if (child instanceof ArrayNode array) {
        ArrayNode copy = json.createArrayNode();
        array.forEach(item -> copy.add(item instanceof ObjectNode object ? sortKeys(object) : item));
        sorted.set(name, copy);
      } else {
        sorted.set(name, child);
      }
    }
    return sorted;
  }
}
