package io.liteshift;

import io.liteshift.sqlite.Databases;
import io.liteshift.sqlite.DiskSpace;
import io.liteshift.sqlite.LiteFs;
import io.liteshift.doctor.Doctor;
import io.liteshift.sql.SqliteErrors;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Supplier;

/** How the commands that write a database file fail: what they leave behind, and how a refused write is explained. */
final class Writes {
    private Writes() {
    }

    /**
     * Work that writes {@code file}: when it fails, a hot journal it left is rolled back (the file is its last committed
     * state again, readable read-only), and a refused write is explained: by LiteFS's contract when the file is in a
     * LiteFS mount, else by doctor's write-access checks (owner, mode, directory, read-only mount) with their fix.
     */
    static <T> T written(Optional<Path> file, Supplier<T> work) {
        try {
            return work.get();
        } catch (LiteShiftException e) {
            if (file.isEmpty()) throw e;
            // only a write that failed half way can leave a journal behind; another process's journal is not ours to touch
            if (DiskSpace.isFull(e) || LiteFs.isRefusedWrite(e)) Databases.recoverHotJournal(file.get(), e);
            if (e instanceof Interrupted || !LiteFs.isRefusedWrite(e)) throw e;
            Optional<String> why = LiteFs.explainRefusedWrite(file.get(), e);
            if (why.isEmpty() && SqliteErrors.message(rootSql(e)).contains("readonly")) {
                why = Doctor.explainRefusedWrite(file.get());
            }
            if (why.isEmpty()) throw e;
            throw new LiteShiftException(e.reason(), e.text() + "\n" + why.get(), e);
        }
    }

    /**
     * A backup into {@code dir}: when the file system refuses the write, doctor's write-access checks say why the
     * directory cannot be written, with their fix (backup, below doctor, cannot ask it).
     */
    static <T> T backedUp(Path dir, Supplier<T> work) {
        try {
            return work.get();
        } catch (LiteShiftException e) {
            if (e instanceof Interrupted || !Doctor.refusedWrite(e)) throw e;
            Optional<String> why = Doctor.explainUnwritableDirectory(dir);
            if (why.isEmpty()) throw e;
            String text = e.text().endsWith("Nothing was changed.") ? e.text() : e.text() + ". Nothing was changed.";
            throw new LiteShiftException(e.reason(), text + "\n" + why.get(), e);
        }
    }

    /** A restore over {@code database}: a refused write is explained as {@link #backedUp} explains it, for the file. */
    static <T> T restored(Path database, Supplier<T> work) {
        try {
            return work.get();
        } catch (LiteShiftException e) {
            if (e instanceof Interrupted || !Doctor.refusedWrite(e)) throw e;
            Optional<String> why = Doctor.explainRefusedWrite(database);
            if (why.isEmpty()) throw e;
            throw new LiteShiftException(e.reason(), e.text() + "\n" + why.get(), e);
        }
    }

    /** The SQLite error under a failure (its message is the one to read), or the failure itself. */
    static SQLException rootSql(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) if (c instanceof SQLException e) return e;
        return new SQLException(t.getMessage());
    }
}
