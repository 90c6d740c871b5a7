package io.liteshift.spring.boot;

import io.liteshift.FrontEndImports;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

/** The Spring Boot starter uses only the facade, the reports, the settings and the records they return: it decides nothing itself. */
class FacadeOnlyTest {
    @Test
    void usesOnlyTheFacade() {
        FrontEndImports.assertOnlyTheFacade(Path.of("src/main/java"));
    }
}
