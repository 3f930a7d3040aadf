def log = new File(basedir, 'build.log').text
assert log =~ /\[ERROR\] .*mainTemplate\.json:8: the placeholder \$\{offer\.network\} has no value in .*pid\.properties/
assert log =~ /\[ERROR\] .*mainTemplate\.json:17: the key offer\.main in .*pid\.properties is not a partner id: group 5 has 11 hex digits; it needs 12/
assert log.contains('Template fill failed: 2 problem(s); nothing was written to ')
assert !new File(basedir, 'target/templates/mainTemplate.json').exists() : 'nothing half-written'
true
