package io.liteshift.property;

import io.liteshift.LiteShift;
import io.liteshift.LiteShiftException;
import io.liteshift.diff.Differ;
import io.liteshift.inspect.Inspector;
import io.liteshift.migrate.GenerateResult;
import io.liteshift.testing.TestDb;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The versioned path through the same scenarios as {@link PushCheck}: generate A, migrate, fill it, generate B,
 * migrate (applies and keeps every row, or fails and changes nothing), then revert to A the same way.
 */
final class MigrateCheck {
    enum Outcome { APPLIED_AND_REVERTED, APPLIED_REVERT_REFUSED, REFUSED, NOTHING_TO_GENERATE }

    private final Scenario s;
    private final Path db;
    private final Path schema;
    private final LiteShift liteshift;
    private final List<String> skipped = new ArrayList<>();

    MigrateCheck(Scenario s, Path dir) {
        this.s = s;
        this.db = dir.resolve("app.db");
        this.schema = dir.resolve("schema.sql");
        this.liteshift = LiteShift.configure().database(db.toString()).migrations(dir.resolve("migrations")).schema(schema)
                .createMissing(true).load();
    }

    Outcome run() throws Exception {
        try {
            return check();
        } catch (AssertionError | Exception e) {
            throw new AssertionError(e.getMessage() + "\n-- rows SQLite rejected while populating A: " + skipped + "\n" + s, e);
        }
    }

    private Outcome check() throws Exception {
        Files.writeString(schema, String.join("", s.schemaAStatements()));
        assertThat(liteshift.generate("a").written()).isTrue();
        liteshift.migrate();
        PushCheck.populate(db, List.of(), s.populating(), skipped);
        Files.writeString(schema, s.schemaBSql());
        GenerateResult b = liteshift.generate("b");
        try (Connection fresh = TestDb.memory(); Connection expected = TestDb.memory()) {
            for (String stmt : s.b().statements(null, true, s.spelling())) TestDb.exec(fresh, stmt);
            Optional<String> misfit;
            String before;
            try (Connection a = TestDb.open(db)) {
                misfit = ExpectedDatabase.fill(s, a, expected);
                before = TestDb.dump(a);
            }
            if (!b.written()) {
                try (Connection a = TestDb.open(db)) {
                    PushCheck.assertSameSchema(a, fresh);
                }
                return Outcome.NOTHING_TO_GENERATE;
            }
            if (misfit.isPresent()) {
                assertThatThrownBy(liteshift::migrate).as("migrate applied although A's rows do not fit B: " + misfit.get())
                        .isInstanceOf(LiteShiftException.class);
                assertUnchanged(before);
                return Outcome.REFUSED;
            }
            liteshift.migrate();
            try (Connection migrated = TestDb.open(db)) {
                PushCheck.assertSameSchema(migrated, fresh);
                PushCheck.assertSameRows(s, migrated, expected);
                assertThat(TestDb.lines(migrated, "PRAGMA integrity_check")).containsExactly("ok");
                assertThat(TestDb.lines(migrated, "PRAGMA foreign_key_check")).isEmpty();
            }
            assertThat(liteshift.verify()).as("verify after migrating to B").isEmpty();
        }
        return revertToA();
    }

    /** Back to A through a written revert migration: it applies and reaches A exactly, or it fails and changes nothing. */
    private Outcome revertToA() throws Exception {
        GenerateResult back = liteshift.revert(1, null);
        assertThat(back.written()).isTrue();
        String before;
        try (Connection c = TestDb.open(db)) {
            before = TestDb.dump(c);
        }
        try {
            liteshift.migrate();
        } catch (LiteShiftException e) {
            assertUnchanged(before);
            return Outcome.APPLIED_REVERT_REFUSED;
        }
        try (Connection reverted = TestDb.open(db); Connection freshA = TestDb.memory()) {
            for (String stmt : s.schemaAStatements()) TestDb.exec(freshA, stmt);
            // the engine's comparison, not the PRAGMA view: a column B dropped comes back last (column order is not significant)
            assertThat(Differ.diff(Inspector.inspect(reverted), Inspector.inspect(freshA))).as("reverted vs fresh A").isEmpty();
            assertThat(TestDb.lines(reverted, "PRAGMA integrity_check")).containsExactly("ok");
        }
        assertThat(liteshift.verify()).as("verify after the revert").isEmpty();
        return Outcome.APPLIED_AND_REVERTED;
    }

    private void assertUnchanged(String before) throws SQLException {
        try (Connection after = TestDb.open(db)) {
            assertThat(TestDb.dump(after)).as("a failed migration changes nothing").isEqualTo(before);
        }
    }
}
