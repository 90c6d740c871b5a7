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
}
