package io.liteshift;

import io.liteshift.dsl.SchemaClasses;
import io.liteshift.hints.RenameRecords;
import io.liteshift.sqlite.DatabaseUrl;
import io.liteshift.sqlite.Databases;
import io.liteshift.inspect.DeclaredSchema;
import io.liteshift.inspect.Inspector;
import io.liteshift.hints.RenameHints;
import io.liteshift.schema.Schema;
import io.liteshift.migrate.MigrationDirectory;
import io.liteshift.migrate.MigrationEffect;
import io.liteshift.migrate.MigrationEffects;
import io.liteshift.sql.SqliteErrors;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;

/**
 * One side of a comparison: a live database file, a declared schema (a .sql file or a directory of them, or a
 * class that declares it in Java), or the schema a migrations directory produces.
 */
public sealed interface SchemaSource {

    /** Reads the schema (and, for a declared schema, its rename hints). */
    Loaded load();

    /** What this side is, for messages: a path, or a class name. */
    String label();

    /** The schema a class declares in Java (see {@link io.liteshift.dsl.SchemaDefinition}), found through {@code loader}. */
    static SchemaSource javaClass(String className, ClassLoader loader) {
        return new JavaClass(className, loader);
    }

    /** The hints this side has not been through yet (a database remembers the swaps it was pushed). */
    default RenameHints notYetApplied(RenameHints hints) {
        return hints;
    }

    /** A loaded schema with the rename hints that came with it. */
    record Loaded(Schema schema, RenameHints hints) {
    }

    /**
     * {@code spec} is a database (path, {@code file:} or {@code jdbc:sqlite:} URL), a migrations directory (one with
     * the integrity file {@code liteshift.sum}), or a .sql file or a directory of them.
     */
    static SchemaSource parse(String spec) {
        if (DatabaseUrl.looksLikeDatabase(spec)) return new Database(DatabaseUrl.toPath(spec));
        Path path = Path.of(spec);
        return Files.isDirectory(path) && MigrationDirectory.holdsMigrations(path) ? new Migrations(path) : new Declared(path);
    }

    /** Whether the file or directory this side names is there (a class is looked up when it is loaded). */
    default boolean exists() {
        return true;
    }

    record Database(Path file) implements SchemaSource {
        @Override
        public String label() {
            return file.toString();
        }

        @Override
        public boolean exists() {
            return Files.isRegularFile(file);
        }

        @Override
        public RenameHints notYetApplied(RenameHints hints) {
            try (Connection c = Databases.open(file, false, true)) {
                return RenameRecords.withoutApplied(c, hints);
            } catch (SQLException e) {
                throw new LiteShiftException(LiteShiftException.Reason.FAILED, "cannot read " + file + ": " + SqliteErrors.message(e), e);
            }
        }

        public Loaded load() {
            try (Connection c = Databases.open(file, false, true)) {
                return new Loaded(Inspector.inspect(c), RenameHints.NONE);
            } catch (SQLException e) {
                throw new LiteShiftException(LiteShiftException.Reason.FAILED,
                        "cannot inspect " + file + ": " + SqliteErrors.message(e), e);
            }
        }
    }

    record Declared(Path path) implements SchemaSource {
        public Loaded load() {
            DeclaredSchema d = DeclaredSchema.load(path);
            return new Loaded(d.schema(), d.hints());
        }

        @Override
        public String label() {
            return path.toString();
        }

        @Override
        public boolean exists() {
            return Files.exists(path);
        }
    }

    /**
     * The schema a migrations directory produces: every migration replayed in order on an empty in-memory database,
     * as {@code generate} starts from. Its renames are in the migrations already, so it brings no hints.
     */
    record Migrations(Path dir) implements SchemaSource {
        public Loaded load() {
            List<MigrationEffect> effects = MigrationEffects.of(MigrationDirectory.of(dir), MigrationDirectory.of(dir).migrations());
            if (effects.isEmpty()) return new Loaded(Schema.EMPTY, RenameHints.NONE);
            MigrationEffect last = effects.get(effects.size() - 1);
            if (last.failure().isPresent()) {
                throw new LiteShiftException(LiteShiftException.Reason.INVALID_INPUT, "the migrations in " + dir + " do not replay: "
                        + last.migration().fileName() + " fails with " + last.failure().get() + ". Fix that migration; nothing was written.");
            }
            return new Loaded(last.after(), RenameHints.NONE);
        }

        @Override
        public String label() {
            return dir.toString();
        }

        @Override
        public boolean exists() {
            return Files.isDirectory(dir);
        }
    }

    /** A schema declared in Java: the class is loaded, its schema rendered to DDL and inspected like a schema file. */
    record JavaClass(String className, ClassLoader loader) implements SchemaSource {
        public JavaClass {
            Objects.requireNonNull(className, "className");
            Objects.requireNonNull(loader, "loader");
        }

        public Loaded load() {
            DeclaredSchema d = SchemaClasses.declared(className, loader);
            return new Loaded(d.schema(), d.hints());
        }

        @Override
        public String label() {
            return className;
        }
    }
}
