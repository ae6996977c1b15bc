package org.ybdesk.desk;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.Window;
import java.awt.event.ActionEvent;
import java.awt.event.KeyEvent;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.swing.AbstractAction;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JProgressBar;
import javax.swing.JScrollPane;
import javax.swing.JToggleButton;
import javax.swing.KeyStroke;
import javax.swing.Scrollable;
import javax.swing.SwingConstants;
import javax.swing.WindowConstants;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ybdesk.service.CaseService;
import org.ybdesk.service.CaseViews.AttachmentView;

/**
 * Shows one attachment of a case: scanned images scaled to fit the window (or at full size), PDFs rendered page by
 * page. Reading, decoding and rendering run off the event thread; the window stays usable while they do.
 */
final class AttachmentViewer extends JDialog {
    private static final Logger LOG = LoggerFactory.getLogger(AttachmentViewer.class);
    /** Rendering resolution of PDF pages: sharp on screen, a few MB per A4 page. */
    static final float PDF_DPI = 110f;
    private static final int CACHED_PAGES = 6;

    private final CaseService cases;
    private final AttachmentView attachment;
    private final Canvas canvas = new Canvas();
    private final JScrollPane scroll = new JScrollPane(canvas);
    private final JLabel page = new JLabel(" ");
    private final JLabel status = new JLabel(" ");
    private final JProgressBar loading = new JProgressBar();
    private final JButton prev = new JButton(Texts.t("case.attachment.prev"));
    private final JButton next = new JButton(Texts.t("case.attachment.next"));
    private final JToggleButton fit = new JToggleButton(Texts.t("case.attachment.fit"), true);
    private final Map<Integer, BufferedImage> rendered = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, BufferedImage> e) {
            return size() > CACHED_PAGES;
        }
    };
    /** Open PDF (touched only on the background worker), or null for images. */
    private volatile PDDocument pdf;
    private int pages;
    private int current;
    private boolean closed;

    AttachmentViewer(Window owner, CaseService cases, AttachmentView attachment) {
        super(owner, Texts.t("case.attachment.viewer.title", attachment.fileName()), ModalityType.MODELESS);
        this.cases = cases;
        this.attachment = attachment;
        setName("case.attachment.viewer");
        setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);
        addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosed(WindowEvent e) {
                release();
            }
        });

        canvas.setName("case.attachment.image");
        scroll.setName("case.attachment.scroll");
        scroll.getVerticalScrollBar().setUnitIncrement(24);
        scroll.getHorizontalScrollBar().setUnitIncrement(24);
        page.setName("case.attachment.page");
        status.setName("case.attachment.viewer.status");
        loading.setName("case.attachment.loading");
        loading.setIndeterminate(true);
        loading.setPreferredSize(new Dimension(140, 12));
        prev.setName("case.attachment.prev");
        next.setName("case.attachment.next");
        fit.setName("case.attachment.fit");
        prev.setToolTipText(Texts.t("case.attachment.prev.tooltip"));
        next.setToolTipText(Texts.t("case.attachment.next.tooltip"));
        fit.setToolTipText(Texts.t("case.attachment.fit.tooltip"));
        prev.addActionListener(e -> go(current - 1));
        next.addActionListener(e -> go(current + 1));
        fit.addActionListener(e -> {
            canvas.revalidate();
            canvas.repaint();
        });
        prev.setEnabled(false);
        next.setEnabled(false);
        JButton close = new JButton(Texts.t("case.attachment.close"));
        close.setName("case.attachment.close");
        close.addActionListener(e -> dispose());

        JPanel bar = new JPanel(new BorderLayout(8, 0));
        bar.setBorder(BorderFactory.createEmptyBorder(6, 10, 6, 10));
        JPanel left = new JPanel(new FlowLayout(FlowLayout.LEFT, 6, 0));
        left.add(prev);
        left.add(page);
        left.add(next);
        left.add(fit);
        JPanel right = new JPanel(new FlowLayout(FlowLayout.RIGHT, 6, 0));
        right.add(status);
        right.add(loading);
        right.add(close);
        bar.add(left, BorderLayout.WEST);
        bar.add(right, BorderLayout.EAST);
        getContentPane().setLayout(new BorderLayout());
        getContentPane().add(bar, BorderLayout.NORTH);
        getContentPane().add(scroll, BorderLayout.CENTER);

        key(KeyEvent.VK_ESCAPE, "close", this::dispose);
        key(KeyEvent.VK_PAGE_DOWN, "next", () -> go(current + 1));
        key(KeyEvent.VK_PAGE_UP, "prev", () -> go(current - 1));

        Dimension screen = owner == null ? new Dimension(1280, 800) : owner.getSize();
        setSize(Math.max(720, (int) (screen.width * 0.8)), Math.max(560, (int) (screen.height * 0.9)));
        setLocationRelativeTo(owner);
        WindowSizes.remember(this); // issue 15: fits 1366×728, resizable, its size kept
    }

    private void key(int code, String name, Runnable r) {
        getRootPane().getInputMap(JComponent.WHEN_IN_FOCUSED_WINDOW).put(KeyStroke.getKeyStroke(code, 0), name);
        getRootPane().getActionMap().put(name, new AbstractAction() {
            @Override
            public void actionPerformed(ActionEvent e) {
                r.run();
            }
        });
    }

    /** Shows the window and starts loading the attachment off the event thread. */
    void open() {
        Background.onEdt();
        setVisible(true);
        StatusStyle.INFO.show(status, Texts.t("case.attachment.loadingText"));
        loading.setVisible(true);
        Background.run(this, this::read, this::loaded, this::failed);
    }

    /** The whole attachment decoded: the PDF's first page, or every frame of an image (TIFF scans may have several). */
    private record Loaded(int pages, List<BufferedImage> images) {
    }

    private Loaded read() {
        byte[] bytes = cases.attachmentContent(attachment.id());
        try {
            if (isPdf(attachment.mediaType(), bytes)) {
                PDDocument doc = Loader.loadPDF(bytes);
                pdf = doc;
                int n = doc.getNumberOfPages();
                List<BufferedImage> first = n == 0 ? List.of() : List.of(render(doc, 0));
                return new Loaded(n, first);
            }
            List<BufferedImage> frames = readImages(bytes);
            return new Loaded(frames.size(), frames);
        } catch (IOException e) {
            LOG.warn("attachment {} unreadable", attachment.id(), e);
            throw new UncheckedIOException(e);
        }
    }

    static boolean isPdf(String mediaType, byte[] bytes) {
        return "application/pdf".equals(mediaType)
                || (bytes.length > 4 && bytes[0] == '%' && bytes[1] == 'P' && bytes[2] == 'D' && bytes[3] == 'F');
    }

    private static BufferedImage render(PDDocument doc, int index) throws IOException {
        return new PDFRenderer(doc).renderImageWithDPI(index, PDF_DPI, ImageType.RGB);
    }

    static List<BufferedImage> readImages(byte[] bytes) throws IOException {
        List<BufferedImage> out = new ArrayList<>();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                return out;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in);
                int n = reader.getNumImages(true);
                for (int i = 0; i < n; i++) {
                    out.add(reader.read(i));
                }
            } finally {
                reader.dispose();
            }
        }
        return out;
    }

    private void loaded(Loaded l) {
        loading.setVisible(false);
        if (closed) {
            release();
            return;
        }
        pages = l.pages();
        for (int i = 0; i < l.images().size(); i++) {
            rendered.put(i, l.images().get(i));
        }
        if (pages == 0 || l.images().isEmpty()) {
            StatusStyle.INFO.show(status, Texts.t("case.attachment.empty"));
            page.setText(" ");
            return;
        }
        StatusStyle.INFO.show(status, Texts.t("case.attachment.info", attachment.fileName(), CaseAttachmentsTab.size(attachment.sizeBytes())));
        show(0, l.images().get(0));
    }

    private void failed(RuntimeException e) {
        loading.setVisible(false);
        StatusStyle.ERROR.show(status, Texts.t("case.attachment.unreadable"));
        if (!(e instanceof UncheckedIOException)) {
            CasePanel.showProblems(this, e);
        }
    }

    private void go(int index) {
        if (index < 0 || index >= pages || index == current && canvas.image != null) {
            return;
        }
        BufferedImage img = rendered.get(index);
        if (img != null) {
            show(index, img);
            return;
        }
        PDDocument doc = pdf;
        if (doc == null) {
            return;
        }
        prev.setEnabled(false);
        next.setEnabled(false);
        loading.setVisible(true);
        StatusStyle.INFO.show(status, Texts.t("case.attachment.rendering", String.valueOf(index + 1)));
        Background.run(this, () -> {
            try {
                return render(doc, index);
            } catch (IOException e) {
                LOG.warn("page {} of attachment {} unreadable", index, attachment.id(), e);
                throw new UncheckedIOException(e);
            }
        }, img2 -> {
            loading.setVisible(false);
            StatusStyle.INFO.show(status, Texts.t("case.attachment.info", attachment.fileName(),
                    CaseAttachmentsTab.size(attachment.sizeBytes())));
            rendered.put(index, img2);
            show(index, img2);
        }, e -> {
            failed(e);
            show(current, canvas.image);
        });
    }

    private void show(int index, BufferedImage img) {
        current = index;
        canvas.image = img;
        page.setText(Texts.t("case.attachment.pageOf", String.valueOf(index + 1), String.valueOf(pages)));
        prev.setEnabled(index > 0);
        next.setEnabled(index + 1 < pages);
        canvas.revalidate();
        canvas.repaint();
        scroll.getViewport().setViewPosition(new java.awt.Point(0, 0));
    }

    /** Number of pages (frames) of the attachment, known once it is loaded. */
    int pages() {
        return pages;
    }

    /** The page on show, from 0. */
    int currentPage() {
        return current;
    }

    /** The image on show (null while loading). */
    BufferedImage image() {
        return canvas.image;
    }

    /** Closes the PDF on the worker that uses it. */
    private void release() {
        closed = true;
        PDDocument doc = pdf;
        pdf = null;
        rendered.clear();
        if (doc != null) {
            Background.run(null, () -> {
                try {
                    doc.close();
                } catch (IOException e) {
                    LOG.warn("closing attachment PDF failed", e);
                }
                return null;
            }, v -> { });
        }
    }

    /** Paints the image scaled to fit the visible area (keeping its proportions), or at full size to scroll. */
    private final class Canvas extends JComponent implements Scrollable {
        private BufferedImage image;

        Canvas() {
            setOpaque(true);
            setBackground(new Color(0x5F6368));
        }

        @Override
        public Dimension getPreferredSize() {
            if (image == null || fit.isSelected()) {
                return new Dimension(400, 300);
            }
            return new Dimension(image.getWidth() + 20, image.getHeight() + 20);
        }

        @Override
        protected void paintComponent(Graphics g) {
            Graphics2D g2 = (Graphics2D) g.create();
            g2.setColor(getBackground());
            g2.fillRect(0, 0, getWidth(), getHeight());
            if (image != null) {
                g2.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                g2.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
                Rectangle r = fitted(image.getWidth(), image.getHeight(), getWidth(), getHeight(), fit.isSelected());
                g2.drawImage(image, r.x, r.y, r.width, r.height, null);
            }
            g2.dispose();
        }

        @Override
        public Dimension getPreferredScrollableViewportSize() {
            return getPreferredSize();
        }

        @Override
        public int getScrollableUnitIncrement(Rectangle visible, int orientation, int direction) {
            return 24;
        }

        @Override
        public int getScrollableBlockIncrement(Rectangle visible, int orientation, int direction) {
            return orientation == SwingConstants.VERTICAL ? visible.height - 24 : visible.width - 24;
        }

        @Override
        public boolean getScrollableTracksViewportWidth() {
            return fit.isSelected() || getParent() != null && getPreferredSize().width < getParent().getWidth();
        }

        @Override
        public boolean getScrollableTracksViewportHeight() {
            return fit.isSelected() || getParent() != null && getPreferredSize().height < getParent().getHeight();
        }
    }

    /**
     * Where an image of {@code iw × ih} goes in an area of {@code w × h} with a 10-pixel margin: scaled to fit
     * (keeping proportions) or at full size; centred either way.
     */
    static Rectangle fitted(int iw, int ih, int w, int h, boolean fitToArea) {
        int margin = 10;
        double scale = 1;
        if (fitToArea) {
            scale = Math.min((w - 2.0 * margin) / iw, (h - 2.0 * margin) / ih);
            scale = Math.max(scale, 0.01);
        }
        int sw = Math.max(1, (int) Math.round(iw * scale));
        int sh = Math.max(1, (int) Math.round(ih * scale));
        return new Rectangle(Math.max(margin, (w - sw) / 2), Math.max(margin, (h - sh) / 2), sw, sh);
    }
}
