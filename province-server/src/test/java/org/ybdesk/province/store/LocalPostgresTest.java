package org.ybdesk.province.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.ybdesk.province.TestPostgres;

class LocalPostgresTest {
    @Test
    void missingBinariesFailWithHowToInstallThem(@org.junit.jupiter.api.io.TempDir Path empty) {
        assertThatThrownBy(() -> LocalPostgres.findBinaries(null, empty.resolve("none"), empty.toString()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("initdb").hasMessageContaining("scripts/install-deps.sh");
    }

    @Test
    void aClusterKeepsItsDataAcrossRestartsAndASecondUserAttachesWithoutStoppingIt() throws Exception {
        Path root = Files.createTempDirectory("ybdesk-local-pg");
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path dir = root.resolve("pg");
        try (LocalPostgres pg = LocalPostgres.start(dir)) {
            pg.createDatabase("keep");
            try (Connection c = DriverManager.getConnection(pg.jdbcUrl("keep"), pg.user(), pg.password())) {
                c.createStatement().execute("create table kept (v text); insert into kept values ('张三')");
            }
            try (LocalPostgres attached = LocalPostgres.start(dir)) {
                assertThat(attached.port()).isEqualTo(pg.port());
            }
            // closing the attached handle did not stop the owner's server
            try (Connection c = DriverManager.getConnection(pg.jdbcUrl("keep"), pg.user(), pg.password())) {
                assertThat(c.isValid(2)).isTrue();
            }
        }
        LocalPostgres again = LocalPostgres.start(dir);
        String url = again.jdbcUrl("keep");
        try (Connection c = DriverManager.getConnection(url, again.user(), again.password())) {
            var rs = c.createStatement().executeQuery("select v from kept");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("张三");
        }
        again.close();
        // stopped: its port answers no more
        assertThatThrownBy(() -> DriverManager.getConnection(url, again.user(), again.password()).close())
                .isInstanceOf(SQLException.class);
        TestPostgres.deleteTree(root);
    }
}
