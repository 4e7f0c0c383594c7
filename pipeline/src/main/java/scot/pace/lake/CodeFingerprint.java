package scot.pace.lake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * What the pipeline's own code is, as a SHA-256: of the name and CRC-32 of every entry under
 * {@code scot/pace/} in the jar it runs from (the CRCs are in the jar's directory, so nothing is
 * decompressed: a fraction of a second for the 100,000 entries), or of the bytes of those files
 * when it runs from a folder of classes. The same source built again gives the same classes and
 * so the same fingerprint; any change to a measure, a rule or a page gives another. A nightly run
 * builds everything again when the code has changed since the last good run, even with no new
 * return.
 */
public final class CodeFingerprint {
  private static final String OURS = "scot/pace/";
  private static volatile String current;

  private CodeFingerprint() {}

  /** The fingerprint of the code running now. */
  public static String current() {
    if (current == null) {
      try {
        current = of(Path.of(CodeFingerprint.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
      } catch (URISyntaxException e) {
        throw new IllegalStateException("cannot tell where the pipeline's classes are: " + e.getMessage(), e);
      }
    }
    return current;
  }

  /** The fingerprint of the pipeline's code in {@code location}: a jar, or a folder of classes. */
  static String of(Path location) {
    MessageDigest digest = sha256();
    try {
      if (Files.isDirectory(location)) {
        Path ours = location.resolve(OURS);
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(ours)) {
          try (Stream<Path> all = Files.walk(ours)) {
            all.filter(Files::isRegularFile).sorted().forEach(files::add);
          }
        }
        for (Path file : files) {
          digest.update(location.relativize(file).toString().replace('\\', '/').getBytes(StandardCharsets.UTF_8));
          digest.update(Files.readAllBytes(file));
        }
      } else {
        try (ZipFile jar = new ZipFile(location.toFile())) {
          List<ZipEntry> entries = new ArrayList<>();
          jar.stream().filter(e -> e.getName().startsWith(OURS) && !e.isDirectory()).forEach(entries::add);
          entries.sort(java.util.Comparator.comparing(ZipEntry::getName));
          for (ZipEntry entry : entries) {
            digest.update(entry.getName().getBytes(StandardCharsets.UTF_8));
            digest.update(java.nio.ByteBuffer.allocate(Long.BYTES).putLong(entry.getCrc()).array());
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the pipeline's classes at " + location + ": " + e.getMessage(), e);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
