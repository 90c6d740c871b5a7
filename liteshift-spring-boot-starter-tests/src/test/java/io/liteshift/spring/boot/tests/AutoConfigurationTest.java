package io.liteshift.spring.boot.tests;

import io.liteshift.LiteShift;
import io.liteshift.LiteShiftException;
import io.liteshift.spring.boot.LiteShiftAutoConfiguration;
import io.liteshift.spring.boot.LiteShiftMigrationInitializer;
import io.liteshift.testing.TestDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import javax.sql.DataSource;
import java.nio.file.Path;

import static io.liteshift.testing.TestDb.column;
import static org.assertj.core.api.Assertions.assertThat;

/** When the auto-configuration applies, what it migrates, and when it steps aside (contexts without an application). */
class AutoConfigurationTest {
    @TempDir
    Path dir;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(LiteShiftAutoConfiguration.class));

    private DataSource fileDataSource(Path db) {
        return new DriverManagerDataSource("jdbc:sqlite:" + db + "?foreign_keys=on");
    }

    @Test
    void migratesTheFileTheDataSourceNamesWithoutItsDriverParameters() {
        Path db = dir.resolve("app.db");
        runner.withBean(DataSource.class, () -> fileDataSource(db)).withPropertyValues("spring.liteshift.create-missing=true")
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(LiteShift.class).hasSingleBean(LiteShiftMigrationInitializer.class);
                    assertThat(column(db, "SELECT version FROM liteshift_migrations ORDER BY version")).containsExactly("1", "2");
                    assertThat(context.getBean(LiteShift.class).status().database()).isEqualTo(db.toString());
                });
    }

    @Test
    void anInMemoryDatabaseIsMigratedThroughTheDataSource() {
        SingleConnectionDataSource memory = new SingleConnectionDataSource("jdbc:sqlite::memory:", true);
        runner.withBean(DataSource.class, () -> memory).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(new JdbcTemplate(memory).queryForList("SELECT name FROM sqlite_master WHERE type = 'table'"
                    + " AND name IN ('customers', 'orders') ORDER BY name", String.class)).containsExactly("customers", "orders");
        });
        memory.destroy();
    }

    @Test
    void spring_liteshift_urlIsMigratedInsteadOfTheDataSource() {
        Path db = dir.resolve("app.db");
        Path other = dir.resolve("other.db");
        runner.withBean(DataSource.class, () -> fileDataSource(db))
                .withPropertyValues("spring.liteshift.url=jdbc:sqlite:" + other, "spring.liteshift.create-missing=true")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(column(other, "SELECT count(*) FROM liteshift_migrations")).containsExactly("2");
                    assertThat(db).doesNotExist();
                });
    }

    @Test
    void aDataSourceOfAnotherDatabaseIsRefusedByName() {
        runner.withBean(DataSource.class, () -> new DriverManagerDataSource("jdbc:postgresql://localhost/app")).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().isInstanceOf(LiteShiftException.class)
                    .hasMessageContaining("the DataSource's URL jdbc:postgresql://localhost/app is not a SQLite database")
                    .hasMessageContaining("spring.liteshift.enabled=false").hasMessageEndingWith("Nothing was changed.");
            assertThat(context.getStartupFailure()).hasMessageContaining("liteshift did not migrate the application's DataSource");
        });
    }

    @Test
    void stepsAsideWhenDisabledOrWithoutADatabase() {
        Path db = dir.resolve("app.db");
        runner.withBean(DataSource.class, () -> fileDataSource(db)).withPropertyValues("spring.liteshift.enabled=false",
                "spring.liteshift.create-missing=true").run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(LiteShift.class).doesNotHaveBean(LiteShiftMigrationInitializer.class);
            assertThat(db).doesNotExist();
        });
        runner.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(LiteShift.class));
    }

    @Test
    void theApplicationsOwnLiteShiftIsTheOneMigrated() {
        Path db = dir.resolve("app.db");
        Path own = dir.resolve("own.db");
        LiteShift mine = LiteShift.configure().database(own.toString()).migrations("classpath:db/migrations").createMissing(true).load();
        runner.withBean(DataSource.class, () -> fileDataSource(db)).withBean(LiteShift.class, () -> mine)
                .withPropertyValues("spring.liteshift.create-missing=true").run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(LiteShift.class)).isSameAs(mine);
                    assertThat(column(own, "SELECT count(*) FROM liteshift_migrations")).containsExactly("2");
                    assertThat(db).doesNotExist();
                });
    }

    /** A database made by 0001 alone, by hand (tables, no liteshift history), with a customer in it. */
    private Path adoptedDatabase() throws Exception {
        Path db = dir.resolve("app.db");
        TestDb.exec(db, "CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT NOT NULL, email TEXT NOT NULL UNIQUE)");
        TestDb.exec(db, "INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com')");
        return db;
    }

    @Test
    void aDatabaseWithTablesButNoHistoryIsRefusedNamingBaseline() throws Exception {
        Path db = adoptedDatabase();
        var before = TestDatabases.files(db);
        runner.withBean(DataSource.class, () -> fileDataSource(db)).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("baseline");
        });
        assertThat(TestDatabases.files(db)).isEqualTo(before);
    }

    @Test
    void baselineOnMigrateAdoptsTheDatabaseAtTheMatchingMigrationAndAppliesTheRest() throws Exception {
        Path db = adoptedDatabase();
        runner.withBean(DataSource.class, () -> fileDataSource(db)).withPropertyValues("spring.liteshift.baseline-on-migrate=true")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(LiteShift.class).status().upToDate()).isTrue();
                });
        assertThat(column(db, "SELECT version FROM liteshift_migrations ORDER BY version")).containsExactly("1", "2");
        assertThat(column(db, "SELECT name FROM customers")).containsExactly("Ada");
        assertThat(column(db, "SELECT count(*) FROM orders")).containsExactly("0");
        TestDatabases.assertSound(db);
    }

    /**
     * spring.liteshift.online: a migration marked -- liteshift:online on a rollback-journal database stops startup with
     * the WAL fix, naming the property; spring.liteshift.online=false applies it in one transaction, keeping every row.
     */
    @Test
    void springLiteshiftOnlineDecidesHowAMarkedMigrationRuns() throws Exception {
        Path migrations = dir.resolve("migrations");
        Path schema = dir.resolve("schema.sql");
        Path db = dir.resolve("app.db");
        java.nio.file.Files.writeString(schema, "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);\n");
        LiteShift files = LiteShift.configure().migrations(migrations).schema(schema).load();
        files.generate("init");
        LiteShift.configure().database(db.toString()).migrations(migrations).createMissing(true).load().migrate();
        TestDb.exec(db, "INSERT INTO notes VALUES (1, NULL), (2, 'b')");
        java.nio.file.Files.writeString(schema, "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL DEFAULT '');\n");
        assertThat(files.generate("body_default", true).sql()).contains("-- liteshift:online");
        var before = TestDatabases.files(db);

        runner.withBean(DataSource.class, () -> fileDataSource(db)).withPropertyValues("spring.liteshift.location=" + migrations)
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("an online rebuild needs WAL mode")
                            .hasMessageContaining("spring.liteshift.online=false");
                });
        assertThat(TestDatabases.files(db)).isEqualTo(before);

        runner.withBean(DataSource.class, () -> fileDataSource(db))
                .withPropertyValues("spring.liteshift.location=" + migrations, "spring.liteshift.online=false", "spring.liteshift.max-lock=5ms")
                .run(context -> assertThat(context).hasNotFailed());
        assertThat(column(db, "SELECT id || ':' || body FROM notes ORDER BY id")).containsExactly("1:", "2:b");
        assertThat(column(db, "SELECT version FROM liteshift_migrations ORDER BY version")).containsExactly("1", "2");
        TestDatabases.assertSound(db);
    }
}
