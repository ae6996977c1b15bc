package org.ybdesk.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** Issue 13, D129: which days an outage takes, and the clock stop it becomes. */
class OutagePeriodTest {
    private static LocalDateTime t(String s) {
        return LocalDateTime.parse(s.replace(' ', 'T'));
    }

    @Test
    void aDayBelongsToTheOutageWhenItsOfficeHoursAreCovered() {
        // Harbin 2021: closed from 10-15 20:00, reopened 10-31 08:00 — the 15th and the 31st were worked
        OutagePeriod harbin = new OutagePeriod(t("2021-10-15 20:00"), t("2021-10-31 08:00"));
        assertThat(harbin.firstDay()).contains(LocalDate.of(2021, 10, 16));
        assertThat(harbin.lastDay()).contains(LocalDate.of(2021, 10, 30));
        assertThat(harbin.days()).hasSize(15);
        assertThat(harbin.pause()).contains(new Pause(LocalDate.of(2021, 10, 15), LocalDate.of(2021, 10, 30)));
        // a night's maintenance takes no day and stops no clock
        OutagePeriod night = new OutagePeriod(t("2026-03-10 19:00"), t("2026-03-11 07:30"));
        assertThat(night.days()).isEmpty();
        assertThat(night.pause()).isEmpty();
        assertThat(new OutagePeriod(t("2026-03-10 17:59"), t("2026-03-10 18:30")).days())
                .containsExactly(LocalDate.of(2026, 3, 10));
        assertThatThrownBy(() -> new OutagePeriod(t("2026-03-10 10:00"), t("2026-03-10 10:00")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void containsAndOverlapsIncludeTheEndsButNotATouch() {
        OutagePeriod a = new OutagePeriod(t("2026-03-09 20:00"), t("2026-03-12 08:00"));
        assertThat(a.contains(t("2026-03-09 20:00"))).isTrue();
        assertThat(a.contains(t("2026-03-12 08:00"))).isTrue();
        assertThat(a.contains(t("2026-03-12 08:01"))).isFalse();
        assertThat(a.overlaps(new OutagePeriod(t("2026-03-12 08:00"), t("2026-03-13 08:00")))).isFalse();
        assertThat(a.overlaps(new OutagePeriod(t("2026-03-11 08:00"), t("2026-03-13 08:00")))).isTrue();
        assertThat(a.overlaps(new OutagePeriod(t("2026-03-01 08:00"), t("2026-03-20 08:00")))).isTrue();
    }
}
