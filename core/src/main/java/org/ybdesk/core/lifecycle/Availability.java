package org.ybdesk.core.lifecycle;

import java.util.List;

/** An action possible in the case's state, and whether this user may take it now (else why not). */
public record Availability(CaseAction action, String label, boolean allowed, List<String> whyNot) {
}
