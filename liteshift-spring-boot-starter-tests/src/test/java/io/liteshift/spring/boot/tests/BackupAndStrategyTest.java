package io.liteshift.spring.boot.tests;

import io.liteshift.LiteShift;
import io.liteshift.migrate.Problem;
import io.liteshift.spring.boot.LiteShiftMigrationStrategy;
import io.liteshift.spring.boot.testapp.TestApplication;
import io.liteshift.testing.TestDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static io.liteshift.testing.TestDb.column;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application that is at version 1 boots version 2: the backup properties make liteshift back the database up
 * first, and the application's own {@link LiteShiftMigrationStrategy} runs in place of the default.
 */
class BackupAndStrategyTest {
    @TempDir
    Path dir;

    /** Migrates, then verifies, keeping what it saw. */
    @Configuration(proxyBeanMethods = false)
    static class MigrateThenVerify {
        static final List<LiteShift> CALLED_WITH = new ArrayList<>();
        static final List<List<Problem>> VERIFIED = new ArrayList<>();

        @Bean
        LiteShiftMigrationStrategy migrateThenVerify() {
            return liteShift -> {
                CALLED_WITH.add(liteShift);
                liteShift.migrate();
                VERIFIED.add(liteShift.verify());
            };
        }
    }

    @Test
    void theStrategyMigratesAfterAVerifiedBackupOfVersion1() throws Exception {
        Path db = dir.resolve("app.db");
        TestDatabases.migrateTo(db, 1, dir);
        TestDb.exec(db, "INSERT INTO customers (name, email) VALUES ('Ada', 'ada@example.com')");
        Path backups = dir.resolve("backups");

        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(TestApplication.class, MigrateThenVerify.class)
                .web(WebApplicationType.NONE)
                .run("--spring.datasource.url=jdbc:sqlite:" + db, "--spring.liteshift.backup.directory=" + backups,
                        "--spring.liteshift.backup.keep=1", "--spring.liteshift.backup.check=FULL")) {
            assertThat(MigrateThenVerify.CALLED_WITH).containsExactly(app.getBean(LiteShift.class));
        }

        assertThat(MigrateThenVerify.VERIFIED).containsExactly(List.of());
        assertThat(column(db, "SELECT version FROM liteshift_migrations ORDER BY version")).containsExactly("1", "2");
        assertThat(column(db, "SELECT name FROM customers")).containsExactly("Ada");
        TestDatabases.assertSound(db);

        List<Path> taken;
        try (Stream<Path> files = Files.list(backups)) {
            taken = files.sorted().toList();
        }
        assertThat(taken).hasSize(2);
        Path backup = taken.get(0);
        assertThat(backup.getFileName().toString()).startsWith("app-").endsWith("-v0001.sqlite");
        assertThat(taken.get(1).getFileName()).hasToString(backup.getFileName() + ".manifest");
        assertThat(Files.readString(taken.get(1))).contains("check=integrity_check").contains("version=1");
        assertThat(column(backup, "SELECT version FROM liteshift_migrations")).containsExactly("1");
        assertThat(column(backup, "SELECT name FROM sqlite_master WHERE name = 'orders'")).isEmpty();
        assertThat(column(backup, "SELECT name FROM customers")).containsExactly("Ada");
        TestDatabases.assertSound(backup);
    }
}
