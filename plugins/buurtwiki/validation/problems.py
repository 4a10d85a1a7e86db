"""Problems found in content: one record per problem, all of a run kept together.

Every problem prints as ``path:line: fout: …`` or ``path:line: waarschuwing: …``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

ERROR = "fout"
WARNING = "waarschuwing"


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    level: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.level}: {self.message}"

    @property
    def is_error(self) -> bool:
        return self.level == ERROR


@dataclass
class Problems:
    """Collects every problem of a run, so they can be reported together."""

    items: list[Problem] = field(default_factory=list)

    def error(self, path: str, line: int, message: str) -> None:
        self.items.append(Problem(path, max(line, 1), ERROR, message))

    def warning(self, path: str, line: int, message: str) -> None:
        self.items.append(Problem(path, max(line, 1), WARNING, message))

    def extend(self, other: Problems) -> None:
        self.items.extend(other.items)

    def for_path(self, path: str) -> Reporter:
        return Reporter(self, path)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.sorted() if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.sorted() if not p.is_error]

    def sorted(self) -> list[Problem]:
        return sorted(set(self.items), key=lambda p: (p.path, p.line, p.level, p.message))

    def __len__(self) -> int:
        return len(self.items)

    def summary(self) -> str:
        errors, warnings = len(self.errors), len(self.warnings)
        return f"{errors} {'fout' if errors == 1 else 'fouten'}, {warnings} {'waarschuwing' if warnings == 1 else 'waarschuwingen'}"


@dataclass
class Reporter:
    """Problems of one file: callers only give the line."""

    problems: Problems
    path: str

    def error(self, line: int, message: str) -> None:
        self.problems.error(self.path, line, message)

    def warning(self, line: int, message: str) -> None:
        self.problems.warning(self.path, line, message)
