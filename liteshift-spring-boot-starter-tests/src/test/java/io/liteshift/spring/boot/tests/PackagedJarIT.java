package io.liteshift.spring.boot.tests;

import io.liteshift.testing.TestDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static io.liteshift.testing.TestDb.column;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The test application as it ships: the Boot fat jar that {@code package} built, started with {@code java -jar}. Its
 * migrations are read from inside the jar (BOOT-INF/classes), the REST endpoint and Actuator answer over HTTP, and a
 * refused migration stops the process with liteshift's message.
 */
class PackagedJarIT {
    @TempDir
    Path dir;

    @Test
    void theJarMigratesOnStartServesTheDataAndReportsTheSchemaOverActuator() throws Exception {
        Path db = dir.resolve("app.db");
        Path seeds = Files.createDirectories(dir.resolve("seeds"));
        Files.writeString(seeds.resolve("0001_customers.sql"), """
                INSERT INTO customers (id, name, email) VALUES (1, 'Ada', 'ada@example.com'), (2, 'Grace', 'grace@example.com');
                INSERT INTO orders (customer_id, total_cents) VALUES (1, 1250);
                """);

        try (JarProcess app = JarProcess.start(dir.resolve("app.log"), "--spring.datasource.url=jdbc:sqlite:" + db,
                "--spring.liteshift.create-missing=true", "--spring.liteshift.seeds.directory=" + seeds, "--server.port=0").awaitStarted()) {
            HttpResponse<String> customers = app.get("/customers");
            assertThat(customers.statusCode()).isEqualTo(200);
            assertThat(customers.body().replace(" ", "")).contains("\"name\":\"Ada\"").contains("\"orders\":1")
                    .contains("\"name\":\"Grace\"").contains("\"orders\":0");

            HttpResponse<String> liteshift = app.get("/actuator/liteshift");
            assertThat(liteshift.statusCode()).isEqualTo(200);
            assertThat(liteshift.body()).contains("\"database\":\"" + db + "\"").contains("\"version\":\"0002\"")
                    .contains("\"upToDate\":true").contains("\"name\":\"customers\"").contains("\"name\":\"orders\"")
                    .contains("\"pending\":[]").contains("\"drift\":[]").contains("\"historyProblems\":[]");

            HttpResponse<String> health = app.get("/actuator/health/liteshift");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"UP\"").contains("\"version\":\"0002\"").contains("\"applied\":2");

            // someone changes the schema by hand: the migrations no longer describe the database
            TestDb.exec(db, "CREATE TABLE made_by_hand (x)");
            HttpResponse<String> drifted = app.get("/actuator/health");
            assertThat(drifted.statusCode()).isEqualTo(503);
            assertThat(drifted.body()).contains("\"status\":\"DOWN\"").contains("made_by_hand");
            TestDb.exec(db, "DROP TABLE made_by_hand");
            assertThat(app.get("/actuator/health/liteshift").statusCode()).isEqualTo(200);

            assertThat(app.output()).contains("applied 0001_customers.sql").contains("applied 0002_orders.sql")
                    .contains("liteshift: the schema is at version 0002 (2 migration(s) applied on this start)");
        }

        assertThat(TestDatabases.rows(db, "SELECT version, name FROM liteshift_migrations ORDER BY version"))
                .containsExactly(Map.of("version", 1, "name", "customers"), Map.of("version", 2, "name", "orders"));
        assertThat(column(db, "SELECT name FROM customers ORDER BY id")).containsExactly("Ada", "Grace");
        assertThat(column(db, "SELECT total_cents FROM orders")).containsExactly("1250");
        TestDatabases.assertSound(db);
    }

    @Test
    void anEditedMigrationStopsTheJarWithLiteshiftsMessageAndTheFileUnchanged() throws Exception {
        Path db = dir.resolve("app.db");
        TestDatabases.migrateTo(db, 1, dir);
        TestDb.exec(db, "UPDATE liteshift_migrations SET checksum = 'checksum-of-another-text' WHERE version = 1");
        Map<String, String> before = TestDatabases.files(db);

        String output;
        int exit;
        try (JarProcess app = JarProcess.start(dir.resolve("app.log"), "--spring.datasource.url=jdbc:sqlite:" + db, "--server.port=0")) {
            exit = app.awaitExit();
            output = app.output();
        }

        assertThat(exit).isEqualTo(1);
        assertThat(output).contains("APPLICATION FAILED TO START")
                .contains("liteshift did not migrate jdbc:sqlite:" + db + " with the migrations at classpath:db/migrations (REFUSED_HISTORY)")
                .contains("0001_customers.sql was applied on").contains("has been edited since").contains("Nothing was changed.")
                .contains("Action:").contains("The migration history cannot be trusted, so nothing was applied.")
                .doesNotContain("Unable to close ApplicationContext").doesNotContainPattern("(?m)^\\s+at [a-z]");
        assertThat(TestDatabases.files(db)).isEqualTo(before);
        assertThat(column(db, "SELECT version FROM liteshift_migrations")).containsExactly("1");
    }
}
