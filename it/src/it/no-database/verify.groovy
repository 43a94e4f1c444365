def log = new File(basedir, 'build.log').text
def root = ['id', '-u'].execute().text.trim() == '0'
if (root) {
    assert log.contains('No database configured, and the embedded PostgreSQL of a first try cannot run as root')
    assert log.contains('configure a server: set DATABASE_URL=postgresql://user:password@host:5432/db')
    assert !new File(basedir, 'target/migrate/embedded-postgres/data').exists()
} else {
    assert log.contains('No database configured: created and started an embedded PostgreSQL for a first try')
    assert log.contains('For a real server, set DATABASE_URL=postgresql://user:password@host:5432/db')
    assert log =~ /Database: embedded PostgreSQL localhost:\d+\/postgres as postgres .*, schema public/
    assert log.contains('no-such-revision')
    assert new File(basedir, 'target/migrate/embedded-postgres/data/postgresql.conf').exists()
}
assert log.contains('[ERROR] Failed to execute goal dev.migrate:migrate-maven-plugin')
return true
