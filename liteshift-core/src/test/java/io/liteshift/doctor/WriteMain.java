package io.liteshift.doctor;

import io.liteshift.LiteShift;
import io.liteshift.LiteShiftException;
import io.liteshift.PushOptions;

import java.nio.file.Path;

/** push and migrate of one database in a child JVM (run as another user): "PUSH message" and "MIGRATE message" lines. */
public final class WriteMain {
    private WriteMain() {
    }

    public static void main(String[] args) {
        try {
            LiteShift.push(args[0], Path.of(args[2]), PushOptions.defaults());
            System.out.println("PUSH applied");
        } catch (LiteShiftException e) {
            System.out.println("PUSH " + e.getMessage());
        }
        try {
            LiteShift.configure().database(args[0]).migrations(args[1]).load().migrate();
            System.out.println("MIGRATE applied");
        } catch (LiteShiftException e) {
            System.out.println("MIGRATE " + e.getMessage());
        }
    }
}
