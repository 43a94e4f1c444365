// See invoker.properties: upgrade, a refused upgrade of the edited revision, repair, upgrade and history.
def log = new File(basedir, 'build.log').text
assert log.contains('Running upgrade 0a1b2c3d4e5f -> b1b1b1b1b1b1, add phone')
assert log.contains('Refusing to upgrade schema public of 127.0.0.1:5432/checksum_repair as postgres: a revision applied to it was edited since. Nothing was run.')
assert log.contains('  Revision b1b1b1b1b1b1 (com.acme.db.migrations.R20261102_0900_AddPhone, file com/acme/db/migrations/R20261102_0900_AddPhone.java): op 1 of 1 changed from ...hone","type":{"name":"varchar","length":32},"nullable":true}} to ...hone","type":{"name":"varchar","length":40},"nullable":true}}; checksum applied v2:')
assert log.contains('accept it on record with `mvn migrate:repair -Dmigrate.revision=b1b1b1b1b1b1`')
assert log.contains('Repaired schema public: accepted the edit. Revision b1b1b1b1b1b1 (com.acme.db.migrations.R20261102_0900_AddPhone')
assert log.contains('Schema public: 1 edit(s) accepted (b1b1b1b1b1b1); `mvn migrate:history -Dmigrate.verbose` lists the repair row(s)')
assert log.contains('Schema public is at b1b1b1b1b1b1; nothing to upgrade')
assert log =~ /repair    b1b1b1b1b1b1  by postgres  0 ms/

def props = new Properties()
props.setProperty('user', 'postgres')
props.setProperty('password', 'postgres')
def c = new org.postgresql.Driver().connect('jdbc:postgresql://127.0.0.1:5432/checksum_repair', props)
try {
    def rs = c.createStatement().executeQuery(
        "select string_agg(revision || ' ' || direction || ' ' || left(checksum, 3), ',' order by id) from migrate_history")
    rs.next()
    assert rs.getString(1) == '0a1b2c3d4e5f upgrade v2:,b1b1b1b1b1b1 upgrade v2:,b1b1b1b1b1b1 repair v2:'
    // nothing of the edit ran: the column keeps the type it was applied with
    rs = c.createStatement().executeQuery(
        "select character_maximum_length from information_schema.columns where table_name = 'customer' and column_name = 'phone'")
    rs.next()
    assert rs.getInt(1) == 32
} finally {
    c.close()
}
return true
