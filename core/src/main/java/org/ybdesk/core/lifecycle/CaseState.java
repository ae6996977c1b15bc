package org.ybdesk.core.lifecycle;

import org.ybdesk.core.i18n.Messages;

/** States of a case file (办件). Terminal states: CLOSED (办结), REFUSED (不予受理), REJECTED (未通过). */
public enum CaseState {
    /** Application recorded, not yet decided (待受理). */
    RECEIVED,
    /** Waiting for supplementary materials (补正中); the clock is paused if it had started. */
    SUPPLEMENTING,
    /** Accepted (已受理); for designation applications: under evaluation (评估中). */
    ACCEPTED,
    REVIEWED,
    RECHECKED,
    APPROVED,
    PAID,
    TRANSFERRED_OUT,
    TRANSFERRED_IN,
    /** Designation evaluated as unqualified, rectifying (整改中, at most the item's rectification months). */
    RECTIFYING,
    PUBLICIZING,
    NEGOTIATING,
    CLOSED,
    REFUSED,
    REJECTED;

    public boolean terminal() {
        return this == CLOSED || this == REFUSED || this == REJECTED;
    }

    /** Whether the deadline clock runs in this state (accepted and not finished, not paused). */
    public boolean clockRunning() {
        return !terminal() && this != RECEIVED && this != SUPPLEMENTING;
    }

    public String label() {
        return Messages.bundle(LifecycleTexts.BUNDLE).get("state." + name());
    }
}
