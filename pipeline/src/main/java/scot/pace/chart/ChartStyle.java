package scot.pace.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Stroke;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;

/**
 * The look every chart shares: the Okabe-Ito palette (distinguishable with the common forms of
 * colour blindness, Okabe and Ito 2008), DejaVu Sans (installed with the JDK's fontconfig on
 * Debian; {@code .ci/run} makes sure of it), white background, a subtitle saying what and when, and
 * a footnote naming the source and the snapshot. Sized for 1200 × 800 and for print.
 */
public final class ChartStyle {
  public static final int WIDTH = 1200;
  public static final int HEIGHT = 800;
  public static final String FONT = "DejaVu Sans";

  public static final Color BLACK = new Color(0x000000);
  public static final Color ORANGE = new Color(0xE69F00);
  public static final Color SKY_BLUE = new Color(0x56B4E9);
  public static final Color GREEN = new Color(0x009E73);
  public static final Color YELLOW = new Color(0xF0E442);
  public static final Color BLUE = new Color(0x0072B2);
  public static final Color VERMILLION = new Color(0xD55E00);
  public static final Color PURPLE = new Color(0xCC79A7);
  public static final Color GREY = new Color(0x999999);
  public static final Color LIGHT_GREY = new Color(0xDDDDDD);

  /** The palette in the order series take it. */
  public static final Color[] SERIES = {BLUE, ORANGE, GREEN, VERMILLION, SKY_BLUE, PURPLE, YELLOW, BLACK, GREY};

  public static final Stroke LINE = new BasicStroke(2.5f);
  public static final Stroke THIN = new BasicStroke(1.5f);
  public static final Stroke DASHED =
      new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {8f, 6f}, 0f);

  static {
    // Rotated labels drawn as text, not as outlines, so the SVG keeps them searchable and sharp.
    org.jfree.chart.text.TextUtils.setUseDrawRotatedStringWorkaround(false);
  }

  private ChartStyle() {}

  private static void style(org.jfree.chart.axis.Axis axis, Font label, Font ticks) {
    if (axis == null) {
      return;
    }
    axis.setLabelFont(label);
    axis.setLabelPaint(BLACK);
    if (!(axis instanceof org.jfree.chart.axis.SymbolAxis)) {
      axis.setTickLabelFont(ticks);
    }
    axis.setTickLabelPaint(BLACK);
  }

  private static org.jfree.chart.plot.DefaultDrawingSupplier palette() {
    return new org.jfree.chart.plot.DefaultDrawingSupplier(SERIES, SERIES,
        org.jfree.chart.plot.DefaultDrawingSupplier.DEFAULT_OUTLINE_PAINT_SEQUENCE,
        new Stroke[] {LINE}, org.jfree.chart.plot.DefaultDrawingSupplier.DEFAULT_OUTLINE_STROKE_SEQUENCE,
        org.jfree.chart.plot.DefaultDrawingSupplier.DEFAULT_SHAPE_SEQUENCE);
  }

  /** A marker line with a bold label in its own colour on no background. */
  public static org.jfree.chart.plot.ValueMarker marker(double value, Color colour, Stroke stroke, String label,
      org.jfree.chart.ui.RectangleAnchor anchor, org.jfree.chart.ui.TextAnchor textAnchor) {
    org.jfree.chart.plot.ValueMarker marker = new org.jfree.chart.plot.ValueMarker(value, colour, stroke);
    marker.setLabel(label);
    marker.setLabelFont(new Font(FONT, Font.BOLD, 14));
    marker.setLabelPaint(colour);
    marker.setLabelBackgroundColor(new Color(255, 255, 255, 0));
    marker.setLabelAnchor(anchor);
    marker.setLabelTextAnchor(textAnchor);
    marker.setLabelOffset(new RectangleInsets(4, 6, 4, 6));
    return marker;
  }

  /** An axis of years, without a thousands separator. */
  public static void years(org.jfree.chart.axis.NumberAxis axis) {
    axis.setStandardTickUnits(org.jfree.chart.axis.NumberAxis.createIntegerTickUnits());
    axis.setNumberFormatOverride(new java.text.DecimalFormat("0"));
    axis.setAutoRangeIncludesZero(false);
  }

  /** Placement types as a reader knows them. */
  public static String placement(String code) {
    if (code == null) {
      return "no placement recorded";
    }
    return switch (code) {
      case "HOME" -> "at home with parents";
      case "KIN" -> "kinship care";
      case "FOS_LA" -> "foster care (council)";
      case "FOS_PUR" -> "foster care (purchased)";
      case "ADOPTERS" -> "with prospective adopters";
      case "COMM" -> "other community";
      case "RES_LA" -> "council children's home";
      case "RES_VOL" -> "voluntary or private children's home";
      case "RES_SCH" -> "residential school";
      case "SECURE" -> "secure accommodation";
      case "CRISIS" -> "crisis care";
      case "RES_OTH" -> "other residential";
      default -> code;
    };
  }

  /** The series colour at {@code index}, cycling through the palette. */
  public static Paint series(int index) {
    return SERIES[index % SERIES.length];
  }

  /**
   * The colour of series {@code index}, from the fifth on hatched with white diagonal lines: with
   * many categories side by side (eight placements) neighbouring colours can merge for a
   * colour-blind reader, and the hatching tells the second four from the first.
   */
  public static Paint distinctSeries(int index) {
    Color colour = SERIES[index % SERIES.length];
    if (index % SERIES.length < 4) {
      return colour;
    }
    java.awt.image.BufferedImage tile = new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB);
    java.awt.Graphics2D g = tile.createGraphics();
    g.setColor(colour);
    g.fillRect(0, 0, 8, 8);
    g.setColor(Color.WHITE);
    g.setStroke(new BasicStroke(1.5f));
    g.drawLine(0, 8, 8, 0);
    g.dispose();
    return new java.awt.TexturePaint(tile, new java.awt.Rectangle(0, 0, 8, 8));
  }

  /**
   * Sets the fonts, background and gridlines of {@code chart}, and adds the subtitle and the
   * footnote. (Not a {@code ChartTheme}: applying one clears the series colours set per chart.)
   */
  public static JFreeChart finish(JFreeChart chart, String subtitle, String footnote) {
    chart.getTitle().setFont(new Font(FONT, Font.BOLD, 24));
    chart.setBackgroundPaint(Color.WHITE);
    if (chart.getLegend() != null) {
      chart.getLegend().setItemFont(new Font(FONT, Font.PLAIN, 14));
      chart.getLegend().setBackgroundPaint(Color.WHITE);
      chart.getLegend().setFrame(org.jfree.chart.block.BlockBorder.NONE);
    }
    Font label = new Font(FONT, Font.BOLD, 16);
    Font ticks = new Font(FONT, Font.PLAIN, 14);
    if (chart.getPlot() instanceof org.jfree.chart.plot.XYPlot xy) {
      xy.setBackgroundPaint(Color.WHITE);
      xy.setDomainGridlinePaint(LIGHT_GREY);
      xy.setRangeGridlinePaint(LIGHT_GREY);
      xy.setDrawingSupplier(palette());
      for (int i = 0; i < xy.getDomainAxisCount(); i++) {
        style(xy.getDomainAxis(i), label, ticks);
      }
      for (int i = 0; i < xy.getRangeAxisCount(); i++) {
        style(xy.getRangeAxis(i), label, ticks);
      }
    } else if (chart.getPlot() instanceof org.jfree.chart.plot.CategoryPlot category) {
      category.setBackgroundPaint(Color.WHITE);
      category.setRangeGridlinePaint(LIGHT_GREY);
      category.setDrawingSupplier(palette());
      style(category.getDomainAxis(), label, ticks);
      style(category.getRangeAxis(), label, ticks);
    }
    Plot plot = chart.getPlot();
    plot.setOutlineVisible(false);
    if (subtitle != null && !subtitle.isBlank()) {
      TextTitle sub = new TextTitle(subtitle, new Font(FONT, Font.PLAIN, 16));
      sub.setPaint(new Color(0x333333));
      chart.addSubtitle(0, sub);
    }
    TextTitle foot = new TextTitle(footnote, new Font(FONT, Font.PLAIN, 12));
    foot.setPosition(RectangleEdge.BOTTOM);
    foot.setHorizontalAlignment(HorizontalAlignment.LEFT);
    foot.setPaint(new Color(0x444444));
    foot.setPadding(new RectangleInsets(8, 8, 4, 8));
    chart.addSubtitle(foot);
    chart.setPadding(new RectangleInsets(8, 8, 8, 16));
    return chart;
  }
}
