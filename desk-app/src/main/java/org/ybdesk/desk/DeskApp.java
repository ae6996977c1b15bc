package org.ybdesk.desk;

import java.nio.file.Path;
import javax.swing.SwingUtilities;
import org.ybdesk.service.Mode;

/** Starts the workstation: look and feel, then the login window (which walks through setup on first start). */
public final class DeskApp {
    private DeskApp() {
    }

    /**
     * Builds the intake wizard's form of an item as the wizard does, checking as of {@code today} (used by the GUI
     * benchmark; call on the event thread).
     */
    public static javax.swing.JComponent intakeForm(org.ybdesk.core.catalog.ServiceItem item,
                                                    java.time.LocalDate today) {
        return new IntakeFormView(item, java.util.Map.of(), () -> { }, problems -> { }, () -> today).component();
    }

    /** The window lock of this process's window, held until the process ends (issue 15). */
    private static volatile WindowLock windowLock;

    /**
     * Opens the login window for the data folder; {@code mode} preselects production or the sandbox. A second window
     * on a folder another window has open is refused with a message (commands may run beside it), and the process
     * ends.
     */
    public static void launch(Path dataDir, Mode mode) {
        SwingUtilities.invokeLater(() -> {
            UiSetup.install();
            java.util.Optional<WindowLock> lock;
            try {
                lock = WindowLock.acquire(dataDir);
            } catch (java.io.UncheckedIOException e) {
                org.slf4j.LoggerFactory.getLogger(DeskApp.class).error("window lock not available", e);
                javax.swing.JOptionPane.showMessageDialog(null, Texts.t("window.lockFailed",
                        dataDir.toAbsolutePath().toString(), String.valueOf(e.getCause().getMessage())),
                        Texts.t("app.title"), javax.swing.JOptionPane.ERROR_MESSAGE);
                System.exit(1);
                return;
            }
            if (lock.isEmpty()) {
                javax.swing.JOptionPane.showMessageDialog(null, WindowLock.refusal(dataDir), Texts.t("app.title"),
                        javax.swing.JOptionPane.WARNING_MESSAGE);
                System.exit(1);
                return;
            }
            windowLock = lock.get();
            WindowSizes.useFolder(dataDir);
            new LoginFrame(dataDir, mode).setVisible(true);
        });
    }
}
