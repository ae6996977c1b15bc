package org.ybdesk.desk;

import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.Dimension;
import java.awt.Window;
import java.awt.event.KeyEvent;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.util.List;
import java.util.Optional;
import javax.swing.AbstractAction;
import javax.swing.BorderFactory;
import javax.swing.DefaultListCellRenderer;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextField;
import javax.swing.KeyStroke;
import javax.swing.ListSelectionModel;
import javax.swing.SwingUtilities;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;
import org.ybdesk.core.validation.AdminDivisions;
import org.ybdesk.service.LookupService;
import org.ybdesk.service.LookupService.Place;
import org.ybdesk.service.ServiceException;

/**
 * 就医地 chosen by name or pinyin (issue 13): a field of an admin-division code gets a 「选择…」 button (and F4) that
 * opens a small dialog; typing 哈尔滨, haerbin, heb or 2301 lists the divisions (cities first), Enter or a double click
 * fills the code in. The chosen division's name shows under the field, for a typed code as well.
 */
final class PlaceChooser extends JDialog {
    private final JTextField query = new JTextField(24);
    private final JList<Place> results = new JList<>();
    private final JLabel hint = new JLabel(" ");
    private Place chosen;

    private PlaceChooser(Window owner, String fieldLabel) {
        super(owner, Texts.t("place.title", fieldLabel), ModalityType.APPLICATION_MODAL);
        setName("place.dialog");
        query.setName("place.query");
        query.putClientProperty("JTextField.placeholderText", Texts.t("place.placeholder"));
        results.setName("place.results");
        results.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        results.setVisibleRowCount(12);
        results.setCellRenderer(new DefaultListCellRenderer() {
            @Override
            public Component getListCellRendererComponent(JList<?> list, Object value, int index, boolean selected,
                                                          boolean focus) {
                Place p = (Place) value;
                return super.getListCellRendererComponent(list, Texts.t("place.row", p.code(), p.name(),
                        p.kindLabel()), index, selected, focus);
            }
        });
        hint.setName("place.hint");
        JButton choose = new JButton(Texts.t("place.choose"));
        choose.setName("place.choose");
        choose.addActionListener(e -> choose());
        JButton cancel = new JButton(Texts.t("place.cancel"));
        cancel.setName("place.cancel");
        cancel.addActionListener(e -> dispose());
        query.getDocument().addDocumentListener(new DocumentListener() {
            @Override
            public void insertUpdate(DocumentEvent e) {
                search();
            }

            @Override
            public void removeUpdate(DocumentEvent e) {
                search();
            }

            @Override
            public void changedUpdate(DocumentEvent e) {
                search();
            }
        });
        query.addActionListener(e -> choose());
        query.getInputMap().put(KeyStroke.getKeyStroke(KeyEvent.VK_DOWN, 0), "down");
        query.getActionMap().put("down", new AbstractAction() {
            @Override
            public void actionPerformed(java.awt.event.ActionEvent e) {
                if (results.getModel().getSize() > 0) {
                    results.setSelectedIndex(Math.min(results.getSelectedIndex() + 1,
                            results.getModel().getSize() - 1));
                    results.ensureIndexIsVisible(results.getSelectedIndex());
                }
            }
        });
        results.getInputMap().put(KeyStroke.getKeyStroke(KeyEvent.VK_ENTER, 0), "choose");
        results.getActionMap().put("choose", new AbstractAction() {
            @Override
            public void actionPerformed(java.awt.event.ActionEvent e) {
                choose();
            }
        });
        results.addMouseListener(new MouseAdapter() {
            @Override
            public void mouseClicked(MouseEvent e) {
                if (e.getClickCount() == 2) {
                    choose();
                }
            }
        });
        getRootPane().registerKeyboardAction(e -> dispose(), KeyStroke.getKeyStroke(KeyEvent.VK_ESCAPE, 0),
                JComponent.WHEN_IN_FOCUSED_WINDOW);

        JPanel top = new JPanel(new BorderLayout(0, 4));
        top.add(new JLabel(Texts.t("place.prompt")), BorderLayout.NORTH);
        top.add(query, BorderLayout.CENTER);
        JPanel buttons = new JPanel(new java.awt.FlowLayout(java.awt.FlowLayout.RIGHT, 8, 0));
        buttons.add(choose);
        buttons.add(cancel);
        JPanel bottom = new JPanel(new BorderLayout());
        bottom.add(hint, BorderLayout.CENTER);
        bottom.add(buttons, BorderLayout.EAST);
        JPanel p = new JPanel(new BorderLayout(0, 8));
        p.setBorder(BorderFactory.createEmptyBorder(12, 12, 12, 12));
        p.add(top, BorderLayout.NORTH);
        JScrollPane sp = new JScrollPane(results);
        sp.setPreferredSize(new Dimension(460, 280));
        p.add(sp, BorderLayout.CENTER);
        p.add(bottom, BorderLayout.SOUTH);
        setContentPane(p);
        pack();
        setLocationRelativeTo(owner);
        WindowSizes.remember(this); // issue 15: fits 1366×728, resizable, its size kept
        hint.setText(Texts.t("place.prompt.hint"));
    }

    private void search() {
        String q = query.getText();
        if (q.isBlank()) {
            results.setListData(new Place[0]);
            hint.setText(Texts.t("place.prompt.hint"));
            return;
        }
        try {
            List<Place> found = LookupService.findPlaces(q);
            results.setListData(found.toArray(Place[]::new));
            if (!found.isEmpty()) {
                results.setSelectedIndex(0);
            }
            hint.setText(found.isEmpty() ? Texts.t("place.none", q.strip())
                    : Texts.t("place.count", String.valueOf(found.size())));
        } catch (ServiceException e) {
            results.setListData(new Place[0]);
            hint.setText(e.getMessage());
        }
    }

    private void choose() {
        Place p = results.getSelectedValue();
        if (p == null) {
            hint.setText(Texts.t("place.pickOne"));
            return;
        }
        chosen = p;
        dispose();
    }

    /** Opens the chooser over {@code owner}; the chosen division, or empty when cancelled. Event thread only. */
    static Optional<Place> choose(Component owner, String fieldLabel) {
        PlaceChooser d = new PlaceChooser(SwingUtilities.getWindowAncestor(owner), fieldLabel);
        d.setVisible(true);
        return Optional.ofNullable(d.chosen);
    }

    /**
     * The code field with its 「选择…」 button (name {@code intake.pick.KEY}, also F4 in the field) and the division's
     * name under it ({@code intake.placeName.KEY}).
     */
    static JComponent wrap(JTextField code, String key, String fieldLabel) {
        JButton pick = new JButton(Texts.t("place.pick"));
        pick.setName("intake.pick." + key);
        pick.setToolTipText(Texts.t("place.pick.tip"));
        pick.setFocusable(false);
        JLabel name = new JLabel(" ");
        name.setName("intake.placeName." + key);
        name.setFont(UiSetup.font(java.awt.Font.PLAIN, 12f));
        Runnable show = () -> name.setText(AdminDivisions.name(code.getText().trim()).orElse(" "));
        code.getDocument().addDocumentListener(new DocumentListener() {
            @Override
            public void insertUpdate(DocumentEvent e) {
                show.run();
            }

            @Override
            public void removeUpdate(DocumentEvent e) {
                show.run();
            }

            @Override
            public void changedUpdate(DocumentEvent e) {
                show.run();
            }
        });
        Runnable open = () -> choose(code, fieldLabel).ifPresent(p -> {
            code.setText(p.code());
            code.requestFocusInWindow();
        });
        pick.addActionListener(e -> open.run());
        code.getInputMap().put(KeyStroke.getKeyStroke(KeyEvent.VK_F4, 0), "pickPlace");
        code.getActionMap().put("pickPlace", new AbstractAction() {
            @Override
            public void actionPerformed(java.awt.event.ActionEvent e) {
                open.run();
            }
        });
        JPanel p = new JPanel(new BorderLayout(4, 0));
        p.add(code, BorderLayout.CENTER);
        p.add(pick, BorderLayout.EAST);
        p.add(name, BorderLayout.SOUTH);
        return p;
    }
}
