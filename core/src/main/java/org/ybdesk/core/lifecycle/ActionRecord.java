package org.ybdesk.core.lifecycle;

/**
 * One past step of a case: what was done, by which account (user id) and by which person (the staff member's
 * resident ID number at the time; {@code null} when neither the step nor the account carries one).
 */
public record ActionRecord(CaseAction action, long actorId, String personId) {
}
