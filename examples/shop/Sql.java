import io.liteshift.sql.Scripts;
import io.liteshift.sql.Statement;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A stand-in for the sqlite3 shell, which a fresh machine may not have: runs a .sql file against a database
 * file in one transaction, with foreign keys enforced, and prints the rows every query returns.
 *
 * <pre>
 * java -cp liteshift-cli/target/liteshift.jar examples/shop/Sql.java DB FILE.sql
 * </pre>
 *
 * The liteshift jar brings the SQLite driver (sqlite-jdbc) and the statement splitter used here.
 */
public final class Sql {

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: java -cp liteshift.jar Sql.java DATABASE FILE.sql");
            System.exit(2);
        }
        Path db = Path.of(args[0]);
        if (!Files.exists(db)) {
            System.err.println("Sql.java: " + db + " does not exist");
            System.exit(2);
        }
        List<Statement> statements = Scripts.split(Files.readString(Path.of(args[1])));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            try (var s = c.createStatement()) {
                s.execute("PRAGMA foreign_keys = ON");
            }
            c.setAutoCommit(false);
            for (Statement st : statements) run(c, st);
            c.commit();
        } catch (SQLException e) {
            System.err.println("Sql.java: " + args[1] + ": " + e.getMessage());
            System.exit(1);
        }
    }

    private static void run(Connection c, Statement st) throws SQLException {
        try (var s = c.createStatement()) {
            if (s.execute(st.sql())) {
                try (ResultSet rs = s.getResultSet()) {
                    print(rs);
                }
            }
        }
    }

    /** Prints a result as a small aligned table. */
    private static void print(ResultSet rs) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        int n = md.getColumnCount();
        List<String[]> rows = new ArrayList<>();
        String[] header = new String[n];
        for (int i = 0; i < n; i++) header[i] = md.getColumnLabel(i + 1);
        rows.add(header);
        while (rs.next()) {
            String[] row = new String[n];
            for (int i = 0; i < n; i++) {
                Object v = rs.getObject(i + 1);
                row[i] = v == null ? "NULL" : v.toString();
            }
            rows.add(row);
        }
        int[] width = new int[n];
        for (String[] row : rows) for (int i = 0; i < n; i++) width[i] = Math.max(width[i], row[i].length());
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder("  ");
            for (int i = 0; i < n; i++) line.append(String.format("%-" + width[i] + "s  ", row[i]));
            System.out.println(line.toString().stripTrailing());
        }
        if (rows.size() == 1) System.out.println("  (no rows)");
        System.out.println();
    }
}
