def log = new File(basedir, 'build.log').text
def file = 'com/acme/db/migrations/R2_Hand.java'
assert log.contains("error: b2b2b2b2b2b2 ($file): require-concurrent-index-creation on index customer_email_idx on customer: lock, SHARE (blocks writes)")
assert log.contains("error: b2b2b2b2b2b2 ($file): adding-not-nullable-field on customer.email: scan under lock, ACCESS EXCLUSIVE (blocks reads and writes)")
assert log.contains("info: b2b2b2b2b2b2 ($file): unchecked-sql on SQL \"CLUSTER customer\"")
assert log.contains("info: b2b2b2b2b2b2 ($file): ban-drop-column on customer.name: data loss, breaks the running application")
assert log.contains('(accepted by @AcceptedHazards)')
assert !log.contains('customer_name_idx') : 'the index of a table created in the same revision is no hazard'
assert log.contains('Linted 2 revision(s): 4 finding(s), 2 at or above error.')
assert log.contains('[ERROR] Failed to execute goal dev.migrate:migrate-maven-plugin')
return true
