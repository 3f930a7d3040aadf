def log = new File(basedir, 'build.log').text
// Maven's [ERROR] file:[line,col] form, which IDEs link
assert log =~ /\[ERROR\] .*nestedtemplates[\/\\]network\.json:\[6,5\] CUA003 A tracking resource/
assert log.contains('Template check failed (failOn errors)')
assert new File(basedir, 'target/attribution/templates.sarif').text.contains('CUA003')
true
