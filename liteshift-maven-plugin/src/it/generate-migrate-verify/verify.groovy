// Runs after the build: checks the migration generate wrote and the rows of the database migrate made.

def dir = new File(basedir, 'migrations')
def generated = new File(dir, '0003_country_and_nocase_email.sql')
assert generated.isFile() : "generate did not write ${generated}"
def sql = generated.text
assert sql.contains('COLLATE NOCASE') && sql.contains('orders_by_customer') : "unexpected migration:\n${sql}"
assert new File(dir, 'meta/0003.schema.sql').isFile()

def log = new File(basedir, 'build.log').text
assert log.contains("wrote ${generated.path}") : "generate did not report ${generated}"
assert log.contains('Next: review the file (edit it if needed, then `mvn liteshift:hash`), commit it, and run `mvn liteshift:migrate`.')
assert log.contains('Database at 0003; 3 applied')
assert log.contains('Verified ')
// backup without a backups parameter: the settings' directory, backups beside the project
def backups = new File(basedir, 'backups')
assert log.contains("backup ${backups.path}${File.separator}") && log.contains(', v0003, sha256 ') : 'backup did not report a copy in backups/'
def copies = backups.listFiles().findAll { it.name ==~ /shop-.*-v0003\.sqlite/ }
assert copies.size() == 1 : "expected one backup in ${backups}, found ${backups.list()}"

def db = new File(basedir, 'shop.db')
assert db.isFile()
// the driver itself: DriverManager does not see drivers of the script's class loader
def c = new org.sqlite.JDBC().connect("jdbc:sqlite:${db}", new Properties())
try {
    def one = { String q -> def rs = c.createStatement().executeQuery(q); rs.next(); def v = rs.getObject(1); rs.close(); v }
    assert one("SELECT count(*) FROM liteshift_migrations") == 3
    assert one("SELECT count(*) FROM customers") == 3
    // ON DELETE CASCADE did not fire while customers was rebuilt
    assert one("SELECT count(*) FROM orders") == 4
    assert one("SELECT sum(total_cents) FROM orders") == 6599
    assert one("SELECT count(*) FROM customers WHERE country = 'unknown'") == 3
    assert one("SELECT id FROM customers WHERE email = 'bob@example.com'") == 2 // NOCASE
    assert one("SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND name = 'orders_by_customer'") == 1
    assert one("PRAGMA integrity_check") == 'ok'
    def fk = c.createStatement().executeQuery("PRAGMA foreign_key_check")
    assert !fk.next() : 'broken foreign keys'
    fk.close()
} finally {
    c.close()
}
def copy = new org.sqlite.JDBC().connect("jdbc:sqlite:${copies[0]}", new Properties())
try {
    def one = { String q -> def rs = copy.createStatement().executeQuery(q); rs.next(); def v = rs.getObject(1); rs.close(); v }
    assert one("SELECT count(*) FROM orders") == 4
    assert one("PRAGMA integrity_check") == 'ok'
} finally {
    copy.close()
}
return true
