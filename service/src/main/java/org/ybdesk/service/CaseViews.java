package org.ybdesk.service;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.ybdesk.core.calendar.DeadlineStatus;
import org.ybdesk.core.catalog.MaterialStatus;
import org.ybdesk.core.lifecycle.Availability;
import org.ybdesk.core.lifecycle.CaseState;
import org.ybdesk.core.lifecycle.Role;
import org.ybdesk.core.money.Money;

/** What the case services hand to screens and the command line. */
public final class CaseViews {
    private CaseViews() {
    }

    /**
     * A case's deadline as shown: due date, status and working days left; or the reason it cannot be computed
     * (e.g. a date before the known working calendar), never a silent guess. A due date that rests on a year whose
     * holiday notice is not yet published is {@code provisional} (暂定), with the reason (「2027年节假日安排尚未公布，
     * 按法定节假日暂定」).
     */
    public record DeadlineView(LocalDate dueDate, DeadlineStatus status, String statusLabel, Integer workingDaysLeft,
                               boolean paused, String problem, boolean provisional, String provisionalReason) {
        /** A deadline that is not provisional. */
        public DeadlineView(LocalDate dueDate, DeadlineStatus status, String statusLabel, Integer workingDaysLeft,
                            boolean paused, String problem) {
            this(dueDate, status, statusLabel, workingDaysLeft, paused, problem, false, null);
        }
    }

    /**
     * The promise of the 受理回执 (issue 10, D82): the due date promised at acceptance and whether it was provisional,
     * beside the due date as it stands now and why it moved.
     *
     * @param promisedOn          the date promised at 受理 (stored with the acceptance); null for cases accepted
     *                            before the promise was stored, and for cases not accepted
     * @param promisedProvisional whether that date was 暂定 when promised
     * @param currentOn           the due date now (null when the case has ended or its deadline cannot be computed)
     * @param currentProvisional  whether the current date is still 暂定
     * @param provisionalYears    the years without a published notice the current date rests on
     * @param moveReason          why {@code currentOn} differs from {@code promisedOn} (Chinese), null when it does not
     */
    /**
     * The 补正通知书's own facts (issue 14, D163): the day the 补正 was requested (the notice's date) and the working
     * days of the time limit left as of that day, null when the case was not accepted then.
     */
    public record SupplementFacts(LocalDate on, Integer workingDaysLeft) {
    }

    public record DuePromise(LocalDate promisedOn, boolean promisedProvisional, LocalDate currentOn,
                             boolean currentProvisional, java.util.SortedSet<Integer> provisionalYears,
                             String moveReason) {
        /** Whether the due date now differs from the promised one. */
        public boolean moved() {
            return promisedOn != null && currentOn != null && !promisedOn.equals(currentOn);
        }
    }

    /**
     * Who holds a case as this desk knows it (issue 12).
     *
     * @param heldHere     this desk holds it (may act on it unless a hand-off is pending)
     * @param holder       「本窗口」, or the holding desk (「某某中心 3号窗口」) or agency whose pool it waits in
     * @param handOff      null, FORWARD or RELEASE: sent, not yet acknowledged by the province
     * @param handOffLabel 待移交 / 待释放, or null
     * @param copyKind     LOCAL (made here), FULL (a copy of a case held elsewhere), SUMMARY (county view)
     * @param copyLabel    the copy kind in Chinese
     * @param from         where it was accepted (来自: acceptor agency and window); null when accepted here
     */
    public record HoldingView(boolean heldHere, String holder, String handOff, String handOffLabel, String copyKind,
                              String copyLabel, String from) {
        /** Whether this desk may act on the case now. */
        public boolean actionable() {
            return heldHere && handOff == null;
        }
    }

    public record CaseSummary(String caseNo, int itemNo, String itemName, CaseState state, String stateLabel,
                              String applicantName, String applicantIdMasked, LocalDate receivedOn,
                              LocalDate acceptedOn, DeadlineView deadline, HoldingView holding) {
        /** A row of a case made and held here (the shape before issue 12). */
        public CaseSummary(String caseNo, int itemNo, String itemName, CaseState state, String stateLabel,
                           String applicantName, String applicantIdMasked, LocalDate receivedOn,
                           LocalDate acceptedOn, DeadlineView deadline) {
            this(caseNo, itemNo, itemName, state, stateLabel, applicantName, applicantIdMasked, receivedOn,
                    acceptedOn, deadline, null);
        }
    }

    /**
     * One material of the case.
     *
     * @param required whether the case's values make it required before 受理 (IntakeCheck.materialNeeds); a
     *                 material with a condition the values cannot decide is not required (the clerk judges it)
     */
    public record MaterialLine(int no, String name, String condition, MaterialStatus status, boolean required) {
        public MaterialLine(int no, String name, String condition, MaterialStatus status) {
            this(no, name, condition, status, condition == null);
        }

        /** Whether this line blocks 受理: required and not received ({@link MaterialStatus#blocksAcceptance}). */
        public boolean blocking() {
            return status.blocksAcceptance(required);
        }
    }

    /** One timeline entry; {@code remoteDesk} names the desk that took a step elsewhere (issue 12), else null. */
    public record EventView(String action, String actionLabel, CaseState from, CaseState to, String actorName,
                            OffsetDateTime at, List<String> reasons, String note, Money amount, String remoteDesk) {
        public EventView(String action, String actionLabel, CaseState from, CaseState to, String actorName,
                         OffsetDateTime at, List<String> reasons, String note, Money amount) {
            this(action, actionLabel, from, to, actorName, at, reasons, note, amount, null);
        }
    }

    public record MessageView(String kind, String text, OffsetDateTime at) {
    }

    public record AttachmentView(long id, String fileName, String mediaType, long sizeBytes, String sha256,
                                 String addedBy, OffsetDateTime addedAt) {
    }

    public record NoteView(String text, String author, OffsetDateTime at) {
    }

    /**
     * The whole case.
     *
     * @param nextRole the role the case waits for, or null when it is finished
     * @param catalogVersion the catalog version the case was accepted under
     * @param item the item as that catalog version describes it: show, act and print under it
     */
    public record CaseView(CaseSummary summary, String agencyCode, String channel, String applicantKind,
                           String applicantId, String applicantPhone, Map<String, String> fields,
                           List<MaterialLine> materials, Money declared, Money reconciled, Money paid,
                           List<EventView> events, List<MessageView> messages, List<Availability> actions,
                           Role nextRole, List<AttachmentView> attachments, List<NoteView> notes,
                           FlowFacts flow, String catalogVersion,
                           @com.fasterxml.jackson.annotation.JsonIgnore org.ybdesk.core.catalog.ServiceItem item,
                           HoldingView holding, AgentView agent, PayeeView payee,
                           java.time.LocalDateTime receivedAt, java.time.LocalDateTime enteredAt,
                           @com.fasterxml.jackson.annotation.JsonInclude(
                                   com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                           BackfillView backfill) {
        /**
         * The whole case without what issue 13 added: no agent or payee, 收件 and entry time unknown, not back-filled.
         */
        public CaseView(CaseSummary summary, String agencyCode, String channel, String applicantKind,
                        String applicantId, String applicantPhone, Map<String, String> fields,
                        List<MaterialLine> materials, Money declared, Money reconciled, Money paid,
                        List<EventView> events, List<MessageView> messages, List<Availability> actions,
                        Role nextRole, List<AttachmentView> attachments, List<NoteView> notes, FlowFacts flow,
                        String catalogVersion, org.ybdesk.core.catalog.ServiceItem item, HoldingView holding) {
            this(summary, agencyCode, channel, applicantKind, applicantId, applicantPhone, fields, materials, declared,
                    reconciled, paid, events, messages, actions, nextRole, attachments, notes, flow, catalogVersion,
                    item, holding, null, null, null, null, null);
        }

        /** The whole case without its holding (the shape before issue 12). */
        public CaseView(CaseSummary summary, String agencyCode, String channel, String applicantKind,
                        String applicantId, String applicantPhone, Map<String, String> fields,
                        List<MaterialLine> materials, Money declared, Money reconciled, Money paid,
                        List<EventView> events, List<MessageView> messages, List<Availability> actions,
                        Role nextRole, List<AttachmentView> attachments, List<NoteView> notes, FlowFacts flow,
                        String catalogVersion, org.ybdesk.core.catalog.ServiceItem item) {
            this(summary, agencyCode, channel, applicantKind, applicantId, applicantPhone, fields, materials, declared,
                    reconciled, paid, events, messages, actions, nextRole, attachments, notes, flow, catalogVersion,
                    item, summary == null ? null : summary.holding());
        }
    }

    /**
     * The agent who applied for the insured (代办人/被委托人, issue 13, D139): identity, phone, relationship to the
     * applicant and the authorisation material handed in (委托书 or 监护关系证明).
     *
     * @param idType      the ID type's name (IdType), {@code idTypeLabel} its Chinese
     * @param idMasked    the ID as lists show it (first 6, last 4)
     */
    public record AgentView(String idType, String idTypeLabel, String idNumber, String idMasked, String name,
                            String phone, String relation, String authorisation) {
        /** One line for screens and prints: 「李四（子女，证件号码 230102…，电话 139…，委托书）」. */
        public String line() {
            return Texts.get("agent.line", name, relation, idNumber, phone, authorisation);
        }
    }

    /**
     * To whom the case pays (拨付对象, issue 13, D142): kind (INSURED, UNIT, HEIR, AGENT) and its label, name, ID
     * where a person, bank account and bank.
     */
    public record PayeeView(String kind, String kindLabel, String name, String idNumber, String account, String bank) {
        /** One line for screens and prints: 「单位（代收）：某某公司，账号 …（开户行 …）」. */
        public String line() {
            return Texts.get("payee.line", kindLabel, name == null ? "" : name, account == null ? "" : account,
                    bank == null ? "" : bank);
        }
    }

    /**
     * Paper work of an outage entered afterwards (补录, issue 13): the paper's reference and who entered it; the
     * case's {@code receivedAt} is the paper's real 收件 time, {@code enteredAt} the entry.
     */
    public record BackfillView(String paperRef, String enteredBy) {
    }

    /**
     * What the flow of issue 10 adds to a case (D87–D89).
     *
     * @param reviewAmount         the amount entered at 审核, or null
     * @param confirmedAmount      the amount confirmed at 复核, or null
     * @param payable              what 支付/拨付 pays (the confirmed amount; the review amount where the item has no
     *                             复核), or null while it is not decided
     * @param largeAmountThreshold above it an amount needs explicit confirmation (desk setting)
     * @param notice               items 25/26 while 待受理: the 5-working-day limit for telling what is missing
     * @param earliestReEvaluation items 25/26 in 整改: the first day re-evaluation may be organised
     */
    public record FlowFacts(Money reviewAmount, Money confirmedAmount, Money payable, Money largeAmountThreshold,
                            NoticeView notice, LocalDate earliestReEvaluation) {
    }

    /**
     * The limit for telling a designation applicant (25/26) at once what is missing (「自收到材料之日起5个工作日内一次性
     * 告知」): due date from the received date by the working calendar, status and working days left; or the reason
     * it cannot be computed.
     */
    public record NoticeView(LocalDate dueDate, DeadlineStatus status, String statusLabel, Integer workingDaysLeft,
                             String problem) {
    }

    /** A case on the 材料告知期限 list: received, not yet accepted nor told what is missing. */
    public record NoticeDue(CaseSummary summary, NoticeView notice) {
    }

    /** Masks an ID number for lists: 230102********1237 (first 6, last 4 kept). */
    public static String mask(String id) {
        if (id == null || id.length() <= 10) {
            return id;
        }
        return id.substring(0, 6) + "*".repeat(id.length() - 10) + id.substring(id.length() - 4);
    }
}
