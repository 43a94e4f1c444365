// See invoker.properties.
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit

def settings = new File(basedir.parentFile, 'interpolated-settings.xml')
def mvnBin = new File(System.getProperty('maven.home'), 'bin/mvn').path
def entity = new File(basedir, 'src/main/java/com/acme/model/Customer.java')
def logs = new File(basedir, 'concurrent-logs')
logs.mkdirs()

def mvn = { String name, List<String> goals ->
    def cmd = [mvnBin, '-B', '-s', settings.path, "-Dmaven.repo.local=$localRepositoryPath".toString(),
        '-Dmigrate.url=jdbc:postgresql://127.0.0.1:5432/it_concurrent_upgrades', '-Dmigrate.user=postgres',
        '-Dmigrate.password=postgres'] + goals
    def p = new ProcessBuilder(cmd).directory(basedir).redirectErrorStream(true)
        .redirectOutput(new File(logs, "${name}.log")).start()
    if (!p.waitFor(600, TimeUnit.SECONDS)) {
        p.destroyForcibly()
        return [name, -1]
    }
    return [name, p.exitValue()]
}

// the second round starts from base again (a downgrade) and recompiles over the first round's outputs
def rounds = 2
def upgrades = 8
def pool = Executors.newFixedThreadPool(upgrades + 1)
try {
    (1..rounds).each { round ->
        if (round > 1) {
            def (name, code) = mvn("round${round}-downgrade", ['migrate:downgrade', '-Dmigrate.revision=base'])
            assert code == 0 : "${name}: " + new File(logs, "${name}.log").text
        }
        // every process of the round sees sources newer than the classes and recompiles
        entity.lastModified = System.currentTimeMillis() + 2000
        def futures = [pool.submit({ mvn("round${round}-recompile", ['compile']) } as java.util.concurrent.Callable)]
        (1..upgrades).each { i ->
            futures << pool.submit({ mvn("round${round}-upgrade${i}", ['migrate:upgrade']) } as java.util.concurrent.Callable)
        }
        futures.each { f ->
            def (name, code) = f.get()
            def out = new File(logs, "${name}.log").text
            assert code == 0 : "${name} failed (exit ${code}):\n${out}"
            ['there are no revisions yet', 'No content to map', 'ClassFormatError', 'Truncated class file',
             'No model snapshot'].each { assert !out.contains(it) : "${name}: ${it}\n${out}" }
        }
        def applied = futures.drop(1).count { f -> new File(logs, "${f.get()[0]}.log").text.contains('Running upgrade <base> -> 0a1b2c3d4e5f') }
        assert applied == 1 : "round ${round}: ${applied} processes applied the revision, expected exactly one"
    }
} finally {
    pool.shutdownNow()
}

def props = new Properties()
props.setProperty('user', 'postgres')
props.setProperty('password', 'postgres')
def c = new org.postgresql.Driver().connect('jdbc:postgresql://127.0.0.1:5432/it_concurrent_upgrades', props)
try {
    def rs = c.createStatement().executeQuery('SELECT version_num FROM migrate_version')
    assert rs.next() && rs.getString(1) == '0a1b2c3d4e5f'
    assert !rs.next()
    rs = c.createStatement().executeQuery("SELECT count(*) FROM migrate_history WHERE direction = 'upgrade'")
    rs.next()
    assert rs.getInt(1) == rounds
} finally {
    c.close()
}
return true
