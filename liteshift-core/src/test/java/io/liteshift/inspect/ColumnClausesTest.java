package io.liteshift.inspect;

import io.liteshift.schema.CheckConstraint;
import io.liteshift.schema.ColumnClauses;
import io.liteshift.schema.Table;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each column keeps what its own definition says (its constraints and its DEFAULT as written), read when the CREATE
 * TABLE is parsed, so that nobody parses the definition again to learn whether ALTER TABLE can add it.
 */
class ColumnClausesTest {

    private static Table table(String createTable) {
        return DeclaredSchema.ofSql("CREATE TABLE p (id INTEGER PRIMARY KEY);\n" + createTable).schema().table("t").orElseThrow();
    }

    private static ColumnClauses clauses(Table t, String column) {
        return t.column(column).orElseThrow().clauses();
    }

    @Test
    void theClausesOfEachColumnAreItsOwn() {
        Table t = table("""
                CREATE TABLE t (
                  id INTEGER PRIMARY KEY,
                  email TEXT CONSTRAINT uq UNIQUE CHECK (email <> '') COLLATE NOCASE,
                  parent INT REFERENCES p (id) ON DELETE CASCADE,
                  made TEXT DEFAULT (datetime('now')),
                  plain TEXT,
                  CHECK (length(plain) < 9),
                  FOREIGN KEY (plain) REFERENCES p (id)
                )""");
        assertThat(clauses(t, "id").primaryKey()).isTrue();
        assertThat(clauses(t, "email")).isEqualTo(new ColumnClauses(null, false, true, List.of(new CheckConstraint("uq", "email <> ''")),
                List.of()));
        assertThat(clauses(t, "parent").foreignKeys()).singleElement().hasToString("FOREIGN KEY (parent) REFERENCES p (id) ON DELETE CASCADE");
        // SQLite reports an expression DEFAULT without its parentheses; ADD COLUMN takes the definition as written
        assertThat(t.column("made").orElseThrow().defaultValue()).isEqualTo("datetime('now')");
        assertThat(clauses(t, "made").writtenDefault()).isEqualTo("(datetime('now'))");
        // table constraints belong to no column, though they name one
        assertThat(clauses(t, "plain")).isEqualTo(ColumnClauses.NONE);
        assertThat(t.checks()).hasSize(2);
        assertThat(t.foreignKeys()).hasSize(2);
    }

    @Test
    void aDeferralClauseOnItsOwnChangesTheLastForeignKeyAndNoColumnsClauses() {
        Table t = table("CREATE TABLE t (id INTEGER PRIMARY KEY, a INT REFERENCES p, b INT NOT DEFERRABLE)");
        assertThat(clauses(t, "a").foreignKeys()).singleElement().hasToString("FOREIGN KEY (a) REFERENCES p");
        assertThat(clauses(t, "b")).isEqualTo(ColumnClauses.NONE);
        assertThat(t.foreignKeys()).singleElement().hasToString("FOREIGN KEY (a) REFERENCES p NOT DEFERRABLE");
    }
}
