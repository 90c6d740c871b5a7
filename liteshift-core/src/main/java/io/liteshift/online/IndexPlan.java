package io.liteshift.online;

import io.liteshift.schema.Index;
import io.liteshift.sql.Identifiers;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * How one rebuild builds each declared index, and how far the key-ordered ones are: handed over from the current table
 * ({@link ReusedIndex}), filled in key order ({@link SortedIndex}), or built with the shadow, row by row (the rest).
 * Made once per run, at the setup (under its lock, where a nullable first key column is checked for NULL) or when a
 * run is resumed (from the key-ordered tables that exist).
 */
final class IndexPlan {
    private final List<ReusedIndex> reused;
    private final List<SortedIndex> sorted;
    private final Pace[] pace;
    private boolean[] done;

    private IndexPlan(List<ReusedIndex> reused, List<SortedIndex> sorted, Duration maxLock) {
        this.reused = reused;
        this.sorted = sorted;
        this.pace = new Pace[sorted.size()];
        for (int i = 0; i < pace.length; i++) pace[i] = new Pace(maxLock);
        this.done = new boolean[sorted.size()];
    }

    /** Before anything is made: {@code onShadow}, folded names a restart put on the shadow (a NULL key turned up). */
    static IndexPlan setup(Connection c, Target t, Set<String> onShadow, Duration maxLock) throws SQLException {
        List<ReusedIndex> reused = ReusedIndex.of(t);
        Set<String> exclude = new HashSet<>(onShadow);
        reused.forEach(r -> exclude.add(Identifiers.fold(r.declared().name())));
        while (true) {
            List<SortedIndex> candidates = SortedIndex.candidates(c, t, exclude);
            SortedIndex withNull = null;
            for (SortedIndex s : candidates) if (withNull == null && s.holdsNull(c)) withNull = s;
            if (withNull == null) return new IndexPlan(reused, candidates, maxLock);
            exclude.add(Identifiers.fold(withNull.declared().name()));
        }
    }

    /** For a run that is resumed. */
    static IndexPlan resumed(Connection c, Target t, Duration maxLock) throws SQLException {
        List<ReusedIndex> reused = ReusedIndex.of(t);
        Set<String> exclude = new HashSet<>();
        reused.forEach(r -> exclude.add(Identifiers.fold(r.declared().name())));
        return new IndexPlan(reused, SortedIndex.existing(c, t, exclude), maxLock);
    }

    /** Nothing handed over or sorted yet: the plan before the setup. */
    static IndexPlan none(Duration maxLock) {
        return new IndexPlan(List.of(), List.of(), maxLock);
    }

    List<ReusedIndex> reused() {
        return reused;
    }

    List<SortedIndex> sorted() {
        return sorted;
    }

    /** The declared index is built on the shadow, row by row. */
    boolean onShadow(Index i) {
        return !ReusedIndex.declares(reused, i) && sorted.stream().noneMatch(s -> Identifiers.same(s.declared().name(), i.name()));
    }

    /** The next key-ordered index to append to, or -1 when all are done. */
    int next() {
        for (int i = 0; i < done.length; i++) if (!done[i]) return i;
        return -1;
    }

    Pace pace(int index) {
        return pace[index];
    }

    void finished(int index) {
        done[index] = true;
    }

    boolean[] progress() {
        return done.clone();
    }

    void restore(boolean[] progress) {
        done = progress.clone();
    }

    /** The key-ordered index whose table refused a NULL key: the application wrote one after the rebuild began. */
    SortedIndex nullKey(SQLException e) {
        for (SortedIndex s : sorted) if (s.failedOnNull(e)) return s;
        return null;
    }
}
