def log = new File(basedir, 'build.log').text
// invoker.goals.1: refused before connecting
assert log.contains('-Dmigrate.lockTimeout=60 has no unit: write a whole number and a unit, ms, s, min or h, for example 60s or 60ms.')
// invoker.goals.2
assert log.contains('Running upgrade <base> -> 0a1b2c3d4e5f, init')
// invoker.goals.3
assert log.contains('ffffffffffff (unknown to the code: not in the migrations package; was it deleted or not yet pulled?)')

def props = new Properties()
props.setProperty('user', 'postgres')
props.setProperty('password', 'postgres')
def c = new org.postgresql.Driver().connect('jdbc:postgresql://127.0.0.1:5432/locks_it_settings', props)
try {
    def rs = c.createStatement().executeQuery('SELECT version_num FROM public.migrate_version')
    assert rs.next() && rs.getString(1) == '0a1b2c3d4e5f'
} finally {
    c.close()
}
return true
