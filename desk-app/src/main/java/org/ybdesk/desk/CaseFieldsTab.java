package org.ybdesk.desk;

import java.awt.BorderLayout;
import java.awt.Font;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.util.Map;
import javax.swing.BorderFactory;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextField;
import org.ybdesk.core.catalog.FieldSpec;
import org.ybdesk.core.catalog.FieldType;
import org.ybdesk.core.catalog.ServiceItem;
import org.ybdesk.service.CaseViews;
import org.ybdesk.service.CaseViews.CaseView;

/**
 * 受理信息: every field taken in at the window, labelled as the rulebook labels it (composite fields such as
 * 法定代表人信息 with their parts indented), then the case's own facts (channel, phone, amounts). Values are
 * selectable for copying; ID numbers stay masked unless the person chose to show them.
 */
final class CaseFieldsTab extends JPanel {
    private final ScrollablePanel content = new ScrollablePanel(new GridBagLayout(), false);
    private int row;

    CaseFieldsTab() {
        super(new BorderLayout());
        setName("case.tab.fields");
        content.setName("case.fields");
        content.setBorder(BorderFactory.createEmptyBorder(10, 12, 10, 12));
        JScrollPane sp = new JScrollPane(content);
        sp.getVerticalScrollBar().setUnitIncrement(24);
        sp.getViewport().setBackground(content.getBackground());
        add(sp, BorderLayout.CENTER);
    }

    void show(CaseView v, ServiceItem item, boolean fullIds) {
        content.removeAll();
        row = 0;
        Map<String, String> f = v.fields();
        if (item != null) {
            for (FieldSpec spec : item.requiredFields()) {
                if (spec.composite()) {
                    group(spec.label());
                    for (FieldSpec part : spec.parts()) {
                        field(part, f.get(part.key()), fullIds, 24);
                    }
                } else {
                    field(spec, f.get(spec.key()), fullIds, 0);
                }
            }
        } else {
            f.forEach((k, val) -> line("case.field." + k, k, val, 0));
        }
        group(Texts.t("case.fields.caseFacts"));
        line("case.field.channel", Texts.t("case.fields.channel"), v.channel(), 24);
        line("case.field.applicantPhone", Texts.t("case.fields.phone"), v.applicantPhone(), 24);
        if (v.declared() != null) {
            line("case.field.declared", Texts.t("case.fields.declared"), v.declared().toYuanString(), 24);
        }
        if (v.reconciled() != null) {
            line("case.field.reconciled", Texts.t("case.fields.reconciled"), v.reconciled().toYuanString(), 24);
        }
        if (v.paid() != null) {
            line("case.field.paid", Texts.t("case.fields.paid"), v.paid().toYuanString(), 24);
        }
        // issue 13: the agent (代办人) and the payee (拨付对象); the agent's ID masked like the form's IDs
        if (v.agent() != null) {
            var a = v.agent();
            group(Texts.t("case.fields.agent"));
            line("case.field.agentName", Texts.t("case.fields.agentName"), a.name(), 24);
            line("case.field.agentId", Texts.t("case.fields.agentId"), a.idTypeLabel() + " "
                    + (fullIds ? a.idNumber() : a.idMasked()), 24);
            line("case.field.agentPhone", Texts.t("case.fields.agentPhone"), a.phone(), 24);
            line("case.field.agentRelation", Texts.t("case.fields.agentRelation"), a.relation(), 24);
            line("case.field.agentAuthorisation", Texts.t("case.fields.agentAuthorisation"), a.authorisation(), 24);
        }
        if (v.payee() != null) {
            var p = v.payee();
            line("case.field.payee", Texts.t("case.fields.payee"), p.kindLabel() + "：" + (p.name() == null ? ""
                    : p.name()) + (p.account() == null ? "" : "  " + p.account()), 24);
        }
        GridBagConstraints end = new GridBagConstraints();
        end.gridy = row;
        end.weighty = 1;
        content.add(new JLabel(), end);
        content.revalidate();
        content.repaint();
    }

    private void group(String title) {
        JLabel l = new JLabel(title);
        l.setFont(l.getFont().deriveFont(Font.BOLD));
        GridBagConstraints c = new GridBagConstraints();
        c.gridx = 0;
        c.gridy = row++;
        c.gridwidth = 2;
        c.anchor = GridBagConstraints.WEST;
        c.insets = new Insets(row == 1 ? 0 : 10, 0, 4, 0);
        content.add(l, c);
    }

    private void field(FieldSpec spec, String value, boolean fullIds, int indent) {
        String shown = value;
        if (value != null && spec.type() == FieldType.ID_NUMBER && !fullIds) {
            shown = CaseViews.mask(value);
        } else if (value != null && spec.type() == FieldType.ADMIN_DIVISION) {
            shown = org.ybdesk.core.validation.AdminDivisions.label(value); // 「370100 山东省济南市」 (D95)
        }
        line("case.field." + spec.key(), spec.label(), shown, indent);
    }

    private void line(String name, String label, String value, int indent) {
        JLabel l = new JLabel(label);
        l.setForeground(CasePanel.MUTED);
        l.setToolTipText(label);
        JTextField t = new JTextField(value == null || value.isBlank() ? Texts.t("case.value.none") : value);
        t.setName(name);
        t.setEditable(false);
        t.setBorder(BorderFactory.createEmptyBorder(2, 4, 2, 4));
        t.setOpaque(false);
        l.setLabelFor(t);
        GridBagConstraints c = new GridBagConstraints();
        c.gridx = 0;
        c.gridy = row;
        c.anchor = GridBagConstraints.NORTHWEST;
        c.insets = new Insets(3, indent, 3, 12);
        content.add(limit(l, 360), c);
        c.gridx = 1;
        c.weightx = 1;
        c.fill = GridBagConstraints.HORIZONTAL;
        c.insets = new Insets(1, 0, 1, 0);
        content.add(t, c);
        row++;
    }

    /** Long rulebook labels are cut with … (the tooltip has them whole) so values keep room. */
    private static JComponent limit(JLabel l, int width) {
        java.awt.Dimension d = l.getPreferredSize();
        if (d.width > width) {
            l.setPreferredSize(new java.awt.Dimension(width, d.height));
        }
        return l;
    }
}
