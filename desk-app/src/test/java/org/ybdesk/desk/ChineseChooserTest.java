package org.ybdesk.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Component;
import java.awt.Container;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javax.swing.AbstractButton;
import javax.swing.JColorChooser;
import javax.swing.JDialog;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import org.assertj.swing.core.GenericTypeMatcher;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.finder.WindowFinder;
import org.assertj.swing.fixture.DialogFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, point 11: Swing's own dialogs — the file chooser, confirmations, the colour chooser — speak Chinese
 * whatever the system locale (here English, as on a machine set up in English).
 */
class ChineseChooserTest extends GuiTestBase {
    private Locale before;

    @BeforeEach
    void englishMachine() {
        before = Locale.getDefault();
        Locale.setDefault(Locale.US);
    }

    @AfterEach
    void restore() {
        Locale.setDefault(before);
    }

    @Test
    void theFileChooserIsChinese() {
        JFileChooser fc = GuiActionRunner.execute(() -> {
            JFileChooser c = new JFileChooser(dataDir.toFile());
            c.setLocale(Locale.US); // even a chooser told it is English
            return c;
        });
        javax.swing.SwingUtilities.invokeLater(() -> fc.showOpenDialog(null));
        DialogFixture d = dialog(fc);
        List<String> texts = texts(d.target());
        assertThat(texts).contains("打开", "取消", "查找位置：", "文件名：", "文件类型：")
                .doesNotContain("Open", "Cancel", "Look In:", "File Name:", "Files of Type:");
        assertThat(GuiActionRunner.execute(() -> fc.getFileFilter().getDescription())).isEqualTo("所有文件");
        assertThat(GuiActionRunner.execute(() -> d.target().getTitle())).isEqualTo("打开");
        screenshot(d.target(), "file-chooser-zh-1366", true);
        GuiActionRunner.execute(fc::cancelSelection);
        waitIdle();
    }

    @Test
    void confirmationsAndTheColourChooserAreChinese() {
        javax.swing.SwingUtilities.invokeLater(() -> JOptionPane.showConfirmDialog(null, "继续？", "确认",
                JOptionPane.YES_NO_CANCEL_OPTION));
        DialogFixture d = WindowFinder.findDialog(showing(null)).withTimeout(10, TimeUnit.SECONDS).using(robot);
        assertThat(texts(d.target())).contains("是", "否", "取消").doesNotContain("Yes", "No", "Cancel");
        GuiActionRunner.execute(() -> d.target().dispose());
        waitIdle();
        JColorChooser cc = GuiActionRunner.execute(() -> new JColorChooser());
        JDialog colour = GuiActionRunner.execute(() -> JColorChooser.createDialog(null, "颜色", true, cc, null, null));
        javax.swing.SwingUtilities.invokeLater(() -> colour.setVisible(true));
        DialogFixture c = WindowFinder.findDialog(showing("颜色")).withTimeout(10, TimeUnit.SECONDS).using(robot);
        List<String> texts = texts(c.target());
        assertThat(texts).contains("确定", "取消", "重置").doesNotContain("OK", "Cancel", "Reset");
        assertThat(GuiActionRunner.execute(() -> {
            List<String> tabs = new ArrayList<>();
            for (var p : cc.getChooserPanels()) {
                tabs.add(p.getDisplayName());
            }
            return tabs;
        })).contains("色板").doesNotContain("Swatches");
        GuiActionRunner.execute(colour::dispose);
        waitIdle();
    }

    private DialogFixture dialog(JFileChooser fc) {
        return WindowFinder.findDialog(new GenericTypeMatcher<JDialog>(JDialog.class) {
            @Override
            protected boolean isMatching(JDialog d) {
                return d.isShowing() && d.getContentPane().getComponentCount() > 0
                        && d.getContentPane().getComponent(0) == fc;
            }
        }).withTimeout(10, TimeUnit.SECONDS).using(robot);
    }

    private static GenericTypeMatcher<JDialog> showing(String title) {
        return new GenericTypeMatcher<>(JDialog.class) {
            @Override
            protected boolean isMatching(JDialog d) {
                return d.isShowing() && (title == null || title.equals(d.getTitle()));
            }
        };
    }

    /** Every button's and label's text in the window. */
    static List<String> texts(Container root) {
        return GuiActionRunner.execute(() -> {
            List<String> out = new ArrayList<>();
            collect(root, out);
            return out;
        });
    }

    private static void collect(Component c, List<String> out) {
        if (c instanceof AbstractButton b && b.getText() != null && !b.getText().isBlank()) {
            out.add(b.getText());
        } else if (c instanceof JLabel l && l.getText() != null && !l.getText().isBlank()) {
            out.add(l.getText());
        }
        if (c instanceof Container k) {
            for (Component x : k.getComponents()) {
                collect(x, out);
            }
        }
    }
}
