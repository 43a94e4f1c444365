// After: an upgrade with the failing plugin skipped, then the read-only goals, then a plain validate that fails.
def log = new File(basedir, 'build.log').text
assert log.contains('Running upgrade <base> -> 0a1b2c3d4e5f, init')
assert log.contains('Schema public: 0a1b2c3d4e5f (head)') : 'current answered'
assert log.contains('<base> -> 0a1b2c3d4e5f (head) (current), init') : 'history answered'
assert log.readLines().any { it.endsWith('] 0a1b2c3d4e5f (head)') } : 'heads answered'
assert log.contains('Rev: 0a1b2c3d4e5f (head)') : 'show answered'
// the failing rule ran once: in the plain validate, never under a read-only goal
def failures = log.readLines().findAll { it.startsWith('[ERROR] Rule 0: ') && it.contains('AlwaysFail failed') }
assert failures.size() == 1 : "the enforcer rule ran ${failures.size()} times"
assert !log.contains('sources changed') && !log.contains('Sources changed') : 'nothing changed since the compile'
return true
