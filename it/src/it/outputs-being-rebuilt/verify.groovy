// upgrade and heads with the class output half rebuilt fail naming the missing file; a build then repairs it.
def log = new File(basedir, 'build.log').text
def classes = new File(basedir, 'target/classes').canonicalFile
assert log.contains("No model snapshot at ${new File(classes, 'META-INF/migrate/model.json')} (waited 5000 ms")
assert log.contains("The revision index ${new File(classes, 'META-INF/migrate/revisions')} is missing")
assert !log.contains('there are no revisions yet')
assert log.contains('Running upgrade <base> -> 0a1b2c3d4e5f')
return true
