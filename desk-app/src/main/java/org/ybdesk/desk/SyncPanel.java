package org.ybdesk.desk;

import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.awt.Font;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.ListSelectionModel;
import org.ybdesk.service.CaseService;
import org.ybdesk.service.Desk;
import org.ybdesk.service.VoucherService;
import org.ybdesk.core.lifecycle.Role;
import org.ybdesk.service.SyncStore;
import org.ybdesk.service.SyncStore.MessageRow;
import org.ybdesk.sync.SyncStatus;

/**
 * 同步: the state of provincial sync and the messages that need attention — pending (with attempts and the last
 * error) and refused (with the province's reason) — with 立即同步, 打开办件 for a message of a case, and 标记已处理
 * for a refused message's 退回任务. Reads and writes run off the event thread; the engine runs on its own.
 */
final class SyncPanel extends JPanel implements MainFrame.Refreshable {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private final MainFrame frame;
    private final SyncUi sync;
    private final JLabel summary = new JLabel(" ");
    private final JLabel feedback = new JLabel(" ");
    private final RowTableModel<MessageRow> model = new RowTableModel<>(
            RowTableModel.column("sync.col.seq", Long.class, MessageRow::seq),
            RowTableModel.column("sync.col.type", r -> Texts.t("sync.type." + r.msgType())),
            RowTableModel.column("sync.col.record", r -> Texts.t("sync.entity." + r.entityType()) + " " + r.entityId()),
            RowTableModel.column("sync.col.time", r -> TIME.format(r.createdAt().atZoneSameInstant(Desk.ZONE))),
            RowTableModel.column("sync.col.status", SyncPanel::status),
            RowTableModel.column("sync.col.attempts", Long.class, r -> (long) r.attempts()),
            RowTableModel.column("sync.col.reason", r -> r.errCode() == null ? (r.lastError() == null ? ""
                    : r.lastError()) : r.errCode() + " " + r.lastError()));
    private final JTable table = Tables.setUp(new JTable(model));
    private final JButton now = new JButton(Texts.t("sync.now"));
    private final JButton open = new JButton(Texts.t("sync.open"));
    private final JButton handle = new JButton(Texts.t("sync.handle"));
    private final JButton retry = new JButton(Texts.t("sync.retry"));
    /** The chains set aside after repeated rejection (D124): shown in red above the list, retried by an admin. */
    private final JLabel quarantine = new JLabel(" ");
    /** Issue 13: e-vouchers 待核验 / 不一致; the mismatches listed for 负责人 and administrators. */
    private final JLabel vouchers = new JLabel(" ");
    /**
     * Open registry conflicts (issue 13, D138) for an administrator or 负责人: both agencies, windows and occurrence
     * times, one line each ({@link SyncStore#describe}); hidden for other roles and when there are none.
     */
    private final JLabel conflicts = new JLabel(" ");
    private final Consumer<SyncStatus> listener = this::status;

    SyncPanel(MainFrame frame, SyncUi sync) {
        super(new BorderLayout(0, 8));
        this.frame = frame;
        this.sync = sync;
        setName("sync");
        setBorder(BorderFactory.createEmptyBorder(12, 12, 12, 12));
        summary.setName("sync.summary");
        summary.setFont(UiSetup.font(Font.BOLD, 15f));
        feedback.setName("sync.feedback");
        table.setName("sync.table");
        table.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        table.setAutoCreateRowSorter(true);
        table.getSelectionModel().addListSelectionListener(e -> enableButtons());
        int[] widths = {50, 110, 230, 150, 100, 70, 560};
        for (int i = 0; i < widths.length; i++) {
            table.getColumnModel().getColumn(i).setPreferredWidth(widths[i]);
        }
        now.setName("sync.now");
        open.setName("sync.open");
        handle.setName("sync.handle");
        retry.setName("sync.retry");
        quarantine.setName("sync.quarantine");
        quarantine.setForeground(UiSetup.OVERDUE);
        quarantine.setVisible(false);
        conflicts.setName("sync.conflicts");
        conflicts.setForeground(UiSetup.OVERDUE);
        conflicts.setVisible(false);
        retry.addActionListener(e -> retrySelected());
        now.addActionListener(e -> syncNow());
        open.addActionListener(e -> openSelected());
        handle.addActionListener(e -> handleSelected());
        now.setEnabled(sync.available());
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.LEFT, 8, 0));
        buttons.add(now);
        buttons.add(open);
        buttons.add(handle);
        buttons.add(retry);
        buttons.add(feedback);
        JPanel north = new JPanel(new BorderLayout(0, 6));
        north.add(summary, BorderLayout.NORTH);
        vouchers.setName("sync.vouchers");
        JPanel notices = new JPanel(new BorderLayout(0, 4));
        notices.add(quarantine, BorderLayout.NORTH);
        notices.add(conflicts, BorderLayout.CENTER);
        notices.add(vouchers, BorderLayout.SOUTH);
        north.add(notices, BorderLayout.CENTER);
        north.add(buttons, BorderLayout.SOUTH);
        add(north, BorderLayout.NORTH);
        add(new JScrollPane(table), BorderLayout.CENTER);
        enableButtons();
    }

    @Override
    public void addNotify() {
        super.addNotify();
        sync.listen(listener);
    }

    @Override
    public void removeNotify() {
        sync.unlisten(listener);
        super.removeNotify();
    }

    private void status(SyncStatus s) {
        summary.setText(Texts.t("sync.summary", SyncUi.text(s), String.valueOf(s.refused()),
                String.valueOf(s.acked()), s.lastError() == null ? "" : Texts.t("sync.lastError", s.lastError())));
        if (!s.running()) {
            refresh();
        }
    }

    @Override
    public void refresh() {
        Desk desk = frame.session().desk();
        var actor = frame.session().actor();
        boolean supervisor = actor != null && (actor.has(Role.ADMIN) || actor.has(Role.HEAD));
        Background.run(this, () -> new Loaded(new SyncStore(desk).messages(1000), new SyncStore(desk).quarantined(),
                        voucherCounts(desk), supervisor ? desk.vouchers().toCheck(actor) : java.util.List.of(),
                        supervisor && sync.available() ? new SyncStore(desk).conflicts(true, actor)
                                : java.util.List.of()),
                loaded -> {
            model.setRows(loaded.rows());
            showQuarantine(loaded.quarantined());
            showVouchers(loaded.voucherCounts(), loaded.toCheck());
            showConflicts(loaded.conflicts());
            enableButtons();
            if (!sync.available()) {
                summary.setText(Texts.t("sync.status.sandbox"));
            }
        });
    }

    private record Loaded(java.util.List<MessageRow> rows, java.util.List<SyncStore.QuarantinedChain> quarantined,
                          int[] voucherCounts, java.util.List<VoucherService.CaseVoucher> toCheck,
                          java.util.List<SyncStore.Conflict> conflicts) {
    }

    private static int[] voucherCounts(Desk desk) {
        VoucherService v = desk.vouchers();
        return new int[] {v.count(CaseService.VoucherCheck.PENDING), v.count(CaseService.VoucherCheck.MISMATCH)};
    }

    /** 电子凭证：待核验 n 件，不一致 m 件 — and for the supervisor each mismatch with its detail. */
    private void showVouchers(int[] counts, java.util.List<VoucherService.CaseVoucher> toCheck) {
        StringBuilder t = new StringBuilder("<html>");
        t.append(Problems.escape(counts[0] + counts[1] == 0 ? Texts.t("sync.vouchers.none")
                : Texts.t("sync.vouchers", String.valueOf(counts[0]), String.valueOf(counts[1]))));
        int shown = 0;
        for (VoucherService.CaseVoucher v : toCheck) {
            if (v.check() != CaseService.VoucherCheck.MISMATCH || shown == 5) {
                continue;
            }
            shown++;
            t.append("<br>").append(Problems.escape(v.caseNo() + "  " + v.applicantName() + "  " + v.shortCode()
                    + "  " + v.detail()));
        }
        vouchers.setText(t.append("</html>").toString());
        vouchers.setForeground(counts[1] > 0 ? UiSetup.OVERDUE : java.awt.Color.GRAY);
    }


    private void showConflicts(java.util.List<SyncStore.Conflict> open) {
        conflicts.setVisible(!open.isEmpty());
        if (open.isEmpty()) {
            conflicts.setText(" ");
            return;
        }
        StringBuilder html = new StringBuilder("<html>")
                .append(Problems.escape(Texts.t("sync.conflicts", String.valueOf(open.size()))));
        for (SyncStore.Conflict c : open) {
            html.append("<br>").append(Problems.escape(SyncStore.describe(c)));
        }
        conflicts.setText(html.append("</html>").toString());
    }

    private void showQuarantine(java.util.List<SyncStore.QuarantinedChain> chains) {
        quarantine.setVisible(!chains.isEmpty());
        if (chains.isEmpty()) {
            return;
        }
        SyncStore.QuarantinedChain first = chains.get(0);
        quarantine.setText(Texts.t("sync.quarantine", String.valueOf(chains.size()),
                Texts.t("sync.entity." + first.entityType()) + " " + first.entityId(), first.reason(),
                String.valueOf(first.waiting())));
    }

    private void retrySelected() {
        MessageRow r = selected();
        Desk desk = frame.session().desk();
        var actor = frame.session().actor();
        Long seq = r != null && r.quarantined() ? r.seq() : null;
        Background.run(this, () -> new SyncStore(desk).retry(seq, actor), seqs -> {
            feedback.setText(Texts.t("sync.retry.done", String.valueOf(seqs.size())));
            sync.poke();
            refresh();
        }, e -> CasePanel.showProblems(this, e));
    }

    private void syncNow() {
        now.setEnabled(false);
        feedback.setText(Texts.t("sync.running"));
        sync.syncNow(r -> {
            now.setEnabled(true);
            feedback.setText(r.ok() ? Texts.t("sync.done", r.upload() == null ? "0" : String.valueOf(r.upload().acked()),
                    String.valueOf(r.refused())) : Texts.t("sync.failed", String.valueOf(r.error())));
            refresh();
        });
    }

    private MessageRow selected() {
        int v = table.getSelectedRow();
        return v < 0 ? null : model.row(table.convertRowIndexToModel(v));
    }

    private void enableButtons() {
        MessageRow r = selected();
        open.setEnabled(r != null && "CASE".equals(r.entityType()));
        handle.setEnabled(r != null && r.refused());
        retry.setEnabled(quarantine.isVisible());
    }

    private void openSelected() {
        MessageRow r = selected();
        if (r != null && "CASE".equals(r.entityType())) {
            frame.openCase(r.entityId());
        }
    }

    private void handleSelected() {
        MessageRow r = selected();
        if (r == null) {
            return;
        }
        String note = JOptionPane.showInputDialog(this, Texts.t("sync.handle.prompt"), Texts.t("sync.handle"),
                JOptionPane.QUESTION_MESSAGE);
        if (note == null) {
            return;
        }
        handleTask(r.entityType(), r.entityId(), note);
    }

    /** Marks the open task of the record handled with {@code note} (audited), then reloads. */
    void handleTask(String entityType, String entityId, String note) {
        Desk desk = frame.session().desk();
        var actor = frame.session().actor();
        Background.run(this, () -> {
            SyncStore store = new SyncStore(desk);
            return store.openTaskFor(entityType, entityId).map(t -> store.handleTask(t.id(), note, actor)).orElse(null);
        }, t -> {
            feedback.setText(t == null ? Texts.t("sync.handle.none") : Texts.t("sync.handle.done", t.entityId()));
            sync.poke();
            refresh();
        });
    }

    JTable table() {
        return table;
    }

    /** 状态: pending (failing once it has been tried) or refused. */
    private static String status(MessageRow r) {
        if (r.quarantined()) {
            return Texts.t("sync.status.quarantined");
        }
        return r.pending()
                ? Texts.t(r.attempts() > 0 ? "sync.status.failing" : "sync.status.pending")
                : Texts.t("sync.status.refused");
    }
}
