package org.ybdesk.protocol.change;

import java.util.List;

/**
 * A step of a case's lifecycle as the desk reports it: its acceptance ({@link CaseReceived}) or a later transition
 * ({@link CaseStepped}). Both carry the case's identity, the step (action, from → to state), when and by whom.
 */
public sealed interface CaseStep extends CaseChange permits CaseReceived, CaseStepped {
    String agencyCode();

    Integer itemNo();

    String catalogVersion();

    String applicantKind();

    String applicantIdNumber();

    String applicantName();

    String action();

    String fromState();

    String toState();

    /** ISO offset date-time of the step at the window. */
    String occurredAt();

    /** ISO date of the working day the step counts for. */
    String onDay();

    Long actorId();

    String actorName();

    /** Reasons given with the step (一次性告知, refusal, confirmed warnings); null when none. */
    List<String> reasons();

    /** An amount in fen (支付/拨付); null when the step has none. */
    Long amountFen();

    /**
     * The staff member's resident ID number (since issue 12; null from older desks): separation of duties compares
     * persons across desks, so a step taken at the county is judged against the township's acceptance by person.
     */
    String actorPersonId();

    /** ISO date the case is due after this step, as the holding desk computed it (since issue 12; may be null). */
    String dueOn();
}
