package org.ybdesk.desk;

import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.awt.GraphicsDevice;
import java.awt.GraphicsEnvironment;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.awt.Window;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JDialog;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import org.ybdesk.service.Desk;
import org.ybdesk.service.Diagnostics;

/**
 * 关于 (issue 15): version, data folder, database size, last backup, last sync; and 导出诊断信息 — the logs and the
 * system's facts in a zip with personal data scrubbed ({@link Diagnostics}), for the help desk.
 */
final class AboutDialog extends JDialog {
    private AboutDialog(Window owner, Desk desk, Diagnostics.About a) {
        super(owner, Texts.t("about.title"), ModalityType.APPLICATION_MODAL);
        setName("about");
        JPanel grid = new JPanel(new GridBagLayout());
        grid.setBorder(BorderFactory.createEmptyBorder(16, 20, 8, 20));
        GridBagConstraints c = new GridBagConstraints();
        c.insets = new Insets(4, 4, 4, 12);
        c.anchor = GridBagConstraints.WEST;
        String[][] rows = {
                {"about.version", Texts.t("about.version.value", a.version())},
                {"about.dataDir", a.dataFolder().toAbsolutePath().toString()},
                {"about.dbSize", size(a.databaseBytes())},
                {"about.lastBackup", a.lastBackup() == null ? Texts.t("about.never") : a.lastBackup()},
                {"about.lastSync", a.lastSync() == null ? Texts.t("about.never") : a.lastSync()},
                {"about.shared", Texts.t(a.sharedWithAnotherProgram() ? "about.shared.yes" : "about.shared.no")}};
        for (int i = 0; i < rows.length; i++) {
            c.gridx = 0;
            c.gridy = i;
            grid.add(new JLabel(Texts.t(rows[i][0])), c);
            c.gridx = 1;
            JLabel v = new JLabel(rows[i][1]);
            v.setName(rows[i][0]);
            grid.add(v, c);
        }
        JButton export = new JButton(Texts.t("about.export"));
        export.setName("about.export");
        export.addActionListener(e -> exportDiagnostics(this, desk));
        JButton close = new JButton(Texts.t("about.close"));
        close.setName("about.close");
        close.addActionListener(e -> dispose());
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.RIGHT));
        buttons.add(export);
        buttons.add(close);
        getContentPane().add(grid, BorderLayout.CENTER);
        getContentPane().add(buttons, BorderLayout.SOUTH);
        getRootPane().setDefaultButton(close);
        pack();
        setLocationRelativeTo(owner);
        WindowSizes.remember(this);
    }

    static String size(long bytes) {
        if (bytes < 0) {
            return Texts.t("about.unknown");
        }
        return bytes < 1024 * 1024 ? Texts.t("about.kb", String.format("%.1f", bytes / 1024.0))
                : Texts.t("about.mb", String.format("%.1f", bytes / 1024.0 / 1024.0));
    }

    /** Reads the facts off the event thread and shows the dialog. */
    static void open(Window owner, Desk desk) {
        Background.run(owner, () -> new Diagnostics(desk).about(),
                a -> javax.swing.SwingUtilities.invokeLater(() -> new AboutDialog(owner, desk, a).setVisible(true)));
    }

    /** Asks where to write the zip, then writes it off the event thread and says where it is. */
    static void exportDiagnostics(Window owner, Desk desk) {
        JFileChooser chooser = new JFileChooser();
        chooser.setDialogTitle(Texts.t("about.export.title"));
        chooser.setSelectedFile(new java.io.File("ybdesk-diagnostics-" + desk.today() + ".zip"));
        if (chooser.showSaveDialog(owner) != JFileChooser.APPROVE_OPTION) {
            return;
        }
        export(owner, desk, chooser.getSelectedFile().toPath(), null);
    }

    /** Writes the diagnostics zip to {@code out}; then {@code done} (tests) or a message saying where it is. */
    static void export(Window owner, Desk desk, Path out, Runnable done) {
        Map<String, String> system = systemFacts();
        Background.run(owner, () -> new Diagnostics(desk).export(out, logDir(desk), system), facts -> {
            if (done != null) {
                done.run();
            } else {
                javax.swing.SwingUtilities.invokeLater(() -> JOptionPane.showMessageDialog(owner,
                        Texts.t("about.export.done", out.toAbsolutePath().toString()), Texts.t("about.export.title"),
                        JOptionPane.INFORMATION_MESSAGE));
            }
        });
    }

    /** The logs of this program: where the launcher sent them, else the data folder's logs/. */
    static Path logDir(Desk desk) {
        String configured = System.getProperty("ybdesk.logDir");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path data = desk.folder().getParent() == null ? desk.folder() : desk.folder().getParent();
        return data.resolve("logs");
    }

    /** Screen, look and feel, locale and memory: what the service cannot see. */
    static Map<String, String> systemFacts() {
        Map<String, String> m = new LinkedHashMap<>();
        if (!GraphicsEnvironment.isHeadless()) {
            int i = 0;
            for (GraphicsDevice d : GraphicsEnvironment.getLocalGraphicsEnvironment().getScreenDevices()) {
                var mode = d.getDisplayMode();
                m.put(Texts.t("about.fact.screen", String.valueOf(++i)), mode.getWidth() + "×" + mode.getHeight()
                        + " @" + d.getDefaultConfiguration().getDefaultTransform().getScaleX());
            }
        }
        m.put(Texts.t("about.fact.laf"), javax.swing.UIManager.getLookAndFeel().getName());
        m.put(Texts.t("about.fact.locale"), java.util.Locale.getDefault().toString());
        Runtime r = Runtime.getRuntime();
        m.put(Texts.t("about.fact.memory"), (r.totalMemory() - r.freeMemory()) / 1024 / 1024 + " / "
                + r.maxMemory() / 1024 / 1024 + " MB");
        return m;
    }
}
