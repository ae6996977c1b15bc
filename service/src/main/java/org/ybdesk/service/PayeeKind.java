package org.ybdesk.service;

import java.util.List;
import java.util.Optional;

/**
 * To whom a payment item pays (拨付对象, issue 13, D142): the insured person (default), the unit collecting for its
 * employee (单位代收, maternity items 19–22), an heir or the heirs' representative (继承人(代表人), item 9 after death),
 * or another person who receives it for the insured (代表人/被委托人).
 */
public enum PayeeKind {
    INSURED, UNIT, HEIR, AGENT;

    /** 参保人本人 / 单位（代收） / 继承人（代表人） / 代表人（被委托人）. */
    public String label() {
        return Texts.get("payee.kind." + name());
    }

    /**
     * The kind named by {@code text}: the constant's name, its label, or the maternity choice's words (个人 → INSURED,
     * 单位 → UNIT).
     */
    public static Optional<PayeeKind> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.strip();
        for (PayeeKind k : values()) {
            if (k.name().equalsIgnoreCase(t) || k.label().equals(t)) {
                return Optional.of(k);
            }
        }
        for (PayeeKind k : List.of(INSURED, UNIT, HEIR)) {
            if (java.util.Arrays.asList(Texts.get("vocab.payee." + k.name()).split("\\|")).contains(t)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
