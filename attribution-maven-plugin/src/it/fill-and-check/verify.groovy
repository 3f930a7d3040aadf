def filled = new File(basedir, 'target/templates/mainTemplate.json').text
assert filled.contains('"name": "pid-1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d"')
def source = new File(basedir, 'src/main/templates/mainTemplate.json').text
assert source.contains('"name": "pid-${offer.main}"') : 'the source is never edited'
assert new File(basedir, 'target/templates/nestedtemplates/network.json').isFile()
assert new File(basedir, 'target/attribution/templates.sarif').text =~ /"version"\s*:\s*"2\.1\.0"/
def log = new File(basedir, 'build.log').text
assert log.contains('Filled 1 placeholder(s) in 2 file(s)')
assert log.contains('2 template(s) checked: 0 error(s), 0 warning(s)')
true
