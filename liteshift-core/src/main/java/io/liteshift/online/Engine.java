package io.liteshift.online;

import java.nio.file.Path;
import java.util.Optional;

/** Drives one online rebuild through its phases, one transaction per {@link #step()}. */
final class Engine implements AutoCloseable {

    static Engine open(Path file, Target target, OnlineOptions options) {
        throw new UnsupportedOperationException("online rebuild engine: being written");
    }

    static Recovery recoverAlone(Path file, OnlineOptions options) {
        throw new UnsupportedOperationException("online rebuild engine: being written");
    }

    static Optional<String> pending(Path file) {
        throw new UnsupportedOperationException("online rebuild engine: being written");
    }

    OnlineResult run() {
        throw new UnsupportedOperationException("online rebuild engine: being written");
    }

    @Override
    public void close() {
    }
}
