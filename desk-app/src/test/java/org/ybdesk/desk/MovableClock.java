package org.ybdesk.desk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/** A clock a test moves forward (idle lock); views in other zones share the same instant. */
final class MovableClock extends Clock {
    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    private MovableClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    static MovableClock of(Clock start) {
        return new MovableClock(new AtomicReference<>(start.instant()), start.getZone());
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
        return new MovableClock(now, z);
    }

    @Override
    public Instant instant() {
        return now.get();
    }
}
