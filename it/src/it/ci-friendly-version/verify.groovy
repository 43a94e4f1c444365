// After: a bare upgrade, then current, in a project whose POM defines revision (its CI-friendly version), schema and
// sql. Neither the version nor the schema nor offline SQL may leak into the goals.
def log = new File(basedir, 'build.log').text
assert !log.contains("Revision '1.0.0'") : 'the project version must not be taken for a target revision'
assert !log.contains('elsewhere') : 'the POM property <schema> must not select a schema'
assert log.contains('Running upgrade <base> -> 0a1b2c3d4e5f, init')
assert log.contains('Schema public: 0a1b2c3d4e5f (head)')

def props = new Properties()
props.setProperty('user', 'postgres')
props.setProperty('password', 'postgres')
def c = new org.postgresql.Driver().connect('jdbc:postgresql://127.0.0.1:5432/it_ci_friendly_version', props)
try {
    def rs = c.createStatement().executeQuery(
        "select table_schema from information_schema.tables where table_name = 'migrate_version'")
    assert rs.next() && rs.getString(1) == 'public' : 'the version table belongs in schema public'
    assert !rs.next() : 'one version table only'

    rs = c.createStatement().executeQuery('select version_num from public.migrate_version')
    assert rs.next() && rs.getString(1) == '0a1b2c3d4e5f' : 'a bare upgrade goes to head'
    assert !rs.next()

    rs = c.createStatement().executeQuery(
        "select count(*) from information_schema.tables where table_schema = 'public' and table_name = 'customer'")
    rs.next()
    assert rs.getInt(1) == 1 : 'the upgrade ran against the database, not as offline SQL'

    rs = c.createStatement().executeQuery(
        "select count(*) from information_schema.schemata where schema_name = 'elsewhere'")
    rs.next()
    assert rs.getInt(1) == 0 : 'no schema elsewhere'
} finally {
    c.close()
}
return true
