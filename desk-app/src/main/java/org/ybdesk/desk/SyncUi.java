package org.ybdesk.desk;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javax.swing.JLabel;
import javax.swing.SwingUtilities;
import org.ybdesk.service.Desk;
import org.ybdesk.sync.SyncEngine;
import org.ybdesk.sync.SyncReport;
import org.ybdesk.sync.SyncStatus;

/**
 * The window's side of provincial sync: owns the background {@link SyncEngine} of a production desk (none in the
 * sandbox), shows its state in the status bar (联网/离线 · 待上传 N · 上次同步 hh:mm) and hands every status to the
 * screens that listen — always on the event thread. The engine runs on its own thread; nothing here waits for it.
 */
final class SyncUi {
    private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HH:mm");
    private final MainFrame frame;
    private final JLabel label = new JLabel();
    private final List<Consumer<SyncStatus>> screens = new CopyOnWriteArrayList<>();
    private volatile SyncEngine engine;
    private SyncStatus last;

    SyncUi(MainFrame frame) {
        this.frame = frame;
        label.setName("status.sync");
        if (frame.session().sandbox()) {
            label.setText(Texts.t("sync.status.sandbox"));
            return;
        }
        label.setText(Texts.t("sync.status.starting"));
        Background.run(frame, () -> SyncEngine.forDesk(frame.session().desk(), frame.dataDir()), e -> {
            engine = e;
            e.addListener(s -> SwingUtilities.invokeLater(() -> show(s)));
            // another desk changed cases this desk has a part in (the feed): lists and an open case show it at once
            e.addCaseListener(changed -> SwingUtilities.invokeLater(() -> frame.casesChanged(changed)));
            e.start();
        });
    }

    JLabel label() {
        return label;
    }

    boolean available() {
        return !frame.session().sandbox();
    }

    SyncEngine engine() {
        return engine;
    }

    /** Whether the desk is linked to a province (its engine has a configuration): the organisation's hand-offs apply. */
    boolean configured() {
        SyncEngine e = engine;
        return e != null && e.config().isPresent();
    }

    SyncStatus last() {
        return last;
    }

    /** A screen that wants every status (on the event thread). */
    void listen(Consumer<SyncStatus> screen) {
        screens.add(screen);
        if (last != null) {
            screen.accept(last);
        }
    }

    void unlisten(Consumer<SyncStatus> screen) {
        screens.remove(screen);
    }

    /** The clerk changed something: count again (on the engine's thread). */
    void poke() {
        SyncEngine e = engine;
        if (e != null) {
            e.poke();
        }
    }

    /** 立即同步: a round on the engine's thread; {@code done} gets its report on the event thread. */
    void syncNow(Consumer<SyncReport> done) {
        SyncEngine e = engine;
        if (e == null) {
            return;
        }
        e.syncNow().whenComplete((r, ex) -> SwingUtilities.invokeLater(() -> done.accept(r != null ? r
                : new SyncReport(true, null, null, String.valueOf(ex.getMessage())))));
    }

    private void show(SyncStatus s) {
        last = s;
        label.setText(text(s));
        label.setToolTipText(s.lastError());
        label.setForeground(s.online() ? null : UiSetup.OVERDUE);
        for (Consumer<SyncStatus> c : screens) {
            c.accept(s);
        }
    }

    static String text(SyncStatus s) {
        String state = !s.configured() ? Texts.t("sync.state.unconfigured")
                : Texts.t(s.online() ? "sync.state.online" : "sync.state.offline");
        String lastSync = s.lastSuccessAt() == null ? Texts.t("sync.never")
                : Texts.t("sync.last", HHMM.format(s.lastSuccessAt().atZoneSameInstant(Desk.ZONE)));
        return Texts.t("sync.status.line", state, String.valueOf(s.pending()), lastSync)
                + (s.openTasks() > 0 ? Texts.t("sync.status.tasks", String.valueOf(s.openTasks())) : "")
                + (s.quarantinedChains() > 0
                ? Texts.t("sync.status.quarantinedChains", String.valueOf(s.quarantinedChains())) : "");
    }

    void close() {
        SyncEngine e = engine;
        engine = null;
        if (e != null) {
            Thread t = new Thread(e::close, "ybdesk-sync-close");
            t.setDaemon(true);
            t.start();
        }
    }
}
