// A fresh database with 50 empty tenant schemas (tenant_01 .. tenant_50) and one more schema the pattern must not
// match; tenant_17 is sabotaged: it already has a customer_note table, so the second revision fails there.
def props = new Properties()
props.setProperty('user', 'postgres')
props.setProperty('password', 'postgres')
def c = new org.postgresql.Driver().connect('jdbc:postgresql://127.0.0.1:5432/postgres', props)
try {
    c.createStatement().execute('DROP DATABASE IF EXISTS it_tenant_fan_out WITH (FORCE)')
    c.createStatement().execute('CREATE DATABASE it_tenant_fan_out')
} finally {
    c.close()
}
c = new org.postgresql.Driver().connect('jdbc:postgresql://127.0.0.1:5432/it_tenant_fan_out', props)
try {
    (1..50).each { c.createStatement().execute(String.format('CREATE SCHEMA tenant_%02d', it)) }
    c.createStatement().execute('CREATE SCHEMA billing')
    c.createStatement().execute('CREATE TABLE tenant_17.customer_note (legacy text)')
} finally {
    c.close()
}
return true
