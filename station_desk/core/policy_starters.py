"""The starter policy cards (政策明白卡) a new station gets on day one: plain data, no Qt, no database.

Written for this program in plain words an elderly villager understands, after the national
framework (社会救助暂行办法, 最低生活保障审核确认办法, 特困人员认定办法, 临时救助制度, 残疾人两项
补贴, 困境儿童保障, 医疗救助). Every amount is an example marked with :data:`EXAMPLE_MARK`: the
station checks its county's current standards, edits the card and publishes it. The hotline
names the national 12345 line and leaves the station's own number for the station to fill in.

Each section is short enough for a 90×54 mm wallet card at about 6 pt: 适用对象 and 保障标准
≤ 70 characters, 申请材料 ≤ 60, 办理流程 ≤ 50, 咨询电话 ≤ 30 (see tests/core/test_policy_starters.py).
``categories`` names the station's 人员类别 (seeded in migration m0001) a card is meant for, so a
personalised card can pick the policies that match a household.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class StarterPolicy:
    title: str  # 城乡最低生活保障（低保）
    short_name: str  # 低保 (unique)
    area: str  # one of AREAS
    categories: tuple[str, ...]  # the station's 人员类别 the policy serves
    eligibility: str  # 适用对象
    standard: str  # 保障标准
    materials: str  # 申请材料
    steps: str  # 办理流程
    hotline: str  # 咨询电话


AREAS = ("低保", "特困供养", "临时救助", "残疾人两项补贴", "困境儿童", "养老服务", "医疗救助", "教育救助", "其他")
EXAMPLE_MARK = "（示例标准，请按本地现行标准修改）"
CHANGE_NOTE = "程序自带的示例明白卡：请核对本地现行政策后修改并发布"

# DOMAIN.md "Real formats": the application steps for 低保 and 特困.
AID_STEPS = " → ".join(("申请受理", "入户调查", "初审", "公示", "民主评议", "县级审核确认", "发放"))
HOTLINE = "12345（政务服务便民热线）；本镇社工站：请填写"

STARTERS: tuple[StarterPolicy, ...] = (
    StarterPolicy(
        title="城乡最低生活保障（低保）",
        short_name="低保",
        area="低保",
        categories=("低保", "低保边缘", "支出型困难家庭"),
        eligibility="一家人的月人均收入低于当地低保标准，家里的存款、房产、车辆等财产也符合当地规定的城乡居民家庭。",
        standard="家里每人每月收入比当地低保标准差多少，就按月补多少（例：标准每人每月 1,000 元）" + EXAMPLE_MARK,
        materials="户口簿、身份证，家庭收入和财产情况说明，残疾证、病历等证明；签字授权核查家庭经济状况。",
        steps=AID_STEPS,
        hotline=HOTLINE,
    ),
    StarterPolicy(
        title="特困人员救助供养（特困供养）",
        short_name="特困供养",
        area="特困供养",
        categories=("特困供养", "孤寡老人"),
        eligibility="没有劳动能力、没有生活来源，也没有赡养、抚养、扶养人（或他们无力照顾）的老人、残疾人和未满16周岁的孩子。",
        standard="基本生活费不低于当地低保标准的1.3倍，另按自理能力发照料护理费（例：每人每月 1,300 元）" + EXAMPLE_MARK,
        materials="户口簿、身份证，本人申请书，残疾证、病历等证明；自己不方便的，可由村（居）委会代为申请。",
        steps=AID_STEPS,
        hotline=HOTLINE,
    ),
    StarterPolicy(
        title="临时救助",
        short_name="临时救助",
        area="临时救助",
        categories=("临时救助", "支出型困难家庭", "低保边缘", "重病患者"),
        eligibility="遇到火灾、车祸、突发重病等意外，或看病、上学等必需开支突然增加，一时生活特别困难的家庭或个人。",
        standard="按困难程度给钱给物，一般以当地月低保标准乘以月数计算（例：1,000 元×3个月）" + EXAMPLE_MARK,
        materials="户口簿、身份证，申请书，医疗票据、事故证明等能说明困难情况的材料。",
        steps="申请 → 审核 → 审批 → 发放；情况紧急的，乡镇（街道）可先行救助，事后补办手续。",
        hotline=HOTLINE,
    ),
    StarterPolicy(
        title="残疾人两项补贴（困难残疾人生活补贴和重度残疾人护理补贴）",
        short_name="残疾人两项补贴",
        area="残疾人两项补贴",
        categories=("残疾人", "重度残疾人"),
        eligibility="生活补贴：低保家庭中的持证残疾人；护理补贴：残疾等级为一级、二级，需要长期照护的持证残疾人。",
        standard="两项补贴按月发放，条件都符合的可以同时领（例：生活补贴、护理补贴各每人每月 100 元）" + EXAMPLE_MARK,
        materials="户口簿、身份证、第二代残疾人证，银行卡或社保卡；申请生活补贴的还要低保证明。",
        steps="申请 → 乡镇（街道）初审 → 县级残联审核 → 民政部门审定 → 发放",
        hotline=HOTLINE,
    ),
    StarterPolicy(
        title="困境儿童保障",
        short_name="困境儿童",
        area="困境儿童",
        categories=("困境儿童", "孤儿", "事实无人抚养儿童", "农村留守儿童"),
        eligibility="家庭困难、自身残疾或重病、缺少父母照料的孩子，包括孤儿，以及父母因重残、重病、服刑、失联等没人抚养的孩子。",
        standard="孤儿、事实无人抚养儿童按月发基本生活费（例：每人每月 1,500 元），其他孩子按情况纳入低保等帮扶" + EXAMPLE_MARK,
        materials="户口簿、身份证，孩子的户口或出生证明，父母死亡、失踪、重残、重病、服刑等情况证明。",
        steps="发现报告 → 申请 → 评估认定 → 保障落实；村（居）儿童主任可帮您申请。",
        hotline=HOTLINE,
    ),
    StarterPolicy(
        title="高龄老人津贴（高龄津贴）",
        short_name="高龄津贴",
        area="养老服务",
        categories=("高龄老人",),
        eligibility="户籍在本地、年满80周岁的老人（起始年龄和是否只发给经济困难老人，以当地规定为准）。",
        standard="按年龄段按月发放，年纪越大领得越多（例：80—89岁每月 100 元，90—99岁每月 200 元）" + EXAMPLE_MARK,
        materials="户口簿、身份证，本人银行卡或社保卡；老人行动不便的，可由家人或村（居）委会代办。",
        steps="申请 → 村（居）初审 → 乡镇（街道）审核 → 县级民政审批 → 按月发放；多地已免申即享。",
        hotline=HOTLINE,
    ),
    StarterPolicy(
        title="医疗救助",
        short_name="医疗救助",
        area="医疗救助",
        categories=("低保", "低保边缘", "特困供养", "支出型困难家庭", "重病患者"),
        eligibility="特困人员、低保对象、低保边缘家庭成员，以及看病花钱多、家里因此生活困难的重病患者。",
        standard="资助参加居民医保；医保报销后自付的合规费用再按比例救助（例：低保对象救助70%）" + EXAMPLE_MARK,
        materials="身份证、医保卡（社保卡），住院发票、费用清单、出院小结，困难情况证明。",
        steps="救助对象出院时“一站式”直接结算；未结算的：申请 → 审核 → 审批 → 发放。",
        hotline=HOTLINE,
    ),
)
