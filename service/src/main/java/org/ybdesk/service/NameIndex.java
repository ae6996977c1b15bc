package org.ybdesk.service;

import net.sourceforge.pinyin4j.PinyinHelper;

/** Search keys for names: pinyin initials, so that {@code zs} finds 张三. */
public final class NameIndex {
    private NameIndex() {
    }

    /**
     * The lower-case pinyin initials of a name (first reading of each character); Latin letters are kept, other
     * characters (·, spaces, digits) are skipped. 张三 → zs, 欧阳娜娜 → oynn.
     */
    public static String initials(String name) {
        StringBuilder sb = new StringBuilder();
        name.codePoints().forEach(cp -> {
            if (cp < 0x80) {
                if (Character.isLetter(cp)) {
                    sb.append(Character.toLowerCase((char) cp));
                }
                return;
            }
            if (Character.isBmpCodePoint(cp)) {
                String[] readings = PinyinHelper.toHanyuPinyinStringArray((char) cp);
                if (readings != null && readings.length > 0 && !readings[0].isEmpty()) {
                    sb.append(Character.toLowerCase(readings[0].charAt(0)));
                }
            }
        });
        return sb.length() > 32 ? sb.substring(0, 32) : sb.toString();
    }
}
