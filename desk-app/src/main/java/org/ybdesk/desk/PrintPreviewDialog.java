package org.ybdesk.desk;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.Graphics;
import java.awt.Window;
import java.awt.event.ActionEvent;
import java.awt.event.KeyEvent;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.awt.image.BufferedImage;
import java.awt.print.PrinterException;
import java.awt.print.PrinterJob;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.swing.AbstractAction;
import javax.swing.BorderFactory;
import javax.swing.DefaultListCellRenderer;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.KeyStroke;
import javax.swing.WindowConstants;
import javax.swing.filechooser.FileNameExtensionFilter;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.printing.PDFPageable;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.ybdesk.reports.PrintDoc;
import org.ybdesk.reports.Prints;

/**
 * Print preview of a case's documents: choose a document that applies to the case (受理回执, notices, 审批表,
 * reference tables …), see its pages rendered by PDFBox (zoom, page navigation), print it through the system print
 * service or save it as PDF. Rendering, printing and saving run off the event thread.
 */
final class PrintPreviewDialog extends JDialog {
    static final float[] ZOOMS = {0.5f, 0.75f, 1f, 1.25f, 1.5f, 2f};

    private final Session session;
    private final String caseNo;
    /** Issue 14 (D169): the cases of a 批量打印 (null for one case's preview). */
    private final List<String> batch;
    private final JComboBox<PrintDoc> docs = new JComboBox<>();
    private final Page canvas = new Page();
    private final JScrollPane scroll = new JScrollPane(canvas);
    private final JLabel pageLabel = new JLabel(" ");
    private final JLabel zoomLabel = new JLabel(" ");
    private final JLabel status = new JLabel(" ");
    private final JButton prev = new JButton(Texts.t("print.prev"));
    private final JButton next = new JButton(Texts.t("print.next"));
    private final JButton zoomOut = new JButton(Texts.t("print.zoomOut"));
    private final JButton zoomIn = new JButton(Texts.t("print.zoomIn"));
    private final JButton print = new JButton(Texts.t("print.print"));
    private final JButton save = new JButton(Texts.t("print.save"));
    /** The rendered PDF of the chosen document and its open document (touched on the background worker). */
    private volatile byte[] pdf;
    private volatile PDDocument doc;
    private int pages;
    private int current;
    private int zoom = 2;
    private boolean closed;

    private PrintPreviewDialog(Window owner, Session session, String caseNo) {
        this(owner, session, caseNo, null);
    }

    private PrintPreviewDialog(Window owner, Session session, String caseNo, List<String> batch) {
        super(owner, batch == null ? Texts.t("print.title", caseNo)
                : Texts.t("print.batch.title", String.valueOf(batch.size())), ModalityType.MODELESS);
        this.session = session;
        this.caseNo = caseNo;
        this.batch = batch == null ? null : List.copyOf(batch);
        setName("print.preview");
        setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);
        addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosed(WindowEvent e) {
                closed = true;
                release();
            }
        });
        docs.setName("print.doc");
        canvas.setName("print.page");
        scroll.setName("print.scroll");
        scroll.getVerticalScrollBar().setUnitIncrement(24);
        pageLabel.setName("print.pageLabel");
        zoomLabel.setName("print.zoomLabel");
        status.setName("print.status");
        prev.setName("print.prev");
        next.setName("print.next");
        zoomOut.setName("print.zoomOut");
        zoomIn.setName("print.zoomIn");
        print.setName("print.print");
        save.setName("print.save");
        docs.setRenderer(new DefaultListCellRenderer() {
            @Override
            public java.awt.Component getListCellRendererComponent(JList<?> list, Object value, int index,
                                                                   boolean selected, boolean focus) {
                return super.getListCellRendererComponent(list, value instanceof PrintDoc d ? d.label() : value,
                        index, selected, focus);
            }
        });
        docs.addActionListener(e -> {
            if (docs.getSelectedItem() instanceof PrintDoc d) {
                render(d);
            }
        });
        prev.addActionListener(e -> show(current - 1));
        next.addActionListener(e -> show(current + 1));
        zoomOut.addActionListener(e -> zoom(zoom - 1));
        zoomIn.addActionListener(e -> zoom(zoom + 1));
        print.addActionListener(e -> printNow());
        save.addActionListener(e -> chooseAndSave());
        JButton close = new JButton(Texts.t("print.close"));
        close.setName("print.close");
        close.addActionListener(e -> dispose());

        JPanel top = new JPanel(new FlowLayout(FlowLayout.LEFT, 6, 4));
        top.add(new JLabel(Texts.t("print.doc")));
        top.add(docs);
        top.add(prev);
        top.add(pageLabel);
        top.add(next);
        top.add(zoomOut);
        top.add(zoomLabel);
        top.add(zoomIn);
        JPanel actions = new JPanel(new FlowLayout(FlowLayout.RIGHT, 6, 4));
        actions.add(print);
        actions.add(save);
        actions.add(close);
        JPanel bottom = new JPanel(new BorderLayout());
        status.setBorder(BorderFactory.createEmptyBorder(0, 10, 0, 10));
        bottom.add(status, BorderLayout.CENTER);
        bottom.add(actions, BorderLayout.EAST);
        getContentPane().add(top, BorderLayout.NORTH);
        getContentPane().add(scroll, BorderLayout.CENTER);
        getContentPane().add(bottom, BorderLayout.SOUTH);
        key(KeyEvent.VK_PAGE_DOWN, 0, "next", () -> show(current + 1));
        key(KeyEvent.VK_PAGE_UP, 0, "prev", () -> show(current - 1));
        key(KeyEvent.VK_ESCAPE, 0, "close", this::dispose);
        key(KeyEvent.VK_P, java.awt.event.InputEvent.CTRL_DOWN_MASK, "print", this::printNow);
        enableControls();
        setSize(900, 860);
        setLocationRelativeTo(owner);
        WindowSizes.remember(this); // issue 15: fits 1366×728, resizable, its size kept
    }

    /** Opens the preview for a case: loads the documents that apply to it, then renders the first. */
    static PrintPreviewDialog open(Window owner, Session session, String caseNo) {
        Background.onEdt();
        PrintPreviewDialog d = new PrintPreviewDialog(owner, session, caseNo);
        d.setVisible(true);
        d.status.setText(Texts.t("print.loading"));
        Background.run(d, () -> new Prints(session.desk()).applicable(caseNo, session.actor()), list -> {
            if (d.closed) {
                return;
            }
            if (list.isEmpty()) {
                d.status.setText(Texts.t("print.none"));
                return;
            }
            for (PrintDoc p : list) {
                d.docs.addItem(p);
            }
            d.docs.setSelectedIndex(0);
        }, e -> d.fail(e));
        return d;
    }

    /**
     * Issue 14 (D169): 批量打印 — one document (chosen in the dialog, 受理回执 first) of each of {@code caseNos} into one
     * PDF, previewed, printed or saved as one job; the cases the document does not apply to are named on the status
     * line (and in its tooltip), not skipped silently.
     */
    static PrintPreviewDialog openBatch(Window owner, Session session, List<String> caseNos) {
        Background.onEdt();
        PrintPreviewDialog d = new PrintPreviewDialog(owner, session, null, caseNos);
        d.setName("print.batch");
        d.setVisible(true);
        if (caseNos.isEmpty()) {
            d.status.setText(Texts.t("print.batch.empty"));
            return d;
        }
        for (PrintDoc.Kind k : PrintDoc.Kind.values()) {
            if (k != PrintDoc.Kind.TABLE) {
                d.docs.addItem(PrintDoc.of(k));
            }
        }
        for (int t = 1; t <= org.ybdesk.forms.ReferenceForms.COUNT; t++) {
            d.docs.addItem(PrintDoc.table(t));
        }
        d.docs.setSelectedIndex(0);
        return d;
    }

    private void key(int code, int mods, String name, Runnable r) {
        getRootPane().getInputMap(JComponent.WHEN_IN_FOCUSED_WINDOW).put(KeyStroke.getKeyStroke(code, mods), name);
        getRootPane().getActionMap().put(name, new AbstractAction() {
            @Override
            public void actionPerformed(ActionEvent e) {
                r.run();
            }
        });
    }

    private void render(PrintDoc d) {
        status.setForeground(pageLabel.getForeground());
        StatusStyle.INFO.show(status, Texts.t("print.rendering", d.label()));
        pdf = null;
        enableControls();
        String[] skipped = {null};
        Background.run(this, () -> {
            byte[] bytes;
            if (batch != null) {
                org.ybdesk.reports.BatchPrint.Result r = new org.ybdesk.reports.BatchPrint(session.desk())
                        .print(d, batch, session.actor());
                skipped[0] = r.skipped().isEmpty() ? null : String.join(Texts.t("print.separator"),
                        r.skipped().entrySet().stream().map(e -> e.getKey() + "：" + e.getValue()).toList());
                if (r.pdf() == null) {
                    throw new org.ybdesk.service.ServiceException(Texts.t("print.batch.noneApplies", d.label(),
                            String.valueOf(r.skipped().size())) + Texts.t("print.separator") + skipped[0]);
                }
                bytes = r.pdf();
                skipped[0] = Texts.t("print.batch.ready", d.label(), String.valueOf(r.printed().size()),
                        String.valueOf(r.skipped().size())) + (skipped[0] == null ? "" : Texts.t("print.batch.skipped",
                        skipped[0]));
            } else {
                bytes = new Prints(session.desk()).render(d, caseNo, session.actor());
            }
            release();
            try {
                doc = Loader.loadPDF(bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            pdf = bytes;
            return doc.getNumberOfPages();
        }, n -> {
            if (closed) {
                return;
            }
            pages = n;
            StatusStyle.INFO.show(status, Texts.t("print.ready", d.label(), String.valueOf(n),
                    String.valueOf(pdf.length / 1024)) + (skipped[0] == null ? "" : "　" + skipped[0]));
            status.setToolTipText(skipped[0]);
            show(0);
        }, this::fail);
    }

    private void show(int page) {
        if (pdf == null || page < 0 || page >= pages) {
            return;
        }
        current = page;
        float scale = ZOOMS[zoom];
        enableControls();
        Background.run(this, () -> {
            try {
                return new PDFRenderer(doc).renderImage(current, scale * 1.4f, ImageType.RGB);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, img -> {
            if (!closed) {
                canvas.set(img);
                scroll.getViewport().setViewPosition(new java.awt.Point(0, 0));
            }
        }, this::fail);
    }

    private void zoom(int level) {
        zoom = Math.max(0, Math.min(ZOOMS.length - 1, level));
        show(current);
    }

    private void enableControls() {
        boolean ready = pdf != null;
        prev.setEnabled(ready && current > 0);
        next.setEnabled(ready && current < pages - 1);
        zoomOut.setEnabled(ready && zoom > 0);
        zoomIn.setEnabled(ready && zoom < ZOOMS.length - 1);
        print.setEnabled(ready);
        save.setEnabled(ready);
        pageLabel.setText(ready ? Texts.t("print.pageOf", String.valueOf(current + 1), String.valueOf(pages)) : " ");
        zoomLabel.setText(Math.round(ZOOMS[zoom] * 100) + "%");
    }

    private void printNow() {
        if (pdf == null) {
            return;
        }
        PrinterJob job = PrinterJob.getPrinterJob();
        job.setJobName(caseNo == null ? getTitle() : caseNo);
        job.setPageable(new PDFPageable(doc));
        if (!job.printDialog()) {
            return;
        }
        status.setText(Texts.t("print.printing"));
        Background.run(this, () -> {
            try {
                job.print();
                return Boolean.TRUE;
            } catch (PrinterException e) {
                throw new IllegalStateException(Texts.t("print.printFailed", String.valueOf(e.getMessage())), e);
            }
        }, ok -> status.setText(Texts.t("print.printed")), this::fail);
    }

    private void chooseAndSave() {
        if (pdf == null || !(docs.getSelectedItem() instanceof PrintDoc d)) {
            return;
        }
        JFileChooser chooser = new JFileChooser();
        chooser.setName("print.chooser");
        chooser.setFileFilter(new FileNameExtensionFilter(Texts.t("print.pdfFiles"), "pdf"));
        chooser.setSelectedFile(new java.io.File((caseNo == null ? Texts.t("print.batch.file", String.valueOf(
                batch.size())) : caseNo) + "-" + d.code() + ".pdf"));
        if (chooser.showSaveDialog(this) == JFileChooser.APPROVE_OPTION) {
            Path p = chooser.getSelectedFile().toPath();
            saveTo(p.toString().toLowerCase(java.util.Locale.ROOT).endsWith(".pdf") ? p
                    : p.resolveSibling(p.getFileName() + ".pdf"));
        }
    }

    /** Writes the rendered PDF to {@code file} in the background; the status line says where. */
    void saveTo(Path file) {
        byte[] bytes = pdf;
        if (bytes == null) {
            return;
        }
        Background.run(this, () -> {
            try {
                Files.write(file, bytes);
                return file;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, f -> StatusStyle.SUCCESS.show(status, Texts.t("print.saved", f.toString())), this::fail);
    }

    private void fail(RuntimeException e) {
        if (closed) {
            return;
        }
        if (e instanceof org.ybdesk.service.ServiceException se) {
            // a refusal (a character the fonts lack, a document that does not apply): said on the status line
            StatusStyle.ERROR.show(status, String.join(Texts.t("print.separator"), se.problems()));
        } else {
            StatusStyle.ERROR.show(status, Texts.t("print.failed", String.valueOf(e.getMessage())));
            Problems.show(this, e);
        }
    }

    /** The documents offered (for tests). */
    List<PrintDoc> offered() {
        List<PrintDoc> out = new java.util.ArrayList<>();
        for (int i = 0; i < docs.getItemCount(); i++) {
            out.add(docs.getItemAt(i));
        }
        return out;
    }

    /** The status line's text (for tests). */
    String statusText() {
        return status.getText();
    }

    int pageCount() {
        return pages;
    }

    BufferedImage shownImage() {
        return canvas.image;
    }

    private void release() {
        PDDocument d = doc;
        doc = null;
        if (d != null) {
            try {
                d.close();
            } catch (IOException ignored) {
                // nothing to keep
            }
        }
    }

    /** The rendered page, centered on grey. */
    private static final class Page extends JComponent {
        private BufferedImage image;

        void set(BufferedImage img) {
            image = img;
            revalidate();
            repaint();
        }

        @Override
        public Dimension getPreferredSize() {
            return image == null ? new Dimension(600, 800)
                    : new Dimension(image.getWidth() + 40, image.getHeight() + 40);
        }

        @Override
        protected void paintComponent(Graphics g) {
            g.setColor(new Color(0x8A8F98));
            g.fillRect(0, 0, getWidth(), getHeight());
            if (image != null) {
                int x = Math.max(20, (getWidth() - image.getWidth()) / 2);
                g.drawImage(image, x, 20, null);
            }
        }
    }
}
