#!/usr/bin/env bash
# Measures ccnt against baselines on synthetic trees of several sizes, in one run, and
# writes the Markdown table to bench/results.md (see docs/performance.md).
#
# Usage: bench/run.sh [--sizes 1000,10000,100000] [--runs K] [--build DIR] [--seed S]
#   --sizes   corpus sizes (policies); each corpus is generated once under bench/out/
#   --runs    runs per measurement; the table shows medians (default 3)
#   --build   build directory to configure and build ccnt in (default: build)
#   --seed    corpus generator seed (default: the generator's)
#
# For each size it measures, with /usr/bin/time (wall, user+sys CPU, peak RSS):
#   ccnt validate (cold: no cache; warm: cache present, nothing changed; cold again with
#   CCNT_YAML_FAST_PATH=0, every file parsed by yaml-cpp),
#   ccnt list --region 浙江 --sector industry (cold and warm), ccnt report --month 2023-03,
#   cat of every file (the floor), yaml-cpp YAML::Load of every file on all cores, and
#   ajv-cli (draft-07) on the same records converted to JSON; ccnt import of an export of N
#   rows in the tracker's shape (bench/tracker_export_generator.py) into an empty tree, and a
#   cold ccnt validate of the tree it writes; a cold ccnt validate of N one-line broken files
#   (`id: x`, eight errors each: memory bounded by what is printed, see docs/security.md); and
#   once, start-up: ccnt --version against ccnt list --region national on a tree with no
#   policies (the registries loaded); ccnt site (cold: no cache and no site; again with nothing
#   changed; again after one policy changed), and, with chromium and chromedriver installed,
#   the site's search in headless Chromium (bench/site_search_bench.py: first answer, each
#   query's answer time, the bytes loaded; written to bench/out/search-N.json).
# The machine's page cache is not dropped: every command reads files already in memory.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD

sizes=1000,10000,100000
runs=3
build=build
seed=
while (($#)); do
  case $1 in
    --sizes) sizes=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --build) build=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    -h|--help) sed -n '2,22p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "bench/run.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done
[[ $runs =~ ^[1-9][0-9]*$ ]] || { echo "bench/run.sh: --runs must be a whole number ≥ 1" >&2; exit 2; }
IFS=, read -r -a size_list <<<"$sizes"
for n in "${size_list[@]}"; do
  [[ $n =~ ^[1-9][0-9]*$ ]] || { echo "bench/run.sh: bad size '$n' in --sizes" >&2; exit 2; }
done

out=$repo/bench/out
mkdir -p "$out"

# --- tools --------------------------------------------------------------------
if [[ ! -x /usr/bin/time ]]; then
  echo "bench: installing GNU time" >&2
  sudo=(); ((EUID == 0)) || sudo=(sudo)
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq time >/dev/null
fi
if [[ ! -f $build/build.ninja ]]; then
  cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
fi
cmake --build "$build" -j "$(nproc)" --target ccnt ccnt_bench_yaml_load >/dev/null
ccnt=$(cd "$build" && pwd)/ccnt
yaml_load=$(cd "$build" && pwd)/bench/ccnt_bench_yaml_load

node_prefix=$out/node
ajv=$node_prefix/node_modules/.bin/ajv
if [[ ! -x $ajv ]]; then
  echo "bench: installing ajv-cli 5 into bench/out/node" >&2
  mkdir -p "$node_prefix"
  (cd "$node_prefix" && npm install --silent --no-audit --no-fund --prefix . ajv-cli@5 >/dev/null)
fi

# --- corpora ------------------------------------------------------------------
generator_hash=$(find bench/corpus_generator.py schemas templates -type f -print0 | sort -z | xargs -0 cat | sha256sum | cut -c1-16)
corpus_for() {  # corpus_for N: generates bench/out/corpus-N (and json-N) unless up to date
  local n=$1 dir=$out/corpus-$1 json=$out/json-$1
  local stamp="$generator_hash seed=${seed:-default} n=$n"
  if [[ -f $dir/.stamp && $(cat "$dir/.stamp") == "$stamp" ]]; then return; fi
  rm -rf "$dir" "$json"
  echo "bench: generating $n policies" >&2
  python3 bench/corpus_generator.py --count "$n" --out "$dir" --json-dir "$json" \
    ${seed:+--seed "$seed"}
  echo "$stamp" >"$dir/.stamp"
}

# --- measuring ----------------------------------------------------------------
# measure NAME PREPARE COMMAND...: runs PREPARE (a shell snippet) then COMMAND, K times;
# sets wall, cpu and rss (medians) and fails loudly when the command fails.
median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
measure() {
  local name=$1 prepare=$2; shift 2
  local walls=() cpus=() rsss=() timing
  timing=$(mktemp)
  for ((r = 0; r < runs; r++)); do
    eval "$prepare"
    local start=$EPOCHREALTIME
    if ! /usr/bin/time -f '%U %S %M' -o "$timing" "$@" >/dev/null 2>"$timing.err"; then
      echo "bench: '$name' failed:" >&2
      cat "$timing.err" >&2
      exit 1
    fi
    local end=$EPOCHREALTIME
    read -r u s m <"$timing"
    w=$(awk -v a="$start" -v b="$end" 'BEGIN {printf "%.3f", b - a}')
    walls+=("$w"); cpus+=("$(awk -v u="$u" -v s="$s" 'BEGIN {print u + s}')"); rsss+=("$m")
  done
  wall=$(printf '%s\n' "${walls[@]}" | median)
  cpu=$(printf '%s\n' "${cpus[@]}" | median)
  rss=$(printf '%s\n' "${rsss[@]}" | median)
  rm -f "$timing" "$timing.err"
}

declare -A result_wall result_cpu result_rss result_disk result_du
record() {  # record N NAME
  result_wall[$1,$2]=$wall; result_cpu[$1,$2]=$cpu; result_rss[$1,$2]=$rss
  printf 'bench: N=%-7s %-34s %8.3f s wall %8.2f s CPU %8.1f MiB\n' "$1" "$2" "$wall" "$cpu" \
    "$(awk -v k="$rss" 'BEGIN {print k / 1024}')" >&2
}

# Start-up: the floor (`ccnt --version`: loading the program) and the same plus opening a data
# tree with no policies (`list --region national`: the schema and the registries loaded, the
# region matched); the difference is what every command pays for the registries.
empty=$out/empty-tree
rm -rf "$empty" && mkdir -p "$empty/policies" && cp -r schemas "$empty/schemas"
cd "$empty"
measure version : "$ccnt" --version
startup_version=$wall startup_version_cpu=$cpu
measure registry : "$ccnt" list --region national
startup_registry=$wall startup_registry_cpu=$cpu
cd "$repo"
printf 'bench: start-up %s s wall (--version), %s s (empty tree, list --region national)\n' \
  "$startup_version" "$startup_registry" >&2

names=("ccnt validate, cold" "ccnt validate, warm" "ccnt list 浙江 industry, cold"
       "ccnt list 浙江 industry, warm" "ccnt report --month 2023-03, warm"
       "cat every file" "yaml-cpp YAML::Load, all cores" "ajv-cli 5 (JSON)"
       "ccnt validate, cold, yaml-cpp reader only" "ccnt import N rows (tracker CSV)"
       "ccnt validate, cold, of the imported tree"
       "ccnt validate, cold, N broken files (8 errors each)"
       "ccnt site, cold (no cache, no site)" "ccnt site, nothing changed"
       "ccnt site, one policy changed")
no_cache='rm -rf "$dir/.ccnt-cache"'
for n in "${size_list[@]}"; do
  corpus_for "$n"
  dir=$out/corpus-$n
  # The corpus: the bytes of its files, and the disk space they take (du, 4 KiB blocks).
  result_disk[$n]=$(find "$dir/policies" -type f -printf '%s\n' | awk '{s += $1} END {print s / 1024}')
  result_du[$n]=$(du -sk "$dir/policies" | cut -f1)
  cd "$dir"
  measure validate-cold "$no_cache" "$ccnt" validate
  record "$n" "${names[0]}"
  # The same with every file parsed by yaml-cpp (ccnt's fast block-style reader turned off).
  measure validate-cold-yaml-cpp "$no_cache" env CCNT_YAML_FAST_PATH=0 "$ccnt" validate
  record "$n" "${names[8]}"
  "$ccnt" validate >/dev/null
  measure validate-warm : "$ccnt" validate
  record "$n" "${names[1]}"
  measure list-cold "$no_cache" "$ccnt" list --region 浙江 --sector industry
  record "$n" "${names[2]}"
  "$ccnt" list --region 浙江 --sector industry >/dev/null
  measure list-warm : "$ccnt" list --region 浙江 --sector industry
  record "$n" "${names[3]}"
  if "$ccnt" report --help >/dev/null 2>&1; then
    "$ccnt" validate >/dev/null
    measure report : "$ccnt" report --month 2023-03
    record "$n" "${names[4]}"
  fi
  measure cat : bash -c 'find policies -name "*.yaml" -print0 | xargs -0 cat'
  record "$n" "${names[5]}"
  measure yaml-load : "$yaml_load" policies
  record "$n" "${names[6]}"
  measure ajv : "$ajv" validate --spec=draft7 -s schemas/policy.schema.json -d "$out/json-$n/**/*.json"
  record "$n" "${names[7]}"
  # The website: cold (no cache, no site), again unchanged, again after one policy changed.
  site_dir=$out/site-$n
  measure site-cold "rm -rf '$dir/.ccnt-cache' '$site_dir'" "$ccnt" site -o "$site_dir"
  record "$n" "${names[12]}"
  measure site-unchanged : "$ccnt" site -o "$site_dir"
  record "$n" "${names[13]}"
  one=$(find policies -name '*.yaml' | sort | head -1)
  measure site-one-changed "sed -i 's/^summary: /summary: 修订：/' '$one'" "$ccnt" site -o "$site_dir"
  record "$n" "${names[14]}"
  if command -v chromium >/dev/null && command -v chromedriver >/dev/null; then
    python3 "$repo/bench/site_search_bench.py" "$site_dir" "$runs" >"$out/search-$n.json"
    summary=$(python3 -c 'import json, sys
d = json.load(open(sys.argv[1]))
print(d["first_answer_s"], "s to the first answer;",
      ", ".join(q + " " + str(v["median_ms"]) + " ms" for q, v in d["queries"].items()))' \
      "$out/search-$n.json")
    printf 'bench: N=%-7s search: %s\n' "$n" "$summary" >&2
  fi
  cd "$repo"
  # Import: N rows into an empty tree (written afresh before each run), then validate it cold.
  export_csv=$out/export-$n.csv
  [[ -f $export_csv ]] || python3 bench/tracker_export_generator.py --count "$n" \
    --out "$export_csv" --mapping "$out/export-mapping.yaml"
  # Each run imports into a new empty tree; the tree of the run before is only moved aside and
  # removed after the last run: deleting N files just before creating N others makes ext4 search
  # past the recently freed inodes, which multiplied the import's system time by up to ten.
  imported=$out/imported-$n
  rm -rf "$imported" "$imported".old-*
  # shellcheck disable=SC2034  # counted in $fresh_tree, which measure evals
  import_run=0
  fresh_tree='import_run=$((import_run + 1)); [[ ! -e $imported ]] || mv "$imported" "$imported.old-$import_run"; mkdir -p "$imported/policies" && cp -a "$repo/schemas" "$imported/"'
  cd "$out"
  measure import "$fresh_tree" "$ccnt" --root "$imported" import "$export_csv" \
    --mapping "$out/export-mapping.yaml"
  record "$n" "${names[9]}"
  rm -rf "$imported".old-*
  cd "$imported"
  measure validate-imported "rm -rf '$imported/.ccnt-cache'" "$ccnt" validate
  record "$n" "${names[10]}"
  # N one-line broken files in 40 region/sector directories; ccnt exits 1 (problems found).
  broken=$out/broken-$n
  if [[ ! -f $broken/.stamp ]]; then
    rm -rf "$broken" && mkdir -p "$broken" && cp -a "$repo/schemas" "$broken/"
    python3 - "$broken/policies" "$n" <<'PY'
import os, sys
root, n = sys.argv[1], int(sys.argv[2])
dirs = [f"{p}/{s}" for p in ("zhejiang", "jiangsu", "guangdong", "shandong", "hebei",
        "henan", "hubei", "hunan", "sichuan", "fujian")
        for s in ("industry", "energy", "transport", "buildings")]
for i in range(n):
    d = os.path.join(root, dirs[i % len(dirs)])
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, f"broken-{i:07d}.yaml"), "w") as f:
        f.write("id: x\n")
PY
    touch "$broken/.stamp"
  fi
  cd "$broken"
  measure validate-broken : bash -c '"$0" validate --no-cache; (($? == 1))' "$ccnt"
  record "$n" "${names[11]}"
  cd "$repo"
done

# --- report -------------------------------------------------------------------
cpu_model=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')
commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
[[ -z $(git status --porcelain 2>/dev/null | head -1) ]] || commit="$commit (with uncommitted changes)"
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {if (b > 0) printf "%.2f×", a / b; else print "–"}'; }
{
  echo "# ccnt benchmark results"
  echo
  echo "Written by \`bench/run.sh --sizes $sizes --runs $runs\` on $(date -u '+%Y-%m-%d %H:%M UTC'),"
  echo "commit $commit. Machine: $(nproc) cores, $cpu_model, $(free -g | awk '/Mem:/ {print $2}') GiB."
  echo "Each number is the median of $runs runs; the page cache is warm (files already in memory)."
  echo "\"cold\" = no ccnt cache (.ccnt-cache/ removed before each run); \"warm\" = cache present"
  echo "and nothing changed. Ratios compare wall time with yaml-cpp YAML::Load on all cores and"
  echo "with ajv-cli on the same records as JSON."
  echo
  echo "| N | command | wall s | CPU s | peak RSS MiB | RSS / corpus bytes | files/s | vs YAML::Load | vs ajv-cli |"
  echo "|---:|---|---:|---:|---:|---:|---:|---:|---:|"
  for n in "${size_list[@]}"; do
    for name in "${names[@]}"; do
      [[ -n ${result_wall[$n,$name]:-} ]] || continue
      [[ $name == "ccnt site"* ]] && continue  # in a table of their own, below
      w=${result_wall[$n,$name]} c=${result_cpu[$n,$name]} m=${result_rss[$n,$name]}
      printf '| %s | %s | %.3f | %.2f | %.1f | %s | %s | %s | %s |\n' "$n" "$name" "$w" "$c" \
        "$(awk -v k="$m" 'BEGIN {print k / 1024}')" \
        "$(awk -v k="$m" -v d="${result_disk[$n]}" 'BEGIN {printf "%.2f", k / d}')" \
        "$(awk -v n="$n" -v w="$w" 'BEGIN {if (w > 0) printf "%.0f", n / w; else print "–"}')" \
        "$(ratio "$w" "${result_wall[$n,${names[6]}]}")" "$(ratio "$w" "${result_wall[$n,${names[7]}]}")"
    done
  done
  echo
  echo "The website (\`ccnt site\`), against a cold \`ccnt validate\` of the same tree:"
  echo
  echo "| N | command | wall s | CPU s | peak RSS MiB | vs validate, cold |"
  echo "|---:|---|---:|---:|---:|---:|"
  for n in "${size_list[@]}"; do
    for name in "${names[12]}" "${names[13]}" "${names[14]}"; do
      [[ -n ${result_wall[$n,$name]:-} ]] || continue
      printf '| %s | %s | %.3f | %.2f | %.1f | %s |\n' "$n" "$name" "${result_wall[$n,$name]}" \
        "${result_cpu[$n,$name]}" "$(awk -v k="${result_rss[$n,$name]}" 'BEGIN {print k / 1024}')" \
        "$(ratio "${result_wall[$n,$name]}" "${result_wall[$n,${names[0]}]}")"
    done
  done
  for n in "${size_list[@]}"; do
    [[ -f $out/search-$n.json ]] || continue
    echo
    echo "Search at N=$n in headless Chromium (bench/site_search_bench.py, median of $runs):"
    echo
    python3 - "$out/search-$n.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
print(f"- first answer {d['first_answer_s']} s after opening the page, having loaded "
      f"{d['first_load_gzip_bytes'] / 1024:.0f} KiB compressed ({d['first_load_bytes'] / 1024:.0f} KiB)")
print(f"- the whole index: {d['index_files']} files, {d['index_gzip_bytes'] / 1048576:.2f} MiB "
      f"compressed ({d['index_bytes'] / 1048576:.2f} MiB)")
for q, v in d["queries"].items():
    print(f"- `{q}`: {v['median_ms']} ms ({v['results']}), "
          f"{v['loaded_gzip_bytes'] / 1024:.0f} KiB compressed loaded for it")
PY
  done
  echo
  echo "Start-up, no policies (median of $runs runs): \`ccnt --version\` $startup_version s wall"
  echo "($startup_version_cpu s CPU); \`ccnt list --region national\` on a tree with no policies (loads"
  echo "the schema and the registries) $startup_registry s wall ($startup_registry_cpu s CPU)."
  echo
  echo "Corpus size (bytes of the policy files; disk space by du in parentheses):"
  echo
  for n in "${size_list[@]}"; do
    printf -- '- N=%s: %.1f MiB (%.1f MiB on disk)\n' "$n" \
      "$(awk -v k="${result_disk[$n]}" 'BEGIN {print k / 1024}')" \
      "$(awk -v k="${result_du[$n]}" 'BEGIN {print k / 1024}')"
  done
  # Growth: t(N2)/t(N1) = (N2/N1)^k, from the two largest sizes.
  if ((${#size_list[@]} >= 2)); then
    n1=${size_list[-2]} n2=${size_list[-1]}
    echo
    echo "Growth from N=$n1 to N=$n2 (exponent k in time ∝ N^k, from wall times):"
    echo
    for name in "${names[@]}"; do
      [[ -n ${result_wall[$n2,$name]:-} && -n ${result_wall[$n1,$name]:-} ]] || continue
      awk -v a="${result_wall[$n1,$name]}" -v b="${result_wall[$n2,$name]}" -v n1="$n1" -v n2="$n2" \
        -v name="$name" 'BEGIN {if (a > 0 && b > 0) printf "- %s: k = %.2f\n", name, log(b / a) / log(n2 / n1)}'
    done
  fi
} >bench/results.md
cat bench/results.md
