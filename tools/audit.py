"""`make audit`: pip-audit against requirements.lock; fails on a known vulnerability only.

pip-audit asks PyPI's advisory data over the network. When that cannot be reached (a build
without network, a mirror without PyPI's JSON API) nothing was audited: this says so loudly
and exits 0, so the build does not fail for a network error. A vulnerability that was found
always fails (exit 1), with the advisories and the fixed versions printed.
"""

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCK = ROOT / "requirements.lock"


def main():
    pip_audit = Path(sys.executable).with_name("pip-audit")
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "audit.json"
        command = [
            str(pip_audit),
            "--requirement",
            str(LOCK),
            "--require-hashes",
            "--disable-pip",
            "--progress-spinner",
            "off",
            "--format",
            "json",
            "--output",
            str(report),
        ]
        try:
            completed = subprocess.run(command, capture_output=True, text=True, timeout=600)
        except (OSError, subprocess.TimeoutExpired) as error:
            print(f"audit: NOT RUN ({error}); the lock file was not checked.")
            return 0
        if not report.exists():
            print("audit: NOT RUN (pip-audit could not reach the advisory data):")
            print((completed.stderr or completed.stdout).strip()[-2000:])
            return 0
        data = json.loads(report.read_text() or "{}")
    dependencies = data.get("dependencies", [])
    vulnerable = [dep for dep in dependencies if dep.get("vulns")]
    skipped = [dep for dep in dependencies if dep.get("skip_reason")]
    for dep in vulnerable:
        for vuln in dep["vulns"]:
            fixed = ", ".join(vuln.get("fix_versions", [])) or "no fix yet"
            print(f"VULNERABLE {dep['name']} {dep.get('version')}: {vuln['id']} (fixed in {fixed})")
    audited = len(dependencies) - len(skipped)
    if vulnerable:
        print(f"audit: {len(vulnerable)} vulnerable of {audited} audited packages (requirements.lock)")
        return 1
    if skipped and not audited:
        print(f"audit: NOT RUN: none of {len(dependencies)} packages could be looked up ({skipped[0]['skip_reason']})")
        return 0
    print(f"audit: no known vulnerabilities in {audited} packages of requirements.lock ({len(skipped)} skipped)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
