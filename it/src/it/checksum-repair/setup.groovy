// A fresh, empty database for this scenario (PostgreSQL on 127.0.0.1:5432, see the README).
def props = new Properties()
props.setProperty('user', 'postgres')
props.setProperty('password', 'postgres')
def c = new org.postgresql.Driver().connect('jdbc:postgresql://127.0.0.1:5432/postgres', props)
try {
    c.createStatement().execute('DROP DATABASE IF EXISTS checksum_repair WITH (FORCE)')
    c.createStatement().execute('CREATE DATABASE checksum_repair')
} finally {
    c.close()
}
return true
