// A fresh database for this scenario; schema tenant-1 already holds a table with one row, which reset must refuse to
// drop without -Dmigrate.force.
def props = new Properties()
props.setProperty('user', 'postgres')
props.setProperty('password', 'postgres')
def c = new org.postgresql.Driver().connect('jdbc:postgresql://127.0.0.1:5432/postgres', props)
try {
    c.createStatement().execute('DROP DATABASE IF EXISTS it_target_schemas WITH (FORCE)')
    c.createStatement().execute('CREATE DATABASE it_target_schemas')
} finally {
    c.close()
}
c = new org.postgresql.Driver().connect('jdbc:postgresql://127.0.0.1:5432/it_target_schemas', props)
try {
    c.createStatement().execute('CREATE SCHEMA "tenant-1"; CREATE TABLE "tenant-1".scratch (note text); INSERT INTO "tenant-1".scratch VALUES (\'keep me\')')
} finally {
    c.close()
}
return true
