package org.ybdesk.core.catalog;

/** One 受理材料 line of an item: its number, the rulebook's name and, where given, when it applies. */
public record MaterialSpec(int no, String name, String condition) {
}
