package scot.pace.journey;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import scot.pace.failure.ConfigurationFailure;
import scot.pace.lake.Lake;

/**
 * What a lake remembers of the pseudonymisation key its child keys were made with: a keyed hash
 * of a fixed text under the key, in {@code <lake>/_pace/key-fingerprint}. It tells whether two
 * keys are the same and nothing of the key. A build with another key would give every child a new
 * key, and no child would match its keys in earlier runs, exports and restricted notebooks: it is
 * refused before anything is written.
 */
public final class KeyFingerprint {
  static final String FOLDER = "_pace";
  static final String FILE = "key-fingerprint";

  private KeyFingerprint() {}

  /** The fingerprint of {@code key}: 16 hex digits. */
  public static String of(PseudonymKey key) {
    return ChildKey.of(key.secret(), "pace", "pseudonymisation key fingerprint").substring(0, 16);
  }

  /**
   * Refuses a key other than the one the lake's child keys were made with; a lake that has none yet
   * passes. Spark is asked for only when the lake is not on a local disk.
   */
  public static void check(Lake lake, PseudonymKey key, Supplier<SparkSession> spark) {
    Optional<String> recorded = recorded(lake, spark);
    String mine = of(key);
    if (recorded.isPresent() && !recorded.get().equals(mine)) {
      throw new ConfigurationFailure("the pseudonymisation key from " + key.source() + " is not the one this lake's"
          + " child keys were made with (its fingerprint " + mine + ", the lake's " + recorded.get() + ", in "
          + localFile(lake).map(Object::toString).orElse(file(lake).toString()) + "): building with it would give every child a new key, matching nothing in earlier runs,"
          + " exports and restricted notebooks. Set the key the lake was built with. To give every child a new key on"
          + " purpose, delete that file and build again.");
    }
  }

  /** Records {@code key} as the one the lake's child keys are made with (after a build that used it). */
  public static void record(Lake lake, PseudonymKey key, Supplier<SparkSession> spark) {
    byte[] text = (of(key) + "\n").getBytes(StandardCharsets.UTF_8);
    Optional<java.nio.file.Path> local = localFile(lake);
    try {
      if (local.isPresent()) {
        java.nio.file.Path file = local.get();
        Files.createDirectories(file.getParent());
        java.nio.file.Path temporary = Files.createTempFile(file.getParent(), "." + FILE, ".tmp");
        Files.write(temporary, text);
        // Whole or not at all: a build killed here leaves the earlier file.
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return;
      }
      Path file = file(lake);
      Path temporary = new Path(file.getParent(), "." + FILE + "." + ProcessHandle.current().pid());
      FileSystem fs = file.getFileSystem(spark.get().sparkContext().hadoopConfiguration());
      fs.mkdirs(file.getParent());
      try (FSDataOutputStream out = fs.create(temporary, true)) {
        out.write(text);
      }
      fs.delete(file, false);
      if (!fs.rename(temporary, file)) {
        throw new IOException("cannot rename " + temporary + " to " + file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot record the pseudonymisation key's fingerprint in " + file(lake), e);
    }
  }

  /** The fingerprint the lake holds, if any. */
  public static Optional<String> recorded(Lake lake, Supplier<SparkSession> spark) {
    try {
      Optional<java.nio.file.Path> local = localFile(lake);
      if (local.isPresent()) {
        return Files.isRegularFile(local.get()) ? Optional.of(Files.readString(local.get()).trim()) : Optional.empty();
      }
      Path file = file(lake);
      FileSystem fs = file.getFileSystem(spark.get().sparkContext().hadoopConfiguration());
      if (!fs.exists(file)) {
        return Optional.empty();
      }
      try (FSDataInputStream in = fs.open(file)) {
        return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).trim());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the pseudonymisation key's fingerprint in " + file(lake), e);
    }
  }

  private static Optional<java.nio.file.Path> localFile(Lake lake) {
    return lake.localRoot().map(root -> root.resolve(FOLDER).resolve(FILE));
  }

  private static Path file(Lake lake) {
    return new Path(new Path(lake.root(), FOLDER), FILE);
  }
}
