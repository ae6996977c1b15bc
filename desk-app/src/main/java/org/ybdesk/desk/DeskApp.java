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

    /** Opens the login window for the data folder; {@code mode} preselects production or the sandbox. */
    public static void launch(Path dataDir, Mode mode) {
        SwingUtilities.invokeLater(() -> {
            UiSetup.install();
            WindowSizes.useFolder(dataDir);
            new LoginFrame(dataDir, mode).setVisible(true);
        });
    }
}
