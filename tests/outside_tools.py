"""Where the outside checkers are: axe-core and the Nu HTML Checker come from
npm (package.json; `npm ci`), and the checker runs on Java 17.

Like the browser tests, tests that need them fail in CI (CI=true) when they
are missing, and are deselected on a laptop with a hint.
"""

import os
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
IN_CI = os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}
HINT = "The outside checks (axe-core, the Nu HTML Checker) need `npm ci` and Java 17: {reason}."


def missing() -> str | None:
    if not AXE.exists() or not VNU.exists():
        return "node_modules/ has no axe-core or vnu-jar (run `npm ci` at the project root)"
    if shutil.which("java") is None:
        return "java is not on the PATH (apt-get install openjdk-17-jre-headless)"
    return None
