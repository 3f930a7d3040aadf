def log = new File(basedir, 'build.log').text
assert log =~ /Template check failed \(failOn errors\): .*templates: no deployment template found in .*templates: nothing was checked/
true
