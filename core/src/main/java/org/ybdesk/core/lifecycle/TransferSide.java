package org.ybdesk.core.lifecycle;

import java.util.Map;
import org.ybdesk.core.catalog.FlowVariant;
import org.ybdesk.core.catalog.ServiceItem;

/**
 * Which side of a 转移接续 (item 10) this agency's case is (issue 13, D147): the rulebook's one flow is split between
 * the 转出地 (转出 within 10 working days of 受理, then 余额划转) and the 转入地 (转入 within 5 working days of
 * receiving 表8, then 计入个人账户). A case without a direction is the flow of earlier releases: one agency records
 * both sides.
 */
public enum TransferSide {
    /** Both sides recorded at one agency (no direction chosen; every case before issue 13). */
    BOTH,
    /** This agency is the 转出地. */
    OUT,
    /** This agency is the 转入地. */
    IN;

    /** The intake field naming the direction, with the values 转出 / 转入. */
    public static final String FIELD = "transferDirection";

    /** The side of a case of {@code item} with {@code fields}: BOTH for other items and cases without a direction. */
    public static TransferSide of(ServiceItem item, Map<String, String> fields) {
        if (item == null || item.flow() != FlowVariant.TRANSFER || fields == null) {
            return BOTH;
        }
        String v = fields.getOrDefault(FIELD, "").trim();
        // the catalog's options of 办理方向, in its order: 转出, 转入
        java.util.List<String> options = item.field(FIELD).map(f -> f.options()).orElse(java.util.List.of());
        int i = options.indexOf(v);
        return i == 0 ? OUT : i == 1 ? IN : BOTH;
    }
}
