package org.ybdesk.core.lifecycle;

import java.util.Set;

/** The person taking an action: user id, display name and roles. */
public record Actor(long id, String name, Set<Role> roles) {
    public Actor {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
