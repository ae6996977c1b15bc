package org.ybdesk.desk;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.FlowLayout;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.swing.BorderFactory;
import javax.swing.Box;
import javax.swing.BoxLayout;
import javax.swing.DefaultComboBoxModel;
import javax.swing.ImageIcon;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextField;
import javax.swing.filechooser.FileNameExtensionFilter;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.ybdesk.core.lifecycle.CaseState;
import org.ybdesk.reports.batch.BatchReports;
import org.ybdesk.service.ReportService;
import org.ybdesk.service.ReportService.Filter;
import org.ybdesk.service.ReportService.Kind;
import org.ybdesk.service.ServiceException;

/**
 * 报表: the supervisors' batch reports. Choose the report, the period and the filters; 生成 queries, fills and
 * renders off the event thread and shows the pages; 另存为PDF and 导出Excel write the same report to a file.
 */
final class ReportsPanel extends JPanel {
    /** Pages rendered for the preview; the saved PDF always holds all of them. */
    static final int PREVIEW_PAGES = 20;
    private static final float PREVIEW_DPI = 96f;

    private final MainFrame frame;
    private final JComboBox<SearchPanel.Choice<Kind>> kind = new JComboBox<>();
    private final JTextField from = new JTextField(10);
    private final JTextField to = new JTextField(10);
    private final JTextField agency = new JTextField(12);
    private final JComboBox<Object> item = new JComboBox<>();
    private final JComboBox<Object> state = new JComboBox<>();
    private final JButton generate = new JButton(Texts.t("reports.generate"));
    private final JButton savePdf = new JButton(Texts.t("reports.savePdf"));
    private final JButton saveXlsx = new JButton(Texts.t("reports.saveXlsx"));
    private final JLabel message = new JLabel(" ");
    private final JPanel pages = new JPanel();
    private BatchReports.Prepared prepared;
    private byte[] pdf;
    private int pageCount;

    ReportsPanel(MainFrame frame) {
        super(new BorderLayout(0, 6));
        this.frame = frame;
        setName("reportsPanel");
        setBorder(BorderFactory.createEmptyBorder(12, 12, 12, 12));
        kind.setName("reports.kind");
        from.setName("reports.from");
        to.setName("reports.to");
        agency.setName("reports.agency");
        item.setName("reports.item");
        state.setName("reports.state");
        generate.setName("reports.generate");
        savePdf.setName("reports.savePdf");
        saveXlsx.setName("reports.saveXlsx");
        message.setName("reports.message");
        pages.setName("reports.pages");
        DefaultComboBoxModel<SearchPanel.Choice<Kind>> kinds = new DefaultComboBoxModel<>();
        BatchReports.kinds().forEach((k, label) -> kinds.addElement(new SearchPanel.Choice<>(k, label)));
        kind.setModel(kinds);
        item.setModel(SearchPanel.Choice.items(frame.session().desk().catalog().items()));
        item.setPrototypeDisplayValue("M".repeat(16));
        state.setModel(SearchPanel.Choice.states());
        LocalDate today = frame.session().desk().today();
        from.setText(today.withDayOfMonth(1).toString());
        to.setText(today.toString());
        agency.putClientProperty("JTextField.placeholderText", Texts.t("reports.agency.all"));
        agency.setToolTipText(Texts.t("reports.agency.tip"));

        JPanel row1 = new JPanel(new FlowLayout(FlowLayout.LEFT, 6, 2));
        row1.add(new JLabel(Texts.t("reports.kind")));
        row1.add(kind);
        row1.add(new JLabel(Texts.t("reports.period")));
        row1.add(from);
        row1.add(new JLabel("\u2014"));
        row1.add(to);
        row1.add(new JLabel(Texts.t("reports.agency")));
        row1.add(agency);
        JPanel row2 = new JPanel(new FlowLayout(FlowLayout.LEFT, 6, 2));
        row2.add(new JLabel(Texts.t("search.item")));
        row2.add(item);
        row2.add(new JLabel(Texts.t("search.state")));
        row2.add(state);
        row2.add(generate);
        row2.add(savePdf);
        row2.add(saveXlsx);
        JPanel north = new JPanel(new java.awt.GridLayout(3, 1));
        north.add(row1);
        north.add(row2);
        north.add(message);
        add(north, BorderLayout.NORTH);
        pages.setLayout(new BoxLayout(pages, BoxLayout.Y_AXIS));
        pages.setBackground(new Color(0x9E9E9E));
        JScrollPane scroll = new JScrollPane(pages);
        scroll.setName("reports.scroll");
        scroll.getVerticalScrollBar().setUnitIncrement(24);
        add(scroll, BorderLayout.CENTER);
        savePdf.setEnabled(false);
        saveXlsx.setEnabled(false);
        generate.addActionListener(e -> generate());
        savePdf.addActionListener(e -> chooseAndSave("pdf"));
        saveXlsx.addActionListener(e -> chooseAndSave("xlsx"));
    }

    /** The request as typed; every problem with it at once (dates, period, item). */
    private Filter filter() {
        List<String> problems = new ArrayList<>();
        LocalDate f = null;
        LocalDate t = null;
        try {
            f = ReportService.parseDate(from.getText(), Texts.t("reports.from"));
        } catch (ServiceException e) {
            problems.addAll(e.problems());
        }
        try {
            t = ReportService.parseDate(to.getText(), Texts.t("reports.to"));
        } catch (ServiceException e) {
            problems.addAll(e.problems());
        }
        if (!problems.isEmpty()) {
            throw new ServiceException(problems);
        }
        Integer itemNo = SearchPanel.Choice.chosen(item, Integer.class);
        CaseState st = SearchPanel.Choice.chosen(state, CaseState.class);
        List<String> codes = Arrays.stream(agency.getText().split("[,\\uFF0C\\u3001\\s]+")).filter(s -> !s.isBlank()).toList();
        return new Filter(f, t, codes, itemNo, st);
    }

    private Kind selectedKind() {
        @SuppressWarnings("unchecked")
        SearchPanel.Choice<Kind> c = (SearchPanel.Choice<Kind>) kind.getSelectedItem();
        return c.value();
    }

    /** What the preview shows: the report, its PDF and the first pages as images. */
    private record Rendered(BatchReports.Prepared prepared, byte[] pdf, int pageCount, List<BufferedImage> images) {
    }

    void generate() {
        Background.onEdt();
        Filter f;
        try {
            f = filter();
        } catch (ServiceException e) {
            showProblems(e);
            return;
        }
        Kind k = selectedKind();
        message.setForeground(UIManagerColors.normal());
        message.setText(Texts.t("reports.working"));
        generate.setEnabled(false);
        Background.run(this, () -> render(k, f), r -> {
            generate.setEnabled(true);
            prepared = r.prepared();
            pdf = r.pdf();
            pageCount = r.pageCount();
            pages.removeAll();
            int n = 0;
            for (BufferedImage img : r.images()) {
                JLabel page = new JLabel(new ImageIcon(img));
                page.setName("reports.page." + (++n));
                page.setAlignmentX(0.5f);
                pages.add(Box.createVerticalStrut(8));
                pages.add(page);
            }
            pages.revalidate();
            pages.repaint();
            savePdf.setEnabled(true);
            saveXlsx.setEnabled(true);
            message.setForeground(UIManagerColors.normal());
            message.setText(pageCount > r.images().size()
                    ? Texts.t("reports.done.partial", prepared.title(), pageCount, r.images().size())
                    : Texts.t("reports.done", prepared.title(), pageCount));
        }, e -> {
            generate.setEnabled(true);
            if (e instanceof ServiceException se) {
                showProblems(se);
            } else {
                Problems.show(this, e);
            }
        });
    }

    private Rendered render(Kind k, Filter f) {
        BatchReports.Prepared p = BatchReports.prepare(frame.session().desk(), k, f);
        byte[] bytes = BatchReports.pdf(p, frame.session().desk().mode());
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            PDFRenderer r = new PDFRenderer(doc);
            List<BufferedImage> images = new ArrayList<>();
            for (int i = 0; i < Math.min(PREVIEW_PAGES, doc.getNumberOfPages()); i++) {
                images.add(r.renderImageWithDPI(i, PREVIEW_DPI));
            }
            return new Rendered(p, bytes, doc.getNumberOfPages(), images);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void showProblems(ServiceException e) {
        message.setForeground(UIManagerColors.error());
        message.setText("<html>" + String.join("<br>", e.problems().stream().map(ReportsPanel::escape).toList())
                + "</html>");
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private void chooseAndSave(String format) {
        if (prepared == null) {
            return;
        }
        JFileChooser chooser = new JFileChooser();
        chooser.setName("reports.chooser");
        chooser.setFileFilter(new FileNameExtensionFilter(format.toUpperCase(java.util.Locale.ROOT), format));
        chooser.setSelectedFile(new java.io.File(BatchReports.fileName(prepared, format)));
        if (chooser.showSaveDialog(this) == JFileChooser.APPROVE_OPTION) {
            Path target = chooser.getSelectedFile().toPath();
            if (!target.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith("." + format)) {
                target = target.resolveSibling(target.getFileName() + "." + format);
            }
            save(target, format);
        }
    }

    /** Writes the generated report to {@code target} as PDF or XLSX, off the event thread. */
    void save(Path target, String format) {
        BatchReports.Prepared p = prepared;
        byte[] bytes = pdf;
        Background.run(this, () -> {
            try (OutputStream out = Files.newOutputStream(target)) {
                if (format.equals("pdf")) {
                    out.write(bytes);
                } else {
                    BatchReports.xlsx(p, frame.session().desk().mode(), out);
                }
            } catch (IOException e) {
                throw new ServiceException(Texts.t("reports.saveFailed", target.toString(), e.getMessage()));
            }
            return target;
        }, t -> {
            message.setForeground(UIManagerColors.normal());
            message.setText(Texts.t("reports.saved", t.toString()));
        });
    }

    int pageCount() {
        return pageCount;
    }

    /** Colours of the message line (theme text colour; red for problems). */
    private static final class UIManagerColors {
        static Color normal() {
            Color c = javax.swing.UIManager.getColor("Label.foreground");
            return c == null ? Color.BLACK : c;
        }

        static Color error() {
            return new Color(0xC62828);
        }
    }
}
