package org.ybdesk.desk;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.FlowLayout;
import java.awt.Font;
import java.awt.Toolkit;
import java.awt.datatransfer.StringSelection;
import java.util.List;
import javax.swing.BorderFactory;
import javax.swing.Box;
import javax.swing.BoxLayout;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import org.ybdesk.core.lifecycle.CaseAction;
import org.ybdesk.core.lifecycle.Outcome;
import org.ybdesk.service.CaseViews.EventView;
import org.ybdesk.service.CaseViews.MessageView;

/**
 * 消息: every message the desk generated for the applicant (办结, 不予受理, 未通过, 补正 …) with its time, as selectable
 * text with a copy button — the clerk sends it by SMS or reads it out.
 */
final class CaseMessagesTab extends JPanel {
    private final ScrollablePanel content = new ScrollablePanel(null, false);

    CaseMessagesTab() {
        super(new BorderLayout());
        setName("case.tab.messages");
        content.setName("case.messages");
        content.setLayout(new BoxLayout(content, BoxLayout.Y_AXIS));
        content.setBorder(BorderFactory.createEmptyBorder(8, 8, 8, 8));
        JScrollPane sp = new JScrollPane(content);
        sp.getVerticalScrollBar().setUnitIncrement(24);
        sp.getViewport().setBackground(content.getBackground());
        add(sp, BorderLayout.CENTER);
    }

    void setMessages(List<MessageView> messages, List<EventView> events) {
        content.removeAll();
        if (messages.isEmpty()) {
            JLabel none = new JLabel(Texts.t("case.messages.none"));
            none.setName("case.messages.none");
            none.setForeground(CasePanel.MUTED);
            none.setAlignmentX(0f);
            content.add(none);
        }
        for (int i = 0; i < messages.size(); i++) {
            content.add(block(i, messages.get(i), events));
            content.add(Box.createVerticalStrut(10));
        }
        content.revalidate();
        content.repaint();
    }

    /** 办结 / 不予受理 / 未通过 / 评估不合格 / 补正 …: from the step that produced the message where it is known. */
    static String kind(MessageView m, List<EventView> events) {
        EventView source = events.stream().filter(e -> e.at() != null && e.at().isEqual(m.at())
                && !e.action().equals(org.ybdesk.service.CaseService.RECEIVE)).reduce((a, b) -> b).orElse(null);
        Outcome kind;
        try {
            kind = Outcome.valueOf(m.kind());
        } catch (IllegalArgumentException e) {
            return m.kind();
        }
        if (source != null && (kind == Outcome.FAILURE || source.action().equals(CaseAction.EVALUATE.name()))) {
            return source.actionLabel();
        }
        return Texts.t("case.message.kind." + kind.name());
    }

    private JPanel block(int i, MessageView m, List<EventView> events) {
        JPanel p = new JPanel(new BorderLayout(0, 4));
        p.setName("case.message.block." + i);
        p.setAlignmentX(0f);
        p.setBorder(BorderFactory.createCompoundBorder(BorderFactory.createLineBorder(new Color(0xD0D7DE)),
                BorderFactory.createEmptyBorder(8, 10, 8, 10)));
        JLabel head = new JLabel(Texts.t("case.message.head", kind(m, events), CasePanel.time(m.at())));
        head.setName("case.message.head." + i);
        head.setFont(head.getFont().deriveFont(Font.BOLD));
        JTextArea text = new JTextArea(m.text());
        text.setName("case.message." + i);
        text.setEditable(false);
        text.setLineWrap(true);
        text.setWrapStyleWord(false);
        text.setBorder(BorderFactory.createEmptyBorder(4, 4, 4, 4));
        text.setBackground(new Color(0xF6F8FA));
        JButton copy = new JButton(Texts.t("case.message.copy"));
        copy.setName("case.message.copy." + i);
        copy.setToolTipText(Texts.t("case.message.copy.tooltip"));
        copy.addActionListener(e -> {
            Toolkit.getDefaultToolkit().getSystemClipboard().setContents(new StringSelection(m.text()), null);
            copy.setText(Texts.t("case.message.copied"));
        });
        JPanel top = new JPanel(new BorderLayout());
        top.setOpaque(false);
        top.add(head, BorderLayout.CENTER);
        JPanel right = new JPanel(new FlowLayout(FlowLayout.RIGHT, 0, 0));
        right.setOpaque(false);
        right.add(copy);
        top.add(right, BorderLayout.EAST);
        p.add(top, BorderLayout.NORTH);
        p.add(text, BorderLayout.CENTER);
        p.setMaximumSize(new java.awt.Dimension(Integer.MAX_VALUE, Integer.MAX_VALUE));
        return p;
    }
}
