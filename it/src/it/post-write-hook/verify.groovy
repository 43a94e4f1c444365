// After: autogen and revision with a <postWrite> hook, then upgrade. Each written class carries hook.sh's marker; the
// log shows the command on the file, its output, and the Maven goals' build.
def log = new File(basedir, 'build.log').text
def dir = new File(basedir, 'src/main/java/com/acme/db/migrations')
def files = (dir.listFiles() ?: []).findAll { it.name.endsWith('.java') }.sort { it.name }
assert files.size() == 2 : "autogen and revision each wrote a class: ${files}"
files.each { f ->
    assert f.text.endsWith('// formatted by hook.sh\n') : "the hook ran on ${f.name}"
    assert log.contains('Post-write hook: sh hook.sh ' + f.canonicalPath) ||
        log.contains('Post-write hook: sh hook.sh ' + f.absolutePath) : "the log names the command on ${f.name}"
    assert log.contains("  hook.sh formatted ${f.name} in ") : "the hook's output is logged"
}
assert log.count('Post-write hook: sh hook.sh ') == 2 : 'once per written file'
def maven = log.readLines().findAll { it.contains('Post-write hook: ') && it.endsWith(' validate') }
assert maven.size() == 2 : 'the Maven goals ran once after each writing goal'
assert maven.every { it.contains('/bin/mvn -B -f ') && it.contains(' -s ') } : 'the same Maven, with the same settings'
assert log.contains('  [INFO] BUILD SUCCESS') : "the nested Maven's output is logged"
assert log.contains('Running upgrade <base> -> ') : 'the marked classes compile and run'

def props = new Properties()
props.setProperty('user', 'postgres')
props.setProperty('password', 'postgres')
def c = new org.postgresql.Driver().connect('jdbc:postgresql://127.0.0.1:5432/it_post_write_hook', props)
try {
    def rs = c.createStatement().executeQuery(
        "select count(*) from information_schema.tables where table_schema = 'public' and table_name = 'customer'")
    rs.next()
    assert rs.getInt(1) == 1 : 'the generated revision ran'
} finally {
    c.close()
}
return true
