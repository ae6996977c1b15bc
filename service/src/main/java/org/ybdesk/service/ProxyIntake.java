package org.ybdesk.service;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.ybdesk.core.casefile.CaseFile;
import org.ybdesk.core.catalog.ApplicantKind;
import org.ybdesk.core.catalog.ItemGroup;
import org.ybdesk.core.catalog.ServiceItem;
import org.ybdesk.core.registry.IdType;
import org.ybdesk.core.validation.FieldLimits;
import org.ybdesk.core.validation.IdFacts;
import org.ybdesk.core.validation.InputHygiene;
import org.ybdesk.core.validation.Validators;
import org.ybdesk.db.CaseParties;
import org.ybdesk.db.CaseParties.AgentRow;
import org.ybdesk.db.CaseParties.PayeeRow;
import org.ybdesk.service.CaseService.Agent;
import org.ybdesk.service.CaseService.NewCase;

/**
 * Issue 13's proxy part of intake (D139–D143): checks the agent who applies for the insured (代办人) and the payee
 * (拨付对象) with the rest of the application — all problems at once — and records both in the intake's transaction.
 */
final class ProxyIntake {
    /** The relationships an agent may have to the applicant (D140). */
    static final List<String> RELATIONS = AgentVocabulary.relations();
    /** 委托书: an adult's written authorisation. */
    static final String POWER_OF_ATTORNEY = AgentVocabulary.powerOfAttorney();
    /** 监护关系证明: proof of guardianship (a minor, or an adult under guardianship). */
    static final String GUARDIANSHIP = AgentVocabulary.guardianship();
    static final List<String> AUTHORISATIONS = AgentVocabulary.authorisations();
    /** Relations that may act for a minor with 监护关系证明. */
    static final List<String> GUARDIAN_RELATIONS = List.of(Texts.get("vocab.guardianRelations").split("\\|"));
    private static final String DEATH = Texts.get("vocab.death");
    private static final String SELF = Texts.get("vocab.self");

    private ProxyIntake() {
    }

    /**
     * The problems of the agent and the chosen 拨付对象, in Chinese, each saying what to fix.
     *
     * @param applicantId     the applicant's ID number as normalised ("" when it could not be read)
     * @param applicantIdType the applicant's ID type
     * @param fields          the item's values as given (the payee is read from them)
     * @param today           the desk's day; a back-filled application is judged on the day it happened
     */
    static List<String> problems(ServiceItem item, NewCase req, String applicantId, IdType applicantIdType,
                                 Map<String, String> fields, LocalDate today) {
        List<String> problems = new ArrayList<>();
        Agent a = req.circumstances().agent();
        LocalDate day = caseDay(req, today);
        if (a != null) {
            if (item.applicantKind() != ApplicantKind.PERSON) {
                problems.add(Texts.get("agent.notPerson", item.name()));
            } else {
                agentProblems(a, applicantId, applicantIdType, day, problems);
            }
        }
        payeeProblems(item, req, fields, problems);
        return problems;
    }

    /** The day the application belongs to: a back-filled one's occurrence day, else the desk's day. */
    private static LocalDate caseDay(NewCase req, LocalDate today) {
        CaseService.Backfilled b = req.circumstances().backfill();
        return b != null && b.occurredAt() != null ? b.occurredAt().toLocalDate() : today;
    }

    private static void agentProblems(Agent a, String applicantId, IdType applicantIdType, LocalDate day,
                                      List<String> problems) {
        IdType t = a.idType() == null ? IdType.RESIDENT_ID : a.idType();
        String idLabel = Texts.get("label.agentId");
        List<String> idFlaws = InputHygiene.requiredLine(idLabel, a.idNumber(), FieldLimits.ID_NUMBER);
        problems.addAll(idFlaws);
        String id = idFlaws.isEmpty() ? Validators.normalizeId(a.idNumber()) : null;
        if (id != null) {
            Validators.idNumber(t, id, day).forEach(p -> problems.add(Texts.get("field.problem", idLabel, p)));
            if (!applicantId.isEmpty() && id.equals(applicantId)) {
                problems.add(Texts.get("agent.isApplicant"));
            }
        }
        String nameLabel = Texts.get("label.agentName");
        List<String> nameFlaws = InputHygiene.requiredLine(nameLabel, a.name(), FieldLimits.PERSON_NAME);
        problems.addAll(nameFlaws);
        if (nameFlaws.isEmpty() && InputHygiene.tidy(a.name()).matches(".*\\d.*")) {
            problems.add(Texts.get("agent.name.digits"));
        }
        String phoneLabel = Texts.get("label.agentPhone");
        List<String> phoneFlaws = InputHygiene.requiredLine(phoneLabel, a.phone(), FieldLimits.PHONE);
        problems.addAll(phoneFlaws);
        if (phoneFlaws.isEmpty()) {
            Validators.landlineOrMobile(InputHygiene.tidy(a.phone()))
                    .forEach(p -> problems.add(Texts.get("field.problem", phoneLabel, p)));
        }
        String relation = InputHygiene.tidyOrNull(a.relation());
        if (relation == null) {
            problems.add(Texts.get("agent.relation.missing", String.join("、", RELATIONS)));
        } else if (!RELATIONS.contains(relation)) {
            problems.add(Texts.get("agent.relation.unknown", InputHygiene.visible(relation),
                    String.join("、", RELATIONS)));
        }
        String auth = InputHygiene.tidyOrNull(a.authorisation());
        boolean minor = minorOn(applicantId, applicantIdType, day);
        boolean knownRelation = relation != null && RELATIONS.contains(relation);
        if (auth == null) {
            problems.add(Texts.get(minor ? "agent.authorisation.missing.minor" : "agent.authorisation.missing"));
        } else if (!AUTHORISATIONS.contains(auth)) {
            problems.add(Texts.get("agent.authorisation.unknown", InputHygiene.visible(auth)));
        } else if (minor && !GUARDIANSHIP.equals(auth)) {
            problems.add(Texts.get("agent.minor.guardianship"));
        }
        if (minor && knownRelation && !GUARDIAN_RELATIONS.contains(relation)) {
            problems.add(Texts.get("agent.minor.relation", relation));
        } else if (!minor && GUARDIANSHIP.equals(auth) && knownRelation && !GUARDIAN_RELATIONS.contains(relation)) {
            problems.add(Texts.get("agent.guardian.relation", relation));
        }
    }

    /** Whether the applicant is under 18 on {@code day}, read from a GB 11643-style ID (unknown: an adult). */
    static boolean minorOn(String applicantId, IdType type, LocalDate day) {
        if (applicantId == null || applicantId.isEmpty() || type != null && !type.isGb11643Style()) {
            return false;
        }
        Optional<IdFacts> f = Validators.idFacts(applicantId, LocalDate.MAX);
        return f.isPresent() && Period.between(f.get().birthDate(), day).getYears() < 18;
    }

    /** Whether an item lets the applicant choose 拨付对象 单位/个人 (maternity, D142). */
    static boolean choosesPayee(ServiceItem item) {
        return item.group() == ItemGroup.MATERNITY;
    }

    /** Whether an item pays a person's claim (and so records a payee). */
    static boolean paysPerson(ServiceItem item) {
        return item.paymentKind() != null && item.applicantKind() == ApplicantKind.PERSON;
    }

    private static void payeeProblems(ServiceItem item, NewCase req, Map<String, String> fields,
                                      List<String> problems) {
        PayeeKind k = req.payTo();
        if (k != null && !choosesPayee(item)) {
            problems.add(Texts.get("payee.notChosen", item.name()));
            return;
        }
        if (k == PayeeKind.HEIR || k == PayeeKind.AGENT) {
            problems.add(Texts.get("payee.choice"));
            return;
        }
        if (k == PayeeKind.UNIT) {
            String holder = value(fields, "bankAccountName");
            if (holder == null) {
                problems.add(Texts.get("payee.unit.holder"));
            }
            String account = value(fields, "bankAccountNumber");
            if (account != null && InputHygiene.isCleanLine(account)) {
                // a unit's account is a corporate account, not a personal card (the bank-account rule, corporate)
                Validators.bankAccount(account.replace(" ", ""), true).forEach(p -> problems.add(
                        Texts.get("field.problem", Texts.get("label.payeeAccount"), p)));
            }
        }
        if (item.leafFields().anyMatch(f -> f.key().equals("payeeName"))) {
            String reason = value(fields, "withdrawalReason");
            String rel = value(fields, "payeeRelationship");
            if (DEATH.equals(reason) && SELF.equals(rel)) {
                problems.add(Texts.get("payee.heir.self"));
            }
        }
    }

    private static String value(Map<String, String> fields, String key) {
        return fields == null ? null : InputHygiene.tidyOrNull(fields.get(key));
    }

    /** The agent as stored (tidied, normalised ID); null when the application has none. */
    static AgentRow agentRow(Agent a) {
        if (a == null) {
            return null;
        }
        IdType t = a.idType() == null ? IdType.RESIDENT_ID : a.idType();
        return new AgentRow(t.name(), Validators.normalizeId(a.idNumber()), InputHygiene.tidy(a.name()),
                InputHygiene.tidy(a.phone()), InputHygiene.tidy(a.relation()), InputHygiene.tidy(a.authorisation()));
    }

    /**
     * The payee of a payment item (D142), from the case's own values: item 9's 领取人（继承人、代表人） (HEIR after a
     * death, AGENT for a representative, INSURED when the 领取人 is the insured); maternity's 拨付对象 (UNIT: the
     * account's 户名; else INSURED — or AGENT when the account's 户名 is the agent's); any other payment item pays
     * the insured. Null for items that pay nothing to a person.
     */
    static PayeeRow payeeRow(CaseFile c, PayeeKind chosen, AgentRow agent) {
        ServiceItem item = c.item();
        if (!paysPerson(item)) {
            return null;
        }
        Map<String, String> f = c.fields();
        String account = value(f, "bankAccountNumber");
        String bank = value(f, "bankName");
        String insured = c.applicant().name();
        if (item.leafFields().anyMatch(x -> x.key().equals("payeeName"))) {
            String rel = value(f, "payeeRelationship");
            String name = value(f, "payeeName");
            if (name == null || SELF.equals(rel)) {
                return new PayeeRow(PayeeKind.INSURED.name(), insured, c.applicant().idNumber(), account, bank);
            }
            PayeeKind k = DEATH.equals(value(f, "withdrawalReason")) ? PayeeKind.HEIR : PayeeKind.AGENT;
            return new PayeeRow(k.name(), name, value(f, "payeeIdNumber"), account, bank);
        }
        String holder = value(f, "bankAccountName");
        if (chosen == PayeeKind.UNIT) {
            return new PayeeRow(PayeeKind.UNIT.name(), holder, null, account, bank);
        }
        if (agent != null && holder != null && holder.equals(agent.name()) && !holder.equals(insured)) {
            return new PayeeRow(PayeeKind.AGENT.name(), agent.name(), agent.idNumber(), account, bank);
        }
        return new PayeeRow(PayeeKind.INSURED.name(), insured, c.applicant().idNumber(), account, bank);
    }

    /** Writes the agent and the payee of a new case (its intake transaction); returns what the audit record adds. */
    static Map<String, Object> record(DSLContext tx, CaseFile c, NewCase req) {
        Map<String, Object> audit = new LinkedHashMap<>();
        AgentRow agent = agentRow(req.circumstances().agent());
        if (agent != null) {
            CaseParties.insertAgent(tx, c.id(), agent, NameIndex.initials(agent.name()));
            audit.put("agent", agent);
        }
        PayeeRow payee = payeeRow(c, req.payTo(), agent);
        if (payee != null) {
            CaseParties.insertPayee(tx, c.id(), payee);
            audit.put("payee", payee);
        }
        return audit;
    }
}
