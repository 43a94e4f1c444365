// A fresh database owned by adopt_user, whose password only the encrypted settings.xml server knows.
def props = new Properties()
props.setProperty('user', 'postgres')
props.setProperty('password', 'postgres')
def c = new org.postgresql.Driver().connect('jdbc:postgresql://127.0.0.1:5432/postgres', props)
try {
    c.createStatement().execute('DROP DATABASE IF EXISTS adopt_server_id WITH (FORCE)')
    c.createStatement().execute('''DO $$ BEGIN
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'adopt_user') THEN
          CREATE ROLE adopt_user LOGIN PASSWORD 'Adopt-S3cret-9f2';
        END IF; END $$''')
    c.createStatement().execute('CREATE DATABASE adopt_server_id OWNER adopt_user')
} finally {
    c.close()
}
return true
