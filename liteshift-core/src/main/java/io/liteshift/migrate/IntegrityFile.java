package io.liteshift.migrate;

import io.liteshift.Fix;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code liteshift.sum}: a hash chained over every migration in order, one line per file, and the chain's end on
 * top. Any edit, removal, unlisted file or renumbering breaks the chain from that file on; and because two
 * branches that each add a migration both change the top line, merging them is a conflict git cannot resolve
 * alone.
 */
final class IntegrityFile {
    static final String FILE_NAME = "liteshift.sum";
    private static final String HEADER = """
            # liteshift integrity file: a hash chained over every migration, in order.
            # Do not edit. After reviewing a change to the migrations, run `liteshift hash`.
            """;

    private IntegrityFile() {
    }

    static String render(List<Migration> migrations) {
        StringBuilder lines = new StringBuilder();
        String chain = "";
        for (Migration m : migrations) {
            chain = link(chain, m);
            lines.append(m.fileName()).append(" sha256:").append(chain).append('\n');
        }
        return HEADER + "total sha256:" + (migrations.isEmpty() ? Migration.sha256("") : chain) + "\n" + lines;
    }

    private static String link(String previous, Migration m) {
        return Migration.sha256(previous + "\n" + m.fileName() + "\n" + m.checksum());
    }

    /** What does not hold between the directory's migrations and the integrity file's text (null: no file). */
    static List<Problem> check(List<Migration> migrations, String sumText, String dir) {
        List<Problem> out = new ArrayList<>();
        String fix = " Review the change, then run `" + Fix.command(Fix.Command.HASH) + "` to accept it.";
        if (sumText == null) {
            if (!migrations.isEmpty()) {
                out.add(problem(dir + "/" + FILE_NAME + " is missing, so edited or removed migrations cannot be detected." + fix));
            }
            return out;
        }
        if (sumText.contains("<<<<<<<") || sumText.contains(">>>>>>>")) {
            out.add(problem(dir + "/" + FILE_NAME + " has merge conflict markers: two branches both added migrations. Keep the other"
                    + " branch's migrations, renumber yours to follow them (rename the files), then run `" + Fix.command(Fix.Command.HASH) + "`."));
            return out;
        }
        Map<String, String> listed = new LinkedHashMap<>();
        for (String line : Migration.normalise(sumText).split("\n")) {
            if (line.isBlank() || line.startsWith("#") || line.startsWith("total ")) continue;
            int sp = line.lastIndexOf(' ');
            if (sp < 0) {
                out.add(problem(dir + "/" + FILE_NAME + " has a line that is not `file sha256:hash`: \"" + line + "\"." + fix));
                return out;
            }
            listed.put(line.substring(0, sp), line.substring(sp + 1));
        }
        String chain = "";
        boolean broken = false;
        List<String> listedNames = new ArrayList<>(listed.keySet());
        for (int i = 0; i < migrations.size(); i++) {
            Migration m = migrations.get(i);
            chain = link(chain, m);
            String recorded = listed.get(m.fileName());
            if (recorded == null) {
                out.add(problem(dir + "/" + m.fileName() + " is not in " + FILE_NAME + ": added by hand or brought in by a merge."
                        + fix));
                broken = true;
            } else if (!broken && !recorded.equals("sha256:" + chain)) {
                boolean samePlace = i < listedNames.size() && listedNames.get(i).equals(m.fileName());
                out.add(problem(dir + "/" + m.fileName() + (samePlace
                        ? " was changed after " + FILE_NAME + " was written."
                        : " is not where " + FILE_NAME + " has it: migrations were added, removed or renumbered before it.") + fix));
                broken = true;
            }
        }
        for (String name : listedNames) {
            if (migrations.stream().noneMatch(m -> m.fileName().equals(name))) {
                out.add(problem(dir + "/" + name + " is listed in " + FILE_NAME + " but missing from the directory. Restore it from"
                        + " version control; if it was removed on purpose (never applied anywhere), run `" + Fix.command(Fix.Command.HASH) + "`."));
            }
        }
        return out;
    }

    private static Problem problem(String message) {
        return new Problem(Problem.Kind.INTEGRITY, message);
    }
}
