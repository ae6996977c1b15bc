package org.ybdesk.service;

import static org.ybdesk.db.jooq.Tables.PERSON;
import static org.ybdesk.db.jooq.Tables.UNIT;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ybdesk.core.casefile.CaseFile;
import org.ybdesk.core.catalog.ApplicantKind;
import org.ybdesk.core.catalog.FlowVariant;
import org.ybdesk.core.catalog.IntakeCheck;
import org.ybdesk.core.catalog.ServiceItem;
import org.ybdesk.core.lifecycle.Actor;
import org.ybdesk.core.lifecycle.Role;
import org.ybdesk.core.registry.IdType;
import org.ybdesk.core.validation.FieldLimits;
import org.ybdesk.core.validation.InputHygiene;
import org.ybdesk.core.validation.Validators;
import org.ybdesk.db.jooq.tables.records.PersonRecord;
import org.ybdesk.db.jooq.tables.records.UnitRecord;
import org.ybdesk.service.CaseService.Applicant;
import org.ybdesk.service.CaseService.NewCase;

/**
 * Checks an application as the window or the command line gives it, before anything is written: the item, the
 * person's role, the applicant (number, name against the registry, phone), the form's values, the materials'
 * numbers, the channel and the settlement amounts. All problems at once; warnings (something unusual, D97) are
 * returned for the clerk to confirm. The result is the application as the case will store it.
 */
final class IntakeValidation {
    /** The application checked: the case to take in (no number yet) and the warnings the clerk confirms. */
    record Checked(CaseFile application, List<String> warnings) {
    }

    private final Desk desk;

    IntakeValidation(Desk desk) {
        this.desk = desk;
    }

    /** @throws ServiceException with every problem at once */
    Checked check(NewCase req, Actor actor, String agencyCode) {
        return check(req, actor, agencyCode, false);
    }

    /**
     * Checks the application; {@code early} (不予受理 or 补正 together with taking it in, D182) asks only for what
     * identifies the applicant: a form field left empty is not a problem then (a value given is still checked), nor
     * are the settlement amounts.
     *
     * @throws ServiceException with every problem at once
     */
    Checked check(NewCase req, Actor actor, String agencyCode, boolean early) {
        List<String> problems = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Optional<ServiceItem> found = desk.catalog().find(req.itemNo());
        if (found.isEmpty()) {
            throw new ServiceException(Texts.get("case.item.unknown", String.valueOf(req.itemNo())));
        }
        ServiceItem item = found.get();
        if (!actor.has(Role.CLERK)) {
            problems.add(Texts.get("case.create.role"));
        }
        Applicant ap = req.applicant();
        boolean personApplicant = item.applicantKind() == ApplicantKind.PERSON;
        String idLabel = Texts.get(personApplicant ? "label.applicantId" : "label.applicantCreditCode");
        List<String> idFlaws = InputHygiene.line(idLabel, ap == null ? null : ap.idNumber(), FieldLimits.ID_NUMBER);
        List<String> nameFlaws = InputHygiene.line(Texts.get("label.applicantName"), ap == null ? null : ap.name(),
                personApplicant ? FieldLimits.PERSON_NAME : FieldLimits.APPLICANT_NAME);
        problems.addAll(idFlaws);
        problems.addAll(nameFlaws);
        problems.addAll(InputHygiene.line(Texts.get("label.applicantPhone"), ap == null ? null : ap.phone(),
                FieldLimits.PHONE));
        problems.addAll(InputHygiene.line(Texts.get("label.channel"), req.channel(), FieldLimits.CHANNEL));
        String apId = ap == null || ap.idNumber() == null || !idFlaws.isEmpty() ? ""
                : Validators.normalizeId(ap.idNumber());
        String apName = ap == null || ap.name() == null || !nameFlaws.isEmpty() ? "" : InputHygiene.tidy(ap.name());
        PersonRecord person = null;
        UnitRecord unit = null;
        if (!idFlaws.isEmpty()) {
            // the number itself cannot be read: its format checks would only repeat the problem
        } else if (personApplicant) {
            IdType t = ap == null || ap.idType() == null ? IdType.RESIDENT_ID : ap.idType();
            Validators.idNumber(t, apId, desk.today()).forEach(p -> problems.add(Texts.get("field.problem", Texts.get("label.applicantId"), p)));
            if (item.leafFields().noneMatch(f -> f.key().equals("idNumber"))) { // else the field's check warns
                Validators.idNumberWarnings(t, apId, desk.today()).forEach(w -> warnings.add(
                        Texts.get("field.problem", Texts.get("label.applicantId"), w)));
            }
            person = desk.db().dsl().selectFrom(PERSON).where(PERSON.ID_NUMBER.eq(apId)).limit(1).fetchOne();
            if (person != null && !apName.isEmpty() && !person.getName().equals(apName)) {
                problems.add(Texts.get("case.applicant.nameMismatch", person.getName()));
            }
            if (apName.isEmpty() && person != null) {
                apName = person.getName();
            }
        } else {
            apId = apId.toUpperCase();
            Validators.creditCode(apId).forEach(p -> problems.add(Texts.get("field.problem", Texts.get("label.applicantCreditCode"), p)));
            unit = desk.db().dsl().selectFrom(UNIT).where(UNIT.CREDIT_CODE.eq(apId)).fetchOne();
            if (apName.isEmpty() && unit != null) {
                apName = unit.getName();
            }
        }
        if (apName.isEmpty() && nameFlaws.isEmpty()) {
            problems.add(Texts.get("case.applicant.nameMissing"));
        }
        if (ap != null && ap.phone() != null && !ap.phone().isBlank() && InputHygiene.isCleanLine(ap.phone())) {
            Validators.landlineOrMobile(ap.phone()).forEach(p -> problems.add(Texts.get("field.problem", Texts.get("label.applicantPhone"), p)));
        }
        Map<String, String> fields = prefill(item, req.fields() == null ? Map.of() : req.fields(), ap, apId, apName);
        java.util.Set<String> refusedElsewhere = new java.util.HashSet<>();
        if (!nameFlaws.isEmpty()) {
            refusedElsewhere.addAll(List.of("name", "insuredName", "unitName", "institutionName", "pharmacyName"));
        }
        if (!idFlaws.isEmpty()) {
            refusedElsewhere.addAll(List.of("idNumber", "creditCode", "creditCodeOrUnitCode"));
        }
        if (ap != null && !InputHygiene.isCleanLine(ap.phone())) {
            refusedElsewhere.add("phone");
        }
        if (early) {
            // D182: refusing or asking for 补正 needs only the applicant's identity; empty fields stay empty
            item.leafFields().filter(f -> fields.get(f.key()) == null || fields.get(f.key()).isBlank())
                    .forEach(f -> refusedElsewhere.add(f.key()));
        }
        IntakeCheck.Result checked = IntakeCheck.check(item, fields, refusedElsewhere, desk.today());
        problems.addAll(checked.problems());
        warnings.addAll(checked.warnings());
        problems.addAll(CaseFile.unknownMaterials(item, req.materials()));
        // issue 13, proxy: the agent (代办人) and the chosen 拨付对象, checked with the rest (ProxyIntake, D139–D142)
        problems.addAll(ProxyIntake.problems(item, req, idFlaws.isEmpty() && personApplicant ? apId : "",
                ap == null || ap.idType() == null ? IdType.RESIDENT_ID : ap.idType(), fields, desk.today()));
        String channel = req.channel() == null || req.channel().isBlank() ? Texts.get("case.channel.default")
                : InputHygiene.tidy(req.channel());
        if (!early && item.flow() == FlowVariant.SETTLEMENT && (req.declared() == null || req.reconciled() == null)) {
            problems.add(Texts.get("case.settlement.amounts"));
        }
        if (req.declared() != null) {
            problems.addAll(InputHygiene.paidAmount(Texts.get("label.declared"), req.declared()));
        }
        if (req.reconciled() != null) {
            problems.addAll(InputHygiene.paidAmount(Texts.get("label.reconciled"), req.reconciled()));
        }
        problems.addAll(unprintable(item, fields, refusedElsewhere, nameFlaws.isEmpty() ? apName : "", req));
        if (!problems.isEmpty()) {
            throw new ServiceException(problems);
        }
        CaseFile.Applicant applicant = new CaseFile.Applicant(item.applicantKind(), apId, apName,
                ap == null ? null : InputHygiene.tidyOrNull(ap.phone()), person == null ? null : person.getId(),
                unit == null ? null : unit.getId());
        return new Checked(CaseFile.received(null, agencyCode, item, desk.catalog().version(), applicant, channel,
                checked.values(), req.materials(), req.declared(), req.reconciled(), desk.today()), warnings);
    }

    /**
     * Issue 14 (D170): every character of the application the print fonts cannot show (张𪚥), caught here with the
     * prints' own missing-glyph wording and the field's Chinese label (the form's 「姓名」), not at the receipt. The
     * form's fields first (the applicant's name is prefilled into them), then the applicant's name where no field
     * carries it, and the agent's name.
     */
    private static List<String> unprintable(ServiceItem item, Map<String, String> fields,
                                            java.util.Set<String> refusedElsewhere, String apName, NewCase req) {
        GlyphCheck glyphs = GlyphCheck.installed();
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        item.leafFields().forEach(f -> {
            String v = fields.get(f.key());
            if (v != null && !v.isBlank() && !refusedElsewhere.contains(f.key())) {
                out.addAll(glyphs.problems(f.label(), v));
                seen.add(v);
            }
        });
        if (!apName.isBlank() && !seen.contains(apName)) {
            out.addAll(glyphs.problems(Texts.get(item.applicantKind() == ApplicantKind.PERSON
                    ? "label.glyph.personName" : "label.applicantName"), apName));
        }
        CaseService.Agent agent = req.circumstances().agent();
        if (agent != null && agent.name() != null && !agent.name().isBlank()) {
            out.addAll(glyphs.problems(Texts.get("label.agentName"), agent.name()));
        }
        return new ArrayList<>(out);
    }

    /** Fills empty fields the applicant's identity already answers (name, ID, phone, credit code, unit name). */
    private static Map<String, String> prefill(ServiceItem item, Map<String, String> given, Applicant ap, String id,
                                               String name) {
        Map<String, String> f = new LinkedHashMap<>(given);
        boolean person = item.applicantKind() == ApplicantKind.PERSON;
        Map<String, String> known = new LinkedHashMap<>();
        if (person) {
            known.put("name", name);
            known.put("insuredName", name);
            known.put("idType", (ap == null || ap.idType() == null ? IdType.RESIDENT_ID : ap.idType()).label());
            known.put("idNumber", id);
            if (ap != null && ap.phone() != null && InputHygiene.isCleanLine(ap.phone())) {
                known.put("phone", ap.phone());
            }
        } else {
            known.put("creditCode", id);
            known.put("creditCodeOrUnitCode", id);
            known.put("unitName", name);
            known.put("institutionName", name);
            known.put("pharmacyName", name);
        }
        known.forEach((k, v) -> {
            if (v != null && !v.isBlank() && item.leafFields().anyMatch(x -> x.key().equals(k))
                    && (f.get(k) == null || f.get(k).isBlank())) {
                f.put(k, v);
            }
        });
        return f;
    }

}
