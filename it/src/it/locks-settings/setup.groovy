// A fresh database for this scenario (PostgreSQL on 127.0.0.1:5432, see the README), with a schema `other` whose
// version table names a revision that no migration class has.
def props = new Properties()
props.setProperty('user', 'postgres')
props.setProperty('password', 'postgres')
def admin = new org.postgresql.Driver().connect('jdbc:postgresql://127.0.0.1:5432/postgres', props)
try {
    admin.createStatement().execute('DROP DATABASE IF EXISTS locks_it_settings WITH (FORCE)')
    admin.createStatement().execute('CREATE DATABASE locks_it_settings')
} finally {
    admin.close()
}
def c = new org.postgresql.Driver().connect('jdbc:postgresql://127.0.0.1:5432/locks_it_settings', props)
try {
    c.createStatement().execute('CREATE SCHEMA other')
    c.createStatement().execute('CREATE TABLE other.migrate_version (version_num varchar(32) PRIMARY KEY)')
    c.createStatement().execute("INSERT INTO other.migrate_version VALUES ('ffffffffffff')")
} finally {
    c.close()
}
return true
