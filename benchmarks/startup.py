"""Start-up cost of the CLI and of the package, timed as whole processes (issue #17).

Each command runs ``--runs`` times after one warm-up; per run the child's wall time and
CPU time (user + system, from ``os.wait4``) are taken, and the median is reported. On the
shared 2-core machine wall time includes waiting for a core, so CPU time is the figure to
compare with the 0.3 s target; both are written, with the load averages.

    python benchmarks/startup.py --runs 7
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent
PY = sys.executable
COMMANDS: dict[str, list[str]] = {
    "engram --help": [PY, "-c", "from engram.cli import main; main()", "--help"],
    "engram --version": [PY, "-c", "from engram.cli import main; main()", "--version"],
    "python -c 'import engram'": [PY, "-c", "import engram"],
    "python -c 'from engram import Memory'": [PY, "-c", "from engram import Memory"],
    "python -c pass (interpreter floor)": [PY, "-c", "pass"],
}


def run_once(argv: list[str]) -> tuple[float, float]:
    """(wall s, cpu s) of one whole child process."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT.parent)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"{argv} exited {proc.returncode}")
    return wall, usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--out", type=Path, default=ROOT / "results")
    args = parser.parse_args()
    rows = []
    for name, argv in COMMANDS.items():
        run_once(argv)  # warm-up: page cache, .pyc files
        samples = [run_once(argv) for _ in range(args.runs)]
        walls, cpus = [s[0] for s in samples], [s[1] for s in samples]
        rows.append({"command": name, "runs": args.runs,
                     "wall_median_s": round(statistics.median(walls), 3), "wall_min_s": round(min(walls), 3),
                     "cpu_median_s": round(statistics.median(cpus), 3), "cpu_min_s": round(min(cpus), 3),
                     "load": [round(x, 2) for x in os.getloadavg()]})
        print(rows[-1], flush=True)
    args.out.mkdir(parents=True, exist_ok=True)
    stem = args.out / f"startup-{date.today().isoformat()}"
    command = "python benchmarks/startup.py " + " ".join(sys.argv[1:])
    stem.with_suffix(".json").write_text(json.dumps({"command": command, "cores": os.cpu_count(),
                                                     "rows": rows}, indent=2) + "\n")
    lines = [f"# Start-up ({date.today().isoformat()})", "",
             f"Whole-process timings, median of {args.runs} runs after a warm-up; {os.cpu_count()} cores "
             "shared with other jobs, so wall time includes waiting for a core: compare CPU time with "
             "the 0.3 s target.", "",
             "| command | cpu median s | cpu min s | wall median s | wall min s | load 1/5/15 |",
             "|---|---|---|---|---|---|"]
    lines += [f"| `{r['command']}` | {r['cpu_median_s']} | {r['cpu_min_s']} | {r['wall_median_s']} | "
              f"{r['wall_min_s']} | {' '.join(map(str, r['load']))} |" for r in rows]
    lines += ["", f"Command: `{command}`", ""]
    stem.with_suffix(".md").write_text("\n".join(lines))
    print(stem.with_suffix(".md").read_text())


if __name__ == "__main__":
    main()
