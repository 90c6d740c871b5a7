package io.liteshift.spring.boot;

import io.liteshift.Configuration;
import io.liteshift.LiteShiftException;

import javax.sql.DataSource;
import java.lang.reflect.Method;
import java.util.Locale;
import java.util.Optional;

/**
 * What liteshift migrates: the database file, whenever its name can be learnt without connecting, else the
 * application's DataSource.
 *
 * <p>The file is preferred because a backup before migrating, LiteFS replica detection and {@code rehearse} work on
 * the file, and because asking a pool for a connection would create a missing file before {@code create-missing}
 * could refuse it. liteshift then opens the file itself, one connection at a time, with the lock timeout as its busy
 * timeout. The DataSource remains for what has no file (an in-memory database, a DataSource that does not say its URL).
 */
sealed interface DatabaseTarget {

    /** How startup messages name the database. */
    String label();

    void applyTo(Configuration configuration);

    record File(String url) implements DatabaseTarget {
        public String label() {
            return url;
        }

        public void applyTo(Configuration configuration) {
            configuration.database(url);
        }
    }

    record Pool(DataSource dataSource) implements DatabaseTarget {
        public String label() {
            return "the application's DataSource";
        }

        public void applyTo(Configuration configuration) {
            configuration.dataSource(dataSource);
        }
    }

    /** {@code spring.liteshift.url} when set, else the DataSource: by its file when its JDBC URL names one. */
    static DatabaseTarget of(String url, DataSource dataSource) {
        if (url != null && !url.isBlank()) return new File(fileUrl(url, "spring.liteshift.url").orElseThrow(() ->
                new LiteShiftException(LiteShiftException.Reason.INVALID_INPUT, "spring.liteshift.url=" + url + " is an in-memory"
                        + " database; liteshift migrates database files. Set it to the file (jdbc:sqlite:/data/app.db), or"
                        + " remove it to migrate the application's DataSource. Nothing was changed.")));
        if (dataSource == null) {
            throw new LiteShiftException(LiteShiftException.Reason.INVALID_INPUT, "there is no DataSource to migrate (or several, none of them @Primary): set"
                    + " spring.datasource.url (or spring.liteshift.url) to the SQLite file, e.g. jdbc:sqlite:/data/app.db,"
                    + " or turn liteshift off with spring.liteshift.enabled=false. Nothing was changed.");
        }
        Optional<String> jdbcUrl = jdbcUrlOf(dataSource);
        if (jdbcUrl.isEmpty()) return new Pool(dataSource);
        return fileUrl(jdbcUrl.get(), "the DataSource's URL").<DatabaseTarget>map(File::new).orElseGet(() -> new Pool(dataSource));
    }

    /**
     * The URL of a file database, without its query parameters (the driver's settings, which liteshift's own
     * connections do not need); empty for an in-memory one. A URL of another database is refused.
     */
    private static Optional<String> fileUrl(String url, String where) {
        String u = url.strip();
        String lower = u.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("jdbc:sqlite:")) {
            if (lower.startsWith("jdbc:")) {
                throw new LiteShiftException(LiteShiftException.Reason.INVALID_INPUT, where + " " + u + " is not a SQLite"
                        + " database; liteshift migrates SQLite files (the xerial driver, jdbc:sqlite:/data/app.db). Point"
                        + " spring.liteshift.url at the SQLite file, or set spring.liteshift.enabled=false. Nothing was changed.");
            }
            return Optional.of(u); // a path, or a file: or sqlite: URL
        }
        String rest = u.substring("jdbc:sqlite:".length());
        int query = rest.indexOf('?');
        String name = query >= 0 ? rest.substring(0, query) : rest;
        String params = query >= 0 ? rest.substring(query + 1).toLowerCase(Locale.ROOT) : "";
        boolean inMemory = name.isEmpty() || name.equals(":memory:") || name.startsWith(":resource:")
                || name.startsWith("file::memory:") || params.contains("mode=memory");
        return inMemory ? Optional.empty() : Optional.of("jdbc:sqlite:" + name);
    }

    /**
     * The JDBC URL a pool or driver DataSource was configured with (HikariCP's {@code getJdbcUrl}, the xerial
     * SQLiteDataSource's, Tomcat's, DBCP's and Spring's {@code getUrl}), read without connecting; empty when it has none.
     */
    private static Optional<String> jdbcUrlOf(DataSource dataSource) {
        for (String getter : new String[]{"getJdbcUrl", "getUrl"}) {
            try {
                Method m = dataSource.getClass().getMethod(getter);
                if (m.getReturnType() == String.class && m.invoke(dataSource) instanceof String s && !s.isBlank()) return Optional.of(s);
            } catch (ReflectiveOperationException | RuntimeException e) {
                // not this kind of DataSource
            }
        }
        return Optional.empty();
    }
}
