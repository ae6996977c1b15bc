package org.ybdesk.desk;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.FlowLayout;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import org.ybdesk.service.CaseViews.CaseView;
import org.ybdesk.service.CaseViews.HoldingView;
import org.ybdesk.sync.Handoffs;

/**
 * On the case screen (issue 12): who holds the case — this window, another desk, or an agency's pool — where it came
 * from, and a pending hand-off (待移交/待释放). A copy held elsewhere is read-only: 领取 takes it (at the province, at
 * once, online); the holder may 释放 it to the agency's pool or 移交 it to the level its next stage belongs to.
 * Hidden for a standalone desk's own cases (nothing to say).
 */
final class HoldingBar extends JPanel {
    private static final Color INFO = new Color(0xEEF4FF);
    private static final Color WARN = new Color(0xFFF7E6);
    private final CasePanel panel;
    private final JLabel text = new JLabel();
    private final JButton claim = new JButton(Texts.t("holding.claim"));
    private final JButton release = new JButton(Texts.t("holding.release"));
    private final JButton forward = new JButton(Texts.t("holding.forward"));

    HoldingBar(CasePanel panel) {
        super(new BorderLayout(8, 0));
        this.panel = panel;
        setName("case.holding");
        text.setName("case.holding.text");
        claim.setName("case.holding.claim");
        release.setName("case.holding.release");
        forward.setName("case.holding.forward");
        setBorder(BorderFactory.createCompoundBorder(BorderFactory.createLineBorder(new Color(0xB6C8E6)),
                BorderFactory.createEmptyBorder(5, 10, 5, 10)));
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.RIGHT, 6, 0));
        buttons.setOpaque(false);
        buttons.add(claim);
        buttons.add(release);
        buttons.add(forward);
        add(text, BorderLayout.CENTER);
        add(buttons, BorderLayout.EAST);
        claim.addActionListener(e -> claim());
        release.addActionListener(e -> handOff(false));
        forward.addActionListener(e -> handOff(true));
        setVisible(false);
    }

    /** Shows the holding of a freshly read case. */
    void show(CaseView v) {
        HoldingView h = v.holding();
        boolean local = h == null || ("LOCAL".equals(h.copyKind()) && h.heldHere() && h.handOff() == null
                && h.from() == null);
        boolean organised = panel.frame().sync() != null && panel.frame().sync().configured();
        setVisible(h != null && (!local || organised));
        if (h == null) {
            return;
        }
        StringBuilder s = new StringBuilder(Texts.t("holding.holder", h.holder()));
        if (h.handOffLabel() != null) {
            s.append(Texts.t("holding.sep")).append(h.handOffLabel());
        }
        if (h.from() != null) {
            s.append(Texts.t("holding.sep")).append(Texts.t("holding.from", h.from()));
        }
        if (!h.heldHere()) {
            s.append(Texts.t("holding.sep")).append(Texts.t("holding.readOnly", h.copyLabel()));
        }
        text.setText(s.toString());
        setBackground(h.actionable() ? INFO : WARN);
        boolean summary = "SUMMARY".equals(h.copyKind());
        claim.setVisible(!h.heldHere() && !summary && !v.summary().state().terminal());
        release.setVisible(h.actionable() && organised && !v.summary().state().terminal());
        forward.setVisible(h.actionable() && organised && !v.summary().state().terminal());
        revalidate();
    }

    private void claim() {
        var s = panel.frame().session();
        String no = panel.caseNo();
        setButtons(false);
        Background.run(this, () -> Handoffs.forDesk(s.desk(), panel.frame().dataDir()).claim(no, s.actor()), v -> {
            setButtons(true);
            panel.frame().syncChanged();
            panel.reload();
        }, e -> {
            setButtons(true);
            CasePanel.showProblems(this, e);
        });
    }

    private void handOff(boolean forwardIt) {
        String title = Texts.t(forwardIt ? "holding.forward" : "holding.release");
        String reason = JOptionPane.showInputDialog(this, Texts.t(forwardIt ? "holding.forward.prompt"
                : "holding.release.prompt"), title, JOptionPane.QUESTION_MESSAGE);
        if (reason == null) {
            return;
        }
        var s = panel.frame().session();
        String no = panel.caseNo();
        setButtons(false);
        Background.run(this, () -> forwardIt ? s.desk().cases().forward(no, reason, s.actor())
                : s.desk().cases().release(no, reason, s.actor()), v -> {
            setButtons(true);
            panel.frame().syncChanged();
            panel.reload();
        }, e -> {
            setButtons(true);
            CasePanel.showProblems(this, e);
        });
    }

    private void setButtons(boolean enabled) {
        claim.setEnabled(enabled);
        release.setEnabled(enabled);
        forward.setEnabled(enabled);
    }
}
