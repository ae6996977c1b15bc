package org.ybdesk.desk;

import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.event.KeyEvent;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.swing.AbstractAction;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JProgressBar;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.KeyStroke;
import javax.swing.ListSelectionModel;
import javax.swing.SwingUtilities;
import javax.swing.filechooser.FileNameExtensionFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ybdesk.service.CaseService;
import org.ybdesk.service.CaseViews.AttachmentView;
import org.ybdesk.service.ServiceException;

/**
 * The case's attachments: scanned images and PDFs imported into the case file (reading and storing run off the event
 * thread, file by file, with progress), and a viewer for each.
 */
final class CaseAttachmentsTab extends JPanel {
    private static final Logger LOG = LoggerFactory.getLogger(CaseAttachmentsTab.class);
    /** Where the last import came from (the next one starts there). */
    private static File lastFolder;

    private final CasePanel owner;
    private final RowTableModel<AttachmentView> model = new RowTableModel<>(
            RowTableModel.column("case.attachment.col.name", AttachmentView::fileName),
            RowTableModel.column("case.attachment.col.type", a -> a.mediaType() == null ? ""
                    : a.mediaType().substring(a.mediaType().indexOf('/') + 1).toUpperCase(Locale.ROOT)),
            RowTableModel.column("case.attachment.col.size", a -> size(a.sizeBytes())),
            RowTableModel.column("case.attachment.col.by", AttachmentView::addedBy),
            RowTableModel.column("case.attachment.col.at", a -> CasePanel.time(a.addedAt())));
    private final JTable table = Tables.setUp(new JTable(model));
    private final JButton importButton = new JButton(Texts.t("case.attachment.import"));
    private final JButton viewButton = new JButton(Texts.t("case.attachment.view"));
    private final JProgressBar progress = new JProgressBar();
    private final JLabel status = new JLabel(" ");
    /** Whether an import runs (progress reports arriving after its end are dropped). Event thread only. */
    private boolean importing;

    CaseAttachmentsTab(CasePanel owner) {
        super(new BorderLayout(0, 6));
        this.owner = owner;
        setName("case.tab.attachments");
        setBorder(BorderFactory.createEmptyBorder(8, 8, 8, 8));
        table.setName("case.attachments");
        table.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        table.setFillsViewportHeight(true);
        table.getColumnModel().getColumn(0).setPreferredWidth(320);
        table.getColumnModel().getColumn(1).setPreferredWidth(70);
        table.getColumnModel().getColumn(2).setPreferredWidth(90);
        table.getColumnModel().getColumn(3).setPreferredWidth(110);
        table.getColumnModel().getColumn(4).setPreferredWidth(150);
        table.getInputMap(JComponent.WHEN_ANCESTOR_OF_FOCUSED_COMPONENT)
                .put(KeyStroke.getKeyStroke(KeyEvent.VK_ENTER, 0), "viewAttachment");
        table.getActionMap().put("viewAttachment", new AbstractAction() {
            @Override
            public void actionPerformed(java.awt.event.ActionEvent e) {
                view();
            }
        });
        table.addMouseListener(new MouseAdapter() {
            @Override
            public void mouseClicked(MouseEvent e) {
                if (e.getClickCount() == 2) {
                    view();
                }
            }
        });
        table.getSelectionModel().addListSelectionListener(e -> viewButton.setEnabled(table.getSelectedRow() >= 0));
        importButton.setName("case.attachment.import");
        importButton.setToolTipText(Texts.t("case.attachment.import.tooltip"));
        importButton.addActionListener(e -> chooseAndImport());
        viewButton.setName("case.attachment.view");
        viewButton.setToolTipText(Texts.t("case.attachment.view.tooltip"));
        viewButton.setEnabled(false);
        viewButton.addActionListener(e -> view());
        progress.setName("case.attachment.progress");
        progress.setStringPainted(true);
        progress.setPreferredSize(new Dimension(180, 18));
        progress.setVisible(false);
        status.setName("case.attachment.status");

        JPanel bar = new JPanel(new FlowLayout(FlowLayout.LEFT, 8, 0));
        bar.add(importButton);
        bar.add(viewButton);
        bar.add(progress);
        bar.add(status);
        add(bar, BorderLayout.NORTH);
        add(new JScrollPane(table), BorderLayout.CENTER);
        JLabel hint = new JLabel(Texts.t("case.attachment.hint"));
        hint.setForeground(CasePanel.MUTED);
        add(hint, BorderLayout.SOUTH);
    }

    void setAttachments(List<AttachmentView> attachments) {
        int sel = table.getSelectedRow();
        model.setRows(attachments);
        if (!attachments.isEmpty()) {
            int row = sel >= 0 && sel < attachments.size() ? sel : attachments.size() - 1;
            table.setRowSelectionInterval(row, row);
        }
        viewButton.setEnabled(table.getSelectedRow() >= 0);
    }

    JTable table() {
        return table;
    }

    /** 12.3 KB / 4.5 MB. */
    static String size(long bytes) {
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }

    private void chooseAndImport() {
        JFileChooser chooser = new JFileChooser(lastFolder);
        chooser.setName("case.attachment.chooser");
        chooser.setDialogTitle(Texts.t("case.attachment.chooser.title", owner.caseNo()));
        chooser.setMultiSelectionEnabled(true);
        chooser.setFileSelectionMode(JFileChooser.FILES_ONLY);
        FileNameExtensionFilter filter = new FileNameExtensionFilter(Texts.t("case.attachment.filter"), "pdf", "png",
                "jpg", "jpeg", "tif", "tiff");
        chooser.addChoosableFileFilter(filter);
        chooser.setFileFilter(filter);
        chooser.setApproveButtonText(Texts.t("case.attachment.chooser.approve"));
        if (chooser.showOpenDialog(SwingUtilities.getWindowAncestor(this)) != JFileChooser.APPROVE_OPTION) {
            return;
        }
        File[] files = chooser.getSelectedFiles();
        if (files.length == 0 && chooser.getSelectedFile() != null) {
            files = new File[] {chooser.getSelectedFile()};
        }
        if (files.length > 0) {
            lastFolder = files[0].getParentFile();
            importFiles(List.of(files));
        }
    }

    private record Imported(int added, List<String> problems) {
    }

    /** Reads the files and adds them to the case, one by one off the event thread, with progress; then reloads. */
    void importFiles(List<File> files) {
        Background.onEdt();
        int total = files.size();
        importing = true;
        importButton.setEnabled(false);
        progress.setMaximum(total);
        progress.setValue(0);
        progress.setString(Texts.t("case.attachment.progress", "0", String.valueOf(total)));
        progress.setVisible(true);
        status.setText(Texts.t("case.attachment.importing", files.get(0).getName()));
        CaseService cases = owner.session().desk().cases();
        var actor = owner.session().actor();
        String caseNo = owner.caseNo();
        Background.run(this, () -> {
            List<String> problems = new ArrayList<>();
            int added = 0;
            for (int i = 0; i < total; i++) {
                File f = files.get(i);
                int n = i;
                SwingUtilities.invokeLater(() -> {
                    if (!importing) {
                        return;
                    }
                    progress.setValue(n);
                    progress.setString(Texts.t("case.attachment.progress", String.valueOf(n), String.valueOf(total)));
                    status.setText(Texts.t("case.attachment.importing", f.getName()));
                });
                if (f.length() > CaseService.MAX_ATTACHMENT_BYTES) {
                    problems.add(Texts.t("case.attachment.tooLarge", f.getName(),
                            String.valueOf(CaseService.MAX_ATTACHMENT_BYTES / (1024 * 1024))));
                    continue;
                }
                byte[] bytes;
                try {
                    bytes = Files.readAllBytes(f.toPath());
                } catch (IOException e) {
                    LOG.warn("cannot read {}", f, e);
                    problems.add(Texts.t("case.attachment.unreadableFile", f.getName()));
                    continue;
                }
                try {
                    cases.addAttachment(caseNo, f.getName(), bytes, actor);
                    added++;
                } catch (RuntimeException e) {
                    problems.addAll(Problems.reasons(e));
                }
            }
            return new Imported(added, problems);
        }, r -> {
            finishImport(total);
            status.setText(Texts.t("case.attachment.imported", String.valueOf(r.added()), String.valueOf(total)));
            owner.reload();
            if (!r.problems().isEmpty()) {
                CasePanel.showProblems(this, new ServiceException(r.problems()));
            }
        }, e -> {
            finishImport(total);
            status.setText(" ");
            owner.reload();
            CasePanel.showProblems(this, e);
        });
    }

    private void finishImport(int total) {
        importing = false;
        progress.setValue(total);
        progress.setVisible(false);
        importButton.setEnabled(true);
    }

    private void view() {
        int r = table.getSelectedRow();
        if (r < 0) {
            return;
        }
        AttachmentView a = model.row(table.convertRowIndexToModel(r));
        new AttachmentViewer(SwingUtilities.getWindowAncestor(this), owner.session().desk().cases(), a).open();
    }
}
