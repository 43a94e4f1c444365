// upgrade and heads with the class output half rebuilt fail naming the missing file or the command; a build then
// repairs it.
def log = new File(basedir, 'build.log').text
def classes = new File(basedir, 'target/classes').canonicalFile
assert log.contains("No model snapshot at ${new File(classes, 'META-INF/migrate/model.json')} (waited 5000 ms")
// heads reads the last compile without compiling (it does not fork): with the classes gone it names the command
assert log.contains("No compiled classes in ${classes}: migrate:heads reads the compiled model and revisions without compiling. Run mvn compile migrate:heads")
assert !log.contains('there are no revisions yet')
assert log.contains('Running upgrade <base> -> 0a1b2c3d4e5f')
return true
