// After: heads/branches, a refused upgrade, +1, a partial id, -1, profile@head, heads, merge, upgrade, history.
def log = new File(basedir, 'build.log').text
assert log.contains('b1b1b1b1b1b1 (head)')
assert log.contains('c2c2c2c2c2c2 (profile) (head)')
assert log.contains('0a1b2c3d4e5f (branchpoint), init')
assert log.contains('    -> b1b1b1b1b1b1 (head), add phone')
assert log.contains('Multiple heads are present: b1b1b1b1b1b1, c2c2c2c2c2c2; run `mvn migrate:merge -Dmessage=...` or target one head')
assert log.contains('Running upgrade <base> -> 0a1b2c3d4e5f, init')
assert log.contains('Running upgrade 0a1b2c3d4e5f -> b1b1b1b1b1b1, add phone')
assert log.contains('Running downgrade b1b1b1b1b1b1 -> 0a1b2c3d4e5f, add phone')
assert log.contains('Running upgrade 0a1b2c3d4e5f -> c2c2c2c2c2c2, add nickname')
assert log.contains('Schema public: b1b1b1b1b1b1 (head)')
assert log.contains('Schema public: c2c2c2c2c2c2 (head)')

def dir = new File(basedir, 'src/main/java/com/acme/db/migrations')
def merge = dir.listFiles().find { it.name ==~ /R\d{8}_\d{6}_MergeBranches\.java/ }
assert merge != null : "merge must write a class: ${dir.list()}"
def mergeText = merge.text
assert mergeText.contains('revises = {"b1b1b1b1b1b1", "c2c2c2c2c2c2"}')
def mergeId = (mergeText =~ /@Revision\(\s*id = "([0-9a-f]{12})"/)[0][1]
assert log.contains("Running upgrade b1b1b1b1b1b1, c2c2c2c2c2c2 -> $mergeId, merge-branches")
assert log.contains("b1b1b1b1b1b1, c2c2c2c2c2c2 -> $mergeId (profile) (head) (current) (mergepoint), merge-branches")
assert log.contains("Rev: $mergeId (head) (mergepoint)")
assert log.contains("$mergeId (profile) (head)")

def graph = new File(basedir, 'target/graph.md').text
assert graph.startsWith('```mermaid\nflowchart TD\n')
assert graph.contains("r0a1b2c3d4e5f --> rb1b1b1b1b1b1")
assert graph.contains("rc2c2c2c2c2c2 --> r$mergeId")

def props = new Properties()
props.setProperty('user', 'postgres')
props.setProperty('password', 'postgres')
def c = new org.postgresql.Driver().connect('jdbc:postgresql://127.0.0.1:5432/it_graph', props)
try {
    def rs = c.createStatement().executeQuery('select version_num from migrate_version')
    assert rs.next() && rs.getString(1) == mergeId : 'the merge collapses the two rows into one'
    assert !rs.next()
    def columns = []
    rs = c.createStatement().executeQuery(
        "select column_name from information_schema.columns where table_name = 'customer' order by ordinal_position")
    while (rs.next()) columns << rs.getString(1)
    assert columns == ['id', 'email', 'name', 'nickname', 'phone'] : columns
} finally {
    c.close()
}
return true
