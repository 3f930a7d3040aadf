// fill put in the partner ids only; Maven's filtering the rest; check reported at the source's line and column
def filled = new File(basedir, 'target/templates/mainTemplate.json').text
assert filled.contains('"name": "pid-1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d"')
assert filled.contains('${label.tagsLabel}') && filled.contains('${apiVersion.storage}') : 'left for Maven'
def shipped = new File(basedir, 'target/offer/mainTemplate.json').text
assert shipped.contains('"label": "Contoso Analytics"') && shipped.contains('"apiVersion": "2023-01-01"')
assert shipped.contains('"name": "pid-1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d"')
assert !shipped.contains('${') : 'every placeholder filled by one of the two'

def log = new File(basedir, 'build.log').text
assert log.contains('Filled 2 placeholder(s) in 1 file(s) into ')
assert log.contains("Left 3 other placeholder(s) as they are, for Maven's resource filtering: \${apiVersion.storage}, \${label.offer}, \${label.tagsLabel}")

// the bare GUID's warning, at the column it has in the source (the copy's is 25 further right: the 11 characters of ${pid.main} became 36)
def source = new File(basedir, 'src/main/templates/mainTemplate.json')
def lines = source.readLines()
def at = lines.findIndexOf { it.contains('628cae16-c133') }
def column = lines[at].indexOf('"628cae16') + 1
def expected = source.toPath().toAbsolutePath().normalize().toString() + ':[' + (at + 1) + ',' + column + '] CUA016'
assert log.contains('[WARNING] ' + expected) : 'expected ' + expected
assert !(log =~ /target.templates.mainTemplate\.json:\[\d+,\d+\] CUA016/) : 'not the generated copy'
assert log.contains('1 template(s) checked: 0 error(s), 1 warning(s); SARIF in ')

// fillOtherKeys: the labels as plain text, escaped for JSON; a key the file lacks is left
def all = new File(basedir, 'target/all/mainTemplate.json').text
assert all.contains('"label": "Contoso \\"Analytics\\""') && all.contains('"apiVersion": "2023-01-01"')
assert all.contains('"offer": "${label.offer}"')
assert log.contains('Filled 4 placeholder(s) in 1 file(s) into ') && log.contains('(2 partner id(s), 2 other value(s))')
assert log.contains("Left 1 other placeholder(s) as they are, for Maven's resource filtering (no value in ")
true
