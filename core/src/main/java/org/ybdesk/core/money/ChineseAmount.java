package org.ybdesk.core.money;

/**
 * An amount in capital Chinese numerals as financial forms print it (大写): 1234.50 → 壹仟贰佰叁拾肆元伍角整,
 * 100.07 → 壹佰元零柒分, 0 → 零元整. Non-negative amounts below one trillion yuan.
 */
public final class ChineseAmount {
    private static final org.ybdesk.core.i18n.Messages N = org.ybdesk.core.i18n.Messages.bundle(
            "org.ybdesk.core.money.numerals");
    private static final String DIGITS = N.get("digits");
    private static final String[] SMALL = {"", N.get("ten"), N.get("hundred"), N.get("thousand")};
    private static final String[] LARGE = {"", N.get("tenThousand"), N.get("hundredMillion")};
    private static final char YUAN = '元';
    private static final char WHOLE = '整';

    private ChineseAmount() {
    }

    public static String of(Money m) {
        long fen = m.fen();
        if (fen < 0 || fen >= 100_000_000_000_000L) {
            throw new IllegalArgumentException("amount out of range: " + fen);
        }
        long yuan = fen / 100;
        int jiao = (int) (fen / 10 % 10);
        int f = (int) (fen % 10);
        StringBuilder sb = new StringBuilder();
        if (yuan > 0) {
            sb.append(integer(yuan)).append('元');
        }
        if (jiao == 0 && f == 0) {
            return (sb.length() == 0 ? DIGITS.charAt(0) + String.valueOf(YUAN) : sb.toString()) + WHOLE;
        }
        if (jiao > 0) {
            sb.append(DIGITS.charAt(jiao)).append('角');
        } else if (yuan > 0) {
            sb.append('零');
        }
        if (f > 0) {
            sb.append(DIGITS.charAt(f)).append('分');
        } else {
            sb.append('整');
        }
        return sb.toString();
    }

    /** A positive whole number in capital numerals, with 零 for every run of zeros between digits. */
    private static String integer(long n) {
        StringBuilder out = new StringBuilder();
        boolean zero = false;
        int group = 0;
        StringBuilder result = new StringBuilder();
        while (n > 0) {
            int part = (int) (n % 10_000);
            n /= 10_000;
            StringBuilder g = new StringBuilder();
            if (part > 0) {
                String s = four(part);
                g.append(s).append(LARGE[group]);
                if (zero && result.length() > 0 && result.charAt(0) != DIGITS.charAt(0)) {
                    g.append('零');
                }
                zero = part < 1000;
            } else {
                zero = true;
            }
            result.insert(0, g);
            group++;
        }
        out.append(result);
        String s = out.toString();
        return s.charAt(0) == DIGITS.charAt(0) ? s.substring(1) : s;
    }

    private static String four(int part) {
        StringBuilder sb = new StringBuilder();
        boolean pendingZero = false;
        for (int i = 3; i >= 0; i--) {
            int d = part / (int) Math.pow(10, i) % 10;
            if (d == 0) {
                pendingZero = sb.length() > 0;
                continue;
            }
            if (pendingZero) {
                sb.append('零');
                pendingZero = false;
            }
            sb.append(DIGITS.charAt(d)).append(SMALL[i]);
        }
        return sb.toString();
    }
}
