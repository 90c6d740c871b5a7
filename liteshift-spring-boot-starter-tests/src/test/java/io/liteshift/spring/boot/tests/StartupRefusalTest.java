package io.liteshift.spring.boot.tests;

import io.liteshift.LiteShiftException;
import io.liteshift.spring.boot.LiteShiftStartupException;
import io.liteshift.spring.boot.testapp.TestApplication;
import io.liteshift.testing.TestDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static io.liteshift.testing.TestDb.column;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Startups that must not migrate: each stops (or waits) with liteshift's own message and leaves the database file,
 * and its side files, byte for byte as they were.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupRefusalTest {
    @TempDir
    Path dir;

    static ConfigurableApplicationContext start(Path db, String... more) {
        String[] args = new String[more.length + 1];
        args[0] = "--spring.datasource.url=jdbc:sqlite:" + db;
        System.arraycopy(more, 0, args, 1, more.length);
        return new SpringApplicationBuilder(TestApplication.class).web(WebApplicationType.NONE).run(args);
    }

    @Test
    void anEditedAppliedMigrationStopsStartupWithLiteshiftsMessageAndChangesNothing(CapturedOutput output) throws Exception {
        Path db = dir.resolve("app.db");
        TestDatabases.migrateTo(db, 1, dir); // 0002 is pending
        TestDb.exec(db, "UPDATE liteshift_migrations SET checksum = 'checksum-of-another-text' WHERE version = 1");
        Map<String, String> before = TestDatabases.files(db);

        assertThatThrownBy(() -> start(db)).hasRootCauseInstanceOf(LiteShiftException.class)
                .satisfies(e -> {
                    LiteShiftStartupException startup = find(e);
                    assertThat(startup.liteShiftException().reason()).isEqualTo(LiteShiftException.Reason.REFUSED_HISTORY);
                });

        assertThat(output.getOut() + output.getErr())
                .doesNotContain("Unable to close ApplicationContext")
                .contains("APPLICATION FAILED TO START")
                .contains("liteshift did not migrate jdbc:sqlite:" + db + " with the migrations at classpath:db/migrations"
                        + " (REFUSED_HISTORY)")
                .contains("0001_customers.sql was applied on").contains("has been edited since")
                .contains("The migration history cannot be trusted, so nothing was applied.");
        assertThat(TestDatabases.files(db)).isEqualTo(before);
        assertThat(column(db, "SELECT version FROM liteshift_migrations")).containsExactly("1");
    }

    @Test
    void aMissingDatabaseFileIsNotCreatedUnlessAllowed(CapturedOutput output) {
        Path db = dir.resolve("typo.db");

        assertThatThrownBy(() -> start(db)).satisfies(e -> assertThat(find(e).liteShiftException().reason())
                .isEqualTo(LiteShiftException.Reason.INVALID_INPUT));

        assertThat(output.getOut() + output.getErr()).contains("APPLICATION FAILED TO START").contains(db.toString())
                .contains("Fix the setting or file named above");
        assertThat(db).doesNotExist();
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void aLiteFsReplicaThatHasTheSchemaStartsWithoutWriting(CapturedOutput output) throws Exception {
        Path db = dir.resolve("app.db");
        TestDatabases.migrateTo(db, 2, dir);
        Files.writeString(dir.resolve(".primary"), "primary-host-1\n");
        Map<String, String> before = TestDatabases.files(db);

        try (ConfigurableApplicationContext app = start(db)) {
            assertThat(app.isActive()).isTrue();
        }

        assertThat(output.getOut() + output.getErr()).contains("replica of primary-host-1").contains("nothing written");
        assertThat(TestDatabases.files(db)).isEqualTo(before);
    }

    @Test
    void aLiteFsReplicaWaitsForThePrimaryThenGivesUpWithoutWriting(CapturedOutput output) throws Exception {
        Path db = dir.resolve("app.db");
        TestDatabases.migrateTo(db, 1, dir); // the primary has not migrated 0002 yet
        Files.writeString(dir.resolve(".primary"), "primary-host-1\n");
        Map<String, String> before = TestDatabases.files(db);

        long t0 = System.nanoTime();
        assertThatThrownBy(() -> start(db, "--spring.liteshift.replica-timeout=1s"))
                .satisfies(e -> assertThat(find(e).liteShiftException().reason()).isEqualTo(LiteShiftException.Reason.FAILED));

        assertThat(Duration.ofNanos(System.nanoTime() - t0)).as("it waited the replica timeout").isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(output.getOut() + output.getErr()).contains("APPLICATION FAILED TO START")
                .contains("this node is a LiteFS replica").contains("names the primary primary-host-1")
                .contains("is at 0001 and these migrations expect 0002").contains("Nothing was written.");
        assertThat(TestDatabases.files(db)).isEqualTo(before);
    }

    private static LiteShiftStartupException find(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) if (t instanceof LiteShiftStartupException s) return s;
        throw new AssertionError("no LiteShiftStartupException in " + e, e);
    }
}
