package io.liteshift.bench;

import io.liteshift.plan.Plan;
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

/** Diffing two 1,000-table schemas in-process, from inspection to plan. Target: under one second. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DiffBenchmark {

    @Param({"1000"})
    public int tables;

    private DiffFixture fixture;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        fixture = new DiffFixture(tables);
        Plan plan = fixture.databaseToDeclared();
        if (plan.isEmpty()) throw new IllegalStateException("the two schemas should differ");
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        fixture.close();
    }

    @Benchmark
    public Plan databaseToDatabase() {
        return fixture.databaseToDatabase();
    }

    @Benchmark
    public Plan databaseToDeclared() {
        return fixture.databaseToDeclared();
    }

    @Benchmark
    public Plan declaredToDeclared() {
        return fixture.declaredToDeclared();
    }

    @Benchmark
    public Plan diffAndPlanOnly() {
        return fixture.diffAndPlanOnly();
    }
}
