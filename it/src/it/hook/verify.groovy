// The hook is installed (the foreign one kept and chained). A commit touching neither entities nor migrations passes
// without running Maven; an entity change without a migration is blocked with the check's message; staging the
// migration lets it through.
def log = new File(basedir, 'build.log').text
assert log.contains('A pre-commit hook that Migrate did not write exists at ')
assert log.contains('Moved the existing hook to ')
def hook = new File(basedir, '.git/hooks/pre-commit')
assert hook.canExecute() && hook.text.contains('migrate-pre-commit')
assert hook.text.contains('MIGRATE_MIGRATIONS_DIR="${MIGRATE_MIGRATIONS_DIR:-src/main/java/com/acme/db/migrations}"')
assert new File(basedir, '.git/hooks/pre-commit.before-migrate').canExecute()

def mvn = new File(System.getProperty('maven.home'), 'bin/mvn').path
def settings = new File(basedir.parentFile, 'interpolated-settings.xml')
def env = System.getenv().collect { k, v -> "$k=$v".toString() }.findAll { !it.startsWith('DATABASE_URL=') && !it.startsWith('MIGRATE_URL=') }
env << "MIGRATE_MVN=$mvn -o -s ${settings.path} -Dmaven.repo.local=$localRepositoryPath".toString()
def git = { List<String> args ->
    def p = (['git'] + args).execute(env, basedir)
    def out = new StringBuilder()
    p.waitForProcessOutput(out, out)
    new File(basedir, 'git.log') << "\$ git ${args.join(' ')}\n$out\n"
    return [p.exitValue(), out.toString()]
}

// 1. nothing relevant staged: passes at once
new File(basedir, 'NOTES.txt').text = 'notes\n'
git(['add', 'NOTES.txt'])
def (code, out) = git(['commit', '-m', 'notes'])
assert code == 0 : out
assert !out.contains('Migrate:') : 'no check for a commit without entities or migrations'
assert new File(basedir, 'target/foreign-hook-ran').exists() : 'the previous hook still runs'

// 2. an entity change without a migration: blocked, with the check's message
def entity = new File(basedir, 'src/main/java/com/acme/model/Customer.java')
entity.text = entity.text.replace('  private String name;', '  private String name;\n\n  @Column(length = 64)\n  private String nickname;')
git(['add', entity.path])
(code, out) = git(['commit', '-m', 'add nickname'])
assert code != 0 : "the commit must be blocked: $out"
assert out.contains('Migrate: src/main/java/com/acme/model/Customer.java is staged; running the offline check')
assert out.contains('customer.nickname: column in the model, no migration adds it')
assert out.contains("Commit blocked by Migrate's pre-commit check")

// 3. with the migration staged too: passes
def migration = new File(basedir, 'src/main/java/com/acme/db/migrations/R20261103_0900_AddNickname.java')
migration.text = new File(basedir, 'extra/R20261103_0900_AddNickname.java').text
git(['add', migration.path])
(code, out) = git(['commit', '-m', 'add nickname with its migration'])
assert code == 0 : out
assert out.contains('running the offline check')
(code, out) = git(['log', '--format=%s'])
assert out.readLines().take(2) == ['add nickname with its migration', 'notes'] : out
return true
