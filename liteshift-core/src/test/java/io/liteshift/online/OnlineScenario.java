package io.liteshift.online;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A random online rebuild for the property test, all drawn from one seed: a table {@code t} with indexes, a view and an
 * ON DELETE CASCADE child {@code kids}; rows; a declared form of {@code t} that needs a rebuild (a type change, NOT NULL
 * with a DEFAULT, a dropped column, a new CHECK or UNIQUE, reordered columns, AUTOINCREMENT switched, indexes changed,
 * indexes the rebuild can fill in key order, see {@link SortedIndex});
 * and the application's writes, each due after a given step of the engine. Rows and writes satisfy the declared
 * constraints (a row that breaks them while the copy runs is refused by design, which other tests cover), except in
 * the scenarios without writes, where the rows may break them and the online result must be the offline one either way.
 */
record OnlineScenario(long seed, String before, String after, List<Write> writes, int chunk, boolean mayViolate) {

    /** One write of the application, due after step {@code step} of the engine. */
    record Write(int step, String sql) {
    }

    static OnlineScenario of(long seed) {
        Random r = new Random(seed);
        boolean autoinc = r.nextBoolean();
        boolean uniqueK = r.nextBoolean();
        boolean mayViolate = r.nextInt(5) == 0;
        // the declared changes
        boolean typeB = r.nextBoolean();
        boolean notNullC = r.nextBoolean();
        boolean dropC = !notNullC && r.nextInt(3) == 0;
        boolean checkB = r.nextBoolean();
        boolean uniqueA = r.nextBoolean();
        boolean reorder = r.nextBoolean();
        boolean toggleAutoinc = r.nextInt(4) == 0;
        boolean indexA = r.nextBoolean();
        boolean indexBc = r.nextBoolean();
        boolean view = r.nextBoolean();
        boolean uniqueIndexA = !mayViolate && r.nextBoolean(); // an explicit UNIQUE index on both sides: handed over
        if (!(typeB || notNullC || checkB || uniqueA || reorder || toggleAutoinc)) reorder = true;

        String id = "id INTEGER PRIMARY KEY" + (autoinc ? " AUTOINCREMENT" : "");
        String before = "CREATE TABLE t (" + id + ", a TEXT, b INTEGER, c TEXT, k TEXT" + (uniqueK ? " UNIQUE" : "") + ");\n"
                + (indexA ? "CREATE INDEX t_a ON t(a);\n" : "") + (indexBc ? "CREATE INDEX t_bc ON t(b, c);\n" : "")
                + "CREATE INDEX t_b ON t(b);\n" + (uniqueIndexA ? "CREATE UNIQUE INDEX t_ua ON t(a);\n" : "")
                + "CREATE TABLE kids (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES t(id) ON DELETE CASCADE, v TEXT);\n"
                + "CREATE INDEX kids_parent ON kids(parent_id);\n" + (view ? "CREATE VIEW tv AS SELECT id, a FROM t;\n" : "");

        List<String> cols = new ArrayList<>();
        cols.add("a TEXT" + (uniqueA ? " UNIQUE" : ""));
        cols.add("b " + (typeB ? "TEXT" : "INTEGER"));
        if (reorder) Collections.swap(cols, 0, 1);
        if (!dropC) cols.add("c TEXT" + (notNullC ? " NOT NULL DEFAULT 'z'" : ""));
        cols.add("k TEXT" + (uniqueK ? " UNIQUE" : ""));
        String declaredId = "id INTEGER PRIMARY KEY" + (autoinc != toggleAutoinc ? " AUTOINCREMENT" : "");
        String after = "CREATE TABLE t (" + declaredId + ", " + String.join(", ", cols) + (checkB ? ", CHECK (b >= 0)" : "") + ");\n"
                + (indexA ? "" : "CREATE INDEX t_a ON t(a);\n") + (indexBc || dropC ? "" : "CREATE INDEX t_bc ON t(b, c);\n")
                + "CREATE INDEX t_k ON t(k);\nCREATE INDEX t_b ON t(b);\n" + (uniqueIndexA ? "CREATE UNIQUE INDEX t_ua ON t(a);\n" : "")
                + "CREATE TABLE kids (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES t(id) ON DELETE CASCADE, v TEXT);\n"
                + "CREATE INDEX kids_parent ON kids(parent_id);\n" + (view ? "CREATE VIEW tv AS SELECT id, a FROM t;\n" : "");

        int rows = r.nextInt(4) == 0 ? r.nextInt(5) : r.nextInt(300);
        StringBuilder data = new StringBuilder();
        int next = 0;
        for (int i = 0; i < rows; i++) {
            next += 1 + (r.nextInt(4) == 0 ? r.nextInt(5) : 0); // gaps in the rowids
            String a = mayViolate && r.nextInt(20) == 0 ? "'a1'" : "'a" + next + "'";
            int b = mayViolate && r.nextInt(20) == 0 ? -1 : r.nextInt(50);
            data.append("INSERT INTO t VALUES (").append(next).append(", ").append(a).append(", ").append(b).append(", ")
                    .append(r.nextInt(3) == 0 ? "NULL" : "'c" + r.nextInt(9) + "'").append(", ")
                    .append(uniqueK ? "'k" + next + "'" : "'k" + r.nextInt(9) + "'").append(");\n");
            if (r.nextInt(3) == 0) data.append("INSERT INTO kids (parent_id, v) VALUES (").append(next).append(", 'v").append(i).append("');\n");
        }
        if (autoinc && rows > 0 && r.nextBoolean()) data.append("DELETE FROM t WHERE id = ").append(next).append(";\n"); // the counter stays above

        List<Write> writes = new ArrayList<>();
        int count = mayViolate ? 0 : r.nextInt(40);
        int fresh = 100_000;
        int maxId = next + 20;
        for (int w = 0; w < count; w++) {
            int step = r.nextInt(25);
            int any = 1 + r.nextInt(maxId);
            int b = r.nextInt(50);
            String c = r.nextInt(3) == 0 ? "NULL" : "'w" + r.nextInt(9) + "'";
            fresh++;
            String sql = switch (r.nextInt(13)) {
                case 0, 1 -> "INSERT INTO t (a, b, c, k) VALUES ('f" + fresh + "', " + b + ", " + c + ", 'k" + fresh + "')";
                case 2 -> "INSERT INTO t (id, a, b, c, k) VALUES (" + any + ", 'f" + fresh + "', " + b + ", " + c + ", 'k" + fresh + "')";
                case 3 -> "UPDATE t SET b = " + b + ", c = " + c + " WHERE id = " + any;
                case 4 -> "UPDATE t SET a = 'f" + fresh + "' WHERE id = " + any;
                case 5 -> "UPDATE t SET id = " + (1 + r.nextInt(maxId + 30)) + " WHERE id = " + any; // a changed rowid
                case 6 -> "DELETE FROM t WHERE id = " + any; // cascades to kids
                case 7 -> "DELETE FROM t WHERE id BETWEEN " + any + " AND " + (any + r.nextInt(10));
                case 8 -> "INSERT OR REPLACE INTO t (id, a, b, c, k) VALUES (" + any + ", 'f" + fresh + "', " + b + ", " + c + ", 'k" + fresh + "')";
                // a REPLACE that deletes the row holding k (another rowid), which fires no DELETE trigger
                case 9 -> uniqueK ? "INSERT OR REPLACE INTO t (a, b, c, k) VALUES ('f" + fresh + "', " + b + ", " + c + ", 'k" + any + "')"
                        : "INSERT INTO kids (parent_id, v) VALUES (" + any + ", 'w')";
                case 10 -> uniqueK ? "INSERT INTO t (a, b, c, k) VALUES ('f" + fresh + "', " + b + ", " + c + ", 'k" + any
                        + "') ON CONFLICT (k) DO UPDATE SET b = excluded.b" : "DELETE FROM kids WHERE id = " + any;
                // a NULL where the rebuild builds an index in key order, which it then builds with the shadow instead
                case 11 -> r.nextInt(4) == 0 ? "UPDATE t SET " + (r.nextBoolean() ? "b" : "k") + " = NULL WHERE id = " + any
                        : uniqueIndexA && r.nextBoolean() // a REPLACE that deletes the row holding a (the handed-over UNIQUE index)
                        ? "INSERT OR REPLACE INTO t (a, b, c, k) VALUES ('a" + any + "', " + b + ", " + c + ", 'k" + fresh + "')"
                        : "INSERT INTO kids (parent_id, v) VALUES (" + any + ", 'w" + fresh + "')";
                default -> "INSERT INTO kids (parent_id, v) VALUES (" + any + ", 'w" + fresh + "')";
            };
            writes.add(new Write(step, sql));
        }
        return new OnlineScenario(seed, before + data, after, writes, 1 + r.nextInt(40), mayViolate);
    }

    @Override
    public String toString() {
        return "seed " + seed + ", chunks of " + chunk + " rows\n-- before\n" + before.lines().limit(12).reduce("", (x, y) -> x + y + "\n")
                + "...\n-- declared\n" + after + "-- writes\n" + writes.stream().map(w -> "after step " + w.step() + ": " + w.sql())
                .reduce("", (x, y) -> x + y + "\n");
    }
}
