package scot.pace.jobs;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.Collectors;
import scot.pace.failure.ConfigurationFailure;

/**
 * Resolves the configuration: the defaults ({@code conf/pace.yaml} in the working directory, or
 * the copy inside the jar), then the file given with {@code --config} laid over them section by
 * section and key by key (a key's value, list or mapping, is replaced whole). A key the schema does not know, or a value of the wrong kind, stops
 * the run at start-up with the file, the key and what is allowed.
 */
public final class ConfigLoader {
  static final String DEFAULTS = "conf/pace.yaml";

  private final ObjectMapper yaml;

  public ConfigLoader() {
    this.yaml = new ObjectMapper(new YAMLFactory());
    yaml.registerModule(new JavaTimeModule());
    yaml.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    yaml.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
  }

  /** The defaults with {@code file} (may be null) laid over them. */
  public PaceConfig load(Path file) {
    Source defaults = defaults();
    JsonNode tree = defaults.tree();
    String described = defaults.name();
    if (file != null) {
      if (!Files.isRegularFile(file)) {
        throw new ConfigurationFailure("configuration file " + file + " does not exist");
      }
      try (InputStream in = Files.newInputStream(file)) {
        JsonNode overlay = yaml.readTree(in);
        if (overlay != null && !overlay.isMissingNode() && !overlay.isNull()) {
          if (!overlay.isObject()) {
            throw new ConfigurationFailure(file + ": expected a YAML mapping of settings at the top level");
          }
          tree = merge(tree.deepCopy(), overlay, 0);
        }
      } catch (IOException e) {
        throw new ConfigurationFailure(file + ": not valid YAML (" + firstLine(e.getMessage()) + ")");
      }
      described = file + " over " + defaults.name();
    }
    try {
      return yaml.treeToValue(tree, PaceConfig.class);
    } catch (UnrecognizedPropertyException e) {
      String allowed = e.getKnownPropertyIds().stream().map(Object::toString).sorted().collect(Collectors.joining(", "));
      throw new ConfigurationFailure(
          described + ": unknown key '" + path(e) + "' (allowed here: " + allowed + ")");
    } catch (JsonMappingException e) {
      Throwable cause = e.getCause() instanceof IllegalArgumentException || e.getCause() instanceof scot.pace.failure.PaceFailure
          ? e.getCause() : e;
      throw new ConfigurationFailure(
          described + ": key '" + path(e) + "': " + firstLine(cause.getMessage()));
    } catch (IOException e) {
      throw new ConfigurationFailure(described + ": " + firstLine(e.getMessage()));
    }
  }

  private Source defaults() {
    Path local = Path.of(DEFAULTS);
    try {
      if (Files.isRegularFile(local)) {
        try (InputStream in = Files.newInputStream(local)) {
          return new Source(local.toString(), yaml.readTree(in));
        }
      }
      try (InputStream in = ConfigLoader.class.getClassLoader().getResourceAsStream(DEFAULTS)) {
        if (in == null) {
          throw new ConfigurationFailure("no " + DEFAULTS + " here and none inside the jar; rebuild the jar");
        }
        return new Source("the built-in " + DEFAULTS, yaml.readTree(in));
      }
    } catch (IOException e) {
      throw new ConfigurationFailure(DEFAULTS + ": not valid YAML (" + firstLine(e.getMessage()) + ")");
    }
  }

  /**
   * Sections (depth 0) and their keys (depth 1) are merged; a key's value is replaced whole, so a
   * distribution such as {@code generator.routes} given in the overlay is taken as it is.
   */
  private static JsonNode merge(JsonNode base, JsonNode overlay, int depth) {
    if (depth > 1 || !(base instanceof ObjectNode target) || !overlay.isObject()) {
      return overlay;
    }
    Iterator<Map.Entry<String, JsonNode>> fields = overlay.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      JsonNode existing = target.get(field.getKey());
      target.set(field.getKey(),
          existing == null ? field.getValue() : merge(existing, field.getValue(), depth + 1));
    }
    return target;
  }

  private static String path(JsonMappingException e) {
    return e.getPath().stream()
        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
        .collect(Collectors.joining("."))
        .replace(".[", "[");
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "no detail";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  private record Source(String name, JsonNode tree) {}
}
