def log = new File(basedir, 'build.log').text
// -X ran: Maven dumped the mojo configuration
assert log.contains('[DEBUG] Configuring mojo')
assert !log.contains('Adopt-S3cret-9f2') : 'the decrypted password appears in the -X output'
assert log.contains('Database: 127.0.0.1:5432/adopt_server_id as adopt_user, schema public')
// once per goal
assert log.count('Database: 127.0.0.1:5432/adopt_server_id') >= 2
assert log.contains('Generated ')
// the tables belong to the server's user
def props = new Properties()
props.setProperty('user', 'postgres')
def c = new org.postgresql.Driver().connect('jdbc:postgresql://127.0.0.1:5432/adopt_server_id', props)
try {
    def rs = c.createStatement().executeQuery("SELECT tableowner FROM pg_tables WHERE tablename = 'customer'")
    assert rs.next() && rs.getString(1) == 'adopt_user'
} finally {
    c.close()
}
assert log.contains('<password> in the configuration of migrate-maven-plugin is not read')
return true
