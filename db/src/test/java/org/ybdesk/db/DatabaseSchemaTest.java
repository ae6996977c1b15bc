package org.ybdesk.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class DatabaseSchemaTest {
    /** The version an opening trusts without Flyway is the newest migration shipped: forgetting it would skip one. */
    @Test
    void theSchemaVersionAnOpeningTrustsIsTheNewestMigration() throws Exception {
        Path folder = Path.of(Database.class.getResource("/db/migration").toURI());
        Pattern name = Pattern.compile("V(\\d+)__.*\\.sql");
        int newest = 0;
        try (var files = Files.list(folder)) {
            for (Path f : files.toList()) {
                Matcher m = name.matcher(f.getFileName().toString());
                if (m.matches()) {
                    newest = Math.max(newest, Integer.parseInt(m.group(1)));
                }
            }
        }
        assertThat(newest).isGreaterThanOrEqualTo(22);
        assertThat(Database.SCHEMA_VERSION).isEqualTo(newest);
    }
}
