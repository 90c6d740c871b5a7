package io.liteshift.seed;

import io.liteshift.LiteShiftException;
import io.liteshift.sqlite.Databases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

/** Seeds on a real database file: run once, in order, recorded; repeatable ones again on change; failures roll back. */
class SeedsTest {
    @TempDir
    Path tmp;
    Path seeds;
    Connection c;

    @BeforeEach
    void database() throws Exception {
        seeds = Files.createDirectory(tmp.resolve("seeds"));
        c = Databases.open(tmp.resolve("app.db"), true, false);
        exec("CREATE TABLE countries (code TEXT PRIMARY KEY, name TEXT NOT NULL)");
        exec("CREATE TABLE cities (id INTEGER PRIMARY KEY, country TEXT NOT NULL REFERENCES countries(code), name TEXT)");
        exec("CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT)");
    }

    @AfterEach
    void close() throws SQLException {
        c.close();
    }

    @Test
    void eachSeedRunsOnceInNameOrderAndIsRecorded() throws Exception {
        write("02_cities.sql", "INSERT INTO cities (country, name) VALUES ('fr', 'Paris'), ('de', 'Berlin');\n");
        write("01_countries.sql", "INSERT INTO countries VALUES ('fr', 'France');\nINSERT INTO countries VALUES ('de', 'Germany');\n");
        SeedResult first = Seeds.run(c, seeds, List.of());
        assertThat(first.applied()).extracting(AppliedSeed::name).containsExactly("01_countries.sql", "02_cities.sql");
        assertThat(first.applied()).extracting(AppliedSeed::kind).containsOnly("once");
        assertThat(count("SELECT count(*) FROM cities")).isEqualTo(2);
        assertThat(rows("SELECT name, kind, length(checksum), applied_by <> '', applied_at <> '' FROM liteshift_seeds ORDER BY name"))
                .containsExactly("01_countries.sql|once|64|1|1", "02_cities.sql|once|64|1|1");

        SeedResult again = Seeds.run(c, seeds, List.of());
        assertThat(again.applied()).isEmpty();
        assertThat(again.upToDate()).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM cities")).isEqualTo(2);
    }

    @Test
    void aChangedOneTimeSeedIsNotRunAgainButWarnedAbout() throws Exception {
        write("01_countries.sql", "INSERT INTO countries VALUES ('fr', 'France');\n");
        Seeds.run(c, seeds, List.of());
        write("01_countries.sql", "INSERT INTO countries VALUES ('fr', 'France');\nINSERT INTO countries VALUES ('it', 'Italy');\n");
        SeedResult r = Seeds.run(c, seeds, List.of());
        assertThat(r.applied()).isEmpty();
        assertThat(r.warnings()).singleElement().asString().contains("01_countries.sql changed since it ran", "R__01_countries.sql");
        assertThat(count("SELECT count(*) FROM countries")).isEqualTo(1);
    }

    @Test
    void aRepeatableSeedRunsAgainWhenItsTextChangesAndAfterTheOneTimeSeeds() throws Exception {
        write("R__settings.sql", "INSERT OR REPLACE INTO settings VALUES ('theme', 'light');\n");
        write("zz_countries.sql", "INSERT INTO countries VALUES ('fr', 'France');\n");
        SeedResult first = Seeds.run(c, seeds, List.of());
        assertThat(first.applied()).extracting(AppliedSeed::name).containsExactly("zz_countries.sql", "R__settings.sql");
        assertThat(Seeds.run(c, seeds, List.of()).applied()).isEmpty(); // unchanged: not again

        write("R__settings.sql", "INSERT OR REPLACE INTO settings VALUES ('theme', 'dark');\n");
        SeedResult changed = Seeds.run(c, seeds, List.of());
        assertThat(changed.applied()).extracting(AppliedSeed::name, AppliedSeed::kind).containsExactly(tuple("R__settings.sql", "repeatable"));
        assertThat(rows("SELECT value FROM settings")).containsExactly("dark");
        assertThat(count("SELECT count(*) FROM liteshift_seeds WHERE name = 'R__settings.sql'")).isEqualTo(1);
    }

    @Test
    void aFailingSeedRollsBackWithItsRecordNamesFileLineAndStopsTheRest() throws Exception {
        write("01_countries.sql", "INSERT INTO countries VALUES ('fr', 'France');\n");
        write("02_more.sql", "INSERT INTO countries VALUES ('de', 'Germany');\n\nINSERT INTO countries VALUES ('fr', 'again');\n");
        write("03_cities.sql", "INSERT INTO cities (country, name) VALUES ('fr', 'Paris');\n");
        assertThatThrownBy(() -> Seeds.run(c, seeds, List.of()))
                .isInstanceOf(LiteShiftException.class)
                .satisfies(e -> assertThat(((LiteShiftException) e).reason()).isEqualTo(LiteShiftException.Reason.FAILED))
                .hasMessageContaining("02_more.sql:3")
                .hasMessageContaining("UNIQUE constraint failed: countries.code")
                .hasMessageContaining("INSERT INTO countries VALUES ('fr', 'again')")
                .hasMessageContaining("This run applied 01_countries.sql")
                .hasMessageContaining("Not attempted: 03_cities.sql");
        assertThat(rows("SELECT code FROM countries")).containsExactly("fr"); // Germany rolled back with the failure
        assertThat(rows("SELECT name FROM liteshift_seeds")).containsExactly("01_countries.sql");
        assertThat(count("SELECT count(*) FROM cities")).isZero();
    }

    @Test
    void aSeedThatOrphansRowsIsRefusedLikeAMigration() throws Exception {
        write("01_cities.sql", "INSERT INTO cities (country, name) VALUES ('xx', 'Nowhere');\n");
        assertThatThrownBy(() -> Seeds.run(c, seeds, List.of()))
                .isInstanceOf(LiteShiftException.class)
                .satisfies(e -> assertThat(((LiteShiftException) e).reason()).isEqualTo(LiteShiftException.Reason.REFUSED_DATA))
                .hasMessageContaining("01_cities.sql");
        assertThat(count("SELECT count(*) FROM cities")).isZero();
        // the record table was created in the same transaction, so it went too
        assertThat(count("SELECT count(*) FROM sqlite_schema WHERE name = 'liteshift_seeds'")).isZero();
    }

    @Test
    void javaSeedersRunOnceAfterTheFilesAndRollBackWhenTheyThrow() throws Exception {
        write("01_countries.sql", "INSERT INTO countries VALUES ('fr', 'France');\n");
        List<String> calls = new ArrayList<>();
        Seeder admin = seeder("admin-settings", conn -> {
            calls.add("admin");
            try (Statement s = conn.createStatement()) {
                s.execute("INSERT INTO settings VALUES ('admin', 'root')");
            }
        });
        SeedResult r = Seeds.run(c, seeds, List.of(admin));
        assertThat(r.applied()).extracting(AppliedSeed::name).containsExactly("01_countries.sql", "admin-settings");
        Seeds.run(c, seeds, List.of(admin));
        assertThat(calls).containsExactly("admin");
        assertThat(rows("SELECT kind FROM liteshift_seeds WHERE name = 'admin-settings'")).containsExactly("java");

        Seeder broken = seeder("broken", conn -> {
            try (Statement s = conn.createStatement()) {
                s.execute("INSERT INTO settings VALUES ('half', 'done')");
                s.execute("INSERT INTO nowhere VALUES (1)");
            }
        });
        assertThatThrownBy(() -> Seeds.run(c, seeds, List.of(admin, broken)))
                .hasMessageContaining("the seeder broken")
                .hasMessageContaining("no such table: nowhere");
        assertThat(count("SELECT count(*) FROM settings WHERE key = 'half'")).isZero();
        assertThat(count("SELECT count(*) FROM liteshift_seeds WHERE name = 'broken'")).isZero();
    }

    @Test
    void theDurationReturnedIsTheOneRecorded() throws Exception {
        write("01_countries.sql", "INSERT INTO countries VALUES ('fr', 'France');\n");
        Seeder slow = seeder("slow", conn -> { // work that lasts at least 30 ms, however busy the machine is
            long t0 = System.nanoTime();
            while (System.nanoTime() - t0 < 30_000_000L) conn.createStatement().executeQuery("SELECT count(*) FROM countries").close();
        });
        SeedResult r = Seeds.run(c, seeds, List.of(slow));
        List<String> returned = r.applied().stream().map(a -> a.name() + "|" + a.took().toMillis()).toList();
        assertThat(rows("SELECT name, duration_ms FROM liteshift_seeds ORDER BY name")).isEqualTo(returned);
        assertThat(r.applied().get(1).took().toMillis()).isGreaterThanOrEqualTo(30);
    }

    @Test
    void aSeederNamedLikeAFileIsRefusedBeforeAnythingRuns() throws Exception {
        write("01_countries.sql", "INSERT INTO countries VALUES ('fr', 'France');\n");
        assertThatThrownBy(() -> Seeds.run(c, seeds, List.of(seeder("01_countries.sql", conn -> { }))))
                .isInstanceOf(LiteShiftException.class)
                .hasMessageContaining("which another seed has");
        assertThat(count("SELECT count(*) FROM countries")).isZero();
    }

    @Test
    void noDirectoryMeansNoSqlSeeds() throws Exception {
        SeedResult r = Seeds.run(c, tmp.resolve("missing"), List.of());
        assertThat(r.applied()).isEmpty();
        assertThat(r.upToDate()).isZero();
    }

    interface Body {
        void run(Connection c) throws SQLException;
    }

    private static Seeder seeder(String name, Body body) {
        return new Seeder() {
            public String name() {
                return name;
            }

            public void seed(Connection conn) throws SQLException {
                body.run(conn);
            }
        };
    }

    private void write(String name, String sql) throws IOException {
        Files.writeString(seeds.resolve(name), sql);
    }

    private void exec(String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private long count(String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private List<String> rows(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder b = new StringBuilder();
                for (int i = 1; i <= n; i++) b.append(i > 1 ? "|" : "").append(rs.getString(i));
                out.add(b.toString());
            }
        }
        return out;
    }
}
