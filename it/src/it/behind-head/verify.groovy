def log = new File(basedir, 'build.log').text
assert log.contains('Target database is not up to date: schema public')
assert log.contains('is at base, but the head of the migrations is 0a1b2c3d4e5f')
assert log.contains('Run `mvn migrate:upgrade` first, then `mvn migrate:autogen` again.')
def migrations = new File(basedir, 'src/main/java/com/acme/db/migrations').list()
assert migrations as List == ['R20261101_0900_Init.java'] : "autogen must not write anything: $migrations"
return true
