package org.ybdesk.desk;

import java.awt.BorderLayout;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JPasswordField;
import javax.swing.JTextField;
import org.ybdesk.core.lifecycle.Role;
import org.ybdesk.service.Desk;
import org.ybdesk.service.SetupService.AgencySetup;

/**
 * First start: the agency (code, admin division, name, signature for messages, hotline) and the first
 * administrator, checked all at once; nothing typed is lost when a field needs fixing.
 */
final class SetupDialog extends JDialog {
    private final Desk desk;
    private final JTextField code = field("setup.code", 20);
    /** 窗口号 1–99 (D117): part of every case number this desk issues. */
    private final JTextField window = field("setup.window", 4);
    private final JTextField division = field("setup.division", 8);
    private final JTextField name = field("setup.name", 28);
    private final JTextField signature = field("setup.signature", 20);
    private final JTextField hotline = field("setup.hotline", 16);
    private final JTextField adminUser = field("setup.adminUser", 16);
    private final JTextField adminName = field("setup.adminName", 12);
    private final JTextField adminPersonId = field("setup.adminPersonId", 20);
    /** Inline check of the ID number as it is typed: its problems, or that it is valid. */
    private final JLabel adminPersonIdCheck = new JLabel(" ");
    private final JPasswordField adminPassword = new JPasswordField(16);
    private final JPasswordField adminPassword2 = new JPasswordField(16);
    private final JLabel problems = new JLabel(" ");
    private String createdAdmin;

    SetupDialog(JFrame owner, Desk desk) {
        super(owner, Texts.t("setup.title"), true);
        this.desk = desk;
        setName("setup");
        adminPassword.setName("setup.adminPassword");
        adminPassword2.setName("setup.adminPassword2");
        problems.setName("setup.problems");
        adminPersonIdCheck.setName("setup.adminPersonId.check");
        adminPersonId.getDocument().addDocumentListener(new javax.swing.event.DocumentListener() {
            @Override
            public void insertUpdate(javax.swing.event.DocumentEvent e) {
                checkPersonId(false);
            }

            @Override
            public void removeUpdate(javax.swing.event.DocumentEvent e) {
                checkPersonId(false);
            }

            @Override
            public void changedUpdate(javax.swing.event.DocumentEvent e) {
                checkPersonId(false);
            }
        });
        adminPersonId.addFocusListener(new java.awt.event.FocusAdapter() {
            @Override
            public void focusLost(java.awt.event.FocusEvent e) {
                checkPersonId(true);
            }
        });
        problems.setForeground(UiSetup.OVERDUE);
        JPanel p = new JPanel(new GridBagLayout());
        p.setBorder(BorderFactory.createEmptyBorder(16, 20, 16, 20));
        GridBagConstraints c = new GridBagConstraints();
        c.insets = new Insets(4, 6, 4, 6);
        c.anchor = GridBagConstraints.WEST;
        int row = 0;
        row = section(p, c, row, Texts.t("setup.section.agency"));
        row = line(p, c, row, "setup.code", code);
        row = line(p, c, row, "setup.window", window);
        // a folder of an earlier release may have its window already (D117): shown, read off the event thread
        Background.run(this, desk::windowNo, w -> w.ifPresent(n -> {
            if (window.getText().isBlank()) {
                window.setText(String.valueOf(n));
            }
        }));
        // issue 15 (D183): the agency's division chosen by name or pinyin, the code filled in
        row = line(p, c, row, "setup.division", PlaceChooser.wrap(division, "setup.division",
                Texts.t("setup.division")));
        row = line(p, c, row, "setup.name", name);
        row = line(p, c, row, "setup.signature", signature);
        row = line(p, c, row, "setup.hotline", hotline);
        row = section(p, c, row, Texts.t("setup.section.admin"));
        row = line(p, c, row, "setup.adminUser", adminUser);
        row = line(p, c, row, "setup.adminName", adminName);
        row = line(p, c, row, "setup.adminPersonId", adminPersonId);
        c.gridx = 1;
        c.gridy = row++;
        p.add(adminPersonIdCheck, c);
        row = line(p, c, row, "setup.adminPassword", adminPassword);
        row = line(p, c, row, "setup.adminPassword2", adminPassword2);
        c.gridx = 0;
        c.gridy = row++;
        c.gridwidth = 2;
        p.add(problems, c);
        JButton ok = new JButton(Texts.t("setup.submit"));
        ok.setName("setup.submit");
        ok.addActionListener(e -> submit());
        c.gridy = row;
        c.anchor = GridBagConstraints.CENTER;
        p.add(ok, c);
        getContentPane().add(p, BorderLayout.CENTER);
        getRootPane().setDefaultButton(ok);
        pack();
        setLocationRelativeTo(owner);
        WindowSizes.remember(this); // issue 15: fits 1366×728, resizable, its size kept
    }

    /** The administrator's user name once setup succeeded, else null. */
    String adminUsername() {
        return createdAdmin;
    }

    private static JTextField field(String name, int cols) {
        JTextField f = new JTextField(cols);
        f.setName(name);
        return f;
    }

    private static int section(JPanel p, GridBagConstraints c, int row, String title) {
        c.gridx = 0;
        c.gridy = row;
        c.gridwidth = 2;
        JLabel l = new JLabel(title);
        l.setFont(UiSetup.font(java.awt.Font.BOLD, 15f));
        p.add(l, c);
        c.gridwidth = 1;
        return row + 1;
    }

    private static int line(JPanel p, GridBagConstraints c, int row, String key, JComponent field) {
        c.gridx = 0;
        c.gridy = row;
        p.add(new JLabel(Texts.t(key)), c);
        c.gridx = 1;
        p.add(field, c);
        return row + 1;
    }

    /**
     * Checks the ID number in place (pure check, no database): while typing once 18 characters are there,
     * and whenever the field is left ({@code complete}).
     */
    private void checkPersonId(boolean complete) {
        String text = adminPersonId.getText();
        String normalized = org.ybdesk.core.validation.Validators.normalizeId(text);
        if (normalized.isEmpty() || (!complete && normalized.length() < 18)) {
            adminPersonIdCheck.setText(" ");
            return;
        }
        List<String> found = desk.users().personIdProblems(text);
        adminPersonIdCheck.setForeground(found.isEmpty() ? javax.swing.UIManager.getColor("Label.foreground") : UiSetup.OVERDUE);
        adminPersonIdCheck.setText(found.isEmpty() ? Texts.t("setup.adminPersonId.ok")
                : "<html>" + String.join("<br>", found.stream().map(Problems::escape).toList()) + "</html>");
        pack();
        WindowSizes.fit(this);
    }

    /** The window number typed (full-width digits too), null when blank or not a whole number. */
    static Integer windowNumber(String text) {
        StringBuilder b = new StringBuilder();
        for (char ch : text.strip().toCharArray()) {
            b.append(ch >= '０' && ch <= '９' ? (char) (ch - '０' + '0') : ch);
        }
        String t = b.toString();
        if (!t.matches("[0-9]{1,9}")) {
            return null;
        }
        return Integer.valueOf(t);
    }

    private void submit() {
        String windowText = window.getText();
        Integer windowNo = windowNumber(windowText);
        boolean notNumber = windowNo == null && !windowText.isBlank();
        // a window that is not a number is reported as such; the other fields are still checked all at once
        String c = code.getText();
        String dv = division.getText();
        String nm = name.getText();
        String sg = signature.getText();
        String hl = hotline.getText();
        String u = adminUser.getText();
        String n = adminName.getText();
        String id = adminPersonId.getText();
        String pw = new String(adminPassword.getPassword());
        String pw2 = new String(adminPassword2.getPassword());
        Background.run(this, () -> {
            AgencySetup setup = new AgencySetup(c, dv, nm, sg, hl, notNumber ? desk.windowNo().orElse(1) : windowNo);
            List<String> all = new ArrayList<>(desk.setup().agencyProblems(setup));
            if (notNumber) {
                all.add(Texts.t("setup.window.notNumber", windowText.strip()));
            }
            all.addAll(desk.users().addProblems(u, n, pw, EnumSet.of(Role.ADMIN), id, null));
            if (!pw.equals(pw2)) {
                all.add(Texts.t("setup.password.mismatch"));
            }
            if (all.isEmpty()) {
                desk.setup().initAgency(setup, null);
                desk.users().add(u, n, pw, EnumSet.of(Role.ADMIN), id, null);
            }
            return all;
        }, all -> {
            if (all.isEmpty()) {
                createdAdmin = u.trim();
                dispose();
            } else {
                problems.setText("<html>• " + String.join("<br>• ", all.stream().map(Problems::escape).toList())
                        + "</html>");
                pack();
                WindowSizes.fit(this);
            }
        });
    }
}
