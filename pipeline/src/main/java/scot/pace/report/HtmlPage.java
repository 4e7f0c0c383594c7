package scot.pace.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import scot.pace.files.CsvWriter;

/**
 * One page of the report, built up section by section: plain HTML with a small stylesheet and no
 * scripts, readable offline and printable. Every text is escaped.
 */
final class HtmlPage {
  private final StringBuilder body = new StringBuilder();
  private final String title;
  private final String provenance;
  /** The second-level headings, as anchor and text, for the contents list. */
  private final List<String[]> contents = new ArrayList<>();
  private final Set<String> anchors = new HashSet<>();
  private String linkPrefix = "";

  /** @param provenance the line under the title that names the run that made the page */
  HtmlPage(String title, String provenance) {
    this.title = title;
    this.provenance = provenance;
  }

  /** Figures and tables added from now on live under {@code prefix}, relative to this page. */
  HtmlPage linkPrefix(String prefix) {
    this.linkPrefix = prefix;
    return this;
  }

  static String escape(String text) {
    if (text == null) {
      return "";
    }
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  /** A heading with an anchor (its text in lower case, words joined by '-'); those of level 2 are listed in the contents. */
  HtmlPage heading(int level, String text) {
    String base = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    String anchor = base.isEmpty() ? "section" : base;
    for (int n = 2; !anchors.add(anchor); n++) {
      anchor = base + "-" + n;
    }
    if (level == 2) {
      contents.add(new String[] {anchor, text});
    }
    body.append("<h").append(level).append(" id=\"").append(anchor).append("\">").append(escape(text)).append("</h")
        .append(level).append(">\n");
    return this;
  }

  HtmlPage paragraph(String text) {
    body.append("<p>").append(escape(text)).append("</p>\n");
    return this;
  }

  /** A paragraph whose markup the caller has built from escaped parts. */
  HtmlPage raw(String html) {
    body.append(html).append('\n');
    return this;
  }

  HtmlPage links(List<String[]> hrefAndText) {
    body.append("<ul class=\"links\">\n");
    for (String[] link : hrefAndText) {
      body.append("<li><a href=\"").append(escape(link[0])).append("\">").append(escape(link[1])).append("</a></li>\n");
    }
    body.append("</ul>\n");
    return this;
  }

  /** A chart: the PNG, links to its SVG and to the CSV of the table behind it. */
  HtmlPage figure(String relativeChartPath, String alt, String caption, String relativeCsvPath) {
    String chartPath = linkPrefix + relativeChartPath;
    String csvPath = relativeCsvPath == null ? null : linkPrefix + relativeCsvPath;
    body.append("<figure>\n<img src=\"").append(escape(chartPath + ".png")).append("\" alt=\"").append(escape(alt))
        .append("\" width=\"1200\" height=\"800\">\n<figcaption>").append(escape(caption))
        .append(" <a href=\"").append(escape(chartPath + ".svg")).append("\">SVG for print</a>");
    if (csvPath != null) {
      body.append(" · <a href=\"").append(escape(csvPath)).append("\">the table as CSV</a>");
    }
    body.append("</figcaption>\n</figure>\n");
    return this;
  }

  /** A table; the first row is the header. */
  HtmlPage table(String caption, List<List<String>> rows) {
    return table(caption, rows, "");
  }

  /** A table of words (definitions), left-aligned; the first row is the header. */
  HtmlPage textTable(String caption, List<List<String>> rows) {
    return table(caption, rows, " class=\"text\"");
  }

  private HtmlPage table(String caption, List<List<String>> rows, String attributes) {
    body.append("<table").append(attributes).append(">\n<caption>").append(escape(caption)).append("</caption>\n<thead><tr>");
    for (String cell : rows.get(0)) {
      body.append("<th scope=\"col\">").append(escape(cell)).append("</th>");
    }
    body.append("</tr></thead>\n<tbody>\n");
    for (List<String> row : rows.subList(1, rows.size())) {
      body.append("<tr>");
      for (int i = 0; i < row.size(); i++) {
        String tag = i == 0 ? "th scope=\"row\"" : "td";
        body.append('<').append(tag).append('>').append(escape(row.get(i))).append("</").append(i == 0 ? "th" : "td")
            .append('>');
      }
      body.append("</tr>\n");
    }
    body.append("</tbody>\n</table>\n");
    return this;
  }

  void write(Path file) {
    String html = "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" + escape(title)
        + "</title>\n<style>\n"
        + "body{font-family:'DejaVu Sans',Arial,sans-serif;max-width:1240px;margin:1em auto;padding:0 1em;color:#111}\n"
        + "img{max-width:100%;height:auto;border:1px solid #ddd}\nfigure{margin:1.5em 0}\n"
        + "figcaption{font-size:.9em;color:#333}\ntable{border-collapse:collapse;margin:1em 0;font-size:.9em}\n"
        + "caption{text-align:left;font-weight:bold;padding:.3em 0}\n"
        + "th,td{border:1px solid #ccc;padding:.25em .5em;text-align:right}\nth[scope=row]{text-align:left}\n"
        + "thead th{background:#eee}\n.note{background:#fff6e0;border-left:4px solid #E69F00;padding:.5em 1em}\n"
        + "ul.links{columns:3}\ntable.text td,table.text thead th{text-align:left}\n.provenance{color:#444;font-size:.9em}\nnav.contents{margin:1em 0}\n"
        + "</style>\n</head>\n<body>\n<h1>" + escape(title) + "</h1>\n<p class=\"provenance\">" + escape(provenance)
        + "</p>\n" + contents() + body
        + "</body>\n</html>\n";
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, html, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + file + ": " + e.getMessage(), e);
    }
  }

  private String contents() {
    if (contents.size() < 2) {
      return "";
    }
    StringBuilder nav = new StringBuilder("<nav class=\"contents\" aria-label=\"Contents\">\n<strong>Contents</strong>\n<ol>\n");
    for (String[] entry : contents) {
      nav.append("<li><a href=\"#").append(entry[0]).append("\">").append(escape(entry[1])).append("</a></li>\n");
    }
    return nav.append("</ol>\n</nav>\n").toString();
  }

  /** Writes {@code rows} as CSV (RFC 4180 quoting). */
  static void writeCsv(Path file, List<List<String>> rows) {
    try {
      Files.createDirectories(file.getParent());
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + file + ": " + e.getMessage(), e);
    }
    try (CsvWriter csv = new CsvWriter(file, rows.get(0))) {
      rows.subList(1, rows.size()).forEach(csv::line);
    }
  }

}
