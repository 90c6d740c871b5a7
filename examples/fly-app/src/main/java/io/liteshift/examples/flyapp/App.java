package io.liteshift.examples.flyapp;

import io.liteshift.LiteShiftException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;

/**
 * The notes application. {@code java -jar fly-app.jar [serve|migrate]}:
 * <ul>
 *   <li>{@code serve} (the default) migrates the database (unless {@code MIGRATE_ON_BOOT=false}), then serves HTTP
 *       until it is stopped (SIGTERM or SIGINT);</li>
 *   <li>{@code migrate} only migrates, for an entrypoint script or a LiteFS {@code exec} step.</li>
 * </ul>
 * Settings come from the environment ({@link Settings}). A migration that liteshift refuses or that fails exits
 * with status 1 and liteshift's message (which names the file, the statement, the cause and the fix); the
 * database is then as it was, and the machine does not start serving with a schema the code does not expect.
 */
public final class App {
    private static final Logger LOG = LoggerFactory.getLogger(App.class);

    private App() {
    }

    public static void main(String[] args) throws Exception {
        String command = args.length == 0 ? "serve" : args[0];
        if (!command.equals("serve") && !command.equals("migrate") || args.length > 1) {
            System.err.println("usage: java -jar fly-app.jar [serve|migrate]");
            System.exit(2);
        }
        Settings settings;
        try {
            settings = Settings.from(System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("cannot start: " + e.getMessage());
            System.exit(2);
            return;
        }
        try {
            if (command.equals("migrate") || settings.migrateOnBoot()) Boot.migrate(settings);
        } catch (LiteShiftException | IllegalStateException e) {
            System.err.println("cannot migrate: " + e.getMessage());
            System.exit(1);
            return;
        }
        if (command.equals("serve")) serve(settings);
    }

    private static void serve(Settings settings) throws Exception {
        if (!Files.exists(settings.databaseFile())) {
            // without this, the first query would create an empty file, and every request would fail "no such table"
            System.err.println("cannot serve: the database " + settings.databaseFile() + " does not exist. Migrate first"
                    + " (java -jar fly-app.jar migrate), or let serve migrate (MIGRATE_ON_BOOT=true), or fix DATABASE_URL.");
            System.exit(1);
        }
        Notes notes = new Notes(settings.databaseFile());
        NotesHttp http = new NotesHttp(notes, settings.port());
        // on SIGTERM (a deploy, fly machine stop): finish the requests in flight, then exit
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("stopping");
            http.stop();
        }));
        int port = http.start(); // the server's dispatcher thread keeps the JVM running
        LOG.info("serving {} on port {}", settings.databaseFile(), port);
    }
}
