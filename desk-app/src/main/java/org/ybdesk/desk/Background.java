package org.ybdesk.desk;

import java.awt.Component;
import java.awt.Cursor;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.swing.SwingUtilities;
import javax.swing.SwingWorker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs database, search, print and import work off the event thread, one task at a time in order (the desk has a
 * single writer), and hands the result back on the event thread. While a task runs the busy indicator shows.
 */
public final class Background {
    private static final Logger LOG = LoggerFactory.getLogger(Background.class);
    private static final ExecutorService WORKER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "desk-worker");
        t.setDaemon(true);
        return t;
    });
    private static volatile BusyIndicator indicator = BusyIndicator.NONE;
    private static final java.util.concurrent.atomic.AtomicInteger RUNNING = new java.util.concurrent.atomic.AtomicInteger();

    /** Something that shows the desk is working (the status bar's progress bar). */
    public interface BusyIndicator {
        BusyIndicator NONE = busy -> { };

        void busy(boolean busy);
    }

    private Background() {
    }

    public static void setIndicator(BusyIndicator i) {
        indicator = i == null ? BusyIndicator.NONE : i;
    }

    /** Number of tasks running or queued (tests wait for 0). */
    public static int pending() {
        return RUNNING.get();
    }

    /**
     * Runs {@code work} off the event thread; then {@code done} with its result on the event thread, or — if it
     * failed — {@code failed} with the exception, or (when {@code failed} is null) a dialog listing the problems.
     * Callbacks must not block: a modal dialog they need is opened with invokeLater.
     */
    public static <T> void run(Component owner, Supplier<T> work, Consumer<T> done, Consumer<RuntimeException> failed) {
        RUNNING.incrementAndGet();
        indicator.busy(true);
        if (owner != null) {
            owner.setCursor(Cursor.getPredefinedCursor(Cursor.WAIT_CURSOR));
        }
        SwingWorker<T, Void> w = new SwingWorker<>() {
            @Override
            protected T doInBackground() {
                return work.get();
            }

            @Override
            protected void done() {
                if (owner != null) {
                    owner.setCursor(Cursor.getDefaultCursor());
                }
                try {
                    T result = get();
                    done.accept(result);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (ExecutionException e) {
                    RuntimeException cause = e.getCause() instanceof RuntimeException re ? re
                            : new IllegalStateException(e.getCause());
                    if (failed != null) {
                        failed.accept(cause);
                    } else {
                        // after this task counts as done: a modal dialog must not hold the queue
                        SwingUtilities.invokeLater(() -> Problems.show(owner, cause));
                    }
                } catch (RuntimeException e) {
                    LOG.error("UI callback failed", e);
                    SwingUtilities.invokeLater(() -> Problems.show(owner, e));
                } finally {
                    if (RUNNING.decrementAndGet() == 0) {
                        indicator.busy(false);
                    }
                }
            }
        };
        WORKER.execute(w);
    }

    public static <T> void run(Component owner, Supplier<T> work, Consumer<T> done) {
        run(owner, work, done, null);
    }

    /** Asserts a method is on the event thread (UI code calls it in its entry points). */
    public static void onEdt() {
        if (!SwingUtilities.isEventDispatchThread()) {
            throw new IllegalStateException("not on the event dispatch thread");
        }
    }
}
