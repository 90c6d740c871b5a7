package io.liteshift.migrate;

import io.liteshift.LiteShift;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code verification()} hands back the status it read on the way: the same as {@code status()} and {@code verify()} apart. */
class VerificationTest {
    @TempDir
    Path tmp;

    @Test
    void carriesTheSameStatusAndProblemsAsStatusAndVerifyCalledApart() {
        Project p = new Project(tmp);
        p.generate("CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT);", "init");
        p.liteshift().migrate();
        p.generate("CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT, email TEXT);", "email");
        p.sql("CREATE TABLE by_hand (x INTEGER);"); // drift against the snapshot of 0001
        LiteShift ls = p.liteshift();

        Verification v = ls.verification();

        StatusReport status = ls.status();
        assertThat(v.status()).isEqualTo(status);
        assertThat(v.status().history().version()).isEqualTo(1);
        assertThat(v.status().history().pending()).extracting(Migration::version).containsExactly(2);
        assertThat(v.status().drift()).hasSize(1);
        assertThat(v.problems()).isEqualTo(ls.verify());
        assertThat(v.problems()).extracting(Problem::kind).containsExactly(Problem.Kind.DRIFT, Problem.Kind.PENDING);
        assertThat(v.verified()).isFalse();

        p.sql("DROP TABLE by_hand;");
        ls.migrate();
        Verification clean = ls.verification();
        assertThat(clean.problems()).isEmpty();
        assertThat(clean.verified()).isTrue();
        assertThat(clean.status().upToDate()).isTrue();
        assertThat(clean.status().history().version()).isEqualTo(2);
        assertThat(p.count("SELECT count(*) FROM pragma_table_info('users') WHERE name = 'email'")).isEqualTo(1);
    }

    @Test
    void messagesNameTheSnapshotFileAndItsDirectory() throws Exception {
        Project p = new Project(tmp);
        p.generate("CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT);", "init");
        p.liteshift().migrate();
        p.sql("CREATE TABLE by_hand (x INTEGER);");
        String label = p.migrations.toString();

        assertThat(p.liteshift().verify()).extracting(Problem::message).singleElement().asString()
                .startsWith("drift: the database differs from " + label + "/meta/0001.schema.sql (the schema after 0001): ");

        Files.delete(p.migrations.resolve("meta/0001.schema.sql"));
        assertThat(p.liteshift().verify()).extracting(Problem::message)
                .contains("no snapshot of 0001 in " + label + "/meta to compare the live schema with. Run `LiteShift#hash()` and commit the snapshot.");
        assertThat(p.liteshift().verifyDirectory()).extracting(Problem::message)
                .containsExactly(label + "/meta/0001.schema.sql is missing. Run `LiteShift#hash()` and commit it.");
        assertThat(p.liteshift().hash()).containsExactly("liteshift.sum", "meta/0001.schema.sql");
        assertThat(p.migrations.resolve("meta/0001.schema.sql")).content().contains("CREATE TABLE users");
        assertThat(p.liteshift().verifyDirectory()).isEmpty();

        p.sql("DROP TABLE by_hand;");
        p.generate("CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT, email TEXT);", "email");
        Files.delete(p.migrations.resolve("meta/0002.schema.sql"));
        assertThat(p.liteshift().migrate().notes())
                .contains("no snapshot of 0002 in " + label + "/meta to compare the schema with; run `LiteShift#hash()` to write it.");
        assertThat(p.count("SELECT count(*) FROM pragma_table_info('users') WHERE name = 'email'")).isEqualTo(1);
    }

    /**
     * An applied migration edited and hashed: hash rewrites the snapshot of every later migration too (their schema
     * builds on it), so verify does not ask for hash again, and the database that ran the old text shows as drift.
     */
    @Test
    void hashAfterAnEditRewritesEveryLaterSnapshotAndTheDatabaseThatRanTheOldTextDrifts() throws Exception {
        Project p = new Project(tmp);
        p.generate("CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT);", "users");
        p.generate("CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT); CREATE TABLE notes (id INTEGER PRIMARY KEY);", "notes");
        p.generate("CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT); CREATE TABLE notes (id INTEGER PRIMARY KEY);"
                + " CREATE TABLE tags (id INTEGER PRIMARY KEY);", "tags");
        p.liteshift().migrate();
        Path first = p.migrations.resolve("0001_users.sql");
        Files.writeString(first, Files.readString(first).replace("name TEXT", "name TEXT,\n  email TEXT"));
        p.declare("CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT, email TEXT); CREATE TABLE notes (id INTEGER PRIMARY KEY);"
                + " CREATE TABLE tags (id INTEGER PRIMARY KEY);");

        assertThat(p.liteshift().hash()).containsExactly("liteshift.sum", "meta/0001.schema.sql", "meta/0002.schema.sql",
                "meta/0003.schema.sql");
        for (int v = 1; v <= 3; v++) {
            assertThat(p.migrations.resolve("meta/000" + v + ".schema.sql")).content().contains("email TEXT");
        }
        assertThat(p.liteshift().verifyDirectory()).isEmpty();
        assertThat(p.liteshift().hash()).containsExactly("liteshift.sum"); // nothing left to refresh: no loop

        assertThat(p.liteshift().repair()).extracting(Migration::version).containsExactly(1); // the edit accepted for the journal
        assertThat(p.liteshift().verify()).extracting(Problem::message).singleElement().asString()
                .startsWith("drift: the database differs from " + p.migrations + "/meta/0003.schema.sql (the schema after 0003): ")
                .contains("email");
        assertThat(p.count("SELECT count(*) FROM pragma_table_info('users') WHERE name = 'email'")).isZero();
    }

    /** A directory an older hash left with a stale later snapshot (fresh by its header, wrong by its schema) is repaired. */
    @Test
    void hashRepairsALaterSnapshotThatAnOlderHashLeftStale() throws Exception {
        Project p = new Project(tmp);
        p.generate("CREATE TABLE users (id INTEGER PRIMARY KEY);", "users");
        p.generate("CREATE TABLE users (id INTEGER PRIMARY KEY); CREATE TABLE notes (id INTEGER PRIMARY KEY);", "notes");
        String stale = Files.readString(p.migrations.resolve("meta/0002.schema.sql"));
        Path first = p.migrations.resolve("0001_users.sql");
        Files.writeString(first, Files.readString(first).replace("id INTEGER PRIMARY KEY", "id INTEGER PRIMARY KEY,\n  email TEXT"));
        p.declare("CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT); CREATE TABLE notes (id INTEGER PRIMARY KEY);");
        p.liteshift().hash();
        Files.writeString(p.migrations.resolve("meta/0002.schema.sql"), stale); // what the older hash left behind

        assertThat(p.liteshift().verifyDirectory()).extracting(Problem::message).singleElement().asString()
                .contains("meta/0002.schema.sql is not the schema 0002_notes.sql produces");
        assertThat(p.liteshift().hash()).containsExactly("liteshift.sum", "meta/0002.schema.sql");
        assertThat(p.liteshift().verifyDirectory()).isEmpty();
    }
}
