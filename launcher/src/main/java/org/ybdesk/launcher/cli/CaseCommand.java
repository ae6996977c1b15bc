package org.ybdesk.launcher.cli;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ybdesk.core.catalog.MaterialStatus;
import org.ybdesk.core.lifecycle.CaseAction;
import org.ybdesk.core.lifecycle.CaseState;
import org.ybdesk.core.lifecycle.Command;
import org.ybdesk.core.money.Money;
import org.ybdesk.service.CaseService;
import org.ybdesk.service.CaseService.Applicant;
import org.ybdesk.service.CaseService.CaseQuery;
import org.ybdesk.service.CaseService.NewCase;
import org.ybdesk.service.CaseViews.CaseSummary;
import org.ybdesk.service.CaseViews.CaseView;
import org.ybdesk.service.CaseViews.DeadlineView;
import org.ybdesk.service.ServiceException;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@CommandLine.Command(name = "case", subcommands = {CaseCommand.Create.class, CaseCommand.Show.class,
        CaseCommand.ListCases.class, CaseCommand.Materials.class, CaseCommand.Notices.class,
        CaseCommand.LargeAmount.class,
        CaseHandOffCommand.Forward.class,
        CaseHandOffCommand.Release.class})
final class CaseCommand {
    /** The lifecycle steps as subcommands: ybdesk case accept NO, ybdesk case pay NO --amount 100.00 … */
    static final Map<String, CaseAction> STEPS = new LinkedHashMap<>();

    static {
        for (CaseAction a : CaseAction.values()) {
            STEPS.put(switch (a) {
                case REQUEST_SUPPLEMENT -> "supplement";
                default -> a.name().toLowerCase().replace('_', '-');
            }, a);
        }
    }

    static Money money(String yuan, String option) {
        return Money.parseYuan(yuan).orElseThrow(() -> new ServiceException(Out.t("money.invalid", option,
                org.ybdesk.core.validation.InputHygiene.visible(yuan))));
    }

    static Map<Integer, MaterialStatus> materials(List<String> specs) {
        Map<Integer, MaterialStatus> m = new LinkedHashMap<>();
        for (String s : specs) {
            String[] kv = s.split("=", 2);
            if (kv.length != 2 || !kv[0].trim().matches("\\d{1,3}")) {
                throw new ServiceException(Out.t("material.format", s));
            }
            m.put(Integer.parseInt(kv[0].trim()), MaterialStatus.parse(kv[1]));
        }
        return m;
    }

    static String deadline(DeadlineView d) {
        if (d == null) {
            return "";
        }
        if (d.problem() != null) {
            return d.problem();
        }
        // a due date resting on an unpublished year says 暂定 (issue 10)
        String due = d.provisional() ? Out.t("case.deadline.provisional", String.valueOf(d.dueDate()))
                : String.valueOf(d.dueDate());
        return Out.t("case.deadline", due, d.statusLabel(), String.valueOf(d.workingDaysLeft()));
    }

    static void printSummary(Base b, CaseSummary s) {
        b.out().println(Out.t("case.row", s.caseNo(), String.valueOf(s.itemNo()), s.itemName(), s.stateLabel(),
                s.applicantName(), s.applicantIdMasked(), String.valueOf(s.receivedOn()), deadline(s.deadline()))
                + holdingSuffix(s));
    }

    /** 「［待移交］」 on a case whose hand-off is pending, 「［持有：…］」 on one held elsewhere (issue 12). */
    static String holdingSuffix(CaseSummary s) {
        var h = s.holding();
        if (h == null || h.actionable()) {
            return "";
        }
        return Out.t("case.row.holding", h.handOffLabel() != null ? h.handOffLabel()
                : Out.t("case.row.heldBy", h.holder()));
    }

    /** 「材料1. 名称 —— 留存纸质材料（本申请必需）」: whether the case's values make the material required. */
    static String materialLine(org.ybdesk.service.CaseViews.MaterialLine m) {
        String need = Out.t(m.required() ? "case.show.material.required"
                : m.condition() == null ? "case.show.material.optional" : "case.show.material.judge");
        return Out.t("case.show.material", String.valueOf(m.no()), m.name(), m.status().label()) + need;
    }

    static void printCase(Base b, CaseView v) {
        CaseSummary s = v.summary();
        b.out().println(Out.t("case.show.head", s.caseNo(), String.valueOf(s.itemNo()), s.itemName(), s.stateLabel()));
        b.out().println(Out.t("case.show.applicant", s.applicantName(), v.applicantId(), v.channel(),
                String.valueOf(s.receivedOn()), s.acceptedOn() == null ? "—" : s.acceptedOn().toString()));
        if (v.receivedAt() != null) {
            b.out().println(Out.t("case.show.times", v.receivedAt().format(org.ybdesk.service.OutageService.TIME),
                    v.enteredAt().format(org.ybdesk.service.OutageService.TIME)) + (v.backfill() == null ? ""
                    : Out.t("case.show.backfill", v.backfill().paperRef(), v.backfill().enteredBy())));
        }
        if (s.deadline() != null) {
            b.out().println(Out.t("case.show.deadline", deadline(s.deadline())));
        }
        printHolding(b, v);
        b.desk().vouchers().ofCase(s.caseNo()).ifPresent(x -> b.out().println(Out.t("case.show.voucher", x.code(),
                x.checkLabel(), x.detail() == null ? "" : Out.t("case.show.voucher.detail", x.detail()))));
        if (v.agent() != null) { // issue 13: the agent (代办人) and the payee (拨付对象)
            b.out().println(Out.t("case.show.agent", v.agent().line()));
        }
        if (v.payee() != null) {
            b.out().println(Out.t("case.show.payee", v.payee().line()));
        }
        v.fields().forEach((k, val) -> b.out().println(Out.t("case.show.field", k, val)));
        v.materials().forEach(m -> b.out().println(materialLine(m)));
        if (v.flow() != null) {
            printFlow(b, v.flow());
        }
        if (v.paid() != null) {
            b.out().println(Out.t("case.show.paid", v.paid().toYuanString()));
        }
        v.events().forEach(e -> b.out().println(Out.t("case.show.event", e.at().toLocalDateTime().toString(),
                e.actionLabel(), e.remoteDesk() == null ? e.actorName() : Out.t("case.show.remoteActor",
                        e.actorName(), e.remoteDesk()), e.to().label(),
                e.reasons().isEmpty() ? "" : Out.t(org.ybdesk.service.CaseService.RECEIVE.equals(e.action())
                        ? "case.show.confirmedWarnings" : "case.show.reasons", String.join("；", e.reasons())))
                // a due-date move says why (a calendar arrived, an outage: 「因系统停机（…）顺延 N 个工作日…」)
                + (org.ybdesk.service.CaseService.DUE_CHANGE.equals(e.action()) && e.note() != null
                        ? Out.t("case.show.dueChange", e.note()) : "")));
        v.messages().forEach(m -> b.out().println(Out.t("case.show.message", m.text())));
        List<String> allowed = v.actions().stream().filter(a -> a.allowed()).map(a -> a.label()).toList();
        if (!allowed.isEmpty()) {
            b.out().println(Out.t("case.show.actions", org.ybdesk.core.i18n.Messages.joinList(allowed)));
        }
    }

    /** Who holds the case, a pending hand-off, where it came from and what kind of copy this is (issue 12). */
    static void printHolding(Base b, CaseView v) {
        var h = v.holding();
        if (h == null) {
            return;
        }
        b.out().println(Out.t("case.show.holding", h.holder(), h.handOffLabel() == null ? "" : Out.t(
                "case.show.handOff", h.handOffLabel()), h.from() == null ? "" : Out.t("case.show.from", h.from()),
                h.copyLabel()));
    }

    /** Amounts decided at review, the 25/26 notice limit and the earliest re-evaluation (issue 10). */
    static void printFlow(Base b, org.ybdesk.service.CaseViews.FlowFacts f) {
        if (f.reviewAmount() != null) {
            b.out().println(Out.t("case.show.reviewAmount", f.reviewAmount().toYuanString()));
        }
        if (f.confirmedAmount() != null) {
            b.out().println(Out.t("case.show.confirmedAmount", f.confirmedAmount().toYuanString()));
        }
        if (f.notice() != null) {
            b.out().println(Out.t("case.show.notice", notice(f.notice())));
        }
        if (f.earliestReEvaluation() != null) {
            b.out().println(Out.t("case.show.reEvaluation", f.earliestReEvaluation().toString()));
        }
    }

    static String notice(org.ybdesk.service.CaseViews.NoticeView n) {
        if (n.problem() != null) {
            return n.problem();
        }
        return Out.t("case.notice", String.valueOf(n.dueDate()), n.statusLabel(), String.valueOf(n.workingDaysLeft()));
    }

    /** {@code --decide} as typed: none (only record it), accept, accept-close, supplement, refuse. */
    static CaseService.IntakeDecision decision(String typed) {
        if (typed == null || typed.isBlank()) {
            return CaseService.IntakeDecision.RECEIVE;
        }
        return switch (typed.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "accept" -> CaseService.IntakeDecision.ACCEPT;
            case "accept-close" -> CaseService.IntakeDecision.ACCEPT_AND_CLOSE;
            case "supplement" -> CaseService.IntakeDecision.REQUEST_SUPPLEMENT;
            case "refuse" -> CaseService.IntakeDecision.REFUSE;
            default -> throw new ServiceException(Out.t("case.decide.invalid", org.ybdesk.core.validation.InputHygiene
                    .visible(typed)));
        };
    }

    @CommandLine.Command(name = "create")
    static final class Create extends Base {
        @Option(names = "--item", required = true, paramLabel = "NO")
        int item;
        @Option(names = "--applicant-id", required = true, paramLabel = "ID_OR_CREDIT_CODE")
        String applicantId;
        @Option(names = "--applicant-name", paramLabel = "NAME")
        String applicantName;
        @Option(names = "--id-type", defaultValue = "RESIDENT_ID", paramLabel = "TYPE")
        String idType;
        @Option(names = "--phone")
        String phone;
        @Option(names = "--field", paramLabel = "KEY=VALUE")
        Map<String, String> fields = new LinkedHashMap<>();
        @Option(names = "--material", paramLabel = "NO=paper|electronic|shared-data|missing")
        List<String> materials = List.of();
        @Option(names = "--all-materials", paramLabel = "paper|electronic|shared-data")
        String allMaterials;
        @Option(names = "--channel")
        String channel;
        @Option(names = "--declared", paramLabel = "YUAN")
        String declared;
        @Option(names = "--reconciled", paramLabel = "YUAN")
        String reconciled;
        @Mixin
        OutputOptions output;
        @Option(names = "--confirm-warnings")
        boolean confirmWarnings;
        @Option(names = "--decide", paramLabel = "accept|accept-close|supplement|refuse")
        String decide;
        @Option(names = "--reason", paramLabel = "TEXT")
        List<String> reasons = List.of();
        @Option(names = "--note")
        String note;
        @Option(names = "--voucher", paramLabel = "CODE")
        String voucher;
        // issue 13, proxy: --agent-id, --agent-id-type, --agent-name, --agent-phone, --agent-relation,
        // --agent-authorisation, --pay-to
        @Mixin
        AgentOptions agent;
        // issue 13, back-fill (补录): paper work of an outage entered with its real 收件 time
        @Option(names = "--backfill")
        boolean backfill;
        @Option(names = "--occurred-at", paramLabel = "YYYY-MM-DD HH:MM")
        String occurredAt;
        @Option(names = "--paper-ref", paramLabel = "REF")
        String paperRef;
        @Option(names = "--confirm-outside-outage")
        boolean confirmOutsideOutage;

        /** The back-fill as typed, or none; every problem of the options at once. */
        private CaseService.Circumstances circumstances() {
            if (!backfill) {
                if (occurredAt != null || paperRef != null || confirmOutsideOutage) {
                    throw new ServiceException(Out.t("case.backfill.without"));
                }
                return CaseService.Circumstances.NONE;
            }
            List<String> problems = new java.util.ArrayList<>();
            java.time.LocalDateTime at = org.ybdesk.service.OutageService.parseTime("--occurred-at", occurredAt,
                    problems);
            if (paperRef == null || paperRef.isBlank()) {
                problems.add(Out.t("case.backfill.paperRef"));
            }
            if (!problems.isEmpty()) {
                throw new ServiceException(problems);
            }
            return CaseService.Circumstances.NONE.withBackfill(new CaseService.Backfilled(at, paperRef));
        }

        /** --confirm-outside-outage confirms that warning only, and only for a 负责人 (D131). */
        private CaseView intakeConfirming(NewCase req, CaseService.IntakeDecision decision,
                                          org.ybdesk.core.lifecycle.Actor actor) {
            try {
                return desk().cases().intake(req, decision, reasons, note, actor, confirmWarnings);
            } catch (org.ybdesk.service.WarningsToConfirm w) {
                boolean onlyOutside = w.warnings().stream()
                        .allMatch(x -> x.startsWith(org.ybdesk.service.OutageService.outsideOutageMark()));
                if (!confirmOutsideOutage || !onlyOutside) {
                    throw w;
                }
                return desk().cases().intake(req, decision, reasons, note, actor, true);
            }
        }

        @Override
        Integer execute() {
            var actor = actor();
            if (confirmOutsideOutage && !actor.has(org.ybdesk.core.lifecycle.Role.HEAD)) {
                throw new ServiceException(Out.t("case.backfill.confirmNeedsHead"));
            }
            CaseService.Circumstances circumstances = circumstances();
            CaseService.IntakeDecision decision = decision(decide);
            Map<Integer, MaterialStatus> m = new LinkedHashMap<>();
            if (allMaterials != null) {
                MaterialStatus st = MaterialStatus.parse(allMaterials);
                desk().catalog().find(item).ifPresent(i -> i.materials().forEach(x -> m.put(x.no(), st)));
            }
            m.putAll(materials(materials));
            // the application and the decision (受理, 受理并办结, 补正, 不予受理) in one transaction, as the window does
            NewCase nc = agent.apply(new NewCase(item, new Applicant(IdTypes.parse(idType), applicantId,
                    applicantName, phone), fields, m, channel, declared == null ? null : money(declared, "--declared"),
                    reconciled == null ? null : money(reconciled, "--reconciled")).with(circumstances));
            // issue 13, voucher: resolved online (已核验) or 待核验 when the province does not answer
            if (voucher != null) {
                nc = nc.with(nc.circumstances().withVoucher(VoucherCommand.use(this, voucher, item, applicantId)));
            }
            CaseView v = intakeConfirming(nc, decision, actor);
            output.print(v, () -> {
                out().println(Out.t("case.created", v.summary().caseNo()));
                if (decision != CaseService.IntakeDecision.RECEIVE) {
                    out().println(Out.t("case.created.decided", v.summary().stateLabel()));
                }
                printCase(this, v);
            });
            return 0;
        }
    }

    /** One lifecycle step; registered once per {@link CaseAction} under the names in {@link #STEPS}. */
    @CommandLine.Command
    static final class Step extends Base {
        private final CaseAction action;
        @Parameters(paramLabel = "CASE_NO")
        String caseNo;
        @Option(names = "--reason", paramLabel = "TEXT")
        List<String> reasons = List.of();
        @Option(names = "--amount", paramLabel = "YUAN")
        String amount;
        @Option(names = "--note")
        String note;
        @Option(names = "--confirm-large")
        boolean confirmLarge;
        @Mixin
        OutputOptions output;

        Step(CaseAction action) {
            this.action = action;
        }

        @Override
        Integer execute() {
            var actor = actor();
            Command cmd = new Command(action, reasons, amount == null ? null : money(amount, "--amount"), confirmLarge);
            CaseView v = desk().cases().act(caseNo, cmd, note, actor);
            output.print(v, () -> {
                out().println(Out.t("case.stepped", action.label(v.item().flow()),
                        v.summary().caseNo(), v.summary().stateLabel()));
                if (!v.messages().isEmpty()) {
                    out().println(Out.t("case.show.message", v.messages().get(v.messages().size() - 1).text()));
                }
            });
            return 0;
        }
    }

    /** 材料告知期限: designation applications (25/26) waiting to be told what is missing (D88). */
    @CommandLine.Command(name = "notices")
    static final class Notices extends Base {
        @Option(names = "--limit", defaultValue = "100")
        int limit;
        @Mixin
        OutputOptions output;

        @Override
        Integer execute() {
            actor();
            var found = desk().workbench().noticeDue(limit);
            output.list(found, "case.notices.none", n -> {
                printSummary(this, n.summary());
                out().println(Out.t("case.notices.row", notice(n.notice())));
            });
            return 0;
        }
    }

    /** The large-amount confirmation line: shown to anyone, set by an administrator (D87). */
    @CommandLine.Command(name = "large-amount")
    static final class LargeAmount extends Base {
        @Option(names = "--set", paramLabel = "YUAN")
        String set;

        @Override
        Integer execute() {
            var actor = actor();
            var cases = desk().cases();
            var now = set == null ? cases.largeAmountThreshold()
                    : cases.setLargeAmountThreshold(money(set, "--set"), actor);
            out().println(Out.t(set == null ? "case.largeAmount.show" : "case.largeAmount.set", now.toYuanString()));
            return 0;
        }
    }

    @CommandLine.Command(name = "materials")
    static final class Materials extends Base {
        @Parameters(paramLabel = "CASE_NO")
        String caseNo;
        @Option(names = "--material", required = true, paramLabel = "NO=paper|electronic|shared-data|missing")
        List<String> materials;

        @Override
        Integer execute() {
            CaseView v = desk().cases().updateMaterials(caseNo, materials(materials), actor());
            v.materials().forEach(m -> out().println(materialLine(m)));
            return 0;
        }
    }

    @CommandLine.Command(name = "show")
    static final class Show extends Base {
        @Parameters(paramLabel = "CASE_NO")
        String caseNo;
        @Mixin
        OutputOptions output;

        @Override
        Integer execute() {
            CaseView v = desk().cases().show(caseNo, actor());
            output.print(v, () -> printCase(this, v));
            return 0;
        }
    }

    @CommandLine.Command(name = "list")
    static final class ListCases extends Base {
        @Option(names = "--item", paramLabel = "NO")
        Integer item;
        @Option(names = "--state", paramLabel = "STATE")
        String state;
        @Option(names = "--applicant", paramLabel = "ID")
        String applicant;
        @Option(names = "--from", paramLabel = "YYYY-MM-DD")
        LocalDate from;
        @Option(names = "--to", paramLabel = "YYYY-MM-DD")
        LocalDate to;
        @Option(names = "--limit", defaultValue = "100")
        int limit;
        @Option(names = "--agent", paramLabel = "ID_OR_NAME")
        String agent;
        @Option(names = "--sort", defaultValue = "received", paramLabel = "received|entered")
        String sort;
        @Mixin
        OutputOptions output;

        @Override
        Integer execute() {
            actor();
            CaseState st = state == null ? null : parseState(state);
            CaseService.ListSort order = CaseService.ListSort.parse(sort);
            if (order == null) {
                throw new ServiceException(Out.t("case.list.sort", org.ybdesk.core.validation.InputHygiene.visible(sort)));
            }
            // issue 13: the cases an agent (代办人) applied for, by the agent's ID or name
            List<CaseSummary> found = agent != null ? desk().search().byAgent(agent, limit).stream()
                    .filter(s -> (item == null || s.itemNo() == item) && (st == null || s.state() == st)
                            && (from == null || !s.receivedOn().isBefore(from))
                            && (to == null || !s.receivedOn().isAfter(to))).toList()
                    : desk().cases().list(new CaseQuery(item, st, applicant, from, to, limit, order));
            output.list(found, "search.none", s -> printSummary(this, s));
            return 0;
        }

        static CaseState parseState(String text) {
            for (CaseState s : CaseState.values()) {
                if (s.name().equalsIgnoreCase(text.trim()) || s.label().equals(text.trim())) {
                    return s;
                }
            }
            throw new ServiceException(Out.t("state.unknown", text));
        }
    }
}
