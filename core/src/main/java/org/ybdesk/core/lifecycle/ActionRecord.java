package org.ybdesk.core.lifecycle;

/** One past step of a case: what was done and by whom (user id). */
public record ActionRecord(CaseAction action, long actorId) {
}
