"""The "target | measured | target | met | what it means" table every benchmark ends with.

``bench/run_all.py`` gathers the rows of every benchmark's table into the
"Targets in one place" section, so the tables share one header and one way of
saying whether a target is met.

Example:
    >>> print("\\n".join(targets_table([("caller ratio", "0.08", "<= 0.1", True, "fast")])))
    | target | measured | target | met | what it means |
    |---|---:|---|:---:|---|
    | caller ratio | 0.08 | <= 0.1 | yes | fast |
"""

from __future__ import annotations

from typing import Iterable, List, Tuple

# (what is measured, the figure, the target, whether it is met, what the figure
# means for a reader in one sentence: what to use or to expect)
TargetRow = Tuple[str, str, str, bool, str]


def header(first: str = "target") -> List[str]:
    """The table's header lines; ``first`` names the first column."""
    return [
        f"| {first} | measured | target | met | what it means |",
        "|---|---:|---|:---:|---|",
    ]


def targets_table(rows: Iterable[TargetRow], first: str = "target") -> List[str]:
    """Markdown lines of a targets table; ``first`` names the first column."""
    lines = header(first)
    for what, measured, target, met, meaning in rows:
        lines.append(
            f"| {what} | {measured} | {target} | {'yes' if met else '**no**'} | {meaning} |"
        )
    return lines
