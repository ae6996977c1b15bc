package org.ybdesk.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/** A clock the test moves forward; views in other zones share the same instant. */
final class TestClock extends Clock {
    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    private TestClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    static TestClock at(LocalDate day) {
        ZoneId z = ZoneId.of("Asia/Shanghai");
        return new TestClock(new AtomicReference<>(day.atTime(LocalTime.of(9, 0)).atZone(z).toInstant()), z);
    }

    void setDay(LocalDate day) {
        now.set(day.atTime(LocalTime.of(9, 0)).atZone(zone).toInstant());
    }

    void advance(Duration d) {
        now.updateAndGet(i -> i.plus(d));
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId z) {
        return new TestClock(now, z);
    }

    @Override
    public Instant instant() {
        return now.get();
    }
}
