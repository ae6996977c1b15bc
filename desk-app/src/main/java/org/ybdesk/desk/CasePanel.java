package org.ybdesk.desk;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Component;
import java.awt.FlowLayout;
import java.awt.Font;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.awt.event.ActionEvent;
import java.awt.event.KeyEvent;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.swing.AbstractAction;
import javax.swing.BorderFactory;
import javax.swing.Box;
import javax.swing.BoxLayout;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTabbedPane;
import javax.swing.JTable;
import javax.swing.JTextField;
import javax.swing.JToggleButton;
import javax.swing.KeyStroke;
import javax.swing.ListSelectionModel;
import javax.swing.SwingUtilities;
import javax.swing.table.DefaultTableCellRenderer;
import org.ybdesk.core.calendar.DeadlineStatus;
import org.ybdesk.core.catalog.ServiceItem;
import org.ybdesk.core.lifecycle.Availability;
import org.ybdesk.core.lifecycle.CaseAction;
import org.ybdesk.core.lifecycle.Command;
import org.ybdesk.core.lifecycle.Role;
import org.ybdesk.service.CaseViews;
import org.ybdesk.service.CaseViews.CaseView;
import org.ybdesk.service.CaseViews.DeadlineView;
import org.ybdesk.service.CaseViews.EventView;
import org.ybdesk.service.Desk;

/**
 * One case: a header (number, item, applicant with the ID masked unless shown on purpose, state, deadline badge),
 * the steps this user may take now — the others disabled with the reason, which is how separation of duties shows
 * — and tabs for the timeline, intake fields, materials, attachments, notes and the applicant's messages. Every read
 * and write runs off the event thread; Esc goes back to the workbench, F5 reloads.
 */
final class CasePanel extends JPanel implements MainFrame.Refreshable {
    /** Steps that cannot be undone: asked for confirmation first. */
    static final Set<CaseAction> IRREVERSIBLE = EnumSet.of(CaseAction.REFUSE, CaseAction.REJECT, CaseAction.CLOSE,
            CaseAction.SIGN);
    static final Color MUTED = new Color(0x57606A);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    static final int TAB_TIMELINE = 0;
    static final int TAB_FIELDS = 1;
    static final int TAB_MATERIALS = 2;
    static final int TAB_ATTACHMENTS = 3;
    static final int TAB_NOTES = 4;
    static final int TAB_MESSAGES = 5;

    private final MainFrame frame;
    private final String caseNo;
    private CaseView view;
    private boolean busy;

    // header
    private final JLabel caseNoLabel = new JLabel();
    private final JLabel itemLabel = shrinkable();
    private final JLabel stateLabel = new JLabel();
    private final JLabel deadline = new JLabel(" ");
    private final JLabel applicant = new JLabel();
    private final JLabel idLabel = new JLabel();
    private final JToggleButton showId = new JToggleButton(Texts.t("case.showId"));
    private final JLabel facts = shrinkable();
    // actions
    private final JPanel actionButtons = new JPanel(new FlowLayout(FlowLayout.LEFT, 8, 0));
    private final JTextField actionNote = new JTextField(28);
    private final JLabel whyNot = new JLabel(" ");
    private final JLabel feedback = new JLabel(" ");
    // tabs
    private final JTabbedPane tabs = new JTabbedPane();
    private final RowTableModel<EventView> timelineModel = new RowTableModel<>(
            RowTableModel.column("case.timeline.col.at", e -> time(e.at())),
            RowTableModel.column("case.timeline.col.action", EventView::actionLabel),
            RowTableModel.column("case.timeline.col.actor", EventView::actorName),
            RowTableModel.column("case.timeline.col.state", e -> e.to() == null ? "" : e.to().label()),
            RowTableModel.column("case.timeline.col.reasons",
                    e -> String.join(Texts.t("case.reasons.separator"), e.reasons())),
            RowTableModel.column("case.timeline.col.note", e -> e.note() == null ? "" : e.note()),
            RowTableModel.column("case.timeline.col.amount", e -> e.amount() == null ? ""
                    : Texts.t("case.timeline.amount", e.amount().toYuanString())));
    private final JTable timeline = Tables.setUp(new JTable(timelineModel));
    private final CaseFieldsTab fieldsTab = new CaseFieldsTab();
    private final CaseMaterialsTab materialsTab;
    private final CaseAttachmentsTab attachmentsTab;
    private final CaseNotesTab notesTab;
    private final CaseMessagesTab messagesTab = new CaseMessagesTab();
    private final SyncTaskBar syncTask;
    private final HoldingBar holding;
    /** Issue 13: the e-voucher the applicant showed and its check (hidden when none). */
    private final JLabel voucherBar = new JLabel();

    CasePanel(MainFrame frame, String caseNo) {
        super(new BorderLayout(0, 6));
        this.frame = frame;
        this.caseNo = caseNo.trim();
        setName("case");
        setBorder(BorderFactory.createEmptyBorder(10, 12, 10, 12));
        materialsTab = new CaseMaterialsTab(this);
        attachmentsTab = new CaseAttachmentsTab(this);
        notesTab = new CaseNotesTab(this);
        syncTask = new SyncTaskBar(frame, this.caseNo);
        holding = new HoldingBar(this);

        JPanel north = new JPanel();
        north.setLayout(new BoxLayout(north, BoxLayout.Y_AXIS));
        north.add(header());
        north.add(syncTask);
        north.add(holding);
        voucherBar.setName("case.voucher");
        voucherBar.setAlignmentX(0f);
        voucherBar.setBorder(BorderFactory.createEmptyBorder(4, 0, 0, 0));
        voucherBar.setVisible(false);
        north.add(voucherBar);
        north.add(Box.createVerticalStrut(8));
        north.add(actionsBar());
        add(north, BorderLayout.NORTH);
        add(tabs(), BorderLayout.CENTER);

        getInputMap(WHEN_ANCESTOR_OF_FOCUSED_COMPONENT).put(KeyStroke.getKeyStroke(KeyEvent.VK_ESCAPE, 0), "case.back");
        getActionMap().put("case.back", new AbstractAction() {
            @Override
            public void actionPerformed(ActionEvent e) {
                back();
            }
        });
        caseNoLabel.setText(this.caseNo);
        itemLabel.setText(Texts.t("case.loading"));
    }

    // -------------------------------------------------------------------------------------------- layout

    /** A label a grid may shorten (with …) when the window is narrow, instead of pushing its neighbours out. */
    private static JLabel shrinkable() {
        return new JLabel() {
            @Override
            public java.awt.Dimension getMinimumSize() {
                return new java.awt.Dimension(60, getPreferredSize().height);
            }
        };
    }

    private JComponent header() {
        JPanel h = new JPanel();
        h.setName("case.header");
        h.setAlignmentX(0f);
        h.setBorder(BorderFactory.createCompoundBorder(
                BorderFactory.createMatteBorder(0, 0, 1, 0, new Color(0xD0D7DE)),
                BorderFactory.createEmptyBorder(0, 0, 8, 0)));
        caseNoLabel.setName("case.header.caseNo");
        caseNoLabel.setFont(UiSetup.font(Font.BOLD, 20f));
        itemLabel.setName("case.header.item");
        itemLabel.setFont(UiSetup.font(Font.BOLD, 16f));
        stateLabel.setName("case.header.state");
        stateLabel.setFont(UiSetup.font(Font.BOLD, 14f));
        stateLabel.setOpaque(true);
        stateLabel.setBackground(new Color(0xE8F0FE));
        stateLabel.setForeground(new Color(0x1A4FA0));
        stateLabel.setBorder(BorderFactory.createEmptyBorder(3, 10, 3, 10));
        deadline.setName("case.deadline");
        deadline.setOpaque(true);
        deadline.setFont(UiSetup.font(Font.BOLD, 14f));
        deadline.setBorder(BorderFactory.createEmptyBorder(3, 10, 3, 10));
        applicant.setName("case.header.applicant");
        idLabel.setName("case.header.id");
        facts.setName("case.header.facts");
        facts.setForeground(MUTED);
        showId.setName("case.showId");
        showId.setToolTipText(Texts.t("case.showId.tooltip"));
        showId.putClientProperty("JButton.buttonType", "toolBarButton");
        showId.setVisible(mayShowId());
        showId.addActionListener(e -> {
            showId.setText(Texts.t(showId.isSelected() ? "case.hideId" : "case.showId"));
            if (view != null) {
                showHeader(view);
                fieldsTab.show(view, item(view), showId.isSelected());
            }
        });
        JButton back = new JButton(Texts.t("case.back"));
        back.setName("case.back");
        back.setToolTipText(Texts.t("case.back.tooltip"));
        back.addActionListener(e -> back());

        // line 1: number, state, item (shortened with … when the window is narrow), deadline badge, back
        JPanel line1 = new JPanel(new GridBagLayout());
        GridBagConstraints c = new GridBagConstraints();
        c.gridy = 0;
        c.anchor = GridBagConstraints.WEST;
        c.insets = new Insets(0, 0, 0, 10);
        line1.add(caseNoLabel, c);
        line1.add(stateLabel, c);
        c.weightx = 1;
        c.fill = GridBagConstraints.HORIZONTAL;
        line1.add(itemLabel, c);
        c.weightx = 0;
        c.fill = GridBagConstraints.NONE;
        line1.add(deadline, c);
        c.insets = new Insets(0, 0, 0, 0);
        line1.add(back, c);
        // line 2: applicant, ID (masked unless shown), dates and whose turn it is
        JPanel line2 = new JPanel(new GridBagLayout());
        c = new GridBagConstraints();
        c.gridy = 0;
        c.anchor = GridBagConstraints.WEST;
        c.insets = new Insets(0, 0, 0, 12);
        line2.add(applicant, c);
        c.insets = new Insets(0, 0, 0, 4);
        line2.add(idLabel, c);
        c.insets = new Insets(0, 0, 0, 16);
        line2.add(showId, c);
        c.weightx = 1;
        c.fill = GridBagConstraints.HORIZONTAL;
        c.insets = new Insets(0, 0, 0, 0);
        line2.add(facts, c);
        h.setLayout(new BoxLayout(h, BoxLayout.Y_AXIS));
        line1.setAlignmentX(0f);
        line2.setAlignmentX(0f);
        h.add(line1);
        h.add(Box.createVerticalStrut(6));
        h.add(line2);
        return h;
    }

    private JComponent actionsBar() {
        JPanel p = new JPanel(new BorderLayout(0, 4));
        p.setName("case.actions");
        p.setAlignmentX(0f);
        actionButtons.setName("case.actionButtons");
        JLabel title = new JLabel(Texts.t("case.actions.title"));
        title.setFont(UiSetup.font(Font.BOLD, 14f));
        JPanel row = new JPanel(new BorderLayout(8, 0));
        row.add(title, BorderLayout.WEST);
        row.add(actionButtons, BorderLayout.CENTER);
        JPanel noteBox = new JPanel(new FlowLayout(FlowLayout.RIGHT, 6, 0));
        JLabel noteLabel = new JLabel(Texts.t("case.action.note"));
        noteLabel.setLabelFor(actionNote);
        actionNote.setName("case.action.note");
        actionNote.putClientProperty("JTextField.placeholderText", Texts.t("case.action.note.placeholder"));
        actionNote.setToolTipText(Texts.t("case.action.note.tooltip"));
        noteBox.add(noteLabel);
        noteBox.add(actionNote);
        row.add(noteBox, BorderLayout.EAST);
        whyNot.setName("case.whyNot");
        whyNot.setForeground(UiSetup.NEAR);
        feedback.setName("case.feedback");
        JPanel lines = new JPanel(new BorderLayout(12, 0));
        lines.add(whyNot, BorderLayout.CENTER);
        lines.add(feedback, BorderLayout.EAST);
        p.add(row, BorderLayout.CENTER);
        p.add(lines, BorderLayout.SOUTH);
        return p;
    }

    private JComponent tabs() {
        tabs.setName("case.tabs");
        timeline.setName("case.timeline");
        timeline.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        timeline.setFillsViewportHeight(true);
        int[] widths = {140, 150, 90, 100, 330, 200, 90};
        for (int i = 0; i < widths.length; i++) {
            timeline.getColumnModel().getColumn(i).setPreferredWidth(widths[i]);
        }
        timeline.setDefaultRenderer(Object.class, new TooltipRenderer());
        JPanel timelinePanel = new JPanel(new BorderLayout());
        timelinePanel.setName("case.tab.timeline");
        timelinePanel.setBorder(BorderFactory.createEmptyBorder(8, 8, 8, 8));
        timelinePanel.add(new JScrollPane(timeline), BorderLayout.CENTER);
        tabs.addTab(Texts.t("case.tab.timeline"), timelinePanel);
        tabs.addTab(Texts.t("case.tab.fields"), fieldsTab);
        tabs.addTab(Texts.t("case.tab.materials"), materialsTab);
        tabs.addTab(Texts.t("case.tab.attachments"), attachmentsTab);
        tabs.addTab(Texts.t("case.tab.notes"), notesTab);
        tabs.addTab(Texts.t("case.tab.messages"), messagesTab);
        int[] mnemonics = {KeyEvent.VK_1, KeyEvent.VK_2, KeyEvent.VK_3, KeyEvent.VK_4, KeyEvent.VK_5, KeyEvent.VK_6};
        for (int i = 0; i < mnemonics.length; i++) {
            tabs.setMnemonicAt(i, mnemonics[i]);
            tabs.setToolTipTextAt(i, Texts.t("case.tab.tooltip", String.valueOf(i + 1)));
        }
        return tabs;
    }

    // -------------------------------------------------------------------------------------------- data

    Session session() {
        return frame.session();
    }

    String caseNo() {
        return caseNo;
    }

    MainFrame frame() {
        return frame;
    }

    /** The case as last loaded (null before the first load finishes). */
    CaseView view() {
        return view;
    }

    void load() {
        Background.onEdt();
        syncTask.load();
        Background.run(this, () -> session().desk().vouchers().ofCase(caseNo), this::showVoucher);
        Background.run(this, () -> session().desk().cases().show(caseNo, session().actor()), this::apply, e -> {
            List<String> reasons = Problems.reasons(e);
            itemLabel.setText(Texts.t("case.loadFailed"));
            showFeedback(String.join(" ", reasons), true);
            showProblems(this, e);
        });
    }

    /** Reloads the case (after a change made on one of the tabs). */
    void reload() {
        load();
    }

    @Override
    public void refresh() {
        load();
    }

    /** The voucher line: 已核验 green, 待核验 amber, 不一致 red with the province's detail. */
    private void showVoucher(java.util.Optional<org.ybdesk.service.VoucherService.CaseVoucher> voucher) {
        voucherBar.setVisible(voucher.isPresent());
        voucher.ifPresent(v -> {
            StringBuilder t = new StringBuilder(Texts.t("case.voucher", v.shortCode(), v.checkLabel()));
            if (v.checkedAt() != null) {
                t.append(Texts.t("case.voucher.checkedAt", v.checkedAt().atZoneSameInstant(
                        org.ybdesk.service.Desk.ZONE).toLocalDateTime().withSecond(0).withNano(0).toString()
                        .replace('T', ' ')));
            }
            if (v.detail() != null) {
                t.append("  ").append(Texts.t("case.voucher.detail", v.detail()));
            }
            voucherBar.setText(t.toString());
            voucherBar.setToolTipText(v.code());
            voucherBar.setForeground(switch (v.check()) {
                case VERIFIED -> new Color(0x1A7F37);
                case PENDING -> UiSetup.NEAR;
                case MISMATCH -> new Color(0xCF222E);
            });
        });
    }

    /** Shows a freshly read case on every part of the screen. */
    void apply(CaseView v) {
        Background.onEdt();
        boolean first = view == null;
        this.view = v;
        ServiceItem item = item(v);
        showHeader(v);
        holding.show(v);
        showActions(v);
        timelineModel.setRows(v.events());
        if (!v.events().isEmpty()) {
            int last = timeline.convertRowIndexToView(v.events().size() - 1);
            timeline.setRowSelectionInterval(last, last);
            timeline.scrollRectToVisible(timeline.getCellRect(last, 0, true));
        }
        fieldsTab.show(v, item, showId.isSelected());
        materialsTab.show(v, CaseMaterialsTab.mayEdit(v, session().actor()));
        attachmentsTab.setAttachments(v.attachments());
        notesTab.setNotes(v.notes());
        messagesTab.setMessages(v.messages(), v.events());
        tabs.setTitleAt(TAB_TIMELINE, Texts.t("case.tab.timeline.count", String.valueOf(v.events().size())));
        long missing = v.materials().stream().filter(CaseViews.MaterialLine::blocking).count();
        tabs.setTitleAt(TAB_MATERIALS, missing == 0 ? Texts.t("case.tab.materials")
                : Texts.t("case.tab.materials.missing", String.valueOf(missing)));
        tabs.setTitleAt(TAB_ATTACHMENTS, Texts.t("case.tab.attachments.count", String.valueOf(v.attachments().size())));
        tabs.setTitleAt(TAB_NOTES, Texts.t("case.tab.notes.count", String.valueOf(v.notes().size())));
        tabs.setTitleAt(TAB_MESSAGES, Texts.t("case.tab.messages.count", String.valueOf(v.messages().size())));
        registerShortcuts(v);
        revalidate();
        repaint();
        if (first) {
            focusFirstAction();
        }
    }

    /**
     * What the step's dialog asks about money: 审核/复核 of paying items enter the amount (decided at review,
     * confirmed at recheck, D87); 支付 shows the confirmed amount read-only; 划转 enters its own amount; a payment
     * of a case reviewed before amounts were decided at review still enters one.
     */
    private CaseActionDialog.Amount amountMode(CaseAction action) {
        ServiceItem item = item(view);
        boolean decided = item != null && org.ybdesk.core.lifecycle.Lifecycle.decidesAmountAtReview(item);
        return switch (action) {
            case MOVE_BALANCE -> CaseActionDialog.Amount.ENTER;
            case REVIEW, RECHECK -> decided ? CaseActionDialog.Amount.ENTER : CaseActionDialog.Amount.NONE;
            case PAY -> view.flow() != null && view.flow().payable() != null ? CaseActionDialog.Amount.SHOW
                    : CaseActionDialog.Amount.ENTER;
            default -> CaseActionDialog.Amount.NONE;
        };
    }

    /** The item as the case's own catalog version describes it. */
    private static ServiceItem item(CaseView v) {
        return v.item();
    }

    private boolean mayShowId() {
        var actor = session().actor();
        return actor.has(Role.CLERK) || actor.has(Role.REVIEWER);
    }

    private void showHeader(CaseView v) {
        var s = v.summary();
        caseNoLabel.setText(s.caseNo());
        itemLabel.setText(Texts.t("case.header.item", String.valueOf(s.itemNo()), s.itemName()));
        itemLabel.setToolTipText(item(v) == null ? null : item(v).fullName());
        stateLabel.setText(s.stateLabel());
        applicant.setText(Texts.t("case.header.applicant", s.applicantName()));
        String id = v.applicantId();
        boolean full = showId.isSelected() && mayShowId();
        idLabel.setText(Texts.t("case.header.id", full ? id : CaseViews.mask(id)));
        showId.setVisible(mayShowId() && id != null && !id.isBlank());
        List<String> parts = new ArrayList<>();
        parts.add(Texts.t("case.header.received", String.valueOf(s.receivedOn())));
        if (v.backfill() != null && v.receivedAt() != null && v.enteredAt() != null) {
            // issue 13: 补录 — the paper's real 收件 time and the entry, both shown
            java.time.format.DateTimeFormatter hm = java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm");
            parts.add(Texts.t("case.header.backfill", v.backfill().paperRef(), v.receivedAt().format(hm),
                    v.enteredAt().format(hm), v.backfill().enteredBy()));
        }
        if (s.acceptedOn() != null) {
            parts.add(Texts.t("case.header.accepted", String.valueOf(s.acceptedOn())));
        }
        parts.add(v.nextRole() == null ? Texts.t("case.header.finished")
                : Texts.t("case.header.waiting", v.nextRole().label()));
        if (v.flow() != null && v.flow().reviewAmount() != null) {
            parts.add(Texts.t("case.header.reviewAmount", v.flow().reviewAmount().toYuanString()));
        }
        if (v.flow() != null && v.flow().confirmedAmount() != null) {
            parts.add(Texts.t("case.header.confirmedAmount", v.flow().confirmedAmount().toYuanString()));
        }
        if (v.flow() != null && v.flow().earliestReEvaluation() != null) {
            parts.add(Texts.t("case.header.reEvaluation", String.valueOf(v.flow().earliestReEvaluation())));
        }
        facts.setText(String.join(Texts.t("case.header.separator"), parts));
        showDeadline(v);
    }

    private void showDeadline(CaseView v) {
        DeadlineView d = v.summary().deadline();
        Color fg = getForeground();
        Color bg = new Color(0xEEF1F4);
        String text;
        var notice = v.flow() == null ? null : v.flow().notice();
        if (d == null && notice != null) {
            // items 25/26 while 待受理: the 5-working-day limit for telling what is missing (D88)
            deadline.setText(Texts.t("case.notice.text", notice.problem() != null ? notice.problem()
                    : Texts.t("case.notice.value", String.valueOf(notice.dueDate()), notice.statusLabel(),
                    String.valueOf(notice.workingDaysLeft()))));
            Color nfg = new Color(0x1A7F37);
            Color nbg = new Color(0xE6F4EA);
            if (notice.status() == DeadlineStatus.OVERDUE) {
                nfg = UiSetup.OVERDUE;
                nbg = UiSetup.OVERDUE_BG;
            } else if (notice.status() == DeadlineStatus.NEAR || notice.status() == null) {
                nfg = UiSetup.NEAR;
                nbg = UiSetup.NEAR_BG;
            }
            deadline.setForeground(nfg);
            deadline.setBackground(nbg);
            deadline.setToolTipText(Texts.t("case.notice.tooltip"));
            return;
        }
        if (d == null) {
            text = Texts.t(v.summary().state().terminal() ? "case.deadline.finished" : "case.deadline.notStarted");
            fg = MUTED;
        } else {
            text = CaseTable.deadlineText(d);
            if (d.status() == DeadlineStatus.OVERDUE) {
                fg = UiSetup.OVERDUE;
                bg = UiSetup.OVERDUE_BG;
            } else if (d.status() == DeadlineStatus.NEAR) {
                fg = UiSetup.NEAR;
                bg = UiSetup.NEAR_BG;
            } else if (d.status() == DeadlineStatus.NORMAL) {
                fg = new Color(0x1A7F37);
                bg = new Color(0xE6F4EA);
            }
        }
        deadline.setText(Texts.t("case.deadline.text", text));
        deadline.setForeground(fg);
        deadline.setBackground(bg);
        deadline.setToolTipText(d == null ? Texts.t("case.deadline.tooltip") : d.problem() != null ? d.problem()
                : d.provisional() ? Texts.t("case.deadline.tooltip.provisional", d.provisionalReason())
                : Texts.t("case.deadline.tooltip"));
    }

    // -------------------------------------------------------------------------------------------- actions

    private void showActions(CaseView v) {
        actionButtons.removeAll();
        Availability firstDisabled = null;
        List<String> allReasons = new ArrayList<>();
        for (Availability a : v.actions()) {
            JButton b = new JButton(a.label());
            b.setName("case.action." + a.action().name());
            b.setEnabled(a.allowed() && !busy);
            b.putClientProperty("case.allowed", a.allowed());
            if (a.allowed()) {
                b.setToolTipText(Texts.t(tooltipKey(a.action()), a.label()));
                b.addActionListener(e -> perform(a));
            } else {
                b.setToolTipText(html(a.whyNot()));
                if (firstDisabled == null) {
                    firstDisabled = a;
                }
                a.whyNot().forEach(r -> allReasons.add(Texts.t("case.whyNot", a.label(), r)));
            }
            actionButtons.add(b);
        }
        if (v.actions().isEmpty()) {
            boolean elsewhere = v.holding() != null && !v.holding().actionable();
            JLabel none = new JLabel(Texts.t(elsewhere ? "holding.actions.none" : "case.actions.none"));
            none.setName("case.actions.none");
            none.setForeground(MUTED);
            actionButtons.add(none);
        }
        // a copy of a case held elsewhere, or one whose hand-off the province has not confirmed: no step here (the
        // service offers none), and the line under the buttons says why and what to do
        String notHere = v.holding() == null || v.holding().actionable() ? null
                : Texts.t(v.holding().heldHere() ? "holding.pending" : "holding.notHere", v.holding().holder());
        if (notHere != null) {
            whyNot.setText(notHere);
            whyNot.setToolTipText(null);
        } else if (firstDisabled != null && !firstDisabled.whyNot().isEmpty()) {
            whyNot.setText(Texts.t("case.whyNot", firstDisabled.label(), firstDisabled.whyNot().get(0)));
            whyNot.setToolTipText(html(allReasons));
        } else {
            whyNot.setText(" ");
            whyNot.setToolTipText(null);
        }
        actionButtons.revalidate();
        actionButtons.repaint();
    }

    private static String tooltipKey(CaseAction a) {
        if (a.needsReasons()) {
            return "case.action.tooltip.reasons";
        }
        if (a == CaseAction.PAY || a == CaseAction.MOVE_BALANCE) {
            return "case.action.tooltip.amount";
        }
        return IRREVERSIBLE.contains(a) ? "case.action.tooltip.confirm" : "case.action.tooltip";
    }

    private static String html(List<String> lines) {
        StringBuilder sb = new StringBuilder("<html>");
        for (String l : lines) {
            sb.append("• ").append(Problems.escape(l)).append("<br>");
        }
        return sb.append("</html>").toString();
    }

    /**
     * Ctrl+Enter takes the first step this user may take that needs no reasons (受理, 审核通过 …); Ctrl+Shift+R
     * turns the case down (不予受理, else 未通过) when this user may.
     */
    private void registerShortcuts(CaseView v) {
        if (getParent() == null) {
            return; // another screen replaced this one meanwhile
        }
        Optional<Availability> positive = v.actions().stream()
                .filter(a -> a.allowed() && !a.action().needsReasons()).findFirst();
        Optional<Availability> negative = v.actions().stream()
                .filter(a -> a.allowed() && a.action() == CaseAction.REFUSE).findFirst()
                .or(() -> v.actions().stream().filter(a -> a.allowed() && a.action() == CaseAction.REJECT).findFirst());
        frame.setCaseActions(positive.<Runnable>map(a -> () -> perform(a)).orElse(null),
                negative.<Runnable>map(a -> () -> perform(a)).orElse(null),
                () -> PrintPreviewDialog.open(javax.swing.SwingUtilities.getWindowAncestor(this), session(),
                        v.summary().caseNo()));
    }

    /** Takes a step: asks what it carries (reasons, amount, confirmation) when it needs that, then runs it. */
    void perform(Availability a) {
        perform(a, CaseActionDialog.Draft.EMPTY, List.of());
    }

    private void perform(Availability a, CaseActionDialog.Draft draft, List<String> problems) {
        Background.onEdt();
        if (busy || view == null) {
            return;
        }
        CaseAction action = a.action();
        CaseActionDialog.Amount amountMode = amountMode(action);
        boolean ask = action.needsReasons() || amountMode != CaseActionDialog.Amount.NONE
                || IRREVERSIBLE.contains(action);
        Command cmd;
        CaseActionDialog.Draft typed = draft;
        if (ask) {
            CaseActionDialog.Draft start = draft;
            if (start == CaseActionDialog.Draft.EMPTY && action == CaseAction.REVIEW && view.reconciled() != null
                    && amountMode == CaseActionDialog.Amount.ENTER) {
                start = new CaseActionDialog.Draft("", view.reconciled().toYuanString()); // settlements: the declared figure
            }
            var flow = view.flow();
            Optional<CaseActionDialog.Result> r = new CaseActionDialog(SwingUtilities.getWindowAncestor(this),
                    caseNo, action, a.label(), start, problems, amountMode,
                    action == CaseAction.RECHECK && flow != null ? flow.reviewAmount()
                            : action == CaseAction.PAY && flow != null ? flow.payable() : null,
                    flow == null || action == CaseAction.MOVE_BALANCE ? null : flow.largeAmountThreshold()).ask();
            if (r.isEmpty()) {
                return;
            }
            typed = r.get().draft();
            cmd = new Command(action, r.get().reasons(), r.get().amount(), r.get().confirmLarge());
        } else {
            cmd = Command.of(action);
        }
        String note = actionNote.getText();
        int messagesBefore = view.messages().size();
        setBusy(true);
        showFeedback(Texts.t("case.action.running", a.label()), false);
        CaseActionDialog.Draft keep = typed;
        var session = session();
        Background.run(this, () -> session.desk().cases().act(caseNo, cmd, note, session.actor()), v -> {
            setBusy(false);
            if (actionNote.getText().equals(note)) {
                actionNote.setText("");
            }
            apply(v);
            frame.syncChanged(); // 待上传 and the counts at once; online, the step (and a hand-off) goes up at once
            String done = Texts.t("case.action.done", a.label(), v.summary().stateLabel());
            if (v.messages().size() > messagesBefore) {
                done = done + Texts.t("case.action.done.message");
            }
            showFeedback(done, false);
            focusFirstAction();
        }, e -> {
            setBusy(false);
            List<String> reasons = Problems.reasons(e);
            showFeedback(Texts.t("case.action.failed", a.label()), true);
            reload();
            // after this task has finished (a modal dialog inside the callback would keep it running)
            SwingUtilities.invokeLater(() -> {
                if (ask) {
                    // open the dialog again with what was typed and every reason it was refused
                    perform(a, keep, reasons);
                } else {
                    Problems.show(this, e);
                }
            });
        });
    }

    /**
     * Shows the problems once the current background task has finished (a modal dialog inside its callback would
     * keep the task — and the busy indicator — running until the dialog closes).
     */
    static void showProblems(Component owner, RuntimeException e) {
        SwingUtilities.invokeLater(() -> Problems.show(owner, e));
    }

    private void setBusy(boolean b) {
        busy = b;
        for (Component c : actionButtons.getComponents()) {
            if (c instanceof JButton btn) {
                btn.setEnabled(!b && Boolean.TRUE.equals(btn.getClientProperty("case.allowed")));
            }
        }
    }

    private void showFeedback(String text, boolean problem) {
        (problem ? StatusStyle.ERROR : StatusStyle.SUCCESS).show(feedback, text);
    }

    private void focusFirstAction() {
        for (Component c : actionButtons.getComponents()) {
            if (c instanceof JButton b && b.isEnabled()) {
                b.requestFocusInWindow();
                return;
            }
        }
        timeline.requestFocusInWindow();
    }

    /** Esc / 返回: back to the workbench, asking first when something typed would be lost. */
    private void back() {
        boolean typed = !actionNote.getText().isBlank() || notesTab.hasInput() || materialsTab.hasChanges();
        if (typed && JOptionPane.showConfirmDialog(this, Texts.t("case.back.confirm"), Texts.t("case.back"),
                JOptionPane.OK_CANCEL_OPTION, JOptionPane.QUESTION_MESSAGE) != JOptionPane.OK_OPTION) {
            return;
        }
        frame.showHome();
    }

    @Override
    public void addNotify() {
        super.addNotify();
        SwingUtilities.invokeLater(this::focusFirstAction);
    }

    // -------------------------------------------------------------------------------------------- timeline

    /** 2026-11-25 10:00 in the desk's zone. */
    static String time(OffsetDateTime t) {
        return t == null ? "" : t.atZoneSameInstant(Desk.ZONE).format(TIME);
    }

    JTabbedPane tabbedPane() {
        return tabs;
    }

    /** Cells show their whole text as a tooltip (reasons and notes are often longer than the column). */
    private static final class TooltipRenderer extends DefaultTableCellRenderer {
        @Override
        public Component getTableCellRendererComponent(JTable t, Object v, boolean sel, boolean focus, int r, int c) {
            super.getTableCellRendererComponent(t, v, sel, focus, r, c);
            String s = v == null ? "" : v.toString();
            setToolTipText(s.isEmpty() ? null : "<html><div style='width:360px'>" + Problems.escape(s) + "</div></html>");
            return this;
        }
    }
}
