// After: upgrade and current in a project with a @Revision class outside <migrationsPackage>. Only the package's
// revision runs; the stray one is named once per goal and never applied.
def log = new File(basedir, 'build.log').text
def ignored = 'Ignoring revision com.acme.legacy.R20261102_0900_Stray (5f4e3d2c1b0a): outside migrationsPackage' +
    ' com.acme.db.migrations'
assert log.contains(ignored) : 'the stray revision is named'
assert log.count(ignored) == 2 : 'one line per goal (upgrade, current)'
assert log.contains('Running upgrade <base> -> 0a1b2c3d4e5f, init')
assert !log.contains('5f4e3d2c1b0a, stray') : 'the stray revision must not run'
assert log.contains('Schema public: 0a1b2c3d4e5f (head)')

def props = new Properties()
props.setProperty('user', 'postgres')
props.setProperty('password', 'postgres')
def c = new org.postgresql.Driver().connect('jdbc:postgresql://127.0.0.1:5432/it_stray_revision', props)
try {
    def rs = c.createStatement().executeQuery('select version_num from public.migrate_version')
    assert rs.next() && rs.getString(1) == '0a1b2c3d4e5f' : 'head is the package\'s revision'
    assert !rs.next()

    rs = c.createStatement().executeQuery(
        "select count(*) from information_schema.tables where table_schema = 'public' and table_name = 'stray'")
    rs.next()
    assert rs.getInt(1) == 0 : 'the stray revision did not run'
} finally {
    c.close()
}
return true
