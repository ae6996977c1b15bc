package org.ybdesk.forms;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ybdesk.core.i18n.Messages;

/**
 * An address split into the sub-cells 表3 prints for 户籍所在地 (省 | 市 | 区 | 县(市) | 乡镇(街道) 村(社区)), issue 14
 * (D159). The split reads the usual order of a Chinese address: a province (or a municipality, an autonomous region),
 * a city (市, 自治州, 地区, 盟), a district (区), a county (县, 旗, a county-level 市); each level is optional and short,
 * and whatever is left — the township, street, village and number — is the last part. Joined again the parts are the
 * address exactly, so nothing is lost when an address does not follow the pattern (it then lands in the last part).
 */
public final class AddressParts {
    /** Derived keys, filled from {@code householdAddress} when the case does not give them. */
    public static final String PROVINCE = "householdProvince";
    public static final String CITY = "householdCity";
    public static final String DISTRICT = "householdDistrict";
    public static final String COUNTY = "householdCounty";
    public static final String REST = "householdTownVillage";

    private static final Pattern ADDRESS = pattern();

    private AddressParts() {
    }

    /** The five parts of {@code address} under the derived keys (empty strings for levels it does not name). */
    public static Map<String, String> split(String address) {
        String a = address == null ? "" : address.trim();
        Matcher m = ADDRESS.matcher(a);
        Map<String, String> out = new LinkedHashMap<>();
        if (!m.matches()) {
            out.put(PROVINCE, "");
            out.put(CITY, "");
            out.put(DISTRICT, "");
            out.put(COUNTY, "");
            out.put(REST, a);
            return out;
        }
        out.put(PROVINCE, nz(m.group("p")));
        out.put(CITY, nz(m.group("c")));
        out.put(DISTRICT, nz(m.group("d")));
        out.put(COUNTY, nz(m.group("k")));
        out.put(REST, nz(m.group("r")));
        return out;
    }

    /** The pattern, from the address vocabulary in the forms bundle. */
    private static Pattern pattern() {
        Messages t = FormFiller.TEXT;
        String name = "[^" + t.get("address.notInName") + "]";
        return Pattern.compile("^(?<p>" + t.get("address.municipalities") + "|" + name + "{2,7}?(?:"
                + t.get("address.province") + "))?"
                + "(?<c>" + name + "{1,9}?(?:" + t.get("address.city") + "))?"
                + "(?<d>" + name + "{1,6}?(?:" + t.get("address.district") + "))?"
                + "(?<k>" + name + "{1,6}?(?:" + t.get("address.county") + "))?"
                + "(?<r>.*)$", Pattern.DOTALL);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
