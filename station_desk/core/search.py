"""Search words for people: pinyin initials ("zs" finds 张三) and the stored search text.

pypinyin costs ~40 µs a name; names share few characters, so initials are looked up one
character at a time through a cache (a 27,689-name ledger has ~2,000 distinct characters).
Names are read character by character, not as words: 张长 is zhang chang-or-zhang, never a
phrase. The first character is read as a surname where its surname reading differs.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

# Surnames whose usual reading has another initial (曾 ceng → zeng, 单 dan → shan ...).
SURNAME_INITIALS = {
    "曾": "z", "单": "s", "解": "x", "仇": "q", "区": "o", "查": "z", "朴": "p", "尉": "y",
    "乐": "y", "覃": "q", "折": "s", "繁": "p", "种": "c", "秘": "b", "能": "n", "召": "s",
    "翟": "z", "祭": "z", "句": "g", "员": "y", "隗": "w", "缪": "m", "盖": "g", "长": "c",
    "都": "d", "粘": "n", "宓": "f", "莘": "s", "谌": "c", "重": "c",
}
# Two-character surnames read as a whole.
COMPOUND_SURNAMES = {"万俟": "mq", "尉迟": "yc", "单于": "cy", "长孙": "zs"}


@lru_cache(maxsize=20000)
def _char_initial(char: str) -> str:
    if char.isascii():
        return char.lower() if char.isalnum() else ""
    from pypinyin import Style, lazy_pinyin  # ~60 ms to import: only when a name is indexed

    letters = lazy_pinyin(char, style=Style.FIRST_LETTER, errors="ignore")
    return letters[0][:1].lower() if letters and letters[0] else ""


def initials(name: str) -> str:
    """Pinyin initials of a person's name, surname read as a surname: 曾小明 → zxm."""
    name = "".join(name.split())
    if not name:
        return ""
    for compound, letters in COMPOUND_SURNAMES.items():
        if name.startswith(compound):
            return letters + "".join(_char_initial(c) for c in name[2:])
    first = SURNAME_INITIALS.get(name[0]) or _char_initial(name[0])
    return first + "".join(_char_initial(c) for c in name[1:])


def search_text(names: Iterable[str], others: Iterable[str]) -> str:
    """The stored words: each name, its initials, and the other values, space-separated.

    Framed by spaces so a query can match the end of one word (the tail of a phone number).
    """
    words: list[str] = []
    for name in names:
        name = "".join(name.split())
        if name:
            words += [name.lower(), initials(name)]
    words += ["".join(str(v).split()).lower() for v in others if v]
    return " " + " ".join(w for w in words if w) + " "


def household_words(head_name: str, address: str, phone: str,
                    members: Iterable[tuple[str, str | None, str | None]]) -> tuple[str, str]:
    """A household's (head_initials, search_text): the head's and members' names with their
    initials, the address, and every phone and ID number. ``members``: (name, phone, id_number).

    The one recipe: the forms, the import and the demo all store what this returns.
    """
    members = list(members)
    names = [head_name] + [name for name, _p, _i in members if name != head_name]
    others = [address, phone] + [p for _n, p, _i in members] + [i for _n, _p, i in members]
    return initials(head_name), search_text(names, [o for o in others if o])


def like_pattern(query: str) -> tuple[str, bool]:
    """The SQL LIKE pattern for a search box entry, and whether it is a number's tail.

    Four or more digits (or digits ending in X) match the end of a phone or ID number;
    Latin letters (pinyin initials) match the start of a word; anything else matches inside
    any word. ``%``, ``_`` and ``\\`` are escaped with ``\\``.
    """
    import unicodedata

    text = "".join(unicodedata.normalize("NFKC", query).split()).lower()  # full-width digits too
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    digits = text[:-1] if text.endswith("x") else text
    if len(text) >= 4 and digits.isdigit():
        return f"%{escaped} %", True
    if text.isascii() and text.isalpha():
        return f"% {escaped}%", False
    return f"%{escaped}%", False
