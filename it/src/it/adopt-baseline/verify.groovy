def log = new File(basedir, 'build.log').text
assert log.contains('Database: 127.0.0.1:5432/adopt_baseline as postgres, schema public')
assert log.contains('Baseline created table customer')
assert log.contains('Not in the baseline (the model does not hold it): view customer_emails')
assert log =~ /Generated .*_Baseline\.java \(revision [0-9a-f]+\) and stamped schema public at it; no migration ran/
// autogen: exactly what separates the database from the entity
assert log.contains('Detected dropped column customer.legacy_note')
assert log =~ /Generated .*_Align\.java/
// a second baseline: the chain has revisions
assert log.contains('baseline writes the first revision of a chain, and the chain of schema public already has 2 revision(s)')
def props = new Properties()
props.setProperty('user', 'postgres')
def c = new org.postgresql.Driver().connect('jdbc:postgresql://127.0.0.1:5432/adopt_baseline', props)
try {
    def rs = c.createStatement().executeQuery('SELECT string_agg(email, \',\' ORDER BY id) FROM customer')
    assert rs.next() && rs.getString(1) == 'ann@example.com,bob@example.com'
    rs = c.createStatement().executeQuery('SELECT string_agg(direction, \',\' ORDER BY id) FROM migrate_history')
    assert rs.next() && rs.getString(1) == 'baseline,upgrade'
} finally {
    c.close()
}
return true
