package io.liteshift.examples.flyapp;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The notes, in SQL. One connection per call: opening a SQLite file takes well under a millisecond (a real
 * application would use a pool, configured the same way).
 */
final class Notes {
    private final String jdbcUrl;

    Notes(Path database) {
        this.jdbcUrl = "jdbc:sqlite:" + database;
    }

    long add(String title, String body, List<String> tags) throws SQLException {
        try (Connection c = open()) {
            c.setAutoCommit(false);
            try {
                long id;
                try (PreparedStatement st = c.prepareStatement("INSERT INTO notes (title, body) VALUES (?, ?) RETURNING id")) {
                    st.setString(1, title);
                    st.setString(2, body);
                    try (ResultSet rs = st.executeQuery()) {
                        rs.next();
                        id = rs.getLong(1);
                    }
                }
                try (PreparedStatement st = c.prepareStatement("INSERT OR IGNORE INTO note_tags (note_id, tag) VALUES (?, ?)")) {
                    for (String tag : tags) {
                        st.setLong(1, id);
                        st.setString(2, tag);
                        st.addBatch();
                    }
                    st.executeBatch();
                }
                c.commit();
                return id;
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** Every note with all its columns (whatever the schema version has) and its tags, oldest first. */
    List<Map<String, Object>> all() throws SQLException {
        try (Connection c = open(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT n.*, (SELECT group_concat(tag, ',') FROM"
                     + " (SELECT tag FROM note_tags t WHERE t.note_id = n.id ORDER BY tag)) AS tags FROM notes n ORDER BY n.id")) {
            ResultSetMetaData meta = rs.getMetaData();
            List<Map<String, Object>> notes = new ArrayList<>();
            while (rs.next()) {
                Map<String, Object> note = new LinkedHashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    String column = meta.getColumnLabel(i);
                    Object value = rs.getObject(i);
                    note.put(column, column.equals("tags") ? tags((String) value) : value);
                }
                notes.add(note);
            }
            return notes;
        }
    }

    /** Version 2: pins a note. False when there is no such note. */
    boolean pin(long id) throws SQLException {
        try (Connection c = open(); PreparedStatement st = c.prepareStatement("UPDATE notes SET pinned = 1 WHERE id = ?")) {
            st.setLong(1, id);
            return st.executeUpdate() == 1;
        }
    }

    /**
     * The health check reads what the newest migration added (the {@code pinned} column and its index), so a
     * machine whose database was not migrated fails it, with SQLite's message, instead of passing and then
     * failing requests (the runbook's "hit an endpoint that touches the new schema").
     */
    Map<String, Object> health() throws SQLException {
        try (Connection c = open(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT (SELECT max(version) FROM liteshift_migrations),"
                     + " (SELECT count(*) FROM notes), (SELECT count(*) FROM notes INDEXED BY notes_pinned WHERE pinned = 1)")) {
            rs.next();
            Map<String, Object> health = new LinkedHashMap<>();
            health.put("ok", true);
            health.put("schema_version", rs.getInt(1));
            health.put("notes", rs.getLong(2));
            health.put("pinned", rs.getLong(3));
            return health;
        }
    }

    private Connection open() throws SQLException {
        Connection c = DriverManager.getConnection(jdbcUrl);
        try (Statement st = c.createStatement()) {
            // per connection, not stored in the file: without them no cascade and no waiting for a writer
            st.execute("PRAGMA foreign_keys = ON");
            st.execute("PRAGMA busy_timeout = 5000");
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return c;
    }

    private static List<String> tags(String joined) {
        return joined == null ? List.of() : List.of(joined.split(","));
    }
}
