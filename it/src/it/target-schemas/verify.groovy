// After: autogen in dev, upgrade dev, prod (MIGRATE_SCHEMA) and tenant-1, reset dev, reset tenant-1 (refused for
// its row, then forced), and an invalid schema name.
def log = new File(basedir, 'build.log').text
def dir = new File(basedir, 'src/main/java/com/acme/db/migrations')
def files = dir.list().sort()
assert files.size() == 1 && files[0] ==~ /R\d{8}_\d{6}_Init\.java/
def init = new File(dir, files[0]).text
def id = (init =~ /@Revision\(\s*id = "([0-9a-f]{12})"/)[0][1]
assert init =~ /op\.createTable\(\s*table\(\s*"customer",/
assert !init.contains('scratch')

assert log.contains("Schema tenant-1: $id (head)")
assert log.contains("Schema dev: <base> -> $id, 1 revision(s)")
assert log.contains('Refusing to reset schema tenant-1 of 127.0.0.1:5432/it_target_schemas as postgres: it holds 1 row(s) (scratch 1). Nothing was dropped. Run again with -Dmigrate.force to drop them, or pick another schema.')
assert log.contains('Dropping schema tenant-1 (forced, with its rows)')
assert log.contains("Schema tenant-1: <base> -> $id, 1 revision(s)")
assert log.contains("Schema name 'a.b' (from -Dmigrate.schema) is not valid")

def props = new Properties()
props.setProperty('user', 'postgres')
props.setProperty('password', 'postgres')
def c = new org.postgresql.Driver().connect('jdbc:postgresql://127.0.0.1:5432/it_target_schemas', props)
try {
    def rows = { String sql -> def out = []; def rs = c.createStatement().executeQuery(sql); while (rs.next()) out << rs.getString(1); out }
    assert rows("select table_schema || '.' || table_name from information_schema.tables where table_schema in ('dev', 'prod', 'tenant-1', 'public') order by 1") == [
        'dev.customer', 'dev.migrate_history', 'dev.migrate_version',
        'prod.customer', 'prod.migrate_history', 'prod.migrate_version',
        'tenant-1.customer', 'tenant-1.migrate_history', 'tenant-1.migrate_version']
    ['dev', 'prod', 'tenant-1'].each { s ->
        assert rows("select version_num from \"$s\".migrate_version") == [id]
    }
    // reset recreated dev and tenant-1: their history starts again with one upgrade
    assert rows("select string_agg(direction, ',' order by id) from dev.migrate_history") == ['upgrade']
    assert rows("select string_agg(direction, ',' order by id) from \"tenant-1\".migrate_history") == ['upgrade']
    assert rows("select string_agg(direction, ',' order by id) from prod.migrate_history") == ['upgrade']
} finally {
    c.close()
}
return true
