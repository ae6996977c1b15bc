package org.ybdesk.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The date-independence check really moves the clock: when scripts/other-dates.sh runs the tests tagged "calendar"
 * with libfaketime preloaded ({@code FAKETIME=@2025-01-02 09:30:00}), the system's day in this JVM is that day.
 * In an ordinary run (no {@code FAKETIME}) there is nothing to check and the test says so.
 */
@Tag("calendar")
class OtherDateCheckTest {
    @Test
    void theTestJvmSeesTheFakedDay() {
        String fake = System.getenv("FAKETIME");
        Assumptions.assumeTrue(fake != null && fake.startsWith("@"), "not under scripts/other-dates.sh");
        LocalDate expected = LocalDate.parse(fake.substring(1, 11), DateTimeFormatter.ISO_LOCAL_DATE);
        // libfaketime reads the moment in the process's zone (no TZ: UTC); a few seconds pass during the run
        assertThat(LocalDate.now(ZoneOffset.UTC)).as("the clock libfaketime set").isEqualTo(expected);
    }
}
