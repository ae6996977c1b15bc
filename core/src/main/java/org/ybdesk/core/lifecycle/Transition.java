package org.ybdesk.core.lifecycle;

/**
 * The decided effect of a command.
 *
 * @param pausesClock   the deadline clock stops (补正 on an accepted case)
 * @param resumesClock  the deadline clock runs again
 * @param outcome       the message the applicant gets, or null
 */
public record Transition(CaseState from, CaseState to, CaseAction action, boolean pausesClock, boolean resumesClock,
                         Outcome outcome) {
}
