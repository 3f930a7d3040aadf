import java.nio.file.Files
// A template that is not UTF-8 (ISO-8859-1 "é"), and a link to a file outside the source folder.
def templates = new File(basedir, 'templates').toPath()
def bytes = new ByteArrayOutputStream()
bytes.write('{ "description": "caf'.getBytes('US-ASCII'))
bytes.write(0xE9)
bytes.write('" }'.getBytes('US-ASCII'))
Files.write(templates.resolve('latin1.json'), bytes.toByteArray())
def outside = Files.createDirectories(basedir.toPath().resolve('outside'))
Files.write(outside.resolve('secret.json'), '{ "secret": true }'.getBytes('US-ASCII'))
Files.createSymbolicLink(templates.resolve('linked.json'), outside.resolve('secret.json'))
true
