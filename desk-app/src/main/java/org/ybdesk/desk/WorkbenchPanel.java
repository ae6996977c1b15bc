package org.ybdesk.desk;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Cursor;
import java.awt.Font;
import java.awt.GridLayout;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.swing.BorderFactory;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.SwingConstants;
import org.ybdesk.core.lifecycle.CaseState;
import org.ybdesk.service.CaseViews.CaseSummary;
import org.ybdesk.service.WorkbenchService.Counts;

/**
 * The home screen: cards with counts (待受理 待审核 待复核 待审批 待支付 临近 逾期 今日办结) above the list the
 * selected card stands for. Enter or a double click opens a case.
 */
final class WorkbenchPanel extends JPanel {
    private final MainFrame frame;
    private final CaseTable table;
    private final Map<String, JLabel> cardValues = new LinkedHashMap<>();
    private final Map<String, JPanel> cards = new LinkedHashMap<>();
    private final JLabel listTitle = new JLabel();
    private String selectedCard = "mine";

    WorkbenchPanel(MainFrame frame) {
        super(new BorderLayout(0, 8));
        this.frame = frame;
        setName("workbench");
        setBorder(BorderFactory.createEmptyBorder(12, 12, 12, 12));
        JPanel strip = new JPanel(new GridLayout(1, 0, 8, 0));
        for (String key : List.of("toAccept", "toNotify", "toReview", "toRecheck", "toApprove", "toPay", "near",
                "overdue", "closedToday", "syncRefused")) {
            strip.add(card(key));
        }
        table = new CaseTable("workbench.table", frame::openCase);
        listTitle.setFont(UiSetup.font(Font.BOLD, 15f));
        listTitle.setName("workbench.listTitle");
        JPanel list = new JPanel(new BorderLayout(0, 4));
        JPanel head = new JPanel(new BorderLayout());
        head.add(listTitle, BorderLayout.CENTER);
        head.add(table.batchPrintButton("workbench.batchPrint", frame.session()), BorderLayout.EAST); // issue 14
        list.add(head, BorderLayout.NORTH);
        list.add(new JScrollPane(table), BorderLayout.CENTER);
        add(strip, BorderLayout.NORTH);
        add(list, BorderLayout.CENTER);
    }

    CaseTable table() {
        return table;
    }

    private JPanel card(String key) {
        JPanel p = new JPanel(new BorderLayout());
        p.setName("card." + key);
        p.setBorder(BorderFactory.createCompoundBorder(BorderFactory.createLineBorder(new Color(0xD0D7DE)),
                BorderFactory.createEmptyBorder(8, 10, 8, 10)));
        JLabel title = new JLabel(Texts.t("card." + key), SwingConstants.CENTER);
        JLabel value = new JLabel("—", SwingConstants.CENTER);
        value.setName("card." + key + ".value");
        value.setFont(UiSetup.font(Font.BOLD, 24f));
        if (key.equals("near")) {
            value.setForeground(UiSetup.NEAR);
        } else if (key.equals("overdue") || key.equals("syncRefused") || key.equals("toNotify")) {
            value.setForeground(UiSetup.OVERDUE);
        }
        p.add(value, BorderLayout.CENTER);
        p.add(title, BorderLayout.SOUTH);
        p.setCursor(Cursor.getPredefinedCursor(Cursor.HAND_CURSOR));
        p.setToolTipText(Texts.t("card.tooltip"));
        p.addMouseListener(new MouseAdapter() {
            @Override
            public void mouseClicked(MouseEvent e) {
                select(key);
            }
        });
        cardValues.put(key, value);
        cards.put(key, p);
        return p;
    }

    /** Shows the list a card stands for ("mine" = my open cases and those waiting for my roles). */
    void select(String key) {
        selectedCard = key;
        refresh();
    }

    void refresh() {
        Session s = frame.session();
        String key = selectedCard;
        Supplier<List<CaseSummary>> loader = switch (key) {
            case "toAccept" -> () -> s.desk().workbench().inState(CaseState.RECEIVED, 500);
            case "near", "overdue" -> () -> s.desk().cases().dueList(false, 500).stream()
                    .filter(c -> c.deadline() != null && (key.equals("overdue")
                            ? c.deadline().status() == org.ybdesk.core.calendar.DeadlineStatus.OVERDUE
                            : c.deadline().status() != org.ybdesk.core.calendar.DeadlineStatus.OVERDUE))
                    .toList();
            case "closedToday" -> () -> s.desk().workbench().closedToday(500);
            // 材料告知期限 (25/26): the list shows the notice limit in the deadline column (D88)
            case "toNotify" -> () -> s.desk().workbench().noticeDue(500).stream().map(WorkbenchPanel::withNotice)
                    .toList();
            case "syncRefused" -> () -> new org.ybdesk.service.SyncStore(s.desk()).casesWithOpenTasks(500);
            case "waiting", "toReview", "toRecheck", "toApprove", "toPay" -> () -> s.desk().workbench()
                    .waitingFor(s.actor(), 500);
            default -> () -> {
                List<CaseSummary> mine = new java.util.ArrayList<>(s.desk().workbench().waitingFor(s.actor(), 300));
                for (CaseSummary c : s.desk().workbench().myOpen(s.actor(), 300)) {
                    if (mine.stream().noneMatch(x -> x.caseNo().equals(c.caseNo()))) {
                        mine.add(c);
                    }
                }
                return mine;
            };
        };
        Background.run(this, () -> new Loaded(s.desk().workbench().counts(), loader.get(),
                new org.ybdesk.service.SyncStore(s.desk()).counts().openTasks()), loaded -> {
            Counts c = loaded.counts();
            set("toAccept", c.toAccept());
            set("toNotify", c.toNotify());
            set("toReview", c.toReview());
            set("toRecheck", c.toRecheck());
            set("toApprove", c.toApprove());
            set("toPay", c.toPay());
            set("near", c.near());
            set("overdue", c.overdue());
            set("closedToday", c.closedToday());
            set("syncRefused", loaded.syncTasks());
            cards.forEach((k, p) -> p.setBackground(k.equals(key) ? new Color(0xE8F0FE) : null));
            listTitle.setText(Texts.t("list." + key, String.valueOf(loaded.cases().size())));
            table.setCases(loaded.cases());
        });
    }

    private static CaseSummary withNotice(org.ybdesk.service.CaseViews.NoticeDue n) {
        var d = n.notice();
        var s = n.summary();
        return new CaseSummary(s.caseNo(), s.itemNo(), s.itemName(), s.state(), s.stateLabel(), s.applicantName(),
                s.applicantIdMasked(), s.receivedOn(), s.acceptedOn(), d == null ? null
                : new org.ybdesk.service.CaseViews.DeadlineView(d.dueDate(), d.status(), d.statusLabel(),
                d.workingDaysLeft(), false, d.problem()));
    }

    private void set(String key, int n) {
        cardValues.get(key).setText(String.valueOf(n));
    }

    private record Loaded(Counts counts, List<CaseSummary> cases, int syncTasks) {
    }
}
