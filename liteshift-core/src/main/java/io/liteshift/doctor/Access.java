package io.liteshift.doctor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Who would write the database, and whether they may. {@link #process()} asks the operating system for this very
 * process ({@code access(2)} through {@link Files#isWritable}); {@link #user} evaluates the owner, group and mode
 * bits for another uid, so that "the application runs as uid 1000, the volume belongs to root" can be checked
 * from a root shell (and tested without starting a process as another user).
 */
interface Access {

    /** How messages name the user: "app (uid 1000)". */
    String who();

    boolean canWrite(Path p);

    /** Suggested owner for a chown command: a user name when known, else the uid. */
    String owner();

    static Access process() {
        Integer uid = uidOf(Path.of("/proc/self")); // on Linux, /proc/self belongs to the process's own uid
        String property = System.getProperty("user.name", "?");
        // a uid without a passwd entry (docker run --user 1234) has no name; the JDK calls it "?", which chown cannot take
        boolean nameless = property.isBlank() || property.equals("?");
        String name = nameless && uid != null ? String.valueOf(uid) : property;
        return new Access() {
            public String who() {
                return uid == null ? name : nameless ? "uid " + uid : name + " (uid " + uid + ")";
            }

            public boolean canWrite(Path p) {
                return Files.isWritable(p);
            }

            public String owner() {
                return name;
            }
        };
    }

    /** A user by numbers; uid 0 may write anything the file system allows (read-only mounts are checked apart). */
    static Access user(int uid, Set<Integer> groups) {
        return new Access() {
            public String who() {
                return "uid " + uid;
            }

            public boolean canWrite(Path p) {
                if (uid == 0) return true;
                Integer owner = uidOf(p);
                Integer group = gidOf(p);
                Set<PosixFilePermission> mode = mode(p);
                if (owner == null || mode == null) return Files.isWritable(p);
                if (owner == uid) return mode.contains(PosixFilePermission.OWNER_WRITE);
                if (group != null && groups.contains(group)) return mode.contains(PosixFilePermission.GROUP_WRITE);
                return mode.contains(PosixFilePermission.OTHERS_WRITE);
            }

            public String owner() {
                return String.valueOf(uid);
            }
        };
    }

    /** "owned by root (uid 0, gid 0), mode rw-r--r--", or less when the file system does not say. */
    static String describe(Path p) {
        StringBuilder s = new StringBuilder();
        try {
            var a = Files.readAttributes(p, PosixFileAttributes.class);
            s.append("owned by ").append(a.owner().getName());
            Integer uid = uidOf(p);
            Integer gid = gidOf(p);
            if (uid != null) s.append(" (uid ").append(uid).append(gid != null ? ", gid " + gid : "").append(")");
            s.append(", mode ").append(PosixFilePermissions.toString(a.permissions()));
        } catch (IOException | UnsupportedOperationException e) {
            s.append("owner and mode unknown (").append(e.getMessage()).append(")");
        }
        return s.toString();
    }

    static Integer uidOf(Path p) {
        return unix(p, "unix:uid");
    }

    static Integer gidOf(Path p) {
        return unix(p, "unix:gid");
    }

    private static Set<PosixFilePermission> mode(Path p) {
        try {
            return Files.getPosixFilePermissions(p);
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }

    private static Integer unix(Path p, String attribute) {
        try {
            return (Integer) Files.getAttribute(p, attribute);
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return null;
        }
    }
}
