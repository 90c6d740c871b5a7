package io.liteshift.report;

import io.liteshift.Fix;

import java.nio.file.Path;

/**
 * What a GitHub annotation or a SARIF result needs beyond the lint report: where the migration files are, seen from
 * the root of the repository (GitHub places an annotation by a path relative to the checkout), which liteshift
 * wrote it, and whose words the fixes are in.
 *
 * @param migrations the migrations directory relative to the repository root, with {@code /} between names ("" when
 *                   it is the root); an absolute path when it lies outside (then no annotation lands in the diff,
 *                   but the log still names the file)
 * @param version    liteshift's version, for the SARIF tool
 * @param frontEnd   how the fixes name commands and settings
 */
public record LintPlace(String migrations, String version, Fix.FrontEnd frontEnd) {
    public LintPlace {
        migrations = migrations.replace('\\', '/');
        while (migrations.endsWith("/")) migrations = migrations.substring(0, migrations.length() - 1);
    }

    /**
     * The migrations directory {@code directory} as seen from {@code root}: relative when it is inside, else
     * absolute.
     */
    public static LintPlace of(Path directory, Path root, String version, Fix.FrontEnd frontEnd) {
        Path dir = directory.toAbsolutePath().normalize();
        Path base = root.toAbsolutePath().normalize();
        String shown = dir.startsWith(base) ? base.relativize(dir).toString() : dir.toString();
        return new LintPlace(shown, version, frontEnd);
    }

    /** The path of a migration file as the repository names it: {@code migrations/0002_email.sql}. */
    String path(String file) {
        return migrations.isEmpty() ? file : migrations + "/" + file;
    }

    /** Whether {@link #path} is relative to the repository root, as a SARIF {@code uriBaseId} needs. */
    boolean relative() {
        return !migrations.startsWith("/") && !(migrations.length() > 1 && migrations.charAt(1) == ':');
    }
}
