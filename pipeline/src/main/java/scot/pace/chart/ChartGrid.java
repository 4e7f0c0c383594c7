package scot.pace.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.ui.Drawable;

/**
 * Small multiples: many small charts in a grid under one title, a key of colours and the
 * footnote, drawn as one picture (JFreeChart draws one plot per chart; this lays several out).
 *
 * @param columns panels per row
 * @param panelHeight the height of each panel; the width is the picture's divided by {@code columns}
 */
public record ChartGrid(String title, String subtitle, String footnote, List<JFreeChart> panels, int columns,
    int panelHeight, List<Key> keys) implements Drawable {

  /** A colour of the key and what it marks. */
  public record Key(Color colour, String label) {}

  static final int HEADER = 110;
  static final int FOOTER = 40;

  public int width() {
    return ChartStyle.WIDTH + 400;
  }

  public int height() {
    int rows = (panels.size() + columns - 1) / columns;
    return HEADER + rows * panelHeight + FOOTER;
  }

  @Override
  public void draw(Graphics2D g, Rectangle2D area) {
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setPaint(Color.WHITE);
    g.fill(area);
    double x0 = area.getX();
    double y0 = area.getY();
    g.setPaint(Color.BLACK);
    g.setFont(new Font(ChartStyle.FONT, Font.BOLD, 24));
    g.drawString(title, (float) x0 + 16, (float) y0 + 34);
    g.setPaint(new Color(0x333333));
    g.setFont(new Font(ChartStyle.FONT, Font.PLAIN, 16));
    g.drawString(subtitle, (float) x0 + 16, (float) y0 + 62);
    float keyX = (float) x0 + 16;
    g.setFont(new Font(ChartStyle.FONT, Font.PLAIN, 14));
    for (Key key : keys) {
      g.setPaint(key.colour());
      g.setStroke(new BasicStroke(3f));
      g.drawLine((int) keyX, (int) y0 + 88, (int) keyX + 24, (int) y0 + 88);
      g.setPaint(Color.BLACK);
      g.drawString(key.label(), keyX + 30, (float) y0 + 93);
      keyX += 30 + g.getFontMetrics().stringWidth(key.label()) + 28;
    }
    double panelWidth = area.getWidth() / columns;
    for (int i = 0; i < panels.size(); i++) {
      int row = i / columns;
      int column = i % columns;
      panels.get(i).draw(g, new Rectangle2D.Double(x0 + column * panelWidth, y0 + HEADER + row * panelHeight,
          panelWidth, panelHeight));
    }
    g.setPaint(new Color(0x444444));
    g.setFont(new Font(ChartStyle.FONT, Font.PLAIN, 12));
    g.drawString(footnote, (float) x0 + 16, (float) (y0 + area.getHeight() - 16));
  }
}
