package org.ybdesk.desk;

import java.awt.BorderLayout;
import java.awt.CardLayout;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.event.ActionEvent;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import javax.swing.AbstractAction;
import javax.swing.Action;
import javax.swing.BorderFactory;
import javax.swing.Box;
import javax.swing.BoxLayout;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JMenu;
import javax.swing.JMenuBar;
import javax.swing.JMenuItem;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JProgressBar;
import javax.swing.JTextField;
import javax.swing.KeyStroke;
import javax.swing.SwingConstants;
import javax.swing.WindowConstants;
import org.ybdesk.core.lifecycle.Role;
import org.ybdesk.service.Mode;
import org.ybdesk.service.SandboxSeeder;

/**
 * The main window: navigation on the left, search on top, the workbench or a case in the middle, the status bar at
 * the bottom; in the sandbox a full-width amber 培训环境 banner that cannot be hidden.
 */
public final class MainFrame extends JFrame {
    private final Session session;
    private final Desks desks;
    private final CardLayout cards = new CardLayout();
    private final JPanel content = new JPanel(cards);
    private final WorkbenchPanel workbench;
    private final SearchPanel searchPanel;
    private final JTextField search = new JTextField(30);
    private final JLabel status = new JLabel();
    private final JLabel calendarStatus = new JLabel();
    private final JLabel backupStatus = new JLabel();
    /** The daily backup runs on a thread of its own so the clerk's work never queues behind it. */
    private final java.util.concurrent.ScheduledExecutorService backups =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "desk-daily-backup");
                t.setDaemon(true);
                return t;
            });
    private final SyncUi sync;
    private final JProgressBar busy = new JProgressBar();
    private final JMenuItem[] caseItems = new JMenuItem[3];
    private JComponent current;
    /** F2 from every screen, and the keys typed right after it (issue 15, D184). */
    private final FrameKeys keys = new FrameKeys(this, this::newCase);
    /** What the window does when the clerk closes it and agrees (tests close it without ending the JVM). */
    int closeOperation = WindowConstants.EXIT_ON_CLOSE;
    private final java.util.concurrent.atomic.AtomicBoolean recountPending = new java.util.concurrent.atomic.AtomicBoolean();
    private Runnable stopListening = () -> { };
    /** issue 15: lock screen, 切换用户 and the idle lock. */
    private final LockScreen lock;
    private JComponent nav;

    public MainFrame(Session session, Desks desks) {
        super(session.sandbox() ? Texts.t("app.title.sandbox") : Texts.t("app.title"));
        this.session = session;
        this.desks = desks;
        setName("main");
        setDefaultCloseOperation(WindowConstants.EXIT_ON_CLOSE);
        // issue 15: closing the window mid-intake asks first (the listeners run before the close operation)
        addWindowListener(new java.awt.event.WindowAdapter() {
            @Override
            public void windowClosing(java.awt.event.WindowEvent e) {
                setDefaultCloseOperation(mayClose() ? closeOperation : WindowConstants.DO_NOTHING_ON_CLOSE);
            }
        });
        // issue 15: fits 1366×728 (a taskbar below 768) and comes back at the size the clerk gave it
        setMinimumSize(new Dimension(1000, 600));
        setSize(1340, 728);

        workbench = new WorkbenchPanel(this);
        searchPanel = new SearchPanel(this);
        sync = new SyncUi(this);
        content.add(workbench, "workbench");
        content.add(searchPanel, "search");

        JPanel north = new JPanel(new BorderLayout());
        if (session.sandbox()) {
            JLabel banner = new JLabel(Texts.t("sandbox.banner"), SwingConstants.CENTER);
            banner.setName("sandbox.banner");
            banner.setOpaque(true);
            banner.setBackground(UiSetup.SANDBOX_BANNER);
            banner.setForeground(Color.BLACK);
            banner.setFont(UiSetup.font(Font.BOLD, 16f));
            banner.setBorder(BorderFactory.createEmptyBorder(6, 0, 6, 0));
            north.add(banner, BorderLayout.NORTH);
        }
        JPanel searchBar = new JPanel(new BorderLayout(8, 0));
        searchBar.setBorder(BorderFactory.createEmptyBorder(8, 12, 4, 12));
        search.setName("search.box");
        search.putClientProperty("JTextField.placeholderText", Texts.t("search.placeholder"));
        search.setToolTipText(Texts.t("search.tooltip"));
        search.addActionListener(e -> searchFor(search.getText()));
        searchBar.add(new JLabel(Texts.t("search.label")), BorderLayout.WEST);
        searchBar.add(search, BorderLayout.CENTER);
        north.add(searchBar, BorderLayout.SOUTH);

        getContentPane().setLayout(new BorderLayout());
        getContentPane().add(north, BorderLayout.NORTH);
        nav = navigation();
        getContentPane().add(nav, BorderLayout.WEST);
        getContentPane().add(content, BorderLayout.CENTER);
        getContentPane().add(statusBar(), BorderLayout.SOUTH);
        setJMenuBar(menus());
        Background.setIndicator(b -> {
            busy.setIndeterminate(b);
            busy.setVisible(b);
        });
        setLocationRelativeTo(null);
        WindowSizes.useFolder(desks.dataDir());
        WindowSizes.remember(this);
        keys.install();
        // issue 15, D186: 待上传 and the workbench counts follow each commit, whoever made it
        stopListening = session.desk().onCommit(this::committed);
        workbench.refresh();
        updateStatus();
        if (!session.sandbox()) {
            backups.scheduleWithFixedDelay(this::dailyBackup, 1, 30, java.util.concurrent.TimeUnit.MINUTES);
        }
        lock = new LockScreen(this);
        readIdleLimit();
    }

    /** Reads the administrator's idle lock time (issue 15). */
    void readIdleLimit() {
        Background.run(this, () -> session.desk().users().idleLockMinutes(),
                m -> lock.idleLimit(java.time.Duration.ofMinutes(m)));
    }

    LockScreen lockScreen() {
        return lock;
    }

    /** Whether an intake with typed input is on show (lock and switch keep it for its user, ask for another). */
    boolean hasUnsavedIntake() {
        return current instanceof IntakePanel intake && intake.hasInput();
    }

    /** Another person took the window over at the lock screen: their menus, their workbench. */
    void switchedTo(org.ybdesk.core.lifecycle.Actor to) {
        session.switchTo(to);
        if (current instanceof IntakePanel) {
            content.remove(current);
            current = null;
        }
        getContentPane().remove(nav);
        nav = navigation();
        getContentPane().add(nav, BorderLayout.WEST);
        setJMenuBar(menus());
        revalidate();
        showHome();
        updateStatus();
    }

    /** Takes the automatic daily backup when one is due, then shows it in the status bar. */
    private void dailyBackup() {
        try {
            if (session.desk().backups().dailyIfDue().isPresent()) {
                javax.swing.SwingUtilities.invokeLater(this::updateStatus);
            }
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(MainFrame.class).warn("daily backup failed", e);
            javax.swing.SwingUtilities.invokeLater(() -> backupStatus.setText(Texts.t("status.backup.failed")));
        }
    }

    public Session session() {
        return session;
    }

    java.nio.file.Path dataDir() {
        return desks.dataDir();
    }

    /** Whether the window may close: mid-intake only when the clerk agrees to lose what is typed. */
    boolean mayClose() {
        if (current instanceof IntakePanel intake && intake.hasInput()) {
            return JOptionPane.showConfirmDialog(this, Texts.t("intake.close.confirm"), Texts.t("intake.close.title"),
                    JOptionPane.OK_CANCEL_OPTION, JOptionPane.WARNING_MESSAGE) == JOptionPane.OK_OPTION;
        }
        return true;
    }

    /** A commit (any thread): recount once on the event thread, however many commits came meanwhile (D186). */
    private void committed() {
        if (recountPending.compareAndSet(false, true)) {
            javax.swing.SwingUtilities.invokeLater(() -> {
                recountPending.set(false);
                if (!isDisplayable()) {
                    return;
                }
                sync.poke();
                if (current == null || current == workbench) {
                    workbench.refresh();
                }
            });
        }
    }

    FrameKeys keys() {
        return keys;
    }

    @Override
    public void dispose() {
        stopListening.run();
        keys.uninstall();
        backups.shutdownNow();
        if (lock != null) {
            lock.close();
        }
        sync.close();
        super.dispose();
    }

    // -------------------------------------------------------------------------------------------- navigation

    private final Action newCase = action("nav.newCase", KeyStroke.getKeyStroke(KeyEvent.VK_F2, 0), this::newCase);
    private final Action home = action("nav.workbench", KeyStroke.getKeyStroke(KeyEvent.VK_HOME, InputEvent.ALT_DOWN_MASK),
            () -> showWorkbench("mine"));
    private final Action waiting = action("nav.waiting", null, () -> showWorkbench("waiting"));
    private final Action due = action("nav.due", null, () -> showWorkbench("near"));
    private final Action overdue = action("nav.overdue", null, () -> showWorkbench("overdue"));
    private final Action searchAction = action("nav.search", KeyStroke.getKeyStroke(KeyEvent.VK_F3, 0), this::focusSearch);
    private final Action reports = action("nav.reports", null, this::showReports);
    private final Action syncAction = action("nav.sync", null, this::showSync);
    private final Action refresh = action("nav.refresh", KeyStroke.getKeyStroke(KeyEvent.VK_F5, 0), this::refresh);
    private final Action lockAction = action("menu.lock", KeyStroke.getKeyStroke(KeyEvent.VK_L, InputEvent.CTRL_DOWN_MASK),
            this::lockNow);

    /** 锁定屏幕 (Ctrl+L). */
    void lockNow() {
        lock.lock(false, false);
    }

    private Action action(String key, KeyStroke ks, Runnable r) {
        AbstractAction a = new AbstractAction(Texts.t(key)) {
            @Override
            public void actionPerformed(ActionEvent e) {
                r.run();
            }
        };
        a.putValue(Action.ACTION_COMMAND_KEY, key);
        if (ks != null) {
            a.putValue(Action.ACCELERATOR_KEY, ks);
            a.putValue(Action.SHORT_DESCRIPTION, Texts.t(key) + " (" + keyText(ks) + ")");
            getRootPane().getInputMap(JComponent.WHEN_IN_FOCUSED_WINDOW).put(ks, key);
            getRootPane().getActionMap().put(key, a);
        }
        return a;
    }

    static String keyText(KeyStroke ks) {
        String mods = InputEvent.getModifiersExText(ks.getModifiers());
        return (mods.isEmpty() ? "" : mods + "+") + KeyEvent.getKeyText(ks.getKeyCode());
    }

    private JComponent navigation() {
        JPanel nav = new JPanel();
        nav.setName("nav");
        nav.setLayout(new BoxLayout(nav, BoxLayout.Y_AXIS));
        nav.setBorder(BorderFactory.createEmptyBorder(12, 8, 12, 8));
        for (Action a : new Action[] {newCase, home, waiting, due, overdue, searchAction, reports, syncAction}) {
            nav.add(navButton(a));
            nav.add(Box.createVerticalStrut(6));
        }
        if (session.sandbox() && (session.actor().has(Role.TRAINER) || session.actor().has(Role.ADMIN))) {
            nav.add(Box.createVerticalStrut(18));
            nav.add(navButton(action("nav.sandboxReset", null, this::resetSandbox)));
        }
        nav.add(Box.createVerticalGlue());
        return nav;
    }

    private static JButton navButton(Action a) {
        JButton b = new JButton(a);
        b.setName((String) a.getValue(Action.ACTION_COMMAND_KEY));
        KeyStroke ks = (KeyStroke) a.getValue(Action.ACCELERATOR_KEY);
        if (ks != null) {
            b.setText(a.getValue(Action.NAME) + "  " + keyText(ks));
        }
        b.setHorizontalAlignment(SwingConstants.LEFT);
        b.setMaximumSize(new Dimension(Integer.MAX_VALUE, 36));
        b.setAlignmentX(0f);
        return b;
    }

    private JMenuBar menus() {
        JMenuBar bar = new JMenuBar();
        JMenu work = new JMenu(Texts.t("menu.work"));
        work.setName("menu.work");
        for (Action a : new Action[] {newCase, home, waiting, due, overdue, searchAction, refresh}) {
            JMenuItem mi = new JMenuItem(a);
            mi.setName("menu." + a.getValue(Action.ACTION_COMMAND_KEY));
            work.add(mi);
        }
        JMenu caseMenu = new JMenu(Texts.t("menu.case"));
        caseMenu.setName("menu.case");
        String[] keys = {"menu.case.accept", "menu.case.refuse", "menu.case.print"};
        for (int i = 0; i < keys.length; i++) {
            JMenuItem mi = new JMenuItem(Texts.t(keys[i]));
            mi.setName(keys[i]);
            mi.setEnabled(false);
            mi.setToolTipText(Texts.t("menu.case.hint"));
            caseMenu.add(mi);
            caseItems[i] = mi;
        }
        ((JMenuItem) caseMenu.getMenuComponent(0)).setAccelerator(KeyStroke.getKeyStroke(KeyEvent.VK_ENTER,
                InputEvent.CTRL_DOWN_MASK));
        ((JMenuItem) caseMenu.getMenuComponent(1)).setAccelerator(KeyStroke.getKeyStroke(KeyEvent.VK_R,
                InputEvent.CTRL_DOWN_MASK | InputEvent.SHIFT_DOWN_MASK));
        ((JMenuItem) caseMenu.getMenuComponent(2)).setAccelerator(KeyStroke.getKeyStroke(KeyEvent.VK_P,
                InputEvent.CTRL_DOWN_MASK));
        if (session.actor().has(Role.HEAD) || session.actor().has(Role.ADMIN)) {
            // issue 13: 停机登记 (outages and the extension of time limits) for the 负责人 and the administrator
            JMenuItem outages = new JMenuItem(Texts.t("menu.outages"));
            outages.setName("menu.outages");
            outages.addActionListener(e -> {
                OutageDialog.open(this, session.desk(), session.actor());
                refresh();
            });
            work.addSeparator();
            work.add(outages);
        }
        bar.add(work);
        bar.add(caseMenu);
        // issue 13: look-ups at the counter (定点医药机构 from the list the desk pulls)
        JMenu lookup = new JMenu(Texts.t("menu.lookup"));
        lookup.setName("menu.lookup");
        JMenuItem institutions = new JMenuItem(Texts.t("menu.lookup.institutions"));
        institutions.setName("menu.lookup.institutions");
        institutions.addActionListener(e -> {
            InstitutionLookupDialog d = new InstitutionLookupDialog(this, session);
            d.setVisible(true);
            d.search();
        });
        lookup.add(institutions);
        bar.add(lookup);
        bar.add(systemMenu());
        bar.add(helpMenu());
        return bar;
    }

    /** issue 15: 系统 — lock, switch user, and for administrators 用户管理. */
    private JMenu systemMenu() {
        JMenu m = new JMenu(Texts.t("menu.system"));
        m.setName("menu.system");
        JMenuItem lockItem = new JMenuItem(lockAction);
        lockItem.setName("menu.lock");
        m.add(lockItem);
        JMenuItem switchItem = new JMenuItem(Texts.t("menu.switchUser"));
        switchItem.setName("menu.switchUser");
        switchItem.addActionListener(e -> lock.lock(false, true));
        m.add(switchItem);
        if (session.actor().has(Role.ADMIN)) {
            JMenuItem users = new JMenuItem(Texts.t("menu.users"));
            users.setName("menu.users");
            users.addActionListener(e -> new UserAdminDialog(this, session, this::readIdleLimit).setVisible(true));
            m.addSeparator();
            m.add(users);
        }
        return m;
    }

    /** issue 15: 帮助 — 关于 and 导出诊断信息. */
    private JMenu helpMenu() {
        JMenu m = new JMenu(Texts.t("menu.help"));
        m.setName("menu.help");
        JMenuItem about = new JMenuItem(Texts.t("menu.about"));
        about.setName("menu.about");
        about.addActionListener(e -> AboutDialog.open(this, session.desk()));
        m.add(about);
        JMenuItem export = new JMenuItem(Texts.t("menu.diagnostics"));
        export.setName("menu.diagnostics");
        export.addActionListener(e -> AboutDialog.exportDiagnostics(this, session.desk()));
        m.add(export);
        return m;
    }

    private JComponent statusBar() {
        JPanel p = new JPanel(new BorderLayout(8, 0));
        p.setBorder(BorderFactory.createCompoundBorder(BorderFactory.createMatteBorder(1, 0, 0, 0, new Color(0xD0D7DE)),
                BorderFactory.createEmptyBorder(4, 10, 4, 10)));
        status.setName("status");
        busy.setName("status.busy");
        busy.setVisible(false);
        busy.setPreferredSize(new Dimension(120, 14));
        calendarStatus.setName("status.calendar");
        backupStatus.setName("status.backup");
        backupStatus.setToolTipText(Texts.t("status.backup.tip"));
        JPanel line = new JPanel(new java.awt.FlowLayout(java.awt.FlowLayout.LEFT, 0, 0));
        line.add(status);
        line.add(sync.label());
        line.add(calendarStatus);
        line.add(backupStatus);
        p.add(line, BorderLayout.CENTER);
        p.add(busy, BorderLayout.EAST);
        return p;
    }

    void updateStatus() {
        Background.run(this, () -> {
            var agency = session.desk().requireAgencyInfo();
            var years = session.desk().calendar().years();
            int lastYear = years.stream().mapToInt(Integer::intValue).max().orElse(0);
            String roles = org.ybdesk.core.i18n.Messages.joinList(session.actor().roles().stream()
                    .map(Role::label).toList());
            String backup = session.sandbox() ? "" : session.desk().backups().last()
                    .map(b -> Texts.t("status.backup", b.createdAt().atZoneSameInstant(org.ybdesk.service.Desk.ZONE)
                            .format(java.time.format.DateTimeFormatter.ofPattern("MM-dd HH:mm"))))
                    .orElse(Texts.t("status.backup.none"));
            // administrators are warned from 1 October when next year's calendar is missing (issue 10, D84)
            Integer missingYear = session.actor().has(Role.ADMIN)
                    ? session.desk().calendar().missingNextYear(session.desk().today()).orElse(null) : null;
            String missing = missingYear == null ? null
                    : org.ybdesk.core.calendar.WorkingCalendar.missingYearWarning(missingYear);
            return new String[] {Texts.t(session.sandbox() ? "status.line.sandbox" : "status.line", agency.name(),
                    session.actor().name(), roles), Texts.t("status.calendar", String.valueOf(lastYear))
                    + (missing == null ? "" : Texts.t("status.calendar.missing", String.valueOf(missingYear))),
                    backup, missing};
        }, texts -> {
            status.setText(texts[0]);
            calendarStatus.setText(texts[1]);
            calendarStatus.setToolTipText(texts[3]);
            calendarStatus.setForeground(texts[3] == null ? status.getForeground() : UiSetup.OVERDUE);
            backupStatus.setText(texts[2]);
        });
        sync.poke();
    }

    /** Something that sync shows changed (a task handled, a change queued): recount and refresh the screen. */
    SyncUi sync() {
        return sync;
    }

    /**
     * The feed brought other desks' changes to {@code caseNos}: the workbench counts and lists, and the case screen
     * when it shows one of them, read them again.
     */
    void casesChanged(java.util.Set<String> caseNos) {
        sync.poke();
        if (current == null || current == workbench) {
            workbench.refresh();
        } else if (current instanceof CasePanel c && caseNos.contains(c.caseNo())) {
            c.reload();
        }
    }

    void syncChanged() {
        sync.poke();
        if (current == null || current == workbench) {
            workbench.refresh();
        }
    }

    public void showSync() {
        SyncPanel p = new SyncPanel(this, sync);
        show("sync", p);
        p.refresh();
    }

    // -------------------------------------------------------------------------------------------- screens

    /**
     * The screen on show offers 受理/确认 (Ctrl+Enter), 不予受理 (Ctrl+Shift+R) and 打印 (Ctrl+P): the menu items run
     * these (null = not available there). Set again by every screen when it shows.
     */
    public void setCaseActions(Runnable accept, Runnable refuse, Runnable print) {
        Runnable[] handlers = {accept, refuse, print};
        for (int i = 0; i < caseItems.length; i++) {
            JMenuItem mi = caseItems[i];
            for (var l : mi.getActionListeners()) {
                mi.removeActionListener(l);
            }
            Runnable h = handlers[i];
            mi.setEnabled(h != null);
            if (h != null) {
                mi.addActionListener(e -> h.run());
            }
        }
    }

    private void show(String card, JComponent c) {
        if (current instanceof IntakePanel intake && c != current && intake.hasInput()) {
            int ok = JOptionPane.showConfirmDialog(this, Texts.t("intake.discard.confirm"),
                    Texts.t("intake.discard.title"), JOptionPane.OK_CANCEL_OPTION, JOptionPane.WARNING_MESSAGE);
            if (ok != JOptionPane.OK_OPTION) {
                return;
            }
        }
        setCaseActions(null, null, null);
        if (current != null && current != workbench && current != searchPanel) {
            content.remove(current);
        }
        if (c != workbench && c != searchPanel) {
            content.add(c, card);
        }
        current = c;
        cards.show(content, card);
        content.revalidate();
    }

    public void showWorkbench(String list) {
        show("workbench", workbench);
        workbench.select(list);
        workbench.table().requestFocusInWindow();
    }

    /** Back to the workbench when the person already agreed to discard the wizard's input. */
    public void discardAndShowHome() {
        if (current != null && current != workbench && current != searchPanel) {
            content.remove(current);
        }
        current = null;
        showHome();
    }

    /** Back to the workbench, refreshed (after a case was finished or a wizard closed). */
    public void showHome() {
        showWorkbench("mine");
    }

    public void newCase() {
        IntakePanel p = new IntakePanel(this);
        show("intake", p);
        if (current == p) {
            keys.holdUntilFocused(p.firstField()); // a scanner's keys after F2 land in the first field (D184)
            p.start();
        }
    }

    /** 报表: the supervisors' batch reports. */
    public void showReports() {
        show("reports", new ReportsPanel(this));
    }

    public void openCase(String caseNo) {
        CasePanel p = new CasePanel(this, caseNo);
        show("case", p);
        p.load();
    }

    void focusSearch() {
        search.requestFocusInWindow();
        search.selectAll();
    }

    void searchFor(String text) {
        // issue 14 (D165): a scanned QR code — the progress address or the case number — opens its case at once;
        // anything else is searched for as typed
        Background.run(this, () -> session.desk().prints().scannedCase(text), found -> {
            if (found.isPresent()) {
                search.setText(found.get());
                openCase(found.get());
            } else {
                show("search", searchPanel);
                searchPanel.search(text);
            }
        });
    }

    void refresh() {
        if (current == null || current == workbench) {
            workbench.refresh();
        } else if (current instanceof Refreshable r) {
            r.refresh();
        }
        updateStatus();
    }

    /** A screen that can reload its data (F5). */
    interface Refreshable {
        void refresh();
    }

    private void resetSandbox() {
        int ok = JOptionPane.showConfirmDialog(this, Texts.t("sandbox.reset.confirm"), Texts.t("nav.sandboxReset"),
                JOptionPane.OK_CANCEL_OPTION, JOptionPane.WARNING_MESSAGE);
        if (ok != JOptionPane.OK_OPTION) {
            return;
        }
        Background.run(this, () -> {
            var clock = session.desk().clock();
            desks.close(Mode.SANDBOX);
            SandboxSeeder.reset(desks.dataDir(), clock);
            return null;
        }, v -> {
            dispose();
            LoginFrame login = new LoginFrame(desks, Mode.SANDBOX);
            login.notice(Texts.t("sandbox.reset.done"));
            login.setVisible(true);
        });
    }
}
