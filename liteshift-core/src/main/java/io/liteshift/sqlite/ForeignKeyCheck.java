package io.liteshift.sqlite;

import io.liteshift.schema.Schema;
import io.liteshift.schema.Table;
import io.liteshift.sql.Identifiers;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** {@code PRAGMA foreign_key_check} over chosen tables, summarised for a person: how many rows, which ones. */
public final class ForeignKeyCheck {
    private static final int SAMPLE = 5;

    private ForeignKeyCheck() {
    }

    /**
     * The tables of {@code schema} whose foreign keys a change to {@code touched} (folded names) can break: those
     * tables themselves and every table referencing one of them. Checking only these keeps a change on a large
     * database from scanning every table.
     */
    public static List<String> tablesAround(Schema schema, Set<String> touched) {
        List<String> out = new ArrayList<>();
        for (Table t : schema.tables()) {
            boolean refers = t.foreignKeys().stream().anyMatch(fk -> touched.contains(Identifiers.fold(fk.refTable())));
            if (refers || touched.contains(Identifiers.fold(t.name()))) out.add(t.name());
        }
        return out;
    }

    /** The rows of {@code child} that reference no row of {@code parent}. */
    private record Broken(String child, String parent) {
    }

    /** One line per broken foreign key, with a count and sample rowids; empty when every row has its parent. */
    public static Optional<String> orphans(Connection conn, List<String> tables) throws SQLException {
        Map<Broken, Long> counts = new LinkedHashMap<>();
        Map<Broken, List<Long>> samples = new LinkedHashMap<>();
        for (String table : tables) {
            try (Statement s = conn.createStatement();
                 ResultSet rs = s.executeQuery("PRAGMA foreign_key_check(" + Identifiers.literal(table) + ")")) {
                while (rs.next()) {
                    Broken key = new Broken(rs.getString(1), rs.getString(3));
                    counts.merge(key, 1L, Long::sum);
                    List<Long> sample = samples.computeIfAbsent(key, k -> new ArrayList<>());
                    if (sample.size() < SAMPLE) sample.add(rs.getLong(2));
                }
            }
        }
        if (counts.isEmpty()) return Optional.empty();
        return Optional.of(counts.entrySet().stream().map(e -> "  " + String.format("%,d", e.getValue()) + " row(s) of "
                + e.getKey().child() + " reference no row of " + e.getKey().parent()
                + " (rowid " + samples.get(e.getKey()).stream().map(String::valueOf).collect(Collectors.joining(", "))
                + (e.getValue() > SAMPLE ? ", …" : "") + ")").collect(Collectors.joining("\n")));
    }
}
