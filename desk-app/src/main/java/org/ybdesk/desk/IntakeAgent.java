package org.ybdesk.desk;

import java.awt.Color;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.util.ArrayList;
import java.util.List;
import javax.swing.BorderFactory;
import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTextField;
import org.ybdesk.core.catalog.ApplicantKind;
import org.ybdesk.core.catalog.ItemGroup;
import org.ybdesk.core.catalog.ServiceItem;
import org.ybdesk.core.registry.IdType;
import org.ybdesk.service.CaseService;
import org.ybdesk.service.PayeeKind;

/**
 * The 代办人 section of the intake's applicant step (issue 13): 「代他人申报」 opens the agent's ID type, ID number,
 * name, phone, relationship and authorisation material; for maternity items the 拨付对象 (个人/单位). Only what the
 * clerk typed is kept — the service checks it with the rest of the application, and nothing typed here is cleared
 * when it refuses.
 */
final class IntakeAgent extends JPanel {
    /** The relationships and authorisation materials the service accepts (ProxyIntake, D140). */
    static final List<String> RELATIONS = org.ybdesk.service.AgentVocabulary.relations();
    static final List<String> AUTHORISATIONS = org.ybdesk.service.AgentVocabulary.authorisations();

    private final JCheckBox enabled = new JCheckBox(Texts.t("intake.agent.enabled"));
    private final JComboBox<String> idType;
    private final JTextField id = new JTextField();
    private final JTextField name = new JTextField();
    private final JTextField phone = new JTextField();
    private final JComboBox<String> relation = IntakeKeys.choiceBox(RELATIONS);
    private final JComboBox<String> authorisation = IntakeKeys.choiceBox(AUTHORISATIONS);
    private final JPanel fields = new JPanel(new GridBagLayout());
    private final JLabel payToLabel = new JLabel(Texts.t("intake.payTo"));
    private final JComboBox<String> payTo = IntakeKeys.choiceBox(List.of(Texts.t("intake.payTo.person"),
            Texts.t("intake.payTo.unit")));
    private ServiceItem item;

    IntakeAgent() {
        super(new GridBagLayout());
        setName("intake.agentSection");
        List<String> types = new ArrayList<>();
        for (IdType t : IdType.values()) {
            types.add(t.label());
        }
        idType = IntakeKeys.choiceBox(types);
        idType.setSelectedIndex(0);
        enabled.setName("intake.agent.enabled");
        enabled.setToolTipText(Texts.t("intake.agent.enabled.tooltip"));
        idType.setName("intake.agent.idType");
        id.setName("intake.agent.id");
        id.putClientProperty("JTextField.placeholderText", Texts.t("intake.agent.id.placeholder"));
        name.setName("intake.agent.name");
        phone.setName("intake.agent.phone");
        relation.setName("intake.agent.relation");
        authorisation.setName("intake.agent.authorisation");
        authorisation.setToolTipText(Texts.t("intake.agent.authorisation.tooltip"));
        payTo.setName("intake.payTo");
        payTo.setToolTipText(Texts.t("intake.payTo.tooltip"));
        setBorder(BorderFactory.createCompoundBorder(BorderFactory.createMatteBorder(1, 0, 0, 0,
                new Color(0xD0D7DE)), BorderFactory.createEmptyBorder(6, 0, 0, 0)));

        GridBagConstraints g = new GridBagConstraints();
        g.insets = new Insets(2, 0, 2, 8);
        g.anchor = GridBagConstraints.WEST;
        g.fill = GridBagConstraints.HORIZONTAL;
        int r = 0;
        row(fields, g, r++, "intake.agent.idType", idType);
        row(fields, g, r++, "intake.agent.id", id);
        row(fields, g, r++, "intake.agent.name", name);
        row(fields, g, r++, "intake.agent.phone", phone);
        row(fields, g, r++, "intake.agent.relation", relation);
        row(fields, g, r, "intake.agent.authorisation", authorisation);
        fields.setVisible(false);

        GridBagConstraints o = new GridBagConstraints();
        o.gridx = 0;
        o.gridy = 0;
        o.gridwidth = 2;
        o.weightx = 1;
        o.anchor = GridBagConstraints.WEST;
        o.fill = GridBagConstraints.HORIZONTAL;
        add(enabled, o);
        o.gridy = 1;
        add(fields, o);
        o.gridy = 2;
        o.gridwidth = 1;
        o.weightx = 0;
        o.insets = new Insets(4, 0, 2, 8);
        payToLabel.setLabelFor(payTo);
        add(payToLabel, o);
        o.gridx = 1;
        o.weightx = 1;
        add(payTo, o);
        enabled.addActionListener(e -> {
            fields.setVisible(enabled.isSelected());
            revalidate();
            repaint();
            if (enabled.isSelected()) {
                id.requestFocusInWindow();
            }
        });
        setItem(null);
    }

    private static void row(JPanel p, GridBagConstraints g, int row, String key, JComponent field) {
        JLabel l = new JLabel(Texts.t(key));
        l.setLabelFor(field);
        g.gridy = row;
        g.gridx = 0;
        g.weightx = 0;
        p.add(l, g);
        g.gridx = 1;
        g.weightx = 1;
        p.add(field, g);
    }

    /** Agents act for persons only; the 拨付对象 is chosen on maternity items. Keeps what was typed. */
    void setItem(ServiceItem item) {
        this.item = item;
        boolean person = item == null || item.applicantKind() == ApplicantKind.PERSON;
        enabled.setVisible(person);
        fields.setVisible(person && enabled.isSelected());
        boolean maternity = item != null && item.group() == ItemGroup.MATERNITY;
        payToLabel.setVisible(maternity);
        payTo.setVisible(maternity);
        revalidate();
    }

    boolean hasInput() {
        return enabled.isSelected() && (!id.getText().isBlank() || !name.getText().isBlank()
                || !phone.getText().isBlank());
    }

    /** The application with the agent (when 「代他人申报」 is ticked on a person's item) and the chosen 拨付对象. */
    CaseService.NewCase apply(CaseService.NewCase req) {
        CaseService.NewCase out = req;
        boolean person = item == null || item.applicantKind() == ApplicantKind.PERSON;
        if (person && enabled.isSelected()) {
            out = out.with(out.circumstances().withAgent(new CaseService.Agent(
                    IdType.fromLabel((String) idType.getSelectedItem()).orElse(IdType.RESIDENT_ID),
                    id.getText().strip(), name.getText().strip(), phone.getText().strip(),
                    (String) relation.getSelectedItem(), (String) authorisation.getSelectedItem())));
        }
        if (item != null && item.group() == ItemGroup.MATERNITY && payTo.getSelectedIndex() == 1) {
            out = out.withPayTo(PayeeKind.UNIT);
        }
        return out;
    }

    /** One line for the wizard's summary, or null without an agent. */
    String describe() {
        if (!enabled.isSelected() || !enabled.isVisible()) {
            return null;
        }
        return Texts.t("intake.agent.summary", name.getText().strip(), relation.getSelectedItem(),
                id.getText().strip(), authorisation.getSelectedItem());
    }

    /** The chosen 拨付对象 for the summary, or null where there is no choice. */
    String describePayTo() {
        return payTo.isVisible() ? (String) payTo.getSelectedItem() : null;
    }

    JCheckBox enabledBox() {
        return enabled;
    }
}
