<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
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
        <source>Back up now</source>
        <translation>立即备份</translation>
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
        <source>none assigned yet</source>
        <translation>尚未分配</translation>
    </message>
    <message>
        <source>My villages: %1</source>
        <translation>我负责的村：%1</translation>
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
    <name>SettingsPage</name>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
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
        <source>Characters the printer font lacks</source>
        <translation>打印字体缺少的字</translation>
    </message>
    <message>
        <source>These records contain characters no installed font can print; they will show as empty boxes:
%1</source>
        <translation>以下记录含有本机字体无法打印的字，打印出来会是空框：
%1</translation>
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
