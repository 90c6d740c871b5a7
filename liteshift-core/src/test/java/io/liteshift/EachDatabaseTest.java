package io.liteshift;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which files a glob names as databases, and a run over them: bounded, and one failure stops nothing else. */
class EachDatabaseTest {
    @TempDir
    Path tmp;

    @Test
    void aGlobMatchesDatabasesButNotTheirSideFilesLiteFsFilesOrBackups() throws Exception {
        Path tenants = Files.createDirectories(tmp.resolve("tenants"));
        for (String name : List.of("acme.db", "globex.db", "acme.db-wal", "acme.db-shm", "acme.db-journal", "acme.db-pos",
                ".primary", "initech.sqlite", "acme-20260101-120000000-v0003.sqlite", "acme-20260101-120000000-v0003.sqlite.manifest",
                "acme.db.replaced-20260101-120000000", "acme.db.replaced-20260101-120000000-wal", ".acme-20260101-120000000.tmp",
                ".acme.db.restore-20260101-120000000", "orphan-20260101-120000000-v0001.sqlite")) {
            Files.writeString(tenants.resolve(name), "x");
        }
        Files.createDirectories(tenants.resolve("archive.db")); // a directory is never a database

        assertThat(names(EachDatabase.matching("tenants/*", tmp)))
                .as("a backup without its manifest is not liteshift's: it is matched like any file")
                .containsExactly("tenants/acme.db", "tenants/globex.db", "tenants/initech.sqlite", "tenants/orphan-20260101-120000000-v0001.sqlite");
        assertThat(names(EachDatabase.matching("tenants/*.db", tmp))).containsExactly("tenants/acme.db", "tenants/globex.db");
        assertThat(names(EachDatabase.matching(tenants + "/{acme,initech}.*", Path.of("/nowhere"))))
                .as("an absolute glob is shown absolute, whatever the working directory")
                .containsExactly(tenants + "/acme.db", tenants + "/initech.sqlite");
        assertThat(names(EachDatabase.matching("tenants/acme.db", tmp))).as("no wildcard: that one file").containsExactly("tenants/acme.db");
        assertThat(EachDatabase.matching("tenants/*.nothing", tmp)).isEmpty();
        assertThat(EachDatabase.matching("missing/*.db", tmp)).isEmpty();
    }

    @Test
    void doubleStarCrossesDirectoriesAndTheRelativePathKeepsTenantsApart() throws Exception {
        for (String t : List.of("acme", "globex")) Files.writeString(Files.createDirectories(tmp.resolve("data/" + t)).resolve("app.db"), "x");
        Files.writeString(Files.createDirectories(tmp.resolve("data/eu/hooli")).resolve("app.db"), "x");

        List<EachDatabase.Match> one = EachDatabase.matching("data/*/app.db", tmp);
        assertThat(names(one)).containsExactly("data/acme/app.db", "data/globex/app.db");
        assertThat(one.get(0).relative()).isEqualTo(Path.of("acme/app.db"));
        assertThat(one.get(0).file()).isEqualTo(tmp.resolve("data/acme/app.db"));
        assertThat(names(EachDatabase.matching("data/**/app.db", tmp)))
                .containsExactly("data/acme/app.db", "data/eu/hooli/app.db", "data/globex/app.db");
    }

    @Test
    void aRunIsBoundedAndOneFailureStopsNothingElse() {
        List<EachDatabase.Match> dbs = new ArrayList<>();
        for (int i = 0; i < 9; i++) dbs.add(new EachDatabase.Match(tmp.resolve(i + ".db"), Path.of(i + ".db"), i + ".db"));
        AtomicInteger running = new AtomicInteger();
        AtomicInteger started = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        List<String> heard = Collections.synchronizedList(new ArrayList<>());

        List<EachDatabase.Outcome<Integer>> out = EachDatabase.run(dbs, 3, db -> {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            started.incrementAndGet();
            try {
                // each waits until three run at once (or the last have started): a fourth would show, and so would fewer
                Await.until("3 databases at once", Duration.ofSeconds(20), () -> running.get() >= 3 || started.get() == dbs.size());
                if (db.name().equals("4.db")) throw new LiteShiftException(LiteShiftException.Reason.REFUSED_HISTORY, "edited");
                return db.name().length();
            } finally {
                running.decrementAndGet();
            }
        }, o -> heard.add(o.database().name()));

        assertThat(most.get()).as("3 at once, never more").isEqualTo(3);
        assertThat(out).extracting(o -> o.database().name()).as("in the order given").containsExactlyElementsOf(names(dbs));
        assertThat(heard).containsExactlyInAnyOrderElementsOf(names(dbs));
        assertThat(out.get(4).ok()).isFalse();
        assertThat(out.get(4).error()).hasMessage("edited");
        assertThat(out).filteredOn(EachDatabase.Outcome::ok).hasSize(8).allSatisfy(o -> assertThat(o.result()).isEqualTo(4));
        assertThatThrownBy(() -> EachDatabase.run(dbs, 0, db -> 1, o -> { })).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<String> names(List<EachDatabase.Match> matches) {
        return matches.stream().map(EachDatabase.Match::name).toList();
    }
}
