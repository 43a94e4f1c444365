// After: compile without the processor, then a bare migrate:upgrade.
def log = new File(basedir, 'build.log').text
def snapshot = new File(basedir, 'target/classes/META-INF/migrate/model.json')
assert snapshot.isFile() : 'the first migrate goal compiled the model snapshot'
assert log.contains('compiled before model-processor was added')
assert log.contains('Running upgrade <base> -> 0a1b2c3d4e5f')

def props = new Properties()
props.setProperty('user', 'postgres')
props.setProperty('password', 'postgres')
def c = new org.postgresql.Driver().connect('jdbc:postgresql://127.0.0.1:5432/it_compiled_before_processor', props)
try {
    def rs = c.createStatement().executeQuery(
        "SELECT count(*) FROM information_schema.columns WHERE table_name = 'customer'")
    rs.next()
    assert rs.getInt(1) == 2 : 'customer was created with its two columns'
    rs = c.createStatement().executeQuery('SELECT version_num FROM migrate_version')
    assert rs.next() && rs.getString(1) == '0a1b2c3d4e5f'
} finally {
    c.close()
}
return true
