// A git repository with the project committed and a pre-commit hook that is not Migrate's (it leaves a mark).
def git = { List<String> args ->
    def p = (['git'] + args).execute(null, basedir)
    def out = new StringBuilder()
    p.waitForProcessOutput(out, out)
    assert p.exitValue() == 0 : "git $args: $out"
}
git(['init', '-q'])
git(['config', 'user.email', 'it@example.com'])
git(['config', 'user.name', 'IT'])
new File(basedir, '.gitignore').text = 'target/\nbuild.log\n'
git(['add', '.'])
git(['commit', '-q', '-m', 'initial'])
def hook = new File(basedir, '.git/hooks/pre-commit')
hook.text = '#!/bin/sh\necho ran >> "$(git rev-parse --show-toplevel)/target/foreign-hook-ran"\n'
hook.setExecutable(true, false)
new File(basedir, 'target').mkdirs()
return true
