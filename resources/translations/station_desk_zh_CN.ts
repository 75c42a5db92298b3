<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AcknowledgementRegisterDialog</name>
    <message>
        <source>Acknowledgement register</source>
        <translation>凭证登记簿</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Donor</source>
        <translation>捐赠方</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>开具时间</translation>
    </message>
    <message>
        <source>By</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Void</source>
        <translation>作废</translation>
    </message>
    <message>
        <source>In force</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>Reason voided</source>
        <translation>作废原因</translation>
    </message>
    <message>
        <source>%1 numbers issued, %2 void.</source>
        <translation>已开具 %1 个编号，其中作废 %2 个。</translation>
    </message>
    <message>
        <source>Missing: %1</source>
        <translation>缺号：%1</translation>
    </message>
    <message>
        <source>No number is missing.</source>
        <translation>编号连续，没有缺号。</translation>
    </message>
</context>
<context>
    <name>ActivitiesPage</name>
    <message>
        <source>Activities &amp; projects</source>
        <translation>活动与项目</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Projects</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>年度统计</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>未完成</translation>
    </message>
</context>
<context>
    <name>ActivityDialog</name>
    <message>
        <source>Edit activity</source>
        <translation>编辑活动</translation>
    </message>
    <message>
        <source>New activity</source>
        <translation>新建活动</translation>
    </message>
    <message>
        <source>e.g. 重阳节敬老茶话会</source>
        <translation>例如：重阳节敬老茶话会</translation>
    </message>
    <message>
        <source>e.g. 村委会活动室</source>
        <translation>例如：村委会活动室</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（不指定）</translation>
    </message>
    <message>
        <source>e.g. 镇卫生院、县供电公司党支部</source>
        <translation>例如：镇卫生院、县供电公司党支部</translation>
    </message>
    <message>
        <source>(no project)</source>
        <translation>（不属于项目）</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>活动名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>活动类型</translation>
    </message>
    <message>
        <source>Day and time</source>
        <translation>日期和时间</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>村居</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Organiser</source>
        <translation>组织者</translation>
    </message>
    <message>
        <source>Partners</source>
        <translation>合作单位</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>所属项目</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>活动总结</translation>
    </message>
    <message>
        <source>Volunteers put on the activity go on a shift of its own, so the roster and the kiosk know them.</source>
        <translation>为活动安排的志愿者会排入该活动自己的班次，排班表和签到机都能看到。</translation>
    </message>
</context>
<context>
    <name>ActivityFile</name>
    <message>
        <source>← Back to the list</source>
        <translation>← 返回列表</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Who came…</source>
        <translation>登记到场…</translation>
    </message>
    <message>
        <source>Print sign-in sheet…</source>
        <translation>打印签到表…</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>户主</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>参与成员</translation>
    </message>
    <message>
        <source>Whole household</source>
        <translation>全户</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>村居</translation>
    </message>
    <message>
        <source>Came</source>
        <translation>到场</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>参与者</translation>
    </message>
    <message>
        <source>Volunteer</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>时长（小时）</translation>
    </message>
    <message>
        <source>Choose volunteers…</source>
        <translation>选择志愿者…</translation>
    </message>
    <message>
        <source>Volunteers</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Goods</source>
        <translation>物资</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Value (yuan)</source>
        <translation>价值（元）</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Taken back</source>
        <translation>已退回</translation>
    </message>
    <message>
        <source>Use goods…</source>
        <translation>使用物资…</translation>
    </message>
    <message>
        <source>Goods used</source>
        <translation>使用物资</translation>
    </message>
    <message>
        <source>Policy</source>
        <translation>政策</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Hand out cards…</source>
        <translation>发放明白卡…</translation>
    </message>
    <message>
        <source>Policy cards</source>
        <translation>政策明白卡</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Organiser</source>
        <translation>组织者</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>所属项目</translation>
    </message>
    <message>
        <source>Partners</source>
        <translation>合作单位</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Signed up %1 · came %2 · not on file %3 · person-times %4 · volunteers %5 · goods %6 yuan</source>
        <translation>报名 %1 · 到场 %2 · 未建档 %3 · 服务人次 %4 · 志愿者 %5 · 物资 %6 元</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>活动总结</translation>
    </message>
    <message>
        <source>Who signed up is shown to staff who keep the household files only.</source>
        <translation>报名名单仅向管理服务对象档案的工作人员显示。</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>未完成</translation>
    </message>
    <message>
        <source>Take %1 off the activity&apos;s list?</source>
        <translation>将 %1 从活动名单中移除？</translation>
    </message>
    <message>
        <source>Sign-in sheet: %1</source>
        <translation>签到表：%1</translation>
    </message>
</context>
<context>
    <name>ActivityList</name>
    <message>
        <source>Title, theme or place</source>
        <translation>活动名称、主题或地点</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>今年</translation>
    </message>
    <message>
        <source>Coming</source>
        <translation>即将举办</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>Last year</source>
        <translation>去年</translation>
    </message>
    <message>
        <source>Any date</source>
        <translation>全部日期</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>All villages</source>
        <translation>全部村居</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>New activity…</source>
        <translation>新建活动…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Cancel activity…</source>
        <translation>取消活动…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>活动名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>所属项目</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Came/signed</source>
        <translation>到场/报名</translation>
    </message>
    <message>
        <source>Not on file</source>
        <translation>未建档</translation>
    </message>
    <message>
        <source>Person-times</source>
        <translation>服务人次</translation>
    </message>
    <message>
        <source>Volunteers</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <source>All projects</source>
        <translation>全部项目</translation>
    </message>
    <message>
        <source>%1 activities · %2 person-times</source>
        <translation>%1 场活动 · %2 人次</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>未完成</translation>
    </message>
    <message>
        <source>Cancel activity</source>
        <translation>取消活动</translation>
    </message>
    <message>
        <source>Why is “%1” called off?</source>
        <translation>为什么取消“%1”？</translation>
    </message>
</context>
<context>
    <name>ActivityVolunteersDialog</name>
    <message>
        <source>Volunteers</source>
        <translation>活动志愿者</translation>
    </message>
    <message>
        <source>They go on the activity&apos;s own shift: the roster and the kiosk know them, and their hours count like any shift&apos;s.</source>
        <translation>志愿者排入活动自己的班次：排班表和签到机都能看到，服务时长与其他班次一样计入。</translation>
    </message>
</context>
<context>
    <name>AddParticipantsDialog</name>
    <message>
        <source>Sign people up</source>
        <translation>报名登记</translation>
    </message>
    <message>
        <source>Find a household, choose the whole household or one member, press Add; then the next one. Those already signed up stay.</source>
        <translation>查找服务对象，选择全户或其中一位成员，点“加入名单”，再查找下一位。已报名的保持不变。</translation>
    </message>
</context>
<context>
    <name>AddTargetDialog</name>
    <message>
        <source>Add a household to the list</source>
        <translation>加入走访名单</translation>
    </message>
    <message>
        <source>Name, pinyin initials, ID or phone tail</source>
        <translation>姓名、拼音首字母、身份证号或电话尾号</translation>
    </message>
    <message>
        <source>Head of household</source>
        <translation>户主</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>村居</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>e.g. registered as 低保 after the list was made</source>
        <translation>如：名单生成后新纳入低保</translation>
    </message>
    <message>
        <source>No team yet</source>
        <translation>未分组</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Package</source>
        <translation>慰问品</translation>
    </message>
    <message>
        <source>Packages</source>
        <translation>份数</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>小组</translation>
    </message>
    <message>
        <source>The package is set aside from stock at once.</source>
        <translation>慰问品会立即从库存中预留。</translation>
    </message>
</context>
<context>
    <name>AdoptWishDialog</name>
    <message>
        <source>Adopt the wish</source>
        <translation>认领心愿（买单）</translation>
    </message>
    <message>
        <source>Name, initials or phone tail</source>
        <translation>名称、拼音首字母或电话尾号</translation>
    </message>
    <message>
        <source>New donor…</source>
        <translation>新捐赠方…</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>物资</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Unit value (yuan)</source>
        <translation>单价（元）</translation>
    </message>
    <message>
        <source>Add line</source>
        <translation>添加一行</translation>
    </message>
    <message>
        <source>Yuan, e.g. 200</source>
        <translation>元，如 200</translation>
    </message>
    <message>
        <source>Donor</source>
        <translation>认领人（捐赠方）</translation>
    </message>
    <message>
        <source>Paid with</source>
        <translation>认领方式</translation>
    </message>
    <message>
        <source>Adopted on</source>
        <translation>认领日期</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>What the donor gives is filed as a donation with an acknowledgement number; goods are set aside for the wish until it is delivered.</source>
        <translation>捐赠方给出的物资或款项按捐赠入账，并有接收凭证编号；物资在送达前为该心愿预留。</translation>
    </message>
    <message>
        <source>Goods</source>
        <translation>物资</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>AssessmentDialog</name>
    <message>
        <source>Needs assessment</source>
        <translation>需求预估</translation>
    </message>
    <message>
        <source>Living arrangement</source>
        <translation>居住状况</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>健康状况</translation>
    </message>
    <message>
        <source>Medication</source>
        <translation>用药情况</translation>
    </message>
    <message>
        <source>Self-care ability</source>
        <translation>生活自理能力</translation>
    </message>
    <message>
        <source>Mood and cognition</source>
        <translation>情绪认知情况</translation>
    </message>
    <message>
        <source>Guardianship</source>
        <translation>监护情况</translation>
    </message>
    <message>
        <source>Schooling</source>
        <translation>就学情况</translation>
    </message>
    <message>
        <source>Growth and development</source>
        <translation>身心发展</translation>
    </message>
    <message>
        <source>Economic situation</source>
        <translation>经济状况</translation>
    </message>
    <message>
        <source>Social support</source>
        <translation>社会支持</translation>
    </message>
    <message>
        <source>Assessed on</source>
        <translation>预估日期</translation>
    </message>
    <message>
        <source>Older person</source>
        <translation>老年人</translation>
    </message>
    <message>
        <source>Child</source>
        <translation>儿童</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>共同情况</translation>
    </message>
    <message>
        <source>Needs</source>
        <translation>需求</translation>
    </message>
    <message>
        <source>A note on the needs</source>
        <translation>需求补充说明</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>请选择…</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>风险等级</translation>
    </message>
    <message>
        <source>Starts from the last assessment; saving adds a new one.</source>
        <translation>已带出上次预估；保存后新增一次预估。</translation>
    </message>
</context>
<context>
    <name>AssignDialog</name>
    <message>
        <source>Replace a volunteer</source>
        <translation>替换志愿者</translation>
    </message>
    <message>
        <source>Put a volunteer on the shift</source>
        <translation>安排志愿者</translation>
    </message>
    <message>
        <source>needs %1</source>
        <translation>需要 %1</translation>
    </message>
    <message>
        <source>Instead of %1</source>
        <translation>替换 %1</translation>
    </message>
    <message>
        <source>Name, pinyin initials or phone tail</source>
        <translation>姓名、拼音首字母或手机尾号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>服务队</translation>
    </message>
    <message>
        <source>Skills</source>
        <translation>技能</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>替换</translation>
    </message>
    <message>
        <source>Put on shift</source>
        <translation>安排</translation>
    </message>
</context>
<context>
    <name>AssignVillagesDialog</name>
    <message>
        <source>Assign villages to teams</source>
        <translation>按村分配小组</translation>
    </message>
    <message>
        <source>Keep as they are (several teams)</source>
        <translation>保持现状（分属几个小组）</translation>
    </message>
    <message>
        <source>No team yet</source>
        <translation>未分组</translation>
    </message>
    <message>
        <source>%1 (%2 to visit)</source>
        <translation>%1（待走访 %2 户）</translation>
    </message>
    <message>
        <source>No households are left to visit.</source>
        <translation>没有待走访的户。</translation>
    </message>
    <message>
        <source>Households already visited keep the team that visited them.</source>
        <translation>已走访的户仍归原走访小组。</translation>
    </message>
</context>
<context>
    <name>AttendanceDialog</name>
    <message>
        <source>Who came</source>
        <translation>登记到场</translation>
    </message>
    <message>
        <source>What happened, what came of it</source>
        <translation>活动情况和效果</translation>
    </message>
    <message>
        <source>Signed up: tick who came</source>
        <translation>已报名：勾选到场的人</translation>
    </message>
    <message>
        <source>Walk-ins from the registry</source>
        <translation>现场参加的建档服务对象</translation>
    </message>
    <message>
        <source>Volunteers who served</source>
        <translation>到场服务的志愿者</translation>
    </message>
    <message>
        <source>People not on file</source>
        <translation>未建档参与人数</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>活动总结</translation>
    </message>
    <message>
        <source>The volunteers&apos; hours are entered at the activity&apos;s times (%1–%2), unless they signed in at the kiosk.</source>
        <translation>志愿者时长按活动时间（%1–%2）登记；已在签到机签到的以签到时间为准。</translation>
    </message>
</context>
<context>
    <name>AttendancePage</name>
    <message>
        <source>Attendance &amp; hours</source>
        <translation>考勤与时长</translation>
    </message>
    <message>
        <source>Sign-ins</source>
        <translation>签到记录</translation>
    </message>
    <message>
        <source>No-shows and walk-ins</source>
        <translation>缺席与临时到站</translation>
    </message>
    <message>
        <source>Service hours</source>
        <translation>服务时长</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>迟到</translation>
    </message>
    <message>
        <source>Left early</source>
        <translation>早退</translation>
    </message>
    <message>
        <source>Late, left early</source>
        <translation>迟到早退</translation>
    </message>
    <message>
        <source>To confirm</source>
        <translation>待确认</translation>
    </message>
    <message>
        <source>Not signed out</source>
        <translation>未签退</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>补登</translation>
    </message>
    <message>
        <source>Void</source>
        <translation>作废</translation>
    </message>
    <message>
        <source>Kiosk</source>
        <translation>签到机</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>工作人员</translation>
    </message>
    <message>
        <source>Paper sheet</source>
        <translation>纸质签到表</translation>
    </message>
    <message>
        <source>Walk-in</source>
        <translation>临时到站</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>本周</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>Volunteer: name, pinyin initials or phone tail</source>
        <translation>志愿者：姓名、拼音首字母或手机尾号</translation>
    </message>
    <message>
        <source>Correct…</source>
        <translation>更正…</translation>
    </message>
    <message>
        <source>Void…</source>
        <translation>作废…</translation>
    </message>
    <message>
        <source>Type in paper sheet…</source>
        <translation>录入纸质签到…</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>班次</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>签到</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>签退</translation>
    </message>
    <message>
        <source> (automatic)</source>
        <translation>（自动）</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>%1 visits, %2 hours</source>
        <translation>共 %1 条，%2 小时</translation>
    </message>
    <message>
        <source>To confirm: %1</source>
        <translation>待确认 %1 条</translation>
    </message>
    <message>
        <source>Confirm…</source>
        <translation>确认补登…</translation>
    </message>
    <message>
        <source>No-shows (assigned, never signed in): %1</source>
        <translation>缺席（已排班未签到）：%1 人次</translation>
    </message>
    <message>
        <source>Walk-ins (came without a shift): %1</source>
        <translation>临时到站（未排班）：%1 人次</translation>
    </message>
    <message>
        <source>By volunteer</source>
        <translation>按志愿者</translation>
    </message>
    <message>
        <source>By team</source>
        <translation>按服务队</translation>
    </message>
    <message>
        <source>By month</source>
        <translation>按月份</translation>
    </message>
    <message>
        <source>Export hours ledger…</source>
        <translation>导出时长台账…</translation>
    </message>
    <message>
        <source>Volunteer / team / month</source>
        <translation>志愿者 / 服务队 / 月份</translation>
    </message>
    <message>
        <source>(no team)</source>
        <translation>（未分队）</translation>
    </message>
    <message>
        <source>Person-times</source>
        <translation>服务人次</translation>
    </message>
    <message>
        <source>Visits waiting for confirmation count hours only up to their shift&apos;s end; void and open visits count none.</source>
        <translation>待确认（补登）的记录只计到班次结束；作废和未签退的记录不计时长。</translation>
    </message>
    <message>
        <source>Total: %1 person-times, %2 hours, %3 to confirm</source>
        <translation>合计：%1 人次，%2 小时，待确认 %3 条</translation>
    </message>
    <message>
        <source>Export hours ledger</source>
        <translation>导出时长台账</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Volunteer hours ledger</source>
        <translation>志愿服务时长台账</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Exporting the hours ledger…</source>
        <translation>正在导出时长台账…</translation>
    </message>
    <message>
        <source>%1: %2 volunteers, %3 person-times, %4 hours (%5 to confirm) written to %6</source>
        <translation>已导出 %1 志愿服务时长台账：%2 人、%3 人次、%4 小时（待确认 %5 次），保存在 %6</translation>
    </message>
</context>
<context>
    <name>CallDialog</name>
    <message>
        <source>Log a hotline call</source>
        <translation>记录热线来电</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>CallForm</name>
    <message>
        <source>Caller&apos;s name</source>
        <translation>来电人姓名</translation>
    </message>
    <message>
        <source>Number calling</source>
        <translation>来电号码</translation>
    </message>
    <message>
        <source>What the caller needs (one line)</source>
        <translation>来电诉求（一句话）</translation>
    </message>
    <message>
        <source>What was done (optional)</source>
        <translation>已做处理（可不填）</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>一般</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <source>Not urgent</source>
        <translation>不急</translation>
    </message>
    <message>
        <source>Log call</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>热线</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Caller</source>
        <translation>来电人</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>号码</translation>
    </message>
    <message>
        <source>Need</source>
        <translation>诉求</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>处理</translation>
    </message>
    <message>
        <source>4 or more digits of the number find the household</source>
        <translation>输入号码 4 位以上即可查找住户</translation>
    </message>
    <message>
        <source>No household with this number</source>
        <translation>没有该号码的住户</translation>
    </message>
    <message>
        <source>Household:</source>
        <translation>住户：</translation>
    </message>
    <message>
        <source>Household ✓</source>
        <translation>已选住户 ✓</translation>
    </message>
</context>
<context>
    <name>CampaignFormDialog</name>
    <message>
        <source>Edit campaign</source>
        <translation>修改活动</translation>
    </message>
    <message>
        <source>New holiday campaign</source>
        <translation>新建节日慰问</translation>
    </message>
    <message>
        <source>Who is visited (a household matching any rule; the first rule it matches gives its package)</source>
        <translation>慰问对象（符合任一条件的户；按其符合的第一条条件发放慰问包）</translation>
    </message>
    <message>
        <source>Add a rule</source>
        <translation>添加条件</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>活动名称</translation>
    </message>
    <message>
        <source>Festival</source>
        <translation>节日</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>活动时间</translation>
    </message>
    <message>
        <source>e.g. Warmth delivered to every home</source>
        <translation>如：月圆人团圆，温暖送到家</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>yuan</source>
        <translation>元</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>预算（元）</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>aged %1+</source>
        <translation>%1 岁以上</translation>
    </message>
    <message>
        <source>Rule %1: %2 — %3 households</source>
        <translation>条件 %1：%2 — %3 户</translation>
    </message>
    <message>
        <source>everyone</source>
        <translation>全部在册户</translation>
    </message>
    <message>
        <source>The target list was made from these rules when the campaign was created; add or remove households on the targets tab.</source>
        <translation>慰问名单已在建活动时按这些条件生成；增减对象请到“走访对象”页。</translation>
    </message>
    <message>
        <source>falls on %1</source>
        <translation>在 %1</translation>
    </message>
    <message>
        <source>%1 %2 visits</source>
        <translation>%1年%2慰问</translation>
    </message>
    <message>
        <source>Campaign made; stock is short</source>
        <translation>活动已建，库存不足</translation>
    </message>
    <message>
        <source>The campaign is made with %1 households. What is in stock has been set aside; still short: %2. Set aside the rest with “Top up reservations” on the progress tab when goods come in.</source>
        <translation>活动已建，共 %1 户。现有库存已预留；仍缺：%2。物资到货后请在“进度”页点“补足预留”。</translation>
    </message>
</context>
<context>
    <name>CampaignList</name>
    <message>
        <source>Under way</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>All campaigns</source>
        <translation>全部活动</translation>
    </message>
    <message>
        <source>New holiday campaign…</source>
        <translation>新建节日慰问…</translation>
    </message>
    <message>
        <source>New home-visit day…</source>
        <translation>新建家访日…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>End campaign…</source>
        <translation>结束活动…</translation>
    </message>
    <message>
        <source>Reopen…</source>
        <translation>重新开启…</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Festival</source>
        <translation>节日</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Households</source>
        <translation>户数</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>已送达</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>%1 campaigns</source>
        <translation>%1 个活动</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>未完成</translation>
    </message>
    <message>
        <source>Reopen %1</source>
        <translation>重新开启 %1</translation>
    </message>
    <message>
        <source>Why reopen it</source>
        <translation>重新开启的原因</translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation>已重新开启</translation>
    </message>
    <message>
        <source>The campaign is open again, but stock is short for its packages: %1</source>
        <translation>活动已重新开启，但慰问包库存不足：%1</translation>
    </message>
    <message>
        <source>%1 short by %2 %3</source>
        <translation>%1 缺 %2 %3</translation>
    </message>
</context>
<context>
    <name>CampaignOutcomeDialog</name>
    <message>
        <source>Record the outcome</source>
        <translation>登记走访结果</translation>
    </message>
    <message>
        <source>Names, separated by 、</source>
        <translation>姓名，用“、”分隔</translation>
    </message>
    <message>
        <source>Package handed over</source>
        <translation>慰问品已发放</translation>
    </message>
    <message>
        <source>Signed for</source>
        <translation>已签收</translation>
    </message>
    <message>
        <source>No package</source>
        <translation>无慰问品</translation>
    </message>
    <message>
        <source>One need per line, e.g. help applying for temporary assistance</source>
        <translation>每行一条诉求，如：协助申请临时救助</translation>
    </message>
    <message>
        <source>What was seen and talked about</source>
        <translation>走访所见及交谈内容</translation>
    </message>
    <message>
        <source>Try again on</source>
        <translation>改约日期</translation>
    </message>
    <message>
        <source>The same team</source>
        <translation>原小组</translation>
    </message>
    <message>
        <source>e.g. moved to her son&apos;s in the county town</source>
        <translation>如：随儿子迁往县城居住</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Visitors</source>
        <translation>走访人</translation>
    </message>
    <message>
        <source>Package</source>
        <translation>慰问品</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>改约</translation>
    </message>
    <message>
        <source>With team</source>
        <translation>改派小组</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Needs found</source>
        <translation>发现诉求</translation>
    </message>
    <message>
        <source>Urgency of the needs</source>
        <translation>诉求紧急程度</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>情况摘要</translation>
    </message>
    <message>
        <source>Each outcome goes into the household&apos;s visit history; a visit moves its next visit date.</source>
        <translation>每次结果都记入该户的走访记录；已走访会顺延下次走访日期。</translation>
    </message>
    <message>
        <source>The household&apos;s file will be closed as moved away.</source>
        <translation>该户档案将以“迁出”关闭。</translation>
    </message>
    <message>
        <source>The household&apos;s file will be closed as deceased.</source>
        <translation>该户档案将以“去世”关闭。</translation>
    </message>
    <message>
        <source>Its package is no longer held for it.</source>
        <translation>其慰问品预留将释放。</translation>
    </message>
    <message>
        <source>e.g. died of illness on 12 November</source>
        <translation>如：11月12日病故</translation>
    </message>
</context>
<context>
    <name>CampaignTarget</name>
    <message>
        <source>No package</source>
        <translation>无慰问品</translation>
    </message>
</context>
<context>
    <name>CampaignTeamDialog</name>
    <message>
        <source>Edit visit team</source>
        <translation>编辑走访小组</translation>
    </message>
    <message>
        <source>New visit team</source>
        <translation>新建走访小组</translation>
    </message>
    <message>
        <source>e.g. 麻车村组</source>
        <translation>如：麻车村组</translation>
    </message>
    <message>
        <source>No social worker (a partner unit)</source>
        <translation>无带队社工（共建单位）</translation>
    </message>
    <message>
        <source>e.g. 县供电公司党支部</source>
        <translation>如：县供电公司党支部</translation>
    </message>
    <message>
        <source>Find a volunteer: name, pinyin initials or phone tail</source>
        <translation>查找志愿者：姓名、拼音首字母或电话尾号</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>小组</translation>
    </message>
    <message>
        <source>Leading social worker</source>
        <translation>带队社工</translation>
    </message>
    <message>
        <source>Partner unit</source>
        <translation>共建单位</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Volunteers</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <source>The team&apos;s volunteers are put on its planned outings too.</source>
        <translation>小组的志愿者也会排入已安排的出访班次。</translation>
    </message>
    <message>
        <source>%1 volunteers chosen</source>
        <translation>已选 %1 名志愿者</translation>
    </message>
</context>
<context>
    <name>CampaignsPage</name>
    <message>
        <source>Campaigns</source>
        <translation>慰问走访</translation>
    </message>
    <message>
        <source>Households to visit</source>
        <translation>走访对象</translation>
    </message>
    <message>
        <source>Teams and outings</source>
        <translation>走访小组与出行</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
</context>
<context>
    <name>CancelWishDialog</name>
    <message>
        <source>Cancel the wish</source>
        <translation>取消心愿</translation>
    </message>
    <message>
        <source>e.g. 家属已自行购买</source>
        <translation>如：家属已自行购买</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Goods a donor gave stay in stock as their donation, free for other use; money stays in the cash book.</source>
        <translation>捐赠方给出的物资仍作为其捐赠留在库存，可另作他用；款项留在现金账中。</translation>
    </message>
</context>
<context>
    <name>CardPreview</name>
    <message>
        <source>Front</source>
        <translation>正面</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>背面</translation>
    </message>
    <message>
        <source>Too long to print</source>
        <translation>太长，印不下</translation>
    </message>
    <message>
        <source>Not on the wallet card (no room on its back): %1. The A5 leaflet has it.</source>
        <translation>卡片背面排不下，不印在卡片上：%1。A5 单页上有。</translation>
    </message>
</context>
<context>
    <name>CaseFile</name>
    <message>
        <source>← Back to the list</source>
        <translation>← 返回列表</translation>
    </message>
    <message>
        <source>Print case record…</source>
        <translation>打印个案记录…</translation>
    </message>
    <message>
        <source>Assessment</source>
        <translation>评估</translation>
    </message>
    <message>
        <source>Service plan</source>
        <translation>服务方案</translation>
    </message>
    <message>
        <source>Service record</source>
        <translation>服务记录</translation>
    </message>
    <message>
        <source>Refer</source>
        <translation>转介</translation>
    </message>
    <message>
        <source>Go to evaluation</source>
        <translation>进入评估</translation>
    </message>
    <message>
        <source>Close the case</source>
        <translation>结案</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>重新开案</translation>
    </message>
    <message>
        <source>Hand over</source>
        <translation>转交</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>方案</translation>
    </message>
    <message>
        <source>Referrals</source>
        <translation>转介</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>服务行动</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>时长（分钟）</translation>
    </message>
    <message>
        <source>Workers</source>
        <translation>服务人员</translation>
    </message>
    <message>
        <source>Goods</source>
        <translation>物资</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>服务内容</translation>
    </message>
    <message>
        <source>Correct…</source>
        <translation>更正…</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>转介单位</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>转介事由</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新日期</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>反馈</translation>
    </message>
    <message>
        <source>Update…</source>
        <translation>更新…</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>应回访日期</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>回访日期</translation>
    </message>
    <message>
        <source>Follow-up…</source>
        <translation>回访…</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>开案</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>转介</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>结案</translation>
    </message>
    <message>
        <source>Follow-up done</source>
        <translation>已回访</translation>
    </message>
    <message>
        <source>Follow-up due</source>
        <translation>待回访</translation>
    </message>
    <message>
        <source>[corrected] </source>
        <translation>【已更正】</translation>
    </message>
    <message>
        <source>Corrected</source>
        <translation>已更正</translation>
    </message>
    <message>
        <source>Case %1 · %2</source>
        <translation>个案 %1 · %2</translation>
    </message>
    <message>
        <source>for</source>
        <translation>服务对象</translation>
    </message>
    <message>
        <source>not judged</source>
        <translation>未评估</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>户主</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>村居</translation>
    </message>
    <message>
        <source>Social worker</source>
        <translation>负责社工</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>风险</translation>
    </message>
    <message>
        <source>Projects…</source>
        <translation>所属项目…</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>服务记录</translation>
    </message>
    <message>
        <source>Closing</source>
        <translation>结案与回访</translation>
    </message>
    <message>
        <source>Due by</source>
        <translation>完成时间</translation>
    </message>
    <message>
        <source>%1 (taken back)</source>
        <translation>%1（已退回）</translation>
    </message>
    <message>
        <source>Visited by</source>
        <translation>回访人</translation>
    </message>
    <message>
        <source>Schedule a follow-up…</source>
        <translation>安排回访…</translation>
    </message>
    <message>
        <source>Corrects %1</source>
        <translation>更正 %1 的记录</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>主要问题</translation>
    </message>
    <message>
        <source>No assessment yet.</source>
        <translation>尚未评估。</translation>
    </message>
    <message>
        <source>Living situation</source>
        <translation>居住状况</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>健康状况</translation>
    </message>
    <message>
        <source>Medication</source>
        <translation>用药情况</translation>
    </message>
    <message>
        <source>Self-care</source>
        <translation>生活自理能力</translation>
    </message>
    <message>
        <source>Emotions and cognition</source>
        <translation>情绪认知情况</translation>
    </message>
    <message>
        <source>Guardianship</source>
        <translation>监护情况</translation>
    </message>
    <message>
        <source>Schooling</source>
        <translation>就学情况</translation>
    </message>
    <message>
        <source>Development</source>
        <translation>身心发展</translation>
    </message>
    <message>
        <source>Economic situation</source>
        <translation>经济状况</translation>
    </message>
    <message>
        <source>Social support</source>
        <translation>社会支持</translation>
    </message>
    <message>
        <source>Assessed on</source>
        <translation>评估日期</translation>
    </message>
    <message>
        <source>Needs</source>
        <translation>需求</translation>
    </message>
    <message>
        <source>About the needs</source>
        <translation>需求说明</translation>
    </message>
    <message>
        <source>%1 earlier assessments on file</source>
        <translation>另有 %1 次较早的评估</translation>
    </message>
    <message>
        <source>No service plan yet.</source>
        <translation>尚无服务方案。</translation>
    </message>
    <message>
        <source>Made on</source>
        <translation>制定日期</translation>
    </message>
    <message>
        <source>Goals</source>
        <translation>服务目标</translation>
    </message>
    <message>
        <source>Partners</source>
        <translation>协同单位</translation>
    </message>
    <message>
        <source>The case is open.</source>
        <translation>个案尚未结案。</translation>
    </message>
    <message>
        <source>Closed on</source>
        <translation>结案日期</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>总结</translation>
    </message>
    <message>
        <source>Reflection</source>
        <translation>反思</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>未完成</translation>
    </message>
    <message>
        <source>Correct a record</source>
        <translation>更正服务记录</translation>
    </message>
    <message>
        <source>Choose the record to correct first.</source>
        <translation>请先选择要更正的记录。</translation>
    </message>
    <message>
        <source>Update a referral</source>
        <translation>更新转介</translation>
    </message>
    <message>
        <source>Choose the referral first.</source>
        <translation>请先选择转介。</translation>
    </message>
    <message>
        <source>%1 · due %2</source>
        <translation>%1 · 应回访 %2</translation>
    </message>
    <message>
        <source>Schedule a follow-up</source>
        <translation>安排回访</translation>
    </message>
    <message>
        <source>Follow-up due on (e.g. %1):</source>
        <translation>回访日期（如 %1）：</translation>
    </message>
    <message>
        <source>Move this case to evaluation, before closing it?</source>
        <translation>将此个案转入评估阶段，准备结案？</translation>
    </message>
    <message>
        <source>Reopen the case</source>
        <translation>重新开案</translation>
    </message>
    <message>
        <source>Why does the case come back?</source>
        <translation>重新开案的原因：</translation>
    </message>
    <message>
        <source>Hand the case over</source>
        <translation>转交个案</translation>
    </message>
    <message>
        <source>To</source>
        <translation>转交给</translation>
    </message>
    <message>
        <source>e.g. the worker has left</source>
        <translation>如：原社工离职</translation>
    </message>
    <message>
        <source>Print case record</source>
        <translation>打印个案记录</translation>
    </message>
    <message>
        <source>Print the household&apos;s name on the record? (No: the name is masked.)</source>
        <translation>记录上打印服务对象姓名吗？（否：姓名脱敏）</translation>
    </message>
    <message>
        <source>Case record %1</source>
        <translation>个案记录 %1</translation>
    </message>
</context>
<context>
    <name>CaseProjectsDialog</name>
    <message>
        <source>Projects</source>
        <translation>所属项目</translation>
    </message>
    <message>
        <source>No projects running.</source>
        <translation>目前没有进行中的项目。</translation>
    </message>
    <message>
        <source>The case&apos;s service records count as the chosen projects&apos; services, and its household as one of their families.</source>
        <translation>个案的服务记录计入所选项目的服务次数，这一户计入项目的服务家庭。</translation>
    </message>
</context>
<context>
    <name>CasesPage</name>
    <message>
        <source>Cases</source>
        <translation>个案</translation>
    </message>
    <message>
        <source>Head&apos;s name or the problem</source>
        <translation>户主姓名或问题</translation>
    </message>
    <message>
        <source>All social workers</source>
        <translation>全部社工</translation>
    </message>
    <message>
        <source>Open cases</source>
        <translation>未结案</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已结案</translation>
    </message>
    <message>
        <source>All cases</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Any risk</source>
        <translation>全部风险</translation>
    </message>
    <message>
        <source>All villages</source>
        <translation>全部村居</translation>
    </message>
    <message>
        <source>Due only</source>
        <translation>只看待办</translation>
    </message>
    <message>
        <source>Open the case file</source>
        <translation>打开个案档案</translation>
    </message>
    <message>
        <source>Open a case…</source>
        <translation>开案…</translation>
    </message>
    <message>
        <source>Monthly caseload sheet…</source>
        <translation>月度工作量表…</translation>
    </message>
    <message>
        <source>Monthly figures to Excel…</source>
        <translation>月度统计导出 Excel…</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>户主</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>村居</translation>
    </message>
    <message>
        <source>Social worker</source>
        <translation>负责社工</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>开案日期</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>风险</translation>
    </message>
    <message>
        <source>Last service</source>
        <translation>最近服务</translation>
    </message>
    <message>
        <source>Next follow-up</source>
        <translation>下次回访</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Monthly caseload sheet</source>
        <translation>社工月度个案工作量表</translation>
    </message>
    <message>
        <source>Choose a social worker in the list&apos;s filter first.</source>
        <translation>请先在列表上方的筛选中选择一位社工。</translation>
    </message>
    <message>
        <source>Preparing the caseload sheet…</source>
        <translation>正在生成工作量表…</translation>
    </message>
    <message>
        <source>Monthly figures to Excel</source>
        <translation>月度个案统计</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Writing the workbook…</source>
        <translation>正在写入工作簿…</translation>
    </message>
    <message>
        <source>%1 rows written to %2.</source>
        <translation>已写入 %1 行到 %2。</translation>
    </message>
    <message>
        <source>To do</source>
        <translation>待办</translation>
    </message>
    <message>
        <source>Follow-up due</source>
        <translation>逾期回访</translation>
    </message>
    <message>
        <source>No service for 30 days</source>
        <translation>30 天未服务</translation>
    </message>
    <message>
        <source>%1 cases</source>
        <translation>%1 个个案</translation>
    </message>
    <message>
        <source>Open cases: %1 · follow-ups due: %2 · no service for 30 days: %3</source>
        <translation>未结案 %1 个 · 回访到期 %2 个 · 30 天未服务 %3 个</translation>
    </message>
    <message>
        <source>Open per social worker: %1</source>
        <translation>各社工未结案：%1</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>未完成</translation>
    </message>
</context>
<context>
    <name>CashEntryDialog</name>
    <message>
        <source>Cash book entry</source>
        <translation>现金记账</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Yuan, e.g. 200 or 85.50</source>
        <translation>单位元，例如 200 或 85.50</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>What the money came in for or was spent on</source>
        <translation>款项的来源用途或支出用途</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>Paid by / paid to</source>
        <translation>付款方/收款方</translation>
    </message>
    <message>
        <source>Invoice or receipt number</source>
        <translation>发票或收据号</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>单据号</translation>
    </message>
</context>
<context>
    <name>CashTab</name>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Income…</source>
        <translation>收入…</translation>
    </message>
    <message>
        <source>Payment…</source>
        <translation>支出…</translation>
    </message>
    <message>
        <source>Reverse…</source>
        <translation>冲销…</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>In (yuan)</source>
        <translation>收入（元）</translation>
    </message>
    <message>
        <source>Out (yuan)</source>
        <translation>支出（元）</translation>
    </message>
    <message>
        <source>Balance (yuan)</source>
        <translation>余额（元）</translation>
    </message>
    <message>
        <source>Paid by / paid to</source>
        <translation>付款方/收款方</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>单据号</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>By</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Donation #%1</source>
        <translation>捐赠 #%1</translation>
    </message>
    <message>
        <source>Carried in %1 yuan · in %2 · out %3 · balance %4 yuan</source>
        <translation>期初 %1 元 · 收入 %2 · 支出 %3 · 余额 %4 元</translation>
    </message>
    <message>
        <source>Reverse cash entry</source>
        <translation>冲销现金记录</translation>
    </message>
    <message>
        <source>Cancel the entry of %1 (%2 yuan) with a counter-entry? Why?</source>
        <translation>用一笔反向记录冲销 %1 的记录（%2 元）？请填写原因：</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>未完成</translation>
    </message>
</context>
<context>
    <name>CatalogueTab</name>
    <message>
        <source>Read-only: the station head or a social worker edits the catalogue.</source>
        <translation>只读：物资目录由站长或社工维护。</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>物资</translation>
    </message>
    <message>
        <source>Gift packages</source>
        <translation>慰问包</translation>
    </message>
    <message>
        <source>Storerooms</source>
        <translation>库房</translation>
    </message>
    <message>
        <source>Item categories</source>
        <translation>物资类别</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>Name, spec or pinyin initials</source>
        <translation>名称、规格或拼音首字母</translation>
    </message>
    <message>
        <source>Show items not in use</source>
        <translation>显示已停用的物资</translation>
    </message>
    <message>
        <source>New item…</source>
        <translation>新物资…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Specification</source>
        <translation>规格</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>有保质期</translation>
    </message>
    <message>
        <source>Low-stock line</source>
        <translation>库存下限</translation>
    </message>
    <message>
        <source>Unit value</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>在用</translation>
    </message>
    <message>
        <source>Unit value history</source>
        <translation>单价历史</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>Set by</source>
        <translation>设定人</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>Unit value history: %1</source>
        <translation>单价历史：%1</translation>
    </message>
    <message>
        <source>New gift package…</source>
        <translation>新慰问包…</translation>
    </message>
    <message>
        <source>Gift package</source>
        <translation>慰问包</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Value of one</source>
        <translation>每份价值</translation>
    </message>
    <message>
        <source>not all valued</source>
        <translation>部分物资无单价</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Rename / take out of use…</source>
        <translation>改名 / 停用…</translation>
    </message>
    <message>
        <source>Storeroom</source>
        <translation>库房</translation>
    </message>
    <message>
        <source>New storeroom…</source>
        <translation>新库房…</translation>
    </message>
    <message>
        <source>Item category</source>
        <translation>物资类别</translation>
    </message>
    <message>
        <source>New category…</source>
        <translation>新类别…</translation>
    </message>
    <message>
        <source>Edit storeroom</source>
        <translation>编辑库房</translation>
    </message>
    <message>
        <source>New storeroom</source>
        <translation>新库房</translation>
    </message>
    <message>
        <source>Edit category</source>
        <translation>编辑类别</translation>
    </message>
    <message>
        <source>New category</source>
        <translation>新类别</translation>
    </message>
</context>
<context>
    <name>ChangePackageDialog</name>
    <message>
        <source>Change the package</source>
        <translation>更改慰问品</translation>
    </message>
    <message>
        <source>Package</source>
        <translation>慰问品</translation>
    </message>
    <message>
        <source>Packages</source>
        <translation>份数</translation>
    </message>
    <message>
        <source>%1 households</source>
        <translation>%1 户</translation>
    </message>
</context>
<context>
    <name>CloseCampaignDialog</name>
    <message>
        <source>End campaign</source>
        <translation>结束活动</translation>
    </message>
    <message>
        <source>%1 of %2 households are done; %3 still open stay on the list as not visited.</source>
        <translation>%2 户中已完成 %1 户；未完成的 %3 户留在名单上，记为未走访。</translation>
    </message>
    <message>
        <source>Goes back to stock:</source>
        <translation>退回库存：</translation>
    </message>
    <message>
        <source>Nothing is set aside for it any more.</source>
        <translation>已无预留物资。</translation>
    </message>
    <message>
        <source>e.g. all delivered; 3 households moved away</source>
        <translation>如：全部送达；3 户已迁出</translation>
    </message>
    <message>
        <source>Closing note</source>
        <translation>结束说明</translation>
    </message>
</context>
<context>
    <name>CloseCaseDialog</name>
    <message>
        <source>Close the case</source>
        <translation>结案</translation>
    </message>
    <message>
        <source>Goals reached</source>
        <translation>目标达成情况</translation>
    </message>
    <message>
        <source>What changed for the person</source>
        <translation>服务对象的变化</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>总结</translation>
    </message>
    <message>
        <source>Reflection</source>
        <translation>反思</translation>
    </message>
    <message>
        <source>e.g. goals met, moved away, declined</source>
        <translation>如：目标达成、迁出、本人拒绝</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>结案原因</translation>
    </message>
    <message>
        <source>Closed on</source>
        <translation>结案日期</translation>
    </message>
    <message>
        <source>1 month later</source>
        <translation>1 个月后</translation>
    </message>
    <message>
        <source>3 months later</source>
        <translation>3 个月后</translation>
    </message>
    <message>
        <source>6 months later</source>
        <translation>6 个月后</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>回访安排</translation>
    </message>
    <message>
        <source>The follow-ups fall due on their dates in the case list.</source>
        <translation>回访到期时会在个案列表中提示。</translation>
    </message>
</context>
<context>
    <name>CloseHouseholdDialog</name>
    <message>
        <source>Take off the list</source>
        <translation>注销 / 迁出</translation>
    </message>
    <message>
        <source>e.g. moved to live with a son in Zengcheng</source>
        <translation>例如：随儿子迁往增城居住</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>情形</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>The file is kept and the household leaves the visit list; it can be reopened later.</source>
        <translation>档案保留，该户不再列入走访名单；以后可以重新启用。</translation>
    </message>
</context>
<context>
    <name>CorrectionDialog</name>
    <message>
        <source>Confirm a sign-out</source>
        <translation>确认补登</translation>
    </message>
    <message>
        <source>Correct attendance</source>
        <translation>更正考勤</translation>
    </message>
    <message>
        <source>e.g. forgot to sign out, left at 11:30 (asked on the phone)</source>
        <translation>例如：忘记签退，电话核实 11:30 离站</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Sign-in</source>
        <translation>签到时间</translation>
    </message>
    <message>
        <source>Sign-out</source>
        <translation>签退时间</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>The program closed this visit because nobody signed out; it counts hours only up to the shift&apos;s end until you confirm the real time.</source>
        <translation>未签退，程序已自动关闭此记录；在您确认实际时间之前，时长只计到班次结束。</translation>
    </message>
    <message>
        <source>Nothing is overwritten: the correction is kept with its reason.</source>
        <translation>原记录不会被覆盖：更正连同原因一并存档。</translation>
    </message>
</context>
<context>
    <name>CoverageModel</name>
    <message>
        <source>%1 cards handed out; %2 households eligible</source>
        <translation>已发放 %1 张；应覆盖 %2 户</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>村居</translation>
    </message>
</context>
<context>
    <name>CoverageTab</name>
    <message>
        <source>Cards handed out / households eligible (share reached)</source>
        <translation>发放张数 / 应覆盖户数（覆盖率）</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <source>All villages</source>
        <translation>全部村居</translation>
    </message>
    <message>
        <source>%1 cards handed out in %2 villages.</source>
        <translation>%2 个村居共发放 %1 张。</translation>
    </message>
    <message>
        <source>Export the policy card ledger</source>
        <translation>导出政策明白卡发放台账</translation>
    </message>
    <message>
        <source>policy-card-ledger.xlsx</source>
        <translation>政策明白卡发放台账.xlsx</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Exporting the policy card ledger…</source>
        <translation>正在导出政策明白卡发放台账…</translation>
    </message>
    <message>
        <source>Saved %1 entries to %2.</source>
        <translation>已导出 %1 条记录到 %2。</translation>
    </message>
</context>
<context>
    <name>DeliverWishDialog</name>
    <message>
        <source>Wish delivered</source>
        <translation>心愿送达</translation>
    </message>
    <message>
        <source>Yuan, e.g. 188</source>
        <translation>元，如 188</translation>
    </message>
    <message>
        <source>e.g. 镇康复用品店</source>
        <translation>如：镇康复用品店</translation>
    </message>
    <message>
        <source>Delivered on</source>
        <translation>送达日期</translation>
    </message>
    <message>
        <source>Amount spent (yuan)</source>
        <translation>实际花费（元）</translation>
    </message>
    <message>
        <source>Bought from</source>
        <translation>购买商家</translation>
    </message>
    <message>
        <source>What the money bought is paid out of the cash book.</source>
        <translation>用这笔钱购买的物品从现金账中支出。</translation>
    </message>
    <message>
        <source>The donated goods set aside for the wish leave stock to the household.</source>
        <translation>为该心愿预留的捐赠物资出库，发给该户。</translation>
    </message>
</context>
<context>
    <name>DistributionFormDialog</name>
    <message>
        <source>Cards handed out</source>
        <translation>发放登记</translation>
    </message>
    <message>
        <source>Policy</source>
        <translation>政策</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>村居</translation>
    </message>
    <message>
        <source>A household&apos;s own card: head&apos;s name, pinyin initials or phone tail</source>
        <translation>到户发放时填写：户主姓名、拼音首字母或电话尾号</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>服务对象户</translation>
    </message>
    <message>
        <source>— cards for the village, not one household —</source>
        <translation>— 按村居登记，不按户 —</translation>
    </message>
    <message>
        <source>Cards</source>
        <translation>张数</translation>
    </message>
    <message>
        <source>Handed out on</source>
        <translation>发放日期</translation>
    </message>
    <message>
        <source>Handed out by</source>
        <translation>发放人</translation>
    </message>
    <message>
        <source>A wrong entry is reversed from the list later, with a reason.</source>
        <translation>登记错了的，以后在列表中冲销并写明原因。</translation>
    </message>
</context>
<context>
    <name>DistributionTab</name>
    <message>
        <source>Record cards handed out…</source>
        <translation>发放登记…</translation>
    </message>
    <message>
        <source>Reverse…</source>
        <translation>冲销…</translation>
    </message>
    <message>
        <source>Reverses entry %1: %2</source>
        <translation>冲销第 %1 条：%2</translation>
    </message>
    <message>
        <source>Reversed by entry %1</source>
        <translation>已被第 %1 条冲销</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>村居</translation>
    </message>
    <message>
        <source>Policy</source>
        <translation>政策</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Cards</source>
        <translation>张数</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>户主</translation>
    </message>
    <message>
        <source>Handed out by</source>
        <translation>发放人</translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation>登记人</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>%1 entries, %2 cards</source>
        <translation>%1 条记录，共 %2 张</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Wrong village, counted twice …</source>
        <translation>村居登记错、重复登记……</translation>
    </message>
    <message>
        <source>Reverse entry %1</source>
        <translation>冲销第 %1 条</translation>
    </message>
</context>
<context>
    <name>DonationLinesDialog</name>
    <message>
        <source>Donation %1</source>
        <translation>捐赠 %1</translation>
    </message>
    <message>
        <source>%1 · %2 · received %3</source>
        <translation>%1 · %2 · %3 接收</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>物资</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Unit value</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>not valued</source>
        <translation>无法估值</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Expiry date</source>
        <translation>到期日期</translation>
    </message>
    <message>
        <source>Goods value ¥%1 · cash ¥%2 · total ¥%3</source>
        <translation>物资价值 ¥%1 · 现金 ¥%2 · 合计 ¥%3</translation>
    </message>
    <message>
        <source>purpose: %1</source>
        <translation>用途：%1</translation>
    </message>
    <message>
        <source>CANCELLED</source>
        <translation>已作废</translation>
    </message>
</context>
<context>
    <name>DonationsTab</name>
    <message>
        <source>Donor: name, initials or phone tail</source>
        <translation>捐赠方：名称、拼音首字母或电话尾号</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Receive donation…</source>
        <translation>接收捐赠…</translation>
    </message>
    <message>
        <source>Print acknowledgement</source>
        <translation>打印凭证</translation>
    </message>
    <message>
        <source>Reissue acknowledgement…</source>
        <translation>重开凭证…</translation>
    </message>
    <message>
        <source>Cancel donation…</source>
        <translation>作废捐赠…</translation>
    </message>
    <message>
        <source>Thank-you letters…</source>
        <translation>感谢信…</translation>
    </message>
    <message>
        <source>Acknowledgement register</source>
        <translation>凭证登记簿</translation>
    </message>
    <message>
        <source>Ack. no.</source>
        <translation>凭证号</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Donor</source>
        <translation>捐赠方</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Goods value</source>
        <translation>物资价值</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已作废</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>%1 (void)</source>
        <translation>%1（作废）</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Goods and cash</source>
        <translation>物资和现金</translation>
    </message>
    <message>
        <source>Goods</source>
        <translation>物资</translation>
    </message>
    <message>
        <source>%1 donations, total ¥%2</source>
        <translation>%1 笔捐赠，合计 ¥%2</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>Reissue acknowledgement</source>
        <translation>重开凭证</translation>
    </message>
    <message>
        <source>Acknowledgement %1 is voided (the number stays used) and a new number is issued.
Why (misprinted, torn, lost …)?</source>
        <translation>凭证 %1 将作废（该编号不再使用），并开具新编号。
原因（打印错误、撕坏、遗失……）？</translation>
    </message>
    <message>
        <source>The new number is %1. Print the acknowledgement now?</source>
        <translation>新编号为 %1。现在打印凭证吗？</translation>
    </message>
    <message>
        <source>Cancel donation</source>
        <translation>作废捐赠</translation>
    </message>
    <message>
        <source>Cancel the donation of %1 (acknowledgement %2)? Its goods and cash are reversed and its acknowledgement voided; it stays on file.
Why?</source>
        <translation>作废 %1 的捐赠（凭证 %2）吗？其物资和现金将冲销，凭证作废；记录仍保留。
原因？</translation>
    </message>
    <message>
        <source>Thank-you letters</source>
        <translation>感谢信</translation>
    </message>
    <message>
        <source>No donor (other than anonymous ones) gave in this period.</source>
        <translation>这段时间没有（匿名以外的）捐赠方捐赠。</translation>
    </message>
    <message>
        <source>Preparing the thank-you letters…</source>
        <translation>正在生成感谢信…</translation>
    </message>
</context>
<context>
    <name>DonorFormDialog</name>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Company, branch or person</source>
        <translation>单位、支部或个人</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>New donor</source>
        <translation>新捐赠方</translation>
    </message>
    <message>
        <source>Edit donor</source>
        <translation>编辑捐赠方</translation>
    </message>
</context>
<context>
    <name>DonorsTab</name>
    <message>
        <source>Name, pinyin initials or phone tail</source>
        <translation>名称、拼音首字母或电话尾号</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>Show inactive</source>
        <translation>显示已停用</translation>
    </message>
    <message>
        <source>New donor…</source>
        <translation>新捐赠方…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>在用</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Donations per donor in</source>
        <translation>各捐赠方捐赠合计，年份</translation>
    </message>
    <message>
        <source>Donor</source>
        <translation>捐赠方</translation>
    </message>
    <message>
        <source>Donations</source>
        <translation>捐赠笔数</translation>
    </message>
    <message>
        <source>Goods value</source>
        <translation>物资价值</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>%1 donors</source>
        <translation>%1 个捐赠方</translation>
    </message>
    <message>
        <source>%1 donations · goods ¥%2 · cash ¥%3 · total ¥%4</source>
        <translation>%1 笔捐赠 · 物资 ¥%2 · 现金 ¥%3 · 合计 ¥%4</translation>
    </message>
    <message>
        <source>Reactivate</source>
        <translation>重新启用</translation>
    </message>
    <message>
        <source>Deactivate donor</source>
        <translation>停用捐赠方</translation>
    </message>
    <message>
        <source>Hide %1 from the pick lists? Their donations stay on file.</source>
        <translation>在选择列表中隐藏“%1”吗？其捐赠记录仍保留。</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
</context>
<context>
    <name>EndPairingDialog</name>
    <message>
        <source>End the pairing</source>
        <translation>结束结对</translation>
    </message>
    <message>
        <source>e.g. 服务对象搬走</source>
        <translation>如：服务对象搬走</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Ended on</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>The pair&apos;s contacts stay on the household&apos;s file.</source>
        <translation>结对期间的联系记录仍保留在该户档案中。</translation>
    </message>
</context>
<context>
    <name>ExportLedgerDialog</name>
    <message>
        <source>Export the household ledger</source>
        <translation>导出服务对象台账</translation>
    </message>
    <message>
        <source>%1 households, as the list shows them now: %2</source>
        <translation>按列表当前的筛选导出 %1 户：%2</translation>
    </message>
    <message>
        <source>Full ID numbers and phones</source>
        <translation>导出完整的证件号码和电话</translation>
    </message>
    <message>
        <source>Numbers are masked unless you tick this; a full export is recorded in the audit log. Keep such a file safe.</source>
        <translation>不勾选时号码脱敏导出；导出完整号码会记入审计日志，请妥善保管该文件。</translation>
    </message>
</context>
<context>
    <name>ExportPeriodDialog</name>
    <message>
        <source>%1 (month)</source>
        <translation>%1 月</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>From</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>To</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>The start date is after the end date.</source>
        <translation>开始日期晚于结束日期。</translation>
    </message>
</context>
<context>
    <name>ExportStock</name>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>Written to %1</source>
        <translation>已保存到 %1</translation>
    </message>
    <message>
        <source>Export the monthly in/out ledger</source>
        <translation>导出物资出入库台账</translation>
    </message>
    <message>
        <source>Export the stock ledger</source>
        <translation>导出库存明细账</translation>
    </message>
    <message>
        <source>Export the donor totals</source>
        <translation>导出捐赠方统计</translation>
    </message>
</context>
<context>
    <name>FiguresTab</name>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>导出到 Excel…</translation>
    </message>
    <message>
        <source>activities held</source>
        <translation>已举办活动</translation>
    </message>
    <message>
        <source>person-times</source>
        <translation>服务人次</translation>
    </message>
    <message>
        <source>volunteer person-times</source>
        <translation>志愿服务人次</translation>
    </message>
    <message>
        <source>volunteer hours</source>
        <translation>志愿服务时长（小时）</translation>
    </message>
    <message>
        <source>goods used (yuan)</source>
        <translation>使用物资（元）</translation>
    </message>
    <message>
        <source>policy cards</source>
        <translation>政策明白卡（份）</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>活动类型</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>村居</translation>
    </message>
    <message>
        <source>(no village)</source>
        <translation>（未指定村居）</translation>
    </message>
    <message>
        <source>By kind</source>
        <translation>按类型</translation>
    </message>
    <message>
        <source>By month</source>
        <translation>按月份</translation>
    </message>
    <message>
        <source>By village</source>
        <translation>按村居</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>活动场次</translation>
    </message>
    <message>
        <source>People on file who came</source>
        <translation>到场建档人数</translation>
    </message>
    <message>
        <source>Person-times</source>
        <translation>服务人次</translation>
    </message>
    <message>
        <source>Micro-wishes placed %1 · adopted %2 · fulfilled %3 (worth %4 yuan) · cancelled %5 · average rating %6</source>
        <translation>微心愿：下单 %1 · 认领 %2 · 实现 %3（价值 %4 元）· 取消 %5 · 平均评分 %6</translation>
    </message>
    <message>
        <source>Export figures to Excel</source>
        <translation>导出统计到 Excel</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Writing the workbook…</source>
        <translation>正在写入工作簿…</translation>
    </message>
    <message>
        <source>%1 rows written to %2.</source>
        <translation>已写入 %1 行：%2。</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Welcome to Station Desk</source>
        <translation>欢迎使用站务通</translation>
    </message>
    <message>
        <source>This database is empty. Set up your station below, or load a demo station to try the program.</source>
        <translation>数据库是空的。请在下面设置您的社工站，或载入演示数据试用本程序。</translation>
    </message>
    <message>
        <source>Set up my station</source>
        <translation>设置我的社工站</translation>
    </message>
    <message>
        <source>e.g. 石滩镇第一社工服务站</source>
        <translation>例如：石滩镇第一社工服务站</translation>
    </message>
    <message>
        <source>e.g. 石滩镇</source>
        <translation>例如：石滩镇</translation>
    </message>
    <message>
        <source>One village or community per line</source>
        <translation>每行一个村居</translation>
    </message>
    <message>
        <source>Station name</source>
        <translation>社工站名称</translation>
    </message>
    <message>
        <source>Town or street</source>
        <translation>镇街</translation>
    </message>
    <message>
        <source>Villages</source>
        <translation>村居</translation>
    </message>
    <message>
        <source>Head&apos;s name</source>
        <translation>站长姓名</translation>
    </message>
    <message>
        <source>Head&apos;s username</source>
        <translation>站长用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <source>Load demo data</source>
        <translation>载入演示数据</translation>
    </message>
    <message>
        <source>Create station</source>
        <translation>创建社工站</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
</context>
<context>
    <name>FollowUpDialog</name>
    <message>
        <source>Follow-up</source>
        <translation>回访</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>How the person is doing now</source>
        <translation>服务对象目前的情况</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>回访情况</translation>
    </message>
    <message>
        <source>Another follow-up on</source>
        <translation>再次回访日期</translation>
    </message>
</context>
<context>
    <name>GiveOutDialog</name>
    <message>
        <source>Give out goods</source>
        <translation>物资发放</translation>
    </message>
    <message>
        <source>For</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>服务对象户</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>物资</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Can go out</source>
        <translation>可出库</translation>
    </message>
    <message>
        <source>Add a line</source>
        <translation>添加一行</translation>
    </message>
    <message>
        <source>Goods</source>
        <translation>物资</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Who collected the goods</source>
        <translation>领取物资的人</translation>
    </message>
    <message>
        <source>Collected by</source>
        <translation>领取人</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>单据号</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Reason (required)</source>
        <translation>原因（必填）</translation>
    </message>
    <message>
        <source>Chosen: %1, %2</source>
        <translation>已选：%1，%2</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>GoodsLines</name>
    <message>
        <source>Add goods</source>
        <translation>添加物资</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>%1 %2 available</source>
        <translation>可发 %1 %2</translation>
    </message>
</context>
<context>
    <name>HandOutCardsDialog</name>
    <message>
        <source>Hand out policy cards</source>
        <translation>发放政策明白卡</translation>
    </message>
    <message>
        <source>%1 (version %2)</source>
        <translation>%1（第 %2 版）</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>明白卡</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>份数</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>村居</translation>
    </message>
    <message>
        <source>Only published cards are listed. The cards go on the card ledger as handed out in the village.</source>
        <translation>只列出已发布的明白卡。发放记入明白卡台账，计入所选村居。</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>Home</source>
        <translation>首页</translation>
    </message>
    <message>
        <source>Villages and communities</source>
        <translation>村居</translation>
    </message>
    <message>
        <source>Social workers on duty</source>
        <translation>在岗社工</translation>
    </message>
    <message>
        <source>Last backup</source>
        <translation>最近备份</translation>
    </message>
    <message>
        <source>Households due for a visit</source>
        <translation>待走访户</translation>
    </message>
    <message>
        <source>Goods below their line</source>
        <translation>低于库存下限的物资</translation>
    </message>
    <message>
        <source>Cases due</source>
        <translation>个案待办</translation>
    </message>
    <message>
        <source>Hotline calls to handle</source>
        <translation>热线来电待处理</translation>
    </message>
    <message>
        <source>Pairs behind</source>
        <translation>结对未按期联系</translation>
    </message>
    <message>
        <source>Micro-wishes waiting</source>
        <translation>待认领微心愿</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <source>Open the sign-in kiosk</source>
        <translation>打开签到机</translation>
    </message>
    <message>
        <source>Done %1</source>
        <translation>完成 %1</translation>
    </message>
    <message>
        <source>Delivered %1</source>
        <translation>已发放 %1</translation>
    </message>
    <message>
        <source>%1 overdue</source>
        <translation>逾期 %1 户</translation>
    </message>
    <message>
        <source>Hello, %1</source>
        <translation>您好，%1</translation>
    </message>
    <message>
        <source>%1 villagers&apos; groups</source>
        <translation>%1 个村民小组</translation>
    </message>
    <message>
        <source>%1 active accounts</source>
        <translation>%1 个在用账号</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>PostgreSQL is backed up on the server</source>
        <translation>PostgreSQL 数据库在服务器上备份</translation>
    </message>
    <message>
        <source>None yet</source>
        <translation>尚无</translation>
    </message>
    <message>
        <source>Never backed up: back up now</source>
        <translation>从未备份，请立即备份</translation>
    </message>
    <message>
        <source>More than a day ago</source>
        <translation>超过一天前</translation>
    </message>
    <message>
        <source>Checked and kept</source>
        <translation>已校验并保存</translation>
    </message>
    <message>
        <source>%1 of them tier 1 · %2 open needs</source>
        <translation>其中一级 %1 户 · 待办诉求 %2 条</translation>
    </message>
    <message>
        <source>%1 expiring</source>
        <translation>%1 种临期或过期</translation>
    </message>
    <message>
        <source>%1 short for reservations</source>
        <translation>%1 种预留不足</translation>
    </message>
    <message>
        <source>All stocked</source>
        <translation>库存充足</translation>
    </message>
    <message>
        <source>Follow-up due / 30 days without service</source>
        <translation>回访到期 / 30 天未服务</translation>
    </message>
    <message>
        <source>Calls whose need is still new</source>
        <translation>来电诉求尚未处理</translation>
    </message>
    <message>
        <source>Not contacted as often as agreed</source>
        <translation>超过约定周期未联系</translation>
    </message>
    <message>
        <source>A donor could adopt · %1 adopted to deliver</source>
        <translation>可供认领 · 已认领待送达 %1 个</translation>
    </message>
    <message>
        <source>none assigned yet</source>
        <translation>尚未分配</translation>
    </message>
    <message>
        <source>My villages: %1</source>
        <translation>我负责的村：%1</translation>
    </message>
</context>
<context>
    <name>HotlinePage</name>
    <message>
        <source>Hotline &amp; needs</source>
        <translation>热线与诉求</translation>
    </message>
    <message>
        <source>Log a call</source>
        <translation>记录来电</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>来电记录</translation>
    </message>
    <message>
        <source>Needs</source>
        <translation>诉求</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>近 7 天</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>近 30 天</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>热线</translation>
    </message>
    <message>
        <source>All lines</source>
        <translation>全部热线</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Caller</source>
        <translation>来电人</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>号码</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>住户</translation>
    </message>
    <message>
        <source>Need</source>
        <translation>诉求</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>当场处理</translation>
    </message>
    <message>
        <source>Calls: %1, still open: %2</source>
        <translation>来电 %1 个，%2 个尚未处理</translation>
    </message>
    <message>
        <source>Resource linked…</source>
        <translation>已链接资源…</translation>
    </message>
    <message>
        <source>Whose need…</source>
        <translation>指定所属户…</translation>
    </message>
    <message>
        <source>Raised</source>
        <translation>提出时间</translation>
    </message>
    <message>
        <source>Logged by</source>
        <translation>登记人</translation>
    </message>
    <message>
        <source>Needs: %1</source>
        <translation>诉求 %1 条</translation>
    </message>
    <message>
        <source>Answered by</source>
        <translation>接听人</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>All channels</source>
        <translation>全部渠道</translation>
    </message>
    <message>
        <source>Any urgency</source>
        <translation>全部紧急程度</translation>
    </message>
    <message>
        <source>In progress…</source>
        <translation>处理中…</translation>
    </message>
    <message>
        <source>Resolved…</source>
        <translation>已解决…</translation>
    </message>
    <message>
        <source>Referred…</source>
        <translation>已转介…</translation>
    </message>
    <message>
        <source>Open a case…</source>
        <translation>转为个案…</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>村居</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>跟进</translation>
    </message>
    <message>
        <source>Need in progress</source>
        <translation>诉求处理中</translation>
    </message>
    <message>
        <source>Need resolved</source>
        <translation>诉求已解决</translation>
    </message>
    <message>
        <source>Need referred</source>
        <translation>诉求已转介</translation>
    </message>
    <message>
        <source>Need linked to a resource</source>
        <translation>诉求已链接资源</translation>
    </message>
    <message>
        <source>Who is doing what</source>
        <translation>谁在做什么</translation>
    </message>
    <message>
        <source>How it was resolved</source>
        <translation>如何解决的</translation>
    </message>
    <message>
        <source>Referred to whom, for what</source>
        <translation>转介给谁、为了什么</translation>
    </message>
    <message>
        <source>Which resource: a donor, a volunteer, a service</source>
        <translation>链接了什么资源：捐赠方、志愿者或服务</translation>
    </message>
    <message>
        <source>Follow-up note</source>
        <translation>跟进说明</translation>
    </message>
</context>
<context>
    <name>HouseholdFile</name>
    <message>
        <source>← Back to the list</source>
        <translation>← 返回列表</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Record visit</source>
        <translation>记录走访</translation>
    </message>
    <message>
        <source>Moved / closed…</source>
        <translation>注销/迁出…</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>重新启用</translation>
    </message>
    <message>
        <source>Show full numbers</source>
        <translation>显示完整号码</translation>
    </message>
    <message>
        <source>Print visit sheet</source>
        <translation>打印走访表</translation>
    </message>
    <message>
        <source>Open a case…</source>
        <translation>开案…</translation>
    </message>
    <message>
        <source>Registered on</source>
        <translation>登记日期</translation>
    </message>
    <message>
        <source>Taken off the list</source>
        <translation>注销情况</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Add member</source>
        <translation>添加成员</translation>
    </message>
    <message>
        <source>Edit member</source>
        <translation>编辑成员</translation>
    </message>
    <message>
        <source>Remove member…</source>
        <translation>删除成员…</translation>
    </message>
    <message>
        <source>%1 (age %2)</source>
        <translation>%1（%2 岁）</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Relation</source>
        <translation>关系</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Birthdate</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Disability</source>
        <translation>残疾情况</translation>
    </message>
    <message>
        <source>Chronic illness</source>
        <translation>慢性病</translation>
    </message>
    <message>
        <source>School or work</source>
        <translation>就学/就业</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>人员类别</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Visitors</source>
        <translation>走访人</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>情况摘要</translation>
    </message>
    <message>
        <source>Next action</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Needs heard</source>
        <translation>群众诉求</translation>
    </message>
    <message>
        <source>Follow up…</source>
        <translation>跟进…</translation>
    </message>
    <message>
        <source>Make it a case…</source>
        <translation>转为个案…</translation>
    </message>
    <message>
        <source>Raised on</source>
        <translation>提出日期</translation>
    </message>
    <message>
        <source>From</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Need</source>
        <translation>诉求</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>跟进情况</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>开案日期</translation>
    </message>
    <message>
        <source>For</source>
        <translation>服务对象</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Social worker</source>
        <translation>负责社工</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>主要问题</translation>
    </message>
    <message>
        <source>Open the case file</source>
        <translation>打开个案档案</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未走访</translation>
    </message>
    <message>
        <source>Members (%1)</source>
        <translation>成员（%1）</translation>
    </message>
    <message>
        <source>Visits (%1)</source>
        <translation>走访记录（%1）</translation>
    </message>
    <message>
        <source>Needs (%1 open)</source>
        <translation>群众诉求（待办 %1）</translation>
    </message>
    <message>
        <source>Cases (%1)</source>
        <translation>个案（%1）</translation>
    </message>
    <message>
        <source>Hide full numbers</source>
        <translation>隐藏完整号码</translation>
    </message>
    <message>
        <source>Full numbers shown; this was recorded in the audit log.</source>
        <translation>已显示完整号码，并已记入审计日志。</translation>
    </message>
    <message>
        <source>Remove %1 from the household</source>
        <translation>从本户删除 %1</translation>
    </message>
    <message>
        <source>Why (entered by mistake, …)</source>
        <translation>原因（如录入错误）</translation>
    </message>
    <message>
        <source>Reopen %1</source>
        <translation>重新启用：%1</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>What was done</source>
        <translation>跟进情况</translation>
    </message>
    <message>
        <source>Follow up: %1</source>
        <translation>跟进：%1</translation>
    </message>
</context>
<context>
    <name>HouseholdFormDialog</name>
    <message>
        <source>Household of %1</source>
        <translation>编辑户档：%1</translation>
    </message>
    <message>
        <source>New household</source>
        <translation>新增户</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>户信息</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>成员</translation>
    </message>
    <message>
        <source>(no tier)</source>
        <translation>（未分级）</translation>
    </message>
    <message>
        <source>Head of household</source>
        <translation>户主姓名</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>村居</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>分级</translation>
    </message>
    <message>
        <source>Social worker</source>
        <translation>责任社工</translation>
    </message>
    <message>
        <source>Registered on</source>
        <translation>登记日期</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>人员类别</translation>
    </message>
    <message>
        <source>The village&apos;s (%1)</source>
        <translation>随村居（%1）</translation>
    </message>
    <message>
        <source>The village&apos;s (none yet)</source>
        <translation>随村居（尚未分配）</translation>
    </message>
    <message>
        <source>%1 (not active)</source>
        <translation>%1（已停用）</translation>
    </message>
    <message>
        <source>Shown masked: left as it is, the number on file is kept. Type a new number to change it.</source>
        <translation>号码脱敏显示：不改动则保留原号码，输入新号码即可更改。</translation>
    </message>
    <message>
        <source>Add member</source>
        <translation>添加成员</translation>
    </message>
    <message>
        <source>Remove member</source>
        <translation>删除成员</translation>
    </message>
    <message>
        <source>Members (%1)</source>
        <translation>成员（%1）</translation>
    </message>
    <message>
        <source>Member %1: %2</source>
        <translation>第 %1 位成员：%2</translation>
    </message>
</context>
<context>
    <name>HouseholdLabels</name>
    <message>
        <source>%1, late by %2 d</source>
        <translation>%1 逾期 %2 天</translation>
    </message>
    <message>
        <source>%1 (today)</source>
        <translation>%1（今天）</translation>
    </message>
    <message>
        <source>Due today</source>
        <translation>今天到期</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 天</translation>
    </message>
    <message>
        <source>Head</source>
        <translation>户主</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>村居</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>人员类别</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>分级</translation>
    </message>
    <message>
        <source>Worker</source>
        <translation>责任社工</translation>
    </message>
    <message>
        <source>Last visit</source>
        <translation>最近走访</translation>
    </message>
    <message>
        <source>Next visit</source>
        <translation>下次走访</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未走访</translation>
    </message>
</context>
<context>
    <name>HouseholdPicker</name>
    <message>
        <source>Head&apos;s name, pinyin initials, ID or phone tail</source>
        <translation>户主姓名、拼音首字母、身份证号或电话尾号</translation>
    </message>
    <message>
        <source>Head of household</source>
        <translation>户主</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>村居</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>人员类别</translation>
    </message>
    <message>
        <source>Social worker</source>
        <translation>负责社工</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1，%2</translation>
    </message>
    <message>
        <source>The whole household</source>
        <translation>全户</translation>
    </message>
</context>
<context>
    <name>HouseholdsPage</name>
    <message>
        <source>Households</source>
        <translation>服务对象</translation>
    </message>
    <message>
        <source>Households on file</source>
        <translation>户档</translation>
    </message>
    <message>
        <source>Due for a visit</source>
        <translation>待走访</translation>
    </message>
    <message>
        <source>Name, pinyin initials, ID or phone tail, address</source>
        <translation>姓名、拼音首字母、证件或电话尾号、地址</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Overdue only</source>
        <translation>只看逾期</translation>
    </message>
    <message>
        <source>New household</source>
        <translation>新增户</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Record visit</source>
        <translation>记录走访</translation>
    </message>
    <message>
        <source>Open file</source>
        <translation>打开户档</translation>
    </message>
    <message>
        <source>Print visit sheets</source>
        <translation>打印走访表</translation>
    </message>
    <message>
        <source>Export ledger…</source>
        <translation>导出台账…</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>%1 households</source>
        <translation>共 %1 户</translation>
    </message>
    <message>
        <source>Print visit sheets (%1)</source>
        <translation>打印走访表（%1 户）</translation>
    </message>
    <message>
        <source>search “%1”</source>
        <translation>搜索“%1”</translation>
    </message>
    <message>
        <source>Social worker</source>
        <translation>社工</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>村居</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未走访</translation>
    </message>
    <message>
        <source>Due on</source>
        <translation>应走访日期</translation>
    </message>
    <message>
        <source>%1 households due</source>
        <translation>待走访 %1 户</translation>
    </message>
    <message>
        <source>All villages</source>
        <translation>全部村居</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>All tiers</source>
        <translation>全部分级</translation>
    </message>
    <message>
        <source>All social workers</source>
        <translation>全部社工</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>全部社工</translation>
    </message>
    <message>
        <source>%1&apos;s household (%2)</source>
        <translation>%1户（%2）</translation>
    </message>
    <message>
        <source>Preparing visit sheets…</source>
        <translation>正在生成走访表…</translation>
    </message>
    <message>
        <source>Visit sheets</source>
        <translation>入户走访登记表</translation>
    </message>
    <message>
        <source>Household ledger</source>
        <translation>服务对象台账</translation>
    </message>
    <message>
        <source>Export the household ledger</source>
        <translation>导出服务对象台账</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Exporting the ledger…</source>
        <translation>正在导出台账…</translation>
    </message>
    <message>
        <source>%1 households written to %2</source>
        <translation>已导出 %1 户到 %2</translation>
    </message>
</context>
<context>
    <name>ImportHouseholdsDialog</name>
    <message>
        <source>Import households from Excel or CSV</source>
        <translation>从 Excel 或 CSV 导入服务对象</translation>
    </message>
    <message>
        <source>&lt; Back</source>
        <translation>&lt; 上一步</translation>
    </message>
    <message>
        <source>Next &gt;</source>
        <translation>下一步 &gt;</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>(not imported)</source>
        <translation>（不导入）</translation>
    </message>
    <message>
        <source>Row number (not imported)</source>
        <translation>序号（不导入）</translation>
    </message>
    <message>
        <source>Head of household</source>
        <translation>户主姓名</translation>
    </message>
    <message>
        <source>Name of the person on the row</source>
        <translation>本行人员姓名</translation>
    </message>
    <message>
        <source>Relation to the head</source>
        <translation>与户主关系</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号码</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Birthdate</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>所属村(社区)</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>家庭住址</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>人员类别</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>分级</translation>
    </message>
    <message>
        <source>Social worker</source>
        <translation>责任社工</translation>
    </message>
    <message>
        <source>Registered on</source>
        <translation>登记时间</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Disability type and grade</source>
        <translation>残疾类别及等级</translation>
    </message>
    <message>
        <source>Disability type</source>
        <translation>残疾类别</translation>
    </message>
    <message>
        <source>Disability grade</source>
        <translation>残疾等级</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>身体情况</translation>
    </message>
    <message>
        <source>Chronic illness</source>
        <translation>慢性病</translation>
    </message>
    <message>
        <source>School or work</source>
        <translation>就学或工作</translation>
    </message>
    <message>
        <source>Head&apos;s ID number</source>
        <translation>户主身份证号码</translation>
    </message>
    <message>
        <source>Head&apos;s gender</source>
        <translation>户主性别</translation>
    </message>
    <message>
        <source>Head&apos;s birthdate</source>
        <translation>户主出生日期</translation>
    </message>
    <message>
        <source>Head&apos;s phone</source>
        <translation>户主联系电话</translation>
    </message>
    <message>
        <source>1 File and sheet</source>
        <translation>1 文件和工作表</translation>
    </message>
    <message>
        <source>2 Columns</source>
        <translation>2 对应列</translation>
    </message>
    <message>
        <source>3 Check and import</source>
        <translation>3 检查并导入</translation>
    </message>
    <message>
        <source>Check &gt;</source>
        <translation>检查 &gt;</translation>
    </message>
    <message>
        <source>Choose a file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <source>No file chosen yet: .xlsx, .xls, .ods or .csv</source>
        <translation>尚未选择文件：可用 .xlsx、.xls、.ods 或 .csv</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <source>Choose a household ledger</source>
        <translation>选择服务对象台账</translation>
    </message>
    <message>
        <source>Ledgers (*.xlsx *.xls *.ods *.csv);;All files (*)</source>
        <translation>台账 (*.xlsx *.xls *.ods *.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <source>row %1</source>
        <translation>第 %1 行</translation>
    </message>
    <message>
        <source>rows %1–%2</source>
        <translation>第 %1–%2 行</translation>
    </message>
    <message>
        <source>Header found in %1: %2 columns will be imported. Shaded rows are the header; grey columns are not imported. Check the columns in the next step.</source>
        <translation>表头在%1：将导入 %2 列。底色标出的是表头；灰色的列不导入。下一步可核对各列。</translation>
    </message>
    <message>
        <source>Each column of the file and what it is imported as. On a head&apos;s row, phone, categories and notes are the household&apos;s; on a member&apos;s row, the member&apos;s. Empty cells keep what is on file.</source>
        <translation>表中每一列及其导入为的内容。户主所在行的联系电话、人员类别和备注属于该户；成员所在行的属于该成员。空白单元格保留档案中原有的内容。</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Header in the file</source>
        <translation>表中的列名</translation>
    </message>
    <message>
        <source>First value</source>
        <translation>第一个值</translation>
    </message>
    <message>
        <source>Imported as</source>
        <translation>导入为</translation>
    </message>
    <message>
        <source>Choose a file first.</source>
        <translation>请先选择文件。</translation>
    </message>
    <message>
        <source>One column must hold the head&apos;s name or the person&apos;s name.</source>
        <translation>必须有一列是户主姓名或人员姓名。</translation>
    </message>
    <message>
        <source>Each field can come from one column only: %1</source>
        <translation>每项内容只能来自一列：%1</translation>
    </message>
    <message>
        <source>Checking the ledger…</source>
        <translation>正在检查台账…</translation>
    </message>
    <message>
        <source>The check was cancelled; nothing was imported.</source>
        <translation>检查已取消，没有导入任何数据。</translation>
    </message>
    <message>
        <source>Importing the ledger…</source>
        <translation>正在导入台账…</translation>
    </message>
</context>
<context>
    <name>ImportStockDialog</name>
    <message>
        <source>Import opening stock from Excel or CSV</source>
        <translation>从 Excel 或 CSV 导入期初库存</translation>
    </message>
    <message>
        <source>Opening date</source>
        <translation>期初日期</translation>
    </message>
    <message>
        <source>Choose a stock sheet with at least the item name (物资名称) and the quantity (数量). Items not in the catalogue are created from the row&apos;s category and unit. The whole file is checked before anything is imported.</source>
        <translation>请选择库存表，至少要有“物资名称”和“数量”两列。目录中没有的物资按该行的类别和单位新建。导入前会先检查整个文件。</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>物资</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Unit value</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>到期日期</translation>
    </message>
    <message>
        <source>Storeroom</source>
        <translation>库房</translation>
    </message>
    <message>
        <source>New item</source>
        <translation>新物资</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>Columns imported: %1</source>
        <translation>导入的列：%1</translation>
    </message>
    <message>
        <source>Choose a stock sheet</source>
        <translation>选择库存表</translation>
    </message>
    <message>
        <source>Sheets (*.xlsx *.xls *.ods *.csv);;All files (*)</source>
        <translation>表格文件 (*.xlsx *.xls *.ods *.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Checking %1…</source>
        <translation>正在检查 %1…</translation>
    </message>
    <message>
        <source>Checking the stock sheet…</source>
        <translation>正在检查库存表…</translation>
    </message>
    <message>
        <source>The check was cancelled; nothing was imported.</source>
        <translation>检查已取消，没有导入任何数据。</translation>
    </message>
    <message>
        <source>Importing the opening stock…</source>
        <translation>正在导入期初库存…</translation>
    </message>
</context>
<context>
    <name>ImportVolunteersDialog</name>
    <message>
        <source>Import volunteers from Excel or CSV</source>
        <translation>从 Excel 或 CSV 导入志愿者</translation>
    </message>
    <message>
        <source>Choose a file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <source>No file chosen yet: .xlsx, .xls, .ods or .csv</source>
        <translation>尚未选择文件：可用 .xlsx、.xls、.ods 或 .csv</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <source>Choose a volunteer roster. Its header is found by itself; the whole file is checked before anything is imported.</source>
        <translation>请选择志愿者花名册。表头会自动识别；导入前会先检查整个文件。</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Columns imported: %1</source>
        <translation>导入的列：%1</translation>
    </message>
    <message>
        <source>Choose a volunteer roster</source>
        <translation>选择志愿者花名册</translation>
    </message>
    <message>
        <source>Rosters (*.xlsx *.xls *.ods *.csv);;All files (*)</source>
        <translation>花名册 (*.xlsx *.xls *.ods *.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Checking %1…</source>
        <translation>正在检查 %1…</translation>
    </message>
    <message>
        <source>Checking the roster…</source>
        <translation>正在检查花名册…</translation>
    </message>
    <message>
        <source>The check was cancelled; nothing was imported.</source>
        <translation>检查已取消，没有导入任何数据。</translation>
    </message>
    <message>
        <source>Importing the volunteers…</source>
        <translation>正在导入志愿者…</translation>
    </message>
</context>
<context>
    <name>InventoryPage</name>
    <message>
        <source>Inventory</source>
        <translation>物资</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <source>Stock movements</source>
        <translation>出入库记录</translation>
    </message>
    <message>
        <source>Donations</source>
        <translation>捐赠</translation>
    </message>
    <message>
        <source>Donors</source>
        <translation>捐赠方</translation>
    </message>
    <message>
        <source>Cash book</source>
        <translation>现金账</translation>
    </message>
    <message>
        <source>Catalogue</source>
        <translation>物资目录</translation>
    </message>
</context>
<context>
    <name>ItemFormDialog</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>e.g. 大米</source>
        <translation>如 大米</translation>
    </message>
    <message>
        <source>Specification</source>
        <translation>规格</translation>
    </message>
    <message>
        <source>e.g. 10kg, 5L</source>
        <translation>如 10kg、5L</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Carries an expiry date</source>
        <translation>有保质期</translation>
    </message>
    <message>
        <source>Low-stock line (0: none)</source>
        <translation>库存下限（0 表示不设）</translation>
    </message>
    <message>
        <source>New unit value (yuan)</source>
        <translation>新单价（元）</translation>
    </message>
    <message>
        <source>Leave empty to keep the value</source>
        <translation>留空则单价不变</translation>
    </message>
    <message>
        <source>Value from (YYYY-MM-DD)</source>
        <translation>单价起始日期（YYYY-MM-DD）</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>在用</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>New item</source>
        <translation>新物资</translation>
    </message>
    <message>
        <source>Edit item</source>
        <translation>编辑物资</translation>
    </message>
    <message>
        <source>Unit values so far: %1</source>
        <translation>历史单价：%1</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <source>Volunteer sign-in</source>
        <translation>志愿者签到</translation>
    </message>
    <message>
        <source>Type the last four digits of your mobile, or scan your volunteer card</source>
        <translation>请输入手机号后四位，或扫描志愿者证二维码</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>Which one is you?</source>
        <translation>请选择您的名字</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Touch the screen or press any key to go back</source>
        <translation>轻触屏幕或按任意键返回</translation>
    </message>
    <message>
        <source>Staff: close the sign-in kiosk</source>
        <translation>工作人员退出签到机</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Close the kiosk</source>
        <translation>退出签到机</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>签到成功</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>签退成功</translation>
    </message>
    <message>
        <source>Already recorded</source>
        <translation>已登记</translation>
    </message>
    <message>
        <source>Walk-in (not on the roster)</source>
        <translation>临时到站（未排班）</translation>
    </message>
    <message>
        <source>Service time: %1 hours</source>
        <translation>本次服务 %1 小时</translation>
    </message>
    <message>
        <source>You were recorded a moment ago; there is no need to do it again.</source>
        <translation>刚才已经登记过了，不用重复登记。</translation>
    </message>
    <message>
        <source>Your last visit was not signed out: it was closed automatically and the front desk will check it.</source>
        <translation>您上次没有签退，系统已自动结束那次记录，工作人员会核对。</translation>
    </message>
    <message>
        <source>Please type all four last digits of your mobile.</source>
        <translation>请输入完整的手机号后四位。</translation>
    </message>
    <message>
        <source>Not found. Please ask at the front desk.</source>
        <translation>没有找到，请到前台咨询。</translation>
    </message>
    <message>
        <source>This card is not valid. Please ask at the front desk.</source>
        <translation>此卡无效，请到前台咨询。</translation>
    </message>
    <message>
        <source>Something went wrong. Please sign in at the front desk.</source>
        <translation>系统出了点问题，请到前台登记。</translation>
    </message>
    <message>
        <source>dddd, d MMMM  HH:mm</source>
        <translation>M月d日 dddd  HH:mm</translation>
    </message>
    <message>
        <source>Only a head, social worker or front-desk account can close the kiosk.</source>
        <translation>只有站长、社工或前台的账号可以退出签到机。</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>On file</source>
        <translation>在册</translation>
    </message>
    <message>
        <source>Moved away</source>
        <translation>迁出</translation>
    </message>
    <message>
        <source>Deceased</source>
        <translation>死亡</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>注销</translation>
    </message>
    <message>
        <source>Living here</source>
        <translation>在户</translation>
    </message>
    <message>
        <source>Moved out</source>
        <translation>已迁出</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>Routine visit</source>
        <translation>常规走访</translation>
    </message>
    <message>
        <source>Holiday visit</source>
        <translation>节日慰问</translation>
    </message>
    <message>
        <source>Home-visit day</source>
        <translation>家访日</translation>
    </message>
    <message>
        <source>Hotline follow-up</source>
        <translation>热线回访</translation>
    </message>
    <message>
        <source>Pairing contact</source>
        <translation>结对联系</translation>
    </message>
    <message>
        <source>Visited</source>
        <translation>已走访</translation>
    </message>
    <message>
        <source>Nobody home</source>
        <translation>不在家</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>拒访</translation>
    </message>
    <message>
        <source>Has moved away</source>
        <translation>已搬离</translation>
    </message>
    <message>
        <source>Died</source>
        <translation>去世</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>走访</translation>
    </message>
    <message>
        <source>Hotline</source>
        <translation>热线</translation>
    </message>
    <message>
        <source>Walk-in</source>
        <translation>来访</translation>
    </message>
    <message>
        <source>Village report</source>
        <translation>村居反映</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>转介</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>低</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>一般</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新提出</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>处理中</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <source>Referred</source>
        <translation>已转介</translation>
    </message>
    <message>
        <source>Linked to a resource</source>
        <translation>已链接资源</translation>
    </message>
    <message>
        <source>Made a case</source>
        <translation>已转个案</translation>
    </message>
    <message>
        <source>Station head</source>
        <translation>站长</translation>
    </message>
    <message>
        <source>Social worker</source>
        <translation>社工</translation>
    </message>
    <message>
        <source>Front desk</source>
        <translation>前台</translation>
    </message>
    <message>
        <source>Kiosk</source>
        <translation>自助终端</translation>
    </message>
    <message>
        <source>Town</source>
        <translation>镇街</translation>
    </message>
    <message>
        <source>Village / community</source>
        <translation>村居</translation>
    </message>
    <message>
        <source>Villagers&apos; group</source>
        <translation>村民小组</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Donation in</source>
        <translation>捐赠入库</translation>
    </message>
    <message>
        <source>Purchase in</source>
        <translation>采购入库</translation>
    </message>
    <message>
        <source>Transfer in</source>
        <translation>调拨入库</translation>
    </message>
    <message>
        <source>Opening stock</source>
        <translation>期初库存</translation>
    </message>
    <message>
        <source>Given to household</source>
        <translation>发放到户</translation>
    </message>
    <message>
        <source>Holiday visit gifts</source>
        <translation>慰问发放</translation>
    </message>
    <message>
        <source>Used for activity</source>
        <translation>活动领用</translation>
    </message>
    <message>
        <source>Micro-wish</source>
        <translation>微心愿</translation>
    </message>
    <message>
        <source>Other issue</source>
        <translation>其他领用</translation>
    </message>
    <message>
        <source>Damaged / lost</source>
        <translation>报损</translation>
    </message>
    <message>
        <source>Expired, written off</source>
        <translation>过期报废</translation>
    </message>
    <message>
        <source>Storeroom transfer</source>
        <translation>库房调拨</translation>
    </message>
    <message>
        <source>Count adjustment</source>
        <translation>盘点调整</translation>
    </message>
    <message>
        <source>Reversal</source>
        <translation>冲销</translation>
    </message>
    <message>
        <source>Cash donation</source>
        <translation>捐赠收入</translation>
    </message>
    <message>
        <source>Other income</source>
        <translation>其他收入</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>支出</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Party branch / public body</source>
        <translation>党支部·机关单位</translation>
    </message>
    <message>
        <source>Charity</source>
        <translation>慈善组织</translation>
    </message>
    <message>
        <source>Community charity fund</source>
        <translation>社区慈善基金</translation>
    </message>
    <message>
        <source>Individual</source>
        <translation>个人</translation>
    </message>
    <message>
        <source>Anonymous</source>
        <translation>匿名</translation>
    </message>
    <message>
        <source>To visit</source>
        <translation>待走访</translation>
    </message>
    <message>
        <source>Has moved out</source>
        <translation>已迁出</translation>
    </message>
    <message>
        <source>Has died</source>
        <translation>已去世</translation>
    </message>
    <message>
        <source>Taken off the list</source>
        <translation>已移出</translation>
    </message>
    <message>
        <source>Under way</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>New Year&apos;s Day</source>
        <translation>元旦</translation>
    </message>
    <message>
        <source>Spring Festival</source>
        <translation>春节</translation>
    </message>
    <message>
        <source>Lantern Festival</source>
        <translation>元宵</translation>
    </message>
    <message>
        <source>Children&apos;s Day</source>
        <translation>六一</translation>
    </message>
    <message>
        <source>Dragon Boat Festival</source>
        <translation>端午</translation>
    </message>
    <message>
        <source>Mid-Autumn Festival</source>
        <translation>中秋</translation>
    </message>
    <message>
        <source>National Day</source>
        <translation>国庆</translation>
    </message>
    <message>
        <source>Double Ninth Festival</source>
        <translation>重阳</translation>
    </message>
    <message>
        <source>Intake</source>
        <translation>接案</translation>
    </message>
    <message>
        <source>Assessment</source>
        <translation>预估</translation>
    </message>
    <message>
        <source>Planning</source>
        <translation>计划</translation>
    </message>
    <message>
        <source>Intervention</source>
        <translation>介入</translation>
    </message>
    <message>
        <source>Evaluation</source>
        <translation>评估</translation>
    </message>
    <message>
        <source>Case closed</source>
        <translation>结案</translation>
    </message>
    <message>
        <source>Found on a home visit</source>
        <translation>入户走访发现</translation>
    </message>
    <message>
        <source>Asked for help</source>
        <translation>主动求助</translation>
    </message>
    <message>
        <source>Reported by the village</source>
        <translation>村居上报</translation>
    </message>
    <message>
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>中</translation>
    </message>
    <message>
        <source>Daily care</source>
        <translation>生活照顾</translation>
    </message>
    <message>
        <source>Counselling</source>
        <translation>心理疏导</translation>
    </message>
    <message>
        <source>Medical help</source>
        <translation>助医</translation>
    </message>
    <message>
        <source>Linking resources</source>
        <translation>资源链接</translation>
    </message>
    <message>
        <source>Social integration</source>
        <translation>社会融入</translation>
    </message>
    <message>
        <source>Building skills</source>
        <translation>能力提升</translation>
    </message>
    <message>
        <source>Policy applications</source>
        <translation>政策申请</translation>
    </message>
    <message>
        <source>Schooling</source>
        <translation>就学</translation>
    </message>
    <message>
        <source>Interview</source>
        <translation>面谈</translation>
    </message>
    <message>
        <source>Phone call</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Home visit</source>
        <translation>入户</translation>
    </message>
    <message>
        <source>Accompanied</source>
        <translation>陪同</translation>
    </message>
    <message>
        <source>Linked resources</source>
        <translation>链接资源</translation>
    </message>
    <message>
        <source>Group work</source>
        <translation>小组</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>已受理</translation>
    </message>
    <message>
        <source>Not resolved</source>
        <translation>未解决</translation>
    </message>
    <message>
        <source>Goals met</source>
        <translation>已达成</translation>
    </message>
    <message>
        <source>Partly met</source>
        <translation>部分达成</translation>
    </message>
    <message>
        <source>Not met</source>
        <translation>未达成</translation>
    </message>
    <message>
        <source>Group activity</source>
        <translation>小组活动</translation>
    </message>
    <message>
        <source>Community activity</source>
        <translation>社区活动</translation>
    </message>
    <message>
        <source>Policy outreach</source>
        <translation>政策宣传</translation>
    </message>
    <message>
        <source>Volunteer activity</source>
        <translation>志愿服务活动</translation>
    </message>
    <message>
        <source>Festival activity</source>
        <translation>节日活动</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>培训</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>计划中</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>已举办</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Volunteer</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <source>Volunteer team</source>
        <translation>志愿服务队</translation>
    </message>
    <message>
        <source>Partner unit</source>
        <translation>结对单位</translation>
    </message>
    <message>
        <source>At an activity</source>
        <translation>活动中见面</translation>
    </message>
    <message>
        <source>Placed</source>
        <translation>已下单</translation>
    </message>
    <message>
        <source>Taken on</source>
        <translation>已接单</translation>
    </message>
    <message>
        <source>Adopted</source>
        <translation>已认领</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>已送达</translation>
    </message>
    <message>
        <source>Rated</source>
        <translation>已评价</translation>
    </message>
    <message>
        <source>Goods</source>
        <translation>物品</translation>
    </message>
    <message>
        <source>Money</source>
        <translation>现金</translation>
    </message>
</context>
<context>
    <name>ListTab</name>
    <message>
        <source>The wish, alias or village</source>
        <translation>心愿内容、称呼或村居</translation>
    </message>
    <message>
        <source>Every status</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Place a wish…</source>
        <translation>登记心愿（下单）…</translation>
    </message>
    <message>
        <source>Take on</source>
        <translation>接单</translation>
    </message>
    <message>
        <source>Adopt…</source>
        <translation>认领（买单）…</translation>
    </message>
    <message>
        <source>Delivered…</source>
        <translation>送达…</translation>
    </message>
    <message>
        <source>Rate…</source>
        <translation>评价（评单）…</translation>
    </message>
    <message>
        <source>Cancel wish…</source>
        <translation>取消心愿…</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Placed</source>
        <translation>下单日期</translation>
    </message>
    <message>
        <source>Alias</source>
        <translation>称呼</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>户主</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>村居</translation>
    </message>
    <message>
        <source>The wish</source>
        <translation>心愿</translation>
    </message>
    <message>
        <source>Estimated</source>
        <translation>估价</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Social worker</source>
        <translation>接单社工</translation>
    </message>
    <message>
        <source>Donor</source>
        <translation>认领人</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>送达日期</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>评分</translation>
    </message>
    <message>
        <source>Client&apos;s words</source>
        <translation>服务对象评价</translation>
    </message>
    <message>
        <source>%1 wishes</source>
        <translation>共 %1 个心愿</translation>
    </message>
    <message>
        <source>This year: %1 placed · %2 adopted · %3 fulfilled · average rating %4</source>
        <translation>今年：下单 %1 个 · 已认领 %2 个 · 已实现 %3 个 · 平均评分 %4</translation>
    </message>
    <message>
        <source>Choose a wish to see why it is wished for.</source>
        <translation>选中一个心愿，可在这里看到心愿缘由和照片。</translation>
    </message>
    <message>
        <source>Why: %1</source>
        <translation>心愿缘由：%1</translation>
    </message>
    <message>
        <source>The client said: %1</source>
        <translation>服务对象评价：%1</translation>
    </message>
</context>
<context>
    <name>LogContactDialog</name>
    <message>
        <source>Log a contact</source>
        <translation>记录联系</translation>
    </message>
    <message>
        <source>What was done and said</source>
        <translation>做了什么、谈了什么</translation>
    </message>
    <message>
        <source>One need per line</source>
        <translation>每行一条诉求</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>联系日期</translation>
    </message>
    <message>
        <source>Way</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>情况记录</translation>
    </message>
    <message>
        <source>Needs heard</source>
        <translation>了解到的诉求</translation>
    </message>
    <message>
        <source>The contact goes on the household&apos;s file as a pairing visit; the needs heard go on its needs list.</source>
        <translation>这次联系作为结对走访记入该户档案；了解到的诉求记入其诉求清单。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Station Desk</source>
        <translation>站务通</translation>
    </message>
    <message>
        <source>The automatic backup failed: %1</source>
        <translation>自动备份失败：%1</translation>
    </message>
    <message>
        <source>Backed up and checked: %1</source>
        <translation>已备份并校验：%1</translation>
    </message>
</context>
<context>
    <name>MemberEditor</name>
    <message>
        <source>18 characters; gives the birthdate and gender</source>
        <translation>18 位，自动得出出生日期和性别</translation>
    </message>
    <message>
        <source>(not given)</source>
        <translation>（未填）</translation>
    </message>
    <message>
        <source>e.g. 1950-03-07</source>
        <translation>如 1950-03-07</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Relation to the head</source>
        <translation>与户主关系</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Birthdate</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Disability</source>
        <translation>残疾类别</translation>
    </message>
    <message>
        <source>Disability grade</source>
        <translation>残疾等级</translation>
    </message>
    <message>
        <source>Chronic illness</source>
        <translation>慢性病</translation>
    </message>
    <message>
        <source>School or work</source>
        <translation>就学/就业</translation>
    </message>
    <message>
        <source>Living here?</source>
        <translation>在户状态</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>人员类别</translation>
    </message>
    <message>
        <source>The head&apos;s name is typed above, as the household&apos;s</source>
        <translation>户主姓名在“户信息”页填写</translation>
    </message>
    <message>
        <source>%1 of 18 characters</source>
        <translation>已输入 %1/18 位</translation>
    </message>
    <message>
        <source>Not as typed: %1, %2</source>
        <translation>与填写的不符：%1，%2</translation>
    </message>
    <message>
        <source>Born %1, %2</source>
        <translation>出生 %1，%2</translation>
    </message>
    <message>
        <source>%1, age %2</source>
        <translation>%1，%2 岁</translation>
    </message>
    <message>
        <source>Must have 18 characters</source>
        <translation>应为 18 位</translation>
    </message>
    <message>
        <source>Check digit is wrong</source>
        <translation>校验位不对</translation>
    </message>
    <message>
        <source>No valid birthdate in it</source>
        <translation>其中的出生日期无效</translation>
    </message>
    <message>
        <source>No valid province code</source>
        <translation>省份代码无效</translation>
    </message>
    <message>
        <source>Old 15-digit number: use the 18-digit one</source>
        <translation>15 位旧号码，请用 18 位新号码</translation>
    </message>
    <message>
        <source>Last digits lost by Excel</source>
        <translation>末几位已被 Excel 丢失</translation>
    </message>
    <message>
        <source>Not a valid ID number</source>
        <translation>不是有效的身份证号</translation>
    </message>
</context>
<context>
    <name>MemberFormDialog</name>
    <message>
        <source>Change member %1</source>
        <translation>编辑成员：%1</translation>
    </message>
    <message>
        <source>Add a member</source>
        <translation>添加成员</translation>
    </message>
    <message>
        <source>Masked numbers are kept as they are on file unless you type over them.</source>
        <translation>脱敏显示的号码不改动则保留原号码。</translation>
    </message>
</context>
<context>
    <name>MembersModel</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Relation</source>
        <translation>关系</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Birthdate</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
</context>
<context>
    <name>MovementsTab</name>
    <message>
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Reverse…</source>
        <translation>冲销…</translation>
    </message>
    <message>
        <source>Export to Excel</source>
        <translation>导出 Excel</translation>
    </message>
    <message>
        <source>Stock ledger…</source>
        <translation>库存明细账…</translation>
    </message>
    <message>
        <source>Monthly in/out ledger…</source>
        <translation>月度物资出入库台账…</translation>
    </message>
    <message>
        <source>Print sign-off sheet</source>
        <translation>打印领取签收表</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Voucher</source>
        <translation>单号</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>物资</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Unit value</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Donor / recipient</source>
        <translation>捐赠方/领取方</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>单据号</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>By</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Sign-off sheet</source>
        <translation>领取签收表</translation>
    </message>
    <message>
        <source>A sign-off sheet lists goods handed out: choose all kinds or one kind of give-out.</source>
        <translation>领取签收表列出发放出去的物资：请选择“全部类型”或一种出库类型。</translation>
    </message>
    <message>
        <source>Preparing the sign-off sheet…</source>
        <translation>正在生成领取签收表…</translation>
    </message>
    <message>
        <source>Reversed (#%1)</source>
        <translation>已冲销（#%1）</translation>
    </message>
    <message>
        <source>Reverses #%1</source>
        <translation>冲销 #%1</translation>
    </message>
    <message>
        <source>All items</source>
        <translation>全部物资</translation>
    </message>
    <message>
        <source>%1 rows</source>
        <translation>%1 条</translation>
    </message>
    <message>
        <source>Reverse voucher</source>
        <translation>冲销单据</translation>
    </message>
    <message>
        <source>Reverse voucher #%1 (%2, %3)? Every line of it is cancelled by a counter-entry dated %4. Why?</source>
        <translation>冲销单据 #%1（%2，%3）？其每一行都将由一笔日期为 %4 的反向记录抵销。请填写原因：</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>未完成</translation>
    </message>
</context>
<context>
    <name>NeedHouseholdDialog</name>
    <message>
        <source>Whose need</source>
        <translation>诉求所属户</translation>
    </message>
</context>
<context>
    <name>NewPairingDialog</name>
    <message>
        <source>New pairing</source>
        <translation>新建结对</translation>
    </message>
    <message>
        <source>The household, or one member (a child)</source>
        <translation>整户，或其中一名成员（如儿童）</translation>
    </message>
    <message>
        <source>Name, pinyin initials or phone tail</source>
        <translation>姓名、拼音首字母或电话尾号</translation>
    </message>
    <message>
        <source>e.g. 县供电公司党支部</source>
        <translation>如：县供电公司党支部</translation>
    </message>
    <message>
        <source>Contact person at the unit</source>
        <translation>单位联系人</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>服务对象</translation>
    </message>
    <message>
        <source>Helper</source>
        <translation>帮扶方</translation>
    </message>
    <message>
        <source>Contact every</source>
        <translation>联系周期</translation>
    </message>
    <message>
        <source>Started on</source>
        <translation>结对日期</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Each contact is logged as a visit on the household&apos;s file; a pair not contacted within its interval shows as behind.</source>
        <translation>每次联系都记入该户档案的走访记录；超过联系周期未联系的结对会标为逾期。</translation>
    </message>
</context>
<context>
    <name>OpenCaseDialog</name>
    <message>
        <source>Open a case</source>
        <translation>开案</translation>
    </message>
    <message>
        <source>Social worker</source>
        <translation>负责社工</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>服务对象</translation>
    </message>
    <message>
        <source>For</source>
        <translation>个案对象</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>The problem as the person presents it</source>
        <translation>服务对象陈述的主要问题</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>主要问题</translation>
    </message>
    <message>
        <source>Not yet judged</source>
        <translation>暂未评估</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>风险等级</translation>
    </message>
    <message>
        <source>Opened on</source>
        <translation>开案日期</translation>
    </message>
    <message>
        <source>The case&apos;s notes are read by its social worker and the station head only.</source>
        <translation>个案记录仅负责社工和站长可以查看。</translation>
    </message>
    <message>
        <source>The whole household</source>
        <translation>全户</translation>
    </message>
</context>
<context>
    <name>OperationDialog</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>This step can&apos;t be interrupted; it is finishing…</source>
        <translation>这一步无法中断，正在完成…</translation>
    </message>
</context>
<context>
    <name>PackageFormDialog</name>
    <message>
        <source>New gift package</source>
        <translation>新慰问包</translation>
    </message>
    <message>
        <source>Edit gift package</source>
        <translation>编辑慰问包</translation>
    </message>
    <message>
        <source>e.g. 春节慰问包</source>
        <translation>如 春节慰问包</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>在用</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>物资</translation>
    </message>
    <message>
        <source>Quantity per package</source>
        <translation>每份数量</translation>
    </message>
    <message>
        <source>Add item</source>
        <translation>添加物资</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>One package: ¥%1</source>
        <translation>每份价值：¥%1</translation>
    </message>
    <message>
        <source>One package: some items have no value</source>
        <translation>每份价值：部分物资无单价</translation>
    </message>
</context>
<context>
    <name>PairingsPage</name>
    <message>
        <source>Behind only</source>
        <translation>仅显示未按期联系</translation>
    </message>
    <message>
        <source>Include ended pairs</source>
        <translation>含已结束的结对</translation>
    </message>
    <message>
        <source>New pairing…</source>
        <translation>新建结对…</translation>
    </message>
    <message>
        <source>Log contact…</source>
        <translation>记录联系…</translation>
    </message>
    <message>
        <source>End pairing…</source>
        <translation>结束结对…</translation>
    </message>
    <message>
        <source>Open the household&apos;s file</source>
        <translation>打开该户档案</translation>
    </message>
    <message>
        <source>Helper</source>
        <translation>帮扶方</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>服务对象</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>村居</translation>
    </message>
    <message>
        <source>Every</source>
        <translation>联系周期</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 天</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>结对日期</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>最近联系</translation>
    </message>
    <message>
        <source>never</source>
        <translation>尚未联系</translation>
    </message>
    <message>
        <source>Next due</source>
        <translation>下次应联系</translation>
    </message>
    <message>
        <source>ended %1</source>
        <translation>%1 已结束</translation>
    </message>
    <message>
        <source>Behind</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>联系次数</translation>
    </message>
    <message>
        <source>%1 pairs</source>
        <translation>共 %1 对</translation>
    </message>
    <message>
        <source>Standing pairs shown: %1 · behind: %2</source>
        <translation>在结对 %1 对 · 未按期联系 %2 对</translation>
    </message>
    <message>
        <source>Log a contact</source>
        <translation>记录联系</translation>
    </message>
    <message>
        <source>This pairing has ended.</source>
        <translation>这个结对已经结束。</translation>
    </message>
    <message>
        <source>Pairing</source>
        <translation>结对帮扶</translation>
    </message>
</context>
<context>
    <name>PaperEntryDialog</name>
    <message>
        <source>Type in the paper sign-in sheet</source>
        <translation>录入纸质签到表</translation>
    </message>
    <message>
        <source>Name, pinyin initials or phone tail</source>
        <translation>姓名、拼音首字母或手机尾号</translation>
    </message>
    <message>
        <source>Paper sign-in sheet</source>
        <translation>纸质签到表</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>Volunteer</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>班次</translation>
    </message>
    <message>
        <source>Sign-in</source>
        <translation>签到时间</translation>
    </message>
    <message>
        <source>Sign-out</source>
        <translation>签退时间</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Typed-in visits are marked 补登 until confirmed after checking the sheet; with no shift they count as walk-ins.</source>
        <translation>录入的记录标为补登，核对签到表后请确认；未选班次的按临时到站计。</translation>
    </message>
    <message>
        <source>No shift (walk-in)</source>
        <translation>无班次（临时到站）</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <source>The file {path} does not exist.</source>
        <translation>文件 {path} 不存在。</translation>
    </message>
    <message>
        <source>The file {path} can&apos;t be read as a PDF.</source>
        <translation>文件 {path} 无法作为 PDF 读取。</translation>
    </message>
    <message>
        <source>Save a copy of the PDF</source>
        <translation>保存 PDF 副本</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>另存为</translation>
    </message>
    <message>
        <source>The PDF could not be saved to {path}: {detail}</source>
        <translation>PDF 无法保存到 {path}：{detail}</translation>
    </message>
    <message>
        <source>Open in system viewer</source>
        <translation>用系统查看器打开</translation>
    </message>
    <message>
        <source>No program to show PDF files was found on this computer. Save a copy and open it where one is installed.</source>
        <translation>这台电脑上没有找到能显示 PDF 文件的程序。请保存一份副本，到装有此类程序的电脑上打开。</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>The printer “{name}” is not installed on this computer (any more).</source>
        <translation>这台电脑上没有（或已不再有）打印机“{name}”。</translation>
    </message>
    <message>
        <source>The printer “{name}” is stopped or reports a problem. Check that it is switched on, connected and has paper, then try again.</source>
        <translation>打印机“{name}”已停止或报告故障。请检查打印机已开机、已连接且有纸，然后重试。</translation>
    </message>
    <message>
        <source>Printing on “{name}” failed. Check that the printer is switched on and connected, then try again.</source>
        <translation>在“{name}”上打印失败。请检查打印机已开机并已连接，然后重试。</translation>
    </message>
    <message>
        <source>Sending pages to the printer…</source>
        <translation>正在把页面发送到打印机…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Sending page {done} of {total} to the printer…</source>
        <translation>正在发送第 {done} 页（共 {total} 页）到打印机…</translation>
    </message>
    <message>
        <source>No printer is installed on this computer. Install one in the system settings, or save the PDF or open it in the system viewer to print it elsewhere.</source>
        <translation>这台电脑上没有安装打印机。请在系统设置中安装一台；或者保存 PDF、用系统查看器打开，再到别处打印。</translation>
    </message>
    <message>
        <source>The chosen range has no pages of this document (it has {count}).</source>
        <translation>所选范围不包含本文档的任何页面（本文档共 {count} 页）。</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Characters the printer font lacks</source>
        <translation>打印字体缺少的字</translation>
    </message>
    <message>
        <source>These records contain characters no installed font can print; they will show as empty boxes:
%1</source>
        <translation>以下记录含有本机字体无法打印的字，打印出来会是空框：
%1</translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <source>Previous page</source>
        <translation>上一页</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>下一页</translation>
    </message>
    <message>
        <source>of {count}</source>
        <translation>/ 共 {count} 页</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>页码</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>适合宽度</translation>
    </message>
    <message>
        <source>Whole page</source>
        <translation>整页</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>缩放</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Open in system viewer</source>
        <translation>用系统查看器打开</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>另存为…</translation>
    </message>
</context>
<context>
    <name>PeopleList</name>
    <message>
        <source>Who of the household</source>
        <translation>户内哪位成员</translation>
    </message>
    <message>
        <source>Add to the list</source>
        <translation>加入名单</translation>
    </message>
    <message>
        <source>Take off the list</source>
        <translation>移出名单</translation>
    </message>
</context>
<context>
    <name>PlaceWishDialog</name>
    <message>
        <source>Place a wish</source>
        <translation>登记心愿（下单）</translation>
    </message>
    <message>
        <source>Whose wish it is</source>
        <translation>是谁的心愿</translation>
    </message>
    <message>
        <source>What donors see, e.g. 王奶奶 or 小军</source>
        <translation>对外显示的称呼，如：王奶奶、小军</translation>
    </message>
    <message>
        <source>e.g. 一套课外书</source>
        <translation>如：一套课外书</translation>
    </message>
    <message>
        <source>Why it is wished for, in the client&apos;s words</source>
        <translation>心愿缘由，用服务对象自己的话</translation>
    </message>
    <message>
        <source>Yuan, e.g. 120</source>
        <translation>元，如 120</translation>
    </message>
    <message>
        <source>No photo</source>
        <translation>无照片</translation>
    </message>
    <message>
        <source>Choose a photo…</source>
        <translation>选择照片…</translation>
    </message>
    <message>
        <source>Remove photo</source>
        <translation>移除照片</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>服务对象</translation>
    </message>
    <message>
        <source>Alias shown to donors</source>
        <translation>对外称呼</translation>
    </message>
    <message>
        <source>The wish</source>
        <translation>心愿内容</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>心愿缘由</translation>
    </message>
    <message>
        <source>Estimated value (yuan)</source>
        <translation>估价（元）</translation>
    </message>
    <message>
        <source>Placed on</source>
        <translation>下单日期</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>The wish wall and the printed wish list show the alias and the village only, never the household&apos;s name.</source>
        <translation>心愿墙和打印的心愿清单只显示称呼和村居，不显示服务对象姓名。</translation>
    </message>
    <message>
        <source>Choose a photo</source>
        <translation>选择照片</translation>
    </message>
    <message>
        <source>Pictures (*.jpg *.jpeg *.png *.bmp)</source>
        <translation>图片 (*.jpg *.jpeg *.png *.bmp)</translation>
    </message>
</context>
<context>
    <name>PlanDialog</name>
    <message>
        <source>Service plan</source>
        <translation>服务计划</translation>
    </message>
    <message>
        <source>One goal a line</source>
        <translation>每行一个目标</translation>
    </message>
    <message>
        <source>Goals</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>行动</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Due (yyyy-mm-dd)</source>
        <translation>完成期限（年-月-日）</translation>
    </message>
    <message>
        <source>Add action</source>
        <translation>添加行动</translation>
    </message>
    <message>
        <source>Remove action</source>
        <translation>删除行动</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>行动安排</translation>
    </message>
    <message>
        <source>Others, separated by 、</source>
        <translation>其他单位，用“、”分隔</translation>
    </message>
    <message>
        <source>Partners</source>
        <translation>合作方</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Made on</source>
        <translation>制定日期</translation>
    </message>
    <message>
        <source>Starts from the current plan; saving makes a new version and keeps the old one.</source>
        <translation>已带出现行计划；保存后生成新版本，旧版本保留。</translation>
    </message>
</context>
<context>
    <name>PlanOutingDialog</name>
    <message>
        <source>Plan an outing</source>
        <translation>安排出访</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>From</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>To</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>A home-visit shift goes on the roster with the team&apos;s %1 volunteers on it; they sign in at the front desk and their hours count for the campaign.</source>
        <translation>排班表上会增加一个入户走访班次，小组的 %1 名志愿者已排入；他们在前台签到，服务时长计入本次活动。</translation>
    </message>
</context>
<context>
    <name>PoliciesPage</name>
    <message>
        <source>Policy cards</source>
        <translation>政策明白卡</translation>
    </message>
    <message>
        <source>Policies and versions</source>
        <translation>政策与版本</translation>
    </message>
    <message>
        <source>Coverage by village</source>
        <translation>各村覆盖</translation>
    </message>
    <message>
        <source>Cards handed out</source>
        <translation>发放记录</translation>
    </message>
</context>
<context>
    <name>PolicyCards</name>
    <message>
        <source>Who qualifies</source>
        <translation>适用对象</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>保障标准</translation>
    </message>
    <message>
        <source>Documents to bring</source>
        <translation>申请材料</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>办理流程</translation>
    </message>
    <message>
        <source>Hotline</source>
        <translation>咨询电话</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>In force</source>
        <translation>现行</translation>
    </message>
    <message>
        <source>Retired</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Version %1 (%2)</source>
        <translation>第 %1 版（%2）</translation>
    </message>
    <message>
        <source>Wallet cards 90 × 54 mm, 10 to an A4 sheet, two-sided</source>
        <translation>卡片 90×54 毫米，A4 纸每张 10 张，双面</translation>
    </message>
    <message>
        <source>A5 leaflet, one a page</source>
        <translation>A5 单页，每页一份</translation>
    </message>
    <message>
        <source>A4 poster</source>
        <translation>A4 海报</translation>
    </message>
    <message>
        <source>Preparing the policy cards…</source>
        <translation>正在生成政策明白卡…</translation>
    </message>
</context>
<context>
    <name>PolicyEditorDialog</name>
    <message>
        <source>Policy card: %1</source>
        <translation>政策明白卡：%1</translation>
    </message>
    <message>
        <source>Version %1 has been printed, so it never changes: saving files your edit as version %2 (a draft).</source>
        <translation>第 %1 版已经印制，内容不能再改：保存后您的修改成为第 %2 版（草稿）。</translation>
    </message>
    <message>
        <source>Version %1 is retired: saving files your edit as version %2 (a draft).</source>
        <translation>第 %1 版已停用：保存后您的修改成为第 %2 版（草稿）。</translation>
    </message>
    <message>
        <source>Saving makes version %1 (a draft).</source>
        <translation>保存后成为第 %1 版（草稿）。</translation>
    </message>
    <message>
        <source>Editing version %1 (not printed yet).</source>
        <translation>正在修改第 %1 版（尚未印制）。</translation>
    </message>
    <message>
        <source>From</source>
        <translation>自</translation>
    </message>
    <message>
        <source>(empty: the day it is published)</source>
        <translation>（不填：发布当天起施行）</translation>
    </message>
    <message>
        <source>Effective</source>
        <translation>施行日期</translation>
    </message>
    <message>
        <source>What changed, e.g. the 2027 standard</source>
        <translation>改了什么，如：2027 年提标</translation>
    </message>
    <message>
        <source>Change note</source>
        <translation>修订说明</translation>
    </message>
    <message>
        <source>Save as version %1</source>
        <translation>保存为第 %1 版</translation>
    </message>
</context>
<context>
    <name>PolicyFormDialog</name>
    <message>
        <source>Edit policy</source>
        <translation>修改政策</translation>
    </message>
    <message>
        <source>New policy</source>
        <translation>新增政策</translation>
    </message>
    <message>
        <source>e.g. 城乡最低生活保障（低保）</source>
        <translation>如：城乡最低生活保障（低保）</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>政策名称</translation>
    </message>
    <message>
        <source>e.g. 低保</source>
        <translation>如：低保</translation>
    </message>
    <message>
        <source>Short name</source>
        <translation>简称</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>政策类别</translation>
    </message>
    <message>
        <source>Serves</source>
        <translation>适用人员类别</translation>
    </message>
    <message>
        <source>Personalised cards go to the households of the categories ticked.</source>
        <translation>个人化明白卡发给勾选类别的住户。</translation>
    </message>
</context>
<context>
    <name>PolicyListTab</name>
    <message>
        <source>New policy…</source>
        <translation>新增政策…</translation>
    </message>
    <message>
        <source>Edit policy…</source>
        <translation>修改政策…</translation>
    </message>
    <message>
        <source>Edit card text…</source>
        <translation>编辑卡片内容…</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>发布</translation>
    </message>
    <message>
        <source>Retire</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Print cards…</source>
        <translation>印制明白卡…</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>第 %1 版</translation>
    </message>
    <message>
        <source>Short name</source>
        <translation>简称</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>政策名称</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>政策类别</translation>
    </message>
    <message>
        <source>Serves</source>
        <translation>适用人员类别</translation>
    </message>
    <message>
        <source>In force</source>
        <translation>现行版本</translation>
    </message>
    <message>
        <source>Latest</source>
        <translation>最新版本</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>已印制</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Effective</source>
        <translation>施行日期</translation>
    </message>
    <message>
        <source>Change note</source>
        <translation>修订说明</translation>
    </message>
    <message>
        <source>By</source>
        <translation>修订人</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <source>with</source>
        <translation>与</translation>
    </message>
    <message>
        <source>Card text</source>
        <translation>卡片内容</translation>
    </message>
    <message>
        <source>Compare versions</source>
        <translation>版本比较</translation>
    </message>
    <message>
        <source>%1 policies</source>
        <translation>共 %1 项政策</translation>
    </message>
    <message>
        <source>Version %1 (%2)</source>
        <translation>第 %1 版（%2）</translation>
    </message>
    <message>
        <source>printed</source>
        <translation>已印制</translation>
    </message>
    <message>
        <source>effective %1</source>
        <translation>%1 起施行</translation>
    </message>
    <message>
        <source>Change note: %1</source>
        <translation>修订说明：%1</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>有改动</translation>
    </message>
    <message>
        <source>The two versions have the same text.</source>
        <translation>两个版本内容相同。</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>未完成</translation>
    </message>
    <message>
        <source>Put version %1 of %2 in force? The version in force now is retired.</source>
        <translation>发布“%2”第 %1 版为现行版本？原现行版本将停用。</translation>
    </message>
    <message>
        <source>Retire version %1 of %2? It is no longer printed on personalised cards.</source>
        <translation>停用“%2”第 %1 版？个人化明白卡将不再印这一版。</translation>
    </message>
</context>
<context>
    <name>PreviewPanel</name>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>村居</translation>
    </message>
    <message>
        <source>(no village)</source>
        <translation>（无村居）</translation>
    </message>
    <message>
        <source>Households</source>
        <translation>户数</translation>
    </message>
    <message>
        <source>Goods needed</source>
        <translation>所需物资</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>rule %1: %2</source>
        <translation>条件 %1：%2 户</translation>
    </message>
    <message>
        <source>%1 households as of %2 (%3)</source>
        <translation>按 %2 计共 %1 户（%3）</translation>
    </message>
    <message>
        <source>Short: %1</source>
        <translation>库存不足：%1</translation>
    </message>
</context>
<context>
    <name>PrintCardsDialog</name>
    <message>
        <source>Print policy cards</source>
        <translation>印制政策明白卡</translation>
    </message>
    <message>
        <source>Policy</source>
        <translation>政策</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Layout</source>
        <translation>版式</translation>
    </message>
    <message>
        <source>The same card, so many copies</source>
        <translation>同一张卡，印若干份</translation>
    </message>
    <message>
        <source>Personalised cards for households</source>
        <translation>按住户印个人化明白卡</translation>
    </message>
    <message>
        <source>Copies</source>
        <translation>份数</translation>
    </message>
    <message>
        <source>(not for one village)</source>
        <translation>（不限村居）</translation>
    </message>
    <message>
        <source>For village</source>
        <translation>发往村居</translation>
    </message>
    <message>
        <source>All villages</source>
        <translation>全部村居</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>All tiers</source>
        <translation>全部分级</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>村居</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>人员类别</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>分级</translation>
    </message>
    <message>
        <source>Only this policy (else every policy in force that matches the household)</source>
        <translation>只印这项政策（否则印与住户类别相符的全部现行政策）</translation>
    </message>
    <message>
        <source>Personalised cards need access to the household files.</source>
        <translation>个人化明白卡需要查看住户档案的权限。</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>印制…</translation>
    </message>
    <message>
        <source>%1 households, %2 cards</source>
        <translation>%1 户，%2 张</translation>
    </message>
    <message>
        <source>Personalised policy cards</source>
        <translation>个人化政策明白卡</translation>
    </message>
    <message>
        <source>Policy cards: %1</source>
        <translation>政策明白卡：%1</translation>
    </message>
</context>
<context>
    <name>ProblemList</name>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Copy the list</source>
        <translation>复制清单</translation>
    </message>
    <message>
        <source>Save the list…</source>
        <translation>保存清单…</translation>
    </message>
    <message>
        <source>%1 - problems.csv</source>
        <translation>%1 - 问题清单.csv</translation>
    </message>
    <message>
        <source>Save the list of problems</source>
        <translation>保存问题清单</translation>
    </message>
    <message>
        <source>CSV file (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Can&apos;t write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>ProgressTab</name>
    <message>
        <source>Top up reservations</source>
        <translation>补足预留</translation>
    </message>
    <message>
        <source>Print campaign summary…</source>
        <translation>打印活动总结…</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <source>households</source>
        <translation>户</translation>
    </message>
    <message>
        <source>visited</source>
        <translation>已走访</translation>
    </message>
    <message>
        <source>packages delivered</source>
        <translation>慰问包已送达</translation>
    </message>
    <message>
        <source>done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>still open</source>
        <translation>待走访</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>村居</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>小组</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>物资</translation>
    </message>
    <message>
        <source>Wanted</source>
        <translation>需要</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>已预留</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>已送达</translation>
    </message>
    <message>
        <source>Short</source>
        <translation>缺</translation>
    </message>
    <message>
        <source>Reservation</source>
        <translation>预留</translation>
    </message>
    <message>
        <source>active</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>released</source>
        <translation>已释放</translation>
    </message>
    <message>
        <source>By village</source>
        <translation>按村居</translation>
    </message>
    <message>
        <source>By team</source>
        <translation>按小组</translation>
    </message>
    <message>
        <source>Packages&apos; stock</source>
        <translation>慰问包物资</translation>
    </message>
    <message>
        <source>(no team yet)</source>
        <translation>（未分组）</translation>
    </message>
    <message>
        <source>Households</source>
        <translation>户数</translation>
    </message>
    <message>
        <source>Visited</source>
        <translation>已走访</translation>
    </message>
    <message>
        <source>Nobody home</source>
        <translation>无人在家</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>谢绝</translation>
    </message>
    <message>
        <source>Moved / died</source>
        <translation>迁出/去世</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>待走访</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>已签收</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Choose a campaign above.</source>
        <translation>请在上方选择一个活动。</translation>
    </message>
    <message>
        <source>Packages&apos; stock (%1 items short)</source>
        <translation>慰问包物资（%1 项不足）</translation>
    </message>
    <message>
        <source>as of %1</source>
        <translation>截至 %1</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>未完成</translation>
    </message>
    <message>
        <source>Still short: %1</source>
        <translation>仍缺：%1</translation>
    </message>
    <message>
        <source>Everything the packages need is set aside now.</source>
        <translation>慰问包所需物资已全部预留。</translation>
    </message>
    <message>
        <source>Campaign summary</source>
        <translation>活动总结</translation>
    </message>
    <message>
        <source>Preparing the campaign summary…</source>
        <translation>正在生成活动总结…</translation>
    </message>
    <message>
        <source>Export to Excel</source>
        <translation>导出 Excel</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Writing the workbook…</source>
        <translation>正在写入工作簿…</translation>
    </message>
    <message>
        <source>%1 rows written to %2.</source>
        <translation>已写入 %1 行：%2。</translation>
    </message>
</context>
<context>
    <name>ProjectForm</name>
    <message>
        <source>Edit project</source>
        <translation>编辑项目</translation>
    </message>
    <message>
        <source>New project</source>
        <translation>新建项目</translation>
    </message>
    <message>
        <source>e.g. 重度残疾人家庭喘息服务项目</source>
        <translation>例如：重度残疾人家庭喘息服务项目</translation>
    </message>
    <message>
        <source>e.g. 重度残疾人家庭、留守儿童</source>
        <translation>例如：重度残疾人家庭、留守儿童</translation>
    </message>
    <message>
        <source> yuan</source>
        <translation> 元</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>项目名称</translation>
    </message>
    <message>
        <source>Funder</source>
        <translation>资助方</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>项目周期</translation>
    </message>
    <message>
        <source>Target groups</source>
        <translation>服务对象群体</translation>
    </message>
    <message>
        <source>Target families</source>
        <translation>目标服务家庭（户）</translation>
    </message>
    <message>
        <source>Target person-times</source>
        <translation>目标服务人次</translation>
    </message>
    <message>
        <source>Target services</source>
        <translation>目标服务次数</translation>
    </message>
    <message>
        <source>Target resources</source>
        <translation>目标链接资源</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>项目预算</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Progress is counted from the project&apos;s activities and the cases served under it, within its period. A target of 0 is not measured.</source>
        <translation>项目进度按项目周期内的活动和纳入项目的个案统计。目标为 0 的不计算完成率。</translation>
    </message>
</context>
<context>
    <name>ProjectsTab</name>
    <message>
        <source>New project…</source>
        <translation>新建项目…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Close project</source>
        <translation>结项</translation>
    </message>
    <message>
        <source>As of</source>
        <translation>统计截至</translation>
    </message>
    <message>
        <source>Project report (PDF)…</source>
        <translation>项目进度报告（PDF）…</translation>
    </message>
    <message>
        <source>Export project to Excel…</source>
        <translation>导出项目到 Excel…</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Funder</source>
        <translation>资助方</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>项目周期</translation>
    </message>
    <message>
        <source>Target groups</source>
        <translation>服务对象群体</translation>
    </message>
    <message>
        <source>Budget (yuan)</source>
        <translation>预算（元）</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Families served</source>
        <translation>服务家庭（户）</translation>
    </message>
    <message>
        <source>Person-times</source>
        <translation>服务人次</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>服务次数</translation>
    </message>
    <message>
        <source>Resources (yuan)</source>
        <translation>链接资源（元）</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>活动场次</translation>
    </message>
    <message>
        <source>Service records</source>
        <translation>服务记录</translation>
    </message>
    <message>
        <source>By month</source>
        <translation>按月份</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>活动名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>村居</translation>
    </message>
    <message>
        <source>Volunteers</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <source>Its activities</source>
        <translation>项目活动</translation>
    </message>
    <message>
        <source>Reopen project</source>
        <translation>重新启用项目</translation>
    </message>
    <message>
        <source>No project chosen.</source>
        <translation>未选择项目。</translation>
    </message>
    <message>
        <source>%1 · as of %2</source>
        <translation>%1 · 统计截至 %2</translation>
    </message>
    <message>
        <source>%1 of %2 (%3%)</source>
        <translation>%1 / 目标 %2（%3%）</translation>
    </message>
    <message>
        <source>%1 (no target)</source>
        <translation>%1（未设目标）</translation>
    </message>
    <message>
        <source>Activities held %1 · cases %2 with %3 service records · volunteers %4 person-times, %5 hours</source>
        <translation>已举办活动 %1 场 · 个案 %2 个、服务记录 %3 条 · 志愿服务 %4 人次、%5 小时</translation>
    </message>
    <message>
        <source>Close “%1”? It stays on file and in the figures.</source>
        <translation>将“%1”结项？项目仍保留在档案和统计中。</translation>
    </message>
    <message>
        <source>Open “%1” again?</source>
        <translation>重新启用“%1”？</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>未完成</translation>
    </message>
    <message>
        <source>Project report: %1</source>
        <translation>项目进度报告：%1</translation>
    </message>
    <message>
        <source>Preparing the project report…</source>
        <translation>正在生成项目进度报告…</translation>
    </message>
    <message>
        <source>Export project to Excel</source>
        <translation>导出项目到 Excel</translation>
    </message>
</context>
<context>
    <name>RateWishDialog</name>
    <message>
        <source>Rate the wish</source>
        <translation>评价（评单）</translation>
    </message>
    <message>
        <source>The client&apos;s words</source>
        <translation>服务对象的评价原话</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>评分</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>评价</translation>
    </message>
    <message>
        <source>Rated on</source>
        <translation>评价日期</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>ReceiveGoodsDialog</name>
    <message>
        <source>Receive goods</source>
        <translation>入库</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Storeroom</source>
        <translation>库房</translation>
    </message>
    <message>
        <source>Name, initials or phone tail</source>
        <translation>名称、首字母或电话尾号</translation>
    </message>
    <message>
        <source>New donor…</source>
        <translation>新捐赠方…</translation>
    </message>
    <message>
        <source>Donor</source>
        <translation>捐赠方</translation>
    </message>
    <message>
        <source>Yuan, e.g. 2000</source>
        <translation>元，如 2000</translation>
    </message>
    <message>
        <source>Cash (yuan)</source>
        <translation>现金（元）</translation>
    </message>
    <message>
        <source>What the donor gave it for (指定用途)</source>
        <translation>捐赠方指定的用途</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>Supplier, or where the goods came from</source>
        <translation>供应商或物资来源</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Invoice or transfer note number</source>
        <translation>发票号或调拨单号</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>单据号</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>物资</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Unit value (yuan)</source>
        <translation>单价（元）</translation>
    </message>
    <message>
        <source>Cannot be valued</source>
        <translation>无法估值</translation>
    </message>
    <message>
        <source>Expiry date</source>
        <translation>到期日期</translation>
    </message>
    <message>
        <source>Batch no.</source>
        <translation>批号</translation>
    </message>
    <message>
        <source>Add line</source>
        <translation>添加一行</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Donation (捐赠)</source>
        <translation>捐赠</translation>
    </message>
    <message>
        <source>Purchase (采购)</source>
        <translation>采购</translation>
    </message>
    <message>
        <source>Transfer in (调拨入库)</source>
        <translation>调拨入库</translation>
    </message>
    <message>
        <source>Opening stock (期初)</source>
        <translation>期初</translation>
    </message>
    <message>
        <source>Receive a donation</source>
        <translation>接收捐赠</translation>
    </message>
    <message>
        <source>Receive goods: %1</source>
        <translation>物资入库：%1</translation>
    </message>
    <message>
        <source>Cannot be valued (无法估值): listed without a value</source>
        <translation>无法估值：登记但不计价值</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Goods value: ¥%1</source>
        <translation>物资价值：¥%1</translation>
    </message>
    <message>
        <source>Cash: ¥%1</source>
        <translation>现金：¥%1</translation>
    </message>
    <message>
        <source>Total: ¥%1</source>
        <translation>合计：¥%1</translation>
    </message>
    <message>
        <source>(%1 lines without a value)</source>
        <translation>（%1 行无价值）</translation>
    </message>
    <message>
        <source>Donation received</source>
        <translation>已接收捐赠</translation>
    </message>
    <message>
        <source>Donation filed with acknowledgement number %1.

Print the acknowledgement (捐赠物资接收凭证) now?</source>
        <translation>捐赠已登记，凭证号 %1。

现在打印捐赠物资接收凭证吗？</translation>
    </message>
    <message>
        <source>Preparing the acknowledgement…</source>
        <translation>正在生成捐赠物资接收凭证…</translation>
    </message>
    <message>
        <source>Donation acknowledgement</source>
        <translation>捐赠物资接收凭证</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <source>Service record</source>
        <translation>服务记录</translation>
    </message>
    <message>
        <source>Corrects the record of %1</source>
        <translation>更正 %1 的服务记录</translation>
    </message>
    <message>
        <source>The new record corrects this one; both are kept.</source>
        <translation>新记录将更正这一条；两条都会保留。</translation>
    </message>
    <message>
        <source>Take back the goods it handed out: %1</source>
        <translation>退回该记录发放的物资：%1</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>服务方式</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Time spent</source>
        <translation>服务时长</translation>
    </message>
    <message>
        <source>Workers</source>
        <translation>服务人员</translation>
    </message>
    <message>
        <source>Volunteers</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <source>What was done and found</source>
        <translation>服务内容及发现</translation>
    </message>
    <message>
        <source>What was done</source>
        <translation>服务内容</translation>
    </message>
    <message>
        <source>Goods handed over</source>
        <translation>发放物资</translation>
    </message>
</context>
<context>
    <name>ReferralDialog</name>
    <message>
        <source>Refer</source>
        <translation>转介</translation>
    </message>
    <message>
        <source>Pick or type the unit</source>
        <translation>选择或填写单位</translation>
    </message>
    <message>
        <source>Referred to</source>
        <translation>转介单位</translation>
    </message>
    <message>
        <source>What the unit is asked to do</source>
        <translation>请对方单位协助的事项</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>转介事由</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
</context>
<context>
    <name>ReferralUpdateDialog</name>
    <message>
        <source>The unit&apos;s answer</source>
        <translation>转介反馈</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>What the unit answered or did</source>
        <translation>对方单位的答复或处理</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>反馈</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
</context>
<context>
    <name>RosterPage</name>
    <message>
        <source>Roster</source>
        <translation>排班</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>周一</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>周二</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>周三</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>周四</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>周五</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>周六</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>周日</translation>
    </message>
    <message>
        <source>Previous week</source>
        <translation>上一周</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>本周</translation>
    </message>
    <message>
        <source>Next week</source>
        <translation>下一周</translation>
    </message>
    <message>
        <source>Put a volunteer on</source>
        <translation>安排志愿者</translation>
    </message>
    <message>
        <source>Take off</source>
        <translation>取消安排</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>确认安排</translation>
    </message>
    <message>
        <source>Swap</source>
        <translation>调换</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>替换</translation>
    </message>
    <message>
        <source>Delete shift</source>
        <translation>删除班次</translation>
    </message>
    <message>
        <source>Generate weeks</source>
        <translation>生成 N 周</translation>
    </message>
    <message>
        <source>Copy last week</source>
        <translation>复制上周</translation>
    </message>
    <message>
        <source>New shift</source>
        <translation>新增班次</translation>
    </message>
    <message>
        <source>New shift template</source>
        <translation>新增班次模板</translation>
    </message>
    <message>
        <source>Print roster</source>
        <translation>打印排班表</translation>
    </message>
    <message>
        <source>Print sign-in sheet</source>
        <translation>打印签到表</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>班次</translation>
    </message>
    <message>
        <source>On / places</source>
        <translation>已排/人数</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Short of people: %1</source>
        <translation>未排满：%1 个班次</translation>
    </message>
    <message>
        <source>Preparing the roster…</source>
        <translation>正在生成排班表…</translation>
    </message>
    <message>
        <source>Everyone on %1</source>
        <translation>%1 全天所有班次</translation>
    </message>
    <message>
        <source>Only %1 %2-%3</source>
        <translation>仅 %1 %2-%3</translation>
    </message>
    <message>
        <source>Sign-in sheet for</source>
        <translation>签到表范围</translation>
    </message>
    <message>
        <source>Preparing the sign-in sheet…</source>
        <translation>正在生成签到表…</translation>
    </message>
    <message>
        <source>Sign-in sheet</source>
        <translation>签到表</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>未完成</translation>
    </message>
    <message>
        <source>Please note</source>
        <translation>请注意</translation>
    </message>
    <message>
        <source>Whose place?</source>
        <translation>替换谁？</translation>
    </message>
    <message>
        <source>Take whom off the shift?</source>
        <translation>取消谁的安排？</translation>
    </message>
    <message>
        <source>Take %1 off %2 on %3?</source>
        <translation>取消 %1 在 %3“%2”的安排？</translation>
    </message>
    <message>
        <source>Who confirmed?</source>
        <translation>谁已确认会到？</translation>
    </message>
    <message>
        <source>Who swaps?</source>
        <translation>谁要调换？</translation>
    </message>
    <message>
        <source>Nobody else is on a shift this week.</source>
        <translation>本周没有其他人的安排可以调换。</translation>
    </message>
    <message>
        <source>Swap %1 with</source>
        <translation>%1 与谁调换</translation>
    </message>
    <message>
        <source>Delete %1 on %2?</source>
        <translation>删除 %2 的“%1”？</translation>
    </message>
    <message>
        <source>%1 are on it.</source>
        <translation>已安排：%1。</translation>
    </message>
    <message>
        <source>Add a shift template first.</source>
        <translation>请先新增班次模板。</translation>
    </message>
    <message>
        <source>%1 shifts added.</source>
        <translation>已生成 %1 个班次。</translation>
    </message>
    <message>
        <source>Copy the shifts and people of the week of %1 to this week?</source>
        <translation>把 %1 那一周的班次和人员复制到本周？</translation>
    </message>
    <message>
        <source>%1 shifts and %2 assignments copied.</source>
        <translation>已复制 %1 个班次、%2 人次安排。</translation>
    </message>
    <message>
        <source>Not copied:</source>
        <translation>未复制：</translation>
    </message>
</context>
<context>
    <name>RuleEditor</name>
    <message>
        <source>Categories</source>
        <translation>人员类别</translation>
    </message>
    <message>
        <source>Tiers</source>
        <translation>分级</translation>
    </message>
    <message>
        <source>Villages</source>
        <translation>村居</translation>
    </message>
    <message>
        <source>any age</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>Households on file only</source>
        <translation>仅在册户</translation>
    </message>
    <message>
        <source>Someone aged at least</source>
        <translation>家中有人年满</translation>
    </message>
    <message>
        <source>Also</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>No package (visit only)</source>
        <translation>不发慰问包（仅走访）</translation>
    </message>
    <message>
        <source> each</source>
        <translation> 份/户</translation>
    </message>
    <message>
        <source>Package</source>
        <translation>慰问包</translation>
    </message>
    <message>
        <source>Remove this rule</source>
        <translation>删除此条件</translation>
    </message>
    <message>
        <source>Rule %1</source>
        <translation>条件 %1</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Social worker</source>
        <translation>社工</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>社工站</translation>
    </message>
    <message>
        <source>Villages</source>
        <translation>村居</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Follow-up tiers</source>
        <translation>关注等级</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>账号</translation>
    </message>
    <message>
        <source>Station rules</source>
        <translation>站点规则</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>My password</source>
        <translation>我的密码</translation>
    </message>
    <message>
        <source>One number per line</source>
        <translation>每行一个号码</translation>
    </message>
    <message>
        <source>Station name</source>
        <translation>社工站名称</translation>
    </message>
    <message>
        <source>Operating organisation</source>
        <translation>运营机构</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Office phone</source>
        <translation>办公电话</translation>
    </message>
    <message>
        <source>Hotline numbers</source>
        <translation>热线电话</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Belongs to</source>
        <translation>上级</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>在用</translation>
    </message>
    <message>
        <source>Add village</source>
        <translation>添加村居</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Print responsibility list…</source>
        <translation>打印村居分工表…</translation>
    </message>
    <message>
        <source>(nobody)</source>
        <translation>（无人）</translation>
    </message>
    <message>
        <source>%1 (not active)</source>
        <translation>%1（已停用）</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>排序</translation>
    </message>
    <message>
        <source>Edit village</source>
        <translation>编辑村居</translation>
    </message>
    <message>
        <source>Preparing the responsibility list…</source>
        <translation>正在生成村居责任分工表…</translation>
    </message>
    <message>
        <source>Village responsibility list</source>
        <translation>村居责任分工表</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Add category</source>
        <translation>添加类别</translation>
    </message>
    <message>
        <source>Edit category</source>
        <translation>编辑类别</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Visit every (days)</source>
        <translation>走访周期（天）</translation>
    </message>
    <message>
        <source>Add tier</source>
        <translation>添加等级</translation>
    </message>
    <message>
        <source>Edit tier</source>
        <translation>编辑等级</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Name</source>
        <comment>person</comment>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Last sign-in</source>
        <translation>最近登录</translation>
    </message>
    <message>
        <source>Add account</source>
        <translation>添加账号</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <source>First password</source>
        <translation>初始密码</translation>
    </message>
    <message>
        <source>Edit account</source>
        <translation>编辑账号</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>Reset password of %1</source>
        <translation>重置 %1 的密码</translation>
    </message>
    <message>
        <source>Back up every (minutes) while data changes</source>
        <translation>数据有改动时的备份间隔（分钟）</translation>
    </message>
    <message>
        <source>Newest backups always kept</source>
        <translation>始终保留的最新备份份数</translation>
    </message>
    <message>
        <source>Daily backups kept</source>
        <translation>保留的每日备份份数</translation>
    </message>
    <message>
        <source>Weekly backups kept</source>
        <translation>保留的每周备份份数</translation>
    </message>
    <message>
        <source>Monthly backups kept</source>
        <translation>保留的每月备份份数</translation>
    </message>
    <message>
        <source>Shortest password allowed</source>
        <translation>密码最短长度</translation>
    </message>
    <message>
        <source>A social worker&apos;s own visit sheets show full phone numbers for their villages</source>
        <translation>社工打印自己负责村居的走访登记表时显示完整电话</translation>
    </message>
    <message>
        <source>Kiosk ignores the same person again within (minutes)</source>
        <translation>签到机忽略同一人重复签到的时间（分钟）</translation>
    </message>
    <message>
        <source>Forgotten sign-out closed this long after the shift ends (minutes)</source>
        <translation>忘记签退时，班次结束后多久自动签退（分钟）</translation>
    </message>
    <message>
        <source>Walk-ins&apos; forgotten sign-outs closed at (hour)</source>
        <translation>临时到站者忘记签退时的自动签退时刻（点）</translation>
    </message>
    <message>
        <source>Longest visit credited (hours)</source>
        <translation>单次服务最多计入时长（小时）</translation>
    </message>
    <message>
        <source>Late / early allowance (minutes)</source>
        <translation>迟到、早退的宽限（分钟）</translation>
    </message>
    <message>
        <source>Hours certificates print the full ID number</source>
        <translation>时长证明印完整证件号码</translation>
    </message>
    <message>
        <source>Personalised policy cards print the head of household&apos;s full name</source>
        <translation>个人化政策明白卡印出户主全名</translation>
    </message>
    <message>
        <source>Save rules</source>
        <translation>保存规则</translation>
    </message>
    <message>
        <source>Taken at</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Size (MB)</source>
        <translation>大小（MB）</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <source>Restore a backup…</source>
        <translation>从备份恢复…</translation>
    </message>
    <message>
        <source>Backups are kept in %1: the newest %2, plus one a day for %3 days, one a week for %4 weeks and one a month for %5 months.</source>
        <translation>备份保存在 %1：保留最新 %2 份，另外每天一份保留 %3 天、每周一份保留 %4 周、每月一份保留 %5 个月。</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>By hand</source>
        <translation>手动</translation>
    </message>
    <message>
        <source>Before a restore</source>
        <translation>恢复前</translation>
    </message>
    <message>
        <source>Before an upgrade</source>
        <translation>升级前</translation>
    </message>
    <message>
        <source>Before an import</source>
        <translation>导入前</translation>
    </message>
    <message>
        <source>Before a repair</source>
        <translation>修复前</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>当前密码</translation>
    </message>
    <message>
        <source>New password again</source>
        <translation>再次输入新密码</translation>
    </message>
    <message>
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <source>The new passwords do not match.</source>
        <translation>两次输入的新密码不一致。</translation>
    </message>
    <message>
        <source>Password changed.</source>
        <translation>密码已修改。</translation>
    </message>
</context>
<context>
    <name>ShiftForm</name>
    <message>
        <source>Front desk</source>
        <translation>前台值班</translation>
    </message>
    <message>
        <source>Hotline</source>
        <translation>热线</translation>
    </message>
    <message>
        <source>Home visit</source>
        <translation>入户探访</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>e.g. Front desk (morning)</source>
        <translation>如：前台值班（上午）</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>End</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>Skill needed</source>
        <translation>所需技能</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Weekdays (1 = Monday)</source>
        <translation>星期（1 为周一）</translation>
    </message>
    <message>
        <source>New shift template</source>
        <translation>新增班次模板</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>New shift</source>
        <translation>新增班次</translation>
    </message>
    <message>
        <source>Shift template</source>
        <translation>班次模板</translation>
    </message>
    <message>
        <source>Weeks from %1</source>
        <translation>周数（自 %1 起）</translation>
    </message>
    <message>
        <source>Generate shifts</source>
        <translation>生成班次</translation>
    </message>
</context>
<context>
    <name>SignIn</name>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Station Desk: please sign in</source>
        <translation>站务通：请登录</translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation>用户名(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>密码(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>The kiosk account opens only the front-desk sign-in screen, not the office window.</source>
        <translation>签到机账号只能打开前台签到屏，不能登录办公窗口。</translation>
    </message>
    <message>
        <source>This account may not open the sign-in kiosk.</source>
        <translation>此账号不能打开签到机。</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>New password again</source>
        <translation>再次输入新密码</translation>
    </message>
    <message>
        <source>Choose your own password</source>
        <translation>请设置您自己的密码</translation>
    </message>
</context>
<context>
    <name>StockCountDialog</name>
    <message>
        <source>Stock count</source>
        <translation>盘点</translation>
    </message>
    <message>
        <source>All storerooms</source>
        <translation>全部库房</translation>
    </message>
    <message>
        <source>Also list items with nothing on the books</source>
        <translation>同时列出账面为零的物资</translation>
    </message>
    <message>
        <source>Storeroom</source>
        <translation>库房</translation>
    </message>
    <message>
        <source>Counted on</source>
        <translation>盘点日期</translation>
    </message>
    <message>
        <source>e.g. monthly count, November</source>
        <translation>例如：11 月月度盘点</translation>
    </message>
    <message>
        <source>Reason (required)</source>
        <translation>原因（必填）</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>物资</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>On the books</source>
        <translation>账面数量</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>实盘数量</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>差异</translation>
    </message>
    <message>
        <source>Print count sheet…</source>
        <translation>打印盘点表…</translation>
    </message>
    <message>
        <source>Type the counted quantity; leave a row blank if it was not counted. Only counted rows are saved.</source>
        <translation>填写实盘数量；未盘点的行留空。只保存已盘点的行。</translation>
    </message>
    <message>
        <source>%1 rows, %2 counted, %3 differ from the books</source>
        <translation>共 %1 行，已盘 %2 行，%3 行与账面不符</translation>
    </message>
    <message>
        <source>Count sheet</source>
        <translation>盘点表</translation>
    </message>
    <message>
        <source>Preparing the count sheet…</source>
        <translation>正在生成盘点表…</translation>
    </message>
</context>
<context>
    <name>StockTab</name>
    <message>
        <source>Item name or pinyin initials</source>
        <translation>物资名称或拼音首字母</translation>
    </message>
    <message>
        <source>Below threshold only</source>
        <translation>仅看低于下限</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>物资</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>On hand</source>
        <translation>库存</translation>
    </message>
    <message>
        <source>Reserved</source>
        <translation>已预留</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>可用</translation>
    </message>
    <message>
        <source>Value (yuan)</source>
        <translation>价值（元）</translation>
    </message>
    <message>
        <source>Expiring in 30 days</source>
        <translation>30 天内到期</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>Next expiry</source>
        <translation>最近到期日</translation>
    </message>
    <message>
        <source>Low-stock line</source>
        <translation>库存下限</translation>
    </message>
    <message>
        <source>Packages still lack</source>
        <translation>慰问包尚缺</translation>
    </message>
    <message>
        <source>Storeroom</source>
        <translation>库房</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>入库日期</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Days left</source>
        <translation>剩余天数</translation>
    </message>
    <message>
        <source>Expiring within 30 days or expired</source>
        <translation>30 天内到期或已过期</translation>
    </message>
    <message>
        <source>Double-click an item above to see its batches and reservations.</source>
        <translation>双击上方物资，查看其批次和预留。</translation>
    </message>
    <message>
        <source>Item batches and reservations</source>
        <translation>物资批次与预留</translation>
    </message>
    <message>
        <source>What the reservations still lack</source>
        <translation>预留尚缺</translation>
    </message>
    <message>
        <source>Receive donation…</source>
        <translation>接收捐赠…</translation>
    </message>
    <message>
        <source>Other goods in</source>
        <translation>其他入库</translation>
    </message>
    <message>
        <source>Give out…</source>
        <translation>发放…</translation>
    </message>
    <message>
        <source>Write off…</source>
        <translation>报损/报废…</translation>
    </message>
    <message>
        <source>Stock count…</source>
        <translation>盘点…</translation>
    </message>
    <message>
        <source>Move between storerooms…</source>
        <translation>库房调拨…</translation>
    </message>
    <message>
        <source>For</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>Wanted</source>
        <translation>需要</translation>
    </message>
    <message>
        <source>Set aside</source>
        <translation>已预留</translation>
    </message>
    <message>
        <source>Given out</source>
        <translation>已发放</translation>
    </message>
    <message>
        <source>Still lacking</source>
        <translation>尚缺</translation>
    </message>
    <message>
        <source>expired %1 days ago</source>
        <translation>已过期 %1 天</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>All storerooms</source>
        <translation>全部库房</translation>
    </message>
    <message>
        <source>Stock value %1 yuan · %2 items below their low-stock line · %3 batches expiring within 30 days · %4 batches expired</source>
        <translation>库存总值 %1 元 · %2 种物资低于库存下限 · %3 个批次 30 天内到期 · %4 个批次已过期</translation>
    </message>
    <message>
        <source>items short for reservations: %1</source>
        <translation>预留尚缺 %1 种物资</translation>
    </message>
    <message>
        <source>%1 items</source>
        <translation>%1 种物资</translation>
    </message>
    <message>
        <source>%1: %2 batches on hand, %3 active reservations</source>
        <translation>%1：在库批次 %2 个，有效预留 %3 项</translation>
    </message>
    <message>
        <source>Move between storerooms</source>
        <translation>库房调拨</translation>
    </message>
    <message>
        <source>There is only one storeroom: add another in the catalogue first.</source>
        <translation>只有一个库房：请先在“物资目录”中添加库房。</translation>
    </message>
    <message>
        <source>Nothing is in stock.</source>
        <translation>目前没有库存。</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>From storeroom</source>
        <translation>调出库房</translation>
    </message>
    <message>
        <source>To storeroom</source>
        <translation>调入库房</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>TakeWishDialog</name>
    <message>
        <source>Take on the wish</source>
        <translation>接单</translation>
    </message>
    <message>
        <source>Social worker</source>
        <translation>接单社工</translation>
    </message>
    <message>
        <source>Taken on</source>
        <translation>接单日期</translation>
    </message>
</context>
<context>
    <name>TargetsTab</name>
    <message>
        <source>Name, pinyin initials or address</source>
        <translation>姓名、拼音首字母或地址</translation>
    </message>
    <message>
        <source>Record outcome</source>
        <translation>登记结果</translation>
    </message>
    <message>
        <source>Hand over package</source>
        <translation>补发/发放</translation>
    </message>
    <message>
        <source>Signed for</source>
        <translation>已签收</translation>
    </message>
    <message>
        <source>Undo outcome</source>
        <translation>撤销结果</translation>
    </message>
    <message>
        <source>Add to list</source>
        <translation>加入名单</translation>
    </message>
    <message>
        <source>Take off list</source>
        <translation>移出名单</translation>
    </message>
    <message>
        <source>Change package</source>
        <translation>改慰问品</translation>
    </message>
    <message>
        <source>Give to team</source>
        <translation>分给小组</translation>
    </message>
    <message>
        <source>Print visit sheets</source>
        <translation>打印走访表</translation>
    </message>
    <message>
        <source>Print sign-off sheet</source>
        <translation>打印签收表</translation>
    </message>
    <message>
        <source>Export to Excel</source>
        <translation>导出 Excel</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>小组</translation>
    </message>
    <message>
        <source>No team</source>
        <translation>未分组</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>村居</translation>
    </message>
    <message>
        <source>Head of household</source>
        <translation>户主</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Package</source>
        <translation>慰问品</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>次数</translation>
    </message>
    <message>
        <source>Try again on</source>
        <translation>改约日期</translation>
    </message>
    <message>
        <source>Visit date</source>
        <translation>走访日期</translation>
    </message>
    <message>
        <source>Handed over</source>
        <translation>发放</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>签收</translation>
    </message>
    <message>
        <source>Needs</source>
        <translation>诉求</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>To visit</source>
        <translation>待走访</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>Taken off</source>
        <translation>已移出</translation>
    </message>
    <message>
        <source>All teams</source>
        <translation>全部小组</translation>
    </message>
    <message>
        <source>All villages</source>
        <translation>全部村居</translation>
    </message>
    <message>
        <source>%1 households</source>
        <translation>%1 户</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>未完成</translation>
    </message>
    <message>
        <source>Stock is short</source>
        <translation>库存不足</translation>
    </message>
    <message>
        <source>Not everything could be set aside; these are still missing:
%1
Stock received later fills the packages (top up on the Progress tab).</source>
        <translation>未能全部预留，仍缺：
%1
物资入库后可补足慰问品（在“进度”页补足预留）。</translation>
    </message>
    <message>
        <source>Hand over the packages of %1 households today (%2)? They leave stock now.</source>
        <translation>今天为 %1 户（%2）发放慰问品？物资将立即出库。</translation>
    </message>
    <message>
        <source>Undo the outcome recorded for %1: the visit leaves the household&apos;s history and a package handed over goes back into stock.</source>
        <translation>撤销%1的走访结果：该次走访将从走访记录中删除，已发放的慰问品退回库存。</translation>
    </message>
    <message>
        <source>Take %1 off the list? Their packages are no longer held.</source>
        <translation>将 %1 移出名单？其慰问品预留将释放。</translation>
    </message>
    <message>
        <source>%1 households to</source>
        <translation>将 %1 户分给</translation>
    </message>
    <message>
        <source>Preparing the visit sheets…</source>
        <translation>正在生成走访表…</translation>
    </message>
    <message>
        <source>Visit sheets</source>
        <translation>走访表</translation>
    </message>
    <message>
        <source>Preparing the sign-off sheet…</source>
        <translation>正在生成签收表…</translation>
    </message>
    <message>
        <source>Sign-off sheet</source>
        <translation>签收表</translation>
    </message>
    <message>
        <source>Writing the workbook…</source>
        <translation>正在写入 Excel…</translation>
    </message>
    <message>
        <source>%1 rows written to %2.</source>
        <translation>已写入 %1 行：%2</translation>
    </message>
</context>
<context>
    <name>TeamsTab</name>
    <message>
        <source>New team</source>
        <translation>新建小组</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Assign villages</source>
        <translation>按村分配</translation>
    </message>
    <message>
        <source>Plan an outing</source>
        <translation>安排出访</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>小组</translation>
    </message>
    <message>
        <source>Leader</source>
        <translation>带队社工</translation>
    </message>
    <message>
        <source>Partner unit</source>
        <translation>共建单位</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Volunteers</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <source>Households</source>
        <translation>户数</translation>
    </message>
    <message>
        <source>To visit</source>
        <translation>待走访</translation>
    </message>
    <message>
        <source>Outings</source>
        <translation>出访日期</translation>
    </message>
    <message>
        <source>Volunteers on a planned outing are on the roster for that day: they sign in and out at the front desk, and their hours count for the campaign.</source>
        <translation>已安排出访的志愿者排入当天的排班：在前台签到、签退，服务时长计入本次活动。</translation>
    </message>
    <message>
        <source>%1 teams</source>
        <translation>%1 个小组</translation>
    </message>
    <message>
        <source>Delete the team %1? Its %2 households go back to no team.</source>
        <translation>删除小组“%1”？其 %2 户将变为未分组。</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>未完成</translation>
    </message>
    <message>
        <source>The outing of %1 is on the roster. Its %2 volunteers were put on it: they sign in and out at the front desk on the day, and their hours count for the campaign.</source>
        <translation>“%1”的出访已排入排班表，%2 名志愿者已排入：当天在前台签到、签退，服务时长计入本次活动。</translation>
    </message>
</context>
<context>
    <name>ThanksPeriodDialog</name>
    <message>
        <source>Thank-you letters</source>
        <translation>感谢信</translation>
    </message>
    <message>
        <source>A letter to every donor who gave in this period:</source>
        <translation>给这段时间内每位捐赠方各写一封感谢信：</translation>
    </message>
</context>
<context>
    <name>UseGoodsDialog</name>
    <message>
        <source>Goods used</source>
        <translation>使用物资</translation>
    </message>
    <message>
        <source>Used on</source>
        <translation>使用日期</translation>
    </message>
    <message>
        <source>Goods</source>
        <translation>物资</translation>
    </message>
    <message>
        <source>The goods leave the stock on one voucher, to the activity.</source>
        <translation>物资以一张出库单出库，去向为本活动。</translation>
    </message>
    <message>
        <source>Nothing is in stock.</source>
        <translation>库存中没有可用物资。</translation>
    </message>
</context>
<context>
    <name>VisitDayDialog</name>
    <message>
        <source>New home-visit day</source>
        <translation>新建家访日</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>One theme a month, e.g. safe heating in winter</source>
        <translation>一月一主题，如：冬季取暖安全</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Each ticked worker gets a team with the households whose visit is due by the window&apos;s end, in route order.</source>
        <translation>每位勾选的社工一个小组，名单为截至结束日应走访的户，按路线排序。</translation>
    </message>
    <message>
        <source>%1-%2 home-visit day</source>
        <translation>%1年%2月家访日</translation>
    </message>
    <message>
        <source>Social workers (households due by %1)</source>
        <translation>社工（截至 %1 应走访户数）</translation>
    </message>
    <message>
        <source>%1 — %2 households</source>
        <translation>%1 — %2 户</translation>
    </message>
    <message>
        <source>%1 households, %2 teams</source>
        <translation>共 %1 户，%2 个小组</translation>
    </message>
</context>
<context>
    <name>VisitFormDialog</name>
    <message>
        <source>Record a visit</source>
        <translation>记录走访</translation>
    </message>
    <message>
        <source>Names, separated by 、</source>
        <translation>多人用“、”分隔</translation>
    </message>
    <message>
        <source>What was seen and talked about</source>
        <translation>看到的情况、谈了什么</translation>
    </message>
    <message>
        <source>e.g. come back on Thursday</source>
        <translation>例如：周四再访</translation>
    </message>
    <message>
        <source>One need per line, e.g. help applying for temporary assistance</source>
        <translation>每行一条，例如：协助申请临时救助</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>走访日期</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>走访方式</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>走访结果</translation>
    </message>
    <message>
        <source>Visitors</source>
        <translation>走访人</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>情况摘要</translation>
    </message>
    <message>
        <source>Next action</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Needs heard</source>
        <translation>群众诉求</translation>
    </message>
    <message>
        <source>Urgency of the needs</source>
        <translation>诉求紧急程度</translation>
    </message>
    <message>
        <source>Only a visit where the household was seen resets its visit clock.</source>
        <translation>只有“已走访”才会重新计算下次走访日期。</translation>
    </message>
</context>
<context>
    <name>VoidDialog</name>
    <message>
        <source>Void attendance</source>
        <translation>作废考勤</translation>
    </message>
    <message>
        <source>e.g. signed in by mistake</source>
        <translation>例如：误签到</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>A void visit stays on file, marked void; it counts no hours.</source>
        <translation>作废的记录仍留档并标为作废，不计时长。</translation>
    </message>
</context>
<context>
    <name>VolunteerChecks</name>
    <message>
        <source>Find a volunteer: name, pinyin initials or phone tail</source>
        <translation>查找志愿者：姓名、拼音首字母或电话尾号</translation>
    </message>
    <message>
        <source>%1 volunteers chosen</source>
        <translation>已选 %1 名志愿者</translation>
    </message>
</context>
<context>
    <name>VolunteerForm</name>
    <message>
        <source>Active</source>
        <translation>在岗</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>已退出</translation>
    </message>
</context>
<context>
    <name>VolunteerFormDialog</name>
    <message>
        <source>Change volunteer %1</source>
        <translation>编辑志愿者 %1</translation>
    </message>
    <message>
        <source>Add a volunteer</source>
        <translation>新增志愿者</translation>
    </message>
    <message>
        <source>18 characters; gives the birthdate and gender</source>
        <translation>18 位，自动得出出生日期和性别</translation>
    </message>
    <message>
        <source>(not given)</source>
        <translation>（未填）</translation>
    </message>
    <message>
        <source>e.g. 1950-03-07</source>
        <translation>如 1950-03-07</translation>
    </message>
    <message>
        <source>Mobile: its last 4 digits sign in at the kiosk</source>
        <translation>手机号：后四位用于签到机签到</translation>
    </message>
    <message>
        <source>Communist Party member</source>
        <translation>中共党员</translation>
    </message>
    <message>
        <source>(no team)</source>
        <translation>（未加入服务队）</translation>
    </message>
    <message>
        <source>Leads the team</source>
        <translation>服务队队长</translation>
    </message>
    <message>
        <source>National volunteer platform number</source>
        <translation>全国志愿服务信息系统编号</translation>
    </message>
    <message>
        <source>e.g. 2024-03-05</source>
        <translation>如 2024-03-05</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Birthdate</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>服务队</translation>
    </message>
    <message>
        <source>Volunteer number</source>
        <translation>志愿者编号</translation>
    </message>
    <message>
        <source>Joined on</source>
        <translation>加入日期</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Emergency contact</source>
        <translation>紧急联系人</translation>
    </message>
    <message>
        <source>Emergency phone</source>
        <translation>紧急联系电话</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Skills</source>
        <translation>技能</translation>
    </message>
    <message>
        <source>Masked numbers are kept as they are on file unless you type over them.</source>
        <translation>带 * 的号码保持档案中的原值，除非重新输入。</translation>
    </message>
</context>
<context>
    <name>VolunteersPage</name>
    <message>
        <source>Volunteers</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <source>Teams</source>
        <translation>服务队</translation>
    </message>
    <message>
        <source>Skills</source>
        <translation>技能</translation>
    </message>
    <message>
        <source>Hours certificates</source>
        <translation>时长证明</translation>
    </message>
    <message>
        <source>Name, pinyin initials or phone tail</source>
        <translation>姓名、拼音首字母或手机尾号</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>New volunteer</source>
        <translation>新增志愿者</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Issue new volunteer card</source>
        <translation>补发志愿者卡</translation>
    </message>
    <message>
        <source>Revoke card</source>
        <translation>作废志愿者卡</translation>
    </message>
    <message>
        <source>Issue hours certificate…</source>
        <translation>开具时长证明…</translation>
    </message>
    <message>
        <source>Print volunteer cards…</source>
        <translation>打印志愿者卡…</translation>
    </message>
    <message>
        <source>Import volunteers…</source>
        <translation>导入志愿者…</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source> (leader)</source>
        <translation>（队长）</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>服务队</translation>
    </message>
    <message>
        <source>Party member</source>
        <translation>党员</translation>
    </message>
    <message>
        <source>Volunteer number</source>
        <translation>志愿者编号</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>%1 volunteers</source>
        <translation>共 %1 名志愿者</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>未完成</translation>
    </message>
    <message>
        <source>Issue a new card for %1? The card they hold now is revoked and no longer signs in at the kiosk.</source>
        <translation>为 %1 补发志愿者卡？其现有的卡将作废，不能再在签到机上签到。</translation>
    </message>
    <message>
        <source>Issue a volunteer card for %1?</source>
        <translation>为 %1 发放志愿者卡？</translation>
    </message>
    <message>
        <source>A new card code was issued for %1 (it ends in …%2); the card printout uses it.</source>
        <translation>已为 %1 生成新的志愿者卡码（末四位 …%2），打印志愿者卡时使用。</translation>
    </message>
    <message>
        <source>%1 holds no valid card.</source>
        <translation>%1 没有有效的志愿者卡。</translation>
    </message>
    <message>
        <source>Why is the card of %1 revoked (lost, stolen ...)?</source>
        <translation>%1 的志愿者卡作废原因（遗失、被盗……）：</translation>
    </message>
    <message>
        <source>Preparing the volunteer cards…</source>
        <translation>正在生成志愿者卡…</translation>
    </message>
    <message>
        <source>Volunteer cards</source>
        <translation>志愿者卡</translation>
    </message>
    <message>
        <source>Nobody here holds a valid volunteer card: issue cards first.</source>
        <translation>这里没有持有效志愿者卡的志愿者：请先发卡。</translation>
    </message>
    <message>
        <source>%1 cards are ready. %2 volunteers hold no valid card and are not printed; issue them a card first.</source>
        <translation>已生成 %1 张志愿者卡。另有 %2 名志愿者没有有效的志愿者卡，未打印；请先为他们发卡。</translation>
    </message>
    <message>
        <source>Service from (YYYY-MM-DD)</source>
        <translation>服务期间自（年-月-日）</translation>
    </message>
    <message>
        <source>Service to (YYYY-MM-DD)</source>
        <translation>服务期间至（年-月-日）</translation>
    </message>
    <message>
        <source>Hours certificate for %1</source>
        <translation>为 %1 开具志愿服务时长证明</translation>
    </message>
    <message>
        <source>In this period %1 sign-ins are waiting for confirmation (补登), %2 hours in all; better confirm them first under Attendance and hours.

Issue the certificate anyway?</source>
        <translation>期间有 %1 次签到待确认（补登），共 %2 小时；建议先在“考勤与时长”确认。

仍要开具时长证明吗？</translation>
    </message>
    <message>
        <source>Preparing the hours certificate…</source>
        <translation>正在生成时长证明…</translation>
    </message>
    <message>
        <source>Hours certificate</source>
        <translation>志愿服务时长证明</translation>
    </message>
    <message>
        <source>Leader</source>
        <translation>队长</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>在用</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Add team</source>
        <translation>新增服务队</translation>
    </message>
    <message>
        <source>Edit team</source>
        <translation>编辑服务队</translation>
    </message>
    <message>
        <source>Skill</source>
        <translation>技能</translation>
    </message>
    <message>
        <source>Add skill</source>
        <translation>新增技能</translation>
    </message>
    <message>
        <source>Edit skill</source>
        <translation>编辑技能</translation>
    </message>
    <message>
        <source>Print again</source>
        <translation>重新打印</translation>
    </message>
    <message>
        <source>Void…</source>
        <translation>作废…</translation>
    </message>
    <message>
        <source>Certificate no.</source>
        <translation>证明编号</translation>
    </message>
    <message>
        <source>Volunteer</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <source>Service period</source>
        <translation>服务期间</translation>
    </message>
    <message>
        <source>Service hours</source>
        <translation>服务时长</translation>
    </message>
    <message>
        <source>Issued on</source>
        <translation>出具日期</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Void: %1</source>
        <translation>作废：%1</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>%1 certificates</source>
        <translation>共 %1 份证明</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>作废原因</translation>
    </message>
    <message>
        <source>Misprinted, wrong period …</source>
        <translation>打印错误、期间有误……</translation>
    </message>
    <message>
        <source>Void certificate %1</source>
        <translation>作废证明 %1</translation>
    </message>
    <message>
        <source>All teams</source>
        <translation>全部服务队</translation>
    </message>
    <message>
        <source>All skills</source>
        <translation>全部技能</translation>
    </message>
</context>
<context>
    <name>WallTab</name>
    <message>
        <source>Open wishes a donor could adopt. Donors see the alias and the village only.</source>
        <translation>爱心人士可以认领的心愿。对外只显示称呼和村居。</translation>
    </message>
    <message>
        <source>Print wish list…</source>
        <translation>打印心愿清单…</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>Alias</source>
        <translation>称呼</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>村居</translation>
    </message>
    <message>
        <source>The wish</source>
        <translation>心愿</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>心愿缘由</translation>
    </message>
    <message>
        <source>Estimated value</source>
        <translation>估价</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>%1 open wishes, together ¥%2</source>
        <translation>待认领心愿 %1 个，合计 ¥%2</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>未完成</translation>
    </message>
    <message>
        <source>Wish list</source>
        <translation>心愿清单</translation>
    </message>
</context>
<context>
    <name>WeekModel</name>
    <message>
        <source> and %1 more</source>
        <translation>，另 %1 人</translation>
    </message>
    <message>
        <source>Needs: %1</source>
        <translation>需要技能：%1</translation>
    </message>
</context>
<context>
    <name>WishesPage</name>
    <message>
        <source>Micro-wishes</source>
        <translation>微心愿</translation>
    </message>
    <message>
        <source>Wish wall</source>
        <translation>心愿墙</translation>
    </message>
    <message>
        <source>All wishes</source>
        <translation>全部心愿</translation>
    </message>
</context>
<context>
    <name>ops</name>
    <message>
        <source>Station Desk</source>
        <translation>站务通</translation>
    </message>
    <message>
        <source>Backing up the station database…</source>
        <translation>正在备份社工站数据库…</translation>
    </message>
    <message>
        <source>The backup was saved and checked:
{path}</source>
        <translation>备份已保存并校验：
{path}</translation>
    </message>
    <message>
        <source>Choose a backup to restore</source>
        <translation>选择要恢复的备份</translation>
    </message>
    <message>
        <source>Station Desk backups (*.sqlite3);;All files (*)</source>
        <translation>站务通备份 (*.sqlite3);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>Replace the station database with the backup
{name}?

Everything entered since that backup will be replaced. A safety copy of the current database is taken first, so this can be undone.</source>
        <translation>用以下备份替换社工站数据库吗？
{name}

该备份之后录入的所有内容都将被替换。恢复前会先为当前数据库做一份安全副本，因此可以撤销。</translation>
    </message>
    <message>
        <source>Restoring the station database…</source>
        <translation>正在恢复社工站数据库…</translation>
    </message>
    <message>
        <source>The station database was restored from
{path}</source>
        <translation>社工站数据库已从以下备份恢复：
{path}</translation>
    </message>
    <message>
        <source>The data it replaced is kept in
{path}</source>
        <translation>被替换的数据保存在：
{path}</translation>
    </message>
    <message>
        <source>The damaged file was moved aside to
{path}</source>
        <translation>损坏的文件已移至：
{path}</translation>
    </message>
    <message>
        <source>Loading the demo station…</source>
        <translation>正在载入演示社工站…</translation>
    </message>
</context>
</TS>
