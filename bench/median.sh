# median.sh - sourced by the benchmarks: timing helpers.
#
# median_ms RUNS CMD...: runs CMD RUNS times (output discarded) and prints the
# median wall time in milliseconds, with three decimals.
median_ms() {
	runs=$1
	shift
	python3 - "$runs" "$@" <<'PY'
import statistics, subprocess, sys, time
runs = int(sys.argv[1]); cmd = sys.argv[2:]
times = []
for _ in range(runs):
    t = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    times.append((time.perf_counter() - t) * 1000)
print(f"{statistics.median(times):.3f}")
PY
}
