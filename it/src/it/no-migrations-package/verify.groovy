def log = new File(basedir, 'build.log').text
assert log.contains('No <migrationsPackage> configured for no-migrations-package: add <configuration><migrationsPackage>com.acme.db.migrations</migrationsPackage></configuration> to migrate-maven-plugin in pom.xml')
assert !log.contains('Skipping no-migrations-package')
assert log.contains('[ERROR] Failed to execute goal dev.migrate:migrate-maven-plugin')
return true
