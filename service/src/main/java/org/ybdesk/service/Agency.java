package org.ybdesk.service;

import org.ybdesk.db.jooq.tables.records.AgencyRecord;

/**
 * The agency (经办机构) that runs this desk, as the window and the command line see it: its code, 6-digit
 * admin-division code, name, signature (the 【经办机构落款】 of messages) and hotline. The database record stays in
 * {@code db}; callers above {@code service} get this.
 */
public record Agency(String code, String adminDivisionCode, String name, String signature, String hotline) {

    static Agency of(AgencyRecord r) {
        return new Agency(r.getCode(), r.getAdminDivisionCode(), r.getName(), r.getSignature(), r.getHotline());
    }
}
