// a mistyped key in the tracking name fails the build naming the key it meant, and nothing is written
def log = new File(basedir, 'build.log').text
assert log =~ /\[ERROR\] .*mainTemplate\.json:17: the tracking name "pid-\$\{backup\.marketplce\}" holds \$\{backup\.marketplce\}, which .*pid\.properties does not define \(did you mean backup\.marketplace\?\): left unfilled/
assert log.contains('Template fill failed: 1 problem(s); nothing was written to ')
assert !new File(basedir, 'target/templates/mainTemplate.json').exists() : 'nothing half-written'
true
