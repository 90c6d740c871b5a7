// Runs after the builds: reads the pages liteshift:review wrote, and checks that the database was only read.

def page = new File(basedir, 'target/liteshift/review.html')
assert page.isFile() : "liteshift:review did not write ${page}"
def html = page.text
assert html.startsWith('<!DOCTYPE html>') && html.endsWith('</html>\n')
assert html.contains('<h1>Pending migrations of shop.db</h1>')
assert html.contains('<p class="level">Verdict: Destructive</p>')
assert html.contains('<li>Drops table audit_log, with every row in it.</li>')
// the changed tables, drawn in the diagram of the changes with their state
assert html =~ /<g class="table st-dropped" id="erd-changes-t-audit-log" data-table="audit_log">/
assert html =~ /<g class="table st-changed" id="erd-changes-t-orders" data-table="orders">/
// lint's finding with the rows it counted in shop.db
assert html.contains('[drop-table]') && html.contains('rows affected: 2')
assert !html.contains(basedir.path) : 'the page names files, not the build machine\'s paths'

def log = new File(basedir, 'build.log').text
assert log.contains("wrote ${page.path}")
assert log.contains('Verdict: Destructive. Drops table audit_log, with every row in it.')

def rehearsed = new File(basedir, 'target/liteshift/rehearsed.html').text
assert rehearsed.contains('id="m1-rehearsal"') && rehearsed.contains('and rehearsed on a copy of it')
assert new File(basedir, 'target/liteshift').list().findAll { it.endsWith('.tmp') }.isEmpty()

// the refused review: named with the plugin's parameter, and no page
assert log.contains("the schema before ${new File(basedir, 'nowhere.db').path} (<from> (-Dliteshift.reviewFrom)) does not exist")
assert !new File(basedir, 'target/liteshift/refused.html').exists()

def c = new org.sqlite.JDBC().connect("jdbc:sqlite:${new File(basedir, 'shop.db')}", new Properties())
try {
    def one = { String q -> def rs = c.createStatement().executeQuery(q); rs.next(); def v = rs.getObject(1); rs.close(); v }
    assert one("SELECT max(version) FROM liteshift_migrations") == 2 : 'review applied a migration'
    assert one("SELECT count(*) FROM audit_log") == 2
} finally {
    c.close()
}
return true
