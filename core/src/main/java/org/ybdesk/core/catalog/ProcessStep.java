package org.ybdesk.core.catalog;

import java.util.List;

/** One step of 办理流程 as the rulebook describes it (现场办理), e.g. 业务受理 with its checks. */
public record ProcessStep(String name, List<String> checks) {
    public ProcessStep {
        checks = checks == null ? List.of() : List.copyOf(checks);
    }
}
