"""Files to :class:`~kg.model.Document`: finding them, decoding them, taking text out of HTML.

Offsets in the graph refer to the text this module produces: for ``.txt`` the decoded file
with line ends normalised to ``\\n`` (as Python's text mode reads it) and a leading BOM
dropped; for HTML the visible text, with a line break at every block element.
"""
from __future__ import annotations

import codecs
import hashlib
import os
import re
import stat
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Iterator

from kg.errors import DecodeError, InputError
from kg.model import Document
from kg.paths import printable

__all__ = ["DEFAULT_MAX_SIZE", "SPLIT_ABOVE", "PART_CHARS", "is_split", "read_parts", "TEXT_SUFFIXES", "HTML_SUFFIXES", "SUFFIXES", "Skipped", "find_files", "read_document", "decode",
           "html_to_text"]

# bytes; no limit unless --max-size sets one: a big plain-text file is read in parts (see read_parts)
DEFAULT_MAX_SIZE = None
# a plain-text file bigger than this is read as parts of about PART_CHARS characters, each its own document
# (cut at a blank line), so that memory stays bounded however big the file: a document held while it is
# extracted and written costs memory in proportion to its text, many times its size
SPLIT_ABOVE = 8 * 1024 * 1024
PART_CHARS = 1_000_000
TEXT_SUFFIXES = {".txt"}
HTML_SUFFIXES = {".html", ".htm"}
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES

_BINARY_MAGIC = {
    b"%PDF": "a PDF file",
    b"\x89PNG": "a PNG image",
    b"PK\x03\x04": "a zip archive (or an Office document)",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\x1f\x8b": "a gzip archive",
}


@dataclass(frozen=True, slots=True)
class Skipped:
    path: Path
    reason: str
    missing: bool = False  # the path does not exist (an error, not just a file of another type)
    named: bool = False  # the user named this very file (an error), rather than a folder holding it (a warning)

    @property
    def error(self) -> bool:
        return self.missing or self.named


def find_files(paths: list[Path]) -> tuple[list[Path], list[Skipped]]:
    """Expand files and folders (recursively) into the documents to read, in a stable order. Whatever
    cannot be read (a subfolder without permission, a broken link, a pipe, socket or device, or a link
    to one) is an error, named; files of other types inside a folder are warnings."""
    found: list[Path] = []
    skipped: list[Skipped] = []
    for p in paths:
        kind, why = _kind(p)
        if kind == "missing":
            skipped.append(Skipped(p, why or "no such file or folder; check the path", missing=True))
        elif kind == "dir":
            inside, problems = _walk(p)
            readable = [q for q in inside if q.suffix.lower() in SUFFIXES]
            if not readable and not problems:
                skipped.append(Skipped(p, "no .txt, .html or .htm files in it", named=True))
            skipped += problems
            skipped += [Skipped(q, "not a .txt, .html or .htm file") for q in inside
                        if q.suffix.lower() not in SUFFIXES and not q.name.startswith(".")]
            found += readable
        elif kind != "file":
            skipped.append(Skipped(p, why, named=True))
        elif p.suffix.lower() in SUFFIXES:
            found.append(p)
        else:
            skipped.append(Skipped(p, f"unsupported file type {p.suffix or '(no extension)'!r}; "
                                      "diplokg reads .txt, .html and .htm", named=True))
    seen: set[Path] = set()
    unique = []
    for f in found:
        r = f.resolve()
        if r not in seen:
            seen.add(r)
            unique.append(f)
    return unique, skipped


def _kind(p: Path) -> tuple[str, str]:
    """``file``, ``dir``, ``missing`` or ``other``, and why the path cannot be read if it cannot."""
    try:
        st = p.stat()
    except FileNotFoundError:
        if p.is_symlink():
            return "other", "a broken link (what it points to does not exist)"
        return "missing", ""
    except OSError as e:
        return "other", f"cannot be read ({e.strerror or e})"
    if stat.S_ISDIR(st.st_mode):
        return "dir", ""
    if stat.S_ISREG(st.st_mode):
        return "file", ""
    return "other", "not a regular file (a pipe, socket or device); save it to a file first"


def _walk(folder: Path) -> tuple[list[Path], list[Skipped]]:
    """The regular files under ``folder`` (links to files included, linked folders not entered), and
    an error for each entry that cannot be read."""
    files: list[Path] = []
    problems: list[Skipped] = []

    def failed(e: OSError) -> None:
        where = Path(e.filename) if e.filename else folder
        problems.append(Skipped(where, f"cannot be read ({e.strerror or e}); its files are left out", named=True))

    for root, dirs, names in os.walk(folder, onerror=failed):
        dirs.sort()
        for name in names + [d for d in dirs if os.path.islink(os.path.join(root, d))]:
            q = Path(root, name)
            kind, why = _kind(q)
            if kind == "file":
                files.append(q)
            elif kind != "dir" and not name.startswith("."):
                problems.append(Skipped(q, why or "cannot be read", named=True))
    return sorted(files), problems


def decode(data: bytes, name: str, encoding: str | None = None) -> tuple[str, str]:
    """Bytes to text; returns ``(text, encoding used)``. Raises :class:`DecodeError`."""
    for magic, what in _BINARY_MAGIC.items():
        if data.startswith(magic):
            raise DecodeError(f"{name}: {what}, not text; convert it to .txt or .html first")
    if encoding:
        try:
            return data.decode(encoding), encoding
        except LookupError:
            raise DecodeError(f"{name}: unknown encoding {encoding!r}; pass a Python codec name "
                              "such as utf-8, cp1251 or latin-1") from None
        except UnicodeDecodeError as e:
            raise DecodeError(f"{name}: not {encoding} text (byte 0x{data[e.start]:02X} at offset {e.start}); "
                              "pass the right --encoding") from None
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        return _detect(data, name, e)
    else:
        if "\x00" in text:
            wide = _wide_unicode(data)  # UTF-16 or UTF-32 without a BOM: ASCII letters come with NUL bytes
            if wide is not None:
                return wide
            raise DecodeError(f"{name}: contains NUL bytes, so it is binary, not text; "
                              "convert it to .txt or .html first")
        return text, "utf-8"


def _wide_unicode(data: bytes) -> tuple[str, str] | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or not (best.encoding or "").startswith(("utf_16", "utf_32")):
        return None
    text = str(best)
    return None if "\x00" in text else (text, best.encoding)


def _detect(data: bytes, name: str, err: UnicodeDecodeError) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise DecodeError(f"{name}: not UTF-8 text (byte 0x{data[err.start]:02X} at offset {err.start}) and "
                          "no other encoding fits; convert it or pass --encoding") from None
    return str(best), best.encoding


class _TextExtractor(HTMLParser):
    # not text, or site chrome (menus, sidebars, footers, forms): no statement lives there
    _SKIP = {"script", "style", "noscript", "template", "head", "svg", "iframe", "object", "nav", "footer", "aside",
             "form", "button", "select", "canvas"}
    _BLOCK = {"p", "div", "br", "li", "ul", "ol", "tr", "table", "section", "article", "header", "footer",
              "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "hr", "dd", "dt", "dl", "nav",
              "aside", "main", "figure", "figcaption", "form", "title", "td", "th", "address"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0
        self.pre = 0

    def handle_starttag(self, tag: str, attrs) -> None:  # noqa: ANN001
        if tag in self._SKIP:
            self.skip += 1
        elif tag in self._BLOCK:
            self.parts.append("\n")
        if tag == "pre":
            self.pre += 1

    def handle_startendtag(self, tag: str, attrs) -> None:  # noqa: ANN001
        if tag in self._BLOCK:  # <br/>: a line break, and never a skipped region left open
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag in self._BLOCK:
            self.parts.append("\n")
        if tag == "pre":
            self.pre = max(0, self.pre - 1)

    def handle_data(self, data: str) -> None:
        if not self.skip:
            # in HTML a line break inside text is a space; lines come from elements (and <pre>)
            self.parts.append(data if self.pre else data.replace("\n", " "))


def html_to_text(markup: str) -> str:
    """The visible text of an HTML page: no scripts, styles or comments; blocks on their own lines."""
    return "".join(_html_stream(iter([markup])))


def _html_stream(chunks: Iterator[str]) -> Iterator[str]:
    """The visible text of HTML given in consecutive pieces, as consecutive pieces: each line's spaces
    collapsed, one element boundary a line break, several a blank line, no blank line at either end. The
    pieces joined are what the whole page would give, so a big page can be read a part at a time."""
    parser = _TextExtractor()
    pending, started, blank = "", False, False

    def lines_of(raw: str) -> Iterator[str]:
        nonlocal started, blank
        for line in raw.split("\n"):
            line = _SPACES.sub(" ", line).strip()
            if not line:
                blank = started
                continue
            yield ("\n\n" if blank else "\n") + line if started else line
            started, blank = True, False

    for chunk in chunks:
        parser.feed(chunk)
        raw = pending + "".join(parser.parts)
        parser.parts.clear()
        complete, _, pending = raw.rpartition("\n")
        piece = "".join(lines_of(complete)) if complete or raw.startswith("\n") else ""
        if piece:
            yield piece
    parser.close()
    rest = "".join(lines_of(pending + "".join(parser.parts)))
    if rest:
        yield rest


_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")
# an HTML page saved with a .txt name: read as HTML, or its scripts would become text
_HTML_START = re.compile(r"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>])", re.I | re.S)


def looks_like_html(text: str) -> bool:
    """Whether ``text`` is an HTML page (whatever its file's name says)."""
    return _HTML_START.match(text[:4096]) is not None


def _mb(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB" if n >= 100 * 1024 else f"{n} bytes"


def read_document(path: Path, encoding: str | None = None, *, max_size: int | None = None) -> Document:
    """Read one file as a :class:`Document`. Raises :class:`InputError` when it cannot, or when it
    is bigger than ``max_size`` bytes (checked before reading)."""
    name = printable(path)  # for messages: one line, whatever the name holds
    try:
        if max_size is not None and (size := path.stat().st_size) > max_size:
            raise InputError(f"{name}: {_mb(size)}, over the size limit of {_mb(max_size)}; split it into one "
                             "file per statement, or raise the limit with --max-size")
        data = path.read_bytes()
    except OSError as e:
        raise InputError(f"{name}: cannot be read ({e.strerror or e}); check its permissions") from None
    if not data.strip():
        raise InputError(f"{name}: empty file (no text to read)")
    text, used = decode(data, name, encoding)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if path.suffix.lower() in HTML_SUFFIXES or looks_like_html(text):
        named = "" if path.suffix.lower() in HTML_SUFFIXES else f" (HTML in a {path.suffix or 'nameless'} file)"
        text = html_to_text(text)
        media, source = "text/html", (f"visible text extracted from the HTML{named}, decoded as {used} (scripts, "
                                      "styles and comments dropped)")
    else:
        media, source = "text/plain", f"file decoded as {used}, line ends normalised to LF"
    if not text.strip():
        raise InputError(f"{name}: no readable text in it")
    return Document(
        identity=path.resolve().as_posix(),
        name=path.name,
        text=text,
        sha256=hashlib.sha256(data).hexdigest(),
        media_type=media,
        text_source=source,
        encoding=used,
    )


def is_split(path: Path) -> bool:
    """Whether ``path`` is read in parts (a file over SPLIT_ABOVE bytes, text or HTML)."""
    try:
        return path.stat().st_size > SPLIT_ABOVE
    except OSError:
        return False


def part_identity(path: Path, n: int) -> str:
    """The identity of part ``n`` (1-based) of a file read in parts."""
    return f"{path.resolve().as_posix()}#part-{n}"


def read_parts(path: Path, encoding: str | None = None, part_chars: int | None = None) -> Iterator[Document]:
    """A big file as consecutive documents of about ``part_chars`` characters, each cut after a blank line
    (else a line end), decoded as a stream: memory holds one part, whatever the file's size. An HTML page's
    visible text is cut the same way, as the page is read.

    The encoding is chosen from the file's first megabyte (``encoding`` if given). Each part's text
    source says which characters of the whole file's text it holds, so every offset can be traced back."""
    name = printable(path)  # for messages: one line, whatever the name holds
    part_chars = part_chars or PART_CHARS
    try:
        size = path.stat().st_size
        fh = path.open("rb")
    except OSError as e:
        raise InputError(f"{name}: cannot be read ({e.strerror or e}); check its permissions") from None
    with fh:
        head = fh.read(1 << 20)
        if not head.strip():
            raise InputError(f"{name}: empty file (no text to read)")
        used = encoding or _stream_encoding(head, name)
        pieces = _decoded(fh, head, used, name)
        first = next(pieces, "")
        html = path.suffix.lower() in HTML_SUFFIXES or looks_like_html(first)
        pieces = _chain(first, pieces)
        source = f"the HTML page {path.name}" if html else path.name
        buf, n, offset = "", 0, 0
        for piece in (_html_stream(pieces) if html else pieces):
            buf += piece
            while len(buf) >= part_chars:
                cut = _cut(buf, part_chars)
                n += 1
                yield _part(path, n, buf[:cut], offset, size, used, source, html)
                offset += cut
                buf = buf[cut:]
        if buf or not n:
            if not buf.strip() and not n:
                raise InputError(f"{name}: no readable text in it")
            yield _part(path, n + 1, buf, offset, size, used, source, html)


def _chain(first: str, rest: Iterator[str]) -> Iterator[str]:
    yield first
    yield from rest


def _decoded(fh, head: bytes, used: str, name: str) -> Iterator[str]:  # noqa: ANN001 - a binary file
    """The file's text, a megabyte at a time, line ends normalised to LF (a CR LF pair split by two reads
    kept whole)."""
    try:
        decoder = codecs.getincrementaldecoder(used)(errors="strict")
    except LookupError:
        raise DecodeError(f"{name}: unknown encoding {used!r}; pass a Python codec name such as utf-8, "
                          "cp1251 or latin-1") from None
    keep, consumed, chunk = "", 0, head
    while True:
        final = not chunk
        try:
            text = keep + decoder.decode(chunk, final=final)
        except UnicodeDecodeError as e:
            raise DecodeError(f"{name}: not {used} text (byte 0x{e.object[e.start]:02X} at offset "
                              f"{consumed + e.start}); pass the right --encoding") from None
        consumed += len(chunk)
        keep = "\r" if text.endswith("\r") and not final else ""
        text = text[:-1] if keep else text
        yield text.replace("\r\n", "\n").replace("\r", "\n")
        if final:
            return
        chunk = fh.read(1 << 20)


def _cut(buf: str, part_chars: int) -> int:
    for sep in ("\n\n", "\n"):
        at = buf.rfind(sep, part_chars // 2, part_chars)
        if at >= 0:
            return at + len(sep)
    return part_chars


def _stream_encoding(head: bytes, name: str) -> str:
    if head.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    try:
        text = codecs.getincrementaldecoder("utf-8")().decode(head, final=False)  # the last character may be cut
        if "\x00" not in text:
            return "utf-8"
    except UnicodeDecodeError:
        pass
    _, used = decode(head, name)  # binary refused, else the detector's choice
    return used


def _part(path: Path, n: int, text: str, offset: int, size: int, used: str, source: str, html: bool) -> Document:
    return Document(
        identity=part_identity(path, n),
        name=f"{path.name} (part {n})",
        text=text,
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        media_type="text/html" if html else "text/plain",
        text_source=f"part {n} of {source} ({_mb(size)}): characters {offset}-{offset + len(text)} of its "
                    f"{'visible text' if html else 'text'}, decoded as {used}, line ends normalised to LF",
        encoding=used,
    )
