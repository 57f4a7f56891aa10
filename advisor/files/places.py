"""Where the shipped knowledge is. Free of heavy imports: the questionnaire's first screen uses it."""

from __future__ import annotations

from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parents[1]  # advisor/


def default_paths() -> tuple[Path, Path]:
    """The shipped findings.yaml and rules/ (inside the installed package, or the source tree)."""
    packaged = _PACKAGE_DIR / "knowledge" / "shipped"
    if (packaged / "findings.yaml").is_file():
        return packaged / "findings.yaml", packaged / "rules"
    checkout = _PACKAGE_DIR.parent  # running from a source checkout or an editable install
    return checkout / "findings.yaml", checkout / "rules"
