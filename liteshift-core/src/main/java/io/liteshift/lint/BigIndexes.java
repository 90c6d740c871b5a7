package io.liteshift.lint;

import io.liteshift.sql.Statement;
import io.liteshift.sql.Token;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import static io.liteshift.sql.Identifiers.quote;

/**
 * {@link LintCode#INDEX_BIG_TABLE}: {@code CREATE INDEX} without {@code IF NOT EXISTS} on a big table holds the write
 * lock while it reads the whole table; with {@code IF NOT EXISTS}, an index built ahead in a quiet moment makes the
 * step a no-op.
 */
final class BigIndexes implements Rule {
    /** A CREATE INDEX on a table with at least this many rows gets a note. */
    static final long BIG_TABLE = 100_000;

    @Override
    public void check(LintContext context, Issues out) throws SQLException {
        if (context.counts().isEmpty()) return;
        LintContext.Counts counts = context.counts().get();
        for (Statement s : context.statements()) {
            Optional<String> table = indexedTable(s.significant());
            if (table.isEmpty() || counts.before().table(table.get()).isEmpty()) continue; // a table made in this file has no rows yet
            long rows = counts.stats().rows(table.get());
            if (rows < BIG_TABLE) continue;
            long bytes = counts.stats().bytes(table.get());
            double secs = LockTime.ofRewriting(bytes) / 2; // reads the table once, writes only the keys
            out.counted(LintIssue.of(LintCode.INDEX_BIG_TABLE, Severity.INFO, table.get(), "builds an index on " + quote(table.get())
                    + " (" + Rows.plural(rows, "row") + ") while holding the write lock, " + LockTime.about(secs) + ".",
                    "write CREATE INDEX IF NOT EXISTS, so an index built ahead in a quiet moment makes this step a no-op.",
                    Measurement.rewrite(rows, bytes, secs)).at(context.at(s)));
        }
    }

    /** The table of {@code CREATE [UNIQUE] INDEX name ON table ...}, without IF NOT EXISTS. */
    private static Optional<String> indexedTable(List<Token> sig) {
        if (!sig.get(0).is("create")) return Optional.empty();
        int i = 1;
        if (i < sig.size() && sig.get(i).is("unique")) i++;
        if (i >= sig.size() || !sig.get(i).is("index")) return Optional.empty();
        if (sig.size() > i + 1 && sig.get(i + 1).is("if")) return Optional.empty();
        for (int j = i + 1; j + 1 < sig.size(); j++) {
            if (sig.get(j).is("on")) return Optional.of(sig.get(j + 1).identifier());
        }
        return Optional.empty();
    }
}
