// The README's test ran, and passed, in the partner's own project; and with no SLF4J binding in it, the decision
// that the environment's different id is not sent reached standard error.
def report = new File(basedir, 'target/surefire-reports/TEST-com.contoso.provisioning.TestYourAttributionTest.xml')
assert report.isFile() : "the README's test did not run: no ${report}"
def suite = (report.text =~ /<testsuite [^>]*>/)[0]
assert suite =~ /tests="1"/ && suite =~ /failures="0"/ && suite =~ /errors="0"/ && suite =~ /skipped="0"/ : suite
def log = new File(basedir, 'build.log').text
assert log.contains('[partner-attribution] WARNING Partner attribution: the environment variable AZURE_PARTNER_ID sets pid-0f0e0d0c-0b0a-4908-8706-050403020100, but a client attributed in code with pid-1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d sends only the id in code')
return true
