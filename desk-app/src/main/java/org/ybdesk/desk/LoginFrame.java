package org.ybdesk.desk;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Font;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.nio.file.Path;
import javax.swing.BorderFactory;
import javax.swing.ButtonGroup;
import javax.swing.JButton;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JPasswordField;
import javax.swing.JRadioButton;
import javax.swing.JTextField;
import javax.swing.WindowConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ybdesk.core.lifecycle.Actor;
import org.ybdesk.reports.Prints;
import org.ybdesk.service.Desk;
import org.ybdesk.service.Mode;
import org.ybdesk.service.SandboxSeeder;

/**
 * Login: user name and password, production or training (培训环境). On a first start with an empty data folder
 * it walks through the agency setup and the first administrator; the sandbox seeds itself with training data.
 */
public final class LoginFrame extends JFrame {
    private static final Logger LOG = LoggerFactory.getLogger(LoginFrame.class);
    private static final java.util.concurrent.atomic.AtomicBoolean PRINTS_WARMED =
            new java.util.concurrent.atomic.AtomicBoolean();
    private final Desks desks;
    private final JTextField username = new JTextField(16);
    private final JPasswordField password = new JPasswordField(16);
    private final JRadioButton production = new JRadioButton(Texts.t("login.mode.production"));
    private final JRadioButton sandbox = new JRadioButton(Texts.t("login.mode.sandbox"));
    private final JLabel message = new JLabel(" ");
    private final JLabel hint = new JLabel(" ");
    private final JButton submit = new JButton(Texts.t("login.submit"));
    /** issue 15: shows while the data is still opening, so an early Enter visibly waits instead of being lost. */
    private final javax.swing.JProgressBar progress = new javax.swing.JProgressBar();
    private int opening;

    public LoginFrame(Path dataDir, Mode mode) {
        this(new Desks(dataDir), mode);
    }

    public LoginFrame(Desks desks, Mode mode) {
        super(Texts.t("app.title"));
        this.desks = desks;
        setName("login");
        setDefaultCloseOperation(WindowConstants.EXIT_ON_CLOSE);
        username.setName("login.username");
        password.setName("login.password");
        production.setName("login.mode.production");
        sandbox.setName("login.mode.sandbox");
        submit.setName("login.submit");
        message.setName("login.message");
        hint.setName("login.hint");
        progress.setName("login.progress");
        progress.setIndeterminate(true);
        progress.setStringPainted(true);
        progress.setString(Texts.t("login.opening"));
        message.setForeground(UiSetup.OVERDUE);
        ButtonGroup g = new ButtonGroup();
        g.add(production);
        g.add(sandbox);
        (mode == Mode.SANDBOX ? sandbox : production).setSelected(true);

        JPanel form = new JPanel(new GridBagLayout());
        form.setBorder(BorderFactory.createEmptyBorder(24, 32, 24, 32));
        GridBagConstraints c = new GridBagConstraints();
        c.insets = new Insets(6, 6, 6, 6);
        c.anchor = GridBagConstraints.WEST;
        JLabel title = new JLabel(Texts.t("app.title"));
        title.setFont(UiSetup.font(Font.BOLD, 22f));
        c.gridx = 0;
        c.gridy = 0;
        c.gridwidth = 2;
        form.add(title, c);
        c.gridwidth = 1;
        c.gridy++;
        form.add(new JLabel(Texts.t("login.username")), c);
        c.gridx = 1;
        form.add(username, c);
        c.gridx = 0;
        c.gridy++;
        form.add(new JLabel(Texts.t("login.password")), c);
        c.gridx = 1;
        form.add(password, c);
        c.gridx = 0;
        c.gridy++;
        form.add(new JLabel(Texts.t("login.mode")), c);
        JPanel modes = new JPanel();
        modes.add(production);
        modes.add(sandbox);
        c.gridx = 1;
        form.add(modes, c);
        c.gridx = 0;
        c.gridy++;
        c.gridwidth = 2;
        form.add(message, c);
        c.gridy++;
        form.add(hint, c);
        c.gridy++;
        c.fill = GridBagConstraints.HORIZONTAL;
        form.add(progress, c);
        c.fill = GridBagConstraints.NONE;
        c.gridy++;
        c.anchor = GridBagConstraints.CENTER;
        form.add(submit, c);
        hint.setForeground(Color.DARK_GRAY);

        getContentPane().add(form, BorderLayout.CENTER);
        getRootPane().setDefaultButton(submit);
        submit.addActionListener(e -> login());
        username.addActionListener(e -> password.requestFocusInWindow());
        sandbox.addActionListener(e -> prepare());
        production.addActionListener(e -> prepare());
        pack();
        setLocationRelativeTo(null);
        WindowSizes.remember(this); // issue 15: fits 1366×728, resizable, its size kept
        prepare();
    }

    /** Shows a line of information above the login button (e.g. after the sandbox was reset). */
    public void notice(String text) {
        message.setForeground(new Color(0x1B5E20));
        message.setText("<html><div style='width:300px'>" + Problems.escape(text) + "</div></html>");
        pack();
        WindowSizes.fit(this);
    }

    private Mode mode() {
        return sandbox.isSelected() ? Mode.SANDBOX : Mode.PRODUCTION;
    }

    /**
     * Opens the chosen desk: on a first start of production, the setup dialog; the sandbox seeds itself and shows
     * the training accounts.
     */
    private void prepare() {
        Mode mode = mode();
        // the button stays enabled: a login pressed now queues behind the opening on the one worker (issue 15)
        opening++;
        // the sandbox's first start seeds the training data behind this bar (issue 15: progress, not a frozen window)
        progress.setString(Texts.t(mode == Mode.SANDBOX ? "login.sandbox.preparing" : "login.opening"));
        progress.setVisible(true);
        setTitle(mode == Mode.SANDBOX ? Texts.t("app.title.sandbox") : Texts.t("app.title"));
        hint.setText(mode == Mode.SANDBOX ? Texts.t("login.sandbox.preparing") : " ");
        Background.run(this, () -> {
            Desk d = desks.get(mode);
            if (mode == Mode.SANDBOX && !SandboxSeeder.isSeeded(d)) {
                desks.close(Mode.SANDBOX);
                SandboxSeeder.seed(desks.dataDir(), d.clock());
                d = desks.get(Mode.SANDBOX);
            }
            return d;
        }, d -> {
            opened();
            if (mode == Mode.SANDBOX) {
                StringBuilder sb = new StringBuilder("<html>").append(Texts.t("login.sandbox.accounts")).append("<br>");
                for (SandboxSeeder.TrainingAccount a : SandboxSeeder.ACCOUNTS) {
                    sb.append(Texts.t("login.sandbox.account", a.username(), a.password(), a.displayName()))
                            .append("<br>");
                }
                hint.setText(sb.append("</html>").toString());
                pack();
                WindowSizes.fit(this);
            } else if (d.agencyInfo().isEmpty()) {
                Desk desk = d;
                javax.swing.SwingUtilities.invokeLater(() -> {
                    SetupDialog setup = new SetupDialog(this, desk);
                    setup.setVisible(true);
                    toFront();
                    if (setup.adminUsername() != null) {
                        username.setText(setup.adminUsername());
                        password.requestFocus();
                        message.setText(Texts.t("setup.done"));
                    }
                });
            }
            if (username.getText().isEmpty()) {
                username.requestFocusInWindow();
            }
        }, e -> {
            opened();
            message.setForeground(UiSetup.OVERDUE);
            message.setText("<html><div style='width:300px'>" + String.join("<br>",
                    Problems.reasons(e).stream().map(Problems::escape).toList()) + "</div></html>");
            pack();
        });
    }

    private void opened() {
        opening = Math.max(0, opening - 1);
        if (opening == 0) {
            progress.setVisible(false);
        }
    }

    /** Whether the login waits for the data to open (tests look). */
    boolean waitingForData() {
        return progress.isVisible();
    }

    private void login() {
        Mode mode = mode();
        String u = username.getText();
        char[] p = password.getPassword();
        if (!submit.isEnabled()) {
            return; // a login is already on its way
        }
        submit.setEnabled(false);
        message.setText(" ");
        if (opening > 0) {
            progress.setVisible(true);
            pack();
        }
        Background.run(this, () -> {
            Desk d = desks.get(mode);
            Actor a = d.users().login(u, new String(p));
            return new Object[] {new Session(d, a), d.users().mustChangePassword(a.id())};
        }, r -> {
            progress.setVisible(false);
            Session s = (Session) r[0];
            if ((Boolean) r[1] && !changePassword(s, new String(p))) {
                java.util.Arrays.fill(p, '\0');
                submit.setEnabled(true);
                password.setText("");
                password.requestFocusInWindow();
                return;
            }
            java.util.Arrays.fill(p, '\0');
            new MainFrame(s, desks).setVisible(true);
            dispose();
            warmUpPrints();
        }, e -> {
            java.util.Arrays.fill(p, '\0');
            progress.setVisible(false);
            submit.setEnabled(true);
            message.setForeground(UiSetup.OVERDUE);
            message.setText("<html><div style='width:300px'>" + String.join("<br>",
                    Problems.reasons(e).stream().map(Problems::escape).toList()) + "</div></html>");
            pack();
            WindowSizes.fit(this);
            password.setText("");
            password.requestFocusInWindow();
        });
    }

    /**
     * After an administrator reset the password (issue 15): the user chooses a new one before working. Returns
     * whether it was changed (cancel: back to the login). Every problem is shown at once; the dialog stays open.
     */
    private boolean changePassword(Session s, String old) {
        javax.swing.JPasswordField p1 = new javax.swing.JPasswordField(16);
        javax.swing.JPasswordField p2 = new javax.swing.JPasswordField(16);
        p1.setName("changePassword.new");
        p2.setName("changePassword.repeat");
        while (true) {
            JPanel panel = new JPanel(new java.awt.GridLayout(0, 2, 6, 6));
            panel.add(new JLabel(Texts.t("changePassword.new")));
            panel.add(p1);
            panel.add(new JLabel(Texts.t("changePassword.repeat")));
            panel.add(p2);
            int ok = javax.swing.JOptionPane.showConfirmDialog(this, new Object[] {Texts.t("changePassword.why"),
                    panel}, Texts.t("changePassword.title"), javax.swing.JOptionPane.OK_CANCEL_OPTION,
                    javax.swing.JOptionPane.PLAIN_MESSAGE);
            if (ok != javax.swing.JOptionPane.OK_OPTION) {
                return false;
            }
            try {
                // a short bcrypt check and one write: the dialog's answer is needed before the window opens
                s.desk().users().changePassword(s.actor(), old, new String(p1.getPassword()),
                        new String(p2.getPassword()));
                return true;
            } catch (RuntimeException e) {
                Problems.show(this, e);
            }
        }
    }

    /**
     * Loads the print templates and fonts on a daemon thread of its own (not the {@code Background} worker, whose
     * queue is the clerk's work), so the first print of the session does not pay for them. A failure only costs
     * that speed-up: the first print then loads them itself. Once per process (a second login finds them loaded).
     */
    static void warmUpPrints() {
        if (!PRINTS_WARMED.compareAndSet(false, true)) {
            return;
        }
        Thread t = new Thread(() -> {
            try {
                Prints.warmUp();
            } catch (RuntimeException | LinkageError e) {
                LOG.warn("Warming up the prints failed; the first print will load the templates itself", e);
            }
        }, "prints-warm-up");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }
}
