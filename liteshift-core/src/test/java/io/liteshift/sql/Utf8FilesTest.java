package io.liteshift.sql;

import io.liteshift.LiteShift;
import io.liteshift.LiteShiftException;
import io.liteshift.config.ProjectConfig;
import io.liteshift.inspect.DeclaredSchema;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A file that is not UTF-8 is named with its line and byte offset, never Java's bare "Input length = 1". */
class Utf8FilesTest {
    @TempDir
    Path dir;

    /** "CREATE TABLE t (\n  name TEXT DEFAULT 'Jos" + 0xE9 (Latin-1 é) + "'\n);\n": the bad byte is line 2, offset 41. */
    private static byte[] latin1Schema() {
        return "CREATE TABLE t (\n  name TEXT DEFAULT 'José'\n);\n".getBytes(StandardCharsets.ISO_8859_1);
    }

    private static LiteShiftException invalid(ThrowableAssert.ThrowingCallable call) {
        LiteShiftException e = catchThrowableOfType(LiteShiftException.class, call);
        assertThat(e).isNotNull();
        assertThat(e.reason()).isEqualTo(LiteShiftException.Reason.INVALID_INPUT);
        assertThat(e.getMessage()).doesNotContain("Input length");
        return e;
    }

    @Test
    void theBadByteIsNamedByFileLineAndOffset() {
        LiteShiftException e = invalid(() -> Utf8Files.decode(latin1Schema(), "schema.sql"));
        assertThat(e.getMessage()).startsWith("schema.sql:2: not valid UTF-8 at byte offset 41 (byte 25 of the line: 0xE9")
                .endsWith("nothing was changed.");
    }

    @Test
    void aSequenceCutOffAtTheEndAndAStrayContinuationByteAreFound() {
        byte[] cut = {'a', '\n', 'b', (byte) 0xC3};
        assertThat(invalid(() -> Utf8Files.decode(cut, "f.sql")).getMessage()).startsWith("f.sql:2: not valid UTF-8 at byte offset 3");
        byte[] stray = {'a', (byte) 0x80};
        assertThat(invalid(() -> Utf8Files.decode(stray, "f.sql")).getMessage()).startsWith("f.sql:1: not valid UTF-8 at byte offset 1");
    }

    @Test
    void validTextIsReadAsFilesReadsItByteOrderMarkIncluded() throws Exception {
        Path file = dir.resolve("ok.sql");
        Files.write(file, ("\uFEFFCREATE TABLE \"名前\" (é TEXT);\r\n").getBytes(StandardCharsets.UTF_8));
        assertThat(Utf8Files.read(file, "ok.sql")).isEqualTo(Files.readString(file));
    }

    @Test
    void aSchemaFileAMigrationASnapshotAndTheConfigFileSayWhichFileAndLine() throws Exception {
        Path schema = Files.write(dir.resolve("schema.sql"), latin1Schema());
        assertThat(invalid(() -> DeclaredSchema.load(schema)).getMessage()).startsWith(schema + ":2: not valid UTF-8 at byte offset 41");

        Path migrations = Files.createDirectory(dir.resolve("migrations"));
        Files.write(migrations.resolve("0001_init.sql"), latin1Schema());
        LiteShift ls = LiteShift.configure().database(dir.resolve("app.db").toString()).migrations(migrations).createMissing(true).load();
        assertThat(invalid(ls::hash).getMessage()).startsWith(migrations + "/0001_init.sql:2: not valid UTF-8 at byte offset 41");
        assertThat(dir.resolve("app.db")).doesNotExist();

        Path config = Files.write(dir.resolve("liteshift.toml"), "schema = \"sch\u00e9ma.sql\"\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(invalid(() -> ProjectConfig.load(config, dir, Map.of())).getMessage())
                .startsWith(config + ":1: not valid UTF-8 at byte offset 13");
    }
}
