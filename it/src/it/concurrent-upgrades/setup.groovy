// A fresh, empty database for this scenario (PostgreSQL on 127.0.0.1:5432, see the README).
def props = new Properties()
props.setProperty('user', 'postgres')
props.setProperty('password', 'postgres')
def c = new org.postgresql.Driver().connect('jdbc:postgresql://127.0.0.1:5432/postgres', props)
try {
    c.createStatement().execute('DROP DATABASE IF EXISTS it_concurrent_upgrades WITH (FORCE)')
    c.createStatement().execute('CREATE DATABASE it_concurrent_upgrades')
} finally {
    c.close()
}
return true
