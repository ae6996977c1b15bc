package org.ybdesk.desk;

import org.ybdesk.core.lifecycle.Actor;
import org.ybdesk.service.Desk;
import org.ybdesk.service.Mode;

/** Who is logged in at which desk. */
public record Session(Desk desk, Actor actor) {
    public Mode mode() {
        return desk.mode();
    }

    public boolean sandbox() {
        return desk.mode() == Mode.SANDBOX;
    }
}
