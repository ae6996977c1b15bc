package org.ybdesk.reports.batch;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.Map;
import java.util.TreeMap;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.DefaultCategoryDataset;
import org.ybdesk.core.i18n.Messages;
import org.ybdesk.fonts.BundledFonts;
import org.ybdesk.service.ReportService;

/**
 * The monthly report's pictures, drawn with JFreeChart into images at three times the print size (sharp at 216 dpi
 * on paper): received cases per item stacked by how they stand, and the on-time rate per month.
 */
final class BatchCharts {
    /** Pixels per PDF point of the chart images. */
    static final int SCALE = 3;
    private static final Messages M = Messages.bundle("org.ybdesk.reports.batch.messages");
    private static final Color[] STATUS_COLORS = {new Color(0x2E7D32), new Color(0xC62828), new Color(0x757575),
            new Color(0x1565C0)};

    private BatchCharts() {
    }

    private static Font sans(float size, boolean bold) {
        BundledFonts.register();
        return new Font(BundledFonts.SANS_FAMILY, bold ? Font.BOLD : Font.PLAIN, 1).deriveFont(size);
    }

    /** Received cases per item of the period, stacked by state group (办结, 未通过, 不予受理, 在办). */
    static BufferedImage byItem(ReportService.Monthly m, int widthPt, int heightPt) {
        Map<Integer, int[]> byItem = new TreeMap<>();
        for (ReportService.MonthlyRow r : m.rows()) {
            int[] n = byItem.computeIfAbsent(r.itemNo(), k -> new int[4]);
            n[0] += r.closed();
            n[1] += r.rejected();
            n[2] += r.refused();
            n[3] += r.open();
        }
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        String[] series = {M.get("chart.state.closed"), M.get("chart.state.rejected"), M.get("chart.state.refused"),
                M.get("chart.state.open")};
        byItem.forEach((item, n) -> {
            for (int i = 0; i < 4; i++) {
                data.addValue(n[i], series[i], String.valueOf(item));
            }
        });
        StackedBarRenderer renderer = new StackedBarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setMaximumBarWidth(0.06);
        for (int i = 0; i < 4; i++) {
            renderer.setSeriesPaint(i, STATUS_COLORS[i]);
        }
        CategoryPlot plot = plot(data, M.get("chart.items.category"), M.get("chart.items.axis"), renderer);
        ((NumberAxis) plot.getRangeAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        JFreeChart chart = chart(M.get("chart.items.title"), plot, true);
        return draw(chart, widthPt, heightPt);
    }

    /** The on-time rate (按期办结率) of each month, labelled; months with nothing to judge are left empty. */
    static BufferedImage rateByMonth(ReportService.Monthly m, int widthPt, int heightPt) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        String series = M.get("chart.rate.axis");
        for (ReportService.MonthTotal t : m.months()) {
            var rate = t.timeliness().ratePercent();
            data.addValue(rate, series, t.month().toString());
        }
        BarRenderer renderer = new BarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setMaximumBarWidth(0.08);
        renderer.setSeriesPaint(0, new Color(0x1565C0));
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}",
                new java.text.DecimalFormat("0.0")));
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(sans(7f, false));
        CategoryPlot plot = plot(data, M.get("chart.rate.category"), M.get("chart.rate.axis"), renderer);
        plot.getRangeAxis().setRange(0, 110);
        JFreeChart chart = chart(M.get("chart.rate.title"), plot, false);
        return draw(chart, widthPt, heightPt);
    }

    private static CategoryPlot plot(DefaultCategoryDataset data, String categoryLabel, String valueLabel,
                                     BarRenderer renderer) {
        CategoryAxis x = new CategoryAxis(categoryLabel);
        NumberAxis y = new NumberAxis(valueLabel);
        for (var axis : new org.jfree.chart.axis.Axis[] {x, y}) {
            axis.setLabelFont(sans(7.5f, false));
            axis.setTickLabelFont(sans(7f, false));
        }
        x.setCategoryMargin(0.25);
        CategoryPlot plot = new CategoryPlot(data, x, y, renderer);
        plot.setOrientation(PlotOrientation.VERTICAL);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xBDBDBD));
        plot.setRangeGridlineStroke(new BasicStroke(0.4f));
        plot.setOutlineVisible(false);
        return plot;
    }

    private static JFreeChart chart(String title, CategoryPlot plot, boolean legend) {
        JFreeChart chart = new JFreeChart(title, sans(9f, true), plot, legend);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        TextTitle t = chart.getTitle();
        t.setPaint(Color.BLACK);
        if (legend) {
            LegendTitle l = chart.getLegend();
            l.setItemFont(sans(7f, false));
            l.setPosition(RectangleEdge.TOP);
            l.setFrame(org.jfree.chart.block.BlockBorder.NONE);
        }
        return chart;
    }

    private static BufferedImage draw(JFreeChart chart, int widthPt, int heightPt) {
        BufferedImage img = new BufferedImage(widthPt * SCALE, heightPt * SCALE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.scale(SCALE, SCALE);
            chart.draw(g, new Rectangle2D.Double(0, 0, widthPt, heightPt));
        } finally {
            g.dispose();
        }
        return img;
    }
}
