package io.liteshift;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a front end (the command line, the Maven plugin, the Spring Boot starter) may use of liteshift: the facade's
 * package, the shared reports and settings, and the records the facade's methods take and return. Everything else
 * is behind the facade, so a front end only parses its arguments and prints; a decision it made on its own would
 * be one the other front ends and the Java API do not make. Each front end's test calls {@link #assertOnlyTheFacade}.
 */
public final class FrontEndImports {
    /** Whole packages: the facade's own ({@code LiteShift}, {@code Configuration}, options, results), the reports, the settings. */
    public static final Set<String> PACKAGES = Set.of("io.liteshift", "io.liteshift.report", "io.liteshift.config");

    /**
     * The records and values that the facade's methods return or take, which a front end reads or passes on: each is
     * reachable from {@code LiteShift}'s public methods (checked by {@code FrontEndImportsTest}).
     */
    public static final Set<String> VALUES = Set.of(
            "io.liteshift.migrate.MigrateResult", "io.liteshift.migrate.AppliedMigration", "io.liteshift.migrate.Migration",
            "io.liteshift.migrate.StatusReport", "io.liteshift.migrate.History", "io.liteshift.migrate.Problem",
            "io.liteshift.migrate.Verification", "io.liteshift.migrate.GenerateResult",
            "io.liteshift.plan.Plan", "io.liteshift.schema.Schema",
            "io.liteshift.lint.LintReport", "io.liteshift.lint.LintIssue",
            "io.liteshift.backup.BackupInfo", "io.liteshift.backup.BackupLeftover", "io.liteshift.backup.RestoreResult",
            "io.liteshift.backup.BackupCheck",
            "io.liteshift.rehearse.RehearsalReport",
            "io.liteshift.doctor.DoctorReport", "io.liteshift.doctor.Diagnosis",
            "io.liteshift.seed.SeedResult", "io.liteshift.seed.Seeder",
            "io.liteshift.migrate.OnlineOutcome", "io.liteshift.online.OnlineResult", "io.liteshift.online.Progress");

    private FrontEndImports() {
    }

    /**
     * Fails, naming each file and line, when the main sources under {@code sourceRoot} use a liteshift type outside
     * {@link #PACKAGES} and {@link #VALUES} (their own packages aside).
     */
    public static void assertOnlyTheFacade(Path sourceRoot) {
        List<String> own = SourceReferences.packages(sourceRoot);
        List<String> outside = outside(SourceReferences.scan(sourceRoot), own);
        assertThat(outside).as("a front end uses only the facade (" + String.join(", ", PACKAGES.stream().sorted().toList())
                + " and the records its methods return); move the decision behind io.liteshift.LiteShift:\n"
                + String.join("\n", outside)).isEmpty();
    }

    /** The references that reach past the facade, as {@code file:line (type)}. */
    static List<String> outside(List<SourceReferences.Reference> references, List<String> ownPackages) {
        return references.stream()
                .filter(r -> !ownPackages.contains(r.toPackage()) && !PACKAGES.contains(r.toPackage()) && !VALUES.contains(r.to()))
                .map(SourceReferences.Reference::where).toList();
    }
}
