// 2 rounds: touch the entity, then 4 concurrent `mvn -o migrate:upgrade` and one `mvn -o compile` on this project.
// Each rewrites or reads target/classes (model.json, revisions, class files) while the others do.
def log = new File(basedir, 'build.log').text
assert log.contains('Running upgrade <base> -> 0a1b2c3d4e5f')

def mvn = new File(System.getProperty('maven.home'), 'bin/mvn').path
def settings = new File(basedir, 'concurrent-settings.xml')
settings.text = '<settings><pluginGroups><pluginGroup>dev.migrate</pluginGroup></pluginGroups></settings>'
def common = [mvn, '-o', '-B', '-llr', '-s', settings.path, "-Dmaven.repo.local=${localRepositoryPath}".toString()]
def db = ['-Dmigrate.url=jdbc:postgresql://127.0.0.1:5432/it_concurrent_upgrades',
          '-Dmigrate.user=postgres', '-Dmigrate.password=postgres']
def entity = new File(basedir, 'src/main/java/com/acme/model/Customer.java')
def failures = []
(1..2).each { round ->
    entity.setLastModified(System.currentTimeMillis() + 2000)   // newer than its class file
    def processes = []
    (1..4).each { i -> processes << ["upgrade-$round-$i", common + ['migrate:upgrade'] + db] }
    processes << ["compile-$round", common + ['compile']]
    def started = processes.collect { name, command ->
        def out = new File(basedir, "${name}.log")
        def pb = new ProcessBuilder(command).directory(basedir).redirectErrorStream(true)
        pb.redirectOutput(out)
        [name, out, pb.start()]
    }
    started.each { name, out, process ->
        if (process.waitFor() != 0) {
            failures << "$name failed:\n" + out.readLines().findAll { it.contains('ERROR') }.take(5).join('\n')
        }
    }
}
assert failures.isEmpty() : failures.join('\n\n')

def props = new Properties()
props.setProperty('user', 'postgres')
props.setProperty('password', 'postgres')
def c = new org.postgresql.Driver().connect('jdbc:postgresql://127.0.0.1:5432/it_concurrent_upgrades', props)
try {
    def rs = c.createStatement().executeQuery('SELECT version_num FROM migrate_version')
    assert rs.next() && rs.getString(1) == '0a1b2c3d4e5f'
    assert !rs.next()
} finally {
    c.close()
}
return true
