package io.liteshift.report;

import io.liteshift.Owner;
import io.liteshift.backup.BackupInfo;
import io.liteshift.backup.BackupLeftover;
import io.liteshift.backup.RestoreResult;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code --json} bodies of {@code backup}, {@code backups} and {@code restore}. */
public final class JsonBackups {
    private JsonBackups() {
    }

    /** One backup as its manifest describes it. */
    public static Map<String, Object> backup(BackupInfo b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", b.file().toString());
        m.put("manifest", b.manifest().toString());
        m.put("database", b.database());
        m.put("taken", b.taken() == null ? null : b.taken().toString());
        m.put("version", b.version());
        m.put("size", b.size());
        m.put("sha256", b.sha256());
        m.put("source", b.source());
        return m;
    }

    public static Map<String, Object> taken(String database, BackupInfo b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("database", database);
        m.put("backup", backup(b));
        return m;
    }

    /** {@code backups}: those of {@code database} (null: of every database) in {@code directory}, oldest first. */
    public static Map<String, Object> listed(Path directory, String database, List<BackupInfo> all, List<BackupLeftover> partial) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("directory", directory.toString());
        m.put("database", database);
        m.put("backups", all.stream().map(JsonBackups::backup).toList());
        m.put("partial", partial.stream().map(l -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("file", l.file().toString());
            x.put("database", l.database());
            x.put("started", l.started().toString());
            x.put("size", l.size());
            x.put("leftOver", l.leftOver());
            x.put("owner", Owner.describe(l.owner(), l.leftOver()));
            return x;
        }).toList());
        return m;
    }

    /** {@code restore} without {@code --yes}: the verified backup and what a restore would do. */
    public static Map<String, Object> wouldRestore(Path database, BackupInfo b, boolean replaces) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("database", database.toString());
        m.put("dryRun", true);
        m.put("replaces", replaces);
        m.put("backup", backup(b));
        return m;
    }

    public static Map<String, Object> restored(RestoreResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("database", r.target().toString());
        m.put("dryRun", false);
        m.put("replaced", r.replaced() == null ? null : r.replaced().toString());
        m.put("movedAside", r.movedAside().stream().map(Path::toString).toList());
        m.put("backup", backup(r.backup()));
        return m;
    }
}
