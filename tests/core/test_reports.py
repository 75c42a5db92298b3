"""Printouts: the CJK font, rare-character fallback, shared page furniture, 村居责任分工表."""

from __future__ import annotations

import datetime as _dt
import io
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from station_desk.core.reports import fonts, pdf, villages
from station_desk.core.reports.villages import VillageLine, VillageSheet

RARE = "𠮷䶮"  # CJK Ext B (U+20BB7) and Ext A (U+4DAE): not in WenQuanYi Micro Hei
NORMAL = ("石滩镇第一社工服务站 村居责任分工表 麻车村 黄海燕 13368695681 020-82861100 "
          "ABCxyz 0123456789 ，。、：；！？“”‘’《》（）【】—…·％ 喆堃昇珺淼 〇")
VERA = Path(__import__("reportlab").__file__).parent / "fonts" / "Vera.ttf"  # ships with reportlab
NOT_IN_WQY = "∄"  # U+2204: in Vera, not in WQY


def pdftotext(data: bytes | Path, *, layout: bool = False) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    args = ["pdftotext", "-enc", "UTF-8"] + (["-layout"] if layout else [])
    if isinstance(data, Path):
        return subprocess.run(args + [str(data), "-"], capture_output=True, check=True,
                              text=True).stdout
    return subprocess.run(args + ["-", "-"], input=data, capture_output=True, check=True).stdout.decode()


def squash(text: str) -> str:
    """pdftotext drops or adds spaces around Latin text: compare without them."""
    return "".join(text.split())


def pdffonts(path: Path) -> list[list[str]]:
    if shutil.which("pdffonts") is None:
        pytest.skip("pdffonts (poppler-utils) is not installed")
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, check=True, text=True).stdout
    return [line.split() for line in out.splitlines()[2:]]


@pytest.fixture
def no_fallback():
    fonts.use_fallbacks([])
    yield
    fonts.use_fallbacks(None)


@pytest.fixture
def vera_fallback():
    fonts.use_fallbacks([VERA])
    yield
    fonts.use_fallbacks(None)


def sheet_of(count: int, **overrides) -> VillageSheet:
    made = [VillageLine(f"4401181002{i:02d}", f"第{i + 1}村", i % 7, "黄海燕" if i % 5 else "",
                        "13368695681" if i % 5 else "", i % 6 != 1) for i in range(count)]
    fields = dict(station="石滩镇第一社工服务站", lines=tuple(made), address="沿江大道 38 号",
                  phone="020-82861100", hotlines=("020-82861110", "020-82861120"))
    fields.update(overrides)
    return VillageSheet(**fields)


# --- the font ----------------------------------------------------------------------------------


def test_the_font_is_bundled_with_its_licence():
    assert fonts.font_path().is_file() and fonts.font_path().stat().st_size > 4_000_000
    licence = (fonts.font_path().parent / "LICENSE-wqy-microhei.txt").read_text(encoding="utf-8")
    assert "Apache License" in licence and "Font exception" in licence
    assert "WenQuanYi" in licence


def test_normal_text_has_every_glyph(no_fallback):
    assert fonts.missing_chars(NORMAL) == []
    assert fonts.unprintable([("station", NORMAL)]) == []


def test_rare_characters_are_missing_and_named_by_record(no_fallback):
    assert fonts.missing_chars("张" + RARE + "张\n") == ["𠮷", "䶮"]
    assert fonts.unprintable_chars("刘䶮") == ["䶮"]
    records = [("V01 麻车村", "麻车村 黄海燕"), ("张𠮷（V02）", "张𠮷𠮷 刘䶮")]
    assert fonts.unprintable(records) == [("张𠮷（V02）", "𠮷"), ("张𠮷（V02）", "䶮")]


def test_runs_markup_and_widths_without_fallback(no_fallback):
    assert fonts.runs("麻车村 A&B") == [(fonts.FONT, "麻车村 A&B")]
    # a character no font has stays with the main font (prints blank; unprintable() warns)
    assert fonts.runs("张𠮷") == [(fonts.FONT, "张𠮷")]
    assert fonts.markup("a<b>&c\n下") == "a&lt;b&gt;&amp;c<br/>下"
    assert fonts.string_width("中文", 10) == pytest.approx(20, abs=0.5)


def test_runs_switch_to_a_fallback_font(vera_fallback):
    parts = fonts.runs(f"张{NOT_IN_WQY}{NOT_IN_WQY}三 x")
    assert [text for _, text in parts] == ["张", NOT_IN_WQY * 2, "三 x"]
    assert parts[0][0] == parts[2][0] == fonts.FONT
    fallback = parts[1][0]
    assert fallback.endswith("-Vera") and (fallback, VERA) in fonts.registered_fallbacks()
    assert fonts.markup(f"<{NOT_IN_WQY}>") == f'&lt;<font name="{fallback}">{NOT_IN_WQY}</font>&gt;'
    # a variation selector the font can't draw is dropped, not printed as a box
    assert fonts.runs("张\ufe00三") == [(fonts.FONT, "张三")]
    assert fonts.missing_chars(NOT_IN_WQY) == [NOT_IN_WQY]
    assert fonts.unprintable_chars(NOT_IN_WQY + RARE) == list(RARE)


def test_draw_string_embeds_both_fonts_and_text_extracts(vera_fallback, tmp_path):
    from reportlab.pdfgen.canvas import Canvas

    path = tmp_path / "runs.pdf"
    canvas = Canvas(str(path), initialFontName=fonts.register())
    text = f"王{NOT_IN_WQY}明 13368695681"
    width = fonts.draw_string(canvas, 300, 700, text, 12, align="centre")
    assert width == pytest.approx(fonts.string_width(text, 12))
    canvas.showPage()
    canvas.save()
    assert text in pdftotext(path)
    embedded = {row[0].split("+")[-1]: row for row in pdffonts(path)}
    assert any("Vera" in name for name in embedded)
    assert any(name.startswith("WenQuanYi") for name in embedded)
    assert all(row[-5] == "yes" for row in embedded.values())  # emb column


def test_astral_characters_get_a_utf16_to_unicode_entry():
    from reportlab.pdfbase import ttfonts

    fonts.register()
    cmap = ttfonts.makeToUnicodeCMap("X", [0x41, 0x20BB7])
    assert "<00> <0041>" in cmap and "<01> <D842DFB7>" in cmap and "<20BB7>" not in cmap


def test_rare_characters_print_with_a_system_fallback(tmp_path):
    fonts.use_fallbacks(None)
    if not any(p.name.startswith(("HanaMin", "simsun", "mingliu")) for p in fonts.fallback_font_paths()):
        pytest.skip("no rare-character fallback font on this machine (fonts-hanazono, SimSun-ExtB)")
    assert fonts.unprintable_chars("张" + RARE) == []
    assert any(font != fonts.FONT for font, _ in fonts.runs("张𠮷"))
    line = VillageLine("V01", "䶮村", 1, "张𠮷", "13368695681", True)
    path = tmp_path / "rare.pdf"
    villages.build(sheet_of(0, lines=(line,)), path)
    text = pdftotext(path)
    assert "䶮村" in text and "张𠮷" in text


def test_fallback_font_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv(fonts.FALLBACK_ENV, str(VERA))
    assert fonts.fallback_font_paths()[0] == VERA
    monkeypatch.setenv(fonts.FALLBACK_ENV, str(tmp_path / "absent.ttf"))
    assert tmp_path / "absent.ttf" not in fonts.fallback_font_paths()


@pytest.mark.skipif(sys.platform == "win32", reason="looks in Linux font folders")
def test_fallback_fonts_are_found_in_the_font_folders(monkeypatch, tmp_path):
    folder = tmp_path / "truetype" / "hanazono"
    folder.mkdir(parents=True)
    shutil.copy(VERA, folder / "HanaMinB.ttf")
    monkeypatch.delenv(fonts.FALLBACK_ENV, raising=False)
    monkeypatch.setattr(fonts, "LINUX_FONT_DIRS", (str(tmp_path / "absent"), str(tmp_path)))
    assert fonts.fallback_font_paths() == [folder / "HanaMinB.ttf"]
    monkeypatch.setenv(fonts.FALLBACK_ENV, str(VERA))
    assert fonts.fallback_font_paths() == [VERA, folder / "HanaMinB.ttf"]


def test_a_broken_fallback_font_is_skipped(tmp_path):
    broken = tmp_path / "broken.ttf"
    broken.write_bytes(b"not a font")
    fonts.use_fallbacks([broken, VERA])
    try:
        assert fonts.unprintable_chars(NOT_IN_WQY) == []
        assert [path for _, path in fonts.registered_fallbacks()] == [VERA]
    finally:
        fonts.use_fallbacks(None)


# --- CJK line breaking -------------------------------------------------------------------------


def line_texts(paragraph) -> list[str]:
    return ["".join(line[1]) if isinstance(line, tuple) else "".join(f.text for f in line.words)
            for line in paragraph.blPara.lines]


def test_chinese_punctuation_may_not_start_a_line():
    from reportlab.lib import textsplit
    from reportlab.platypus import Paragraph, paragraph

    fonts.register()
    for ch in "，。、：；！？”》）":
        assert ch in textsplit.ALL_CANNOT_START and ch in paragraph.ALL_CANNOT_START
    style = pdf.styles()["body"]
    # one run of text (textsplit's wrapper) and several runs (paragraph's own)
    for text in ("社工站今天走访了麻车村，沙头村：田桥村；元洲岗村！石厦村？塘边村》岗贝村。" * 2,
                 "社工站今天走访了<b>麻车村</b>，沙头村：田桥村；<b>元洲岗村</b>！石厦村？塘边村》岗贝村。"):
        for width in range(40, 300, 2):
            para = Paragraph(text, style)
            para.wrap(width, 10_000)
            lines = line_texts(para)
            assert "".join(lines) == Paragraph(text, style).getPlainText().replace("\n", "")
            assert not [ln for ln in lines[1:] if ln[:1] in "，。：；！？》"], (width, lines)


# --- shared building blocks --------------------------------------------------------------------


def test_money_and_dates():
    assert pdf.money(123456) == "1,234.56"
    assert pdf.money(-5) == "-0.05"
    assert pdf.money(0) == "0.00"
    assert pdf.date_text(_dt.date(2026, 3, 5)) == "2026年3月5日"
    assert pdf.date_text(_dt.date(2026, 3, 5), "en") == "2026-03-05"
    assert pdf.date_text(None) == ""


def test_build_writes_a_path_a_file_or_returns_bytes(tmp_path):
    info = pdf.PageInfo(title="测试表", station="石滩镇第一社工服务站",
                        printed_on=_dt.date(2026, 3, 5), landscape=True)
    story = pdf.title_block("测试表", "副标题") + [
        pdf.data_table(["甲", "乙"], [["一", "二"], ["三", "四"]], [100, 100], muted=[1])]
    data = pdf.build(story, info)
    assert data.startswith(b"%PDF")
    buffer = io.BytesIO()
    assert pdf.build(story, info, buffer) is None and buffer.getvalue().startswith(b"%PDF")
    path = tmp_path / "t.pdf"
    pdf.build(story, info, path)
    text = squash(pdftotext(path))
    for expected in ("测试表", "副标题", "石滩镇第一社工服务站", "第1页/共1页",
                     "打印日期：2026-03-05", "四"):
        assert expected in text
    size = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
    assert "841.89 x 595.276" in size  # A4 landscape


# --- 村居责任分工表 ------------------------------------------------------------------------------


def test_village_list_from_the_demo_station(store, tmp_path, no_fallback):
    from station_desk.core import demo

    demo.fill()
    sheet = villages.gather()
    assert sheet.station == "石滩镇第一社工服务站" and len(sheet.lines) == 26
    first = sheet.lines[0]
    assert first.name == "麻车村" and first.worker and first.worker_phone.startswith("1")
    assert sum(line.groups for line in sheet.lines) == 127
    assert villages.check(sheet) == []
    every_text = "".join(f"{x.code}{x.name}{x.worker}{x.worker_phone}" for x in sheet.lines)
    assert fonts.missing_chars(every_text + sheet.station + sheet.address) == []

    path = tmp_path / "villages.pdf"
    villages.build(sheet, path, printed_on=_dt.date(2026, 3, 5))
    text = pdftotext(path, layout=True)
    assert "石滩镇第一社工服务站村居责任分工表" in text
    assert "截至2026年3月5日" in squash(text) and "第1页/共1页" in squash(text)
    for line in sheet.lines:
        row = next(r for r in text.splitlines() if line.code in r)
        assert line.name in row and line.worker in row and line.worker_phone in row
        assert f" {line.groups} " in row
    assert "共26个村居（在用26个），村民小组127个" in squash(text)
    assert "\ufffd" not in text
    rows = pdffonts(path)
    assert rows and all(row[0].split("+")[-1].startswith("WenQuanYi") for row in rows)
    assert all(row[-5] == "yes" for row in rows)  # embedded, no Helvetica


def test_gather_counts_groups_and_leaves_out_towns_and_groups(staff_actors):
    from station_desk.core.models import Village
    from station_desk.core.services import station

    head = staff_actors["head"]
    ma = Village.get(Village.code == "V1")
    for n in (1, 2, 3):
        station.add_village(head, code=f"G{n}", name=f"{n}组", kind="group", parent_id=ma.id)
    gone = station.add_village(head, code="G4", name="4组", kind="group", parent_id=ma.id)
    station.update_village(head, gone.id, active=False)
    sha = Village.get(Village.code == "V2")
    station.update_village(head, sha.id, active=False)

    sheet = villages.gather()
    assert [(x.code, x.groups, x.worker, x.active) for x in sheet.lines] == [
        ("V1", 3, "用户hhy", True), ("V2", 0, "", False)]
    assert [x.code for x in villages.gather(include_inactive=False).lines] == ["V1"]
    data = villages.build(sheet)
    text = pdftotext(data, layout=True)
    assert "未分配" in text and "停用" in text
    assert "共2个村居（在用1个），村民小组3个；在用村居均已分配责任社工。" in squash(text)


def test_a_long_list_repeats_the_header_on_every_page(tmp_path):
    path = tmp_path / "long.pdf"
    villages.build(sheet_of(90), path, printed_on=_dt.date(2026, 3, 5))
    pages = [squash(p) for p in pdftotext(path).split("\f") if p.strip()]
    assert len(pages) >= 3
    for number, page in enumerate(pages, start=1):
        assert "村居编码" in page and "责任社工" in page, number
        assert f"第{number}页/共{len(pages)}页" in page
        assert "石滩镇第一社工服务站" in page
    whole = "".join(pages)
    assert all(f"第{i}村" in whole for i in range(1, 91))
    assert "15个在用村居尚未分配责任社工" in whole  # 18 unassigned, 3 of them inactive


def test_the_check_names_the_record_and_the_character(no_fallback):
    line = VillageLine("V09", "䶮村", 1, "张𠮷", "13368695681", True)
    assert villages.check(sheet_of(0, lines=(line,))) == [("V09 䶮村", "䶮"), ("V09 䶮村", "𠮷")]


def test_english_village_list():
    text = squash(pdftotext(villages.build(sheet_of(3), lang="en", printed_on=_dt.date(2026, 3, 5))))
    assert "villageresponsibilities" in text and "Page1of1" in text
    assert "Printed2026-03-05" in text and "第2村" in text


# --- the command line --------------------------------------------------------------------------


def test_cli_prints_the_village_list(tmp_path, monkeypatch, capsys, no_fallback):
    from station_desk.cli import main
    from station_desk.core import db

    dbfile = tmp_path / "station.sqlite3"
    monkeypatch.setenv("STATION_DESK_DB", str(dbfile))
    monkeypatch.delenv("STATION_DESK_PASSWORD", raising=False)
    monkeypatch.delenv("STATION_DESK_LANG", raising=False)
    try:
        assert main(["demo"]) == 0
        out_pdf = tmp_path / "out" / "villages.pdf"
        out_pdf.parent.mkdir()
        capsys.readouterr()
        assert main(["print", "villages", "--out", str(out_pdf)]) == 0
        out, err = capsys.readouterr()
        assert str(out_pdf) in out and err == ""
        assert "麻车村" in pdftotext(out_pdf)

        from station_desk.core.roles import CLI_ACTOR
        from station_desk.core.services import station
        from station_desk.core.store import open_store

        open_store(db.resolve(dbfile))
        station.add_village(CLI_ACTOR, code="V99", name="𠮷村")
        db.close()
        assert main(["print", "villages", "--out", str(out_pdf)]) == 0
        _, err = capsys.readouterr()
        assert "V99 𠮷村" in err and "“𠮷”" in err and "U+20BB7" in err

        with pytest.raises(SystemExit):
            main(["print", "nothing", "--out", str(out_pdf)])
    finally:
        db.close()
