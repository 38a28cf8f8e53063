"""The facts that frame the class's report: BL's figures on social housing and its resident
democracy (`lessons/data/facts.yaml`), each with its source, in the report's language."""

from dataclasses import dataclass

from lessons.facts import framing_facts
from teacher_portal.reports.scope import ReportScope


@dataclass(frozen=True)
class FactEntry:
    text: str
    source: str


def build_framing(scope: ReportScope) -> list[FactEntry]:
    language = scope.language
    return [
        FactEntry(fact.text.get(language), fact.source.get(language))
        for fact in framing_facts().facts.values()
    ]
