// See invoker.properties for the goals. Then: psql applies the offline upgrade script to a second database, which
// must end up like the one `upgrade` built; stamp adopts it once its version row is gone; the downgrade script
// empties it again.
def log = new File(basedir, 'build.log').text
def upgradeSql = new File(basedir, 'target/upgrade.sql')
assert upgradeSql.text.startsWith('-- Migrate offline SQL: upgrade <base> -> b1b1b1b1b1b1 in schema public\n')
assert upgradeSql.text.contains('CREATE TABLE IF NOT EXISTS migrate_version (')
assert upgradeSql.text.contains('-- Running upgrade 0a1b2c3d4e5f -> b1b1b1b1b1b1, add phone\n\nBEGIN;\n\nALTER TABLE customer ADD COLUMN phone varchar(32);\n\n'
    + "UPDATE migrate_version SET version_num = 'b1b1b1b1b1b1' WHERE migrate_version.version_num = '0a1b2c3d4e5f';\n\n")
def downgradeSql = new File(basedir, 'target/downgrade.sql').text
assert downgradeSql.contains("DELETE FROM migrate_version WHERE migrate_version.version_num = '0a1b2c3d4e5f';")

assert log.contains('The model and the migrations agree (check mode replay).')
assert log.contains('The model and the migrations disagree (check mode replay):\n  - customer.nickname: column in the model, no migration adds it\n'
    + 'Fix: run `mvn migrate:autogen -Dmessage=...` to write the missing migration, review it and commit it with the entity change.')
assert log.contains('The model and the migrations disagree (check mode offline):\n  - customer.nickname: column in the model, no migration adds it')
assert log.contains('The model and the migrations agree (check mode offline).')
assert log.contains('revision b1b1b1b1b1b1 (com/acme/db/migrations/R20261102_0900_AddPhone.java) was edited after it was applied to schema public (checksum applied ')
assert log.contains('Skipping the check (migrate.check.skip)')
def migrations = new File(basedir, 'src/main/java/com/acme/db/migrations').list().findAll { it.endsWith('.java') }.sort()
assert migrations.size() == 3 && migrations[2] ==~ /R\d{8}_\d{6}_AddNickname\.java/ : migrations

def psql = { String db, File file ->
    def p = ['psql', '-X', '-q', '-v', 'ON_ERROR_STOP=1', '-h', '127.0.0.1', '-U', 'postgres', '-d', db, '-f', file.path].execute(['PGPASSWORD=postgres'], basedir)
    def out = new StringBuilder(), err = new StringBuilder()
    p.waitForProcessOutput(out, err)
    assert p.exitValue() == 0 : "psql -f $file failed: $err"
}
psql('it_check_verify_psql', upgradeSql)

def props = new Properties()
props.setProperty('user', 'postgres')
props.setProperty('password', 'postgres')
def rows = { String db, String sql ->
    def c = new org.postgresql.Driver().connect("jdbc:postgresql://127.0.0.1:5432/$db", props)
    try {
        def result = []
        def rs = c.createStatement().executeQuery(sql)
        while (rs.next()) result << (1..rs.metaData.columnCount).collect { rs.getString(it) }.join(' ')
        return result
    } finally {
        c.close()
    }
}
def schema = """select table_name, column_name, data_type, character_maximum_length, is_nullable, column_default, is_identity
    from information_schema.columns where table_schema = 'public' and table_name <> 'migrate_history' order by 1, ordinal_position"""
def constraints = """select conname, pg_get_constraintdef(oid) from pg_constraint where connamespace = 'public'::regnamespace
    and conrelid <> 'migrate_history'::regclass order by 1"""
assert rows('it_check_verify_psql', schema) == rows('it_check_verify', schema)
assert rows('it_check_verify_psql', constraints) == rows('it_check_verify', constraints)
assert rows('it_check_verify_psql', 'select version_num from migrate_version') == ['b1b1b1b1b1b1']
assert rows('it_check_verify_psql', 'select revision, direction, checksum from migrate_history order by id') ==
    rows('it_check_verify', "select revision, direction, checksum from migrate_history where direction = 'upgrade' and success order by id")

// stamp adopts a schema whose version table lost its row: run Maven as the build did
rows('it_check_verify_psql', 'delete from migrate_version returning 1')
def mvn = new File(System.getProperty('maven.home'), 'bin/mvn').path
def settings = new File(basedir.parentFile, 'interpolated-settings.xml')
def cmd = [mvn, '-B', '-o', '-s', settings.path, "-Dmaven.repo.local=$localRepositoryPath".toString(),
    'migrate:stamp', '-Dmigrate.revision=b1b1', 'migrate:current',
    '-Dmigrate.url=jdbc:postgresql://127.0.0.1:5432/it_check_verify_psql', '-Dmigrate.user=postgres', '-Dmigrate.password=postgres']
def p = cmd.execute(null, basedir)
def out = new StringBuilder()
p.waitForProcessOutput(out, out)
new File(basedir, 'stamp.log').text = out.toString()
assert p.exitValue() == 0 : out
assert out.contains('Schema public stamped: <base> -> b1b1b1b1b1b1; no migration ran')
assert rows('it_check_verify_psql', 'select version_num from migrate_version') == ['b1b1b1b1b1b1']

psql('it_check_verify_psql', new File(basedir, 'target/downgrade.sql'))
assert rows('it_check_verify_psql', "select count(*) from information_schema.tables where table_name = 'customer'") == ['0']
assert rows('it_check_verify_psql', 'select count(*) from migrate_version') == ['0']
return true
