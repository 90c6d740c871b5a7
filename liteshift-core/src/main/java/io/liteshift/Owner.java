package io.liteshift;

import java.net.InetAddress;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The process that made a temporary file, written into the file's name ({@code <pid>@<host>}), so that a later run can
 * tell the leftover of a killed process (SIGKILL, out of memory, a machine stopped mid-backup), which it removes, from
 * a file that another process is still writing, which it must leave alone.
 *
 * <p>The rule: a file made on this host is a leftover when its process is no longer running, or when the process that
 * now has that pid started after the file was made (the pid was reused). A file made on another host (another
 * container or machine sharing the volume) cannot be checked that way; it is a leftover once it has not been written
 * for {@link #OTHER_HOST_IDLE}, far longer than any backup spends between writes. A name without an owner (made by an
 * older liteshift) follows the other-host rule.
 */
public record Owner(long pid, String host) {
    /** How long a file of another host must sit unchanged before it counts as left over. */
    public static final Duration OTHER_HOST_IDLE = Duration.ofHours(24);
    private static final Pattern TAG = Pattern.compile("(\\d+)@([A-Za-z0-9._-]+)");
    private static Owner current;

    /** This process: its pid, and the host as {@code FLY_MACHINE_ID}, {@code HOSTNAME} or the system says. */
    public static synchronized Owner current() {
        if (current == null) current = new Owner(ProcessHandle.current().pid(), hostName().replaceAll("[^A-Za-z0-9._-]", "_"));
        return current;
    }

    /** The name of this machine: on Fly.io its machine id, else {@code HOSTNAME}, else what the system says. */
    public static String hostName() {
        String host = System.getenv("FLY_MACHINE_ID");
        if (host == null || host.isBlank()) host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (Exception e) {
                host = "unknown-host";
            }
        }
        return host;
    }

    /** {@code 4242@web-1}: how the owner is written into a name. */
    public String tag() {
        return pid + "@" + host;
    }

    /** The owner a name's tag gives ({@link #tag()}); empty when {@code tag} is none. */
    public static Optional<Owner> parse(String tag) {
        Matcher m = TAG.matcher(tag);
        return m.matches() ? Optional.of(new Owner(Long.parseLong(m.group(1)), m.group(2))) : Optional.empty();
    }

    /** A regular expression that matches a tag, for names that embed one. */
    public static String tagPattern() {
        return "\\d+@[A-Za-z0-9._-]+";
    }

    /**
     * Whether a file this owner made at {@code made} and last wrote at {@code modified} is left over: see the class.
     *
     * @param owner empty for a name that carries no owner
     */
    public static boolean leftOver(Optional<Owner> owner, Instant made, FileTime modified) {
        if (owner.isPresent() && owner.get().host.equals(current().host)) return !owner.get().running(made);
        return modified.toInstant().plus(OTHER_HOST_IDLE).isBefore(Instant.now());
    }

    /** Whether this owner, on this host, is still the process that made a file at {@code made}. */
    private boolean running(Instant made) {
        Optional<ProcessHandle> p = ProcessHandle.of(pid);
        if (p.isEmpty() || !p.get().isAlive()) return false;
        // a process started after the file was made cannot have made it: its pid was reused (after a restart, say)
        Optional<Instant> started = p.get().info().startInstant();
        return started.isEmpty() || !started.get().isAfter(made.plusSeconds(1));
    }

    /** "pid 4242 on web-1, no longer running" and the like, for listings and findings. */
    public static String describe(Optional<Owner> owner, boolean leftOver) {
        if (owner.isEmpty()) return leftOver ? "not written for over " + OTHER_HOST_IDLE.toHours() + " h" : "owner unknown, written recently";
        Owner o = owner.get();
        String by = "pid " + o.pid + " on " + o.host;
        if (!o.host.equals(current().host)) return by + (leftOver ? ", not written for over " + OTHER_HOST_IDLE.toHours() + " h" : ", another host");
        return by + (leftOver ? ", no longer running" : ", still running");
    }
}
