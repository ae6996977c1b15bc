package org.ybdesk.desk;

import java.nio.file.Path;
import javax.swing.SwingUtilities;
import org.ybdesk.service.Mode;

/** Starts the workstation: look and feel, then the login window (which walks through setup on first start). */
public final class DeskApp {
    private DeskApp() {
    }

    /** Opens the login window for the data folder; {@code mode} preselects production or the sandbox. */
    public static void launch(Path dataDir, Mode mode) {
        SwingUtilities.invokeLater(() -> {
            UiSetup.install();
            new LoginFrame(dataDir, mode).setVisible(true);
        });
    }
}
