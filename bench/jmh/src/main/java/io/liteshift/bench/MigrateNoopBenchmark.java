package io.liteshift.bench;

import io.liteshift.migrate.MigrateResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * A no-op {@code migrate} on a database with 500 applied migrations, in-process: configure, open the file, read
 * the journal, read and check all 500 files and the integrity file, find nothing to do. Target: under 20 ms.
 * Flyway's no-op migrate of the same history through its Java API is measured alongside, for comparison.
 * Both log at WARN only (INFO lines per call would measure the console).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn")
public class MigrateNoopBenchmark {

    @Param({"500"})
    public int migrations;

    private MigrateFixture fixture;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        fixture = new MigrateFixture(migrations);
        fixture.applyAll();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        fixture.close();
    }

    @Benchmark
    public MigrateResult liteshift() {
        return fixture.liteshiftNoop();
    }

    @Benchmark
    public int flyway() {
        return fixture.flywayNoop();
    }
}
