package org.ybdesk.protocol.org;

/**
 * The rulebook's 受理层级 columns: 省级, 市（地）, 县（市、区）, 乡镇（街道）, 村（社区）. An agency (经办机构 or 基层服务点)
 * has one level; routing says which level performs each stage of an item.
 */
public enum AgencyLevel {
    PROVINCE, CITY, COUNTY, TOWNSHIP, VILLAGE;

    /** The level by its name (any case); empty for anything else. */
    public static java.util.Optional<AgencyLevel> parse(String text) {
        if (text == null) {
            return java.util.Optional.empty();
        }
        for (AgencyLevel l : values()) {
            if (l.name().equalsIgnoreCase(text.trim())) {
                return java.util.Optional.of(l);
            }
        }
        return java.util.Optional.empty();
    }
}
