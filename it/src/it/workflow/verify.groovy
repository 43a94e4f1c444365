// After: autogen init, upgrade, (model v2) autogen add-phone, upgrade, autogen (nothing), history, downgrade,
// revision backfill.
def log = new File(basedir, 'build.log').text
def dir = new File(basedir, 'src/main/java/com/acme/db/migrations')
def files = dir.list().sort()
assert files.size() == 3 : "expected the init, add-phone and backfill migrations, got $files"
assert files[0] ==~ /R\d{8}_\d{6}_Init\.java/
assert files[1] ==~ /R\d{8}_\d{6}_AddPhone\.java/
def addPhone = new File(dir, files[1]).text
assert addPhone.contains('op.addColumn("customer", column("phone", varchar(32)));')
assert addPhone.contains('op.dropColumn("customer", column("phone", varchar(32)));')
assert addPhone.contains('// DESTRUCTIVE: ')
// the check Hibernate derives from the application's converter (com.acme.convert.YesNo), which autogen ran
assert addPhone.contains("op.addCheckConstraint(\"customer\", check(\"customer_vip_check\", \"vip in ('N','Y')\"), notValid());")
def addPhoneId = (addPhone =~ /@Revision\(\s*id = "([0-9a-f]{12})"/)[0][1]
assert files[2] ==~ /R\d{8}_\d{6}_Backfill\.java/
def backfill = new File(dir, files[2]).text
assert backfill.contains("revises = \"$addPhoneId\"")
assert backfill.contains('public void upgrade(Operations op) {')

assert log.contains('No changes detected')
assert log.contains('Running upgrade <base> -> ')
assert log.contains('Running downgrade ')
assert log.contains(' (head) (current), add-phone')
assert log.contains('migrate:upgrade') && log.contains('migrate:autogen')   // migrate:help

def props = new Properties()
props.setProperty('user', 'postgres')
props.setProperty('password', 'postgres')
def c = new org.postgresql.Driver().connect('jdbc:postgresql://127.0.0.1:5432/it_workflow', props)
try {
    def columns = []
    def rs = c.createStatement().executeQuery(
        "select column_name from information_schema.columns where table_schema = 'public' and table_name = 'customer' order by ordinal_position")
    while (rs.next()) columns << rs.getString(1)
    assert columns == ['id', 'email', 'name'] : "phone must be gone after the downgrade: $columns"

    rs = c.createStatement().executeQuery('select version_num from migrate_version')
    assert rs.next()
    def version = rs.getString(1)
    assert new File(dir, files[0]).text.contains("id = \"$version\"") : "database must be back at the init revision"
    assert !rs.next()

    rs = c.createStatement().executeQuery("select string_agg(direction, ',' order by id) from migrate_history where success")
    rs.next()
    assert rs.getString(1) == 'upgrade,upgrade,downgrade'
} finally {
    c.close()
}
return true
