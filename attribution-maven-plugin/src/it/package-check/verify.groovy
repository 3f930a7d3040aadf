// the package maven-assembly-plugin built, checked as Partner Center reads it: layout, links inside, attribution
def zip = new File(basedir, 'target/offer.zip')
assert zip.isFile()
def names = new java.util.zip.ZipFile(zip).entries().collect { it.name }
assert names.contains('mainTemplate.json') && names.contains('createUiDefinition.json') : names
def log = new File(basedir, 'build.log').text
assert log.contains('2 template(s) checked: 0 error(s), 0 warning(s)') : 'the main template and the nested one; the archive is not a template'
assert !(log =~ /CUA0\d\d/) : 'no finding'
assert !new File(basedir, 'target/offer').exists() : 'nothing extracted'
true
