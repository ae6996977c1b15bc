package org.ybdesk.core.validation;

import java.util.Set;

/** Province-level codes of GB/T 2260 (the first two digits of an administrative division code). */
final class Regions {
    private Regions() {
    }

    /**
     * Mainland provinces, autonomous regions and municipalities: 11–15, 21–23, 31–37, 41–46, 50–54, 61–65.
     * These are the only prefixes a 居民身份证 can carry: Taiwan (71), Hong Kong (81) and Macao (82)
     * residents do not get mainland citizen numbers under those codes; their residence permits use
     * 830000 / 810000 / 820000 instead (note Taiwan: 83, not 71).
     */
    private static final Set<String> MAINLAND = Set.of(
            "11", "12", "13", "14", "15",
            "21", "22", "23",
            "31", "32", "33", "34", "35", "36", "37",
            "41", "42", "43", "44", "45", "46",
            "50", "51", "52", "53", "54",
            "61", "62", "63", "64", "65");

    /** 台湾省、香港特别行政区、澳门特别行政区 as listed in GB/T 2260. */
    private static final Set<String> HK_MACAO_TAIWAN = Set.of("71", "81", "82");

    static boolean isMainlandProvince(String twoDigits) {
        return MAINLAND.contains(twoDigits);
    }

    /** Any province-level code of GB/T 2260, including Taiwan, Hong Kong and Macao. */
    static boolean isProvince(String twoDigits) {
        return MAINLAND.contains(twoDigits) || HK_MACAO_TAIWAN.contains(twoDigits);
    }
}
