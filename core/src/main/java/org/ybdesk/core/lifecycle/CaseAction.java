package org.ybdesk.core.lifecycle;

import java.util.EnumSet;
import java.util.Set;
import org.ybdesk.core.catalog.FlowVariant;
import org.ybdesk.core.i18n.Messages;

/** What a person can do to a case. Each action belongs to the roles that may take it. */
public enum CaseAction {
    ACCEPT(Role.CLERK),
    REFUSE(Role.CLERK),
    REQUEST_SUPPLEMENT(Role.CLERK),
    RESUME(Role.CLERK),
    REVIEW(Role.REVIEWER),
    RECHECK(Role.RECHECKER),
    APPROVE(Role.HEAD),
    PAY(Role.FINANCE),
    /** 未通过: the person at the current stage turns the case down, with reasons. */
    REJECT(Role.REVIEWER, Role.RECHECKER, Role.HEAD),
    TRANSFER_OUT(Role.CLERK),
    TRANSFER_IN(Role.CLERK),
    MOVE_BALANCE(Role.FINANCE),
    EVALUATE(Role.REVIEWER),
    EVALUATE_FAIL(Role.REVIEWER),
    PUBLICIZE(Role.CLERK),
    SIGN(Role.HEAD),
    CLOSE(Role.CLERK);

    private final Set<Role> roles;

    CaseAction(Role first, Role... more) {
        this.roles = EnumSet.of(first, more);
    }

    public Set<Role> roles() {
        return Set.copyOf(roles);
    }

    /** Whether taking this action needs the reasons told to the applicant (一次性告知). */
    public boolean needsReasons() {
        return this == REFUSE || this == REQUEST_SUPPLEMENT || this == REJECT || this == EVALUATE_FAIL;
    }

    public String label() {
        return Messages.bundle(LifecycleTexts.BUNDLE).get("action." + name());
    }

    /** The label in the context of a flow: PAY is 拨付 for settlements. */
    public String label(FlowVariant flow) {
        Messages m = Messages.bundle(LifecycleTexts.BUNDLE);
        String key = "action." + name() + "." + flow.name();
        return m.has(key) ? m.get(key) : label();
    }

    /** Accepts the code name (any case, '-' for '_') or the Chinese label. */
    public static CaseAction parse(String text) {
        String t = text.trim();
        for (CaseAction a : values()) {
            if (a.name().equalsIgnoreCase(t.replace('-', '_')) || a.label().equals(t)) {
                return a;
            }
        }
        throw new IllegalArgumentException(Messages.bundle(LifecycleTexts.BUNDLE).get("action.unknown", t));
    }
}
