"""Makes the other-format versions of the five real reports in tests/fixtures/.

For each report it writes, into this folder:
  <name>.docx     Word, every heading numbered by Word's automatic numbering (a multi-level
                  list in numbering.xml whose levels write 一、 / (一) / 1. / (1) exactly as
                  the report does), runs split inside paragraphs, a header and a footer that
                  must be left out, and a table;
  <name>.html     the report as a saved government web page: site header, navigation,
                  scripts, styles, footer, entities; one report in GBK declared by a meta tag;
  <name>.gbk.txt  the text encoded in GB18030 (the GBK superset);
  <name>.pdf      a text PDF set in the Adobe-predefined CJK font STSong-Light (encoding
                  UniGB-UCS2-H, as many official PDFs are), wrapped into lines with a
                  first-line indent and page numbers;
and one PDF with an embedded TrueType font (WenQuanYi Zen Hei, from Debian's
fonts-wqy-zenhei), whose text is only readable through its ToUnicode map, an .mht, a
"scanned" PDF (drawings, no text layer) and a password-protected PDF.

The outputs are committed; run this again only to change them:
  python3 -m venv .tools/py && .tools/py/bin/pip install python-docx reportlab
  .tools/py/bin/python tests/formats/make_formats.py
"""

import html
import re
import sys
from pathlib import Path

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from reportlab import rl_config
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate

HERE = Path(__file__).resolve().parent
FIXTURES = HERE.parent / "fixtures"
REPORTS = [
    "bazhong-data-bureau-2022",
    "henan-approval-bureau-2022",
    "jiangsu-gov-service-office-2022",
    "liaoning-business-env-bureau-2022",
    "yongcheng-city-2021",
]
WQY = Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")

CN = "一二三四五六七八九十"
MARKERS = [
    # (level, pattern, Word number format)
    (0, re.compile(r"^([一二三四五六七八九十]+)(、)"), "chineseCounting"),
    (1, re.compile(r"^([(（])([一二三四五六七八九十]+)([)）])"), "chineseCounting"),
    (2, re.compile(r"^(\d+)([.．﹒、])"), "decimal"),
    (3, re.compile(r"^([(（])(\d+)([)）])"), "decimal"),
]

rl_config.invariant = 1


def chinese(n):
    if n <= 10:
        return CN[n - 1]
    if n < 20:
        return "十" + CN[n - 11]
    return CN[n // 10 - 1] + "十" + ("" if n % 10 == 0 else CN[n % 10 - 1])


def lines_of(name):
    return (FIXTURES / f"{name}.txt").read_text(encoding="utf-8").split("\n")


def marker(line):
    """(level, marker text, level text template, rest of line) for a heading line."""
    stripped = line.strip()
    for level, pattern, fmt in MARKERS:
        m = pattern.match(stripped)
        if not m or not stripped[m.end():].strip():
            continue
        groups = m.groups()
        if len(groups) == 2:
            template = f"%{level + 1}{groups[1]}"
        else:
            template = f"{groups[0]}%{level + 1}{groups[2]}"
        return level, m.group(0), template, fmt, stripped[m.end():]
    return None


def numbering_xml(templates):
    levels = []
    for level in range(9):
        fmt, text = templates.get(level, ("decimal", f"%{level + 1}."))
        levels.append(
            f'<w:lvl w:ilvl="{level}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
            f'<w:suff w:val="nothing"/><w:lvlText w:val="{html.escape(text, quote=True)}"/><w:lvlJc w:val="left"/></w:lvl>'
        )
    return (
        '<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f'<w:abstractNum w:abstractNumId="7"><w:multiLevelType w:val="multilevel"/>{"".join(levels)}</w:abstractNum>'
        '<w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num></w:numbering>'
    )


def make_docx(name, lines):
    document = docx.Document()
    templates = {}
    for line in lines:
        found = marker(line)
        if found:
            level, _, template, fmt, _ = found
            templates.setdefault(level, (fmt, template))
    numbering_part = document.part.numbering_part
    numbering_part._element = parse_xml(numbering_xml(templates))

    section = document.sections[0]
    section.header.paragraphs[0].text = "内部资料 注意保存"
    section.footer.paragraphs[0].text = "第 1 页"

    counters = [0] * 4
    table_done = False
    for line in lines:
        if not line.strip():
            continue
        found = marker(line)
        paragraph = document.add_paragraph()
        if found:
            level, written, _, _, rest = found
            counters[level] += 1
            for deeper in range(level + 1, 4):
                counters[deeper] = 0
            expected = counters[level]
            digits = re.sub(r"[()（）、.．﹒]", "", written)
            number = int(digits) if level >= 2 else {chinese(n): n for n in range(1, 40)}[digits]
            assert number == expected, f"{name}: {written} is not item {expected} of its level"
            num_pr = parse_xml(
                '<w:numPr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                f'<w:ilvl w:val="{level}"/><w:numId w:val="3"/></w:numPr>'
            )
            paragraph._p.get_or_add_pPr().append(num_pr)
            text = rest
        else:
            text = line.strip()
        # Two runs per paragraph, the first bold, as formatting splits runs in real files.
        cut = min(4, len(text))
        paragraph.add_run(text[:cut]).bold = bool(found)
        paragraph.add_run(text[cut:])
        if found and found[0] == 0 and not table_done:
            table = document.add_table(rows=2, cols=2)
            for r, row in enumerate([("指标", "数量"), ("培训人次", "30")]):
                for c, value in enumerate(row):
                    table.cell(r, c).text = value
            table_done = True
    document.save(HERE / f"{name}.docx")


def page_html(lines, charset):
    body = []
    for line in lines:
        if not line.strip():
            continue
        text = html.escape(line.strip()).replace("\u00a0", "&nbsp;").replace("“", "&ldquo;").replace("”", "&rdquo;")
        body.append(f"      <p>{text}</p>")
    return f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
  <meta http-equiv="Content-Type" content="text/html; charset={charset}">
  <title>政府信息公开</title>
  <style>.article p {{ text-indent: 2em; }}</style>
  <script>var _hmt = _hmt || []; document.write("<p>统计代码</p>");</script>
</head>
<body>
  <header class="site-header"><div class="logo">某某人民政府门户网站</div>
    <nav><ul><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/hdjl/">互动交流</a></li></ul></nav>
  </header>
  <main>
    <div class="article">
{chr(10).join(body)}
    </div>
  </main>
  <footer><p>主办单位：某某人民政府办公室 &copy; 版权所有</p><p>网站标识码：0000000000</p></footer>
  <script src="/js/share.js"></script>
</body>
</html>
"""


def make_html(name, lines):
    if name.startswith("liaoning"):
        page = page_html(lines, "gb2312").encode("gbk", errors="xmlcharrefreplace")
    else:
        page = page_html(lines, "utf-8").encode("utf-8")
    (HERE / f"{name}.html").write_bytes(page)


def make_gbk(name, lines):
    (HERE / f"{name}.gbk.txt").write_bytes("\n".join(lines).encode("gb18030"))


def make_pdf(path, lines, font):
    body = ParagraphStyle("body", fontName=font, fontSize=14, leading=25, firstLineIndent=28, wordWrap="CJK")

    def page_number(canvas, doc):
        canvas.setFont(font, 10)
        canvas.drawCentredString(A4[0] / 2, 12 * mm, f"- {doc.page} -")

    story = [Paragraph(html.escape(line.strip()), body) for line in lines if line.strip()]
    doc = SimpleDocTemplate(str(path), pagesize=A4, leftMargin=28 * mm, rightMargin=26 * mm, topMargin=37 * mm, bottomMargin=35 * mm)
    doc.build(story, onFirstPage=page_number, onLaterPages=page_number)


def make_mht(name, lines):
    page = page_html(lines, "utf-8").encode("utf-8")
    encoded = []
    line = ""
    for byte in page:
        piece = chr(byte) if 33 <= byte <= 126 and byte != ord("=") else f"={byte:02X}"
        if byte == 10:
            encoded.append(line + "=0A=")
            line = ""
            continue
        if len(line) + len(piece) > 72:
            encoded.append(line + "=")
            line = ""
        line += piece
    encoded.append(line)
    mht = (
        "From: <Saved by Blink>\r\nSubject: =?utf-8?Q?report?=\r\nMIME-Version: 1.0\r\n"
        'Content-Type: multipart/related;\r\n\ttype="text/html";\r\n\tboundary="----MultipartBoundary--abc123----"\r\n\r\n'
        "------MultipartBoundary--abc123----\r\nContent-Type: text/html\r\nContent-ID: <frame-0@mhtml.blink>\r\n"
        "Content-Transfer-Encoding: quoted-printable\r\nContent-Location: http://www.example.gov.cn/art/1.html\r\n\r\n"
        + "\r\n".join(encoded)
        + "\r\n\r\n------MultipartBoundary--abc123----\r\nContent-Type: text/css\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\np {}\r\n"
        "\r\n------MultipartBoundary--abc123------\r\n"
    )
    (HERE / f"{name}.mht").write_bytes(mht.encode("ascii"))


def make_scanned_and_protected():
    from reportlab.pdfgen import canvas

    scan = canvas.Canvas(str(HERE / "scanned.pdf"), pagesize=A4)
    for row in range(40):
        scan.rect(30 * mm, 260 * mm - row * 6 * mm, 150 * mm, 3 * mm, stroke=0, fill=1)
    scan.save()
    from reportlab.lib import pdfencrypt

    locked = canvas.Canvas(str(HERE / "protected.pdf"), pagesize=A4, encrypt=pdfencrypt.StandardEncryption("secret", canPrint=0))
    locked.setFont("STSong-Light", 14)
    locked.drawString(30 * mm, 260 * mm, "一、主要举措及成效")
    locked.save()


def main():
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    for name in REPORTS:
        lines = lines_of(name)
        make_docx(name, lines)
        make_html(name, lines)
        make_gbk(name, lines)
        make_pdf(HERE / f"{name}.pdf", lines, "STSong-Light")
    if not WQY.exists():
        sys.exit(f"{WQY} is missing: apt-get install fonts-wqy-zenhei")
    pdfmetrics.registerFont(TTFont("WQY", str(WQY), subfontIndex=0))
    make_pdf(HERE / "yongcheng-city-2021.truetype.pdf", lines_of("yongcheng-city-2021"), "WQY")
    make_mht("henan-approval-bureau-2022", lines_of("henan-approval-bureau-2022"))
    make_scanned_and_protected()


if __name__ == "__main__":
    main()
