package scot.pace.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The reports as a reader gets them: {@code pace demo} on two councils (one of them tiny, so
 * disclosure control has work to do), then every page, link and picture checked, and the
 * national page opened in headless Chromium.
 */
class ReportIT {
  static Path dir;
  static Path out;
  static PaceCliIT.Result demo;

  @BeforeAll
  static void runDemo() {
    ThreeCouncilDemo shared = ThreeCouncilDemo.get();
    dir = shared.dir;
    out = shared.out;
    demo = shared.result;
  }

  static List<Path> files(Path folder, String suffix) throws IOException {
    try (Stream<Path> all = Files.walk(folder)) {
      return all.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
    }
  }

  @Test
  void demoWritesThePublishedReportAndTheRestrictedOnesApart() throws IOException {
    assertEquals(0, demo.exitCode(), demo.err());
    assertTrue(demo.out().contains("charts and reports done in"), demo.out());
    assertTrue(Files.isRegularFile(out.resolve("report/index.html")));
    for (String council : List.of("S12000023", "S12000048", "S12000036")) {
      assertTrue(Files.isRegularFile(out.resolve("report/councils/" + council + ".html")), council);
      assertTrue(Files.isRegularFile(out.resolve("restricted/" + council + "/index.html")), council);
      assertTrue(Files.isRegularFile(out.resolve("restricted/" + council + "/charts/run_chart.png")), council);
    }
    for (Path file : files(out.resolve("report"), "")) {
      String name = file.getFileName().toString();
      assertTrue(!name.matches("(run_chart|still_waiting)\\.(png|svg)"),
          "a child-level chart in the published report: " + file);
    }
    for (Path page : files(out.resolve("report"), ".html")) {
      String html = Files.readString(page);
      assertTrue(!html.contains("child_key"), page.toString());
    }
    String national = Files.readString(out.resolve("report/index.html"));
    assertTrue(national.contains("charts/run_charts.png") && national.contains("<th scope=\"col\">months since</th>"),
        "the national page has every council's run chart of monthly medians, and its verdicts count months");
    assertTrue(national.contains("charts/pace_groups.png") && national.contains("councils without a PACE start"),
        "the national page sets the PACE councils beside Orkney, which has no start");
    String perth = Files.readString(out.resolve("report/councils/S12000048.html"));
    assertTrue(perth.contains("S12000048/charts/trends.png") && perth.contains("Perth and Kinross and Scotland, every year"),
        "a council page has its trend across the years");
    String grid = Files.readString(out.resolve("report/charts/run_charts.svg"));
    for (String council : List.of("City of Edinburgh", "Orkney Islands", "Perth and Kinross")) {
      assertTrue(grid.contains(council), "the small multiples have a panel for " + council);
    }
    assertTrue(Files.readString(out.resolve("restricted/S12000048/charts/run_chart.svg")).contains("monthly median weeks"));
    // The page's introduction explains [c] whatever the data: look for a withheld table cell.
    assertTrue(national.contains("<td>[c]</td>"), "Orkney's small numbers are suppressed in a table of the national page");
    try (Stream<Path> leftovers = Files.list(out)) {
      assertEquals(List.of("exports", "report", "restricted", "runs"), leftovers.map(p -> p.getFileName().toString()).sorted().toList(),
          "no temporary folder left behind");
    }
  }

  @Test
  void everyPageNamesItsRunAndTheNationalPageHasContentsAndAGlossaryBesideIt() throws IOException {
    String runId = demo.out().lines().filter(l -> l.startsWith("run ")).findFirst().orElseThrow().substring(4);
    for (Path page : files(out, ".html")) {
      String html = Files.readString(page);
      assertTrue(html.matches("(?s).*<p class=\"provenance\">Run " + Pattern.quote(runId) + " · produced \\d{1,2} [A-Z][a-z]+ 20\\d\\d,"
          + " \\d\\d:\\d\\d UTC · pace \\d+\\.\\d+\\.\\d+ · latest snapshot 31 July 2024</p>.*"), page + " names its run");
    }
    String national = Files.readString(out.resolve("report/index.html"));
    Matcher entry = Pattern.compile("<li><a href=\"#([a-z0-9-]+)\">").matcher(national.substring(0, national.indexOf("</nav>")));
    int entries = 0;
    while (entry.find()) {
      assertTrue(national.contains("<h2 id=\"" + entry.group(1) + "\">"), "the contents link to a heading: " + entry.group(1));
      entries++;
    }
    assertTrue(entries >= 5, "a contents list of the page's sections: " + entries);
    String glossary = Files.readString(out.resolve("report/glossary.html"));
    assertTrue(national.contains("<a href=\"glossary.html\">the glossary</a>"), "the national page links its glossary");
    assertTrue(glossary.contains("<h2 id=\"gold-time-to-permanence\">gold_time_to_permanence</h2>"), glossary);
    assertTrue(glossary.contains("<th scope=\"row\">within_2y</th>"), "the columns are defined");
    assertTrue(!national.contains("docs/measures.md"), "no pointer to a file the report does not ship");
    assertTrue(national.contains("<h2 id=\"key-points\">Key points</h2>"), "key points in words");
    assertTrue(national.matches("(?s).*<li>Legal permanence within 2 years: \\d+\\.\\d% of Scotland's children"
        + " of the 20\\d\\d-\\d\\d cohort; (no council|1 council|\\d+ councils) above and (no council|1 council|\\d+ councils)"
        + " below the 99\\.8% limits.*"), "a key point with Scotland's share and the councils outside the limits");
    String council = Files.readString(out.resolve("report/councils/S12000048.html"));
    assertTrue(council.matches("(?s).*<td>20\\d\\d-\\d\\d cohort</td>.*") && council.contains("<td>31 July 20"),
        "a cohort named as the national page names it (2021-22), a snapshot by its date");
    List<String> stages = Files.readAllLines(out.resolve("report/tables/stages.csv")).stream().skip(1)
        .map(line -> line.substring(0, line.indexOf(','))).distinct().toList();
    assertEquals(List.of("recommendation to panel", "panel to agency decision", "decision to lodging in court",
        "lodging to order granted"), stages, "the stages in the order a child goes through them");
  }

  @Test
  void everyLinkAndPictureResolvesAndEveryChartIsFullSize() throws IOException {
    Pattern reference = Pattern.compile("(?:src|href)=\"([^\"#]+)\"");
    int checked = 0;
    for (Path page : files(out, ".html")) {
      Matcher matcher = reference.matcher(Files.readString(page));
      while (matcher.find()) {
        Path target = page.getParent().resolve(matcher.group(1)).normalize();
        assertTrue(Files.isRegularFile(target) && Files.size(target) > 0, page + " links to a missing " + target);
        checked++;
      }
    }
    assertTrue(checked > 50, "links checked: " + checked);
    for (Path png : files(out, ".png")) {
      BufferedImage image = ImageIO.read(png.toFile());
      String name = png.getFileName().toString();
      if (name.equals("run_charts.png")) {
        // The small multiples: four panels a row, three councils in one row.
        assertEquals(1600, image.getWidth(), png.toString());
        assertEquals(110 + 260 + 40, image.getHeight(), png.toString());
      } else {
        assertEquals(1200, image.getWidth(), png.toString());
        assertEquals(name.equals("trends.png") || name.equals("pace_groups.png") ? 1300 : 800, image.getHeight(),
            png.toString());
      }
    }
    for (Path csv : files(out.resolve("report"), ".csv")) {
      List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
      assertTrue(lines.size() >= 2, csv + " has a header and rows");
      for (String line : lines) {
        assertTrue(!line.matches(".*(^|,)[1-4](,|$).*"), csv + " publishes a count of 1 to 4: " + line);
      }
    }
  }

  /**
   * Opens a copy of the national page, with a script added that waits for the page to load and
   * then records every image that did not load and every script error, in headless Chromium
   * (Debian's {@code chromium}; {@code .ci/run} installs it), and reads the record back from the
   * DOM Chromium prints.
   */
  @Test
  void theNationalPageLoadsInHeadlessChromiumWithEveryImage() throws Exception {
    java.util.Optional<String> found = Stream.of("chromium", "chromium-browser", "google-chrome")
        .filter(ReportIT::onPath).findFirst();
    ExternalTool.require(found.isPresent(), "Chromium", "apt-get install chromium");
    String browser = found.orElseThrow();
    Path index = out.resolve("report/index.html");
    Path probe = index.resolveSibling("probe.html");
    String check = "<script>window.addEventListener('error', function (e) { document.body.setAttribute('data-errors',"
        + " (document.body.getAttribute('data-errors') || '') + ' ' + (e.message || (e.target && e.target.src))); }, true);"
        + "window.addEventListener('load', function () { var bad = []; var imgs = document.images;"
        + " for (var i = 0; i < imgs.length; i++) { if (!imgs[i].complete || imgs[i].naturalWidth === 0"
        + " || imgs[i].getBoundingClientRect().width === 0) bad.push(imgs[i].getAttribute('src')); }"
        + " document.body.setAttribute('data-images', imgs.length); document.body.setAttribute('data-broken', bad.join(' '));"
        + " });</script>";
    Files.writeString(probe, Files.readString(index).replace("<head>", "<head>\n" + check));
    try {
      Process chromium = new ProcessBuilder(browser, "--headless", "--no-sandbox", "--disable-gpu",
          "--allow-file-access-from-files", "--enable-logging=stderr", "--v=0", "--virtual-time-budget=20000",
          "--dump-dom", probe.toUri().toString())
          .redirectError(dir.resolve("chromium.log").toFile())
          .start();
      String dom = new String(chromium.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(chromium.waitFor(120, TimeUnit.SECONDS), "Chromium did not finish");
      String log = Files.readString(dir.resolve("chromium.log"));
      Matcher images = Pattern.compile("data-images=\"(\\d+)\"").matcher(dom);
      assertTrue(images.find(), "the page did not finish loading in Chromium:\n" + log);
      assertTrue(Integer.parseInt(images.group(1)) >= 10, "images on the page: " + images.group(1));
      assertTrue(dom.contains("data-broken=\"\""), "images that did not load: " + dom.replaceAll("(?s).*data-broken=\"([^\"]*)\".*", "$1"));
      assertTrue(!dom.contains("data-errors="), "script errors on the page");
      List<String> consoleErrors = new ArrayList<>();
      for (String line : log.split("\n")) {
        if (line.contains("CONSOLE") || line.contains("ERR_FILE_NOT_FOUND")) {
          consoleErrors.add(line);
        }
      }
      assertEquals(List.of(), consoleErrors, "console messages while loading the page");
    } finally {
      Files.deleteIfExists(probe);
    }
  }

  static boolean onPath(String command) {
    for (String folder : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(folder, command))) {
        return true;
      }
    }
    return false;
  }
}
