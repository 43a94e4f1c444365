def log = new File(basedir, 'build.log').text
assert log.contains('No database configured. Set one of:')
assert log.contains('DATABASE_URL=postgresql://user:password@localhost:5432/mydb')
assert log.contains('[ERROR] Failed to execute goal dev.migrate:migrate-maven-plugin')
return true
