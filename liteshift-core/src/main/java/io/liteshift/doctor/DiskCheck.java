package io.liteshift.doctor;

import io.liteshift.sqlite.Bytes;
import io.liteshift.sqlite.DiskSpace;

import java.nio.file.Path;
import java.util.List;

/**
 * Free space against what the next rebuild needs. A rebuild writes a full copy of the table (and its indexes) before
 * the old one is dropped, and in WAL mode the same pages go through the -wal file first; so a rebuild needs about
 * twice the table's size free until the checkpoint ({@link DiskSpace}).
 */
final class DiskCheck {
    private DiskCheck() {
    }

    static void check(Path db, long usable, DiskSpace.Estimate e, boolean pending, List<Diagnosis> out) {
        long needed = e.needed();
        if (usable >= needed) return;
        String found = "the volume of " + db + " has " + Bytes.exactly(usable) + " usable; a rebuild needs about " + Bytes.exactly(needed)
                + ", twice " + e.basis() + " (" + Bytes.exactly(e.bytes()) + ").";
        String cause = "A rebuild copies the table before dropping the old one (and in WAL mode writes it to the -wal file"
                + " first); running out of space fails it with \"database or disk is full\" (SQLITE_FULL). liteshift rolls it"
                + " back, but the application's own writes fail too while the disk is full.";
        String fix = "Extend the volume (`fly volumes extend`), or free space: delete old backups, or VACUUM the database into"
                + " a file on another volume and swap it in during a maintenance window.";
        out.add(pending ? Diagnosis.error("LOW_DISK", found, cause, fix) : Diagnosis.warning("LOW_DISK", found, cause, fix));
    }
}
