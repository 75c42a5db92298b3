"""The floor for the policy card bench: a bare reportlab script drawing wallet cards.

Same font (the bundled WenQuanYi Micro Hei, embedded), same page (A4 portrait, 2 × 5 cards of
90 × 54 mm, a front page and a back page per sheet), the same amount of text per card as
``station_desk.core.reports.policy_cards`` prints (title, 适用对象, 保障标准 and the version on
the front; 办理流程, 申请材料, 咨询电话 and the two personal lines on the back), but no
fitting logic: the text is cut into lines by a fixed number of characters at a fixed size and
every card draws every line itself, as a first script would.

    from policy_cards_floor import floor; floor(3500, "floor.pdf")

``SAMPLES`` are the five policy texts both sides of the bench print (examples written for
this bench: the standards are made-up figures, not any county's).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FONT_FILE = ROOT / "resources" / "fonts" / "wqy-microhei.ttc"

STEPS = "申请受理 → 入户调查 → 初审 → 公示 → 民主评议 → 县级审核确认 → 发放"

SAMPLES = (
    {"title": "城乡最低生活保障（低保）", "short_name": "低保",
     "eligibility": "共同生活的家庭成员人均收入低于当地低保标准，且家庭财产状况符合规定的城乡居民家庭。"
                    "重病、重残人员可按单人户申请；共同生活的家庭成员包括配偶、未成年子女和在校就读的成年子女。",
     "standard": "按家庭人均收入与当地低保标准的差额按月发放（示例：城市每人每月1,180元，农村每人每月900元，"
                 "以本县最新公布为准）。老年人、残疾人、重病患者等可增发分类施保金。",
     "materials": "申请书；户口簿和身份证复印件；家庭收入和财产情况声明；授权核对家庭经济状况的委托书；"
                  "残疾证、病历等证明材料（有则提供）；银行账户信息。",
     "steps": STEPS + "。全程一般不超过30个工作日，特殊情况可延长至45个工作日。",
     "hotline": "镇社会事务办 020-82901234；县民政局 020-12345678（工作日 8:30-17:30）",
     "version_label": "第3版 · 2026-10-01 起施行 · 标准为示例，请按本县公布修改"},
    {"title": "特困人员救助供养（特困供养）", "short_name": "特困供养",
     "eligibility": "老年人、残疾人和未满十六周岁的未成年人，同时无劳动能力、无生活来源，且无法定赡养、抚养、"
                    "扶养义务人，或者其法定义务人无履行义务能力的城乡居民。",
     "standard": "基本生活标准不低于当地低保标准的1.3倍；照料护理标准按生活自理、部分失能、完全失能分三档"
                 "（示例：每人每月分别为120元、600元、1,200元）。可选择在家分散供养或到供养服务机构集中供养。",
     "materials": "申请书；户口簿和身份证复印件；残疾证或能力评估材料；本人及法定义务人收入、财产情况说明；"
                  "无法定义务人或其无履行能力的证明。",
     "steps": STEPS + "。生活不能自理的，可由村（居）委会或社工代为提出申请。",
     "hotline": "镇社会事务办 020-82901234；社工站 020-82905678",
     "version_label": "第2版 · 2026-07-01 起施行 · 标准为示例"},
    {"title": "临时救助", "short_name": "临时救助",
     "eligibility": "因火灾、交通事故、突发重大疾病等意外事件，或因生活必需支出突然增加超出承受能力，"
                    "导致基本生活暂时出现严重困难的家庭或个人；生活无着的流浪乞讨人员。",
     "standard": "一般按当地低保标准的2至6倍一次性给予救助（示例：单次最高12,000元）；情况紧急的，"
                 "乡镇（街道）可先行救助，事后补办手续。对重复申请的，视情况予以救助。",
     "materials": "申请书；身份证和户口簿复印件；遭遇困难的情况说明；医疗费用票据、事故认定书、火灾证明等相关证明；"
                  "银行账户信息。",
     "steps": "1. 向乡镇（街道）或社工站提出申请；\n2. 入户核实困难情况；\n3. 乡镇审批并公示；\n"
              "4. 发放救助金或实物。紧急情况当日先行救助。",
     "hotline": "镇社会事务办 020-82901234；24小时求助 12345",
     "version_label": "第5版 · 2026-09-15 起施行 · 标准为示例"},
    {"title": "困难残疾人生活补贴和重度残疾人护理补贴", "short_name": "残疾人两项补贴",
     "eligibility": "生活补贴：低保家庭中的残疾人（有条件的地方扩大到低收入家庭）。护理补贴：残疾等级为一级、"
                    "二级且需要长期照护的重度残疾人（有条件的地方扩大到三级、四级智力、精神残疾人）。",
     "standard": "示例：困难残疾人生活补贴每人每月150元；重度残疾人护理补贴一级每人每月200元、二级每人每月150元。"
                 "两项补贴可同时享受，按月发放到个人账户。",
     "materials": "申请表；第二代残疾人证；身份证、户口簿；低保证等困难证明（申请生活补贴时）；银行账户信息。"
                  "可通过“全国残疾人两项补贴”网上申请。",
     "steps": "申请受理 → 村（居）初审 → 乡镇审核 → 县残联、民政复核 → 审批 → 按月发放。"
              "每年核查一次，情况变化请及时告知。",
     "hotline": "县残联 020-87654321；镇社会事务办 020-82901234",
     "version_label": "第4版 · 2026-01-01 起施行 · 标准为示例"},
    {"title": "困境儿童保障", "short_name": "困境儿童",
     "eligibility": "因家庭贫困导致生活、就医、就学等困难的儿童；因自身残疾导致康复、照料、护理和社会融入等困难的儿童；"
                    "因家庭监护缺失或监护不当遭受虐待、遗弃、意外伤害的儿童。",
     "standard": "按类别保障：事实无人抚养儿童基本生活补贴参照孤儿标准（示例：每人每月1,500元）；"
                 "残疾儿童康复救助、医疗救助、教育资助按相关政策落实；监护缺失的儿童由村（居）儿童主任跟进。",
     "materials": "申请表；儿童及监护人身份证、户口簿；父母重残、重病、服刑、失联等情况证明；"
                  "残疾证或医院诊断证明（有则提供）；就学证明。",
     "steps": "监护人或村（居）儿童主任提出申请 → 乡镇（街道）调查核实 → 县民政局审核确认 → 发放补贴并建立档案。"
              "儿童主任定期走访。",
     "hotline": "儿童督导员 020-82903456；未成年人保护热线 12345",
     "version_label": "第1版 · 2026-06-01 起施行 · 标准为示例"},
)

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂英华玉萍红娥玲芬燕彬鹏辉建国志红梅"


def households(n: int, seed: int = 7) -> list[tuple[int, str, str, str]]:
    """(sample index, household name, worker name, worker phone) for n personalised cards."""
    import random

    rng = random.Random(seed)
    workers = [(rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN),
                f"13{rng.randrange(10**9):09d}") for _ in range(12)]
    out = []
    for i in range(n):
        name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))
        worker, phone = rng.choice(workers)
        out.append((i % len(SAMPLES), name, worker, phone))
    return out


MM = 72 / 25.4
CARD_W, CARD_H = 90 * MM, 54 * MM
LEFT, BOTTOM = (210 * MM - 2 * CARD_W) / 2, (297 * MM - 5 * CARD_H) / 2
SIZE = 6.5
PER_LINE = 36  # characters a line at 6.5 pt on 83 mm


def _lines(text: str) -> list[str]:
    text = text.replace("\n", "")
    return [text[i:i + PER_LINE] for i in range(0, len(text), PER_LINE)]


def floor(n: int, out, people: list | None = None) -> None:
    """Draw n two-sided personalised wallet cards, bare canvas calls, into ``out``
    (``people``: the output of :func:`households`, made here when not given)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen.canvas import Canvas

    font = "FloorWQY"
    if font not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(font, str(FONT_FILE), subfontIndex=0))
    faces = []
    for s in SAMPLES:
        front = [s["title"]] + _lines("适用对象 " + s["eligibility"]) + _lines(
            "保障标准 " + s["standard"]) + [s["version_label"]]
        back = _lines("办理流程 " + s["steps"]) + _lines("申请材料 " + s["materials"]) + _lines(
            "咨询电话 " + s["hotline"])
        faces.append((front, back))
    people = people if people is not None else households(n)
    canvas = Canvas(str(out), pagesize=(210 * MM, 297 * MM), pageCompression=1)
    for first in range(0, n, 10):
        chunk = people[first:first + 10]
        for side in (0, 1):
            if side == 0:
                for k in range(3):
                    x = LEFT + k * CARD_W
                    canvas.line(x, BOTTOM - 2 * MM, x, BOTTOM - 7 * MM)
            for index, (sample, name, worker, phone) in enumerate(chunk):
                row, col = divmod(index, 2)
                if side:
                    col = 1 - col
                x, y = LEFT + col * CARD_W + 3.5 * MM, BOTTOM + (5 - row) * CARD_H - 6 * MM
                for line in faces[sample][side]:
                    canvas.setFont(font, SIZE)
                    canvas.drawString(x, y, line)
                    y -= SIZE * 1.3
                if side:
                    canvas.drawString(x, y, f"{name} 户")
                    canvas.drawString(x, y - SIZE * 1.3, f"您的社工：{worker} {phone}")
            canvas.showPage()
    canvas.save()


if __name__ == "__main__":
    import time

    start = time.perf_counter()
    floor(int(sys.argv[1]) if len(sys.argv) > 1 else 3500, "/tmp/policy_cards_floor.pdf")
    print(f"{time.perf_counter() - start:.2f} s -> /tmp/policy_cards_floor.pdf")
