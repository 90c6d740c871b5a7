package io.liteshift.spring.boot.tests;

import io.liteshift.LiteShift;
import io.liteshift.seed.Seeder;
import io.liteshift.spring.boot.LiteShiftEndpoint;
import io.liteshift.spring.boot.LiteShiftReport;
import io.liteshift.spring.boot.testapp.Customer;
import io.liteshift.spring.boot.testapp.CustomerRepository;
import io.liteshift.spring.boot.testapp.StartupProbe;
import io.liteshift.spring.boot.testapp.TestApplication;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import static io.liteshift.spring.boot.tests.TestDatabases.rows;
import static io.liteshift.testing.TestDb.column;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The test application started on a database file that does not exist yet: the starter creates and migrates it,
 * runs the seeds, and does all of it before JdbcTemplate, NamedParameterJdbcTemplate, DSLContext and JPA are created.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
@Import(MigrateOnStartupTest.JavaSeeder.class)
class MigrateOnStartupTest {
    @TempDir
    static Path dir;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:sqlite:" + dir.resolve("app.db"));
        registry.add("spring.liteshift.create-missing", () -> "true");
        registry.add("spring.liteshift.seeds.directory", () -> dir.resolve("seeds").toString());
    }

    @BeforeAll
    static void seeds() throws IOException {
        Files.createDirectories(dir.resolve("seeds"));
        Files.writeString(dir.resolve("seeds/0001_first_customer.sql"),
                "INSERT INTO customers (name, email) VALUES ('Ada', 'ada@example.com');\n");
    }

    @TestConfiguration
    static class JavaSeeder {
        @Bean
        Seeder secondCustomer() {
            return new Seeder() {
                public String name() {
                    return "second-customer";
                }

                public void seed(Connection c) throws SQLException {
                    try (PreparedStatement s = c.prepareStatement("INSERT INTO customers (name, email) VALUES (?, ?)")) {
                        s.setString(1, "Grace");
                        s.setString(2, "grace@example.com");
                        s.executeUpdate();
                    }
                }
            };
        }
    }

    @Autowired
    StartupProbe probe;
    @Autowired
    CustomerRepository customers;
    @Autowired
    ApplicationContext context;

    Path db() {
        return dir.resolve("app.db");
    }

    @Test
    void everyDatabaseUserWasCreatedAfterTheMigrationAndTheSeeds() {
        assertThat(probe.tablesSeenByJdbcTemplate()).containsExactly("customers", "orders");
        assertThat(probe.ordersSeenByNamedParameterJdbcTemplate()).isZero();
        assertThat(probe.customersSeenByJooq()).as("the SQL seed and the Java seeder ran during the migration").isEqualTo(2);
    }

    @Test
    void theDatabaseHoldsTheMigratedSchemaTheJournalAndTheSeeds() throws SQLException {
        assertThat(rows(db(), "SELECT version, name, kind FROM liteshift_migrations ORDER BY version")).containsExactly(
                Map.of("version", 1, "name", "customers", "kind", "migrate"),
                Map.of("version", 2, "name", "orders", "kind", "migrate"));
        assertThat(column(db(), "SELECT name FROM sqlite_master WHERE type IN ('table', 'index') AND name NOT LIKE 'sqlite_%'"
                + " ORDER BY name")).containsExactly("customers", "liteshift_migrations", "liteshift_seeds", "orders", "orders_by_customer");
        assertThat(rows(db(), "SELECT name, kind FROM liteshift_seeds ORDER BY name")).containsExactly(
                Map.of("name", "0001_first_customer.sql", "kind", "once"), Map.of("name", "second-customer", "kind", "java"));
        assertThat(column(db(), "SELECT name FROM customers ORDER BY id")).containsExactly("Ada", "Grace");
        TestDatabases.assertSound(db());
    }

    @Test
    void jpaWorksOnTheMigratedSchema() throws SQLException {
        Customer saved = customers.save(new Customer("Edsger", "edsger@example.com"));
        assertThat(customers.findById(saved.getId())).map(Customer::getName).contains("Edsger");
        assertThat(column(db(), "SELECT email FROM customers WHERE name = 'Edsger'")).containsExactly("edsger@example.com");
        customers.delete(saved);
    }

    @Test
    void theEndpointReportsTheJournalOfTheAutoConfiguredLiteShift() {
        assertThat(context.getBeansOfType(LiteShift.class)).containsOnlyKeys("liteShift");
        LiteShiftReport report = context.getBean(LiteShiftEndpoint.class).status();
        assertThat(report.database()).isEqualTo(db().toString());
        assertThat(report.version()).isEqualTo("0002");
        assertThat(report.upToDate()).isTrue();
        assertThat(report.applied()).extracting(LiteShiftReport.Applied::name).containsExactly("customers", "orders");
        assertThat(report.pending()).isEmpty();
        assertThat(report.drift()).isEmpty();
        assertThat(report.historyProblems()).isEmpty();
        assertThat(List.of(report.applied().get(0).kind(), report.applied().get(1).kind())).containsOnly("migrate");
    }
}
