// After `mvn -pl app -am migrate:autogen -Dmessage=init` and `mvn -pl app -am migrate:upgrade` from the parent.
def log = new File(basedir, 'build.log').text
assert !log.contains('No changes detected') : 'the domain module\'s entities are part of the model'
assert log.contains('Skipping domain: no <migrationsPackage> configured')
assert log.contains('Model snapshots: ') && log.contains('domain/target/classes/META-INF/migrate/model.json')

def migrations = new File(basedir, 'app/src/main/java/com/acme/app/migrations')
def generated = migrations.listFiles()?.findAll { it.name.endsWith('_Init.java') }
assert generated?.size() == 1 : "autogen wrote one migration into app: ${migrations.list()}"
def text = generated[0].text
assert text.contains('createTable') && text.contains('"customer"') : text
assert !new File(basedir, 'domain/src/main/java/com/acme/app').exists()

def props = new Properties()
props.setProperty('user', 'postgres')
props.setProperty('password', 'postgres')
def c = new org.postgresql.Driver().connect('jdbc:postgresql://127.0.0.1:5432/it_multi_module', props)
try {
    def rs = c.createStatement().executeQuery(
        "SELECT count(*) FROM information_schema.columns WHERE table_name = 'customer'")
    rs.next()
    assert rs.getInt(1) == 2 : 'upgrade created customer with its two columns'
    rs = c.createStatement().executeQuery('SELECT count(*) FROM migrate_version')
    rs.next()
    assert rs.getInt(1) == 1
} finally {
    c.close()
}
return true
