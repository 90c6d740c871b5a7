package io.liteshift.migrate;

import io.liteshift.LiteShiftException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Migrations written by hand: the runbook's rebuild skeleton, triggers, seeds, backfills, explicit pragmas. */
class HandWrittenMigrationTest {
    @TempDir
    Path tmp;
    Project p;

    @BeforeEach
    void parentWithCascadingChildren() {
        p = new Project(tmp);
        p.migration("0001_init.sql", """
                CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT);
                CREATE TABLE posts (id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE, body TEXT);
                INSERT INTO users VALUES (1, 'a@x'), (2, NULL), (3, 'c@x');
                INSERT INTO posts VALUES (10, 1, 'x'), (11, 2, 'y'), (12, 3, 'z');
                """);
        p.liteshift().hash();
        p.liteshift().migrate();
    }

    @Test
    void theRunbookRebuildWithThePragmaInsideTheTransactionKeepsCascadeChildren() {
        // drizzle-kit writes exactly this: the pragma inside the transaction is a no-op there, and DROP TABLE users
        // deletes every post through ON DELETE CASCADE. liteshift sets it before the transaction instead.
        p.migration("0002_rebuild_users.sql", """
                BEGIN TRANSACTION;
                PRAGMA foreign_keys=OFF;
                CREATE TABLE __new_users (id INTEGER PRIMARY KEY, email TEXT NOT NULL DEFAULT '');
                INSERT INTO __new_users (id, email) SELECT id, coalesce(email, '') FROM users;
                DROP TABLE users;
                ALTER TABLE __new_users RENAME TO users;
                PRAGMA foreign_keys=ON;
                COMMIT;
                """);
        p.liteshift().hash();
        p.liteshift().migrate();
        assertThat(p.count("SELECT count(*) FROM posts")).isEqualTo(3);
        assertThat(p.rows("SELECT email FROM users ORDER BY id")).containsExactly(List.of("a@x"), List.of(""), List.of("c@x"));
        assertThat(p.rows("PRAGMA foreign_key_check")).isEmpty();
        assertThat(p.rows("PRAGMA foreign_keys")).containsExactly(List.of(0)); // the connection's own setting is restored
        assertThat(p.liteshift().verify()).isEmpty();
    }

    @Test
    void triggersWithBodiesSeedsAndBackfillsRunAsWritten() {
        p.migration("0002_audit.sql", """
                CREATE TABLE audit (id INTEGER PRIMARY KEY, what TEXT NOT NULL);
                CREATE TRIGGER users_audit AFTER UPDATE ON users BEGIN
                  INSERT INTO audit (what) VALUES ('user ' || new.id || ' now ' || coalesce(new.email, 'none'));
                END;
                -- a backfill; the semicolon in this string is not the end of the statement
                UPDATE users SET email = 'b;@x' WHERE email IS NULL;
                INSERT INTO audit (what) VALUES ('seeded; by hand');
                """);
        p.liteshift().hash();
        p.liteshift().migrate();
        assertThat(p.rows("SELECT what FROM audit ORDER BY id")).containsExactly(List.of("user 2 now b;@x"), List.of("seeded; by hand"));
    }

    @Test
    void foreignKeysOnMeansCascadesFireAsTheAuthorAskedFor() {
        p.migration("0002_remove_user.sql", "PRAGMA foreign_keys = ON;\nDELETE FROM users WHERE id = 1;\n");
        p.liteshift().hash();
        p.liteshift().migrate();
        assertThat(p.rows("SELECT id FROM posts ORDER BY id")).containsExactly(List.of(11), List.of(12));
    }

    @Test
    void withoutForeignKeysOnADeleteThatOrphansRowsIsRolledBack() {
        p.migration("0002_remove_user.sql", "DELETE FROM users WHERE id = 1;\n");
        assertThatThrownBy(() -> p.liteshift().hash()).hasMessageContaining("0002_remove_user.sql", "reference no row of users");
        p.sumOnly();
        byte[] before = p.dbBytes();
        assertThatThrownBy(() -> p.liteshift().migrate()).isInstanceOfSatisfying(LiteShiftException.class, e -> {
            assertThat(e.reason()).isEqualTo(LiteShiftException.Reason.REFUSED_DATA);
            assertThat(e.getMessage()).contains("0002_remove_user.sql", "1 row(s) of posts reference no row of users (rowid 10)",
                    "Migration 0002 was rolled back entirely");
        });
        assertThat(p.dbBytes()).isEqualTo(before);
    }

    @Test
    void orphansMadeByAnUpdateOrByATriggerOfAnInsertAreFoundToo() {
        // the child tables are not mentioned: the check must find them through their foreign keys
        p.migration("0002_rekey.sql", "UPDATE users SET id = 100 WHERE id = 1;\n");
        p.sumOnly();
        assertThatThrownBy(() -> p.liteshift().migrate()).hasMessageContaining("posts reference no row of users");
        // a trigger made earlier, whose body the migration does not mention, deletes a parent row
        p.migration("0002_rekey.sql", "CREATE TABLE log (id INTEGER PRIMARY KEY, what TEXT);\n"
                + "CREATE TRIGGER purge AFTER INSERT ON log BEGIN DELETE FROM users WHERE id = 3; END;\n");
        p.sumOnly();
        p.liteshift().migrate();
        p.migration("0003_log.sql", "INSERT INTO log (what) VALUES ('go');\n");
        p.sumOnly();
        byte[] before = p.dbBytes();
        assertThatThrownBy(() -> p.liteshift().migrate()).hasMessageContaining("posts reference no row of users (rowid 12)");
        assertThat(p.dbBytes()).isEqualTo(before);
    }

    @Test
    void aRollbackLineIsRefusedBeforeAnythingRuns() {
        p.migration("0002_odd.sql", "BEGIN;\nDELETE FROM posts;\nROLLBACK;\n");
        p.sumOnly();
        assertThatThrownBy(() -> p.liteshift().migrate()).hasMessageContaining("0002_odd.sql:3: a migration cannot ROLLBACK");
        assertThat(p.count("SELECT count(*) FROM posts")).isEqualTo(3);
    }

    @Test
    void aSyntaxErrorNamesFileAndLine() {
        p.migration("0002_typo.sql", "CREATE TABLE t (id INTEGER PRIMARY KEY);\nCREAT TABLE u (id);\n");
        assertThatThrownBy(() -> p.liteshift().hash()).hasMessageContaining("0002_typo.sql:2", "near \"CREAT\"");
        assertThatThrownBy(() -> p.liteshift().migrate()).isInstanceOfSatisfying(LiteShiftException.class,
                e -> assertThat(e.getMessage()).contains("0002_typo.sql:2", "near \"CREAT\": syntax error", "rolled back"));
        assertThat(p.count("SELECT count(*) FROM sqlite_schema WHERE name = 't'")).isZero();
    }
}
