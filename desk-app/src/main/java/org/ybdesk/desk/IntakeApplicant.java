package org.ybdesk.desk;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javax.swing.BorderFactory;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.JTextField;
import javax.swing.SwingConstants;
import javax.swing.table.DefaultTableModel;
import org.ybdesk.core.catalog.ApplicantKind;
import org.ybdesk.core.catalog.ItemGroup;
import org.ybdesk.core.catalog.ServiceItem;
import org.ybdesk.core.registry.IdType;
import org.ybdesk.core.registry.InsuredStatus;
import org.ybdesk.core.validation.Validators;
import org.ybdesk.core.validation.VoucherCodes;
import org.ybdesk.protocol.voucher.VoucherResolution;
import org.ybdesk.service.CaseService;
import org.ybdesk.service.CaseViews;
import org.ybdesk.service.Desk;
import org.ybdesk.service.RegistryService.PersonView;
import org.ybdesk.service.RegistryService.UnitView;
import org.ybdesk.service.VoucherService;

/**
 * Step 2 申请人: one field takes an ID number (person items), a unified social credit code (unit and institution
 * items) or an e-voucher code typed by a scanner. The applicant is looked up in the registry off the event thread
 * and what is known is shown — for the queries 7 and 8 this is the answer: the person's or the unit's insurance
 * record, for a unit with its insured persons.
 */
final class IntakeApplicant extends JPanel {
    /** What the typed code turned out to be. */
    enum CodeKind { EMPTY, PERSON_ID, CREDIT_CODE, VOUCHER, INVALID }

    /** The typed code, normalized, with the problems found in it. */
    record Code(CodeKind kind, String value, List<String> problems) {
        boolean valid() {
            return kind == CodeKind.PERSON_ID || kind == CodeKind.CREDIT_CODE;
        }
    }

    /** The registry's answer for a code: a person, or a unit with its insured persons; all null when unknown. */
    record Found(String code, PersonView person, UnitView unit, List<PersonView> unitPersons) {
        boolean known() {
            return person != null || unit != null;
        }
    }

    private static final int RECORD_WIDTH = 480;
    private final Desk desk;
    private final JComboBox<String> idType;
    private final JTextField id = new JTextField();
    private final JTextField name = new JTextField();
    private final JTextField phone = new JTextField();
    private final JLabel idTypeLabel = new JLabel(Texts.t("intake.applicant.idType"));
    private final JLabel idLabel = new JLabel();
    private final JLabel nameLabel = new JLabel();
    private final JLabel notice = new JLabel(" ");
    private final JLabel record = new JLabel();
    private final DefaultTableModel personsModel = new DefaultTableModel(new Object[] {
            Texts.t("intake.record.col.name"), Texts.t("intake.record.col.id"), Texts.t("intake.record.col.insurance"),
            Texts.t("intake.record.col.status")}, 0) {
        @Override
        public boolean isCellEditable(int row, int column) {
            return false;
        }
    };
    private final JTable persons = Tables.setUp(new JTable(personsModel));
    private final JScrollPane personsScroll = new JScrollPane(persons);
    private final JLabel personsTitle = new JLabel();
    private final JLabel help = new JLabel();
    /** Issue 13: 代他人申报 (the agent) and the 拨付对象. */
    private final IntakeAgent agent = new IntakeAgent();
    private ServiceItem item;
    private Found found;
    private String prefilledName = "";
    private String prefilledPhone = "";
    /** Issue 13: resolves a scanned e-voucher code through the province (module sync implements it). */
    private final VoucherService.Resolver vouchers;
    /** The voucher the applicant showed and what the province said (null: none scanned). */
    private Scanned scanned;
    private final JLabel voucherLabel = new JLabel(" ");

    /**
     * A scanned e-voucher code and the province's answer: RESOLVED (the ID field was filled with the ID it names),
     * UNANSWERED (offline: the case will be 待核验), REFUSED (unknown or expired: not kept with the case).
     */
    record Scanned(String code, VoucherService.Answer answer) {
    }

    IntakeApplicant(Desk desk) {
        this(desk, null);
    }

    IntakeApplicant(Desk desk, VoucherService.Resolver vouchers) {
        super(new BorderLayout(16, 8));
        this.desk = desk;
        this.vouchers = vouchers;
        voucherLabel.setName("intake.voucher");
        setName("intake.applicantStep");
        List<String> types = new ArrayList<>();
        for (IdType t : IdType.values()) {
            types.add(t.label());
        }
        idType = IntakeKeys.choiceBox(types);
        idType.setSelectedIndex(0);
        idType.setName("intake.idType");
        id.setName("intake.applicantId");
        id.setFont(UiSetup.font(Font.PLAIN, 16f));
        name.setName("intake.applicantName");
        phone.setName("intake.applicantPhone");
        phone.putClientProperty("JTextField.placeholderText", Texts.t("intake.applicant.phone.placeholder"));
        notice.setName("intake.applicantNotice");
        record.setName("intake.record");
        record.setVerticalAlignment(SwingConstants.TOP);
        persons.setName("intake.unitPersons");
        persons.setFocusable(false);
        personsTitle.setName("intake.unitPersons.title");
        idTypeLabel.setLabelFor(idType);
        idLabel.setLabelFor(id);
        nameLabel.setLabelFor(name);

        JPanel inputs = new JPanel(new GridBagLayout());
        GridBagConstraints g = new GridBagConstraints();
        g.insets = new Insets(4, 0, 4, 8);
        g.anchor = GridBagConstraints.WEST;
        g.fill = GridBagConstraints.HORIZONTAL;
        addRow(inputs, g, 0, idTypeLabel, idType);
        addRow(inputs, g, 1, idLabel, id);
        g.gridx = 1;
        g.gridy = 2;
        inputs.add(notice, g);
        addRow(inputs, g, 3, nameLabel, name);
        JLabel phoneLabel = new JLabel(Texts.t("intake.applicant.phone"));
        phoneLabel.setLabelFor(phone);
        addRow(inputs, g, 4, phoneLabel, phone);
        g.gridx = 1;
        g.gridy = 5;
        inputs.add(voucherLabel, g);
        g.gridx = 0;
        g.gridy = 6;
        g.gridwidth = 2;
        inputs.add(agent, g);
        g.gridwidth = 1;
        g.gridx = 0;
        g.gridy = 7;
        g.weighty = 1;
        inputs.add(new JLabel(" "), g);
        inputs.setPreferredSize(new Dimension(470, inputs.getPreferredSize().height));
        help.setName("intake.applicantHelp");
        help.setForeground(Color.GRAY);
        g.gridy = 8;
        g.gridwidth = 2;
        g.weighty = 0;
        inputs.add(help, g);

        JPanel right = new JPanel(new BorderLayout(0, 6));
        JScrollPane recordScroll = new JScrollPane(record);
        recordScroll.setBorder(BorderFactory.createCompoundBorder(BorderFactory.createLineBorder(new Color(0xD0D7DE)),
                BorderFactory.createEmptyBorder(8, 10, 8, 10)));
        right.add(recordScroll, BorderLayout.CENTER);
        JPanel personsPanel = new JPanel(new BorderLayout(0, 4));
        personsPanel.add(personsTitle, BorderLayout.NORTH);
        personsScroll.setPreferredSize(new Dimension(300, 170));
        personsPanel.add(personsScroll, BorderLayout.CENTER);
        right.add(personsPanel, BorderLayout.SOUTH);
        add(inputs, BorderLayout.WEST);
        add(right, BorderLayout.CENTER);
        showRecord();
    }

    private static void addRow(JPanel p, GridBagConstraints g, int row, JLabel label, JComponent field) {
        g.gridy = row;
        g.gridx = 0;
        g.weightx = 0;
        p.add(label, g);
        g.gridx = 1;
        g.weightx = 1;
        p.add(field, g);
    }

    /** Sets the item applied for: persons give an ID number, units and institutions a credit code. Keeps input. */
    void setItem(ServiceItem item) {
        boolean changed = this.item == null || this.item.applicantKind() != item.applicantKind();
        this.item = item;
        boolean person = person();
        idTypeLabel.setVisible(person);
        idType.setVisible(person);
        idLabel.setText(Texts.t(person ? "intake.applicant.id" : "intake.applicant.creditCode"));
        nameLabel.setText(Texts.t(person ? "intake.applicant.name" : "intake.applicant.unitName"));
        id.putClientProperty("JTextField.placeholderText",
                Texts.t(person ? "intake.applicant.id.placeholder" : "intake.applicant.creditCode.placeholder"));
        id.setToolTipText(Texts.t(person ? "intake.applicant.id.tooltip" : "intake.applicant.creditCode.tooltip"));
        help.setText(Texts.t(person ? "intake.applicant.help" : "intake.applicant.help.unit"));
        agent.setItem(item);
        if (changed) {
            found = null;
            notice.setText(" ");
        }
        showRecord();
    }

    boolean person() {
        return item == null || item.applicantKind() == ApplicantKind.PERSON;
    }

    /** The 代办人 section (issue 13). */
    IntakeAgent agent() {
        return agent;
    }

    JTextField idField() {
        return id;
    }

    JTextField nameField() {
        return name;
    }

    JTextField phoneField() {
        return phone;
    }

    JComboBox<String> idTypeBox() {
        return idType;
    }

    Found found() {
        return found;
    }

    IdType selectedIdType() {
        return person() ? IdType.fromLabel((String) idType.getSelectedItem()).orElse(IdType.RESIDENT_ID) : null;
    }

    boolean hasInput() {
        return !id.getText().isBlank() || !name.getText().isBlank() || !phone.getText().isBlank()
                || agent.hasInput();
    }

    /** What the typed code is, for this item: an ID number, a credit code, an e-voucher code or wrong. */
    Code code() {
        Code c = classify(id.getText(), item == null ? ApplicantKind.PERSON : item.applicantKind(),
                person() ? selectedIdType() : null, desk.today());
        if (c.kind() == CodeKind.VOUCHER && scanned != null && scanned.code().equals(c.value())) {
            VoucherService.Answer a = scanned.answer();
            String problem = a.outcome() == VoucherService.Outcome.REFUSED
                    ? Texts.t("intake.applicant.voucherRefused", a.reason())
                    : Texts.t("intake.applicant.voucherOffline");
            return new Code(CodeKind.VOUCHER, c.value(), List.of(problem));
        }
        return c;
    }

    static Code classify(String raw, ApplicantKind kind, IdType type, LocalDate today) {
        String s = Validators.normalizeId(raw);
        if (s.isEmpty()) {
            return new Code(CodeKind.EMPTY, s, List.of(Texts.t("intake.applicant.id.missing",
                    Texts.t(kind == ApplicantKind.PERSON ? "intake.applicant.id" : "intake.applicant.creditCode"))));
        }
        String idLabel = Texts.t("intake.applicant.id");
        String codeLabel = Texts.t("intake.applicant.creditCode");
        if (kind == ApplicantKind.PERSON) {
            IdType t = type == null ? IdType.RESIDENT_ID : type;
            List<String> p = Validators.idNumber(t, s, today);
            if (p.isEmpty()) {
                return new Code(CodeKind.PERSON_ID, s, List.of());
            }
            Optional<Code> v = voucher(s, kind);
            if (v.isPresent()) {
                return v.get();
            }
            if (t == IdType.RESIDENT_ID && Validators.creditCode(s).isEmpty()) {
                return new Code(CodeKind.INVALID, s, List.of(Texts.t("intake.applicant.notPersonCode")));
            }
            return new Code(CodeKind.INVALID, s, p.stream().map(x -> Texts.t("intake.problem", idLabel, x)).toList());
        }
        String upper = s.toUpperCase();
        List<String> p = Validators.creditCode(upper);
        if (p.isEmpty()) {
            return new Code(CodeKind.CREDIT_CODE, upper, List.of());
        }
        Optional<Code> v = voucher(upper, kind);
        if (v.isPresent()) {
            return v.get();
        }
        if (Validators.residentId(upper, today).isEmpty()) {
            return new Code(CodeKind.INVALID, upper, List.of(Texts.t("intake.applicant.notUnitCode")));
        }
        return new Code(CodeKind.INVALID, upper, p.stream().map(x -> Texts.t("intake.problem", codeLabel, x)).toList());
    }

    /**
     * An e-voucher code (D151, {@code core.validation.VoucherCodes}): a well-formed one is VOUCHER (resolved at the
     * province on Enter) unless it is of the other kind than the item's applicant; one meant as a code (starts with E
     * or U, 24–40 letters and digits) but broken gets the voucher's problems. Anything else — a mistyped ID number of
     * 17 or 19 digits, a wrong check digit — is not a voucher and gets the ID number's problems.
     */
    static Optional<Code> voucher(String s, ApplicantKind kind) {
        Optional<VoucherCodes.Kind> k = VoucherCodes.kind(s);
        if (k.isPresent()) {
            if (!VoucherService.fits(k.get(), kind)) {
                return Optional.of(new Code(CodeKind.INVALID, s, List.of(Texts.t(k.get() == VoucherCodes.Kind.PERSON
                        ? "intake.applicant.voucherOfPerson" : "intake.applicant.voucherOfUnit"))));
            }
            return Optional.of(new Code(CodeKind.VOUCHER, s, List.of(Texts.t("intake.applicant.voucherEnter"))));
        }
        if (VoucherCodes.meantAsVoucher(s)) {
            return Optional.of(new Code(CodeKind.INVALID, s, VoucherCodes.problems(s)));
        }
        return Optional.empty();
    }

    /**
     * Checks what was typed in this step; every problem at once. Marks the fields with problems. The registry
     * answer (when looked up) adds a name mismatch.
     */
    List<String> check() {
        List<String> problems = new ArrayList<>();
        Code c = code();
        problems.addAll(c.problems());
        mark(id, !c.problems().isEmpty());
        boolean nameBad = false;
        if (name.getText().isBlank()) {
            problems.add(Texts.t("intake.applicant.name.missing", nameLabel.getText()));
            nameBad = true;
        } else if (found != null && found.person() != null && c.valid() && found.code().equals(c.value())
                && !found.person().name().equals(name.getText().strip())) {
            problems.add(Texts.t("intake.applicant.name.mismatch", found.person().name()));
            nameBad = true;
        }
        mark(name, nameBad);
        List<String> phoneProblems = phone.getText().isBlank() ? List.of() : Validators.landlineOrMobile(phone.getText());
        phoneProblems.forEach(p -> problems.add(Texts.t("intake.problem", Texts.t("intake.applicant.phone"), p)));
        mark(phone, !phoneProblems.isEmpty());
        return problems;
    }

    static void mark(JComponent c, boolean bad) {
        c.putClientProperty("JComponent.outline", bad ? "error" : null);
    }

    /** Whether the registry was asked about the code now typed. */
    boolean lookedUp() {
        Code c = code();
        return c.valid() && found != null && found.code().equals(c.value());
    }

    /**
     * Asks the registry (off the event thread) about the typed code, shows the answer and fills the name and phone
     * where the clerk has not typed something else; then runs {@code then} with the problems of the code (empty when
     * it is valid). A voucher code or a wrong code is reported without asking.
     */
    void lookUp(Consumer<List<String>> then) {
        Code c = code();
        if (c.kind() == CodeKind.VOUCHER && (scanned == null || !scanned.code().equals(c.value())
                || scanned.answer().outcome() == VoucherService.Outcome.RESOLVED)) {
            resolveVoucher(c.value(), then);
            return;
        }
        if (!c.valid()) {
            mark(id, c.kind() != CodeKind.EMPTY);
            notice.setText(c.kind() == CodeKind.VOUCHER ? Texts.t(scanned.answer().outcome()
                    == VoucherService.Outcome.REFUSED ? "intake.applicant.voucherRefusedShort"
                    : "intake.applicant.voucherShort") : " ");
            notice.setForeground(UiSetup.NEAR);
            then.accept(c.problems());
            return;
        }
        mark(id, false);
        showVoucher();
        if (lookedUp()) {
            then.accept(List.of());
            return;
        }
        String code = c.value();
        boolean person = person();
        Background.run(this, () -> {
            if (person) {
                return new Found(code, desk.registry().findPerson(code).orElse(null), null, List.of());
            }
            Optional<UnitView> u = desk.registry().findUnit(code);
            return new Found(code, null, u.orElse(null),
                    u.isPresent() ? desk.registry().personsOfUnit(code, 500) : List.of());
        }, f -> {
            found = f;
            if (!code.equals(id.getText().strip()) && Validators.normalizeId(id.getText()).equals(code)) {
                id.setText(code);
            }
            String knownName = f.person() != null ? f.person().name() : f.unit() != null ? f.unit().name() : null;
            String knownPhone = f.person() != null ? f.person().phone()
                    : f.unit() != null ? f.unit().contactPhone() : null;
            if (knownName != null && (name.getText().isBlank() || name.getText().equals(prefilledName))) {
                name.setText(knownName);
                prefilledName = knownName;
            }
            if (knownPhone != null && (phone.getText().isBlank() || phone.getText().equals(prefilledPhone))) {
                phone.setText(knownPhone);
                prefilledPhone = knownPhone;
            }
            if (f.person() != null && f.person().idType() != selectedIdType()) {
                idType.setSelectedItem(f.person().idType().label());
            }
            notice.setForeground(f.known() ? new Color(0x1A7F37) : Color.GRAY);
            notice.setText(Texts.t(f.known() ? "intake.applicant.found" : "intake.applicant.notFound"));
            showRecord();
            then.accept(List.of());
        });
    }

    /**
     * Asks the province (off the event thread, at most 5 s) who the scanned code belongs to. Resolved: the ID type,
     * ID number (or credit code) and name are filled in and the registry is asked as for a typed ID. Offline or
     * timeout: said so truthfully; the code stays in the field for the clerk to type the ID number over, and the
     * case will be 待核验. Refused (unknown, expired): the province's reason; the voucher is not kept.
     */
    private void resolveVoucher(String code, Consumer<List<String>> then) {
        notice.setForeground(Color.GRAY);
        notice.setText(Texts.t("intake.applicant.voucherAsking"));
        Background.run(this, () -> desk.vouchers().resolve(code, vouchers), a -> {
            scanned = new Scanned(code, a);
            if (a.outcome() == VoucherService.Outcome.RESOLVED && Validators.normalizeId(id.getText()).equals(code)) {
                VoucherResolution r = a.resolution();
                for (IdType t : IdType.values()) {
                    if (r.person() && t.name().equals(r.idType())) {
                        idType.setSelectedItem(t.label());
                    }
                }
                id.setText(r.idNumber());
                if (r.name() != null && (name.getText().isBlank() || name.getText().equals(prefilledName))) {
                    name.setText(r.name());
                    prefilledName = r.name();
                }
                lookUp(then);
                return;
            }
            showVoucher();
            lookUp(then);
        });
    }

    /**
     * The voucher to keep with the case: VERIFIED when the province resolved it to the applicant now typed,
     * PENDING (待核验) when it could not be asked; none when no voucher was scanned, the province refused it, or the
     * ID number was changed to someone else's after it was resolved.
     */
    CaseService.VoucherUse voucherUse() {
        if (scanned == null) {
            return null;
        }
        VoucherService.Answer a = scanned.answer();
        return switch (a.outcome()) {
            case RESOLVED -> VoucherService.sameApplicant(a.resolution(), item == null ? ApplicantKind.PERSON
                    : item.applicantKind(), code().value())
                    ? new CaseService.VoucherUse(scanned.code(), CaseService.VoucherCheck.VERIFIED) : null;
            case UNANSWERED -> new CaseService.VoucherUse(scanned.code(), CaseService.VoucherCheck.PENDING);
            case REFUSED -> null;
        };
    }

    /** The line under the applicant's fields saying what becomes of the scanned voucher. */
    private void showVoucher() {
        if (scanned == null) {
            voucherLabel.setText(" ");
            return;
        }
        String shortCode = scanned.code().substring(0, 6) + "…" + scanned.code().substring(scanned.code().length() - 4);
        CaseService.VoucherUse use = voucherUse();
        String key;
        Color color;
        if (use == null) {
            key = scanned.answer().outcome() == VoucherService.Outcome.REFUSED ? "intake.voucher.refused"
                    : "intake.voucher.other";
            color = Color.GRAY;
        } else if (use.check() == CaseService.VoucherCheck.VERIFIED) {
            key = "intake.voucher.verified";
            color = new Color(0x1A7F37);
        } else {
            key = "intake.voucher.pending";
            color = UiSetup.NEAR;
        }
        voucherLabel.setForeground(color);
        voucherLabel.setText(Texts.t(key, shortCode));
    }

    /** The applicant as CaseService takes it. */
    CaseService.Applicant applicant() {
        Code c = code();
        return new CaseService.Applicant(selectedIdType(), c.value(), name.getText().strip(),
                phone.getText().isBlank() ? null : phone.getText().strip());
    }

    /** A one-line description for the wizard's header: name and (full) ID number. */
    String describe() {
        Code c = code();
        if (name.getText().isBlank() && c.value().isEmpty()) {
            return "";
        }
        return name.getText().strip() + " " + c.value();
    }

    /**
     * Values the intake form can take from the applicant and the registry, by field key (the step-3 form fills
     * them where the clerk has typed nothing else).
     */
    Map<String, String> known() {
        Map<String, String> k = new LinkedHashMap<>();
        Code c = code();
        String nm = name.getText().strip();
        String ph = phone.getText().strip();
        if (person()) {
            put(k, "name", nm);
            put(k, "insuredName", nm);
            put(k, "idType", selectedIdType().label());
            if (c.valid()) {
                put(k, "idNumber", c.value());
            }
            put(k, "phone", ph);
            LocalDate birth = null;
            PersonView p = found != null && c.valid() && found.code().equals(c.value()) ? found.person() : null;
            if (p != null) {
                birth = p.birthDate();
                put(k, "insuranceType", p.insuranceType().label());
                put(k, "householdAddress", p.householdAddress());
                put(k, "unitName", p.unitName());
                put(k, "employerName", p.unitName());
                put(k, "creditCodeOrUnitCode", p.unitCreditCode());
            }
            if (birth == null && c.valid() && selectedIdType().isGb11643Style()) {
                birth = Validators.idFacts(c.value(), desk.today()).map(f -> f.birthDate()).orElse(null);
            }
            if (birth != null) {
                put(k, "birthDate", birth.toString());
                put(k, "age", String.valueOf(Period.between(birth, desk.today()).getYears()));
            }
        } else {
            if (c.valid()) {
                put(k, "creditCode", c.value());
                put(k, "creditCodeOrUnitCode", c.value());
            }
            for (String key : List.of("unitName", "institutionName", "pharmacyName")) {
                put(k, key, nm);
            }
            UnitView u = found != null && c.valid() && found.code().equals(c.value()) ? found.unit() : null;
            if (u != null) {
                put(k, "unitNature", u.unitType());
                put(k, "unitType", u.unitType());
                put(k, "mailingAddress", u.address());
                put(k, "unitAddress", u.address());
                put(k, "registeredAddress", u.address());
                put(k, "legalRepresentativeName", u.legalRepName());
                put(k, "legalRepresentativeIdNumber", u.legalRepIdNumber());
                put(k, "legalRepresentativePhone", u.legalRepPhone());
                put(k, "bankName", u.bankName());
                put(k, "bankAccountNumber", u.bankAccount());
                put(k, "unitContactName", u.contactName());
                put(k, "unitContactPhone", u.contactPhone());
                put(k, "unitContactMobile", u.contactPhone());
            }
        }
        return k;
    }

    private static void put(Map<String, String> m, String key, String value) {
        if (value != null && !value.isBlank()) {
            m.put(key, value.strip());
        }
    }

    /**
     * Conditions of the item the registry shows are not met: an applicant the registry does not know, for an item
     * other than a registration (the first condition of those items is being insured or registered); a resident
     * already insured asking for resident registration.
     */
    List<String> unmetConditions() {
        List<String> out = new ArrayList<>();
        if (item == null || found == null || !lookedUp() || item.conditions().isEmpty()) {
            return out;
        }
        boolean registration = item.group() == ItemGroup.REGISTRATION;
        if (!found.known() && item.applicantKind() != ApplicantKind.INSTITUTION && !registration) {
            out.add(item.conditions().get(0));
        }
        if (item.no() == 3 && found.person() != null && found.person().status() == InsuredStatus.INSURED) {
            out.add(item.conditions().get(0));
        }
        return out;
    }

    /** The registry's record of the applicant on screen (full ID number: the clerk needs it here). */
    private void showRecord() {
        StringBuilder sb = new StringBuilder(IntakeKeys.html(RECORD_WIDTH));
        personsModel.setRowCount(0);
        boolean showPersons = false;
        if (found == null) {
            sb.append("<span style='color:gray'>").append(Texts.t(item != null && item.group() == ItemGroup.QUERY
                    ? "intake.record.queryHint" : "intake.record.hint")).append("</span>");
        } else if (found.person() != null) {
            PersonView p = found.person();
            sb.append("<b style='font-size:115%'>").append(Texts.t("intake.record.person")).append("</b><br><br>");
            row(sb, "intake.record.name", p.name());
            row(sb, "intake.record.id", p.idType().label() + " " + p.idNumber());
            row(sb, "intake.record.gender", p.gender() == null ? null : p.gender().label());
            row(sb, "intake.record.birth", p.birthDate() == null ? null : p.birthDate().toString());
            row(sb, "intake.record.insurance", p.insuranceType().label());
            row(sb, "intake.record.status", p.status().label());
            row(sb, "intake.record.unit", p.unitName() == null ? Texts.t("intake.record.noUnit")
                    : p.unitName() + " (" + p.unitCreditCode() + ")");
            row(sb, "intake.record.phone", p.phone());
            row(sb, "intake.record.household", p.householdAddress());
            row(sb, "intake.record.living", p.livingAddress());
            row(sb, "intake.record.balance", Texts.t("intake.record.yuan", p.accountBalance().toYuanString()));
        } else if (found.unit() != null) {
            UnitView u = found.unit();
            sb.append("<b style='font-size:115%'>").append(Texts.t("intake.record.unitTitle")).append("</b><br><br>");
            row(sb, "intake.record.unitName", u.name());
            row(sb, "intake.record.creditCode", u.creditCode());
            row(sb, "intake.record.unitType", u.unitType());
            row(sb, "intake.record.status", u.status().label());
            row(sb, "intake.record.address", u.address());
            row(sb, "intake.record.legalRep", u.legalRepName());
            row(sb, "intake.record.contact", join(u.contactName(), u.contactPhone()));
            row(sb, "intake.record.bank", join(u.bankName(), u.bankAccount()));
            row(sb, "intake.record.division", u.adminDivisionCode());
            row(sb, "intake.record.personCount", String.valueOf(found.unitPersons().size()));
            for (PersonView p : found.unitPersons()) {
                personsModel.addRow(new Object[] {p.name(), CaseViews.mask(p.idNumber()), p.insuranceType().label(),
                        p.status().label()});
            }
            showPersons = true;
            personsTitle.setText(Texts.t("intake.record.persons", String.valueOf(found.unitPersons().size())));
        } else {
            sb.append(Texts.t(person() ? "intake.record.personUnknown" : "intake.record.unitUnknown",
                    Problems.escape(found.code())));
        }
        sb.append("</div></html>");
        record.setText(sb.toString());
        personsTitle.setVisible(showPersons);
        personsScroll.setVisible(showPersons);
        revalidate();
    }

    private static String join(String a, String b) {
        if (a == null || a.isBlank()) {
            return b;
        }
        return b == null || b.isBlank() ? a : a + " " + b;
    }

    private static void row(StringBuilder sb, String key, String value) {
        sb.append("<b>").append(Texts.t(key)).append("</b>&nbsp;&nbsp;")
                .append(value == null || value.isBlank() ? "—" : Problems.escape(value)).append("<br>");
    }
}
