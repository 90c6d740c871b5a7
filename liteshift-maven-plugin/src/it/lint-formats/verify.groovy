// Runs after the three builds: the annotations of the first, the SARIF log of the second, the refusal of the third.

def log = new File(basedir, 'build.log').text
// the hand-written migration's two findings, each a workflow command at the start of its line, the path relative to
// the directory the build ran in
assert log =~ /(?m)^::warning file=migrations\/0002_cleanup\.sql,line=2,title=update-without-where::UPDATE without WHERE /
assert log =~ /(?m)^::(warning|notice) file=migrations\/0002_cleanup\.sql,line=3,title=drop-column::/
assert !(log =~ /\[INFO\] ::/) : 'a workflow command went through the build log'

def sarifFile = new File(basedir, 'target/liteshift-lint.sarif')
assert sarifFile.isFile() : "the sarif format wrote no ${sarifFile}"
assert log.contains("liteshift: wrote ${sarifFile.path} (sarif): ")
def sarif = new groovy.json.JsonSlurper().parse(sarifFile)
assert sarif.version == '2.1.0'
def run = sarif.runs[0]
assert run.tool.driver.name == 'liteshift'
assert run.tool.driver.rules*.id.containsAll(['update-without-where', 'drop-column', 'not-null'])
def update = run.results.find { it.ruleId == 'update-without-where' }
assert update != null : "no update-without-where result in ${run.results*.ruleId}"
assert update.level == 'warning'
assert update.locations[0].physicalLocation.artifactLocation.uri == 'migrations/0002_cleanup.sql'
assert update.locations[0].physicalLocation.artifactLocation.uriBaseId == '%SRCROOT%'
assert update.locations[0].physicalLocation.region.startLine == 2
// the same findings in both formats
def annotations = log.readLines().findAll { it.startsWith('::') }
assert run.results.size() == annotations.size() : "${run.results.size()} results, ${annotations.size()} annotations"

assert log.contains("unknown lint format 'junit' given by -Dliteshift.format (<format> in the plugin's configuration). Use one of: text, github, sarif.")
return true
