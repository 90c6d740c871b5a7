package io.liteshift.online;

import io.liteshift.schema.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OnlineRebuildTest {
    static final String BEFORE = """
            CREATE TABLE users (id INTEGER PRIMARY KEY AUTOINCREMENT, email TEXT, age TEXT, note TEXT);
            CREATE INDEX users_email ON users(email);
            CREATE TABLE posts (id INTEGER PRIMARY KEY, user_id INTEGER REFERENCES users(id) ON DELETE CASCADE, body TEXT);
            CREATE INDEX posts_user ON posts(user_id);
            CREATE VIEW adults AS SELECT id, email FROM users WHERE age >= 18;
            CREATE TABLE audit (what TEXT);
            CREATE TRIGGER users_audit AFTER DELETE ON users BEGIN INSERT INTO audit VALUES ('deleted ' || OLD.id); END;
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000)
              INSERT INTO users (email, age, note) SELECT 'u' || i || '@x', CASE WHEN i % 7 = 0 THEN NULL ELSE i % 90 END, 'n' || i FROM n;
            DELETE FROM users WHERE id % 10 = 3;
            INSERT INTO posts (user_id, body) SELECT id, 'post of ' || id FROM users WHERE id % 3 = 0;
            """;
    static final String AFTER = """
            CREATE TABLE users (id INTEGER PRIMARY KEY AUTOINCREMENT, email TEXT NOT NULL UNIQUE, age INTEGER NOT NULL DEFAULT 0,
              CHECK (age >= 0));
            CREATE INDEX users_email ON users(email);
            CREATE INDEX users_age ON users(age, email);
            CREATE TABLE posts (id INTEGER PRIMARY KEY, user_id INTEGER REFERENCES users(id) ON DELETE CASCADE, body TEXT);
            CREATE INDEX posts_user ON posts(user_id);
            CREATE VIEW adults AS SELECT id, email FROM users WHERE age >= 18;
            CREATE TABLE audit (what TEXT);
            CREATE TRIGGER users_audit AFTER DELETE ON users BEGIN INSERT INTO audit VALUES ('deleted ' || OLD.id); END;
            """;

    @TempDir
    Path dir;

    @Test
    void withoutConcurrentWritesTheResultIsTheOfflineOne() throws Exception {
        Path db = OnlineDb.create(dir.resolve("a.db"), BEFORE);
        Schema declared = OnlineDb.declared(AFTER);
        Path expected = OnlineDb.rebuiltOffline(db, dir.resolve("expected.db"), declared);

        List<Progress> seen = new ArrayList<>();
        OnlineResult r = OnlineDb.online(db, declared, "users", OnlineOptions.defaults().withProgress(seen::add)).run();

        List<String> dump = OnlineDb.dump(db);
        assertThat(dump).containsExactlyElementsOf(OnlineDb.dump(expected))
                .contains("index users_age on users: CREATE INDEX users_age ON users(age, email)", "integrity_check: [ok]",
                        "foreign_key_check: []", "sqlite_sequence | users' | 3000");
        assertThat(OnlineDb.plan(db, declared).isEmpty()).isTrue();
        assertThat(OnlineDb.leftovers(db)).isFalse();
        assertThat(r.rows()).isEqualTo(2700);
        assertThat(r.recovery()).isEqualTo(new Recovery.Nothing());
        assertThat(seen).extracting(Progress::phase).contains(Progress.Phase.COPY, Progress.Phase.DRAIN, Progress.Phase.DONE);
    }
}
