// See invoker.properties. Standard output and standard error are read apart: JSON must be alone on standard output.
// (.mvn/jvm.config sets -Djansi.noreset=true: Maven 3.8 writes a colour reset, ESC[0m, on standard output even with
// -B -q, 3.9 does not.)
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def help = log.readLines().collect { it.replaceFirst(/^\[INFO\]/, '').trim() }
for (goal in ['autogen', 'baseline', 'branches', 'check', 'current', 'downgrade', 'heads', 'help', 'history', 'install-hook',
              'lint', 'merge', 'repair', 'reset', 'revision', 'show', 'stamp', 'upgrade']) {
    assert help.contains("migrate:$goal".toString()) : "migrate:help does not list $goal"
}
// 18 goals for users and the internal ensure-snapshot of the forked compile
assert log.contains('This plugin has 19 goals:')
// examples one a line, not run into one paragraph
assert help.contains('mvn migrate:upgrade -Dmigrate.revision=+1 # one step')
assert help.contains('mvn migrate:show -Dmigrate.revision=shop@head')

def url = ['-Dmigrate.url=jdbc:postgresql://127.0.0.1:5432/it_quiet_and_json', '-Dmigrate.user=postgres',
           '-Dmigrate.password=postgres']
def mvn = { List<String> goals ->
    def cmd = [new File(System.getProperty('maven.home'), 'bin/mvn').path, '-B', '-o', '-q',
        '-s', new File(basedir.parentFile, 'interpolated-settings.xml').path,
        "-Dmaven.repo.local=$localRepositoryPath".toString()] + goals + url
    def p = cmd.execute(null, basedir)
    def out = new StringBuilder(), err = new StringBuilder()
    p.waitForProcessOutput(out, err)
    new File(basedir, "${goals.join('_').replaceAll('[^A-Za-z0-9_]', '')}.log").text = "$out\n--- stderr\n$err"
    assert p.exitValue() == 0 : "mvn -q $goals failed:\n$out\n$err"
    return out.toString()
}

// -q: the read-only goals still answer, on standard output and without a log prefix
assert mvn(['migrate:current']).readLines().contains('Schema public: 0a1b2c3d4e5f (head)')
assert mvn(['migrate:history']).contains('<base> -> 0a1b2c3d4e5f (head) (current), init')
assert mvn(['migrate:heads']).contains('0a1b2c3d4e5f (head)')

// -Dmigrate.format=json: standard output is one JSON document and nothing else
def json = { String goal -> new JsonSlurper().parseText(mvn(["migrate:$goal".toString(), '-Dmigrate.format=json'])) }
def current = json('current')
assert current.goal == 'current' && current.outcome == 'ok'
assert current.schemas == [[schema: 'public', group: null, revisions: ['0a1b2c3d4e5f'], heads: ['0a1b2c3d4e5f'], unknown: []]]
def history = json('history')
assert history.schemas[0].revisions*.id == ['0a1b2c3d4e5f'] && history.schemas[0].revisions[0].current
def heads = json('heads')
assert heads.schemas[0].heads*.id == ['0a1b2c3d4e5f']
def upgrade = json('upgrade')
assert upgrade.outcome == 'ok' && upgrade.schemas[0].from == '0a1b2c3d4e5f' && upgrade.schemas[0].revisions == []
def check = json('check')
assert check.outcome == 'ok' && check.schemas[0].passed && check.schemas[0].problems == []
return true
