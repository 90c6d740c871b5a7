package io.liteshift.online;

import io.liteshift.plan.Rebuilds;
import io.liteshift.plan.TableMapping;
import io.liteshift.schema.ForeignKey;
import io.liteshift.schema.Index;
import io.liteshift.schema.Schema;
import io.liteshift.schema.Table;
import io.liteshift.schema.Trigger;
import io.liteshift.schema.View;
import io.liteshift.sql.Identifiers;
import io.liteshift.sql.Lexer;
import io.liteshift.sql.SqlText;
import io.liteshift.sql.Token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One online rebuild, as SQL: the table as it is ({@code from}) and as declared ({@code to}), the names of everything
 * the rebuild creates, and the statements that copy and replay rows. The shadow table takes the offline rebuild's
 * temporary name, so the swap's {@code ALTER TABLE ... RENAME} writes the same CREATE TABLE text as the offline one.
 */
record Target(Table from, Table to, Schema current, Schema declared, TableMapping mapping) {
    static final String STATE = "_liteshift_online";
    static final String LOG = "_liteshift_online_log";
    static final String TRIGGER_PREFIX = "_liteshift_online_";

    String table() {
        return from.name();
    }

    String tableQ() {
        return Identifiers.quote(from.name());
    }

    String shadow() {
        return "_liteshift_new_" + to.name();
    }

    String shadowQ() {
        return Identifiers.forceQuote(shadow());
    }

    /** The old table's name from the swap on, while its pages are freed. */
    String old() {
        return "_liteshift_old_" + from.name();
    }

    String oldQ() {
        return Identifiers.forceQuote(old());
    }

    static String logQ() {
        return Identifiers.forceQuote(LOG);
    }

    /** The rowid of the current table, by a name no column shadows. */
    String rowid() {
        return TableMapping.rowidName(from);
    }

    String shadowRowid() {
        return TableMapping.rowidName(to);
    }

    /**
     * The shadow's CREATE TABLE: the declared one under the shadow's name; without AUTOINCREMENT when asked, for a
     * database that has no sqlite_sequence yet: the shadow would create it, and SQLite never drops that table again,
     * so a rebuild that is refused or stopped would leave it behind. The swap then makes the table AUTOINCREMENT.
     */
    String shadowSql(boolean autoincrement) {
        String sql = Rebuilds.renameCreateTable(SqlText.withoutHints(to.sql()), shadowQ());
        if (autoincrement) return sql;
        StringBuilder out = new StringBuilder();
        for (Token tok : Lexer.tokenize(sql)) if (!tok.is("autoincrement")) out.append(tok.text());
        return out.toString();
    }

    /** The table's CREATE TABLE text after the offline rebuild: the shadow's, renamed the modern way, worked out in memory. */
    String finalTableSql() throws SQLException {
        try (Connection m = DriverManager.getConnection("jdbc:sqlite::memory:"); Statement s = m.createStatement()) {
            s.execute(shadowSql(true));
            s.execute("ALTER TABLE " + shadowQ() + " RENAME TO " + Identifiers.quote(to.name()));
            try (ResultSet rs = s.executeQuery("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = " + Identifiers.literal(to.name()))) {
                if (!rs.next()) throw new SQLException("the declared table did not survive a rename in memory");
                return rs.getString(1);
            }
        }
    }

    List<Index> indexes() {
        return declared.indexesOf(to.name());
    }

    static String tempIndexName(Index i) {
        return "_liteshift_new_" + i.name();
    }

    String shadowIndexSql(Index i) {
        return IndexText.renamed(SqlText.withoutHints(i.sql()), Identifiers.forceQuote(tempIndexName(i)), shadowQ());
    }

    private String columns() {
        return String.join(", ", mapping.copy().into());
    }

    private String values() {
        return String.join(", ", mapping.copy().select());
    }

    /**
     * One chunk: the next {@code ?2} rows after rowid {@code ?1}, in rowid order. OR FAIL: a failed chunk rolls back its
     * whole transaction anyway, and without ABORT's promise to undo the statement alone SQLite keeps no statement
     * journal, which would copy every index page the chunk touches (half the chunk's time, measured).
     */
    String copyChunkSql() {
        return "INSERT OR FAIL INTO " + shadowQ() + " (" + columns() + ") SELECT " + values() + " FROM " + tableQ() + " WHERE " + rowid()
                + " > ?1 ORDER BY " + rowid() + " LIMIT ?2";
    }

    /** The rows of {@code rowidSet} (a subquery) as they are now in the table. */
    String copyRowsSql(String rowidSet) {
        return "INSERT OR FAIL INTO " + shadowQ() + " (" + columns() + ") SELECT " + values() + " FROM " + tableQ() + " WHERE " + rowid()
                + " IN (" + rowidSet + ")";
    }

    /** Views that read the table (and views reading those): dropped before the swap, created again after it. */
    List<View> readingViews() {
        Set<String> names = new LinkedHashSet<>(List.of(Identifiers.fold(table())));
        List<View> out = new ArrayList<>();
        boolean grew = true;
        while (grew) {
            grew = false;
            for (View v : current.views()) {
                if (!out.contains(v) && SqlText.mentions(v.sql(), names)) {
                    out.add(v);
                    names.add(Identifiers.fold(v.name()));
                    grew = true;
                }
            }
        }
        return out;
    }

    /** Triggers on the table, and triggers elsewhere that mention it or one of {@code views}: dropped before the swap. */
    List<Trigger> readingTriggers(List<View> views) {
        Set<String> names = new LinkedHashSet<>(List.of(Identifiers.fold(table())));
        views.forEach(v -> names.add(Identifiers.fold(v.name())));
        return current.triggers().stream()
                .filter(t -> names.contains(Identifiers.fold(t.table())) || SqlText.mentions(t.sql(), names)).toList();
    }

    /** Tables (other than this one) whose foreign keys reference it, as they are now. */
    List<Table> children() {
        return current.tables().stream().filter(t -> !Identifiers.same(t.name(), table()))
                .filter(t -> t.foreignKeys().stream().anyMatch(fk -> Identifiers.same(fk.refTable(), table()))).toList();
    }

    List<ForeignKey> foreignKeysTo(Table child) {
        return child.foreignKeys().stream().filter(fk -> Identifiers.same(fk.refTable(), table())).toList();
    }

    /**
     * What must be the same for a resumed run to go on with a half-built shadow: the table as it is, the declared
     * table and its indexes and triggers, and the copy's expressions. The pace (maxLock) may differ.
     */
    String fingerprint() {
        StringBuilder sb = new StringBuilder("online-rebuild-1\n").append(from.sql()).append('\n').append(to.sql()).append('\n')
                .append(mapping.copy()).append('\n');
        indexes().forEach(i -> sb.append(i.sql()).append('\n'));
        declared.triggersOf(to.name()).forEach(t -> sb.append(t.sql()).append('\n'));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
