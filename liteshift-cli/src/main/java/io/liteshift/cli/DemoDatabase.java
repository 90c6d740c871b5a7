package io.liteshift.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static io.liteshift.cli.DemoFailure.require;

/** The demo's database as the application sees it (a plain connection): its rows, and the checks made on them. */
final class DemoDatabase {
    private static final String JOURNAL = "liteshift_migrations";
    private final Path db;

    DemoDatabase(Path db) {
        this.db = db;
    }

    /**
     * Every table of {@code before} is still there with the same number of rows and the same values in the columns
     * it still has, except the journal, which has {@code migrated} more rows. Prints the counts per table.
     */
    static void requireIntact(Map<String, TableRows> before, Map<String, TableRows> after, int migrated, PrintWriter w) {
        w.printf("%-22s %12s %12s%n", "table", "rows before", "rows after");
        for (TableRows then : before.values()) {
            TableRows now = after.get(then.table());
            require(now != null, "table " + then.table() + " is gone");
            if (then.table().equals(JOURNAL)) {
                w.printf("%-22s %,12d %,12d  the journal: %d more%n", then.table(), then.count(), now.count(), migrated);
                require(now.count() == then.count() + migrated, "the journal has " + now.count() + " rows, expected "
                        + (then.count() + migrated));
                continue;
            }
            List<String> changed = then.changedIn(now);
            List<String> added = now.columns().keySet().stream().filter(k -> !then.columns().containsKey(k)).toList();
            List<String> dropped = then.columns().keySet().stream().filter(k -> !now.columns().containsKey(k)).toList();
            w.printf("%-22s %,12d %,12d  %s%s%s%n", then.table(), then.count(), now.count(),
                    now.count() != then.count() ? "ROWS LOST OR ADDED" : changed.isEmpty() ? "same values" : "VALUES CHANGED in " + changed,
                    added.isEmpty() ? "" : "; new column " + String.join(", ", added),
                    dropped.isEmpty() ? "" : "; dropped column " + String.join(", ", dropped));
            require(now.count() == then.count(), then.table() + " has " + now.count() + " rows after this step and had "
                    + then.count() + " before it: " + (now.count() < then.count() ? "rows were lost" : "rows appeared"));
            require(changed.isEmpty(), then.table() + " holds other values than before this step in " + changed);
        }
    }

    /** SQLite's own checks: integrity_check says ok, foreign_key_check finds nothing. */
    void requireSound(PrintWriter w) throws SQLException {
        String integrity = text("PRAGMA integrity_check");
        w.println("PRAGMA integrity_check: " + integrity);
        require(integrity.equals("ok"), "integrity_check says: " + integrity);
        long broken = count("SELECT count(*) FROM pragma_foreign_key_check");
        w.println("PRAGMA foreign_key_check: " + (broken == 0 ? "no rows (no broken foreign keys)" : broken + " broken references"));
        require(broken == 0, broken + " rows break a foreign key");
    }

    /**
     * What a data rollback is for: the application deletes a user by mistake, with foreign keys on as an
     * application has them, and ON DELETE CASCADE (still declared after two rebuilds) takes their posts and comments.
     * Returns the posts and comments deleted.
     */
    long[] badWrite(PrintWriter w) throws SQLException {
        long users = count("SELECT count(*) FROM users");
        long posts = count("SELECT count(*) FROM posts");
        long comments = count("SELECT count(*) FROM comments");
        long ownPosts = count("SELECT count(*) FROM posts WHERE user_id = 1");
        long ownComments = count("SELECT count(*) FROM comments WHERE user_id = 1 OR post_id IN (SELECT id FROM posts WHERE user_id = 1)");
        try (Connection c = TableRows.open(db); Statement s = c.createStatement()) {
            s.execute("PRAGMA foreign_keys = ON");
            s.executeUpdate("DELETE FROM users WHERE id = 1");
        }
        long[] lost = {posts - count("SELECT count(*) FROM posts"), comments - count("SELECT count(*) FROM comments")};
        w.printf("the application runs DELETE FROM users WHERE id = 1 (foreign_keys on): ON DELETE CASCADE deletes"
                + " %,d posts and %,d comments with it%n", lost[0], lost[1]);
        require(count("SELECT count(*) FROM users") == users - 1, "the user was not deleted");
        require(lost[0] == ownPosts && lost[1] == ownComments, "ON DELETE CASCADE deleted " + lost[0] + " posts and " + lost[1]
                + " comments, not the user's " + ownPosts + " and " + ownComments);
        return lost;
    }

    Map<String, TableRows> census() throws SQLException {
        try (Connection c = TableRows.open(db)) {
            return TableRows.of(c);
        }
    }

    long count(String sql) throws SQLException {
        return Long.parseLong(text(sql));
    }

    String text(String sql) throws SQLException {
        try (Connection c = TableRows.open(db); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
