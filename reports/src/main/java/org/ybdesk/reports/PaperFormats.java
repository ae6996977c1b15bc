package org.ybdesk.reports;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import org.ybdesk.core.money.ChineseAmount;
import org.ybdesk.core.money.Money;
import org.ybdesk.core.validation.AdminDivisions;
import org.ybdesk.core.validation.Validators;

/**
 * How amounts and places read on paper (issue 14, D164): one formatter for every print. An amount is
 * 「¥12,345.60」 (thousands separators, two decimals); an amount that authorises or confirms a payment also in capital
 * numerals, 「人民币（大写）壹万贰仟叁佰肆拾伍元陆角整（¥12,345.60）」 ({@link ChineseAmount}); an admin-division code is
 * its name with the code, 「海南省三亚市（460200）」.
 */
public final class PaperFormats {
    private PaperFormats() {
    }

    /** 「¥12,345.60」; a negative amount 「-¥12.30」; empty for null. */
    public static String amount(Money m) {
        if (m == null) {
            return "";
        }
        DecimalFormat f = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        String figures = f.format(BigDecimal.valueOf(Math.abs(m.fen())).movePointLeft(2));
        return ReportTexts.get(m.fen() < 0 ? "value.amount.negative" : "value.amount", figures);
    }

    /** 「壹万贰仟叁佰肆拾伍元陆角整」 (negative amounts are never paid; they print in figures only). */
    public static String capitals(Money m) {
        return m == null || m.isNegative() ? "" : ChineseAmount.of(m);
    }

    /** An amount that authorises or confirms a payment: 「人民币（大写）壹万贰仟叁佰肆拾伍元陆角整（¥12,345.60）」. */
    public static String authorised(Money m) {
        if (m == null) {
            return "";
        }
        return m.isNegative() ? amount(m) : ReportTexts.get("value.amount.authorised", capitals(m), amount(m));
    }

    /** 「海南省三亚市（460200）」; the code alone when the list in force does not know it; empty for blank. */
    public static String place(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        String c = Validators.normalizeId(code);
        return AdminDivisions.name(c).map(n -> ReportTexts.get("value.place", n, c)).orElse(c);
    }
}
