package scot.pace.returns;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A return found on disk whose five files can be opened and carry every column of the contract.
 *
 * @param id the return as its folder names it
 * @param councilCode the council's current GSS code (former codes mapped)
 * @param source the folder or zip it came from
 * @param files each file kind's readable copy (inside a staging folder for a zip)
 * @param displayNames each file kind's name as a person finds it, e.g. {@code x.zip!/episodes.csv}
 * @param headers each file's column names in file order
 * @param sha256 each file's SHA-256, hex
 * @param bytes each file's size
 */
public record ReturnSubmission(
    ReturnId id,
    String councilCode,
    Path source,
    Map<ReturnFile, Path> files,
    Map<ReturnFile, String> displayNames,
    Map<ReturnFile, List<String>> headers,
    Map<ReturnFile, String> sha256,
    Map<ReturnFile, Long> bytes) {

  public ReturnSubmission {
    files = Map.copyOf(files);
    displayNames = Map.copyOf(displayNames);
    headers = Map.copyOf(headers);
    sha256 = Map.copyOf(sha256);
    bytes = Map.copyOf(bytes);
  }

  /** The council and year it replaces, whatever code it carries: {@code <current code>_<year>}. */
  public String returnKey() {
    return councilCode + "_" + id.collectionYear();
  }

  /** One digest of all five files: equal fingerprints mean an identical submission. */
  public String fingerprint() {
    StringBuilder text = new StringBuilder();
    for (ReturnFile file : ReturnFile.values()) {
      text.append(file.fileName()).append(':').append(sha256.get(file)).append('\n');
    }
    return Sha256.of(text.toString());
  }
}
