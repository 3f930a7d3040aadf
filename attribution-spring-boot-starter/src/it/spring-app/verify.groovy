// Every test ran on both Spring Boot lines, and the opt-out variable's run happened on each.
def tested = new File(basedir, 'target/boot-versions-tested.txt').readLines()
['3.5.', '4.0.'].each { line ->
    ['StarterTest', 'EnvironmentOptOutTest', 'OptedOut'].each { test ->
        assert tested.any { it.startsWith(line) && it.endsWith(' ' + test) } : "${test} did not run on Spring Boot ${line}x: ${tested}"
    }
}
return true
