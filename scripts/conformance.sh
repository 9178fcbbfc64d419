#!/usr/bin/env bash
# Checks icatag's requests and the simulator's answers against the public ICA spec
# with Stoplight Prism (npm @stoplight/prism-cli@5, installed into .cache/prism when
# missing: the only step that needs the network).
#
#   (a) prism mock:  every icatag call against Prism's mock; Prism validates each
#       request and flags a violation in the `sl-violations` response header.
#   (b) prism proxy --errors: every icatag call (error answers included) through
#       Prism to a real ica-sim; a request or response that breaks the spec is
#       turned by Prism into an error answer of its own (a problem whose type is
#       https://stoplight.io/prism/errors#...).
#
# icatag surfaces both: ICATAG_REPORT_HEADER=sl-violations makes it print that
# header on stderr ("icatag: header sl-violations: ..."), and --verbose prints the
# body of every error answer. A call fails the check when either shows a Prism
# violation, or when icatag's exit code is not the one expected.
#
# Usage: scripts/conformance.sh [--build DIR] [--icatag PATH] [--ica-sim PATH]
#        [--only mock|proxy]
# Defaults: DIR=build; icatag at DIR/cli/icatag, ica-sim at DIR/simulator/ica-sim.
# Prints "conformance: N passed, M failed"; exits non-zero when any check failed.
set -u -o pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
spec="$repo/../shared/ica-api/openapi_public.yaml"
build="$repo/build"
icatag=""
icasim=""
only=""
while [ $# -gt 0 ]; do
  case "$1" in
    --build) build=$2; shift 2 ;;
    --icatag) icatag=$2; shift 2 ;;
    --ica-sim) icasim=$2; shift 2 ;;
    --only) only=$2; shift 2 ;;
    -h|--help) sed -n '2,24p' "$0"; exit 0 ;;
    *) echo "conformance: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done
icatag=${icatag:-$build/cli/icatag}
icasim=${icasim:-$build/simulator/ica-sim}
for f in "$icatag" "$spec"; do
  [ -e "$f" ] || { echo "conformance: $f is missing (build first, or see --help)" >&2; exit 2; }
done
if [ "$only" != mock ] && [ ! -x "$icasim" ]; then
  echo "conformance: $icasim is missing (build ica-sim, or give --ica-sim PATH)" >&2; exit 2
fi

prism_dir="$repo/.cache/prism"
prism="$prism_dir/node_modules/.bin/prism"
if [ ! -x "$prism" ]; then
  echo "conformance: installing @stoplight/prism-cli@5 into $prism_dir"
  mkdir -p "$prism_dir"
  timeout 600 npm install --prefix "$prism_dir" --no-audit --no-fund --loglevel=error \
    @stoplight/prism-cli@5 || { echo "conformance: npm install failed" >&2; exit 2; }
fi

work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null; done
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

# wait_port PORT PID SECONDS: true once something listens on PORT.
wait_port() {
  local port=$1 pid=$2 deadline=$((SECONDS + $3))
  while [ $SECONDS -lt $deadline ]; do
    kill -0 "$pid" 2>/dev/null || return 1
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then return 0; fi
    sleep 0.3
  done
  return 1
}

passed=0
failed=0
failures=()
server=""
key=""
mode=""

# check NAME EXPECTED_EXIT ICATAG_ARGS...: runs one icatag call and judges it.
# EXPECTED_EXIT may be "any" (mock answers are made up: only the request counts).
check() {
  local name=$1 expected=$2
  shift 2
  local out="$work/out" err="$work/err" rc
  # The shared options go before the command words: options after them win, so a
  # check can override the key.
  ICATAG_REPORT_HEADER=sl-violations timeout 120 "$icatag" --server "$server" \
    --api-key "$key" --verbose --request-timeout 30 "$@" >"$out" 2>"$err"
  rc=$?
  local problem=""
  if grep -q '^icatag: header sl-violations:' "$err"; then
    problem=$(grep '^icatag: header sl-violations:' "$err" | head -3)
  elif grep -q 'stoplight.io/prism/errors' "$err"; then
    problem=$(grep -B1 'stoplight.io/prism/errors' "$err" | head -4)
  elif [ "$expected" != any ] && [ "$rc" != "$expected" ]; then
    problem="exit code $rc, expected $expected: $(grep -v '^icatag: [<>]' "$err" | head -3)"
  fi
  if [ -z "$problem" ]; then
    passed=$((passed + 1))
    echo "ok    [$mode] $name (exit $rc)"
  else
    failed=$((failed + 1))
    failures+=("[$mode] $name: icatag $* => $problem")
    echo "FAIL  [$mode] $name (exit $rc)"
    printf '      %s\n' "$problem"
  fi
  LAST_OUT=$(cat "$out")
  return 0
}

# Inputs for the create calls.
write_inputs() {
  local ids_file=$1
  shift
  printf '%s\n' "$@" >"$ids_file"
}

# Records that `what` did not start in this mode; the tail of `log` says why.
not_started() {
  echo "conformance: $1 did not start:" >&2; tail -5 "$2" >&2
  failed=$((failed + 1)); failures+=("[$mode] $1 did not start")
}

# Starts `prism KIND ARGS...` on a free port (prism_port) and waits for it to
# listen; false (after not_started) when it does not come up.
start_prism() {
  local kind=$1
  shift
  prism_port=$(free_port)
  "$prism" "$kind" -h 127.0.0.1 -p "$prism_port" "$@" >"$work/prism-$kind.log" 2>&1 &
  local pid=$!
  pids+=("$pid")
  if ! wait_port "$prism_port" "$pid" 90; then
    not_started "prism $kind" "$work/prism-$kind.log"
    return 1
  fi
}

run_mock() {
  mode=mock
  start_prism mock "$spec" || return
  server="http://127.0.0.1:$prism_port"
  key="conformance-dummy-key"
  local p="conformance-project"
  local b="3fa85f64-5717-4562-b3fc-2c963f66afa6"
  local i="7c9e6679-7425-40de-944b-e07fc1f90ae7"
  local d1="fil.0123456789abcdef0123456789abcdef" d2="fol.fedcba9876543210fedcba9876543210"
  write_inputs "$work/ids.txt" "$d1" "$d2"
  cat >"$work/body.json" <<EOF
{"dataUpdateGroups": [
  {"dataIds": ["$d1"], "userTags": {"addTags": ["a"], "removeTags": ["b"]},
   "technicalTags": {"addTags": ["t"]}, "willBeArchivedAt": "2030-01-01T00:00:00Z",
   "willBeDeletedAt": "2031-01-01T00:00:00Z"},
  {"dataIds": ["$d2"], "clearWillBeArchivedAt": true, "clearWillBeDeletedAt": true}]}
EOF

  check "projects list" any projects list
  check "projects list --search --sort --offset" any projects list --search demo --sort "name desc" --page-size 10 --offset 10
  check "projects list --cursor first page" any projects list --cursor "" --page-size 5
  check "projects list --cursor token" any projects list --cursor abc --page-size 5
  check "projects list --all --sort" any projects list --all --sort name -o csv
  check "data list" any data list --project "$p"
  check "data list filters" any data list --project "$p" --parent-folder /runs/ --name x.bam --name-match exact --type FILE --user-tag u --user-tag-match fuzzy --tech-tag t --tech-tag-match exclude --sort "timeModified desc" --offset 0 --page-size 50
  check "data list --path full" any data list --project "$p" --path /runs/a.bam --path-match full --cursor "" -o json
  check "data list --path starts-with" any data list --project "$p" --path /runs/ --type FOLDER
  check "data list --all --sort" any data list --project "$p" --all --sort name
  check "data get" any data get --project "$p" --data "$d1"
  check "batch create --ids-file" any batch create --project "$p" --ids-file "$work/ids.txt" --add-user-tag a --remove-user-tag b --add-tech-tag t --remove-tech-tag u --archive-at 2030-01-01T00:00:00Z --delete-at 2031-01-01T00:00:00Z
  check "batch create --clear-*" any batch create --project "$p" --ids-file "$work/ids.txt" --clear-archive-at --clear-delete-at
  check "batch create --file" any batch create --project "$p" --file "$work/body.json" -o json
  check "batch create --split" any batch create --project "$p" --ids-file "$work/ids.txt" --add-user-tag a --split-size 1
  check "batch get" any batch get --project "$p" --batch "$b"
  check "batch items" any batch items --project "$p" --batch "$b"
  check "batch items --status --offset" any batch items --project "$p" --batch "$b" --status FAILED --status UPDATED --offset 0 --page-size 1
  check "batch items --cursor" any batch items --project "$p" --batch "$b" --status PARTIALLY_UPDATED --cursor ""
  check "batch items --sort" any batch items --project "$p" --batch "$b" --sort "dataId desc" -o csv
  check "batch items --all --sort" any batch items --project "$p" --batch "$b" --all --sort dataId
  check "batch items --with-names" any batch items --project "$p" --batch "$b" --with-names -o json
  check "batch failures" any batch failures --project "$p" --batch "$b" -o json
  check "batch item" any batch item --project "$p" --batch "$b" --item "$i"
  check "batch wait" any batch wait --project "$p" --batch "$b" --interval 0.2 --timeout 2
  printf 'id,add,remove,tech\n%s,a;b,c,t\n%s,a;b,c,t\n' "$d1" "$d2" >"$work/sheet.csv"
  printf 'path\ttags\n/runs/a.bam\tp\n/runs/b/\tp\n' >"$work/paths.tsv"
  check "batch create --from-table (IDs)" any batch create --project "$p" --from-table "$work/sheet.csv" --id-column id --add-user-tag-column add --remove-user-tag-column remove --add-technical-tag-column 4 --skip-bad-rows
  check "batch create --from-table (paths)" any batch create --project "$p" --from-table "$work/paths.tsv" --path-column path --add-user-tag-column tags --skip-bad-rows
  check "tags rename --user --folder --dry-run" any tags rename --project "$p" --user --from u --to v --folder /runs/ --dry-run
  check "tags rename --technical" any tags rename --project "$p" --technical --from t --to t2
  # Undo: the snapshot's chunked id= listing, then the batch; the undo reads the batch,
  # its items and the data again (a mock batch may not look ended: any exit).
  check "batch create --undo-file" any batch create --project "$p" --file "$work/body.json" --undo-file "$work/undo-mock.json"
  check "batch undo --dry-run" any batch undo --project "$p" --undo-file "$work/undo-mock.json" --dry-run
  # A bearer token instead of the key (the key given to check() is overridden).
  check "access token" any projects list --access-token header.payload.signature
}

run_proxy() {
  mode=proxy
  local simpid
  "$icasim" >"$work/sim.out" 2>"$work/sim.err" &
  simpid=$!
  pids+=("$simpid")
  local deadline=$((SECONDS + 60))
  while [ $SECONDS -lt $deadline ] && ! grep -q '^ICA_SIM_API_KEY=' "$work/sim.out"; do
    kill -0 "$simpid" 2>/dev/null || break
    sleep 0.2
  done
  local simurl simkey
  simurl=$(sed -n 's/^ICA_SIM_URL=//p' "$work/sim.out" | head -1 | tr -d '\r')
  simkey=$(sed -n 's/^ICA_SIM_API_KEY=//p' "$work/sim.out" | head -1 | tr -d '\r')
  if [ -z "$simurl" ] || [ -z "$simkey" ]; then
    not_started ica-sim "$work/sim.err"; return
  fi
  start_prism proxy "$spec" "$simurl" --errors || return
  server="http://127.0.0.1:$prism_port"
  key="$simkey"

  check "projects list" 0 projects list -o csv
  local p
  p=$(printf '%s\n' "$LAST_OUT" | sed -n '2p' | cut -d, -f1 | tr -d '\r')
  if [ -z "$p" ]; then
    failed=$((failed + 1)); failures+=("[proxy] no project found: cannot go on"); return
  fi
  check "projects list --search --sort --offset" 0 projects list --search a --sort "name desc" --page-size 2 --offset 1
  check "projects list --cursor" 0 projects list --cursor "" --page-size 2 -o json
  check "projects list --all (cursor)" 0 projects list --all --page-size 2
  check "projects list --all --sort (offset)" 0 projects list --all --page-size 2 --sort name
  check "data list files" 0 data list --project "$p" --type FILE --page-size 12 -o csv
  local ids
  ids=$(printf '%s\n' "$LAST_OUT" | sed -n '2,13p' | cut -d, -f1 | tr -d '\r')
  local d1
  d1=$(printf '%s\n' "$ids" | head -1)
  local folder
  check "data list folders" 0 data list --project "$p" --type FOLDER --page-size 1 -o csv
  printf '%s\n' "$LAST_OUT" >"$work/folders.csv"
  folder=$(printf '%s\n' "$LAST_OUT" | sed -n '2p' | cut -d, -f4 | tr -d '\r')
  check "data list filters" 0 data list --project "$p" --name .bam --name-match fuzzy --sort "timeModified desc" --page-size 5
  check "data list --parent-folder" 0 data list --project "$p" --parent-folder "${folder:-/}" --cursor ""
  check "data list --path starts-with --all" 0 data list --project "$p" --path "${folder:-/}" --all --page-size 1000 -o csv
  check "data list --path full" 0 data list --project "$p" --path "${folder:-/}" --path-match full -o json
  check "data get" 0 data get --project "$p" --data "$d1" -o json

  printf '%s\n' "$ids" >"$work/ids.txt"
  printf '%s\n' fil.00000000000000000000000000000000 fil.ffffffffffffffffffffffffffffffff >>"$work/ids.txt"
  check "batch create --ids-file" 0 batch create --project "$p" --ids-file "$work/ids.txt" --add-user-tag conformance --remove-user-tag old --add-tech-tag checked --remove-tech-tag stale -o json
  local b
  b=$(printf '%s\n' "$LAST_OUT" | sed -n 's/^    "id": "\(.*\)",\{0,1\}$/\1/p' | head -1)
  cat >"$work/body.json" <<EOF
{"dataUpdateGroups": [{"dataIds": ["$d1"], "userTags": {"addTags": ["from-body"]},
  "willBeArchivedAt": "2030-01-01T00:00:00Z", "willBeDeletedAt": "2031-01-01T00:00:00Z"}]}
EOF
  check "batch create --file" 0 batch create --project "$p" --file "$work/body.json"
  check "batch create --split" 0 batch create --project "$p" --ids-file "$work/ids.txt" --add-user-tag split --split-size 5 -o json
  check "batch create --clear-*" 0 batch create --project "$p" --ids-file "$work/ids.txt" --clear-archive-at --clear-delete-at
  check "batch wait" 0 batch wait --project "$p" --batch "$b" --interval 0.5 --timeout 120
  check "batch get" 0 batch get --project "$p" --batch "$b" -o json
  check "batch items" 0 batch items --project "$p" --batch "$b" -o csv
  local item
  item=$(printf '%s\n' "$LAST_OUT" | sed -n '2p' | cut -d, -f1 | tr -d '\r')
  check "batch items --status FAILED --offset" 0 batch items --project "$p" --batch "$b" --status FAILED --offset 0 --page-size 1
  check "batch items --status --cursor" 0 batch items --project "$p" --batch "$b" --status UPDATED --status FAILED --cursor "" --page-size 3
  check "batch items --all (cursor)" 0 batch items --project "$p" --batch "$b" --all --page-size 4 -o json
  # Names of each page's data IDs (GET data with repeated id parameters) and the
  # failed items by reason (items with the FAILED and PARTIALLY_UPDATED filter).
  check "batch items --with-names" 0 batch items --project "$p" --batch "$b" --all --page-size 4 --with-names -o jsonl
  check "batch failures" 0 batch failures --project "$p" --batch "$b" -o json
  check "batch items --all --sort (offset)" 0 batch items --project "$p" --batch "$b" --all --page-size 4 --sort "dataId desc"
  check "batch item" 0 batch item --project "$p" --batch "$b" --item "$item" -o json

  # Tags from a sheet (by ID, and by path: listing calls with filePath FULL) and tag
  # rename (userTag/technicalTag EXACT, filePath STARTS_WITH, cursor pages, create).
  { echo "id,tags,tech"; printf '%s\n' "$ids" | sed 's/$/,sheet-a;sheet-b,sheet-t/'; } >"$work/sheet.csv"
  check "batch create --from-table (IDs)" 0 batch create --project "$p" --from-table "$work/sheet.csv" --id-column id --add-user-tag-column tags --add-technical-tag-column tech -o json
  check "data list files with paths" 0 data list --project "$p" --type FILE --page-size 3 -o csv
  { printf 'path\ttags\n'; printf '%s\n' "$LAST_OUT" | sed -n '2,4p' | cut -d, -f4 | tr -d '\r' | sed 's/$/\tby-path/'; } >"$work/paths.tsv"
  check "batch create --from-table (paths)" 0 batch create --project "$p" --from-table "$work/paths.tsv" --path-column path --add-user-tag-column tags
  check "tags rename --dry-run" 0 tags rename --project "$p" --user --from conformance --to conformance-renamed --dry-run -o json
  check "tags rename --folder --dry-run" 0 tags rename --project "$p" --user --from conformance --to conformance-renamed --folder "${folder:-/runs/}" --dry-run
  check "tags rename --wait" 0 tags rename --project "$p" --user --from conformance --to conformance-renamed --wait --interval 0.5
  check "tags rename --technical" 0 tags rename --project "$p" --technical --from checked --to checked-2
  check "tags rename, no item" 0 tags rename --project "$p" --user --from no-such-tag-anywhere --to x
  # Undo: the snapshot (chunked id= listing), the batch, then its inverse.
  check "batch create --undo-file" 0 batch create --project "$p" --ids-file "$work/ids.txt" --add-user-tag undo-me --remove-tech-tag stale --archive-at 2030-01-01T00:00:00Z --undo-file "$work/undo.json" -o json
  local ub
  ub=$(printf '%s\n' "$LAST_OUT" | sed -n 's/^    "id": "\(.*\)",\{0,1\}$/\1/p' | head -1)
  check "batch wait (to undo)" 0 batch wait --project "$p" --batch "$ub" --interval 0.5 --timeout 120
  check "batch undo --dry-run" 0 batch undo --project "$p" --undo-file "$work/undo.json" --dry-run
  check "batch undo --wait" 0 batch undo --project "$p" --undo-file "$work/undo.json" --wait -o json

  # Error answers must conform too (problem+json).
  check "404 unknown batch" 1 batch get --project "$p" --batch 3fa85f64-5717-4562-b3fc-2c963f66afa6
  check "404 unknown project" 1 data list --project no-such-project
  check "404 unknown item" 1 batch item --project "$p" --batch "$b" --item 7c9e6679-7425-40de-944b-e07fc1f90ae7
  check "400 bad page size" 1 batch items --project "$p" --batch "$b" --page-size 5000
  check "400 bad sort field" 1 data list --project "$p" --sort nosuchfield
  check "401 bad key" 1 projects list --api-key conformance-wrong-key
  cat >"$work/invalid.json" <<EOF
{"dataUpdateGroups": [{"dataIds": ["$d1"], "willBeArchivedAt": "2030-01-01T00:00:00Z",
  "clearWillBeArchivedAt": true}]}
EOF
  check "400 create validation error (set and clear)" 1 batch create --project "$p" --file "$work/invalid.json"
  local folder_id
  folder_id=$(grep -h '^fol\.' "$work/folders.csv" | head -1 | cut -d, -f1)
  printf '%s\n' "${folder_id:-fol.00000000000000000000000000000000}" >"$work/folder.txt"
  check "400 create validation error (archive a folder)" 1 batch create --project "$p" --ids-file "$work/folder.txt" --archive-at 2030-01-01T00:00:00Z
  # A folder's undo record lists its contents (filePath STARTS_WITH).
  check "batch create --undo-file (folder)" 0 batch create --project "$p" --ids-file "$work/folder.txt" --add-user-tag undo-folder --undo-file "$work/undo-folder.json" -o json
}

[ "$only" = proxy ] || run_mock
[ "$only" = mock ] || run_proxy

if [ ${#failures[@]} -gt 0 ]; then
  echo
  echo "Violations and failures:"
  printf '  %s\n' "${failures[@]}"
fi
echo "conformance: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
