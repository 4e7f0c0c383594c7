package scot.pace.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The peer: DuckDB computing the common work ({@code common-work.sql}, the same journeys and
 * counts as {@code scot.pace.build.CommonWork}) from the CSV returns, in its own JVM, writing the
 * same sorted CSV. Arguments: the returns folder, the former codes ({@code OLD=NEW,...} or
 * {@code -}), the CSV to write, the threads.
 */
public final class PeerQuery {
  private PeerQuery() {}

  public static void main(String[] args) throws IOException, SQLException {
    Path returns = Path.of(args[0]).toAbsolutePath();
    Path out = Path.of(args[2]);
    String sql;
    try (InputStream in = PeerQuery.class.getResourceAsStream("common-work.sql")) {
      sql = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${returns}", returns.toString());
    }
    StringBuilder csv = new StringBuilder("measure,council,year,value\n");
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = db.createStatement()) {
      statement.execute("SET threads = " + Integer.parseInt(args[3]));
      statement.execute("CREATE TABLE former_codes (code VARCHAR, current VARCHAR)");
      if (!args[1].equals("-")) {
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO former_codes VALUES (?, ?)")) {
          for (String pair : args[1].split(",")) {
            insert.setString(1, pair.split("=")[0]);
            insert.setString(2, pair.split("=")[1]);
            insert.execute();
          }
        }
      }
      java.util.List<String> statements = java.util.Arrays.stream(sql.replaceAll("(?m)--.*$", "").split(";"))
          .filter(s -> !s.isBlank()).toList();
      for (String each : statements.subList(0, statements.size() - 1)) {
        statement.execute(each);
      }
      try (ResultSet rows = statement.executeQuery(statements.get(statements.size() - 1))) {
        while (rows.next()) {
          csv.append(rows.getString(1)).append(',').append(rows.getString(2)).append(',').append(rows.getInt(3))
              .append(',').append(rows.getLong(4)).append('\n');
        }
      }
    }
    Files.writeString(out, csv);
  }
}
