package scot.pace.files;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes one UTF-8 CSV file with a header, quoting fields only where RFC 4180 needs it; null is empty. */
public final class CsvWriter implements Closeable {
  private final BufferedWriter out;
  private final RowHook hook;
  private long rows;

  /** Sees each data row (and its spreadsheet row number) before it is written, and may change it. */
  public interface RowHook {
    void beforeWrite(long rowNumber, List<String> values);
  }

  public CsvWriter(Path file, List<String> header) {
    this(file, header, null);
  }

  public CsvWriter(Path file, List<String> header, RowHook hook) {
    this.hook = hook;
    try {
      this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
    line(header);
    rows = 0;
  }

  public void row(Object... values) {
    List<String> text = new java.util.ArrayList<>(values.length);
    for (Object value : values) {
      text.add(value == null ? "" : value.toString());
    }
    if (hook != null) {
      hook.beforeWrite(rows + 2, text);
    }
    line(text);
  }

  public void line(List<String> values) {
    try {
      for (int i = 0; i < values.size(); i++) {
        if (i > 0) {
          out.write(',');
        }
        out.write(quoted(values.get(i)));
      }
      out.write('\n');
      rows++;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public long rows() {
    return rows;
  }

  private static String quoted(String value) {
    if (value == null) {
      return "";
    }
    if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
      return value;
    }
    return '"' + value.replace("\"", "\"\"") + '"';
  }

  @Override
  public void close() {
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
