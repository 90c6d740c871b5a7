package io.liteshift.bench.flyway;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * {@code flyway migrate -url=URL -locations=LOCATION} through Flyway's Java API, with Flyway's defaults for
 * everything else (validate on migrate, one transaction per migration, history table
 * {@code flyway_schema_history}). Run in a fresh JVM for every timed run, like the command line.
 *
 * <p>Usage: {@code java -cp flyway-migrate.jar:CLASSPATH io.liteshift.bench.flyway.FlywayMigrate
 * jdbc:sqlite:PATH filesystem:DIR}. Prints one line with the number of migrations applied and the time from
 * configuration to result; exits 1 on failure.
 */
public final class FlywayMigrate {
    private FlywayMigrate() {
    }

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: FlywayMigrate jdbc:sqlite:PATH filesystem:DIR");
            System.exit(2);
        }
        long t0 = System.nanoTime();
        MigrateResult result = Flyway.configure()
                .dataSource(args[0], null, null)
                .locations(args[1])
                .load()
                .migrate();
        if (!result.success) {
            System.err.println("flyway migrate failed: " + result.warnings);
            System.exit(1);
        }
        // the same shape as liteshift's own figure, so the benchmark reads both: the time inside the JVM
        System.out.println("flyway: applied " + result.migrationsExecuted + " migrations, schema version "
                + result.targetSchemaVersion + ", in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
    }
}
