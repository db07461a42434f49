"""Evidence checked as it is entered: a link, a file and a date, each with a reason a
person can act on, so that nothing stored can later block an export.

A link must be an absolute web address (http or https) with a site name and no spaces or
control characters. A file must exist, be a readable regular file and not be too large.
A date may be exact ("2019-05", "May 2019"), rough ("spring 2019", "about 2015") or
"ongoing"; words with no year in them are refused.
"""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path
from urllib.parse import urlsplit

from lerkit.core.dates import parse_when
from lerkit.core.errors import BadInputError
from lerkit.core.i18n import N_, _

FILE_LIMIT = 512 * 1024 * 1024
URL_LIMIT = 2000
URL_HELP = N_("write the whole address, starting with https://, like https://example.org/award")
DATE_HELP = N_('write a date like 2019, May 2019 or spring 2019, or "ongoing"')


def usable_url(text: str) -> bool:
    """Whether ``text`` is an address an export can carry (see :func:`check_url`)."""
    try:
        check_url(text)
    except BadInputError:
        return False
    return True


def check_url(text: str) -> str:
    """The link, trimmed; BadInputError saying what is wrong with it."""
    url = text.strip()
    if not url:
        raise BadInputError(_("the link is empty ({help})").format(help=_(URL_HELP)))
    if len(url) > URL_LIMIT:
        raise BadInputError(_("the link is longer than {limit} characters").format(limit=URL_LIMIT))
    if any(ch.isspace() or unicodedata.category(ch) in ("Cc", "Cf") for ch in url):
        raise BadInputError(_("the link has spaces or invisible characters in it"))
    not_web = _("not a web address: {url!r} ({help})")
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:
        raise BadInputError(not_web.format(url=url, help=_(URL_HELP))) from None
    if parts.scheme.lower() not in ("http", "https"):
        raise BadInputError(not_web.format(url=url, help=_(URL_HELP)))
    if not host or ("." not in host and host != "localhost"):
        raise BadInputError(_("the link names no web site: {url!r} ({help})")
                            .format(url=url, help=_(URL_HELP)))
    return url


def check_file(text: str | Path) -> Path:
    """The file's path (``~`` expanded); BadInputError unless it is a readable file."""
    path = Path(text).expanduser()
    if not str(text).strip():
        raise BadInputError(_("no file named"))
    try:
        info = path.stat()
    except FileNotFoundError:
        raise BadInputError(_("{path}: no such file").format(path=path)) from None
    except OSError as exc:
        raise BadInputError(_("{path}: cannot open ({reason})")
                            .format(path=path, reason=exc.strerror)) from None
    if not path.is_file():
        raise BadInputError(_("{path}: not a file").format(path=path))
    if not os.access(path, os.R_OK):
        raise BadInputError(_("{path}: cannot be read (no permission)").format(path=path))
    if info.st_size > FILE_LIMIT:
        raise BadInputError(_("{path}: larger than {size} MiB")
                            .format(path=path, size=FILE_LIMIT // (1024 * 1024)))
    return path


def check_date(text: str) -> str | None:
    """The date in the person's words (None if empty); BadInputError when it names no
    year and is not "ongoing"."""
    words = " ".join(text.split())
    if not words:
        return None
    when = parse_when(words)
    if when.year is None and not when.ongoing:
        raise BadInputError(_("cannot read {words!r} as a date ({help})")
                            .format(words=words, help=_(DATE_HELP)))
    return words


def export_problem(kind: str, url: str | None, sha256: str | None) -> str | None:
    """Why a stored piece of evidence cannot go into a signed record (None if it can):
    a link that is not a web address, or a file that was never read and hashed."""
    if kind == "url" and not usable_url(url or ""):
        return _("its link {url!r} is not a web address").format(url=url)
    if kind == "file" and not sha256:
        return _("its file was never read (it has no SHA-256 digest)")
    return None
