package io.liteshift.cli;

import com.fasterxml.jackson.jr.ob.JSON;
import io.liteshift.testing.TestDb;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The steps of docs/adopting.md on databases the other tools made: drizzle-kit's migrations applied the way its
 * migrator applies them (checked against a file drizzle itself produced), and Flyway's own API on a real file. Each is
 * pulled, generated, baselined and migrated further; the rows, integrity and the other tool's history survive.
 */
class AdoptFromOtherToolsTest extends InTemporaryWorkingDirectory {
    private static final String DRIZZLE = "/io/liteshift/cli/adopt/drizzle/";

    private Cli.Result ok(String... args) {
        Cli.Result r = Cli.run(args);
        assertThat(r.exitCode()).as(String.join(" ", args) + "\n" + r).isZero();
        return r;
    }

    // --- drizzle-kit

    /** What drizzle-orm's migrator does: the journal's entries in order, statements cut at breakpoints, one transaction. */
    private static void migrateAsDrizzleDoes(Path db) throws Exception {
        Map<String, Object> journal = JSON.std.mapFrom(resource("drizzle/meta/_journal.json"));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("\n\t\t\tCREATE TABLE IF NOT EXISTS \"__drizzle_migrations\" (\n\t\t\t\tid SERIAL PRIMARY KEY,\n\t\t\t\thash text NOT NULL,"
                    + "\n\t\t\t\tcreated_at numeric\n\t\t\t)\n\t\t");
            s.execute("BEGIN");
            for (Object e : (List<?>) journal.get("entries")) {
                Map<?, ?> entry = (Map<?, ?>) e;
                String sql = resource("drizzle/" + entry.get("tag") + ".sql");
                for (String statement : sql.split("--> statement-breakpoint")) s.execute(statement);
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO \"__drizzle_migrations\" (\"hash\", \"created_at\") VALUES(?, ?)")) {
                    ps.setString(1, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(sql.getBytes(StandardCharsets.UTF_8))));
                    ps.setLong(2, ((Number) entry.get("when")).longValue());
                    ps.executeUpdate();
                }
            }
            s.execute("COMMIT");
            // the rows migrate.mjs inserts after migrating
            s.execute("INSERT INTO users (email, name, bio) VALUES ('ada@example.com', 'Ada', 'math'), ('bob@example.com', 'Bob', NULL)");
            s.execute("INSERT INTO posts (id, user_id, title, created_at) VALUES (1, 1, 'Notes', 1700000000), (2, 1, 'More', 1700000100),"
                    + " (3, 2, 'Hi', 1700000200)");
        }
    }

    @Test
    void theDrizzleFixtureIsWhatDrizzleProduced() throws Exception {
        Path ours = dir.resolve("ours.db");
        migrateAsDrizzleDoes(ours);
        Path theirs = copyResource("made-by-drizzle.db", dir.resolve("theirs.db"));
        assertThat(TestDb.dump(ours)).isEqualTo(TestDb.dump(theirs));
    }

    @Test
    void aDrizzleDatabaseIsPulledGeneratedBaselinedAndMigratedFurther() throws Exception {
        Path db = dir.resolve("app.db");
        migrateAsDrizzleDoes(db);
        String drizzleHistory = String.join("\n", TestDb.column(db, "SELECT hash || ' ' || created_at FROM __drizzle_migrations ORDER BY created_at"));
        Files.writeString(dir.resolve("liteshift.toml"), "schema = \"schema.sql\"\nmigrations = \"migrations\"\ndatabase = \"app.db\"\n");

        String pulled = ok("pull", "--out", "schema.sql").out();
        assertThat(pulled).contains("Wrote schema.sql: 2 table(s), 2 index(es)");
        String schema = Files.readString(dir.resolve("schema.sql"));
        assertThat(schema).contains("-- Left out: __drizzle_migrations").doesNotContain("CREATE TABLE \"__drizzle_migrations\"");
        assertThat(schema.indexOf("CREATE TABLE users")).as("the parent first, although drizzle created posts first")
                .isLessThan(schema.indexOf("CREATE TABLE posts"));
        assertThat(ok("generate", "--name", "from_drizzle").out()).contains("0001_from_drizzle.sql");
        assertThat(ok("baseline", "--version", "1").out()).contains("1 migration(s) recorded as applied");
        assertThat(ok("verify").out()).contains("Verified");

        // the next change goes through liteshift: a NOT NULL column with a DEFAULT (a rebuild of the parent of a CASCADE)
        Files.writeString(dir.resolve("schema.sql"), schema.replace("  bio TEXT\n", "  bio TEXT,\n  active INTEGER NOT NULL DEFAULT 1\n")
                .replace("email TEXT NOT NULL", "email TEXT NOT NULL COLLATE NOCASE"));
        assertThat(ok("generate", "--name", "active").out()).contains("0002_active.sql");
        ok("migrate");

        assertThat(TestDb.column(db, "SELECT email || ' ' || name || ' ' || coalesce(bio, '-') || ' ' || active FROM users ORDER BY id"))
                .containsExactly("ada@example.com Ada math 1", "bob@example.com Bob - 1");
        assertThat(TestDb.column(db, "SELECT id || ' ' || user_id || ' ' || title || ' ' || created_at FROM posts ORDER BY id"))
                .containsExactly("1 1 Notes 1700000000", "2 1 More 1700000100", "3 2 Hi 1700000200");
        assertThat(TestDb.sound(db)).isTrue();
        assertThat(String.join("\n", TestDb.column(db, "SELECT hash || ' ' || created_at FROM __drizzle_migrations ORDER BY created_at")))
                .isEqualTo(drizzleHistory);
        assertThat(ok("verify").out()).contains("Verified");
        assertThat(ok("status").out()).contains("(baseline)", "Up to date at 0002");
    }

    // --- Flyway

    @Test
    void aFlywayDatabaseIsAdoptedOnMigrateAndFlywayStillValidatesIt() throws Exception {
        Path db = dir.resolve("app.db");
        Path flyway = Files.createDirectories(dir.resolve("flyway"));
        Files.writeString(flyway.resolve("V1__init.sql"), """
                CREATE TABLE customers (id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE, name TEXT);
                CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
                                     total_cents INTEGER NOT NULL CHECK (total_cents >= 0));
                """);
        Files.writeString(flyway.resolve("V2__orders_by_customer.sql"), """
                CREATE INDEX orders_by_customer ON orders (customer_id);
                ALTER TABLE customers ADD COLUMN country TEXT;
                INSERT INTO customers (id, email, name, country) VALUES (1, 'ada@example.com', 'Ada', 'UK'), (2, 'bob@example.com', 'Bob', NULL);
                INSERT INTO orders VALUES (10, 1, 1250), (11, 1, 99), (12, 2, 4000);
                """);
        Flyway fw = Flyway.configure().dataSource("jdbc:sqlite:" + db, null, null).locations("filesystem:" + flyway).load();
        assertThat(fw.migrate().migrationsExecuted).isEqualTo(2);
        String flywayHistory = String.join("\n", TestDb.column(db, "SELECT installed_rank || ' ' || version || ' ' || checksum || ' '"
                + " || success FROM flyway_schema_history ORDER BY installed_rank"));
        Files.writeString(dir.resolve("liteshift.toml"), "database = \"app.db\"\n[migrate]\nbaseline_on_migrate = true\n");

        ok("pull", "--out", "schema.sql");
        assertThat(Files.readString(dir.resolve("schema.sql"))).contains("-- Left out: flyway_schema_history");
        ok("generate", "--name", "from_flyway");
        Files.writeString(dir.resolve("schema.sql"), Files.readString(dir.resolve("schema.sql"))
                .replace("country TEXT", "country TEXT NOT NULL DEFAULT 'unknown'"));
        ok("generate", "--name", "country_required");

        // baseline_on_migrate: adopted at 0001 (its schema), then 0002 applied, lint first
        Cli.Result migrated = ok("migrate");
        assertThat(migrated.out()).contains("baselined " + db + " at 0001 (baselineOnMigrate)", "applied 0002_country_required");

        assertThat(TestDb.column(db, "SELECT id || ' ' || email || ' ' || country FROM customers ORDER BY id"))
                .containsExactly("1 ada@example.com UK", "2 bob@example.com unknown");
        assertThat(TestDb.column(db, "SELECT sum(total_cents) || ' ' || count(*) FROM orders")).containsExactly("5349 3");
        assertThat(TestDb.sound(db)).isTrue();
        assertThat(String.join("\n", TestDb.column(db, "SELECT installed_rank || ' ' || version || ' ' || checksum || ' '"
                + " || success FROM flyway_schema_history ORDER BY installed_rank"))).isEqualTo(flywayHistory);
        assertThat(ok("verify").out()).contains("Verified");
        fw.validate(); // Flyway's own check of its history still holds: liteshift never touched it
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = AdoptFromOtherToolsTest.class.getResourceAsStream(DRIZZLE + name)) {
            if (in == null) throw new IllegalStateException("missing test resource " + DRIZZLE + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Path copyResource(String name, Path to) throws IOException {
        try (InputStream in = AdoptFromOtherToolsTest.class.getResourceAsStream(DRIZZLE + name)) {
            if (in == null) throw new IllegalStateException("missing test resource " + DRIZZLE + name);
            Files.copy(in, to);
        }
        return to;
    }
}
