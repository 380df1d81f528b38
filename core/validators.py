"""Text that must read as what it says: titles and headings print on the public page
and in every list, so a character that reorders or hides text is refused."""

import unicodedata

from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible

# Bidirectional embeddings, overrides and isolates can show "Dose: 10 mg" for text that
# is stored otherwise (the "Trojan Source" trick); zero-width characters make two
# titles that look alike differ, or hide a word from search.
INVISIBLE = {
    *map(chr, range(0x202A, 0x202F)),  # LRE, RLE, PDF, LRO, RLO
    *map(chr, range(0x2066, 0x206A)),  # LRI, RLI, FSI, PDI
    "\u200e", "\u200f", "\u061c",  # left-to-right, right-to-left and Arabic letter marks
    "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff",  # zero-width: space, joiners, BOM
}  # fmt: skip


@deconstructible
class VisibleTextValidator:
    def problem(self, value: str) -> str | None:
        """What is wrong with `value`, as a phrase ("contains …"), or None."""
        for character in value or "":
            if character in INVISIBLE:
                name = unicodedata.name(character, "")
                return (
                    f"contains an invisible character (U+{ord(character):04X} {name}) "
                    "that can disguise what it says: remove it"
                )
        return None

    def __call__(self, value: str) -> None:
        if problem := self.problem(value):
            raise ValidationError(f"This text {problem}.", code="invisible_character")

    def __eq__(self, other) -> bool:
        return isinstance(other, VisibleTextValidator)


visible_text = VisibleTextValidator()
