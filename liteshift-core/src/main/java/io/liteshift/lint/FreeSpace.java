package io.liteshift.lint;

import io.liteshift.sqlite.Bytes;
import io.liteshift.sqlite.DiskSpace;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link LintCode#DISK_SPACE}: a migration's rebuilds, which run in its one transaction, need more free space than the
 * volume of the database has: twice their tables' size together ({@link DiskSpace}).
 */
final class FreeSpace implements Rule {

    @Override
    public void check(LintContext context, Issues out) throws SQLException {
        if (context.counts().isEmpty() || context.counts().get().database() == null || context.plan().rebuilds().isEmpty()) return;
        Path file = context.counts().get().database();
        DiskSpace.Volume v = DiskSpace.volumeOf(file);
        List<String> tables = context.plan().rebuilds().stream().map(m -> m.from().name()).toList();
        Map<String, Long> sizes = new LinkedHashMap<>();
        for (String t : tables) sizes.put(t, context.counts().get().stats().bytes(t));
        DiskSpace.Estimate need = DiskSpace.ofTables(sizes);
        if (v == null || v.usable() >= need.needed()) return;
        out.counted(LintIssue.of(LintCode.DISK_SPACE, Severity.ERROR, tables.get(0), "not enough free disk space: the rebuild"
                        + " needs " + need.describe() + " (the copy, and the journal or WAL pages until the commit); the volume of " + file
                        + " (" + v.name() + ") has " + Bytes.exactly(v.usable()) + " free.",
                "free space on that volume (old backups, files beside the database) or grow it (`fly volumes extend`) before migrating."));
    }
}
