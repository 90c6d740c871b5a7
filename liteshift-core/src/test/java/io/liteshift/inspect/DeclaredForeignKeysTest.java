package io.liteshift.inspect;

import io.liteshift.LiteShiftException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A FOREIGN KEY of a schema file must point at a declared parent key, as in a schema declared in Java: SQLite would
 * create the table and fail every later write to it ("no such table", "foreign key mismatch").
 */
class DeclaredForeignKeysTest {
    @TempDir
    Path dir;

    private String refused(String sql) throws Exception {
        Path file = Files.writeString(dir.resolve("schema.sql"), sql);
        LiteShiftException e = catchThrowableOfType(LiteShiftException.class, () -> DeclaredSchema.load(file));
        assertThat(e).as("must be refused:\n" + sql).isNotNull();
        assertThat(e.reason()).isEqualTo(LiteShiftException.Reason.INVALID_INPUT);
        assertThat(e.getMessage()).endsWith("Nothing was changed.");
        return e.getMessage().replace(file.toString(), "schema.sql");
    }

    @Test
    void aReferenceToAnUndeclaredTableNamesTheLineOfItsReferencesClause() throws Exception {
        String m = refused("CREATE TABLE users (id INTEGER PRIMARY KEY);\nCREATE TABLE posts (\n  id INTEGER PRIMARY KEY,\n"
                + "  author INTEGER REFERENCES authors(id)\n);\n");
        assertThat(m).startsWith("schema.sql:4: table posts, FOREIGN KEY (author) references table authors, which is not declared."
                + " Declare table authors in the schema, or fix the name (declared: users, posts).");
    }

    @Test
    void aTableConstraintToAMissingColumnAndToAView() throws Exception {
        String m = refused("CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT UNIQUE);\nCREATE VIEW people AS SELECT * FROM users;\n"
                + "CREATE TABLE posts (\n  id INTEGER PRIMARY KEY,\n  a INTEGER,\n  b INTEGER,\n"
                + "  FOREIGN KEY (a) REFERENCES users(uid),\n  FOREIGN KEY (b) REFERENCES people(id)\n);\n");
        assertThat(m).contains("schema.sql:7: table posts, FOREIGN KEY (a) references users(uid), but users has no column uid."
                        + " Declare it in users, or reference one of its columns (declared: id, email).",
                "schema.sql:8: table posts, FOREIGN KEY (b) references table people, which is not declared (it is a view, and a"
                        + " foreign key needs a table). Reference a table in the schema");
    }

    @Test
    void aParentKeyThatIsNotUniqueOrAParentWithoutPrimaryKey() throws Exception {
        String m = refused("CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT);\nCREATE TABLE tags (name TEXT);\n"
                + "CREATE TABLE posts (id INTEGER PRIMARY KEY, author_email TEXT REFERENCES users(email), tag TEXT REFERENCES tags);\n");
        assertThat(m).contains("schema.sql:3: table posts, FOREIGN KEY (author_email) references users(email), which is neither"
                        + " the primary key of users nor UNIQUE: SQLite would fail every write to posts with 'foreign key mismatch'."
                        + " Make those columns UNIQUE in users",
                "table posts, FOREIGN KEY (tag) references the primary key of tags, which has none.");
    }

    @Test
    void aParentKeyWithAnotherColumnCount() throws Exception {
        String m = refused("CREATE TABLE a (x, y, PRIMARY KEY (x, y));\nCREATE TABLE b (p, FOREIGN KEY (p) REFERENCES a);\n");
        assertThat(m).contains("schema.sql:2: table b, FOREIGN KEY (p) has 1 column(s) but references 2 (a(x, y))");
    }

    @Test
    void everyParentKeySqliteAcceptsLoads() throws Exception {
        Path file = Files.writeString(dir.resolve("schema.sql"), """
                CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT UNIQUE, handle TEXT, region TEXT, code TEXT);
                CREATE UNIQUE INDEX users_handle ON users (handle);
                CREATE TABLE regions (name TEXT, code TEXT, UNIQUE (code, name));
                CREATE TABLE posts (
                  id INTEGER PRIMARY KEY,
                  author INTEGER REFERENCES users,
                  author_email TEXT REFERENCES "USERS"(email),
                  author_handle TEXT REFERENCES users(handle),
                  region TEXT, code TEXT,
                  parent INTEGER REFERENCES posts(id),
                  FOREIGN KEY (region, code) REFERENCES regions(name, code)
                );
                """);
        assertThat(DeclaredSchema.load(file).schema().table("posts").orElseThrow().foreignKeys()).hasSize(5);
    }

    @Test
    void aSnapshotMayKeepAForeignKeyItsHistoryLeftDangling() {
        // SQLite lets a migration drop a parent table; the snapshot states what the history made
        assertThat(DeclaredSchema.ofSnapshot("migrations/meta/0002.schema.sql",
                "CREATE TABLE posts (id INTEGER PRIMARY KEY, author INTEGER REFERENCES users(id));").tables()).hasSize(1);
    }
}
