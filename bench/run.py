"""Run every benchmark in bench/ one after another (``make bench``); each prints a Markdown table."""

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
BENCHES = ["catalogue.py", "procedures.py", "certificates.py"]

if __name__ == "__main__":
    status = 0
    for name in BENCHES:
        script = HERE / name
        if not script.exists():
            continue
        print(f"\n## {name}\n", flush=True)
        status |= subprocess.call([sys.executable, str(script)])
    sys.exit(status)
