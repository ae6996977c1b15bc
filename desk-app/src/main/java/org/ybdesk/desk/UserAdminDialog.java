package org.ybdesk.desk;

import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.awt.Window;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JPasswordField;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.JTextField;
import javax.swing.ListSelectionModel;
import javax.swing.table.DefaultTableModel;
import org.ybdesk.core.i18n.Messages;
import org.ybdesk.core.lifecycle.Role;
import org.ybdesk.service.Desk;
import org.ybdesk.service.ServiceException;
import org.ybdesk.service.UserService;

/**
 * 用户管理 (administrators, issue 15): the desk's users with their roles and state; add a user (a person: the staff
 * member's ID number is required, D72), disable/enable, lift a lockout, reset a password (the user chooses a new one
 * at the next login), set roles, and the idle time after which windows lock themselves. Every change goes through
 * {@link UserService} — the same calls and checks as {@code ybdesk user …}.
 */
final class UserAdminDialog extends JDialog {
    private final Session session;
    private final DefaultTableModel model = new DefaultTableModel(new Object[] {Texts.t("users.col.username"),
            Texts.t("users.col.name"), Texts.t("users.col.roles"), Texts.t("users.col.state"),
            Texts.t("users.col.personId")}, 0) {
        @Override
        public boolean isCellEditable(int row, int column) {
            return false;
        }
    };
    private final JTable table = new JTable(model);
    private final JLabel message = new JLabel(" ");
    private final JTextField idle = new JTextField(4);
    private final Runnable idleChanged;
    private List<UserService.UserView> users = List.of();

    UserAdminDialog(Window owner, Session session, Runnable idleChanged) {
        super(owner, Texts.t("users.title"), ModalityType.APPLICATION_MODAL);
        this.session = session;
        this.idleChanged = idleChanged;
        setName("users");
        table.setName("users.table");
        table.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        table.setRowHeight(26);
        message.setName("users.message");
        idle.setName("users.idle");

        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.LEFT, 6, 0));
        buttons.add(button("users.add", this::addUser));
        buttons.add(button("users.toggleActive", this::toggleActive));
        buttons.add(button("users.unlock", this::unlock));
        buttons.add(button("users.resetPassword", this::resetPassword));
        buttons.add(button("users.roles", this::setRoles));

        JPanel idleRow = new JPanel(new FlowLayout(FlowLayout.LEFT, 6, 0));
        idleRow.add(new JLabel(Texts.t("users.idle.label")));
        idleRow.add(idle);
        idleRow.add(new JLabel(Texts.t("users.idle.unit")));
        idleRow.add(button("users.idle.save", this::saveIdle));

        JPanel south = new JPanel(new BorderLayout(0, 6));
        south.add(idleRow, BorderLayout.NORTH);
        south.add(message, BorderLayout.CENTER);
        JButton close = button("users.close", this::dispose);
        JPanel closeRow = new JPanel(new FlowLayout(FlowLayout.RIGHT));
        closeRow.add(close);
        south.add(closeRow, BorderLayout.SOUTH);

        JPanel p = new JPanel(new BorderLayout(0, 8));
        p.setBorder(BorderFactory.createEmptyBorder(12, 12, 12, 12));
        p.add(buttons, BorderLayout.NORTH);
        JScrollPane scroll = new JScrollPane(table);
        scroll.setPreferredSize(new Dimension(820, 300));
        p.add(scroll, BorderLayout.CENTER);
        p.add(south, BorderLayout.SOUTH);
        setContentPane(p);
        getRootPane().registerKeyboardAction(e -> dispose(), javax.swing.KeyStroke.getKeyStroke("ESCAPE"),
                JComponent.WHEN_IN_FOCUSED_WINDOW);
        pack();
        setMinimumSize(new Dimension(640, 420));
        setLocationRelativeTo(owner);
        WindowSizes.remember(this); // issue 15: fits 1366×728, resizable, its size kept
        reload(null);
    }

    private JButton button(String key, Runnable r) {
        JButton b = new JButton(Texts.t(key));
        b.setName(key);
        b.addActionListener(e -> r.run());
        return b;
    }

    private Desk desk() {
        return session.desk();
    }

    /** Reads the users again (off the event thread) and shows {@code note} (green) when not null. */
    void reload(String note) {
        Background.run(this, () -> new Object[] {desk().users().list(), desk().users().idleLockMinutes()}, r -> {
            @SuppressWarnings("unchecked")
            List<UserService.UserView> list = (List<UserService.UserView>) r[0];
            String selected = selected() == null ? null : selected().username();
            users = list;
            model.setRowCount(0);
            for (UserService.UserView u : list) {
                model.addRow(new Object[] {u.username(), u.displayName(), roles(u.roles()), state(u),
                        u.personId() == null ? Texts.t("users.personId.none") : u.personId()});
            }
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i).username().equals(selected)) {
                    table.setRowSelectionInterval(i, i);
                }
            }
            idle.setText(String.valueOf(r[1]));
            if (note != null) {
                message.setForeground(new java.awt.Color(0x1B5E20));
                message.setText(note);
            }
        });
    }

    static String roles(Set<Role> roles) {
        return Messages.joinList(roles.stream().sorted().map(Role::label).toList());
    }

    private String state(UserService.UserView u) {
        if (!u.active()) {
            return Texts.t("users.state.disabled");
        }
        if (u.lockedUntil() != null && u.lockedUntil().isAfter(desk().now())) {
            return Texts.t("users.state.locked", u.lockedUntil().atZoneSameInstant(Desk.ZONE)
                    .format(java.time.format.DateTimeFormatter.ofPattern("HH:mm")));
        }
        return Texts.t("users.state.active");
    }

    private UserService.UserView selected() {
        int row = table.getSelectedRow();
        return row < 0 || row >= users.size() ? null : users.get(row);
    }

    private UserService.UserView requireSelected() {
        UserService.UserView u = selected();
        if (u == null) {
            problem(List.of(Texts.t("users.select")));
        }
        return u;
    }

    private void problem(List<String> reasons) {
        message.setForeground(UiSetup.OVERDUE);
        message.setText("<html>" + String.join("<br>", reasons.stream().map(Problems::escape).toList()) + "</html>");
    }

    /** Runs a change off the event thread; then reloads with {@code done}'s note, or shows every problem. */
    private void change(Supplier<Object> work, String note) {
        Background.run(this, work, r -> reload(note), e -> problem(Problems.reasons(e)));
    }

    private void toggleActive() {
        UserService.UserView u = requireSelected();
        if (u != null) {
            boolean enable = !u.active();
            change(() -> desk().users().setActive(u.username(), enable, session.actor()),
                    Texts.t(enable ? "users.enabled" : "users.disabled", u.username()));
        }
    }

    private void unlock() {
        UserService.UserView u = requireSelected();
        if (u != null) {
            change(() -> desk().users().unlock(u.username(), session.actor()), Texts.t("users.unlocked", u.username()));
        }
    }

    private void saveIdle() {
        String v = idle.getText();
        Background.run(this, () -> {
            desk().users().setIdleLockMinutes(v, session.actor());
            return null;
        }, r -> {
            idleChanged.run();
            reload(Texts.t("users.idle.saved", v.trim()));
        }, e -> problem(Problems.reasons(e)));
    }

    private void resetPassword() {
        UserService.UserView u = requireSelected();
        if (u == null) {
            return;
        }
        JPasswordField p1 = new JPasswordField(16);
        JPasswordField p2 = new JPasswordField(16);
        p1.setName("reset.password");
        p2.setName("reset.password2");
        new Form(this, "reset", Texts.t("users.reset.title", u.username()), new String[] {"users.form.password",
                "users.form.password2"}, new JComponent[] {p1, p2}, () -> {
            String a = new String(p1.getPassword());
            if (!a.equals(new String(p2.getPassword()))) {
                throw new ServiceException(Texts.t("users.form.passwordMismatch"));
            }
            desk().users().resetPassword(u.username(), a, session.actor());
        }, () -> reload(Texts.t("users.reset.done", u.username()))).setVisible(true);
    }

    private void setRoles() {
        UserService.UserView u = requireSelected();
        if (u == null) {
            return;
        }
        Map<Role, JCheckBox> boxes = roleBoxes("rolesForm", u.roles());
        new Form(this, "rolesForm", Texts.t("users.roles.title", u.username()), new String[] {"users.form.roles"},
                new JComponent[] {rolePanel(boxes)}, () -> desk().users().update(u.username(), chosen(boxes), null,
                session.actor()), () -> reload(Texts.t("users.roles.done", u.username()))).setVisible(true);
    }

    void addUser() {
        JTextField username = new JTextField(16);
        JTextField name = new JTextField(16);
        JTextField personId = new JTextField(20);
        JPasswordField p1 = new JPasswordField(16);
        JPasswordField p2 = new JPasswordField(16);
        username.setName("userForm.username");
        name.setName("userForm.displayName");
        personId.setName("userForm.personId");
        p1.setName("userForm.password");
        p2.setName("userForm.password2");
        Map<Role, JCheckBox> boxes = roleBoxes("userForm", Set.of());
        new Form(this, "userForm", Texts.t("users.add.title"), new String[] {"users.form.username",
                "users.form.displayName", "users.form.personId", "users.form.password", "users.form.password2",
                "users.form.roles"}, new JComponent[] {username, name, personId, p1, p2, rolePanel(boxes)}, () -> {
            String a = new String(p1.getPassword());
            var problems = new java.util.ArrayList<>(desk().users().addProblems(username.getText(), name.getText(), a,
                    chosen(boxes), personId.getText(), session.actor()));
            if (!a.equals(new String(p2.getPassword()))) {
                problems.add(Texts.t("users.form.passwordMismatch"));
            }
            if (!problems.isEmpty()) {
                throw new ServiceException(problems);
            }
            desk().users().add(username.getText(), name.getText(), a, chosen(boxes), personId.getText(),
                    session.actor());
        }, () -> reload(Texts.t("users.added", username.getText().trim()))).setVisible(true);
    }

    private static Map<Role, JCheckBox> roleBoxes(String prefix, Set<Role> checked) {
        Map<Role, JCheckBox> m = new EnumMap<>(Role.class);
        for (Role r : Role.values()) {
            JCheckBox b = new JCheckBox(r.label(), checked.contains(r));
            b.setName(prefix + ".role." + r.name());
            m.put(r, b);
        }
        return m;
    }

    private static JComponent rolePanel(Map<Role, JCheckBox> boxes) {
        JPanel p = new JPanel(new java.awt.GridLayout(0, 4, 4, 2));
        boxes.values().forEach(p::add);
        return p;
    }

    private static Set<Role> chosen(Map<Role, JCheckBox> boxes) {
        Set<Role> s = EnumSet.noneOf(Role.class);
        boxes.forEach((r, b) -> {
            if (b.isSelected()) {
                s.add(r);
            }
        });
        return s;
    }

    /** A small form: labelled fields, every problem at once above the buttons, nothing typed lost on a problem. */
    static final class Form extends JDialog {
        interface Work {
            void run();
        }

        Form(JDialog owner, String name, String title, String[] labels, JComponent[] fields, Work work,
             Runnable done) {
            super(owner, title, ModalityType.APPLICATION_MODAL);
            setName(name);
            JPanel p = new JPanel(new GridBagLayout());
            p.setBorder(BorderFactory.createEmptyBorder(12, 16, 12, 16));
            GridBagConstraints c = new GridBagConstraints();
            c.insets = new Insets(4, 4, 4, 4);
            c.anchor = GridBagConstraints.WEST;
            for (int i = 0; i < labels.length; i++) {
                c.gridx = 0;
                c.gridy = i;
                c.fill = GridBagConstraints.NONE;
                p.add(new JLabel(Texts.t(labels[i])), c);
                c.gridx = 1;
                c.fill = GridBagConstraints.HORIZONTAL;
                p.add(fields[i], c);
            }
            JLabel problems = new JLabel(" ");
            problems.setName(name + ".problems");
            problems.setForeground(UiSetup.OVERDUE);
            c.gridx = 0;
            c.gridy = labels.length;
            c.gridwidth = 2;
            p.add(problems, c);
            JButton ok = new JButton(Texts.t("users.form.ok"));
            ok.setName(name + ".ok");
            JButton cancel = new JButton(Texts.t("users.form.cancel"));
            cancel.setName(name + ".cancel");
            JPanel row = new JPanel(new FlowLayout(FlowLayout.RIGHT));
            row.add(ok);
            row.add(cancel);
            c.gridy++;
            c.anchor = GridBagConstraints.EAST;
            p.add(row, c);
            setContentPane(p);
            getRootPane().setDefaultButton(ok);
            cancel.addActionListener(e -> dispose());
            ok.addActionListener(e -> {
                ok.setEnabled(false);
                Background.run(this, () -> {
                    work.run();
                    return null;
                }, r -> {
                    dispose();
                    done.run();
                }, ex -> {
                    ok.setEnabled(true);
                    problems.setText("<html>" + String.join("<br>", Problems.reasons(ex).stream()
                            .map(s -> "• " + Problems.escape(s)).toList()) + "</html>");
                    pack();
                });
            });
            pack();
            setLocationRelativeTo(owner);
            WindowSizes.remember(this);
        }
    }
}
