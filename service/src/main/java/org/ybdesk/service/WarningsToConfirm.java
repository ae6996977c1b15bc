package org.ybdesk.service;

import java.util.List;

/**
 * The request is possible but has something unusual the clerk must confirm first (D97): a bank card that fails the
 * Luhn check, an unknown or abolished admin-division code, a birth date before 1900. {@link #problems()} are the
 * warnings, in Chinese. Nothing was written; the same request with confirmation
 * ({@code CaseService.create(req, actor, true)}) is recorded and the confirmed warnings go to the case's timeline
 * and audit record. A caller that does not know this subclass shows the warnings as reasons, which is safe.
 */
public class WarningsToConfirm extends ServiceException {
    public WarningsToConfirm(List<String> warnings) {
        super(warnings);
    }

    /** The warnings to show and confirm. */
    public List<String> warnings() {
        return problems();
    }
}
