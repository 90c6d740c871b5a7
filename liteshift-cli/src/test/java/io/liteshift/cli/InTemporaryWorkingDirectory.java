package io.liteshift.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** Tests that run the CLI in a temporary directory made current through user.dir, which is where the CLI looks. */
abstract class InTemporaryWorkingDirectory {
    @TempDir
    Path dir;
    private String previousUserDir;

    @BeforeEach
    void enterTheTemporaryDirectory() {
        previousUserDir = System.setProperty("user.dir", dir.toString());
    }

    @AfterEach
    void leaveIt() {
        System.setProperty("user.dir", previousUserDir);
    }
}
