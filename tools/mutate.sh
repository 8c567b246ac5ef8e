#!/usr/bin/env bash
# Mutation testing of ONE kata: Stryker.NET (pinned in .config/dotnet-tools.json) mutates that kata's reference
# solution (solutions/KNN_Name/**) and runs that kata's tests (tests/Katas.Tests, Category=KNN, compiled against
# solutions/) against every mutant. A mutant no test kills is a change to the solution the tests cannot see.
#
#   tools/mutate.sh K03              # mutate solutions/K03_*/**, run Category=K03
#   tools/mutate.sh K12 --fast       # also skip the kata's slow tests (see FAST_FILTER below)
#   tools/mutate.sh K06 'Ikj*.cs'    # mutate only the files of the kata matching a glob
#   tools/mutate.sh K02,K03          # several katas in one run (one build and one baseline for all; the
#                                    # report still scores each file, so each kata's score can be read off it)
#
# Reports: out/mutate/KNN/reports/mutation-report.{html,json,md}; the summary line is printed at the end.
# Tests are run per mutant only where the baseline run saw them cover it ("perTest" coverage analysis).
# Null guards (ArgumentNullException.ThrowIfNull) are not mutated: nullable reference types are on and warnings are
# errors, so passing null is a compile error for every caller in this repository; the guards are defensive, and no
# kata specifies them (tests/README.md, "Mutation testing").
set -euo pipefail
cd "$(dirname "$0")/.."
kata=${1:?usage: tools/mutate.sh KNN [--fast] [file-glob]}
shift
fast=false; glob='**/*.cs'
for arg in "$@"; do
  case $arg in
    --fast) fast=true ;;
    *) glob=$arg ;;
  esac
done
mutate=()
for k in ${kata//,/ }; do
  folder=$(cd solutions && ls -d "${k}"_* 2>/dev/null | head -n 1) || true
  [ -n "$folder" ] || { echo "no solutions/${k}_* folder" >&2; exit 2; }
  mutate+=("\"**/${folder}/${glob}\"")
done

# Tests that train a model for many epochs: minutes per mutant. --fast leaves them out (the table says so); the
# other tests of the same classes (one SGD step, gradients against central differences) still run.
declare -A FAST_FILTER=(
  [K12]='&FullyQualifiedName!~ReachesAtLeast80Percent'
  [K13]='&FullyQualifiedName!~AFewHundredSgdSteps'
)
filter=""
for k in ${kata//,/ }; do
  part="Category=${k}"
  $fast && part+="${FAST_FILTER[$k]:-}"
  filter+="${filter:+|}(${part})"
done

out="out/mutate/${kata//,/-}"
mkdir -p "$out"
# The test project compiles against solutions/ when the MSBuild property Against is "solutions"; MSBuild reads
# environment variables as properties, so every build Stryker starts sees it.
export Against=solutions
export KATAS_REQUIRE_OPENCL=${KATAS_REQUIRE_OPENCL:-1}   # K07's tests must run on a real platform, not skip
dotnet tool restore >/dev/null
cat > "$out/stryker-config.json" <<EOF
{
  "stryker-config": {
    "project": "Solutions.csproj",
    "test-projects": ["$(pwd)/tests/Katas.Tests/Katas.Tests.csproj"],
    "mutate": [$(IFS=,; echo "${mutate[*]}")],
    "test-case-filter": "${filter}",
    "coverage-analysis": "perTest",
    "ignore-methods": ["ArgumentNullException.ThrowIfNull"],
    "concurrency": ${MUTATE_CONCURRENCY:-1},
    "additional-timeout": ${MUTATE_TIMEOUT_MS:-5000},
    "reporters": ["Progress", "Html", "Json", "Markdown", "ClearText"],
    "thresholds": { "high": 85, "low": 70, "break": 0 }
  }
}
EOF
start=$(date +%s)
(cd tests/Katas.Tests && dotnet dotnet-stryker --config-file "../../$out/stryker-config.json" --output "../../$out" --skip-version-check)
echo "mutate ${kata} (${glob}, filter ${filter}): $(( $(date +%s) - start )) s at $(git rev-parse --short HEAD)"
