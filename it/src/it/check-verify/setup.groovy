// Two fresh databases: it_check_verify for the goals, it_check_verify_psql for the offline script run with psql.
def props = new Properties()
props.setProperty('user', 'postgres')
props.setProperty('password', 'postgres')
def c = new org.postgresql.Driver().connect('jdbc:postgresql://127.0.0.1:5432/postgres', props)
try {
    for (db in ['it_check_verify', 'it_check_verify_psql']) {
        c.createStatement().execute("DROP DATABASE IF EXISTS $db WITH (FORCE)".toString())
        c.createStatement().execute("CREATE DATABASE $db".toString())
    }
} finally {
    c.close()
}
return true
