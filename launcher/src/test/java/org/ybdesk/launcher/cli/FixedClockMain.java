package org.ybdesk.launcher.cli;

import java.time.Clock;
import java.time.LocalDateTime;
import org.ybdesk.service.Desk;

/**
 * The command line as a separate process on a fixed clock, for tests that run desks as real processes: the moment
 * is {@code -Dybdesk.test.now=yyyy-MM-ddTHH:mm} (Beijing time). Everything else is {@code ybdesk} itself.
 */
public final class FixedClockMain {
    private FixedClockMain() {
    }

    public static void main(String[] args) {
        String now = System.getProperty("ybdesk.test.now");
        if (now != null) {
            YbdeskCommand.clock = Clock.fixed(LocalDateTime.parse(now).atZone(Desk.ZONE).toInstant(), Desk.ZONE);
        }
        System.exit(YbdeskCommand.run(args, System.out, System.err));
    }
}
