package io.liteshift.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the command line as a real process, on this test's class path: for what a JVM cannot change in itself (its
 * environment, its working directory, against which SQLite resolves relative paths).
 */
final class ChildJvm {
    private ChildJvm() {
    }

    /**
     * Runs {@code Main} in {@code workingDir} with DATABASE_URL set to {@code databaseUrl}, or unset when null; its
     * output is kept in {@code outputDir} (out.txt, err.txt).
     */
    static Cli.Result run(Path workingDir, Path outputDir, String databaseUrl, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        Path out = outputDir.resolve("out.txt");
        Path err = outputDir.resolve("err.txt");
        ProcessBuilder pb = new ProcessBuilder(command).directory(workingDir.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        pb.environment().remove("DATABASE_URL");
        if (databaseUrl != null) pb.environment().put("DATABASE_URL", databaseUrl);
        Process p = pb.start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("liteshift did not finish within 60 s");
        }
        return new Cli.Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }
}
