package io.liteshift.sqlite;

import java.util.Locale;

/**
 * Sizes as every message, report and page writes them: binary units with one decimal ("3.1 MiB"), the same in every
 * locale, so that a line pasted from a German laptop reads like one from a server and tests can match it.
 */
public final class Bytes {
    private static final String[] UNITS = {"KiB", "MiB", "GiB", "TiB"};

    private Bytes() {
    }

    /** "812 bytes", "3.1 MiB", "-1.5 KiB" (a negative size is a change). */
    public static String of(long bytes) {
        if (Math.abs(bytes) < 1024) return bytes + " bytes";
        double v = bytes;
        int i = -1;
        while (Math.abs(v) >= 1024 && i < UNITS.length - 1) {
            v /= 1024;
            i++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, UNITS[i]);
    }

    /**
     * "3.1 MiB (3248128 bytes)": with the exact count beside, where it is compared with what {@code df} or
     * {@code ls -l} says (free disk space, a file's size); "812 bytes" while small.
     */
    public static String exactly(long bytes) {
        String rounded = of(bytes);
        return Math.abs(bytes) < 1024 ? rounded : rounded + " (" + bytes + " bytes)";
    }
}
