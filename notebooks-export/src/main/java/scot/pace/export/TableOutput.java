package scot.pace.export;

import java.util.List;

/** A table of text as a notebook shows it: an HTML table, and the same aligned as plain text. */
final class TableOutput {
  private TableOutput() {}

  static Notebook.Output of(List<List<String>> rows) {
    StringBuilder html = new StringBuilder("<table border=\"1\" class=\"dataframe\">\n<thead>\n<tr>");
    for (String cell : rows.get(0)) {
      html.append("<th>").append(escape(cell)).append("</th>");
    }
    html.append("</tr>\n</thead>\n<tbody>\n");
    for (List<String> row : rows.subList(1, rows.size())) {
      html.append("<tr>");
      for (String cell : row) {
        html.append("<td>").append(escape(cell)).append("</td>");
      }
      html.append("</tr>\n");
    }
    html.append("</tbody>\n</table>");
    int[] widths = new int[rows.get(0).size()];
    for (List<String> row : rows) {
      for (int c = 0; c < row.size() && c < widths.length; c++) {
        widths[c] = Math.max(widths[c], row.get(c).length());
      }
    }
    StringBuilder plain = new StringBuilder();
    for (List<String> row : rows) {
      for (int c = 0; c < row.size() && c < widths.length; c++) {
        plain.append(c == 0 ? "" : "  ").append(String.format("%-" + Math.max(1, widths[c]) + "s", row.get(c)));
      }
      plain.append('\n');
    }
    return Notebook.Output.table(html.toString(), plain.toString().stripTrailing());
  }

  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
