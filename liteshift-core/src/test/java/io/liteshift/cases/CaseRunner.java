package io.liteshift.cases;

import io.liteshift.LiteShift;
import io.liteshift.LiteShiftException;
import io.liteshift.PushOptions;
import io.liteshift.PushResult;
import io.liteshift.testing.TestDb;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs one case through the library the way a user runs {@code push --yes}, then judges the database with the
 * independent oracle ({@link SchemaShape}) and the data snapshots ({@link DatabaseContent}).
 */
final class CaseRunner {
    private final CaseFile c;
    private final Path db;
    private final Path want;
    private final Path schema;
    private final List<String> problems = new ArrayList<>();
    private String planSql = "";

    CaseRunner(CaseFile c, Path dir) {
        this.c = c;
        this.db = dir.resolve("app.db");
        this.want = dir.resolve("want.db");
        this.schema = dir.resolve("schema.sql");
    }

    /** Runs a whole script with foreign keys enforced, so a case cannot start from rows that break its own keys. */
    static void build(Path file, String script) {
        TestDb.exec(file, "PRAGMA foreign_keys = ON", script);
    }

    void run() throws Exception {
        build(db, c.before());
        Files.writeString(schema, c.after(), StandardCharsets.UTF_8);
        build(want, c.after());
        Snapshot before = Snapshot.of(db);
        if (c.expect() == CaseFile.Expect.REFUSE) judgeRefusal(before);
        else judgeApply(before);
        if (!problems.isEmpty()) {
            throw new AssertionError(c.name() + " (expect " + c.expect().name().toLowerCase() + "):\n  - "
                    + String.join("\n  - ", problems) + (planSql.isEmpty() ? "" : "\nplan:\n" + planSql));
        }
    }

    private PushResult push() {
        // a case without @before starts from an empty file, a new database: a user pushes that with --create
        return LiteShift.push(db.toString(), schema, PushOptions.defaults().allowingDestructive().creatingMissing());
    }

    private void judgeRefusal(Snapshot before) throws SQLException {
        try {
            PushResult r = push();
            planSql = r.plan().toSql();
            problems.add("push " + (r.applied() ? "applied" : "accepted (nothing to do)") + " a change that must be refused");
        } catch (LiteShiftException e) {
            if (e.reason() != LiteShiftException.Reason.REFUSED_DATA) {
                problems.add("refused with " + e.reason() + " instead of REFUSED_DATA: " + e.getMessage());
            }
            for (String m : c.messages()) {
                if (!e.getMessage().contains(m)) problems.add("the refusal does not say '" + m + "':\n" + e.getMessage());
            }
        }
        if (!Snapshot.of(db).dump.equals(before.dump)) problems.add("database content changed although the push was refused");
    }

    private void judgeApply(Snapshot before) throws Exception {
        try {
            planSql = push().plan().toSql();
        } catch (LiteShiftException e) {
            problems.add("push failed with " + e.reason() + ": " + e.getMessage());
            return;
        }
        SchemaShape got;
        SchemaShape expected;
        try (Connection g = TestDb.open(db); Connection w = TestDb.open(want)) {
            got = SchemaShape.of(g);
            expected = SchemaShape.of(w);
            problems.addAll(SchemaShape.differences(got, expected));
            List<String> ic = TestDb.column(g, "PRAGMA integrity_check");
            if (!ic.equals(List.of("ok"))) problems.add("integrity_check: " + ic);
            List<List<Object>> fk = TestDb.rows(g, "PRAGMA foreign_key_check");
            if (!fk.isEmpty()) problems.add("foreign_key_check: " + fk);
            for (CaseFile.Check check : c.checks()) {
                String result;
                try {
                    result = CheckFormat.rows(TestDb.rows(g, check.query()));
                } catch (IllegalStateException e) {
                    result = "error: " + e.getCause().getMessage(); // SQLite's own message, as the case file expects
                }
                if (!result.equals(check.expected())) {
                    problems.add("check " + check.query() + ": got '" + result + "' want '" + check.expected() + "'");
                }
            }
        }
        Snapshot after = Snapshot.of(db);
        Set<String> moved = c.renamedAway();
        before.values.forEach((column, was) -> {
            DatabaseContent.ColumnValues now = after.values.get(column);
            boolean reused = moved.contains(column.substring(0, column.indexOf('.'))) || moved.contains(column.substring(column.indexOf('.') + 1));
            if (now != null && !reused && now.sameDeclaration(was) && !now.values().equals(was.values())) {
                problems.add("values of " + column + " changed: " + was.values() + " -> " + now.values());
            }
        });
        before.counts.forEach((table, n) -> {
            Long now = after.counts.get(table);
            if (now != null && !now.equals(n) && !c.checksMention(table) && !moved.contains(table)) problems.add("rows of " + table + ": " + n + " -> " + now);
        });
        if (problems.isEmpty()) secondPushIsNoOp();
    }

    private void secondPushIsNoOp() {
        try {
            PushResult again = push();
            if (!again.plan().isEmpty()) problems.add("second push of the same schema is not a no-op:\n" + again.plan().toSql());
        } catch (LiteShiftException e) {
            problems.add("second push failed with " + e.reason() + ": " + e.getMessage());
        }
    }

    /** The database's content before and after: dump for refusals, counts and column values for applied changes. */
    private record Snapshot(List<String> dump, Map<String, Long> counts, Map<String, DatabaseContent.ColumnValues> values) {
        static Snapshot of(Path file) throws SQLException {
            try (Connection conn = TestDb.open(file)) {
                return new Snapshot(DatabaseContent.dump(conn), DatabaseContent.counts(conn), DatabaseContent.columnValues(conn));
            }
        }
    }
}
