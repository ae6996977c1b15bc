package org.ybdesk.province.store;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * When a change really happened at its window (issue 13, D134–D136): the message's {@code occurredAt} — the paper's
 * time for back-filled work (补录) — as Beijing local time, else the envelope's {@code inf_time}. {@code occurredAt}
 * is ISO 8601 with an offset ({@code 2026-11-03T09:30+08:00}, what desks send) or without one (read as Beijing time).
 */
public final class Occurrence {
    private Occurrence() {
    }

    /** The occurrence time, or {@code fallback} when {@code occurredAt} is absent or unreadable. */
    public static LocalDateTime of(String occurredAt, LocalDateTime fallback) {
        LocalDateTime t = parse(occurredAt);
        return t == null ? fallback : t;
    }

    /** {@code occurredAt} as Beijing local time (seconds kept, nanos dropped); null when absent or unreadable. */
    public static LocalDateTime parse(String occurredAt) {
        if (occurredAt == null || occurredAt.isBlank()) {
            return null;
        }
        String s = occurredAt.strip();
        try {
            return OffsetDateTime.parse(s).atZoneSameInstant(ProvinceDb.ZONE).toLocalDateTime().withNano(0);
        } catch (DateTimeParseException ex) {
            try {
                return LocalDateTime.parse(s).withNano(0);
            } catch (DateTimeParseException ex2) {
                return null;
            }
        }
    }
}
