package io.liteshift;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Test helper: every file under a directory with the SHA-256 of its bytes, so that "nothing was changed" is checked
 * byte for byte, side files ({@code -wal}, {@code -journal}) and files that should never appear included.
 *
 * @param files path relative to the directory -> SHA-256 of its content
 */
public record DirectoryState(Map<String, String> files) {

    public static DirectoryState of(Path dir) {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) out.put(dir.relativize(p).toString(), sha256(Files.readAllBytes(p)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new DirectoryState(out);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
