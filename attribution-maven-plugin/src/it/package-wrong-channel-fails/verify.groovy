// a package built with the GitHub channel's GUID fails the check for the Marketplace channel, naming both GUIDs
def log = new File(basedir, 'build.log').text
assert log =~ /\[ERROR\] .*offer\.zip!\/mainTemplate\.json:\[\d+,\d+\] CUA031 The tracking resource's GUID 2c3d4e5f-6071-4b8c-9d0e-1f2a3b4c5d6e is not the one .*pid\.properties holds for backup\.marketplace \(1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d\): it is registered for backup\.github\./
assert log.contains('2 template(s) checked: 1 error(s), 0 warning(s)')
assert log.contains('Template check failed (failOn errors)')
true
