package org.ybdesk.desk;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Component;
import java.awt.Font;
import java.awt.event.ComponentAdapter;
import java.awt.event.ComponentEvent;
import java.util.List;
import javax.swing.BorderFactory;
import javax.swing.DefaultListModel;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import javax.swing.JTextField;
import javax.swing.ListCellRenderer;
import javax.swing.ListSelectionModel;
import org.ybdesk.service.CaseViews.NoteView;

/** 备注: the case's notes, oldest first (never edited), and a field to add one. */
final class CaseNotesTab extends JPanel {
    private final CasePanel owner;
    private final DefaultListModel<NoteView> model = new DefaultListModel<>();
    private final JList<NoteView> list = new JList<>(model);
    private final JTextField text = new JTextField();
    private final JButton add = new JButton(Texts.t("case.note.add"));

    CaseNotesTab(CasePanel owner) {
        super(new BorderLayout(0, 6));
        this.owner = owner;
        setName("case.tab.notes");
        setBorder(BorderFactory.createEmptyBorder(8, 8, 8, 8));
        list.setName("case.notes");
        list.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        list.setCellRenderer(new Renderer());
        list.addComponentListener(new ComponentAdapter() {
            @Override
            public void componentResized(ComponentEvent e) {
                // row heights depend on the width (wrapped text): make the list measure them again
                list.setFixedCellHeight(10);
                list.setFixedCellHeight(-1);
            }
        });
        text.setName("case.note.text");
        text.putClientProperty("JTextField.placeholderText", Texts.t("case.note.placeholder"));
        text.setToolTipText(Texts.t("case.note.tooltip"));
        text.addActionListener(e -> addNote());
        add.setName("case.note.add");
        add.addActionListener(e -> addNote());
        JPanel entry = new JPanel(new BorderLayout(6, 0));
        JLabel l = new JLabel(Texts.t("case.note.label"));
        l.setLabelFor(text);
        entry.add(l, BorderLayout.WEST);
        entry.add(text, BorderLayout.CENTER);
        entry.add(add, BorderLayout.EAST);
        add(new JScrollPane(list), BorderLayout.CENTER);
        add(entry, BorderLayout.SOUTH);
    }

    void setNotes(List<NoteView> notes) {
        model.clear();
        notes.forEach(model::addElement);
        if (!notes.isEmpty()) {
            list.ensureIndexIsVisible(notes.size() - 1);
        }
    }

    /** Whether something is typed and not yet added. */
    boolean hasInput() {
        return !text.getText().isBlank();
    }

    JList<NoteView> notesList() {
        return list;
    }

    private void addNote() {
        String t = text.getText();
        if (t.isBlank()) {
            text.requestFocusInWindow();
            return;
        }
        add.setEnabled(false);
        var session = owner.session();
        String caseNo = owner.caseNo();
        Background.run(this, () -> session.desk().cases().addNote(caseNo, t, session.actor()), n -> {
            add.setEnabled(true);
            // keep anything typed meanwhile; clear only what was saved
            if (text.getText().equals(t)) {
                text.setText("");
            }
            owner.reload();
        }, e -> {
            add.setEnabled(true);
            text.requestFocusInWindow();
            CasePanel.showProblems(this, e);
        });
    }

    /** A note as a header line (time · author) above its text, wrapped to the list's width. */
    private static final class Renderer extends JPanel implements ListCellRenderer<NoteView> {
        private final JLabel head = new JLabel();
        private final JTextArea body = new JTextArea();

        Renderer() {
            super(new BorderLayout(0, 2));
            setBorder(BorderFactory.createCompoundBorder(
                    BorderFactory.createMatteBorder(0, 0, 1, 0, new Color(0xE1E4E8)),
                    BorderFactory.createEmptyBorder(6, 8, 6, 8)));
            head.setFont(head.getFont().deriveFont(Font.BOLD));
            body.setLineWrap(true);
            body.setWrapStyleWord(false);
            body.setOpaque(false);
            body.setEditable(false);
            add(head, BorderLayout.NORTH);
            add(body, BorderLayout.CENTER);
        }

        @Override
        public Component getListCellRendererComponent(JList<? extends NoteView> l, NoteView v, int index,
                                                      boolean selected, boolean focus) {
            head.setText(Texts.t("case.note.head", CasePanel.time(v.at()), v.author()));
            body.setText(v.text());
            body.setFont(l.getFont());
            int width = l.getWidth() > 0 ? l.getWidth() : 600;
            body.setSize(Math.max(100, width - 16), Short.MAX_VALUE);
            setBackground(selected ? l.getSelectionBackground() : l.getBackground());
            Color fg = selected ? l.getSelectionForeground() : l.getForeground();
            body.setForeground(fg);
            head.setForeground(selected ? fg : CasePanel.MUTED);
            return this;
        }
    }
}
