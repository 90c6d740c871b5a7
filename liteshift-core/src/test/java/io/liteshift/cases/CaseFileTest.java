package io.liteshift.cases;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code cases/*.case} file as one test: the database built from {@code @before} is pushed to the
 * {@code @after} schema through the library, then judged (see {@link CaseRunner}). Run a subset with
 * {@code -Dliteshift.cases='2*'} (a glob on the case name).
 */
class CaseFileTest {

    @TempDir
    Path tmp;

    @TestFactory
    Stream<DynamicTest> everyCaseFile() throws IOException, URISyntaxException {
        List<Path> files = caseFiles();
        assertThat(files).as("case files on the test classpath").isNotEmpty();
        // No file URI as test source: surefire then reports (and runs) zero tests.
        return files.stream().map(file -> DynamicTest.dynamicTest(name(file), () -> {
            Path dir = Files.createTempDirectory(tmp, name(file));
            new CaseRunner(CaseFile.read(file), dir).run();
        }));
    }

    private static List<Path> caseFiles() throws IOException, URISyntaxException {
        Path dir = Path.of(CaseFileTest.class.getResource("/cases").toURI());
        PathMatcher only = FileSystems.getDefault().getPathMatcher("glob:" + System.getProperty("liteshift.cases", "*"));
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".case"))
                    .filter(p -> only.matches(Path.of(name(p))))
                    .sorted()
                    .toList();
        }
    }

    private static String name(Path file) {
        return file.getFileName().toString().replaceFirst("\\.case$", "");
    }
}
