#!/usr/bin/env bash
# Runs every benchmark in one run (about 12 minutes on 2 cores, the build included; the CLI's start-up through its launcher too) and writes benchmarks/results/latest.md.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -ntp -q -DskipTests -pl benchmarks,attribution-cli,attribution-agent -am package
java -cp benchmarks/target/benchmarks.jar io.github.partnerattribution.benchmarks.RunAll benchmarks/results/latest.md
