package org.ybdesk.desk;

import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import org.ybdesk.service.Desk;
import org.ybdesk.service.Mode;

/** The open desks of this process, one per mode, opened lazily off the event thread and closed at exit. */
public final class Desks {
    private final Path dataDir;
    private final Clock clock;
    private final Map<Mode, Desk> open = new EnumMap<>(Mode.class);

    public Desks(Path dataDir) {
        this(dataDir, Clock.system(Desk.ZONE));
    }

    /** With a given clock (tests and training demos at a fixed date). */
    public Desks(Path dataDir, Clock clock) {
        this.dataDir = dataDir;
        this.clock = clock;
        Runtime.getRuntime().addShutdownHook(new Thread(this::closeAll, "desk-close"));
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The desk of the mode, opening it if needed (call off the event thread). */
    public synchronized Desk get(Mode mode) {
        return open.computeIfAbsent(mode, m -> Desk.open(dataDir, m, clock));
    }

    /** Closes the mode's desk (e.g. before the sandbox is reset). */
    public synchronized void close(Mode mode) {
        Desk d = open.remove(mode);
        if (d != null) {
            d.close();
        }
    }

    public synchronized void closeAll() {
        open.values().forEach(Desk::close);
        open.clear();
    }
}
