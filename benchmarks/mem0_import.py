"""Import the store a real mem0ai 2.2.1 wrote (tests/fixtures/mem0/store) into a fresh
Engram store with the bundled embedder, and count what arrived.

    python benchmarks/mem0_import.py            # writes benchmarks/results/mem0-import.{json,md}

Checks: every live mem0 memory is in Engram with its text and scope (0 lost), memories
mem0 deleted are not, re-importing adds nothing. Reports wall and CPU seconds.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from engram.compat.mem0_import import import_mem0  # noqa: E402
from engram.config import Settings  # noqa: E402
from engram.memory import Memory  # noqa: E402
from engram.model import Scope  # noqa: E402

STORE = ROOT / "tests" / "fixtures" / "mem0" / "store"


def main() -> None:
    docstore = json.loads((STORE / "faiss" / "mem0.json").read_text())["docstore"]
    with tempfile.TemporaryDirectory() as folder, \
            Memory(Path(folder) / "e.db", settings=Settings(data_dir=Path(folder))) as mem:
        wall, cpu = time.perf_counter(), time.process_time()
        report = import_mem0(mem, STORE)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        stored = {i.metadata["mem0_id"]: i for i in mem.store.iter_items(Scope(app_id="mem0"))}
        lost = [k for k, v in docstore.items() if k not in stored or stored[k].content != v["data"]
                or stored[k].scope.user_id != v.get("user_id")]
        again = import_mem0(mem, STORE)
    result = {"command": "python benchmarks/mem0_import.py", "source": "mem0ai 2.2.1, FAISS + history.db",
              "mem0_live": len(docstore), "read": report.read, "imported": report.imported,
              "lost": len(lost), "deleted_in_source": report.deleted_in_source,
              "reimport_imported": again.imported, "reimport_skipped": again.skipped,
              "wall_s": round(wall, 2), "cpu_s": round(cpu, 2), "embedder": "minilm-onnx (bundled)",
              "load_1min": round(os.getloadavg()[0], 1), "cpus": os.cpu_count()}
    out = ROOT / "benchmarks" / "results"
    (out / "mem0-import.json").write_text(json.dumps(result, indent=2) + "\n")
    rows = "\n".join(f"| {k} | {v} |" for k, v in result.items())
    (out / "mem0-import.md").write_text(f"# mem0 store import\n\n| measure | value |\n|---|---|\n{rows}\n")
    print(json.dumps(result, indent=2))
    if lost or report.imported != len(docstore):
        raise SystemExit(f"{len(lost)} memories lost")


if __name__ == "__main__":
    main()
