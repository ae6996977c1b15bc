package org.ybdesk.core.i18n;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MessagesTest {
    @Test
    void missingKeyIsAnErrorNotASilentBlank() {
        assertThatThrownBy(() -> Messages.bundle("org.ybdesk.core.i18n.test").get("nope"))
                .hasMessageContaining("nope");
    }
}
