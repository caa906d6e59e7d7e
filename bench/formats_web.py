"""The files of the web formats (HTML, XHTML, Markdown, SRT, VTT) that bench/formats.py
converts beside plain text: each built from the same Cyrillic lines, the way real files
of that format are written (a page with styles, scripts, navigation, inline markup and
entities; a README with headings, lists, code and links; subtitles with a cue per line).
"""

from __future__ import annotations

import html

PAGE_HEAD = """<!DOCTYPE html>
<html lang="uz-Cyrl">
<head>
<meta charset="utf-8">
<title>Янгиликлар</title>
<style>
body { font-family: "Open Sans", Arial, sans-serif; margin: 0 auto; max-width: 960px; }
.headline::before { content: "Breaking news"; color: #c00; }
</style>
<script>
window.dataLayer = window.dataLayer || [];
function gtag(){dataLayer.push(arguments);}
gtag('js', new Date()); gtag('config', 'G-XXXX');
</script>
</head>
<body>
<nav aria-label="Асосий меню"><a href="/uz/" title="Бош саҳифа">Бош саҳифа</a></nav>
<main>
"""
SCRIPT = '<script>document.querySelectorAll("a").forEach(a => a.rel = "noopener");</script>\n'
XHTML_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN"'
    ' "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">\n'
    '<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="uz-Cyrl">\n<head><title>Т</title>'
    "</head>\n<body>\n"
)


def _marked_up(line: str, n: int) -> str:
    """*line* escaped for HTML, every other line with its second word in <b>."""
    words = html.escape(line, quote=False).split(" ")
    if n % 2 and len(words) > 2:
        words[1] = f"<b>{words[1]}</b>"
    return " ".join(words)


def build_html(lines: list[str]) -> bytes:
    """A news page: head with style and script, a paragraph per line, a script every 50."""
    body = "".join(
        (SCRIPT if n % 50 == 0 else "") + f'<p class="p{n % 7}">{_marked_up(line, n)}</p>\n'
        for n, line in enumerate(lines)
    )
    return (PAGE_HEAD + body + "</main>\n</body>\n</html>\n").encode()


def build_xhtml(lines: list[str]) -> bytes:
    body = "".join(f"<p>{_marked_up(line, n)}<br/></p>\n" for n, line in enumerate(lines))
    return (XHTML_HEAD + body + "</body>\n</html>\n").encode()


def build_markdown(lines: list[str]) -> bytes:
    """A README: headings, paragraphs with emphasis, list items, a code block every 30."""
    parts = ["---\ntitle: Қўлланма\nlayout: page\n---\n\n"]
    for n, line in enumerate(lines):
        escaped = line.replace("\\", "\\\\").replace("*", "\\*").replace("_", "\\_")
        escaped = escaped.replace("`", "\\`").replace("<", "&lt;").replace("[", "\\[")
        if n % 30 == 0:
            parts.append("```bash\nuztranslit --to latin README.md\n```\n\n")
        if n % 20 == 0:
            parts.append(f"## {escaped}\n\n")
        elif n % 5 == 0:
            parts.append(f"- {escaped}\n\n")
        else:
            words = escaped.split(" ")
            if len(words) > 2:
                words[1] = f"**{words[1]}**"
            parts.append(" ".join(words) + " [↗](https://example.uz/docs)\n\n")
    return "".join(parts).encode()


def _cue_lines(line: str) -> str:
    half = line.find(" ", len(line) // 2)
    return line if half < 0 else line[:half] + "\n" + line[half + 1 :]


def _time(n: int, separator: str) -> str:
    return f"{n // 3600:02}:{n // 60 % 60:02}:{n % 60:02}{separator}500"


def build_srt(lines: list[str]) -> bytes:
    return "".join(
        f"{n}\n{_time(n, ',')} --> {_time(n + 1, ',')}\n<i>{_cue_lines(line)}</i>\n\n"
        for n, line in enumerate(lines, 1)
    ).encode()


def build_vtt(lines: list[str]) -> bytes:
    cues = "".join(
        f"{_time(n, '.')} --> {_time(n + 1, '.')} align:start\n"
        f"<v Сўзловчи>{html.escape(_cue_lines(line), quote=False)}\n\n"
        for n, line in enumerate(lines, 1)
    )
    return ("WEBVTT\nLanguage: uz-Cyrl\n\nNOTE изоҳ\n\n" + cues).encode()
