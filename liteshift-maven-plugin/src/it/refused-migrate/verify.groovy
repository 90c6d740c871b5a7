// Runs after the five builds: the second must have failed with liteshift's message and left the database as it was;
// the third, verify, must have failed naming each problem; the fifth must have refused the late 0003 in the plugin's
// words (goals and parameters, not the command line's commands and flags).

def log = new File(basedir, 'build.log').text
def edited = new File(basedir, 'migrations/0002_users_rows.sql').path
assert log.contains('Database at 0002; 2 applied') : 'the first migrate did not apply 0001 and 0002'
assert log.contains('refused migrating ') && log.contains('the migration history cannot be trusted')
assert log.contains("${edited} was applied on ") && log.contains('has been edited since')
assert log.contains('accept it with `liteshift repair`')
assert log.contains('Nothing was changed.')
assert log.contains('BUILD FAILURE')
// the third build, verify: the problems as bullets under the failure
assert log =~ /problem\(s\): \S+app\.db is not verified:\R(\[ERROR\] )?  - \S+0002_users_rows\.sql was applied on /
assert log =~ /(?m)^(\[ERROR\] )?  - pending: \S+0003_user_names\.sql is not applied to .*\. Run `mvn liteshift:migrate`\.$/
// the fifth build: out of order, with the Maven parameter and goal that fix it
def late = new File(basedir, 'migrations-late/0003_user_names.sql').path
assert log.contains("${late} is pending, but the newer 0004 is applied already")
assert log.contains('run `mvn liteshift:hash`, or, once you have checked it does not depend on the order, apply it with'
        + ' -Dliteshift.outOfOrder (<outOfOrder>true</outOfOrder>).')
assert !log.contains('--out-of-order') && !log.contains('`liteshift hash`') && !log.contains('LiteShift#')

// the driver itself: DriverManager does not see drivers of the script's class loader
def c = new org.sqlite.JDBC().connect("jdbc:sqlite:${new File(basedir, 'app.db')}", new Properties())
try {
    def one = { String q -> def rs = c.createStatement().executeQuery(q); rs.next(); def v = rs.getObject(1); rs.close(); v }
    assert one("SELECT group_concat(version) FROM (SELECT version FROM liteshift_migrations ORDER BY version)") == '1,2,4'
    assert one("SELECT count(*) FROM sqlite_schema WHERE name = 'notes'") == 1
    assert one("SELECT count(*) FROM users") == 3 // not the edited file's fourth row
    assert one("SELECT count(*) FROM pragma_table_info('users') WHERE name = 'name'") == 0 // 0003 not applied
    assert one("PRAGMA integrity_check") == 'ok'
} finally {
    c.close()
}
return true
