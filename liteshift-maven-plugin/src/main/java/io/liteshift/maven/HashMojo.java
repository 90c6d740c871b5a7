package io.liteshift.maven;

import io.liteshift.report.Reports;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Accepts the migrations directory after a reviewed hand edit: rewrites the integrity file (liteshift.sum) and
 * refreshes the schema snapshots of changed migrations.
 */
@Mojo(name = "hash", threadSafe = true)
public final class HashMojo extends LiteShiftMojo {
    @Override
    void run() {
        Reports.hashed(configure().load().hash(), settings().migrations(), log());
    }
}
