package io.liteshift.doctor;

import java.util.Locale;

/** Byte counts as people read them, with the exact number beside. */
final class Sizes {
    private Sizes() {
    }

    static String of(long bytes) {
        if (bytes < 1024) return bytes + " bytes";
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double v = bytes;
        int i = -1;
        while (v >= 1024 && i < units.length - 1) {
            v /= 1024;
            i++;
        }
        return String.format(Locale.ROOT, "%.1f %s (%d bytes)", v, units[i], bytes);
    }
}
