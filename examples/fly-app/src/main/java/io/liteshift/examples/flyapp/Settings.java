package io.liteshift.examples.flyapp;

import io.liteshift.sqlite.DatabaseUrl;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Everything the application reads from its environment, so that the same jar runs on Fly.io, under LiteFS and on
 * a laptop. Only {@code DATABASE_URL} is required.
 *
 * @param databaseUrl    {@code DATABASE_URL}, e.g. {@code file:/data/sqlite.db}
 * @param port           {@code PORT} (default 8080; 0 picks a free port, which the log line names)
 * @param migrations     {@code MIGRATIONS}: where the migrations are (default {@code classpath:db/migrations}, the
 *                       ones packaged in the jar)
 * @param backups        {@code BACKUP_DIR}: where the backup before a migration goes (default {@code backups} beside
 *                       the database, on the same volume)
 * @param keepBackups    {@code KEEP_BACKUPS}: how many backups to keep (default 5)
 * @param create         {@code CREATE_DATABASE}: {@code auto} (default), {@code true} or {@code false}; see {@link Boot}
 * @param migrateOnBoot  {@code MIGRATE_ON_BOOT}: whether {@code serve} migrates first (default true)
 */
record Settings(String databaseUrl, int port, String migrations, Path backups, int keepBackups, String create,
                boolean migrateOnBoot) {

    static Settings from(Map<String, String> env) {
        String url = env.get("DATABASE_URL");
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("DATABASE_URL is not set. Set it to the database file, e.g."
                    + " DATABASE_URL=file:/data/sqlite.db (on Fly.io: [env] in fly.toml, on the volume's mount).");
        }
        Path db = DatabaseUrl.toPath(url).toAbsolutePath();
        String create = env.getOrDefault("CREATE_DATABASE", "auto").strip().toLowerCase(Locale.ROOT);
        if (!create.equals("auto") && !create.equals("true") && !create.equals("false")) {
            throw new IllegalArgumentException("CREATE_DATABASE=" + create + " is not auto, true or false.");
        }
        return new Settings(url,
                number(env, "PORT", 8080),
                env.getOrDefault("MIGRATIONS", "classpath:db/migrations"),
                Path.of(env.getOrDefault("BACKUP_DIR", db.resolveSibling("backups").toString())),
                number(env, "KEEP_BACKUPS", 5),
                create,
                !"false".equalsIgnoreCase(env.getOrDefault("MIGRATE_ON_BOOT", "true").strip()));
    }

    Path databaseFile() {
        return DatabaseUrl.toPath(databaseUrl).toAbsolutePath();
    }

    private static int number(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) return fallback;
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + "=" + value + " is not a number.");
        }
    }
}
