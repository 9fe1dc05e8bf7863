#!/usr/bin/env bash
# The side-by-side run (see BENCHMARKS.md): the fake, WireMock and bare Undertow, each in its own
# JVM on its own classpath, same client, same machine, interleaved. Run from anywhere:
#   benchmarks/side-by-side.sh                         # 3 reps x 2 s per mode, ~15 min on 2 cores
#   benchmarks/side-by-side.sh --reps 1 --seconds 1 --soak 100000 --scenarios status,get
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -Pbenchmarks -pl benchmarks -am package -DskipTests
mkdir -p benchmarks/results
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
java -cp "benchmarks/target/classes:$(cat benchmarks/target/cp-fake.txt)" \
  io.github.ticdcfake.bench.load.Footprint benchmarks/target/cp-fake.txt 2>/dev/null \
  | tee "benchmarks/results/footprint-$stamp.txt"
java -cp "benchmarks/target/classes:$(cat benchmarks/target/cp-all.txt)" \
  io.github.ticdcfake.bench.load.SideBySide --out "benchmarks/results/side-by-side-$stamp.md" "$@" \
  2>&1 | tee "benchmarks/results/side-by-side-$stamp.log"
