package org.ybdesk.desk;

import java.awt.Color;
import java.awt.FlowLayout;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import javax.swing.BorderFactory;
import javax.swing.JCheckBox;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTextField;
import org.ybdesk.service.CaseService;
import org.ybdesk.service.OutageService;

/**
 * The intake's 补录 toggle (issue 13): paper work of an outage entered afterwards with its real 收件 time
 * (实际收件时间) and the paper's reference (纸质件编号). Shown on every step of the intake; what is typed stays on
 * every refusal, and the toggle stays on for the next paper (back-filling comes in batches) — only the paper's
 * reference is cleared once a case is recorded.
 */
final class IntakeBackfill extends JPanel {
    private final JCheckBox on = new JCheckBox(Texts.t("intake.backfill.toggle"));
    private final JTextField occurredAt = new JTextField(13);
    private final JTextField paperRef = new JTextField(14);
    private final JLabel timeLabel = new JLabel(Texts.t("intake.backfill.occurredAt"));
    private final JLabel refLabel = new JLabel(Texts.t("intake.backfill.paperRef"));
    private final JLabel hint = new JLabel(Texts.t("intake.backfill.hint"));

    IntakeBackfill() {
        super(new FlowLayout(FlowLayout.LEFT, 6, 0));
        setName("intake.backfill");
        on.setName("intake.backfill.toggle");
        occurredAt.setName("intake.backfill.occurredAt");
        paperRef.setName("intake.backfill.paperRef");
        occurredAt.setToolTipText(Texts.t("intake.backfill.occurredAt.tip"));
        hint.setForeground(Color.GRAY);
        setBorder(BorderFactory.createEmptyBorder(2, 0, 0, 0));
        add(on);
        add(timeLabel);
        add(occurredAt);
        add(refLabel);
        add(paperRef);
        add(hint);
        on.addActionListener(e -> showFields());
        showFields();
    }

    private void showFields() {
        boolean b = on.isSelected();
        timeLabel.setVisible(b);
        occurredAt.setVisible(b);
        refLabel.setVisible(b);
        paperRef.setVisible(b);
        hint.setVisible(b);
        setBackground(b ? UiSetup.NEAR_BG : null);
        setOpaque(b);
        revalidate();
        repaint();
    }

    boolean active() {
        return on.isSelected();
    }

    /** What is wrong with the typed time and reference; empty when off or when the service may judge the rest. */
    List<String> problems() {
        List<String> p = new ArrayList<>();
        if (!active()) {
            return p;
        }
        OutageService.parseTime(Texts.t("intake.backfill.occurredAt.label"), occurredAt.getText(), p);
        if (paperRef.getText().isBlank()) {
            p.add(Texts.t("intake.backfill.paperRef.missing"));
        }
        return p;
    }

    /** The circumstances of the application: the back-fill when on (its time as parsed), else none. */
    CaseService.Circumstances circumstances() {
        if (!active()) {
            return CaseService.Circumstances.NONE;
        }
        LocalDateTime at = OutageService.parseTime(Texts.t("intake.backfill.occurredAt.label"),
                occurredAt.getText(), new ArrayList<>());
        return CaseService.Circumstances.NONE.withBackfill(new CaseService.Backfilled(at, paperRef.getText()));
    }

    /** After a case was recorded: the next paper has its own reference. */
    void recorded() {
        paperRef.setText("");
    }
}
