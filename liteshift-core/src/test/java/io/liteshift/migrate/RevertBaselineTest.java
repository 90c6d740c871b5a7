package io.liteshift.migrate;

import io.liteshift.LiteShift;
import io.liteshift.LiteShiftException;
import io.liteshift.inspect.Inspector;
import io.liteshift.schema.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Arrays;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RevertBaselineTest {
    @TempDir
    Path tmp;

    @Test
    void theSchemaBeforeAnyMigrationIsTheEmptySchema() throws Exception {
        // revert --to 0 targets Schema.EMPTY: what a replay of no migration at all inspects as
        try (Connection empty = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            assertThat(Inspector.inspect(empty)).isEqualTo(Schema.EMPTY);
        }
    }

    @Test
    void revertWritesANewMigrationThatUndoesRenamesAsRenames() throws Exception {
        Project p = new Project(tmp);
        p.generate("CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT);", "init");
        p.liteshift().migrate();
        p.sql("INSERT INTO users VALUES (1, 'ada'), (2, 'bob');");
        p.generate("""
                -- @renamed from=users
                CREATE TABLE people (
                  id INTEGER PRIMARY KEY,
                  full_name TEXT, -- @renamed from=name
                  age INTEGER
                );""", "rename");
        p.liteshift().migrate();
        assertThat(p.rows("SELECT full_name FROM people ORDER BY id")).containsExactly(List.of("ada"), List.of("bob"));

        GenerateResult back = p.liteshift().revert(1, null);
        assertThat(back.file()).get().extracting(f -> f.getFileName().toString()).isEqualTo("0003_revert_to_0001.sql");
        assertThat(back.sql()).contains("takes the schema back to what it was after 0001", "[drop-column] drops column");
        p.liteshift().migrate();
        assertThat(p.rows("SELECT id, name FROM users ORDER BY id")).containsExactly(List.of(1, "ada"), List.of(2, "bob"));
        assertThat(p.liteshift().verify()).isEmpty();
        assertThat(Files.readString(p.migrations.resolve("meta/0003.schema.sql")))
                .contains(Files.readString(p.migrations.resolve("meta/0001.schema.sql")).lines().skip(3).toList().toArray(String[]::new));
        assertThat(p.liteshift().revert(0, "empty").sql()).contains("drop table users");
    }

    @Test
    void revertToTheNewestOrAnUnknownVersionIsRefused() {
        Project p = new Project(tmp);
        p.generate("CREATE TABLE a (id INTEGER PRIMARY KEY);", "a");
        assertThatThrownBy(() -> p.liteshift().revert(1, null)).hasMessageContaining("not older than the newest migration (0001)");
        assertThatThrownBy(() -> p.liteshift().revert(7, null)).hasMessageContaining("0007");
    }

    @Test
    void baselineAdoptsADatabaseWhoseSchemaMatchesAndRefusesOneThatDoesNot() {
        Project p = new Project(tmp);
        p.generate("CREATE TABLE a (id INTEGER PRIMARY KEY, v TEXT);", "a");
        p.generate("CREATE TABLE a (id INTEGER PRIMARY KEY, v TEXT); CREATE INDEX a_v ON a(v);", "index");
        p.generate("CREATE TABLE a (id INTEGER PRIMARY KEY, v TEXT, w INTEGER); CREATE INDEX a_v ON a(v);", "w");
        // production was built by hand long ago, and matches 0002 (the index is there, w is not)
        p.sql("CREATE TABLE a (id INTEGER PRIMARY KEY, v TEXT);\nCREATE INDEX a_v ON a(v);\nINSERT INTO a VALUES (1, 'x');");
        byte[] before = p.dbBytes();
        assertThatThrownBy(() -> p.liteshift().baseline(1)).isInstanceOfSatisfying(LiteShiftException.class, e -> {
            assertThat(e.reason()).isEqualTo(LiteShiftException.Reason.REFUSED_HISTORY);
            assertThat(e.getMessage()).contains("does not have the schema", "after 0001", "index a_v");
        });
        assertThat(p.dbBytes()).isEqualTo(before);
        assertThat(p.liteshift().baseline(2)).extracting(AppliedMigration::kind).containsExactly("baseline", "baseline");
        MigrateResult r = p.liteshift().migrate();
        assertThat(r.applied()).extracting(AppliedMigration::version).containsExactly(3);
        assertThat(p.rows("SELECT id, v, w FROM a")).containsExactly(Arrays.asList(1, "x", null));
        assertThatThrownBy(() -> p.liteshift().baseline(2)).hasMessageContaining("already has 3 applied migration(s)");
    }

    @Test
    void migrationsLoadFromAJarOnTheClasspath() throws Exception {
        Project p = new Project(tmp);
        p.generate("CREATE TABLE a (id INTEGER PRIMARY KEY);", "a");
        p.generate("CREATE TABLE a (id INTEGER PRIMARY KEY); CREATE TABLE b (id INTEGER PRIMARY KEY);", "b");
        Path jar = tmp.resolve("app.jar");
        try (var out = new JarOutputStream(Files.newOutputStream(jar))) {
            try (var files = Files.walk(p.migrations)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    out.putNextEntry(new JarEntry("db/migrations/" + p.migrations.relativize(f).toString().replace('\\', '/')));
                    out.write(Files.readAllBytes(f));
                    out.closeEntry();
                }
            }
        }
        try (var loader = new URLClassLoader(new URL[]{jar.toUri().toURL()}, null)) {
            LiteShift ls = LiteShift.configure().database("file:" + tmp.resolve("prod.db")).createMissing(true)
                    .migrations("classpath:db/migrations").classLoader(loader).load();
            MigrateResult r = ls.migrate();
            assertThat(r.applied()).extracting(AppliedMigration::version).containsExactly(1, 2);
            assertThat(r.drift()).isEmpty();
            assertThat(ls.verify()).isEmpty();
            assertThat(ls.migrate().upToDate()).isTrue();
            assertThatThrownBy(ls::hash).hasMessageContaining("read only");
        }
        assertThatThrownBy(() -> LiteShift.configure().migrations("classpath:no/such/dir").load())
                .hasMessageContaining("no migrations on the classpath at no/such/dir");
    }

    @Test
    void aDataSourceWorksAsWellAsAPath() {
        Project p = new Project(tmp);
        p.generate("CREATE TABLE a (id INTEGER PRIMARY KEY);", "a");
        SQLiteDataSource ds = new SQLiteDataSource();
        ds.setUrl("jdbc:sqlite:" + tmp.resolve("ds.db"));
        LiteShift ls = LiteShift.configure().dataSource(ds).migrations(p.migrations).load();
        assertThat(ls.migrate().applied()).hasSize(1);
        assertThat(ls.status().upToDate()).isTrue();
    }
}
