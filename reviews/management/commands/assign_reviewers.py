"""Give every unassigned open review cycle to a qualified reviewer.

Qualified: active, licence valid today, covers the article's specialty, no declared
conflict on its specialty or topics, did not write the live version, and below their
capacity. Least-loaded first; ties by credit name. Cycles nobody can take keep the
reason, which the director's cycle list shows. Each reviewer gets one digest.
"""

from core.management.jobs import JobCommand
from reviews import cycles


class Command(JobCommand):
    help = "Assign unassigned review cycles to qualified reviewers."
    job_name = "assign_reviewers"

    def run(self, day, **options):
        return cycles.review_cycles_auto_assign(today=day)

    def report(self, result) -> str:
        lines = [f"assigned {result.assigned_count} review cycles"]
        if result.unassignable:
            reasons = sorted(set(result.unassignable.values()))
            lines.append(f"; {len(result.unassignable)} unassignable: " + " / ".join(reasons))
            return "".join(lines)
        return "".join(lines) + "."
