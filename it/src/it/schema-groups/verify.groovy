// After: autogen init (three groups), upgrade message (applies user first), current, upgrade policy, (model v2)
// autogen add-phone for user only, upgrade user, autogen (nothing anywhere), downgrade user, current + history of
// user and message, and an unknown group.
def log = new File(basedir, 'build.log').text
def root = new File(basedir, 'src/main/java/com/acme/db/migrations')
def list = { String alias -> (new File(root, alias).list() ?: []).sort() }
assert root.list().sort() == ['message', 'policy', 'user'] : "one package per group: ${root.list()}"
assert list('user').size() == 2 && list('user')[0] ==~ /R\d{8}_\d{6}_Init\.java/ && list('user')[1] ==~ /R\d{8}_\d{6}_AddPhone\.java/
assert list('policy').size() == 1 && list('message').size() == 1 : "add-phone must not leak into policy or message"

def text = { String alias, int i -> new File(new File(root, alias), list(alias)[i]).text }
def idOf = { String source -> (source =~ /@Revision\(\s*id = "([0-9a-f]{12})"/)[0][1] }
def userInit = text('user', 0)
def messageInit = text('message', 0)
assert userInit.contains('package com.acme.db.migrations.user;')
assert userInit.contains('branchLabels = "user")')
assert userInit =~ /op\.createTable\(\s*table\(\s*"account",/
assert !userInit.contains('"message"') && !userInit.contains('"policy"')
assert messageInit.contains("dependsOn = \"${idOf(userInit)}\", branchLabels = \"message\")")
assert messageInit.contains('.referencesInSchema("rfx_user", "account", "id")')
assert !(messageInit =~ /table\(\s*"account"/)
def addPhone = text('user', 1)
assert addPhone.contains("revises = \"${idOf(userInit)}\"")
assert addPhone.contains('op.addColumn("account", column("phone", varchar(32)));')

assert log.contains("Schema group message revision ${idOf(messageInit)} depends on revision ${idOf(userInit)} of group user: upgrading user to it first")
assert log.contains('Schema group policy (rfx_policy): <base> (no revision applied)')
assert log.contains("Schema group user (rfx_user): ${idOf(userInit)} (head)")
assert log.contains('Schema group message: No changes detected')
assert log.contains('Schema group policy: No changes detected')
assert log.contains('Schema group user: No changes detected')
assert log.contains("Schema group user (rfx_user): ${idOf(userInit)}; head is ${idOf(addPhone)}")
assert log.contains("Schema group message (rfx_message): ${idOf(messageInit)} (head)")
assert log.contains('Schema group user (rfx_user):')
assert log.contains("${idOf(userInit)} -> ${idOf(addPhone)} (user) (head), add-phone")   // the alias is the branch label
assert log.contains("Unknown schema group 'billing'. Known groups: message (rfx_message), policy (rfx_policy), user (rfx_user).")

def props = new Properties()
props.setProperty('user', 'postgres')
props.setProperty('password', 'postgres')
def c = new org.postgresql.Driver().connect('jdbc:postgresql://127.0.0.1:5432/it_schema_groups', props)
try {
    def rows = { String sql -> def out = []; def rs = c.createStatement().executeQuery(sql); while (rs.next()) out << rs.getString(1); out }
    assert rows("select table_schema || '.' || table_name from information_schema.tables where table_schema like 'rfx_%' order by 1") == [
        'rfx_message.message', 'rfx_message.migrate_history', 'rfx_message.migrate_version',
        'rfx_policy.migrate_history', 'rfx_policy.migrate_version', 'rfx_policy.policy',
        'rfx_user.account', 'rfx_user.migrate_history', 'rfx_user.migrate_version']
    assert rows("select column_name from information_schema.columns where table_schema = 'rfx_user' and table_name = 'account' order by ordinal_position") == ['id', 'email']
    assert rows('select version_num from rfx_user.migrate_version') == [idOf(userInit)]
    assert rows('select version_num from rfx_message.migrate_version') == [idOf(messageInit)]
    assert rows("select string_agg(direction, ',' order by id) from rfx_user.migrate_history") == ['upgrade,upgrade,downgrade']
    assert rows("select confrelid::regclass::text from pg_constraint where conname = 'message_account_id_fkey'") == ['rfx_user.account']
} finally {
    c.close()
}
return true
