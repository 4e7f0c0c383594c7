package scot.pace.council;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import scot.pace.failure.InputFailure;
import scot.pace.failure.ConfigurationFailure;

/** The councils known to the pipeline, found by current or former GSS code. */
public final class Councils {
  private final List<Council> all;
  private final Map<String, Council> byAnyCode = new LinkedHashMap<>();

  public Councils(List<Council> councils) {
    this.all = List.copyOf(councils);
    for (Council council : all) {
      register(council.code(), council);
      if (council.formerCode() != null) {
        register(council.formerCode(), council);
      }
    }
  }

  private void register(String code, Council council) {
    Council previous = byAnyCode.putIfAbsent(code, council);
    if (previous != null) {
      throw new ConfigurationFailure(
          "council code " + code + " is given to both " + previous.name() + " and " + council.name());
    }
  }

  public List<Council> all() {
    return all;
  }

  /** The council that uses or used {@code code}. */
  public Optional<Council> find(String code) {
    return Optional.ofNullable(byAnyCode.get(code));
  }

  public Council require(String code) {
    return find(code)
        .orElseThrow(
            () ->
                new InputFailure(
                    "unknown council code " + code + " (expected one of the 32 GSS codes in conf)"));
  }

  /** The councils named by current code, in the order given; all of them when the list is empty. */
  public List<Council> select(List<String> codes) {
    if (codes == null || codes.isEmpty()) {
      return all;
    }
    List<Council> chosen = new ArrayList<>();
    for (String code : codes) {
      chosen.add(require(code.trim()));
    }
    return Collections.unmodifiableList(chosen);
  }

  /** Former code to current code, for the four councils whose code changed in 2018/19. */
  public Map<String, String> formerToCurrent() {
    Map<String, String> map = new LinkedHashMap<>();
    for (Council council : all) {
      if (council.formerCode() != null) {
        map.put(council.formerCode(), council.code());
      }
    }
    return map;
  }
}
