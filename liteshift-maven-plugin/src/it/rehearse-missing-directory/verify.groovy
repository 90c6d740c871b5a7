// Runs after the three builds: rehearse and lint of a directory that does not exist failed, each in the plugin's words
// (the parameter that fixes it, not the command line's flag), rehearsed and linted nothing, and left the database as
// the first build migrated it.

def log = new File(basedir, 'build.log').text
def mistyped = new File(basedir, 'migratoins').path
assert log.contains('Database at 0002; 2 applied') : 'the first migrate did not apply 0001 and 0002'
def refusal = "the migrations directory ${mistyped} does not exist. Check <migrations> (-Dliteshift.migrations, or `migrations` in" +
        " liteshift.toml); `mvn liteshift:generate` or `liteshift init` creates it. Nothing was changed."
assert log.count(refusal) >= 2 : 'rehearse and lint did not both refuse the missing directory'
assert !log.contains('Nothing pending') && !log.contains('Rehearsal passed') : 'a missing directory was rehearsed as nothing pending'
assert !log.contains('--dir') && !log.contains('LiteShift#')
assert log.count('BUILD FAILURE') == 2

// the driver itself: DriverManager does not see drivers of the script's class loader
def c = new org.sqlite.JDBC().connect("jdbc:sqlite:${new File(basedir, 'app.db')}", new Properties())
try {
    def one = { String q -> def rs = c.createStatement().executeQuery(q); rs.next(); def v = rs.getObject(1); rs.close(); v }
    assert one("SELECT group_concat(version) FROM (SELECT version FROM liteshift_migrations ORDER BY version)") == '1,2'
    assert one("SELECT count(*) FROM users") == 3
    assert one("PRAGMA integrity_check") == 'ok'
} finally {
    c.close()
}
assert !new File(basedir, 'migratoins').exists()
return true
