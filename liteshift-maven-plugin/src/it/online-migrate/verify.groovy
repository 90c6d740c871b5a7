// After the build: 0003 ran online (its progress in the log), every row kept, the child untouched, nothing left over.
def log = new File(basedir, 'build.log').text
assert log.contains('Database at 0003; 3 applied') : 'migrate did not apply the three migrations'
assert log.contains('items: copy ') && log.contains('items: done ') : 'no progress of an online rebuild in the log'

def db = new File(basedir, 'shop.db')
def c = new org.sqlite.JDBC().connect("jdbc:sqlite:${db}", new Properties())
try {
    def one = { String q -> def rs = c.createStatement().executeQuery(q); rs.next(); def v = rs.getObject(1); rs.close(); v }
    assert one("SELECT count(*) FROM liteshift_migrations") == 3
    assert one("SELECT count(*) FROM items") == 5000
    assert one("SELECT count(*) FROM items WHERE qty = 0") == 1000 // the NULLs got the DEFAULT
    assert one("SELECT sum(qty) FROM items") == 10000000
    assert one("SELECT \"notnull\" FROM pragma_table_info('items') WHERE name = 'qty'") == 1
    assert one("SELECT count(*) FROM notes") == 1250 // ON DELETE CASCADE did not fire
    assert one("SELECT count(*) FROM sqlite_schema WHERE name = 'notes_by_item'") == 1
    assert one("SELECT count(*) FROM sqlite_schema WHERE name LIKE '\\_liteshift%' ESCAPE '\\'") == 0
    assert one("PRAGMA integrity_check") == 'ok'
    def fk = c.createStatement().executeQuery("PRAGMA foreign_key_check")
    assert !fk.next() : 'broken foreign keys'
    fk.close()
} finally {
    c.close()
}
return true
