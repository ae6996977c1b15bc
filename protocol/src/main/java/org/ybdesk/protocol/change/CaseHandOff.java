package org.ybdesk.protocol.change;

/**
 * A change of who holds a case that the holding desk makes offline and the province applies in order with the
 * case's steps: forwarding it to another agency's level ({@link CaseForwarded}, 移交) or releasing it to its own
 * agency's pool ({@link CaseReleased}). Taking a case (领取) is not a change: it is decided at the province at once.
 */
public sealed interface CaseHandOff extends CaseChange permits CaseForwarded, CaseReleased {
    /** ISO offset date-time of the hand-off at the window. */
    String occurredAt();

    String actorName();

    /** Why, as the clerk wrote it or the desk explained it (e.g. 「下一环节审核由县级经办机构办理」); may be null. */
    String reason();
}
