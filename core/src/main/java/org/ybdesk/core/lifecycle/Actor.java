package org.ybdesk.core.lifecycle;

import java.util.Set;

/**
 * The person taking an action: user id, display name, roles, and the staff member's resident ID number
 * ({@code personId}, normalised, 18 characters) that ties the account to a real person. Separation of duties
 * compares {@code personId}s, so one person with several accounts is still one person. {@code null} for an account
 * whose person is not registered yet (made before the number was required): such an account may take no case step.
 */
public record Actor(long id, String name, Set<Role> roles, String personId) {
    public Actor {
        roles = Set.copyOf(roles);
        personId = personId == null || personId.isBlank() ? null : personId;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Whether the account is tied to a person (has a resident ID number). */
    public boolean hasPerson() {
        return personId != null;
    }

    /**
     * Whether a past step by account {@code actorId} of person {@code stepPersonId} was taken by this same person:
     * the same account always is; another account is when both carry the same person ID.
     */
    public boolean isSamePersonAs(long actorId, String stepPersonId) {
        return actorId == id || (personId != null && personId.equals(stepPersonId));
    }
}
