package org.ybdesk.core.lifecycle;

import java.util.List;

/** A command the lifecycle does not allow, with every reason at once (Chinese, for the person). */
public class TransitionRefused extends RuntimeException {
    private final List<String> reasons;

    public TransitionRefused(List<String> reasons) {
        super(String.join("；", reasons));
        this.reasons = List.copyOf(reasons);
    }

    public List<String> reasons() {
        return reasons;
    }
}
