package io.liteshift.property;

import io.liteshift.LiteShift;
import io.liteshift.LiteShiftException;
import io.liteshift.PushOptions;
import io.liteshift.PushResult;
import io.liteshift.diff.Differ;
import io.liteshift.inspect.Inspector;
import io.liteshift.testing.TestDb;
import net.jqwik.api.statistics.Statistics;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * One run of the property: populate A in a file, push B, and judge the result against oracles the engine
 * does not share: a fresh database built from B's SQL, SQLite's PRAGMAs, and A's rows copied into B by hand.
 */
final class PushCheck {
    /** How the run ended, for jqwik's statistics. */
    enum Outcome { APPLIED, REFUSED }

    private final Scenario s;
    private final Path dbFile;
    private final Path schemaFile;
    private final List<String> skippedRows = new ArrayList<>();

    PushCheck(Scenario s, Path dir) {
        this.s = s;
        this.dbFile = dir.resolve("app.db");
        this.schemaFile = dir.resolve("schema-b.sql");
    }

    Outcome run() throws Exception {
        try {
            return check();
        } catch (AssertionError | Exception e) {
            throw new AssertionError(e.getMessage() + "\n-- rows SQLite rejected while populating A: " + skippedRows
                    + "\n" + s, e);
        }
    }

    private Outcome check() throws Exception {
        populateA();
        Files.writeString(schemaFile, s.schemaBSql());
        try (Connection a = TestDb.open(dbFile); Connection fresh = TestDb.memory(); Connection expected = TestDb.memory()) {
            for (String stmt : s.b().statements(null, true, s.spelling())) TestDb.exec(fresh, stmt);
            Optional<String> misfit = ExpectedDatabase.fill(s, a, expected);
            String before = TestDb.dump(a);
            List<String> sequences = autoincrementCounters(a, s.a());
            a.close();
            if (misfit.isPresent()) {
                Statistics.label("why A's rows do not fit B").collect(ExpectedDatabase.kind(misfit.get()));
                assertRefused(misfit.get(), before);
                return Outcome.REFUSED;
            }
            push();
            try (Connection pushed = TestDb.open(dbFile)) {
                assertSameSchema(pushed, fresh);
                assertSameRows(pushed, expected);
                assertThat(autoincrementCounters(pushed, s.b())).as("AUTOINCREMENT counters (sqlite_sequence)")
                        .containsExactlyElementsOf(sequences);
                assertThat(TestDb.lines(pushed, "PRAGMA integrity_check")).as("integrity_check").containsExactly("ok");
                assertThat(TestDb.lines(pushed, "PRAGMA foreign_key_check")).as("foreign_key_check").isEmpty();
            }
            PushResult again = push();
            assertThat(again.plan().isEmpty()).as("a second push of B plans nothing, but planned:\n" + again.plan().toSql()).isTrue();
            return Outcome.APPLIED;
        }
    }

    private void populateA() throws SQLException {
        populate(dbFile, s.schemaAStatements(), s.populating(), skippedRows);
    }

    /** Runs {@code schema}, then the INSERTs; an INSERT SQLite rejects is skipped and noted in {@code skipped}. */
    static void populate(Path dbFile, List<String> schema, List<String> inserts, List<String> skipped) throws SQLException {
        try (Connection a = TestDb.open(dbFile)) {
            TestDb.exec(a, "PRAGMA foreign_keys = ON");
            TestDb.exec(a, "PRAGMA synchronous = OFF");
            // one transaction: a rejected INSERT undoes only itself, and the file is synced once
            TestDb.exec(a, "BEGIN");
            for (String stmt : schema) TestDb.exec(a, stmt);
            for (String insert : inserts) {
                try {
                    TestDb.exec(a, insert);
                } catch (IllegalStateException e) {
                    skipped.add(insert + " /* " + e.getCause().getMessage() + " */");
                }
            }
            TestDb.exec(a, "COMMIT");
        }
    }

    private PushResult push() {
        try {
            return LiteShift.push(dbFile.toString(), schemaFile, PushOptions.defaults().allowingDestructive());
        } catch (LiteShiftException e) {
            throw new AssertionError("push of B failed although A's rows fit B: " + e.reason() + ": " + e.getMessage(), e);
        }
    }

    private void assertRefused(String misfit, String before) throws SQLException {
        try {
            PushResult r = LiteShift.push(dbFile.toString(), schemaFile, PushOptions.defaults().allowingDestructive());
            fail("push applied although A's rows do not fit B (" + misfit + "); plan:\n" + r.plan().toSql());
        } catch (LiteShiftException e) {
            assertThat(e.reason()).as("refusal reason for: " + misfit + "\nmessage: " + e.getMessage())
                    .isEqualTo(LiteShiftException.Reason.REFUSED_DATA);
        }
        try (Connection after = TestDb.open(dbFile)) {
            assertThat(TestDb.dump(after)).as("a refused push changes nothing").isEqualTo(before);
        }
    }

    static void assertSameSchema(Connection pushed, Connection fresh) throws SQLException {
        var differences = Differ.diff(Inspector.inspect(pushed), Inspector.inspect(fresh));
        assertThat(differences).as("Differ.diff(pushed, fresh B)").isEmpty();
        assertThat(PragmaSnapshot.of(pushed)).as("PRAGMA view of pushed vs fresh B")
                .containsExactlyElementsOf(PragmaSnapshot.of(fresh));
    }

    /**
     * The sqlite_sequence counter of every table of B that has AUTOINCREMENT in both schemas, read from a
     * database holding {@code schema}: a rebuild must not let ids of deleted rows come back.
     */
    private List<String> autoincrementCounters(Connection conn, SchemaDef schema) throws SQLException {
        List<String> out = new ArrayList<>();
        for (TableDef b : s.b().tables()) {
            Optional<TableDef> a = s.a().table(b.id());
            if (!b.autoincrement() || !b.hasRowidAlias() || a.isEmpty() || !a.get().autoincrement()) continue;
            String name = schema.tableById(b.id()).name();
            // no row and a NULL seq both mean 0 to SQLite
            List<String> seq = TestDb.lines(conn, "SELECT coalesce(max(seq), 0) FROM sqlite_sequence WHERE name = " + Sql.literal(name));
            out.add("t" + b.id() + "=" + seq.get(0));
        }
        return out;
    }

    /** Every table's rows, with exact types, equal the oracle's: same keys, same values, same count. */
    private void assertSameRows(Connection pushed, Connection expected) throws SQLException {
        assertSameRows(s, pushed, expected);
    }

    static void assertSameRows(Scenario s, Connection pushed, Connection expected) throws SQLException {
        for (TableDef b : s.b().tables()) {
            boolean rowid = ExpectedDatabase.keepsRowid(s.a().table(b.id()), b);
            String orderBy = !b.primaryKey().isEmpty() ? SchemaDef.names(b, b.primaryKey()) : null;
            List<String> columns = b.columns().stream().map(ColumnDef::name).toList();
            List<String> want = contents(expected, b.name(), columns, rowid, orderBy);
            assertThat(contents(pushed, b.name(), columns, rowid, orderBy)).as("rows of " + b.name())
                    .containsExactlyElementsOf(want);
        }
    }

    /**
     * The table's contents with exact types (SQLite's quote()): rowid first when asked, ordered by
     * {@code orderBy} (null: by rowid).
     */
    private static List<String> contents(Connection conn, String table, List<String> columns, boolean withRowid, String orderBy)
            throws SQLException {
        String rowid = Sql.rowid(columns);
        if (orderBy == null) orderBy = rowid;
        List<String> cells = new ArrayList<>();
        if (withRowid) cells.add("quote(" + rowid + ")");
        columns.forEach(c -> cells.add("quote(" + Sql.name(c) + ")"));
        if (cells.isEmpty()) cells.add("1");
        return TestDb.lines(conn, "SELECT " + String.join(", ", cells) + " FROM " + Sql.name(table) + " ORDER BY " + orderBy);
    }
}
