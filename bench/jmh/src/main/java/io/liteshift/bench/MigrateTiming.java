package io.liteshift.bench;

/**
 * The no-op migrate benchmark as a plain timing, for a quick figure without JMH. In one fresh JVM: both tools
 * apply all N migrations from scratch (the first call of each: class loading, the native library, the
 * interpreter), then the first no-op call of each, then {@code reps} warm no-op calls of each, alternating.
 * Logging is at WARN, as in the JMH benchmark.
 *
 * <p>Usage: {@code java -cp benchmarks.jar io.liteshift.bench.MigrateTiming [migrations=500] [reps=20]}, from the
 * repository (it runs bench/migrate/run.py --prepare to get the migrations).
 */
public final class MigrateTiming {
    private MigrateTiming() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        int migrations = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        try (MigrateFixture f = new MigrateFixture(migrations)) {
            System.out.printf("%d migrations, %d warm repetitions%n", migrations, reps);
            Timings scratchLs = new Timings();
            Timings scratchFw = new Timings();
            scratchLs.time(() -> f.liteshift(f.liteshiftDb));
            scratchFw.time(() -> f.flyway(f.flywayDb));
            f.checkHistories();
            System.out.printf("%-38s liteshift %8.1f ms   flyway %8.1f ms%n", "apply all, first call in this JVM",
                    scratchLs.medianMs(), scratchFw.medianMs());
            Timings firstLs = new Timings();
            Timings firstFw = new Timings();
            firstLs.time(f::liteshiftNoop);
            firstFw.time(f::flywayNoop);
            System.out.printf("%-38s liteshift %8.1f ms   flyway %8.1f ms%n", "first no-op call", firstLs.medianMs(), firstFw.medianMs());
            Timings ls = new Timings();
            Timings fw = new Timings();
            for (int i = 0; i < reps; i++) {
                ls.time(f::liteshiftNoop);
                fw.time(f::flywayNoop);
            }
            System.out.printf("no-op migrate, warm, liteshift: %s%n", ls);
            System.out.printf("no-op migrate, warm, flyway:    %s%n", fw);
            System.out.printf("target: liteshift no-op under 20 ms in-process: %s%n", ls.medianMs() < 20 ? "met" : "NOT met");
        }
    }
}
