package org.ybdesk.forms;

/** Page orientation of a printed reference form (A4). */
public enum Orientation {
    PORTRAIT, LANDSCAPE
}
