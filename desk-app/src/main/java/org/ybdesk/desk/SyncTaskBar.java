package org.ybdesk.desk;

import java.awt.BorderLayout;
import java.awt.Color;
import java.util.stream.Collectors;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import org.ybdesk.service.SyncStore;

/**
 * On the case screen: the case's open 退回任务 — every message the province refused and why — with 标记已处理.
 * Hidden when the case has none.
 */
final class SyncTaskBar extends JPanel {
    private final MainFrame frame;
    private final String caseNo;
    private final JLabel text = new JLabel();
    private final JButton handle = new JButton(Texts.t("sync.handle"));
    private SyncStore.Task task;

    SyncTaskBar(MainFrame frame, String caseNo) {
        super(new BorderLayout(8, 0));
        this.frame = frame;
        this.caseNo = caseNo;
        setName("case.syncTask");
        text.setName("case.syncTask.text");
        handle.setName("case.syncTask.handle");
        setBackground(new Color(0xFFF1F0));
        setBorder(BorderFactory.createCompoundBorder(BorderFactory.createLineBorder(UiSetup.OVERDUE),
                BorderFactory.createEmptyBorder(6, 10, 6, 10)));
        add(text, BorderLayout.CENTER);
        add(handle, BorderLayout.EAST);
        handle.addActionListener(e -> {
            String note = JOptionPane.showInputDialog(this, Texts.t("sync.handle.prompt"), Texts.t("sync.handle"),
                    JOptionPane.QUESTION_MESSAGE);
            if (note != null) {
                handle(note);
            }
        });
        setVisible(false);
    }

    void load() {
        var desk = frame.session().desk();
        Background.run(this, () -> new SyncStore(desk).openTaskFor("CASE", caseNo).orElse(null), this::show);
    }

    private void show(SyncStore.Task t) {
        task = t;
        setVisible(t != null);
        if (t != null) {
            text.setText(Texts.t("case.syncTask", t.messages().stream()
                    .map(m -> Texts.t("case.syncTask.item", Texts.t("sync.type." + m.msgType()), m.errCode(),
                            m.errMsg()))
                    .collect(Collectors.joining(Texts.t("case.syncTask.sep")))));
        }
        revalidate();
    }

    void handle(String note) {
        SyncStore.Task t = task;
        if (t == null) {
            return;
        }
        var desk = frame.session().desk();
        var actor = frame.session().actor();
        Background.run(this, () -> new SyncStore(desk).handleTask(t.id(), note, actor), done -> {
            show(null);
            frame.syncChanged();
        });
    }
}
