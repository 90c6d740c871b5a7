// Before the build: an empty database in WAL mode (a migration cannot set the journal mode; the application does)
def db = new File(basedir, 'shop.db')
db.delete()
def c = new org.sqlite.JDBC().connect("jdbc:sqlite:${db}", new Properties())
try {
    def s = c.createStatement()
    s.executeQuery('PRAGMA journal_mode = WAL').close() // it answers with a row: closed, so that the next statement runs
    s.execute('CREATE TABLE t (x)') // a written file, not the zero bytes migrate counts as missing
    s.execute('DROP TABLE t')
    s.close()
} finally {
    c.close()
}
return true
