package io.liteshift.doctor;

import java.nio.file.Path;
import java.util.Map;

/** {@code doctor} for one file in a child JVM (run as another user): one "SEVERITY CODE" line per finding. */
public final class DoctorMain {
    private DoctorMain() {
    }

    public static void main(String[] args) {
        DoctorReport r = Doctor.of(Path.of(args[0])).environment(Map.of()).examine();
        for (Diagnosis f : r.findings()) System.out.println(f.severity() + " " + f.code() + " " + f.found().replace('\n', ' '));
        System.exit(r.hasErrors() ? 6 : 0);
    }
}
