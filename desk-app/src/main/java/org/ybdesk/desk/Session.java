package org.ybdesk.desk;

import java.util.Objects;
import org.ybdesk.core.lifecycle.Actor;
import org.ybdesk.service.Desk;
import org.ybdesk.service.Mode;

/**
 * Who is logged in at which desk. The desk stays for the window's life; the person changes when someone else takes
 * the window over at the lock screen (切换用户, issue 15), so screens ask {@link #actor()} each time they act.
 */
public final class Session {
    private final Desk desk;
    private volatile Actor actor;

    public Session(Desk desk, Actor actor) {
        this.desk = Objects.requireNonNull(desk);
        this.actor = Objects.requireNonNull(actor);
    }

    public Desk desk() {
        return desk;
    }

    public Actor actor() {
        return actor;
    }

    /** Another person takes the window over (checked and audited by {@code UserService.takeOver}). */
    void switchTo(Actor next) {
        this.actor = Objects.requireNonNull(next);
    }

    public Mode mode() {
        return desk.mode();
    }

    public boolean sandbox() {
        return desk.mode() == Mode.SANDBOX;
    }
}
