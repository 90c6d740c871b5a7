package io.liteshift.cli;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Random;

/**
 * The application, as its own process, while an online rebuild runs: {@code AppWriter DB LOG CONTROL_DIR SEED FIRST_ID
 * ROWS}. It writes {@code items} (id, owner, name, qty) and {@code notes} (a child with ON DELETE CASCADE) as fast
 * as it can, each write its own BEGIN IMMEDIATE ... COMMIT with a 5 s busy timeout and foreign keys on, as an
 * application would: 40 % inserts (ids from FIRST_ID up), 40 % updates of a random row among 1..ROWS and its own,
 * 20 % deletes. After each COMMIT it appends the write to LOG ({@code op id qty}), and a failed write as
 * {@code failed op id message}, so a write it logged is one SQLite committed. It pauses while CONTROL_DIR/pause
 * exists (writing CONTROL_DIR/paused once it stands still, so that a test can read a settled database against the
 * log) and exits when CONTROL_DIR/stop appears (or after five minutes, so it never outlives a test run).
 */
public final class AppWriter {
    private AppWriter() {
    }

    public static void main(String[] args) throws Exception {
        Path db = Path.of(args[0]);
        Path log = Path.of(args[1]);
        Path control = Path.of(args[2]);
        Random random = new Random(Long.parseLong(args[3]));
        long nextId = Long.parseLong(args[4]);
        int rows = Integer.parseInt(args[5]);
        long giveUp = System.nanoTime() + 300_000_000_000L;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             BufferedWriter out = Files.newBufferedWriter(log, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
             Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout = 5000");
            s.execute("PRAGMA foreign_keys = ON");
            System.out.println("READY");
            System.out.flush();
            while (!Files.exists(control.resolve("stop")) && System.nanoTime() < giveUp) {
                if (Files.exists(control.resolve("pause"))) {
                    out.flush();
                    Files.writeString(control.resolve("paused"), "");
                    io.liteshift.Await.until("the test to resume the writer", java.time.Duration.ofMinutes(5),
                            () -> !Files.exists(control.resolve("pause")) || Files.exists(control.resolve("stop")));
                    continue;
                }
                Files.deleteIfExists(control.resolve("paused"));
                double r = random.nextDouble();
                long id;
                String op;
                long qty = random.nextInt(1_000_000);
                if (r < 0.4) {
                    op = "insert";
                    id = nextId++;
                } else {
                    op = r < 0.8 ? "update" : "delete";
                    id = random.nextInt(4) == 0 && nextId > Long.parseLong(args[4]) ? Long.parseLong(args[4]) + random.nextInt((int) (nextId - Long.parseLong(args[4])))
                            : 1 + random.nextInt(rows);
                }
                try {
                    write(c, op, id, qty);
                    out.write(op + " " + id + " " + qty + "\n");
                } catch (SQLException e) {
                    out.write("failed " + op + " " + id + " " + e.getMessage().replace('\n', ' ') + "\n");
                }
                out.flush();
            }
        }
    }

    private static void write(Connection c, String op, long id, long qty) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            try {
                String sql = switch (op) {
                    case "insert" -> "INSERT INTO items (id, owner, name, qty) VALUES (?1, ?1 % 97, 'item ' || ?1, ?2)";
                    case "update" -> "UPDATE items SET qty = ?2, name = 'item ' || ?1 || ' v' || ?2 WHERE id = ?1";
                    default -> "DELETE FROM items WHERE id = ?1 AND ?2 = ?2";
                };
                try (PreparedStatement p = c.prepareStatement(sql)) {
                    p.setLong(1, id);
                    p.setLong(2, qty);
                    p.executeUpdate();
                }
                if (op.equals("insert") && id % 3 == 0) {
                    try (PreparedStatement p = c.prepareStatement("INSERT INTO notes (item_id, body) VALUES (?, 'note')")) {
                        p.setLong(1, id);
                        p.executeUpdate();
                    }
                }
                s.execute("COMMIT");
            } catch (SQLException e) {
                try {
                    s.execute("ROLLBACK");
                } catch (SQLException ignored) {
                    // no transaction left to roll back: the failure ended it
                }
                throw e;
            }
        }
    }
}
