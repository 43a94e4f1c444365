// After: upgrade tenant_* (fails in tenant_17 only), current tenant_*, downgrade tenant_01,tenant_02.
def log = new File(basedir, 'build.log').text
assert log.contains('upgrade: 50 schema(s) of 127.0.0.1:5432/it_tenant_fan_out as postgres on 4 thread(s)')
assert log.contains('upgrade FAILED in schema tenant_17: Revision 1a0000000002')
assert log =~ /upgrade: 50\/50 schemas done, 1 failed, [\d.]+ schemas\/s/
assert log =~ /tenant_17  <base>        1a0000000001          1 +\d+ ms  FAILED/
assert log =~ /tenant_16  <base>        1a0000000003          3 +\d+ ms  ok/
assert log =~ /upgrade: 50 schema\(s\) in [\d.]+ s on 4 thread\(s\): 49 ok, 1 failed/
assert log.contains('upgrade failed in 1 of 50 schema(s); the others completed, and each failed schema stays at its last good revision:')
assert log.contains('tenant_17 (at 1a0000000001): Revision 1a0000000002 (com.acme.db.migrations.R20261102_0900_CreateCustomerNote) failed to upgrade schema tenant_17: ERROR: relation "customer_note" already exists')
assert !log.contains('billing  ')
assert log =~ /current: 50 schema\(s\) in [\d.]+ s on 4 thread\(s\): 50 ok, 0 failed/
assert log =~ /tenant_17  1a0000000001  1a0000000001          0 +\d+ ms  ok/
assert log =~ /downgrade: 2 schema\(s\) in [\d.]+ s on 2 thread\(s\): 2 ok, 0 failed/

def props = new Properties()
props.setProperty('user', 'postgres')
props.setProperty('password', 'postgres')
def c = new org.postgresql.Driver().connect('jdbc:postgresql://127.0.0.1:5432/it_tenant_fan_out', props)
try {
    def one = { String sql -> def rs = c.createStatement().executeQuery(sql); rs.next(); rs.getString(1) }
    (1..50).each {
        def s = String.format('tenant_%02d', it)
        def expected = s == 'tenant_17' ? '1a0000000001' : s in ['tenant_01', 'tenant_02'] ? '1a0000000002' : '1a0000000003'
        assert one("select version_num from ${s}.migrate_version") == expected : s
    }
    // the failed attempt is recorded, the sabotage table untouched, nothing half-done
    assert one("select string_agg(revision || ':' || success, ',' order by id) from tenant_17.migrate_history") == '1a0000000001:true,1a0000000002:false'
    assert one("select string_agg(column_name, ',' order by ordinal_position) from information_schema.columns where table_schema = 'tenant_17' and table_name = 'customer_note'") == 'legacy'
    assert one("select count(*) from information_schema.tables where table_schema = 'billing'") == '0'
} finally {
    c.close()
}
return true
