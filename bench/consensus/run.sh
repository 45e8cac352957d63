#!/usr/bin/env bash
# Consensus benchmark: Dawid–Skene over the issue's data set (1 000 000 answers: 100 000 items, 1 000 labelers,
# 5 classes, 10 answers per item), against a pass that only reads the answers, in one JVM with a capped heap.
# Pure Java, no database. See README.md beside this file.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)

# ---------------------------------------------------------------- knobs
ITEMS=${ITEMS:-100000}
LABELERS=${LABELERS:-1000}
CLASSES=${CLASSES:-5}
PER_ITEM=${PER_ITEM:-10}              # answers per item, from distinct labelers
MIN_ACCURACY=${MIN_ACCURACY:-0.5}     # each labeler's accuracy is uniform in [MIN, MAX]; errors uniform over the other classes
MAX_ACCURACY=${MAX_ACCURACY:-0.95}
SEED=${SEED:-20261126}
REPEATS=${REPEATS:-5}                 # timed runs of the 100 iterations (the first pays for the JIT)
HEAP=${HEAP:-500m}                    # -Xmx: the issue's memory budget
JAVA_OPTS=${JAVA_OPTS:-}
RESULTS=${RESULTS:-$ROOT/bench/RESULTS.md}
ARTIFACTS=${ARTIFACTS:-$ROOT/target/bench-consensus}   # the driver's JSON, log and /usr/bin/time report of each run

RUN_ID=$(date -u +%Y%m%dT%H%M%SZ)-$$
COMMAND="ITEMS=$ITEMS LABELERS=$LABELERS CLASSES=$CLASSES PER_ITEM=$PER_ITEM MIN_ACCURACY=$MIN_ACCURACY MAX_ACCURACY=$MAX_ACCURACY SEED=$SEED REPEATS=$REPEATS HEAP=$HEAP bash bench/consensus/run.sh"

WORK=$(mktemp -d /tmp/labelmint-consensus-bench.XXXXXX)
source "$ROOT/bench/lib/common.sh"

cleanup() {
    local status=$?
    trap - EXIT INT TERM
    rm -rf "$WORK"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

require_tools java javac mvn jq awk
[[ -x /usr/bin/time ]] || die "/usr/bin/time (GNU time, for the maximum resident set size) is required"

# ---------------------------------------------------------------- build
# Classes older than the sources would measure code that is no longer there.
compile_if_stale() {
    local engine=$ROOT/target/classes/com/labelmint/consensus/engine/DawidSkene.class
    if [[ -f $engine && -z $(cd "$ROOT" && find pom.xml src/main -newer "$engine" -print -quit) ]]; then return 0; fi
    log "compiling the project's classes"
    (cd "$ROOT" && mvn -B -ntp -q compile)
}

compile_if_stale
# The driver is compiled apart (not run as a source file), so that javac's own heap is not in the figures.
javac -d "$WORK/driver" -cp "$ROOT/target/classes" "$HERE/Driver.java"

# ---------------------------------------------------------------- run
START=$(date -u '+%Y-%m-%d %H:%M UTC')
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
SECONDS=0
OUT=$ARTIFACTS/$RUN_ID
mkdir -p "$OUT"

log "running the driver: $ITEMS items x $PER_ITEM answers, $LABELERS labelers, $CLASSES classes, -Xmx$HEAP"
# shellcheck disable=SC2086 # JAVA_OPTS is a list of options
/usr/bin/time -v -o "$OUT/time.txt" java -Xmx"$HEAP" $JAVA_OPTS -cp "$ROOT/target/classes:$WORK/driver" Driver \
    "$ITEMS" "$LABELERS" "$CLASSES" "$PER_ITEM" "$MIN_ACCURACY" "$MAX_ACCURACY" "$SEED" "$REPEATS" \
    >"$OUT/driver.json" 2> >(tee "$OUT/driver.log" >&2) || die "the driver failed (see $OUT/driver.log)"
LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)
ELAPSED=$SECONDS

# ---------------------------------------------------------------- report
J=$OUT/driver.json
j() { jq -r "$1" "$J"; }
median() { j "$1 | sort | .[length / 2 | floor]"; }
ms() { fmt "$1" 0; }
MAX_RSS_MB=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$OUT/time.txt")
FLOOR=$(j '.floorMs | min')
FLOOR_CPU=$(j '.floorCpuMs | min')
HUNDRED_BEST=$(j '.hundredWallMs | min')
ITERATION=$(calc "$HUNDRED_BEST / 100")
CPU_ITERATION=$(calc "$(j '.hundredThreadCpuMs | min') / 100")
TWO_RANGES_ITERATION=$(calc "$(j '.twoRangesWallMs | min') / 100")
within() { awk -v v="$1" -v limit="$2" 'BEGIN { print (v < limit ? "yes" : "**no**") }'; }
list() { j "$1 | map(. * 1 | round | tostring) | join(\" / \")"; }

TABLE=$WORK/table.md
{
    echo "| Measure | Figure | Target or reference |"
    echo "|---|---:|---|"
    echo "| **100 EM iterations**, default options (one task range, on the calling thread), wall ms: each run (the first with JIT warm-up) | **$(list .hundredWallMs)** | < 3 000 ms: $(within "$HUNDRED_BEST" 3000) (best run); numpy ≈ 11 000 ms, crowd-kit ≈ 190 000 ms |"
    echo "| the same runs, CPU ms: the process (JIT and GC included); the fitting thread | $(list .hundredCpuMs); $(list .hundredThreadCpuMs) | |"
    echo "| 100 EM iterations with \`withPartitions(2)\` (two ranges on two threads), wall ms: each run | $(list .twoRangesWallMs) | |"
    echo "| the same runs, CPU ms of the process | $(list .twoRangesCpuMs) | |"
    echo "| one EM iteration, ms: best run ÷ 100, wall; thread CPU / two ranges, wall | $(fmt "$ITERATION" 1); $(fmt "$CPU_ITERATION" 1) / $(fmt "$TWO_RANGES_ITERATION" 1) | |"
    echo "| counting pass over the $(j .answers) answers (read item and label, count per item and class), ms, best / median of $(j '.floorMs | length'): wall; thread CPU | $(fmt "$FLOOR" 2) / $(fmt "$(median .floorMs)" 2); $(fmt "$FLOOR_CPU" 2) / $(fmt "$(median .floorCpuMs)" 2) | the memory-bandwidth floor |"
    echo "| **one EM iteration ÷ counting pass**, best ÷ best: thread CPU (steadiest under load) / wall / two ranges, wall | **$(fmt "$(calc "$CPU_ITERATION / $FLOOR_CPU")" 1)** / $(fmt "$(calc "$ITERATION / $FLOOR")" 1) / $(fmt "$(calc "$TWO_RANGES_ITERATION / $FLOOR")" 1) | |"
    echo "| Dawid–Skene to convergence (relative tolerance 1e-7, from a soft majority vote): wall ms / CPU ms / iterations | $(ms "$(j .convergenceMs)") / $(ms "$(j .convergenceCpuMs)") / $(j .convergenceIterations) | |"
    echo "| majority vote, wall ms | $(fmt "$(j .majorityMs)" 1) | |"
    echo "| **accuracy against the generating truth**: majority vote / Dawid–Skene (converged; after 100 iterations) | **$(fmt "$(j .majorityAccuracy)" 4) / $(fmt "$(j .dawidSkeneAccuracy)" 4)**; $(fmt "$(j .hundredAccuracy)" 4) | |"
    echo "| **maximum resident set size of the JVM** (\`/usr/bin/time -v\`, whole run, -Xmx$HEAP), MB | **$MAX_RSS_MB** | < 500 MB: $(within "$MAX_RSS_MB" 500); numpy ≈ 290 MB |"
    echo "| heap in use after a full GC, holding the answers and the converged result, MB | $(fmt "$(j .liveHeapWithResultMb)" 1) | |"
    echo "| peak heap during the fit to convergence (sum of the heap pools' peaks after a GC and reset: an upper bound), MB | $(fmt "$(j .fitPeakHeapMb)" 1) | |"
    echo "| encoding $(j .answers) rows of strings (item, labeler UUID, label) with \`AnswerMatrixBuilder\`: wall ms / heap after GC holding the result, MB | $(ms "$(j .encodeMs)") / $(fmt "$(j .encodedLiveHeapMb)" 1) | |"
} >"$TABLE"

SECTION=$WORK/section.md
{
    echo "<!-- consensus-bench:start -->"
    echo "## Consensus: Dawid–Skene (bench/consensus/run.sh)"
    echo
    echo "- Date: $START, run took ${ELAPSED}s"
    echo "- Machine: $(nproc) cores, $(free -g | awk '/^Mem:/ { print $2 " GiB RAM" }'), $(java -version 2>&1 | head -n 1), default GC, -Xmx$HEAP"
    echo "- Load average (1/5/15 min) at start: $LOAD_START; at end: $LOAD_END (shared machine: wall times of parallel runs suffer most when it is busy; CPU times less)"
    echo "- Command: \`$COMMAND\`"
    echo "- Data: $ITEMS items × $PER_ITEM answers from distinct labelers = $(j .answers) answers, $LABELERS labelers, $CLASSES classes, true class uniform, labeler accuracy uniform in [$MIN_ACCURACY, $MAX_ACCURACY], errors uniform over the other classes, seed $SEED, in item order; \`DawidSkeneOptions.defaults()\` (1 pseudo-count) with the tolerance off for the 100-iteration runs. Raw outputs: \`target/bench-consensus/$RUN_ID/\`"
    echo
    cat "$TABLE"
    echo
    echo "<!-- consensus-bench:end -->"
} >"$SECTION"

cat "$TABLE"
write_section "$RESULTS" consensus-bench "$SECTION"
