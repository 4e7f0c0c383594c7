package scot.pace.returns;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
 * and unpacks zips into a staging folder, refusing entries that would land outside it.
 */
public final class ReturnLocator {
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
    try (Stream<Path> walk = Files.walk(root)) {
      walk.filter(path -> !path.equals(root))
          .filter(path -> !path.getFileName().toString().startsWith("."))
          .filter(path -> ReturnId.isNamedLikeOne(path.getFileName().toString()))
          .filter(path -> Files.isDirectory(path) || path.getFileName().toString().endsWith(".zip"))
          .sorted()
          .forEach(candidates::add);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + root, e);
    }

    List<ReturnProblem> problems = new ArrayList<>();
    Map<String, List<ReturnSubmission>> byKey = new LinkedHashMap<>();
    for (Path candidate : candidates) {
      String name = candidate.getFileName().toString();
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

  private ReturnSubmission fromFolder(Path folder, ReturnId id, Council council) {
    Map<ReturnFile, Path> files = new EnumMap<>(ReturnFile.class);
    Map<ReturnFile, String> names = new EnumMap<>(ReturnFile.class);
    for (ReturnFile file : ReturnFile.values()) {
      Path path = folder.resolve(file.fileName());
      if (!Files.isRegularFile(path)) {
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
          Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
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

  private ReturnSubmission inspect(
      ReturnId id, Council council, Path source, Map<ReturnFile, Path> files, Map<ReturnFile, String> names) {
    Map<ReturnFile, List<String>> headers = new EnumMap<>(ReturnFile.class);
    Map<ReturnFile, String> digests = new EnumMap<>(ReturnFile.class);
    Map<ReturnFile, Long> sizes = new EnumMap<>(ReturnFile.class);
    for (ReturnFile file : ReturnFile.values()) {
      Path path = files.get(file);
      List<String> header = header(path, names.get(file));
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

  /** The column names of a CSV file's first line, without a byte-order mark or quotes. */
  static List<String> header(Path path, String displayName) {
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
    List<String> columns = new ArrayList<>();
    for (String column : line.split(",", -1)) {
      String name = column.trim();
      if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
        name = name.substring(1, name.length() - 1).trim();
      }
      columns.add(name);
    }
    return columns;
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
