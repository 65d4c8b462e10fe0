"""Text in charts: its width estimated per character (Thai marks taking none), cut with an ellipsis, and wrapped
to a column, Thai (written without spaces) between the words pythainlp finds. Text is cut here, on the plain
text, and escaped only by the template."""

import unicodedata

FONT_SIZE = 12  # px, every text of every chart
LINE_HEIGHT = 15
MAX_LABEL_LINES = 3
ELLIPSIS = "…"


def _char_width(char: str) -> float:
    """A character's width in em, estimated for a sans-serif font (a little wide, to stay on the safe side)."""
    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return 0.0  # Thai vowel and tone marks sit above or below their consonant
    if unicodedata.east_asian_width(char) in ("W", "F"):
        return 1.0
    if char == " ":
        return 0.3
    if char in "il.,:;'|!":
        return 0.3
    if char in "mwMW@%":
        return 0.9
    if char.isupper() or char.isdigit():
        return 0.66
    return 0.6


def text_width(text: str, font_size: float = FONT_SIZE) -> float:
    """The estimated width of `text` in px at `font_size`."""
    return sum(_char_width(c) for c in text) * font_size


def _pieces(text: str) -> list[str]:
    """`text` cut where a line may break: after spaces, hyphens and slashes, and in Thai (no spaces
    between words) between the words pythainlp finds; a longer run is cut by `wrap`."""
    pieces: list[str] = []
    current = ""
    for char in text:
        if current and current[-1] in " -/":
            pieces.append(current)
            current = ""
        current += char
    if current:
        pieces.append(current)
    return [word for piece in pieces for word in (_thai_words(piece) if any(map(_is_thai, piece)) else [piece])]


def _thai_words(text: str) -> list[str]:
    from pythainlp.tokenize import word_tokenize  # its dictionary loads on the first Thai label only

    return [word for word in word_tokenize(text, engine="newmm", keep_whitespace=True) if word]


def _is_thai(char: str) -> bool:
    return "\u0e00" <= char <= "\u0e7f"


def truncate(text: str, width: float, font_size: float = FONT_SIZE) -> str:
    """The plain `text` cut to fit `width` px, with an ellipsis; escape it afterwards, never before."""
    text = str(text)
    if text_width(text, font_size) <= width:
        return text
    kept = ""
    for char in text:
        if text_width(kept + char + ELLIPSIS, font_size) > width and not unicodedata.combining(char):
            break
        kept += char
    return kept.rstrip() + ELLIPSIS


def truncate_chars(text: str, length: int) -> str:
    """The plain `text` cut to `length` characters (marks that take no room not counted), with an ellipsis."""
    text = str(text)
    counted = [c for c in text if not unicodedata.combining(c)]
    if len(counted) <= length:
        return text
    kept, seen = "", 0
    for char in text:
        if not unicodedata.combining(char):
            if seen == length - 1:
                break
            seen += 1
        kept += char
    return kept.rstrip() + ELLIPSIS


def wrap(text: str, width: float, max_lines: int = MAX_LABEL_LINES, font_size: float = FONT_SIZE) -> list[str]:
    """`text` in lines no wider than `width` px, at most `max_lines` (the last one cut with an ellipsis)."""
    lines: list[str] = []
    current = ""
    for piece in _pieces(str(text)):
        if current and text_width(current + piece.rstrip(), font_size) > width:
            lines.append(current.rstrip())
            current = ""
        while text_width(piece.rstrip(), font_size) > width:  # one word wider than the column
            head = truncate(piece, width, font_size)[:-1] or piece[0]
            lines.append(head)
            piece = piece[len(head) :]
        current += piece
    if current.strip():
        lines.append(current.rstrip())
    if len(lines) > max_lines:
        rest = " ".join(lines[max_lines - 1 :]) if " " in text else "".join(lines[max_lines - 1 :])
        lines = [*lines[: max_lines - 1], truncate(rest + ELLIPSIS, width, font_size)]
    return lines or [""]
