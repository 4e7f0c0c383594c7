package scot.pace.returns;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import scot.pace.council.Council;
import scot.pace.council.Councils;
import scot.pace.files.Folders;
import scot.pace.failure.InputFailure;

/**
 * Finds the returns under a folder: every folder or {@code .zip} named {@code <LA code>_<year>},
 * at any depth. Checks what can be checked without Spark (the five files are there, each has a
 * header with every column of the contract, the council code is known, no return is given twice)
 * and unpacks zips into a staging folder, refusing entries that would land outside it and zips
 * that expand beyond any return. Never reads outside a return: a return or file that is a
 * symbolic link is refused. A folder or zip named almost as a return ({@code S12000027_2020 (1)},
 * lower case, {@code _v2}, {@code .ZIP}) is listed as rejected, with the name it seems meant for.
 */
public final class ReturnLocator {
  /** The most a zipped return may expand to: the largest council's return is a few tens of MB. */
  static final long MAX_EXPANDED_BYTES = 1L << 30;
  /** The most a zip entry over 10 MB may expand to, as a multiple of its compressed size. */
  static final long MAX_RATIO = 100;
  private final Councils councils;
  private final Path staging;
  private final java.time.LocalDate today;

  public ReturnLocator(Councils councils, Path staging) {
    this(councils, staging, java.time.LocalDate.now(java.time.ZoneOffset.UTC));
  }

  /** {@code today}: the day whose latest ended collection year bounds the returns' years. */
  public ReturnLocator(Councils councils, Path staging, java.time.LocalDate today) {
    this.councils = councils;
    this.staging = staging;
    this.today = today;
  }

  /** The readable returns and the problems of the others. */
  public record Located(List<ReturnSubmission> submissions, List<ReturnProblem> problems) {}

  /**
   * The one return at {@code path}, a folder or zip named {@code <LA code>_<year>}: what
   * {@code pace validate} checks.
   */
  public Located locateOne(Path path) {
    String name = path.getFileName() == null ? "" : path.getFileName().toString();
    if (!Files.exists(path)) {
      throw new InputFailure(path + " does not exist");
    }
    if (!ReturnId.isNamedLikeOne(name) || !(Files.isDirectory(path) || name.endsWith(".zip"))) {
      throw new InputFailure(path + " is not a return: a return is a folder or .zip named"
          + " <LA code>_<collection year>, e.g. S12000033_2019, holding the five CSV files");
    }
    Optional<String> year = ReturnId.yearProblem(name, today);
    if (year.isPresent()) {
      return new Located(List.of(), List.of(new ReturnProblem(name, path.toString(), year.get())));
    }
    Optional<ReturnId> id = ReturnId.fromName(name);
    Optional<Council> council = councils.find(id.get().laCode());
    if (council.isEmpty()) {
      return new Located(List.of(), List.of(new ReturnProblem(name, path.toString(),
          "council code " + id.get().laCode() + " is not one of the 32 councils' current or former GSS codes")));
    }
    try {
      ReturnSubmission submission = name.endsWith(".zip")
          ? fromZip(path, id.get(), council.get()) : fromFolder(path, id.get(), council.get());
      return new Located(List.of(submission), List.of());
    } catch (UnreadableReturn e) {
      return new Located(List.of(), List.of(new ReturnProblem(name, e.path, e.getMessage())));
    }
  }

  public Located locate(Path root) {
    if (!Files.isDirectory(root)) {
      throw new InputFailure(
          "returns folder " + root.toAbsolutePath() + " does not exist or is not a folder");
    }
    List<Path> candidates = new ArrayList<>();
    List<ReturnProblem> problems = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path path : walk.filter(path -> !path.equals(root))
          .filter(path -> !path.getFileName().toString().startsWith(".")).sorted().toList()) {
        String name = path.getFileName().toString();
        boolean zip = name.toLowerCase(java.util.Locale.ROOT).endsWith(".zip");
        if (!Files.isDirectory(path) && !zip) {
          continue;
        }
        if (ReturnId.isNamedLikeOne(name) && (Files.isDirectory(path) || name.endsWith(".zip"))) {
          candidates.add(path);
          continue;
        }
        Optional<String> meant = ReturnId.meantFor(name, zip);
        if (meant.isPresent() && !insideCandidate(path, candidates)) {
          problems.add(new ReturnProblem(name, path.toString(), "is named like the return " + meant.get()
              + " but not exactly as one, so it is not read: a return is a folder or .zip named <LA code>_<collection"
              + " year>, e.g. S12000033_2019; rename it " + meant.get() + ", or remove it if it is a copy"));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + root, e);
    }

    Map<String, List<ReturnSubmission>> byKey = new LinkedHashMap<>();
    for (Path candidate : candidates) {
      String name = candidate.getFileName().toString();
      if (Files.isSymbolicLink(candidate)) {
        problems.add(new ReturnProblem(name, candidate.toString(), "is a symbolic link to " + target(candidate)
            + ": a return is read only from the returns folder itself; copy the return there"));
        continue;
      }
      Optional<String> year = ReturnId.yearProblem(name, today);
      if (year.isPresent()) {
        problems.add(new ReturnProblem(name, candidate.toString(), year.get()));
        continue;
      }
      ReturnId id = ReturnId.fromName(name).orElseThrow();
      Optional<Council> council = councils.find(id.laCode());
      if (council.isEmpty()) {
        problems.add(new ReturnProblem(name, candidate.toString(),
            "council code " + id.laCode() + " is not one of the 32 councils' current or former"
                + " GSS codes; rename the folder with the council's code"));
        continue;
      }
      try {
        ReturnSubmission submission =
            name.endsWith(".zip") ? fromZip(candidate, id, council.get()) : fromFolder(candidate, id, council.get());
        byKey.computeIfAbsent(submission.returnKey(), key -> new ArrayList<>()).add(submission);
      } catch (UnreadableReturn e) {
        problems.add(new ReturnProblem(name, e.path, e.getMessage()));
      }
    }

    List<ReturnSubmission> submissions = new ArrayList<>();
    for (List<ReturnSubmission> same : byKey.values()) {
      if (same.size() == 1) {
        submissions.add(same.get(0));
        continue;
      }
      List<String> places = same.stream().map(s -> s.source().toString()).toList();
      for (ReturnSubmission submission : same) {
        problems.add(new ReturnProblem(submission.id().folderName(), submission.source().toString(),
            "the return for " + councils.require(submission.councilCode()).name() + " "
                + submission.id().collectionYear() + " is given " + same.size() + " times ("
                + String.join(", ", places) + "); keep one and run again"));
      }
    }
    return new Located(submissions, problems);
  }

  private static boolean insideCandidate(Path path, List<Path> candidates) {
    return candidates.stream().anyMatch(c -> path.startsWith(c) && !path.equals(c));
  }

  private ReturnSubmission fromFolder(Path folder, ReturnId id, Council council) {
    Map<ReturnFile, Path> files = new EnumMap<>(ReturnFile.class);
    Map<ReturnFile, String> names = new EnumMap<>(ReturnFile.class);
    for (ReturnFile file : ReturnFile.values()) {
      Path path = folder.resolve(file.fileName());
      if (Files.isSymbolicLink(path)) {
        throw new UnreadableReturn(path.toString(), "is a symbolic link to " + target(path) + ": a return's files"
            + " are read only from its own folder; copy the file itself into " + folder.getFileName());
      }
      if (!Files.isRegularFile(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        throw new UnreadableReturn(path.toString(), missing(file));
      }
      files.put(file, path);
      names.put(file, path.toString());
    }
    return inspect(id, council, folder, files, names);
  }

  private ReturnSubmission fromZip(Path zip, ReturnId id, Council council) {
    Path target = staging.resolve(id.folderName());
    Folders.deleteRecursively(target);
    Folders.create(target);
    Map<ReturnFile, Path> files = new EnumMap<>(ReturnFile.class);
    Map<ReturnFile, String> names = new EnumMap<>(ReturnFile.class);
    long expanded = 0;
    try (ZipFile archive = new ZipFile(zip.toFile())) {
      for (ZipEntry entry : archive.stream().toList()) {
        String entryName = entry.getName();
        if (escapes(entryName)) {
          throw new UnreadableReturn(zip.toString(),
              "zip entry '" + entryName + "' would be written outside the return's folder; the zip"
                  + " is refused (make a zip of the five CSV files alone)");
        }
        if (entry.isDirectory()) {
          continue;
        }
        String fileName = entryName.substring(entryName.lastIndexOf('/') + 1);
        Optional<ReturnFile> kind =
            Arrays.stream(ReturnFile.values()).filter(f -> f.fileName().equals(fileName)).findFirst();
        if (kind.isEmpty()) {
          continue;
        }
        if (files.containsKey(kind.get())) {
          throw new UnreadableReturn(zip.toString(),
              "the zip holds " + fileName + " twice; it must hold each of the five files once");
        }
        Path out = target.resolve(fileName);
        try (InputStream in = archive.getInputStream(entry)) {
          expanded += unpack(in, out, zip, entry, MAX_EXPANDED_BYTES - expanded);
        }
        files.put(kind.get(), out);
        names.put(kind.get(), zip + "!/" + entryName);
      }
    } catch (IOException e) {
      throw new UnreadableReturn(zip.toString(), "not a readable zip file (" + e.getMessage() + ")");
    }
    for (ReturnFile file : ReturnFile.values()) {
      if (!files.containsKey(file)) {
        throw new UnreadableReturn(zip.toString(), missing(file));
      }
    }
    return inspect(id, council, zip, files, names);
  }

  /**
   * Copies one entry, refusing the zip as soon as it expands past {@code room} bytes or, once past
   * 10 MB, to more than {@link #MAX_RATIO} times its compressed size: a return's CSV files
   * compress some 5 to 20 times, a zip bomb thousands of times.
   */
  private static long unpack(InputStream in, Path out, Path zip, ZipEntry entry, long room) throws IOException {
    long compressed = Math.max(entry.getCompressedSize(), 1);
    long written = 0;
    byte[] buffer = new byte[1 << 16];
    try (java.io.OutputStream to = Files.newOutputStream(out)) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        written += n;
        if (written > room) {
          throw new UnreadableReturn(zip.toString(), "expands to more than " + MAX_EXPANDED_BYTES / (1L << 20)
              + " MB, more than any return; the zip is refused (send the five CSV files, or a zip of them alone)");
        }
        if (written > 10L << 20 && written > MAX_RATIO * compressed) {
          throw new UnreadableReturn(zip.toString(), "zip entry '" + entry.getName() + "' expands to more than "
              + MAX_RATIO + " times its compressed size, which no return's CSV file does; the zip is refused");
        }
        to.write(buffer, 0, n);
      }
    }
    return written;
  }

  private ReturnSubmission inspect(
      ReturnId id, Council council, Path source, Map<ReturnFile, Path> files, Map<ReturnFile, String> names) {
    Map<ReturnFile, List<String>> headers = new EnumMap<>(ReturnFile.class);
    Map<ReturnFile, String> digests = new EnumMap<>(ReturnFile.class);
    Map<ReturnFile, Long> sizes = new EnumMap<>(ReturnFile.class);
    for (ReturnFile file : ReturnFile.values()) {
      Path path = files.get(file);
      List<String> header = header(path, names.get(file), file);
      List<String> missingColumns = file.columns().stream().filter(c -> !header.contains(c)).toList();
      if (!missingColumns.isEmpty()) {
        throw new UnreadableReturn(names.get(file),
            "the header lacks the column" + (missingColumns.size() > 1 ? "s " : " ")
                + String.join(", ", missingColumns) + " (the header row must name every column of "
                + file.fileName() + ": " + String.join(",", file.columns()) + ")");
      }
      List<String> duplicated = header.stream().filter(c -> header.indexOf(c) != header.lastIndexOf(c)).distinct().toList();
      if (!duplicated.isEmpty()) {
        throw new UnreadableReturn(names.get(file),
            "the header names the column" + (duplicated.size() > 1 ? "s " : " ") + String.join(", ", duplicated)
                + " more than once");
      }
      headers.put(file, header);
      digests.put(file, Sha256.of(path));
      try {
        sizes.put(file, Files.size(path));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return new ReturnSubmission(id, council.code(), source, files, names, headers, digests, sizes);
  }

  /**
   * The column names of a CSV file's first line, without a byte-order mark or quotes, each matched
   * to the contract's name without regard to case or surrounding spaces ({@code " Child_ID"} is
   * {@code child_id}). A file saved as UTF-16, or separated by semicolons or tabs, is refused with
   * what to change.
   */
  static List<String> header(Path path, String displayName, ReturnFile file) {
    byte[] start;
    try (InputStream in = Files.newInputStream(path)) {
      start = in.readNBytes(4096);
    } catch (IOException e) {
      throw new UnreadableReturn(displayName, "cannot be read (" + e.getMessage() + ")");
    }
    if (isUtf16(start)) {
      throw new UnreadableReturn(displayName, "is saved as UTF-16 (two bytes to a character): save it as UTF-8"
          + " (in Excel: Save As, \"CSV UTF-8 (Comma delimited)\") and send it again");
    }
    String line;
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(Files.newInputStream(path), StandardCharsets.UTF_8))) {
      line = reader.readLine();
    } catch (IOException e) {
      throw new UnreadableReturn(displayName, "cannot be read (" + e.getMessage() + ")");
    }
    if (line == null || line.isBlank()) {
      throw new UnreadableReturn(displayName, "is empty: it needs at least a header row naming its columns");
    }
    if (line.startsWith("\uFEFF")) {
      line = line.substring(1);
    }
    if (!line.contains(",")) {
      for (String[] separator : new String[][] {{";", "semicolons"}, {"\t", "tabs"}, {"|", "vertical bars"}}) {
        if (line.split(java.util.regex.Pattern.quote(separator[0]), -1).length >= file.columns().size() / 2) {
          throw new UnreadableReturn(displayName, "is separated by " + separator[1] + ", not commas: save it as"
              + " comma-separated CSV (in Excel: Save As, \"CSV UTF-8 (Comma delimited)\") and send it again");
        }
      }
    }
    List<String> columns = new ArrayList<>();
    for (String column : line.split(",", -1)) {
      String name = column.trim();
      if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
        name = name.substring(1, name.length() - 1).trim();
      }
      String written = name;
      columns.add(file.columns().stream().filter(c -> c.equalsIgnoreCase(written)).findFirst().orElse(name));
    }
    return columns;
  }

  /** A UTF-16 byte-order mark, or the zero bytes that UTF-16 puts beside every ASCII character. */
  private static boolean isUtf16(byte[] start) {
    if (start.length >= 2 && ((start[0] == (byte) 0xFE && start[1] == (byte) 0xFF)
        || (start[0] == (byte) 0xFF && start[1] == (byte) 0xFE))) {
      return true;
    }
    int zeros = 0;
    int upTo = Math.min(start.length, 200);
    for (int i = 0; i < upTo; i++) {
      zeros += start[i] == 0 ? 1 : 0;
    }
    return upTo >= 8 && zeros * 3 >= upTo;
  }

  private static String target(Path link) {
    try {
      return Files.readSymbolicLink(link).toString();
    } catch (IOException e) {
      return "a file elsewhere";
    }
  }

  private static boolean escapes(String entryName) {
    String normalised = entryName.replace('\\', '/');
    if (normalised.startsWith("/") || normalised.matches("^[A-Za-z]:.*")) {
      return true;
    }
    for (String part : normalised.split("/")) {
      if (part.equals("..")) {
        return true;
      }
    }
    return false;
  }

  private static String missing(ReturnFile file) {
    return file.fileName() + " is missing; a return holds five files: children.csv, episodes.csv,"
        + " placements.csv, legal_reasons.csv and permanence.csv";
  }

  /** A return that cannot be read, with the path at fault. */
  private static final class UnreadableReturn extends RuntimeException {
    final String path;

    UnreadableReturn(String path, String reason) {
      super(reason);
      this.path = path;
    }
  }
}
