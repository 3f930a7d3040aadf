def log = new File(basedir, 'build.log').text
assert log =~ /\[ERROR\] .*pid\.properties:3: the key offer\.other is defined again \(first at line 2\); give each key once/
assert log =~ /\[ERROR\] .*mainTemplate\.json:8: the key offer\.main in .*pid\.properties is "pid-1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d", which already starts with pid-, and the template writes pid- before \$\{offer\.main\}/
assert log =~ /\[ERROR\] .*latin1\.json: it is not UTF-8 \(byte 21 is 0xE9\); it was not filled, and nothing is repaired/
assert log =~ /\[ERROR\] .*linked\.json: it is a link to .*outside.secret\.json, outside .*templates; a template that resolves outside the source folder is not copied/
assert log.contains('Template fill failed: 4 problem(s); nothing was written to ')
assert !new File(basedir, 'target/templates').exists() : 'nothing half-written'
true
