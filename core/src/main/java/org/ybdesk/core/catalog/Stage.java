package org.ybdesk.core.catalog;

/** A step after acceptance in a REVIEW or SETTLEMENT flow; the order on the item is the order of work. */
public enum Stage {
    REVIEW, RECHECK, APPROVE, PAY
}
