package io.liteshift.backup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;

/** fsync and hashing: the small file-system steps that make a rename mean "complete and on disk". */
final class FileOps {
    private FileOps() {
    }

    static void fsync(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }

    /** Makes a rename in {@code dir} durable (Linux allows fsync on a directory opened for reading). */
    static void fsyncDir(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // some file systems refuse fsync on directories; the rename is still atomic, just not yet durable
        }
    }

    static String sha256(Path file) throws IOException {
        return sha256(file, new AtomicLong());
    }

    /** The file's SHA-256; {@code read} counts the bytes hashed so far, for progress reports. */
    static String sha256(Path file, AtomicLong read) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] buf = new byte[1 << 20];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
                read.addAndGet(n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /** {@code app.db} → {@code app}: the prefix of its backups' names. */
    static String baseName(Path db) {
        String n = db.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }
}
