package io.liteshift;

import io.liteshift.Fix.FrontEnd;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A message names a command or setting once, and each front end reads it in its own words. */
class FixTest {
    @TempDir
    Path tmp;

    @Test
    void eachFrontEndNamesTheCommandItRuns() {
        String text = "Review the change, then run `" + Fix.command(Fix.Command.HASH) + "` to accept it.";
        assertThat(Fix.render(text, FrontEnd.COMMAND_LINE)).isEqualTo("Review the change, then run `liteshift hash` to accept it.");
        assertThat(Fix.render(text, FrontEnd.MAVEN)).isEqualTo("Review the change, then run `mvn liteshift:hash` to accept it.");
        assertThat(Fix.render(text, FrontEnd.JAVA)).isEqualTo("Review the change, then run `LiteShift#hash()` to accept it.");
    }

    @Test
    void eachFrontEndNamesTheSettingItSets() {
        String text = "wait longer (lock timeout: " + Fix.setting(Fix.Setting.LOCK_TIMEOUT) + ").";
        assertThat(Fix.render(text, FrontEnd.COMMAND_LINE))
                .isEqualTo("wait longer (lock timeout: --lock-timeout, lock_timeout in liteshift.toml, or lockTimeout(...) in the Java API).");
        assertThat(Fix.render(text, FrontEnd.MAVEN)).contains("-Dliteshift.lockTimeout", "<lockTimeout>").doesNotContain("--lock-timeout");
        assertThat(Fix.render(text, FrontEnd.JAVA)).isEqualTo("wait longer (lock timeout: lockTimeout(...)).");
    }

    @Test
    void argumentsFillTheCommandAndAGoallessCommandIsTheCommandLinesInMaven() {
        String text = "`" + Fix.command(Fix.Command.RESTORE, "/b/app-1.sqlite", "/data/app.db") + "`, then `"
                + Fix.command(Fix.Command.BASELINE, 3) + "`";
        String cli = "`liteshift restore /b/app-1.sqlite --db /data/app.db --yes`, then `liteshift baseline --version 3`";
        assertThat(Fix.render(text, FrontEnd.COMMAND_LINE)).isEqualTo(cli);
        assertThat(Fix.render(text, FrontEnd.MAVEN)).isEqualTo(cli);
        assertThat(Fix.render(text, FrontEnd.JAVA))
                .isEqualTo("`Backups.restore(Path.of(\"/b/app-1.sqlite\"), Path.of(\"/data/app.db\"), false)`, then `LiteShift#baseline(3)`");
    }

    /** What --json lists as an error's fix: the names a message gives, each once, in order, in the reader's words. */
    @Test
    void theNamesOfAMessageAreItsFixes() {
        String text = "run `" + Fix.command(Fix.Command.HASH) + "`, or wait (" + Fix.setting(Fix.Setting.LOCK_TIMEOUT) + "), then `"
                + Fix.command(Fix.Command.HASH) + "` again, or `" + Fix.command(Fix.Command.BASELINE, 3) + "`";
        assertThat(Fix.names(text, FrontEnd.MAVEN)).containsExactly("mvn liteshift:hash",
                Fix.Setting.LOCK_TIMEOUT.in(FrontEnd.MAVEN), "liteshift baseline --version 3");
        assertThat(Fix.names(text, FrontEnd.COMMAND_LINE)).first().isEqualTo("liteshift hash");
        assertThat(Fix.names("nothing to name here", FrontEnd.JAVA)).isEmpty();
    }

    @Test
    void aTextWithoutReferencesIsReturnedAsItIs() {
        String plain = "nothing to name here";
        assertThat(Fix.render(plain, FrontEnd.MAVEN)).isSameAs(plain);
        assertThat(Fix.render(null, FrontEnd.MAVEN)).isNull();
    }

    @Test
    void anExceptionRendersTheJavaApiUnlessAskedAndItsTextSurvivesWrapping() {
        LiteShiftException inner = new LiteShiftException(LiteShiftException.Reason.FAILED,
                "locked (" + Fix.setting(Fix.Setting.LOCK_TIMEOUT) + ").");
        LiteShiftException outer = new LiteShiftException(inner.reason(), inner.text() + " Run `" + Fix.command(Fix.Command.MIGRATE) + "`.", inner);
        assertThat(outer.getMessage()).isEqualTo("locked (lockTimeout(...)). Run `LiteShift#migrate()`.");
        assertThat(outer.message(FrontEnd.MAVEN)).contains("-Dliteshift.lockTimeout", "`mvn liteshift:migrate`");
        assertThat(outer.message(FrontEnd.COMMAND_LINE)).contains("--lock-timeout", "`liteshift migrate`");
        assertThat(outer).hasToString(LiteShiftException.class.getName() + ": " + outer.getMessage());
    }

    /** A real refusal: an edited migration, as the Java API, the Maven plugin and the command line read it. */
    @Test
    void aRefusalOfMigrateNamesTheFixOfEachFrontEnd() throws Exception {
        Path migrations = Files.createDirectories(tmp.resolve("migrations"));
        Files.writeString(migrations.resolve("0001_a.sql"), "CREATE TABLE a (id INTEGER PRIMARY KEY);\n");
        LiteShift ls = LiteShift.configure().database(tmp.resolve("app.db").toString()).migrations(migrations)
                .createMissing(true).load();
        assertThat(ls.hash()).isNotEmpty();
        Files.writeString(migrations.resolve("0001_a.sql"), "CREATE TABLE a (id INTEGER PRIMARY KEY, b TEXT);\n");
        assertThatThrownBy(ls::migrate).isInstanceOfSatisfying(LiteShiftException.class, e -> {
            assertThat(e.getMessage()).contains("then run `LiteShift#hash()` to accept it").doesNotContain("liteshift hash");
            assertThat(e.message(FrontEnd.MAVEN)).contains("then run `mvn liteshift:hash` to accept it");
            assertThat(e.message(FrontEnd.COMMAND_LINE)).contains("then run `liteshift hash` to accept it");
        });
        assertThat(ls.verifyDirectory()).extracting(p -> p.message(FrontEnd.MAVEN))
                .anySatisfy(m -> assertThat(m).contains("`mvn liteshift:hash`"));
    }
}
