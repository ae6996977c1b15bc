package org.ybdesk.desk;

import java.awt.BorderLayout;
import java.awt.CardLayout;
import java.awt.Color;
import java.awt.Cursor;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.Font;
import java.awt.event.KeyEvent;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.swing.BorderFactory;
import javax.swing.DefaultListModel;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import javax.swing.SwingUtilities;
import org.ybdesk.core.catalog.CaseType;
import org.ybdesk.core.catalog.FlowVariant;
import org.ybdesk.core.catalog.ItemGroup;
import org.ybdesk.core.catalog.MaterialSpec;
import org.ybdesk.core.catalog.MaterialStatus;
import org.ybdesk.core.catalog.ServiceItem;
import org.ybdesk.core.i18n.Messages;
import org.ybdesk.core.lifecycle.Actor;
import org.ybdesk.core.lifecycle.CaseAction;
import org.ybdesk.core.lifecycle.CaseState;
import org.ybdesk.core.money.Money;
import org.ybdesk.forms.CodeTables;
import org.ybdesk.service.CaseService;
import org.ybdesk.sync.ProvinceVouchers;
import org.ybdesk.service.WarningsToConfirm;
import org.ybdesk.service.CaseViews.CaseView;
import org.ybdesk.service.CaseViews.MessageView;
import org.ybdesk.service.Desk;

/**
 * The intake wizard: 1 选择事项 → 2 申请人 → 3 填写信息 → 4 材料清单 → 5 受理/不予受理/补正, then the result.
 * Keyboard first: Enter moves to the next field and, on the last field of a step, to the next step; Esc goes back
 * (asking before discarding input on step 1); Ctrl+Enter confirms the step or accepts; Ctrl+Shift+R refuses with the
 * one-time notice. Nothing typed is lost when going back. All database work runs off the event thread; problems
 * (the wizard's own checks and the services') are listed all at once in the summary below the step.
 */
final class IntakePanel extends JPanel {
    private static final String[] STEP_KEYS = {"intake.step.1", "intake.step.2", "intake.step.3", "intake.step.4",
            "intake.step.5"};
    private static final int RESULT = 6;
    private static final Color ACCENT = new Color(0x0969DA);
    private static final Color DONE = new Color(0x1A7F37);

    private final MainFrame frame;
    private final Desk desk;
    private final Actor actor;
    private final JLabel[] steps = new JLabel[STEP_KEYS.length];
    private final JLabel header = new JLabel(" ");
    private final IntakeBackfill backfill = new IntakeBackfill();
    private final CardLayout cards = new CardLayout();
    private final JPanel body = new JPanel(cards);
    private final IntakeItemList itemStep;
    private final IntakeApplicant applicantStep;
    private final JPanel formHolder = new JPanel(new BorderLayout(0, 6));
    private final JPanel materialsHolder = new JPanel(new BorderLayout(0, 6));
    private final JLabel summary = new JLabel();
    private final JLabel decideNote = new JLabel(" ");
    private final JButton accept = new JButton();
    private final JButton supplement = new JButton();
    private final JButton refuse = new JButton();
    private final JLabel resultTitle = new JLabel(" ");
    private final JLabel resultCaseNo = new JLabel(" ");
    private final JLabel resultState = new JLabel(" ");
    private final JLabel resultDeadline = new JLabel(" ");
    private final JTextArea resultMessage = new JTextArea(5, 60);
    private final JButton openCase = new JButton(Texts.t("intake.openCase"));
    private final JButton nextIntake = new JButton(Texts.t("intake.next"));
    private final DefaultListModel<String> problems = new DefaultListModel<>();
    private final JList<String> problemList = new JList<>(problems);
    private final JPanel problemPanel = new JPanel(new BorderLayout(0, 4));
    private final JLabel problemTitle = new JLabel();
    private final JButton back = new JButton();
    private final JButton nextStep = new JButton();
    private final Map<String, String> carried = new LinkedHashMap<>();
    private ServiceItem item;
    private IntakeFormView form;
    private IntakeMaterials materials;
    private int step;
    private boolean busy;
    private boolean asking;
    private String caseNo;

    IntakePanel(MainFrame frame) {
        super(new BorderLayout(0, 8));
        this.frame = frame;
        this.desk = frame.session().desk();
        this.actor = frame.session().actor();
        setName("intake");
        setBorder(BorderFactory.createEmptyBorder(10, 12, 10, 12));
        itemStep = new IntakeItemList(desk.catalog().items(), this::pick);
        applicantStep = new IntakeApplicant(desk, ProvinceVouchers.forDesk(desk, frame.dataDir()));

        add(north(), BorderLayout.NORTH);
        body.setName("intake.body");
        body.add(itemStep, "1");
        body.add(applicantStep, "2");
        body.add(formHolder, "3");
        body.add(materialsHolder, "4");
        body.add(decidePanel(), "5");
        body.add(resultPanel(), String.valueOf(RESULT));
        add(body, BorderLayout.CENTER);
        add(south(), BorderLayout.SOUTH);

        applicantStep.idField().setName("intake.applicantId");
        IntakeKeys.bind(applicantStep.idField(), JComponent.WHEN_FOCUSED, IntakeKeys.ENTER, "intake.lookUp",
                this::idEntered);
        IntakeKeys.bind(applicantStep.idTypeBox(), JComponent.WHEN_FOCUSED, IntakeKeys.ENTER, "intake.toId", () -> {
            if (applicantStep.idTypeBox().isPopupVisible()) {
                applicantStep.idTypeBox().setPopupVisible(false);
            } else {
                IntakeKeys.focus(applicantStep.idField());
            }
        });
        IntakeKeys.chain(List.of(applicantStep.nameField(), applicantStep.phoneField()), this::next);

        IntakeKeys.bind(this, WHEN_ANCESTOR_OF_FOCUSED_COMPONENT, IntakeKeys.ESC, "intake.escape", this::escape);
        IntakeKeys.bind(this, WHEN_ANCESTOR_OF_FOCUSED_COMPONENT, IntakeKeys.CTRL_ENTER, "intake.confirm",
                this::confirm);
        IntakeKeys.bind(this, WHEN_ANCESTOR_OF_FOCUSED_COMPONENT, IntakeKeys.CTRL_SHIFT_R, "intake.refuse",
                this::refuse);
    }

    // ============================================================================================ layout

    private JComponent north() {
        JPanel strip = new JPanel(new FlowLayout(FlowLayout.LEFT, 4, 0));
        strip.setName("intake.steps");
        for (int i = 0; i < STEP_KEYS.length; i++) {
            if (i > 0) {
                JLabel arrow = new JLabel(Texts.t("intake.step.arrow"));
                arrow.setForeground(Color.GRAY);
                strip.add(arrow);
            }
            JLabel l = new JLabel(Texts.t(STEP_KEYS[i]));
            l.setName("intake.step." + (i + 1));
            l.setOpaque(true);
            l.setFont(UiSetup.font(Font.PLAIN, 15f));
            l.setBorder(BorderFactory.createEmptyBorder(5, 12, 5, 12));
            int n = i + 1;
            l.addMouseListener(new MouseAdapter() {
                @Override
                public void mouseClicked(MouseEvent e) {
                    if (!busy && step != RESULT && n < step) {
                        goTo(n);
                    }
                }
            });
            steps[i] = l;
            strip.add(l);
        }
        header.setName("intake.header");
        header.setFont(UiSetup.font(Font.BOLD, 15f));
        header.setBorder(BorderFactory.createEmptyBorder(2, 4, 0, 4));
        JPanel p = new JPanel(new BorderLayout(0, 6));
        p.add(strip, BorderLayout.NORTH);
        p.add(header, BorderLayout.CENTER);
        p.add(backfill, BorderLayout.SOUTH); // issue 13: 补录 of an outage's paper work
        return p;
    }

    private JComponent south() {
        problemPanel.setName("intake.problemPanel");
        problemPanel.setBorder(BorderFactory.createCompoundBorder(BorderFactory.createLineBorder(UiSetup.OVERDUE),
                BorderFactory.createEmptyBorder(6, 8, 6, 8)));
        problemPanel.setBackground(UiSetup.OVERDUE_BG);
        problemTitle.setFont(UiSetup.font(Font.BOLD, 14f));
        problemTitle.setForeground(UiSetup.OVERDUE);
        problemList.setName("intake.problems");
        problemList.setFocusable(false);
        problemList.setBackground(UiSetup.OVERDUE_BG);
        problemList.setCellRenderer((list, value, index, selected, focused) -> {
            JLabel l = new JLabel("<html>• " + Problems.escape(value) + "</html>");
            l.setBorder(BorderFactory.createEmptyBorder(1, 4, 1, 4));
            return l;
        });
        JScrollPane ps = new JScrollPane(problemList);
        ps.setBorder(BorderFactory.createEmptyBorder());
        ps.setPreferredSize(new Dimension(400, 96));
        problemPanel.add(problemTitle, BorderLayout.NORTH);
        problemPanel.add(ps, BorderLayout.CENTER);
        problemPanel.setVisible(false);

        back.setName("intake.back");
        back.setText(Texts.t("intake.back") + "  Esc");
        back.setToolTipText(Texts.t("intake.back.tooltip"));
        back.addActionListener(e -> escape());
        nextStep.setName("intake.nextStep");
        nextStep.setText(Texts.t("intake.nextStep") + "  " + IntakeKeys.text(IntakeKeys.CTRL_ENTER));
        nextStep.setToolTipText(Texts.t("intake.nextStep.tooltip"));
        nextStep.addActionListener(e -> next());
        JLabel keys = new JLabel(Texts.t("intake.keys"), JLabel.CENTER);
        keys.setForeground(Color.GRAY);
        JPanel nav = new JPanel(new BorderLayout(8, 0));
        nav.add(back, BorderLayout.WEST);
        nav.add(keys, BorderLayout.CENTER);
        nav.add(nextStep, BorderLayout.EAST);
        JPanel p = new JPanel(new BorderLayout(0, 8));
        p.add(problemPanel, BorderLayout.CENTER);
        p.add(nav, BorderLayout.SOUTH);
        return p;
    }

    private JComponent decidePanel() {
        JPanel p = new JPanel(new BorderLayout(0, 10));
        p.setName("intake.decideStep");
        summary.setName("intake.summary");
        summary.setVerticalAlignment(JLabel.TOP);
        JScrollPane sp = new JScrollPane(summary);
        sp.setBorder(BorderFactory.createCompoundBorder(BorderFactory.createLineBorder(new Color(0xD0D7DE)),
                BorderFactory.createEmptyBorder(10, 12, 10, 12)));
        sp.getVerticalScrollBar().setUnitIncrement(24);
        p.add(sp, BorderLayout.CENTER);
        decideNote.setName("intake.decideNote");
        decideNote.setForeground(UiSetup.NEAR);
        decideNote.setFont(UiSetup.font(Font.BOLD, 14f));
        accept.setName("intake.accept");
        accept.addActionListener(e -> accept());
        supplement.setName("intake.supplement");
        supplement.setText(Texts.t("intake.supplement") + "  Alt+B");
        supplement.setMnemonic(KeyEvent.VK_B);
        supplement.setToolTipText(Texts.t("intake.supplement.tooltip"));
        supplement.addActionListener(e -> supplement());
        refuse.setName("intake.refuse");
        refuse.setText(Texts.t("intake.refuse") + "  " + IntakeKeys.text(IntakeKeys.CTRL_SHIFT_R));
        refuse.setToolTipText(Texts.t("intake.refuse.tooltip", IntakeKeys.text(IntakeKeys.CTRL_SHIFT_R)));
        refuse.addActionListener(e -> refuse());
        for (JButton b : new JButton[] {accept, supplement, refuse}) {
            b.setFont(UiSetup.font(Font.BOLD, 15f));
            size(b);
            enterClicks(b);
        }
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.LEFT, 10, 0));
        buttons.add(accept);
        buttons.add(supplement);
        buttons.add(refuse);
        JPanel south = new JPanel(new BorderLayout(0, 8));
        south.add(decideNote, BorderLayout.NORTH);
        south.add(buttons, BorderLayout.CENTER);
        p.add(south, BorderLayout.SOUTH);
        return p;
    }

    private JComponent resultPanel() {
        JPanel p = new JPanel(new BorderLayout(0, 10));
        p.setName("intake.resultStep");
        resultTitle.setName("intake.result.title");
        resultTitle.setFont(UiSetup.font(Font.BOLD, 22f));
        resultCaseNo.setName("intake.result.caseNo");
        resultCaseNo.setFont(UiSetup.font(Font.BOLD, 18f));
        resultState.setName("intake.result.state");
        resultDeadline.setName("intake.result.deadline");
        resultMessage.setName("intake.result.message");
        resultMessage.setEditable(false);
        resultMessage.setLineWrap(true);
        resultMessage.setWrapStyleWord(false);
        resultMessage.setFont(UiSetup.font(Font.PLAIN, 15f));
        resultMessage.setFocusable(false);
        JPanel facts = new JPanel(new java.awt.GridLayout(0, 1, 0, 6));
        facts.add(resultTitle);
        facts.add(line("intake.result.caseNoLabel", resultCaseNo));
        facts.add(line("intake.result.stateLabel", resultState));
        facts.add(line("intake.result.deadlineLabel", resultDeadline));
        JPanel msg = new JPanel(new BorderLayout(0, 4));
        msg.add(new JLabel(Texts.t("intake.result.messageLabel")), BorderLayout.NORTH);
        JScrollPane ms = new JScrollPane(resultMessage);
        msg.add(ms, BorderLayout.CENTER);
        openCase.setName("intake.openCase");
        openCase.setToolTipText(Texts.t("intake.openCase.tooltip"));
        openCase.addActionListener(e -> {
            if (caseNo != null) {
                frame.openCase(caseNo);
            }
        });
        nextIntake.setName("intake.next");
        nextIntake.setText(Texts.t("intake.next") + "  F2");
        nextIntake.setToolTipText(Texts.t("intake.next.tooltip"));
        nextIntake.addActionListener(e -> frame.newCase());
        for (JButton b : new JButton[] {openCase, nextIntake}) {
            b.setFont(UiSetup.font(Font.BOLD, 15f));
            size(b);
            enterClicks(b);
        }
        ms.setPreferredSize(new Dimension(600, 140));
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.LEFT, 10, 0));
        buttons.add(nextIntake);
        buttons.add(openCase);
        JPanel lower = new JPanel(new BorderLayout(0, 12));
        lower.add(msg, BorderLayout.NORTH);
        lower.add(buttons, BorderLayout.CENTER);
        p.add(facts, BorderLayout.NORTH);
        p.add(lower, BorderLayout.CENTER);
        return p;
    }

    private static JComponent line(String key, JLabel value) {
        JPanel l = new JPanel(new FlowLayout(FlowLayout.LEFT, 8, 0));
        JLabel k = new JLabel(Texts.t(key));
        k.setForeground(Color.GRAY);
        k.setPreferredSize(new Dimension(90, k.getPreferredSize().height));
        l.add(k);
        l.add(value);
        return l;
    }

    /** A large button, sized to its (current) text. */
    private static void size(JButton b) {
        b.setPreferredSize(null);
        Dimension d = b.getPreferredSize();
        b.setPreferredSize(new Dimension(Math.max(160, d.width + 40), 40));
    }

    /** Enter on a focused button clicks it (Space does too, as everywhere). */
    private static void enterClicks(JButton b) {
        IntakeKeys.bind(b, JComponent.WHEN_FOCUSED, IntakeKeys.ENTER, "intake.click", b::doClick);
    }

    // ============================================================================================ flow

    void start() {
        Background.onEdt();
        frame.setCaseActions(this::confirm, this::refuse, null);
        Background.run(this, () -> {
            CodeTables.load();
            return null;
        }, v -> { });
        goTo(1);
    }

    /** The field the wizard starts in (step 1's item filter): keys typed right after F2 land there. */
    JComponent firstField() {
        return itemStep.filter();
    }

    /** Whether anything was chosen or typed that leaving the wizard would discard. */
    boolean hasInput() {
        if (step == RESULT) {
            return false; // the case is saved; nothing to lose
        }
        return item != null || !itemStep.filter().getText().isBlank() || applicantStep.hasInput()
                || (form != null && form.hasInput()) || !carried.isEmpty()
                || (materials != null && materials.hasInput());
    }

    private void goTo(int n) {
        step = n;
        cards.show(body, String.valueOf(n));
        for (int i = 0; i < steps.length; i++) {
            JLabel l = steps[i];
            boolean current = i + 1 == n;
            boolean done = n == RESULT || i + 1 < n;
            l.setBackground(current ? ACCENT : getBackground());
            l.setForeground(current ? Color.WHITE : done ? DONE : Color.GRAY);
            l.setFont(UiSetup.font(current ? Font.BOLD : Font.PLAIN, 15f));
            l.setCursor(done && n != RESULT ? Cursor.getPredefinedCursor(Cursor.HAND_CURSOR) : Cursor.getDefaultCursor());
            l.setToolTipText(done && n != RESULT ? Texts.t("intake.step.back") : null);
        }
        back.setVisible(n != RESULT);
        nextStep.setVisible(n < 5);
        updateHeader();
        setProblems(List.of());
        switch (n) {
            case 1 -> {
                itemStep.select(item);
                later(() -> IntakeKeys.focus(itemStep.filter()));
            }
            case 2 -> later(() -> IntakeKeys.focus(applicantStep.code().valid()
                    && applicantStep.nameField().getText().isBlank() ? applicantStep.nameField()
                    : applicantStep.idField()));
            case 3 -> {
                form.refresh();
                later(() -> IntakeKeys.focus(form.focusTarget()));
            }
            case 4 -> later(materials::focusFirst);
            case 5 -> {
                showSummary();
                later(() -> (acceptBlockers().isEmpty() ? accept : supplement).requestFocusInWindow());
            }
            default -> later(nextIntake::requestFocusInWindow);
        }
        revalidate();
        repaint();
    }

    private static void later(Runnable r) {
        SwingUtilities.invokeLater(r);
    }

    /** Ctrl+Enter: confirms the step, or accepts on step 5. */
    private void confirm() {
        if (step == 5) {
            accept();
        } else if (step < 5) {
            next();
        }
    }

    /** Goes on from the current step when what it holds is complete; otherwise lists what to fix. */
    private void next() {
        if (busy) {
            return;
        }
        switch (step) {
            case 1 -> itemStep.pick();
            case 2 -> applicantThen(() -> goTo(3));
            case 3 -> {
                List<String> p = form.checkAll();
                if (p.isEmpty()) {
                    ensureMaterials();
                    goTo(4);
                } else {
                    IntakeKeys.focus(form.focusTarget());
                }
            }
            case 4 -> goTo(5);
            default -> {
            }
        }
    }

    private void escape() {
        if (busy || asking) {
            return;
        }
        if (step == RESULT) {
            frame.showHome();
        } else if (step > 1) {
            goTo(step - 1);
        } else if (!hasInput() || JOptionPane.showConfirmDialog(this, Texts.t("intake.discard.confirm"),
                Texts.t("intake.discard.title"), JOptionPane.YES_NO_OPTION, JOptionPane.WARNING_MESSAGE)
                == JOptionPane.YES_OPTION) {
            frame.discardAndShowHome();
        }
    }

    // -------------------------------------------------------------------------------------------- step 1

    private void pick(ServiceItem picked) {
        if (item == null || item.no() != picked.no()) {
            if (form != null) {
                carried.putAll(form.typed());
            }
            form = null;
            materials = null;
            formHolder.removeAll();
            materialsHolder.removeAll();
            item = picked;
            applicantStep.setItem(picked);
        }
        goTo(2);
    }

    // -------------------------------------------------------------------------------------------- step 2

    /** Enter in the ID field: checks the code; a valid one is looked up while the clerk goes on to the name. */
    private void idEntered() {
        IntakeApplicant.Code c = applicantStep.code();
        if (!c.valid()) {
            applicantStep.lookUp(p -> {
                setProblems(p);
                if (p.isEmpty()) {
                    // a voucher the province resolved: the ID number is filled in, on to the name
                    IntakeKeys.focus(applicantStep.nameField());
                    updateHeader();
                } else {
                    applicantStep.idField().selectAll();
                }
            });
            return;
        }
        setProblems(List.of());
        IntakeKeys.focus(applicantStep.nameField());
        applicantStep.lookUp(p -> updateHeader());
    }

    /** Checks the applicant (asking the registry first if needed), fills the form from it, then runs {@code then}. */
    private void applicantThen(Runnable then) {
        applicantStep.lookUp(codeProblems -> {
            List<String> p = applicantStep.check();
            if (!p.isEmpty()) {
                if (step != 2) {
                    goTo(2);
                }
                setProblems(p);
                IntakeKeys.focus(codeProblems.isEmpty() ? applicantStep.nameField() : applicantStep.idField());
                if (codeProblems.isEmpty() && !applicantStep.nameField().getText().isBlank()) {
                    IntakeKeys.focus(applicantStep.phoneField());
                }
                return;
            }
            ensureForm();
            form.prefill(applicantStep.known());
            updateHeader();
            then.run();
        });
    }

    private void ensureForm() {
        if (form == null || form.item() != item) {
            form = new IntakeFormView(item, carried, this::next, p -> {
                if (step == 3) {
                    setProblems(p);
                }
            }, desk::today);
            formHolder.removeAll();
            JLabel intro = new JLabel(Texts.t("intake.form.intro"));
            intro.setForeground(Color.GRAY);
            formHolder.add(intro, BorderLayout.NORTH);
            formHolder.add(form.component(), BorderLayout.CENTER);
        }
    }

    private void ensureMaterials() {
        if (materials == null || materials.item() != item) {
            materials = new IntakeMaterials(item, this::next, () -> { });
            materialsHolder.removeAll();
            JLabel intro = new JLabel(Texts.t(item.materials().isEmpty() ? "intake.materials.none"
                    : "intake.materials.intro"));
            intro.setForeground(Color.GRAY);
            materialsHolder.add(intro, BorderLayout.NORTH);
            materialsHolder.add(materials.component(), BorderLayout.CENTER);
        }
        if (form != null) {
            materials.applyValues(form.values());
        }
    }

    // -------------------------------------------------------------------------------------------- step 5

    /** Why the application cannot be accepted as it stands: missing materials, an unbalanced reconciliation. */
    private List<String> acceptBlockers() {
        List<String> b = new ArrayList<>();
        if (materials != null && !materials.missing().isEmpty()) {
            b.add(Texts.t("intake.accept.missing", Messages.joinList(materials.missing().stream()
                    .map(m -> m.no() + ". " + m.name()).toList())));
        }
        if (materials != null && !item.materials().isEmpty()
                && org.ybdesk.core.catalog.IntakeCheck.noneReceived(item, materials.statuses())) {
            b.add(Texts.t("intake.accept.noneReceived"));
        }
        settlementMismatch().ifPresent(b::add);
        return b;
    }

    private Optional<String> settlementMismatch() {
        if (form == null || item.flow() != FlowVariant.SETTLEMENT) {
            return Optional.empty();
        }
        Money d = form.declared();
        Money r = form.reconciled();
        if (d != null && r != null && !d.equals(r)) {
            return Optional.of(Texts.t("intake.accept.unbalanced", d.toYuanString(), r.toYuanString()));
        }
        return Optional.empty();
    }

    /**
     * Accepted and finished in one step at the window: items with nothing after 受理. Items 1–6 have their 业务审核
     * at the window (D86), which may fail (未通过): the wizard accepts, and the case screen offers 审核通过/未通过.
     */
    private boolean instant() {
        return item.flow() == FlowVariant.INSTANT && item.stages().isEmpty();
    }

    private void showSummary() {
        accept.setText(Texts.t(instant() ? "intake.acceptClose" : "intake.accept") + "  "
                + IntakeKeys.text(IntakeKeys.CTRL_ENTER));
        accept.setToolTipText(Texts.t(instant() ? "intake.acceptClose.tooltip" : "intake.accept.tooltip",
                IntakeKeys.text(IntakeKeys.CTRL_ENTER)));
        size(accept);
        StringBuilder sb = new StringBuilder(IntakeKeys.html(900));
        sb.append("<b style='font-size:115%'>").append(item.no()).append(' ').append(Problems.escape(item.fullName()))
                .append("</b><br>");
        sb.append(Problems.escape(Texts.t("intake.summary.kind", item.caseType().label(), item.timeLimit().text(),
                item.riskLevel().label()))).append("<br><br>");
        var ap = applicantStep.applicant();
        sb.append("<b>").append(Texts.t("intake.summary.applicant")).append("</b>&nbsp;&nbsp;")
                .append(Problems.escape(ap.name())).append("&nbsp;&nbsp;").append(Problems.escape(ap.idNumber()));
        if (ap.phone() != null) {
            sb.append("&nbsp;&nbsp;").append(Problems.escape(ap.phone()));
        }
        sb.append("<br>");
        String agentLine = applicantStep.agent().describe(); // issue 13
        if (agentLine != null) {
            sb.append("<b>").append(Texts.t("intake.summary.agent")).append("</b>&nbsp;&nbsp;")
                    .append(Problems.escape(agentLine)).append("<br>");
        }
        String payTo = applicantStep.agent().describePayTo();
        if (payTo != null) {
            sb.append("<b>").append(Texts.t("intake.summary.payTo")).append("</b>&nbsp;&nbsp;")
                    .append(Problems.escape(payTo)).append("<br>");
        }
        long filled = form.values().values().stream().filter(v -> !v.isBlank()).count();
        sb.append("<b>").append(Texts.t("intake.summary.fields")).append("</b>&nbsp;&nbsp;")
                .append(Texts.t("intake.summary.fieldCount", String.valueOf(filled))).append("<br>");
        if (item.flow() == FlowVariant.SETTLEMENT) {
            sb.append("<b>").append(Texts.t("intake.settlement.title")).append("</b>&nbsp;&nbsp;")
                    .append(Problems.escape(Texts.t("intake.summary.amounts", form.declared().toYuanString(),
                            form.reconciled().toYuanString()))).append("<br>");
        }
        sb.append("<br><b>").append(Texts.t("intake.summary.materials")).append("</b><br>");
        Map<Integer, MaterialStatus> st = materials.statuses();
        List<MaterialSpec> blocking = materials.missing(); // MaterialStatus.blocksAcceptance, per row
        for (MaterialSpec m : item.materials()) {
            MaterialStatus s = st.get(m.no());
            boolean missing = blocking.contains(m);
            String word = !s.received()
                    ? Texts.t(missing ? "intake.material.missingWord" : "intake.material.notApplicable")
                    : Texts.t("intake.material." + s.name());
            sb.append(missing ? "<span style='color:#B26A00;background-color:#FFF3D6'><b>" : "<span>")
                    .append(m.no()).append(". ").append(Problems.escape(m.name())).append(" — ")
                    .append(Problems.escape(word)).append(missing ? "</b>" : "").append("</span><br>");
        }
        if (item.materials().isEmpty()) {
            sb.append(Texts.t("intake.materials.none")).append("<br>");
        }
        List<String> unmet = applicantStep.unmetConditions();
        if (!unmet.isEmpty()) {
            sb.append("<br><b>").append(Texts.t("intake.summary.unmet")).append("</b><br>");
            unmet.forEach(c -> sb.append("• ").append(Problems.escape(c)).append("<br>"));
        }
        if (item.group() == ItemGroup.QUERY) {
            sb.append("<br>").append(Texts.t("intake.summary.query"));
        } else if (item.flow() == FlowVariant.INSTANT && !instant()) {
            sb.append("<br>").append(Problems.escape(Texts.t("intake.summary.windowReview")));
        } else if (item.caseType() == CaseType.PROMISED && !instant()) {
            sb.append("<br>").append(Problems.escape(Texts.t("intake.summary.promised", item.timeLimit().text())));
        }
        sb.append("</div></html>");
        summary.setText(sb.toString());
        List<String> blockers = acceptBlockers();
        decideNote.setText(blockers.isEmpty() ? " " : "<html>" + Problems.escape(String.join("；", blockers))
                + "<br>" + Texts.t("intake.accept.offer") + "</html>");
    }

    private void accept() {
        if (busy || asking || step != 5) {
            return;
        }
        List<String> blockers = acceptBlockers();
        if (!blockers.isEmpty()) {
            List<String> p = new ArrayList<>(blockers);
            p.add(Texts.t("intake.accept.offer"));
            setProblems(p);
            supplement.requestFocusInWindow();
            return;
        }
        CaseService.NewCase nc = newCase();
        boolean instant = instant();
        String note = item.group() == ItemGroup.QUERY ? Texts.t("intake.query.answered") : null;
        // one service call, one transaction: the application and its 受理 (and 办结) are stored together or not at all
        submit(confirmed -> desk.cases().intake(nc, instant ? CaseService.IntakeDecision.ACCEPT_AND_CLOSE
                : CaseService.IntakeDecision.ACCEPT, List.of(), instant ? note : null, actor, confirmed));
    }

    private void supplement() {
        if (busy || asking || step == RESULT) {
            return;
        }
        if (step < 5) {
            readyToDecide(this::supplement);
            return;
        }
        List<String> pre = materials.missing().stream().map(MaterialSpec::name).toList();
        ask(Texts.t("intake.supplement.title"), Texts.t("intake.supplement.intro"), pre, List.of(),
                Texts.t("intake.supplement.ok")).ifPresent(reasons -> decide(CaseAction.REQUEST_SUPPLEMENT, reasons));
    }

    private void refuse() {
        if (busy || asking || step == RESULT) {
            return;
        }
        if (step < 5) {
            readyToDecide(this::refuse);
            return;
        }
        List<String> pre = new ArrayList<>();
        materials.missing().forEach(m -> pre.add(Texts.t("intake.reason.missing", m.name())));
        applicantStep.unmetConditions().forEach(c -> pre.add(Texts.t("intake.reason.condition", c)));
        settlementMismatch().ifPresent(pre::add);
        ask(Texts.t("intake.refuse.title"), Texts.t("intake.refuse.intro"), pre, item.conditions(),
                Texts.t("intake.refuse.ok")).ifPresent(reasons -> decide(CaseAction.REFUSE, reasons));
    }

    /** The reasons dialog, one at a time (a second shortcut while it is open does nothing). */
    private Optional<List<String>> ask(String title, String intro, List<String> pre, List<String> conditions,
                                       String ok) {
        if (asking) {
            return Optional.empty();
        }
        asking = true;
        try {
            return IntakeReasonsDialog.ask(this, title, intro, pre, conditions, ok);
        } finally {
            asking = false;
        }
    }

    /**
     * 补正 and 不予受理 from an earlier step: only what identifies the applicant is needed (D182) — the item and a
     * valid applicant (ID type and number, name); the form as far as it is filled is recorded with it (a value typed
     * is still checked by the service), then the decision is offered.
     */
    private void readyToDecide(Runnable decision) {
        switch (step) {
            case 1 -> {
                if (item == null) {
                    setProblems(List.of(Texts.t("intake.decide.needItem")));
                } else {
                    goTo(2);
                }
            }
            case 2 -> applicantThen(() -> {
                ensureMaterials();
                goTo(5);
                later(decision);
            });
            case 3, 4 -> {
                ensureMaterials();
                goTo(5);
                later(decision);
            }
            default -> {
            }
        }
    }

    private void decide(CaseAction action, List<String> reasons) {
        CaseService.NewCase nc = newCase();
        CaseService.IntakeDecision decision = action == CaseAction.REFUSE ? CaseService.IntakeDecision.REFUSE
                : CaseService.IntakeDecision.REQUEST_SUPPLEMENT;
        submit(confirmed -> desk.cases().intake(nc, decision, reasons, null, actor, confirmed));
    }

    private CaseService.NewCase newCase() {
        Map<String, String> values = new LinkedHashMap<>();
        form.values().forEach((k, v) -> {
            if (!v.isBlank()) {
                values.put(k, v);
            }
        });
        // issue 13: the agent (代他人申报) and the 拨付对象 of the applicant step; the back-fill (补录); the scanned
        // e-voucher (已核验 or 待核验)
        CaseService.NewCase nc = applicantStep.agent().apply(new CaseService.NewCase(item.no(),
                applicantStep.applicant(), values, materials.statuses(), null, form.declared(), form.reconciled())
                .with(backfill.circumstances()));
        return nc.with(nc.circumstances().withVoucher(applicantStep.voucherUse()));
    }

    /**
     * Runs a decision off the event thread; the service's problems stay on this step with everything typed. The
     * work gets whether the clerk confirmed the warnings: first not; when the service answers with warnings (D97)
     * the confirmation dialog lists them, and 确认无误 runs the work again confirmed, 返回修改 keeps everything.
     */
    private void submit(java.util.function.Function<Boolean, CaseView> work) {
        submit(work, false);
    }

    private void submit(java.util.function.Function<Boolean, CaseView> work, boolean confirmed) {
        List<String> typed = backfill.problems(); // 补录's time as typed: told before anything is sent
        if (!typed.isEmpty()) {
            setProblems(typed);
            return;
        }
        busy = true;
        setDecisionsEnabled(false);
        setProblems(List.of()); // earlier problems are answered by this attempt; its own come back if any
        Background.run(this, () -> work.apply(confirmed), out -> {
            busy = false;
            setDecisionsEnabled(true);
            if (backfill.active()) {
                backfill.recorded();
            }
            showResult(out);
            frame.syncChanged(); // 待上传 and the counts at once; online, the change goes up within a second
        }, e -> {
            busy = false;
            setDecisionsEnabled(true);
            if (e instanceof WarningsToConfirm w && !confirmed && !asking) {
                asking = true; // no other decision until the clerk has answered
                // a callback must not block (Background.run): the modal dialog opens after it
                javax.swing.SwingUtilities.invokeLater(() -> {
                    boolean ok;
                    try {
                        ok = WarningsDialog.confirm(this, w.warnings());
                    } finally {
                        asking = false;
                    }
                    if (ok) {
                        submit(work, true);
                    } else {
                        List<String> p = new ArrayList<>();
                        p.add(Texts.t("intake.warnings.backNote"));
                        p.addAll(w.warnings());
                        setProblems(p);
                    }
                });
                return;
            }
            setProblems(Problems.reasons(e));
        });
    }

    private void setDecisionsEnabled(boolean on) {
        accept.setEnabled(on);
        supplement.setEnabled(on);
        refuse.setEnabled(on);
        back.setEnabled(on);
    }

    private void showResult(CaseView v) {
        caseNo = v.summary().caseNo();
        CaseState s = v.summary().state();
        String titleKey = switch (s) {
            case CLOSED -> "intake.result.closed";
            case SUPPLEMENTING -> "intake.result.supplementing";
            case REFUSED -> "intake.result.refused";
            default -> "intake.result.accepted";
        };
        resultTitle.setText(Texts.t(titleKey));
        resultTitle.setForeground(s == CaseState.REFUSED ? UiSetup.OVERDUE
                : s == CaseState.SUPPLEMENTING ? UiSetup.NEAR : DONE);
        resultCaseNo.setText(caseNo);
        resultState.setText(v.summary().stateLabel());
        String deadline = CaseTable.deadlineText(v.summary().deadline());
        resultDeadline.setText(deadline.isEmpty() ? Texts.t("intake.result.noDeadline") : deadline);
        List<MessageView> msgs = v.messages();
        resultMessage.setText(msgs.isEmpty() ? Texts.t("intake.result.noMessage") : msgs.get(msgs.size() - 1).text());
        resultMessage.setCaretPosition(0);
        goTo(RESULT);
        setProblems(List.of());
        frame.setCaseActions(null, null, null);
    }

    // -------------------------------------------------------------------------------------------- header, problems

    private void updateHeader() {
        if (item == null) {
            header.setText(Texts.t("intake.header.none"));
            return;
        }
        String who = applicantStep.describe();
        header.setText(Texts.t("intake.header", String.valueOf(item.no()), item.name(), item.caseType().label(),
                item.riskLevel().label()) + (who.isBlank() || step < 2 ? "" : Texts.t("intake.header.applicant", who)));
    }

    /** Shows the problems (all at once) below the step; an empty list hides the panel. */
    private void setProblems(List<String> list) {
        problems.clear();
        list.forEach(problems::addElement);
        problemTitle.setText(Texts.t(step == 3 ? "intake.problems.form" : "intake.problems.title",
                String.valueOf(list.size())));
        problemPanel.setVisible(!list.isEmpty());
        revalidate();
    }
}
