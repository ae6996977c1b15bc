package org.ybdesk.desk;

import java.awt.BorderLayout;
import java.awt.Window;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.BorderFactory;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JProgressBar;
import javax.swing.SwingUtilities;
import javax.swing.WindowConstants;

/**
 * The sandbox's first start generates its training data: a small window with a moving bar says so while it runs
 * (issue 15), so the person does not think the program hangs.
 */
final class SeedingProgress extends JDialog {
    SeedingProgress(Window owner) {
        super(owner, Texts.t("sandbox.seeding.title"), ModalityType.MODELESS);
        setName("sandbox.seeding");
        setDefaultCloseOperation(WindowConstants.DO_NOTHING_ON_CLOSE);
        JProgressBar bar = new JProgressBar();
        bar.setName("sandbox.seeding.bar");
        bar.setIndeterminate(true);
        JLabel text = new JLabel(Texts.t("sandbox.seeding.text"));
        text.setName("sandbox.seeding.text");
        JPanel p = new JPanel(new BorderLayout(0, 10));
        p.setBorder(BorderFactory.createEmptyBorder(16, 20, 16, 20));
        p.add(text, BorderLayout.NORTH);
        p.add(bar, BorderLayout.CENTER);
        setContentPane(p);
        pack();
        setLocationRelativeTo(owner);
        WindowSizes.remember(this);
    }

    /** Runs {@code work} (off the event thread) with the progress window showing, then closes it. */
    static void during(Window owner, Runnable work) {
        AtomicReference<SeedingProgress> shown = new AtomicReference<>();
        SwingUtilities.invokeLater(() -> {
            SeedingProgress d = new SeedingProgress(owner);
            shown.set(d);
            d.setVisible(true);
        });
        try {
            work.run();
        } finally {
            SwingUtilities.invokeLater(() -> {
                SeedingProgress d = shown.get();
                if (d != null) {
                    d.dispose();
                }
            });
        }
    }
}
