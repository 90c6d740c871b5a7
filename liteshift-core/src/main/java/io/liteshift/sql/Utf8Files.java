package io.liteshift.sql;

import io.liteshift.LiteShiftException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads the text files liteshift takes from the user (schema files, migrations, seeds, liteshift.toml) as UTF-8,
 * strictly: a byte sequence that is not UTF-8 is an error naming the file, the line and the byte offset, never
 * replaced silently and never Java's bare "Input length = 1".
 */
public final class Utf8Files {

    private Utf8Files() {
    }

    /** The text of {@code file}; {@code shownAs} names it in messages (as the user gave it). */
    public static String read(Path file, String shownAs) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new LiteShiftException(LiteShiftException.Reason.INVALID_INPUT, "cannot read " + shownAs + ": " + e.getMessage(), e);
        }
        return decode(bytes, shownAs);
    }

    /** {@code bytes} as UTF-8 text (a byte order mark stays, as {@link Files#readString} keeps it). */
    public static String decode(byte[] bytes, String shownAs) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) throw invalid(bytes, in.position(), shownAs);
        result = decoder.flush(out);
        if (result.isError()) throw invalid(bytes, in.position(), shownAs);
        return out.flip().toString();
    }

    /** The error for the byte at {@code offset}, the first that does not decode. */
    private static LiteShiftException invalid(byte[] bytes, int offset, String shownAs) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        String found = String.format(Locale.ROOT, "0x%02X", bytes[Math.min(offset, bytes.length - 1)] & 0xff);
        return new LiteShiftException(LiteShiftException.Reason.INVALID_INPUT, shownAs + ":" + line + ": not valid UTF-8 at byte"
                + " offset " + offset + " (byte " + (offset - lineStart + 1) + " of the line: " + found + " does not start or"
                + " continue a UTF-8 character). Save the file as UTF-8 (an editor or `iconv -f latin1 -t utf-8` converts"
                + " it); nothing was changed.");
    }
}
