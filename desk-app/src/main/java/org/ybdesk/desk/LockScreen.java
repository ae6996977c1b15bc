package org.ybdesk.desk;

import java.awt.AWTEvent;
import java.awt.Container;
import java.awt.Font;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.awt.Toolkit;
import java.awt.event.AWTEventListener;
import java.time.Duration;
import java.time.Instant;
import javax.swing.BorderFactory;
import javax.swing.ComponentInputMap;
import javax.swing.InputMap;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JMenuBar;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JPasswordField;
import javax.swing.JRootPane;
import javax.swing.JTextField;
import javax.swing.SwingUtilities;
import javax.swing.Timer;
import org.ybdesk.core.lifecycle.Actor;

/**
 * 锁定屏幕 and 切换用户 (issue 15): the window's content and menus are taken away (not closed: an intake in progress
 * stays as it was) and a login form takes their place. The same user unlocks and goes on where they were; another
 * user takes the window over — after being asked, when there is an unsaved intake, since it is then discarded. The
 * window locks itself after the idle time the administrator set ({@code UserService.idleLockMinutes}), measured on
 * the desk's clock from the last key or mouse event in the window, checked every few seconds.
 */
final class LockScreen {
    /** How often the idle time is looked at. */
    static final int CHECK_MILLIS = 5_000;

    private final MainFrame frame;
    private final JPanel panel = new JPanel(new GridBagLayout());
    private final JLabel who = new JLabel(" ");
    private final JTextField username = new JTextField(16);
    private final JPasswordField password = new JPasswordField(16);
    private final JLabel message = new JLabel(" ");
    private final JButton submit = new JButton(Texts.t("lock.submit"));
    private final Timer timer;
    private final AWTEventListener activity;
    private Container savedContent;
    private JMenuBar savedMenus;
    private InputMap savedKeys;
    private volatile Instant lastActivity;
    private volatile Duration idleLimit = Duration.ofMinutes(org.ybdesk.service.UserService.IDLE_LOCK_DEFAULT_MINUTES);

    LockScreen(MainFrame frame) {
        this.frame = frame;
        panel.setName("lock");
        who.setName("lock.who");
        username.setName("lock.username");
        password.setName("lock.password");
        submit.setName("lock.submit");
        message.setName("lock.message");
        message.setForeground(UiSetup.OVERDUE);
        GridBagConstraints c = new GridBagConstraints();
        c.insets = new Insets(6, 6, 6, 6);
        c.anchor = GridBagConstraints.WEST;
        JLabel title = new JLabel(Texts.t("lock.title"));
        title.setFont(UiSetup.font(Font.BOLD, 22f));
        c.gridx = 0;
        c.gridy = 0;
        c.gridwidth = 2;
        panel.add(title, c);
        c.gridy++;
        panel.add(who, c);
        c.gridwidth = 1;
        c.gridy++;
        panel.add(new JLabel(Texts.t("login.username")), c);
        c.gridx = 1;
        panel.add(username, c);
        c.gridx = 0;
        c.gridy++;
        panel.add(new JLabel(Texts.t("login.password")), c);
        c.gridx = 1;
        panel.add(password, c);
        c.gridx = 0;
        c.gridy++;
        c.gridwidth = 2;
        panel.add(message, c);
        c.gridy++;
        c.anchor = GridBagConstraints.CENTER;
        panel.add(submit, c);
        panel.setBorder(BorderFactory.createEmptyBorder(24, 24, 24, 24));
        submit.addActionListener(e -> submit());
        username.addActionListener(e -> password.requestFocusInWindow());
        password.addActionListener(e -> submit());

        lastActivity = frame.session().desk().clock().instant();
        activity = e -> {
            if (e.getSource() instanceof java.awt.Component src && SwingUtilities.getWindowAncestor(src) == frame
                    || e.getSource() == frame) {
                lastActivity = frame.session().desk().clock().instant();
            }
        };
        Toolkit.getDefaultToolkit().addAWTEventListener(activity, AWTEvent.KEY_EVENT_MASK | AWTEvent.MOUSE_EVENT_MASK
                | AWTEvent.MOUSE_WHEEL_EVENT_MASK);
        timer = new Timer(CHECK_MILLIS, e -> checkIdle());
        timer.start();
    }

    /** The idle time after which the window locks itself (read from the settings after login and on a change). */
    void idleLimit(Duration limit) {
        this.idleLimit = limit;
    }

    boolean locked() {
        return savedContent != null;
    }

    /** Locks when nothing was typed or clicked for the idle time (the timer calls this; tests call it directly). */
    void checkIdle() {
        if (!locked() && frame.isShowing() && Duration.between(lastActivity, frame.session().desk().clock().instant())
                .compareTo(idleLimit) >= 0) {
            lock(true, false);
        }
    }

    /**
     * Takes the content and menus away and shows the form. {@code switching}: the user field starts empty for
     * another person; otherwise it holds the current user's name and the password has the focus.
     */
    void lock(boolean idle, boolean switching) {
        Background.onEdt();
        if (locked()) {
            return;
        }
        Actor actor = frame.session().actor();
        savedContent = frame.getContentPane();
        savedMenus = frame.getJMenuBar();
        JRootPane root = frame.getRootPane();
        savedKeys = root.getInputMap(JComponent.WHEN_IN_FOCUSED_WINDOW);
        root.setInputMap(JComponent.WHEN_IN_FOCUSED_WINDOW, new ComponentInputMap(root));
        frame.setJMenuBar(null);
        frame.setContentPane(panel);
        who.setText(Texts.t(switching ? "lock.who.switch" : idle ? "lock.who.idle" : "lock.who", actor.name()));
        message.setText(" ");
        password.setText("");
        submit.setEnabled(true);
        frame.revalidate();
        frame.repaint();
        Background.run(frame, () -> {
            frame.session().desk().users().screenLocked(actor, idle);
            return frame.session().desk().users().username(actor.id());
        }, u -> {
            username.setText(switching ? "" : u);
            (switching ? username : password).requestFocusInWindow();
        }, e -> (switching ? username : password).requestFocusInWindow());
    }

    private void submit() {
        Actor from = frame.session().actor();
        String u = username.getText() == null ? "" : username.getText().trim();
        char[] p = password.getPassword();
        Background.run(frame, () -> frame.session().desk().users().username(from.id()), current -> {
            boolean other = !u.equals(current);
            if (other && frame.hasUnsavedIntake()) {
                int ok = JOptionPane.showConfirmDialog(frame, Texts.t("lock.switch.discard", from.name()),
                        Texts.t("lock.switch.title"), JOptionPane.OK_CANCEL_OPTION, JOptionPane.WARNING_MESSAGE);
                if (ok != JOptionPane.OK_OPTION) {
                    java.util.Arrays.fill(p, '\0');
                    return;
                }
            }
            submit.setEnabled(false);
            Background.run(frame, () -> frame.session().desk().users().takeOver(from, u, new String(p)), to -> {
                java.util.Arrays.fill(p, '\0');
                unlock(to);
            }, e -> {
                java.util.Arrays.fill(p, '\0');
                submit.setEnabled(true);
                message.setText("<html>" + String.join("<br>", Problems.reasons(e).stream().map(Problems::escape)
                        .toList()) + "</html>");
                password.setText("");
                password.requestFocusInWindow();
            });
        });
    }

    private void unlock(Actor to) {
        boolean other = to.id() != frame.session().actor().id();
        frame.setContentPane(savedContent);
        frame.setJMenuBar(savedMenus);
        frame.getRootPane().setInputMap(JComponent.WHEN_IN_FOCUSED_WINDOW, savedKeys);
        savedContent = null;
        savedMenus = null;
        savedKeys = null;
        lastActivity = frame.session().desk().clock().instant();
        password.setText("");
        frame.revalidate();
        frame.repaint();
        if (other) {
            frame.switchedTo(to);
        }
    }

    void close() {
        timer.stop();
        Toolkit.getDefaultToolkit().removeAWTEventListener(activity);
    }
}
