package io.liteshift;

import io.liteshift.inspect.Bookkeeping;
import io.liteshift.plan.Dependencies;
import io.liteshift.schema.Schema;
import io.liteshift.schema.View;
import io.liteshift.sql.Identifiers;
import io.liteshift.sql.Lexer;
import io.liteshift.sql.Token;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Writes a live schema as a schema file: each object in the canonical DDL the snapshots use, ordered so that the
 * file reads top to bottom as it would be written by hand (and runs in that order): tables with the tables they
 * reference first, virtual tables, indexes, views after the views they read, triggers last.
 */
final class Pull {
    private Pull() {
    }

    static PulledSchema of(Connection c, Schema schema, String source) throws SQLException {
        List<String> leftOut = otherToolsTables(c);
        StringBuilder sb = new StringBuilder("-- The schema of ").append(source).append(", written by `liteshift pull`.\n")
                .append("-- Edit it as the declared schema; `liteshift generate` and `liteshift push` start from it.\n");
        if (!leftOut.isEmpty()) {
            sb.append("-- Left out: ").append(String.join(", ", leftOut))
                    .append(" (another tool's bookkeeping; liteshift keeps it in the database and ignores it).\n");
        }
        String body = Stream.of(Dependencies.parentsFirst(schema.tables()).stream().map(Object::toString),
                        schema.virtualTables().stream().map(Object::toString), schema.indexes().stream().map(Object::toString),
                        readFirst(schema.views()).stream().map(View::toString), schema.triggers().stream().map(Object::toString))
                .flatMap(Function.identity())
                .map(s -> s + ";\n")
                .collect(Collectors.joining("\n"));
        return new PulledSchema(sb.append(body.isEmpty() ? "" : "\n").append(body).toString(), schema, leftOut);
    }

    /** Views ordered so that a view comes after every other view its text names. */
    static List<View> readFirst(List<View> views) {
        Map<View, Set<String>> named = new IdentityHashMap<>();
        for (View v : views) named.put(v, names(v.sql()));
        return Dependencies.dependenciesFirst(views, View::name, (v, other) -> named.get(v).contains(Identifiers.fold(other.name())));
    }

    private static Set<String> names(String sql) {
        Set<String> out = new HashSet<>();
        for (Token t : Lexer.significant(sql)) if (t.isIdentifier() || t.kind() == Token.Kind.STRING) out.add(Identifiers.fold(t.identifier()));
        return out;
    }

    private static List<String> otherToolsTables(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT name FROM main.sqlite_schema WHERE type = 'table' ORDER BY name")) {
            while (rs.next()) if (Bookkeeping.isOtherToolsTable(rs.getString(1))) out.add(rs.getString(1));
        }
        return out;
    }
}
