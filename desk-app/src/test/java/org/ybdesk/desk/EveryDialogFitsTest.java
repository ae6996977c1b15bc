package org.ybdesk.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Component;
import java.awt.Container;
import java.awt.Dialog;
import java.awt.Frame;
import java.awt.Rectangle;
import java.awt.Window;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.swing.JButton;
import javax.swing.SwingUtilities;
import org.assertj.swing.core.GenericTypeMatcher;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.finder.WindowFinder;
import org.assertj.swing.fixture.FrameFixture;
import org.assertj.swing.timing.Condition;
import org.assertj.swing.timing.Pause;
import org.junit.jupiter.api.Test;
import org.ybdesk.core.lifecycle.Actor;
import org.ybdesk.core.lifecycle.CaseAction;
import org.ybdesk.service.Desk;
import org.ybdesk.service.Mode;

/**
 * Issue 15, point 9: every window and dialog of the desk fits a 1366×768 screen less a taskbar (1366×728) with all
 * its buttons visible, is resizable — and the main window comes back at the size the clerk gave it. The windows are
 * found by scanning the module's classes: a new window class fails this test until it is opened here too.
 */
class EveryDialogFitsTest extends GuiTestBase {
    private static final Rectangle SCREEN = new Rectangle(0, 0, 1366, 728);

    // every window laid out for a counter's 1366×768 screen (less the taskbar), whatever display the suite has
    @org.junit.jupiter.api.BeforeEach
    void counterScreen() {
        WindowSizes.counterScreen = SCREEN;
    }

    @org.junit.jupiter.api.AfterEach
    void realScreen() {
        WindowSizes.counterScreen = null;
    }

    @Test
    void everyWindowFits1366x728WithItsButtonsVisible() throws IOException {
        Desk d = productionDesk();
        Actor all = d.users().login("all", "passall1");
        String caseNo = CaseTestData.create(d, 16, "张三丰", all).summary().caseNo();
        var attachment = d.cases().addAttachment(caseNo, "scan.png", png(), all);
        FrameFixture login = loginWindow(Mode.PRODUCTION);
        check(login.target(), "login");
        GuiActionRunner.execute(() -> login.target().dispose());
        FrameFixture main = login(Mode.PRODUCTION, "all", "passall1");
        MainFrame f = (MainFrame) main.target();
        Session s = f.session();

        Map<Class<?>, Runnable> openers = new LinkedHashMap<>();
        openers.put(MainFrame.class, () -> { });
        openers.put(LoginFrame.class, () -> { });
        openers.put(SetupDialog.class, () -> new SetupDialog(f, d).setVisible(true));
        openers.put(CaseActionDialog.class, () -> new CaseActionDialog(f, caseNo, CaseAction.REFUSE, "不予受理",
                new CaseActionDialog.Draft("", ""), List.of("请填写不予受理的理由")).setVisible(true));
        openers.put(InstitutionLookupDialog.class, () -> new InstitutionLookupDialog(f, s).setVisible(true));
        openers.put(IntakeReasonsDialog.class, () -> IntakeReasonsDialog.ask(f, "不予受理", "请写明理由",
                List.of("缺少材料：身份证"), List.of("申请人已参加基本医疗保险"), "确认不予受理"));
        openers.put(OutageDialog.class, () -> OutageDialog.open(f, d, all));
        openers.put(PlaceChooser.class, () -> PlaceChooser.choose(f, "参保地"));
        openers.put(PrintPreviewDialog.class, () -> PrintPreviewDialog.open(f, s, caseNo));
        openers.put(WarningsDialog.class, () -> WarningsDialog.confirm(f, List.of("出生日期距今超过100年，请核对")));
        openers.put(UserAdminDialog.class, () -> new UserAdminDialog(f, s, () -> { }).setVisible(true));
        openers.put(UserAdminDialog.Form.class, () -> new UserAdminDialog(f, s, () -> { }).addUser());
        openers.put(AboutDialog.class, () -> AboutDialog.open(f, d));
        openers.put(AttachmentViewer.class, () -> new AttachmentViewer(f, d.cases(), attachment).open());

        assertThat(new TreeSet<>(openers.keySet().stream().map(Class::getSimpleName).toList()))
                .as("every window class of the desk is opened by this test")
                .isEqualTo(new TreeSet<>(windowClasses()));

        check(f, "main");
        assertThat(find(main, "status", Component.class).isShowing()).as("status bar").isTrue();
        for (Map.Entry<Class<?>, Runnable> e : openers.entrySet()) {
            Class<?> type = e.getKey();
            if (Frame.class.isAssignableFrom(type)) {
                continue;
            }
            SwingUtilities.invokeLater(e.getValue()); // modal ones block the event they run in
            Window w = WindowFinder.findDialog(new GenericTypeMatcher<Dialog>(Dialog.class) {
                @Override
                protected boolean isMatching(Dialog dl) {
                    return dl.isShowing() && type.isInstance(dl);
                }
            }).withTimeout(30, TimeUnit.SECONDS).using(robot).target();
            waitIdle();
            check(w, type.getSimpleName());
            GuiActionRunner.execute(w::dispose);
            waitIdle();
        }
    }

    @Test
    void theMainWindowComesBackAtTheSizeTheClerkGaveIt() {
        productionDesk();
        FrameFixture main = login(Mode.PRODUCTION, "clerk", "passclerk1");
        GuiActionRunner.execute(() -> main.target().setSize(1180, 690));
        Pause.pause(new Condition("the size is kept") {
            @Override
            public boolean test() {
                return WindowSizes.saved("main").map(x -> x.width == 1180 && x.height == 690).orElse(false);
            }
        }, 10_000);
        assertThat(dataDir.resolve(WindowSizes.FILE)).exists();
        GuiActionRunner.execute(() -> main.target().dispose());
        waitIdle();
        FrameFixture again = login(Mode.PRODUCTION, "clerk", "passclerk1");
        assertThat(GuiActionRunner.execute(() -> again.target().getSize()))
                .isEqualTo(new java.awt.Dimension(1180, 690));
    }

    /** The window fits the usable screen, is resizable, and every button showing in it is whole and inside it. */
    private void check(Window w, String what) {
        Rectangle b = GuiActionRunner.execute(() -> new Rectangle(w.getLocationOnScreen(), w.getSize()));
        screenshot(w, "fit-" + what, false);
        if (w instanceof MainFrame) {
            screenshot(w, "workbench-1366", true); // the workbench at 1366×768 (columns sized to content)
        }
        assertThat(SCREEN.contains(b)).as("%s at %s fits 1366×728", what, b).isTrue();
        assertThat(GuiActionRunner.execute(() -> w instanceof Dialog dl ? dl.isResizable()
                : w instanceof Frame fr && fr.isResizable())).as("%s resizable", what).isTrue();
        List<String> buttons = GuiActionRunner.execute(() -> {
            List<String> out = new ArrayList<>();
            for (JButton btn : buttons(w)) {
                Rectangle r = new Rectangle(btn.getLocationOnScreen(), btn.getSize());
                Rectangle visible = btn.getVisibleRect();
                if (!b.contains(r) || visible.width < btn.getWidth() || visible.height < btn.getHeight()) {
                    out.add(btn.getText() + " " + r);
                }
            }
            return out;
        });
        assertThat(buttons).as("%s: buttons cut off or outside", what).isEmpty();
    }

    private static List<JButton> buttons(Container c) {
        List<JButton> out = new ArrayList<>();
        for (Component x : c.getComponents()) {
            if (x instanceof JButton btn && btn.isShowing() && !(btn.getParent() instanceof javax.swing.JScrollBar)
                    && !btn.getClass().getName().contains("Arrow")) {
                out.add(btn);
            }
            if (x instanceof Container k && x.isShowing()) {
                out.addAll(buttons(k));
            }
        }
        return out;
    }

    /** The window classes of the module (top-level and nested), read from its compiled classes. */
    private static List<String> windowClasses() throws IOException {
        Path root = Path.of("target", "classes", "org", "ybdesk", "desk");
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(root)) {
            for (Path p : files.filter(x -> x.toString().endsWith(".class")).toList()) {
                String name = "org.ybdesk.desk." + p.getFileName().toString().replace(".class", "");
                try {
                    Class<?> c = Class.forName(name, false, EveryDialogFitsTest.class.getClassLoader());
                    if (Window.class.isAssignableFrom(c) && !c.isAnonymousClass()) {
                        out.add(c.getSimpleName());
                    }
                } catch (ClassNotFoundException | LinkageError e) {
                    throw new IllegalStateException(name, e);
                }
            }
        }
        return out;
    }

    private static byte[] png() throws IOException {
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(400, 300,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        javax.imageio.ImageIO.write(img, "png", out);
        return out.toByteArray();
    }
}
