package io.liteshift.migrate;

import io.liteshift.LiteShift;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
}
