// Shared by every IT: each line of expected-log.txt must appear in build.log, and each line of
// unexpected-log.txt must not (a "~" line is a regular expression).
def log = new File(basedir, 'build.log').text
def check = { String name, boolean present ->
    def file = new File(basedir, name)
    if (!file.exists()) return
    file.eachLine { line ->
        if (line.trim().isEmpty()) return
        def found = line.startsWith('~') ? (log =~ line.substring(1)).find() : log.contains(line)
        assert found == present : (present ? 'missing from' : 'unexpected in') + " build.log: " + line
    }
}
check('expected-log.txt', true)
check('unexpected-log.txt', false)
return true
