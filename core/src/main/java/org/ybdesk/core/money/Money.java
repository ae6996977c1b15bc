package org.ybdesk.core.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/** An amount of money in fen (分), never a double. Formats as yuan with two decimals, e.g. {@code 1234.50}. */
public record Money(long fen) implements Comparable<Money> {
    public static final Money ZERO = new Money(0);

    public static Money ofFen(long fen) {
        return new Money(fen);
    }

    /**
     * Parses a yuan amount typed by a person: digits with at most two decimals, optional thousands commas and a
     * leading ¥. Returns empty when the text is not such an amount (the caller names the field in its message).
     */
    public static Optional<Money> parseYuan(String text) {
        if (text == null) {
            return Optional.empty();
        }
        // thousands separators and currency signs people type: , ， ¥ ￥ 元
        String t = text.trim().replaceAll("[,\uFF0C\u00A5\uFFE5\u5143]", "");
        if (!t.matches("-?\\d{1,13}(\\.\\d{1,2})?")) {
            return Optional.empty();
        }
        return Optional.of(new Money(new BigDecimal(t).movePointRight(2).setScale(0, RoundingMode.UNNECESSARY)
                .longValueExact()));
    }

    public Money plus(Money other) {
        return new Money(Math.addExact(fen, other.fen));
    }

    public Money minus(Money other) {
        return new Money(Math.subtractExact(fen, other.fen));
    }

    public boolean isNegative() {
        return fen < 0;
    }

    /** Yuan with two decimals, no grouping: {@code 1234.50}. */
    public String toYuanString() {
        return BigDecimal.valueOf(fen).movePointLeft(2).setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }

    @Override
    public int compareTo(Money o) {
        return Long.compare(fen, o.fen);
    }

    @Override
    public String toString() {
        return toYuanString();
    }
}
