#!/usr/bin/env bash
# Corpus-scale throughput of claimcheck, side by side with grep and cat.
#
# usage: scripts/bench.sh [--full] [--sizes "10MB 100MB"] [--runs N] [--seed N]
#                         [--timeout SECS] [--long SECS] [--no-build] [--dir DIR]
#
#   --full          also the 1 GB corpus (needs ~3.5 GB free disk: the small
#                   files take ~2 GB of blocks, all.txt 1 GB; and many minutes)
#   --sizes LIST    corpus sizes to run (default "10MB 100MB", plus 1GB with --full)
#   --runs N        timed runs per command; the median is reported (default 3)
#   --seed N        generator seed (default 1)
#   --timeout SECS  give up on a command after SECS seconds (default 1200)
#   --long SECS     a command whose run takes longer than SECS is not repeated
#                   (marked † in the table; default 300)
#   --no-build      use the binaries already in target/release (no cargo build)
#   --dir DIR       where corpora and results live (default $CLAIMCHECK_BENCH_DIR
#                   or /tmp/claimcheck-bench); never inside the repository
#
# It builds the release binary and examples/gen_corpus once, generates each
# corpus once (reused while examples/gen_corpus.rs is unchanged), and for each
# size times, on the same files:
#
#   claimcheck extract DIR --format jsonl > /dev/null
#   claimcheck extract all.txt --format jsonl > /dev/null     (grep's file)
#   claimcheck check DIR --claims EMPTY --format jsonl > /dev/null
#   claimcheck check DIR --claims EMPTY > /dev/null          (the table)
#     (both with --no-cache when the binary has an incremental cache)
#   grep -oE '[0-9][0-9,.]*' all.txt | wc -l                   (LC_ALL=C)
#   cat all.txt > /dev/null                                    (the floor)
#   claimcheck check DIR --claims EMPTY --cache-dir C          (cold, then warm
#                                   after changing one article, RUNS times)
#
# where all.txt is the corpus's files concatenated in sorted order. It prints
# one Markdown table (throughput, time ratios to grep and cat, peak RSS from
# /usr/bin/time -v) and the machine it ran on, to stdout and to
# DIR/results-<date>.md. Progress goes to stderr.

set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH_DIR=${CLAIMCHECK_BENCH_DIR:-/tmp/claimcheck-bench}
RUNS=3
SEED=1
FULL=0
SIZES=""
TIMEOUT=1200
LONG=300
SHORTENED=""
BUILD=1

usage() { sed -n '2,/^$/s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"; }
die() { printf 'bench.sh: %s\n' "$*" >&2; exit 2; }
log() { printf '[bench] %s\n' "$*" >&2; }

while [[ $# -gt 0 ]]; do
    case $1 in
        --full) FULL=1 ;;
        --sizes) SIZES=${2:?--sizes needs a value}; shift ;;
        --runs) RUNS=${2:?--runs needs a value}; shift ;;
        --seed) SEED=${2:?--seed needs a value}; shift ;;
        --timeout) TIMEOUT=${2:?--timeout needs a value}; shift ;;
        --long) LONG=${2:?--long needs a value}; shift ;;
        --dir) BENCH_DIR=${2:?--dir needs a value}; shift ;;
        --no-build) BUILD=0 ;;
        -h|--help) usage; exit 0 ;;
        *) usage >&2; die "unknown argument: $1" ;;
    esac
    shift
done
[[ $RUNS =~ ^[1-9][0-9]*$ ]] || die "--runs must be a positive integer"
[[ $SEED =~ ^[0-9]+$ ]] || die "--seed must be a non-negative integer"
[[ $TIMEOUT =~ ^[1-9][0-9]*$ ]] || die "--timeout must be a positive number of seconds"
[[ $LONG =~ ^[0-9]+$ ]] || die "--long must be a number of seconds"
if [[ -z $SIZES ]]; then
    SIZES="10MB 100MB"
    if ((FULL)); then SIZES+=" 1GB"; fi
fi

mkdir -p "$BENCH_DIR"
BENCH_DIR=$(cd "$BENCH_DIR" && pwd)
case $BENCH_DIR/ in
    "$ROOT"/*) die "--dir $BENCH_DIR is inside the repository; corpora belong outside it" ;;
esac
TMP=$(mktemp -d "$BENCH_DIR/tmp.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

# ---------------------------------------------------------------------------
# Tools
# ---------------------------------------------------------------------------

# Peak RSS comes from GNU time (`/usr/bin/time -v`); install it when missing,
# else poll VmHWM in /proc.
# (BENCH_RSS_MODE=proc forces the fallback, to test it.)
RSS_MODE=proc
if [[ ${BENCH_RSS_MODE:-} == proc ]]; then
    log "BENCH_RSS_MODE=proc: sampling VmHWM from /proc"
elif [[ -x /usr/bin/time ]] && /usr/bin/time -v true >/dev/null 2>&1; then
    RSS_MODE=gnu
else
    log "/usr/bin/time is missing; trying to install the Debian package 'time'"
    SUDO=()
    if [[ $(id -u) -ne 0 ]] && command -v sudo >/dev/null && sudo -n true 2>/dev/null; then SUDO=(sudo -n); fi
    if command -v apt-get >/dev/null && { [[ $(id -u) -eq 0 ]] || ((${#SUDO[@]})); }; then
        if "${SUDO[@]}" apt-get install -y -q time >/dev/null 2>&1 \
            || { "${SUDO[@]}" apt-get update -q >/dev/null 2>&1 && "${SUDO[@]}" apt-get install -y -q time >/dev/null 2>&1; }; then
            RSS_MODE=gnu
        fi
    fi
    if [[ $RSS_MODE == proc ]]; then
        log "could not install GNU time; peak RSS is sampled from VmHWM in /proc every 50 ms"
    fi
fi
if [[ $RSS_MODE == proc ]] && ((BASH_VERSINFO[0] < 5)); then
    die "sampling /proc needs bash 5 (EPOCHREALTIME); install GNU time instead"
fi
for tool in cargo grep cat find sort xargs awk timeout; do
    command -v "$tool" >/dev/null || die "$tool is required"
done

if ((BUILD)); then
    log "building the release binary and the corpus generator"
    (cd "$ROOT" && cargo build --release --quiet --bin claimcheck --example gen_corpus) \
        || die "cargo build failed"
fi
TARGET_DIR=$(cd "$ROOT" && cargo metadata --format-version 1 --no-deps 2>/dev/null \
    | grep -o '"target_directory":"[^"]*"' | sed 's/.*:"//; s/"$//')
TARGET_DIR=${TARGET_DIR:-${CARGO_TARGET_DIR:-$ROOT/target}}
BIN=$TARGET_DIR/release/claimcheck
GEN=$TARGET_DIR/release/examples/gen_corpus
[[ -x $BIN && -x $GEN ]] || die "built binaries not found under $TARGET_DIR/release"
# Private copies: a rebuild during the run (other work in the tree) must not
# change the binary between rows or runs.
mkdir -p "$TMP/bin"
cp "$BIN" "$GEN" "$TMP/bin/"
BIN=$TMP/bin/claimcheck
GEN=$TMP/bin/gen_corpus
GEN_HASH=$(sha256sum "$ROOT/examples/gen_corpus.rs" | cut -c1-16)

# Every run does the whole work: no incremental cache (when the binary has one).
CHECK_FLAGS=()
CHECK_HELP=$("$BIN" check --help 2>/dev/null || true)
if [[ $CHECK_HELP == *--no-cache* ]]; then CHECK_FLAGS+=(--no-cache); fi

EMPTY_CLAIMS=$BENCH_DIR/empty-claims
mkdir -p "$EMPTY_CLAIMS"
[[ -z $(ls -A "$EMPTY_CLAIMS") ]] || die "$EMPTY_CLAIMS should be empty"

# ---------------------------------------------------------------------------
# Measuring
# ---------------------------------------------------------------------------

now_ns() { date +%s%N; }

size_bytes() {
    case $1 in
        *GB) echo $(( ${1%GB} * 1000000000 )) ;;
        *MB) echo $(( ${1%MB} * 1000000 )) ;;
        *KB) echo $(( ${1%KB} * 1000 )) ;;
        *) die "size must look like 10MB, 100MB or 1GB: $1" ;;
    esac
}

# The kernel may drop files from the page cache between runs (this kind of
# VM pages out memory it judges cold, page cache included), and then a run
# times the disk, not claimcheck. So before each timed run the files the
# command reads (WARM: a corpus directory or a file) are read once, and the
# run's own disk reads are counted (pgpgin in /proc/vmstat, KiB) and
# reported beside the times.

# warm PATH: reads the file, or every article under the directory, once.
warm() {
    if [[ -d $1 ]]; then
        find "$1" -name '*.md' -print0 | xargs -0 cat >/dev/null
    elif [[ -e $1 ]]; then
        cat "$1" >/dev/null
    fi
}

# KiB read from block devices so far (empty when the kernel does not say).
disk_kb() { awk '$1 == "pgpgin" {print $2}' /proc/vmstat 2>/dev/null || true; }

# run_once CMD...: warms $WARM (when set), then runs CMD with stdout to
# /dev/null and a time limit; sets ELAPSED (seconds), PEAK_KB (empty when
# unknown), DISK_KB (read from disk during the run; empty when unknown) and RC.
run_once() {
    local t0 t1 d0 d1
    PEAK_KB=""
    RC=0
    if [[ -n ${WARM:-} ]]; then warm "$WARM"; fi
    d0=$(disk_kb)
    if [[ $RSS_MODE == gnu ]]; then
        t0=$(now_ns)
        /usr/bin/time -v -o "$TMP/time" timeout -s KILL "$TIMEOUT" "$@" >/dev/null 2>"$TMP/stderr" || RC=$?
        t1=$(now_ns)
        PEAK_KB=$(awk -F': *' '/Maximum resident set size/ {print $2}' "$TMP/time")
    else
        # no GNU time: a sampler reads VmHWM (the peak RSS so far) every 50 ms
        # and enforces the time limit; the shell itself waits for the command,
        # so the elapsed time is not rounded to the sampling period
        local pid sampler
        : >"$TMP/hwm"
        rm -f "$TMP/timedout"
        t0=$(now_ns)
        "$@" >/dev/null 2>"$TMP/stderr" &
        pid=$!
        (
            # builtins only (no awk, no date) so that sampling steals little CPU
            deadline=$(( ${EPOCHREALTIME/[.,]/} + TIMEOUT * 1000000 ))
            while [[ -r /proc/$pid/status ]]; do
                hwm=""
                while IFS=$': \t' read -r key value _; do
                    if [[ $key == VmHWM ]]; then hwm=$value; fi
                done <"/proc/$pid/status"
                if [[ -n $hwm ]]; then printf '%s\n' "$hwm" >"$TMP/hwm"; fi
                if (( ${EPOCHREALTIME/[.,]/} >= deadline )); then
                    : >"$TMP/timedout"
                    kill -KILL "$pid"
                fi
                sleep 0.05
            done
        ) 2>/dev/null &
        sampler=$!
        { wait "$pid"; } 2>/dev/null || RC=$?
        t1=$(now_ns)
        kill "$sampler" 2>/dev/null || true
        { wait "$sampler"; } 2>/dev/null || true
        PEAK_KB=$(cat "$TMP/hwm")
        if [[ -e $TMP/timedout ]]; then RC=124; fi
    fi
    ELAPSED=$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.4f", (b - a) / 1e9}')
    d1=$(disk_kb)
    DISK_KB=""
    if [[ -n $d0 && -n $d1 ]]; then DISK_KB=$((d1 - d0)); fi
    if [[ -n $DISK_KB ]] && ((DISK_KB > DISK_MAX_KB)); then DISK_MAX_KB=$DISK_KB; fi
}

# A command this quick is timed more than RUNS times: until its runs add up
# to SHORT_TOTAL seconds, at most SHORT_MAX runs. One slow run of a 0.07 s
# command (a page-cache hiccup, another process) is a third of a median of
# three, and it decided the extraction goal of a whole report once. Its
# first run is a warm-up, not counted (as hyperfine's --warmup): on this
# kind of VM the first process to touch memory the host has taken back pays
# for faulting it in again (a 10 MB `check` ran 0.69 s first, 0.45 s after).
SHORT_TOTAL=2
SHORT_MAX=15

# measure NAME OKCODES CMD...: RUNS timed runs (more for a quick command, see
# SHORT_TOTAL); sets T_<NAME> (median seconds, or "timeout"), N_<NAME> (runs)
# and RSS_<NAME> (largest peak, kB).
measure() {
    local name=$1 ok=$2
    shift 2
    local times=() peak=0 i total_ms=0 warmed_up=0
    printf -v "N_$name" '%s' 0
    for ((i = 1; i <= RUNS || (i <= SHORT_MAX && total_ms < SHORT_TOTAL * 1000); i++)); do
        run_once "$@"
        if [[ -n $PEAK_KB ]] && ((PEAK_KB > peak)); then peak=$PEAK_KB; fi
        printf -v "RSS_$name" '%s' "$peak"
        # GNU mode: timeout(1) killed it (137 after the limit); proc mode: 124
        if [[ $RC -eq 124 ]] || { [[ $RC -eq 137 ]] && awk -v e="$ELAPSED" -v t="$TIMEOUT" 'BEGIN {exit !(e >= t)}'; }; then
            log "  $name: gave up after ${TIMEOUT} s"
            printf -v "T_$name" '%s' timeout
            return
        fi
        # killed from outside (out of memory, someone's kill): noted, not fatal
        if ((RC > 128)) && [[ " $ok " != *" $RC "* ]]; then
            log "  $name: killed by SIG$(kill -l $((RC - 128)) 2>/dev/null || echo $((RC - 128))) after ${ELAPSED} s"
            printf -v "T_$name" '%s' "killed (SIG$(kill -l $((RC - 128)) 2>/dev/null || echo $((RC - 128))))"
            return
        fi
        if [[ " $ok " != *" $RC "* ]]; then
            sed -n '1,20p' "$TMP/stderr" >&2
            die "$name: \`$*\` exited with $RC"
        fi
        if ((i == 1 && !warmed_up)) && awk -v e="$ELAPSED" -v s="$SHORT_TOTAL" 'BEGIN {exit !(e < s)}'; then
            warmed_up=1
            log "  $name warm-up run: ${ELAPSED} s (not counted)"
            i=$((i - 1))
            continue
        fi
        times+=("$ELAPSED")
        total_ms=$((total_ms + $(awk -v e="$ELAPSED" 'BEGIN {printf "%d", e * 1000}')))
        log "  $name run $i/$RUNS: ${ELAPSED} s${PEAK_KB:+, peak RSS ${PEAK_KB} kB}${DISK_KB:+, ${DISK_KB} KiB from disk}"
        if ((i < RUNS)) && awk -v e="$ELAPSED" -v l="$LONG" 'BEGIN {exit !(e > l)}'; then
            log "  $name: longer than --long ${LONG} s, not repeated"
            SHORTENED=1
            break
        fi
    done
    printf -v "N_$name" '%s' "${#times[@]}"
    printf -v "T_$name" '%s' "$(printf '%s\n' "${times[@]}" | sort -g | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}')"
}

# Formatting helpers for the table. A time is seconds, `timeout` or `killed …`.
is_time() { [[ $1 =~ ^[0-9.]+$ ]]; }
mbps() { # bytes time
    if [[ $2 == timeout ]]; then
        echo "< $(awk -v b="$1" -v t="$TIMEOUT" 'BEGIN {printf "%.2f", b / t / 1e6}')"
    elif ! is_time "$2"; then
        echo "–"
    else
        awk -v b="$1" -v t="$2" 'BEGIN {v = b / t / 1e6; printf (v >= 100 ? "%.0f" : v >= 10 ? "%.1f" : "%.2f"), v}'
    fi
}
cell() { # bytes time runs → "MB/s (s)", † when measured fewer than RUNS times
    local mark=""
    if [[ $2 == timeout ]]; then echo "$(mbps "$1" "$2") (> ${TIMEOUT} s)"; return; fi
    if ! is_time "$2"; then echo "$2"; return; fi
    if [[ ${3:-$RUNS} -lt $RUNS ]]; then mark="†"; fi
    echo "$(mbps "$1" "$2") ($(awk -v t="$2" 'BEGIN {printf (t >= 10 ? "%.1f" : t >= 1 ? "%.2f" : "%.3f"), t}') s)$mark"
}
ratio() { # ours theirs → "12×"
    if [[ $1 == timeout ]]; then
        echo "> $(awk -v a="$TIMEOUT" -v b="$2" 'BEGIN {printf "%.0f", a / b}')×"
    elif ! is_time "$1" || ! is_time "$2"; then
        echo "–"
    else
        awk -v a="$1" -v b="$2" 'BEGIN {r = a / b; printf (r >= 100 ? "%.0f×" : r >= 10 ? "%.1f×" : "%.2f×"), r}'
    fi
}
mib() { # kB → "123 MiB"
    [[ -z $1 || $1 == 0 ]] && { echo "n/a"; return; }
    awk -v k="$1" 'BEGIN {m = k / 1024; printf (m >= 100 ? "%.0f MiB" : "%.1f MiB"), m}'
}
human() { awk -v b="$1" 'BEGIN {printf (b >= 1e9 ? "%.2f GB" : "%.1f MB"), (b >= 1e9 ? b / 1e9 : b / 1e6)}'; }

# ---------------------------------------------------------------------------
# Corpora
# ---------------------------------------------------------------------------

# prepare SIZE: generates (or reuses) the corpus and its concatenation; sets
# CORPUS, ALL, FILES, BYTES.
prepare() {
    local size=$1 want stamp avail
    CORPUS=$BENCH_DIR/corpus-$size-seed$SEED
    ALL=$BENCH_DIR/corpus-$size-seed$SEED.all.txt
    stamp=$BENCH_DIR/corpus-$size-seed$SEED.stamp
    if [[ -d $CORPUS && -f $ALL && -f $stamp && $(cat "$stamp") == "$GEN_HASH" ]]; then
        log "$size: reusing $CORPUS"
    else
        want=$(size_bytes "$size")
        rm -rf -- "$CORPUS" "$ALL" "$stamp"
        avail=$(df -P -B1 "$BENCH_DIR" | awk 'NR == 2 {print $4}')
        # the files (~2.2 KB each, so about twice their size in 4 KB blocks),
        # their concatenation, and some room to spare
        if ((avail < want * 7 / 2 + 200000000)); then
            die "$size: not enough free space in $BENCH_DIR ($(human "$avail") free, need about $(human $((want * 7 / 2))))"
        fi
        log "$size: generating $CORPUS"
        "$GEN" --out "$CORPUS" --size "$size" --seed "$SEED" >&2
        find "$CORPUS" -name '*.md' -print0 | sort -z | xargs -0 cat >"$ALL"
        echo "$GEN_HASH" >"$stamp"
    fi
    FILES=$(find "$CORPUS" -name '*.md' | wc -l)
    BYTES=$(stat -c %s "$ALL")
}

# ---------------------------------------------------------------------------
# Runs
# ---------------------------------------------------------------------------

# incremental: the CI case. A cold `check` that fills an empty cache, then
# RUNS warm runs, each after changing one article (a sentence appended to the
# first file; the file is restored afterwards, even on interruption); sets
# T_cold and T_warm (median).
incremental() {
    T_cold="–"
    T_warm="–"
    N_warm=0
    [[ $CHECK_HELP == *--cache-dir* ]] || return 0
    local cache=$TMP/cache-$size first times=() i
    first=$(find "$CORPUS" -name "*.md" | sort | sed -n 1p)
    cp -p "$first" "$TMP/original.md"
    RESTORE=$first
    rm -rf "$cache"
    WARM=$CORPUS run_once "$BIN" check "$CORPUS" --claims "$EMPTY_CLAIMS" --cache-dir "$cache"
    [[ $RC -eq 0 || $RC -eq 1 ]] || die "$size: cold cached check exited with $RC"
    T_cold=$ELAPSED
    log "  cold, filling the cache: ${ELAPSED} s"
    for ((i = 1; i <= RUNS; i++)); do
        printf '\nIn update %d, 4%d new members joined the network.\n' "$i" "$i" >>"$first"
        # the cache is read too: warm it with the corpus
        warm "$cache/claims.pack"
        WARM=$CORPUS run_once "$BIN" check "$CORPUS" --claims "$EMPTY_CLAIMS" --cache-dir "$cache"
        [[ $RC -eq 0 || $RC -eq 1 ]] || die "$size: warm cached check exited with $RC"
        times+=("$ELAPSED")
        log "  warm, one article changed, run $i/$RUNS: ${ELAPSED} s"
    done
    cp -p "$TMP/original.md" "$first"
    RESTORE=""
    rm -rf "$cache"
    N_warm=${#times[@]}
    T_warm=$(printf '%s\n' "${times[@]}" | sort -g | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}')
}

ROWS=()
ROWS_CACHE=()
SEEN=()
declare -A FIG
RESTORE=""
trap 'if [[ -n $RESTORE ]]; then cp -p "$TMP/original.md" "$RESTORE"; fi; rm -rf "$TMP"' EXIT
cd "$BENCH_DIR" # no claims/ here, whatever the caller's directory
for size in $SIZES; do
    prepare "$size"
    log "$size: $FILES files, $BYTES bytes"
    MENTIONS=$("$BIN" extract "$CORPUS" --format jsonl | wc -l) || die "$size: claimcheck extract failed"
    DISK_MAX_KB=0

    WARM=$CORPUS measure extract "0" "$BIN" extract "$CORPUS" --format jsonl
    # the same file grep reads: the scan without the cost of opening files
    WARM=$ALL measure extract_file "0" "$BIN" extract "$ALL" --format jsonl
    WARM=$CORPUS measure check_jsonl "0 1" "$BIN" check "$CORPUS" --claims "$EMPTY_CLAIMS" "${CHECK_FLAGS[@]}" --format jsonl
    WARM=$CORPUS measure check_table "0 1" "$BIN" check "$CORPUS" --claims "$EMPTY_CLAIMS" "${CHECK_FLAGS[@]}"
    WARM=$ALL measure grep "0" env LC_ALL=C sh -c 'grep -oE "[0-9][0-9,.]*" "$1" | wc -l' sh "$ALL"
    WARM=$ALL measure cat "0" cat "$ALL"
    incremental

    # what the goals below are judged on, per corpus
    SEEN+=("$size")
    FIG[$size.bytes]=$BYTES
    FIG[$size.extract]=$T_extract
    FIG[$size.extract_file]=$T_extract_file
    FIG[$size.check]=$T_check_jsonl
    FIG[$size.check_table]=$T_check_table
    FIG[$size.grep]=$T_grep
    FIG[$size.rss_check]=${RSS_check_jsonl:-}
    FIG[$size.cold]=$T_cold
    FIG[$size.warm]=$T_warm

    ROWS_CACHE+=("| $size | $(cell "$BYTES" "$T_cold" "$RUNS") | $(cell "$BYTES" "$T_warm" "$N_warm") \
| $(if is_time "$T_cold" && is_time "$T_warm"; then awk -v w="$T_warm" -v c="$T_cold" 'BEGIN {printf "%.1f%%", 100 * w / c}'; else echo –; fi) |")

    ROWS+=("| $size | $FILES | $(human "$BYTES") | $MENTIONS \
| $(cell "$BYTES" "$T_extract" "$N_extract") | $(cell "$BYTES" "$T_extract_file" "$N_extract_file") \
| $(cell "$BYTES" "$T_check_jsonl" "$N_check_jsonl") \
| $(cell "$BYTES" "$T_check_table" "$N_check_table") \
| $(cell "$BYTES" "$T_grep" "$N_grep") | $(cell "$BYTES" "$T_cat" "$N_cat") \
| $(ratio "$T_extract" "$T_grep") | $(ratio "$T_extract_file" "$T_grep") | $(ratio "$T_check_jsonl" "$T_grep") \
| $(ratio "$T_extract" "$T_cat") | $(ratio "$T_check_jsonl" "$T_cat") \
| $(mib "$RSS_extract") | $(mib "$RSS_check_jsonl") | $(mib "$RSS_check_table") \
| $(if [[ -n $(disk_kb) ]]; then mib "$DISK_MAX_KB" | sed 's/^n\/a$/0 MiB/'; else echo n/a; fi) |")
done

# ---------------------------------------------------------------------------
# Goals
# ---------------------------------------------------------------------------

# verdict CONDITION: "met" or "not met" (an awk condition on its -v values).
verdict() { if awk "$@" 'BEGIN {exit !('"${VERDICT_IF}"')}'; then echo met; else echo "**not met**"; fi; }

# goals: issue 6's goals, judged on this run's figures, one line each.
goals() {
    local size prev t r b m
    # throughput and memory of check on the 1 GB corpus
    if [[ -n ${FIG[1GB.bytes]:-} ]] && is_time "${FIG[1GB.check]}"; then
        t=${FIG[1GB.check]}
        m=${FIG[1GB.rss_check]:-0}
        echo "- \`check\` on 1 GB at ≥ 100 MB/s with peak RSS < 1 GiB: $(mbps "${FIG[1GB.bytes]}" "$t") MB/s, $(mib "$m") — $(VERDICT_IF='b / t >= 100e6 && m > 0 && m < 1048576' verdict -v b="${FIG[1GB.bytes]}" -v t="$t" -v m="$m")"
    else
        echo "- \`check\` on 1 GB at ≥ 100 MB/s with peak RSS < 1 GiB: not measured (needs --full)"
    fi
    # extraction against grep on the same file
    local ratios="" worst=0
    for size in "${SEEN[@]}"; do
        if is_time "${FIG[$size.extract_file]}" && is_time "${FIG[$size.grep]}"; then
            r=$(ratio "${FIG[$size.extract_file]}" "${FIG[$size.grep]}")
            ratios+="${ratios:+, }$size $r"
            worst=$(awk -v a="${FIG[$size.extract_file]}" -v g="${FIG[$size.grep]}" -v w="$worst" 'BEGIN {r = a / g; print (r > w ? r : w)}')
        fi
    done
    echo "- extraction at ≥ ¼ of grep's throughput on the same file (all.txt), i.e. ≤ 4× its time: ${ratios:-not measured} — $(VERDICT_IF='w > 0 && w <= 4' verdict -v w="$worst")"
    # scaling between consecutive corpora
    prev=""
    for size in "${SEEN[@]}"; do
        if [[ -n $prev ]] && is_time "${FIG[$prev.check]}" && is_time "${FIG[$size.check]}"; then
            b=$(awk -v a="${FIG[$size.bytes]}" -v p="${FIG[$prev.bytes]}" 'BEGIN {printf "%.1f", a / p}')
            echo "- $prev → $size (${b}× the bytes), time within 20% of linear: \`check\` jsonl $(ratio "${FIG[$size.check]}" "${FIG[$prev.check]}"), table $(ratio "${FIG[$size.check_table]}" "${FIG[$prev.check_table]}"), \`extract\` $(ratio "${FIG[$size.extract]}" "${FIG[$prev.extract]}") — $(VERDICT_IF='c / p <= 1.2 * b && c / p >= 0.8 * b && ct / pt <= 1.2 * b && ct / pt >= 0.8 * b' verdict -v b="$b" -v c="${FIG[$size.check]}" -v p="${FIG[$prev.check]}" -v ct="${FIG[$size.check_table]}" -v pt="${FIG[$prev.check_table]}"); peak RSS of \`check\` $(ratio "${FIG[$size.rss_check]:-0}" "${FIG[$prev.rss_check]:-1}") (sub-linear: $(VERDICT_IF='p > 0 && c / p < b' verdict -v b="$b" -v c="${FIG[$size.rss_check]:-0}" -v p="${FIG[$prev.rss_check]:-0}"))"
        fi
        prev=$size
    done
    # the incremental case
    for size in "${SEEN[@]}"; do
        if is_time "${FIG[$size.cold]}" && is_time "${FIG[$size.warm]}"; then
            echo "- warm run (one article changed) under 10% of the cold one, $size: $(awk -v w="${FIG[$size.warm]}" -v c="${FIG[$size.cold]}" 'BEGIN {printf "%.1f%%", 100 * w / c}') — $(VERDICT_IF='w < 0.1 * c' verdict -v w="${FIG[$size.warm]}" -v c="${FIG[$size.cold]}")"
        fi
    done
}

# ---------------------------------------------------------------------------
# Report
# ---------------------------------------------------------------------------

CPU=$(awk -F': *' '/^model name/ {print $2; exit}' /proc/cpuinfo 2>/dev/null || true)
MEM=$(awk '/^MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo 2>/dev/null || true)
REV=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
if [[ -n $(git -C "$ROOT" status --porcelain --untracked-files=no 2>/dev/null) ]]; then REV+=" (modified)"; fi
RSS_NOTE="peak RSS from \`/usr/bin/time -v\`"
[[ $RSS_MODE == proc ]] && RSS_NOTE="peak RSS sampled from VmHWM every 50 ms (GNU time unavailable)"

REPORT=$(
    cat <<EOF
Machine: ${CPU:-unknown CPU}, $(nproc) CPUs (nproc), ${MEM:-unknown} RAM; $(uname -sr); $(rustc -V 2>/dev/null || echo rustc unknown)
claimcheck ${REV}, $(date -u +%Y-%m-%d); corpus from \`examples/gen_corpus.rs\` (seed $SEED); median of $RUNS runs (of up to $SHORT_MAX, after an uncounted warm-up run, for a command under $SHORT_TOTAL s in all); the files a command reads are read once just before each of its runs.

| corpus | files | bytes | mentions | extract jsonl MB/s (time) | extract all.txt MB/s (time) | check jsonl MB/s (time) | check table MB/s (time) | grep MB/s (time) | cat MB/s (time) | extract ÷ grep | extract all.txt ÷ grep | check ÷ grep | extract ÷ cat | check ÷ cat | peak RSS extract | peak RSS check jsonl | peak RSS check table | most read from disk in a run |
|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|
$(printf '%s\n' "${ROWS[@]}")

Incremental runs (the CI case: the default table output, with the cache):

| corpus | cold, filling the cache (one run) | warm, one article changed | warm ÷ cold |
|---|--:|--:|--:|
$(printf '%s\n' "${ROWS_CACHE[@]}")

Issue 6's goals, judged on the figures above (one run: the same binary's
times differ by 10–20% between runs on a shared VM):

$(goals)

MB = 10^6 bytes. extract: \`claimcheck extract DIR --format jsonl\`; extract all.txt: \`claimcheck extract all.txt --format jsonl\` (the file grep reads, one document); check: \`claimcheck check DIR --claims <empty dir> ${CHECK_FLAGS[*]}${CHECK_FLAGS[*]:+ }[--format jsonl]\`, all to /dev/null.
grep: \`LC_ALL=C grep -oE '[0-9][0-9,.]*' all.txt | wc -l\`; cat: \`cat all.txt > /dev/null\`, where all.txt is the same files concatenated.
Ratios are time ratios (how many times longer than grep or cat; check = jsonl). ${RSS_NOTE}.
Times include starting the processes (a few ms), which is most of cat's time on small corpora.
Most read from disk in a run: the largest pgpgin (/proc/vmstat) growth during any timed run of that corpus; above zero, some run waited for the disk (the kernel had dropped files from the page cache since they were read).
${SHORTENED:+† one run only: it took longer than ${LONG} s (--long).}
EOF
)
OUT=$BENCH_DIR/results-$(date -u +%Y%m%d-%H%M%S).md
printf '%s\n' "$REPORT" | tee "$OUT"
log "saved to $OUT"
