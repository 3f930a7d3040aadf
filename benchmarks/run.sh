#!/usr/bin/env bash
# Runs every benchmark in one run (about 4 minutes on 2 cores) and writes benchmarks/results/latest.md.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -ntp -q -DskipTests -pl benchmarks -am package
java -cp benchmarks/target/benchmarks.jar io.github.partnerattribution.benchmarks.RunAll benchmarks/results/latest.md
