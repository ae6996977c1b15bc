package org.ybdesk.core.lifecycle;

/** Name of the resource bundle holding the lifecycle's user-facing texts. */
final class LifecycleTexts {
    static final String BUNDLE = "org.ybdesk.core.lifecycle.messages";

    private LifecycleTexts() {
    }
}
