// See invoker.properties. No database: the check runs offline.

// a developer adds a column to the entity and runs the check alone
def entity = new File(basedir, 'src/main/java/com/acme/model/Customer.java')
entity.text = entity.text.replace('private String name;', 'private String name;\n\n  private String nickname;')
entity.lastModified = System.currentTimeMillis() + 2000

def mvn = { List<String> goals ->
    def cmd = [new File(System.getProperty('maven.home'), 'bin/mvn').path, '-B', '-o',
        '-s', new File(basedir.parentFile, 'interpolated-settings.xml').path,
        "-Dmaven.repo.local=$localRepositoryPath".toString()] + goals
    def env = System.getenv().findAll { k, v -> k != 'DATABASE_URL' && k != 'MIGRATE_URL' }.collect { k, v -> "$k=$v" }
    def p = cmd.execute(env, basedir)
    def out = new StringBuilder()
    p.waitForProcessOutput(out, out)
    new File(basedir, "${goals.join('_').replaceAll('[^A-Za-z0-9_]', '')}.log").text = out.toString()
    return [p.exitValue(), out.toString()]
}

def (alone, aloneOut) = mvn(['migrate:check'])
assert alone != 0 : "migrate:check alone passed on the stale model:\n$aloneOut"
assert aloneOut.contains('The model is older than the sources (src/main/java/com/acme/model/Customer.java changed since'
    + ' the last compile): run mvn compile migrate:check') : aloneOut

def (compiled, compiledOut) = mvn(['compile', 'migrate:check'])
assert compiled != 0 : compiledOut
assert compiledOut.contains('customer.nickname: column in the model, no migration adds it') : compiledOut

// invoker.goals.1 and .2
def log = new File(basedir, 'build.log').text
assert log.contains('No compiled classes in ') && log.contains('Run mvn compile migrate:check')
assert log.contains('The model and the migrations agree (check mode offline).')
return true
