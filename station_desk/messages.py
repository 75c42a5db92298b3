"""What error codes and CLI lines say, in Chinese (default) and English.

The core raises codes with parameters; the CLI (and the GUI, for core errors)
turns them into a sentence here. A test checks every code has both languages.
"""

from __future__ import annotations

import os

DEFAULT_LANG = "zh"

MESSAGES: dict[str, tuple[str, str]] = {
    # generic
    "error": ("出错了：{detail}", "Something went wrong: {detail}"),
    "permission_denied": ("当前角色（{role}）无权执行此操作（{permission}）。",
                          "Your role ({role}) may not do this ({permission})."),
    "not_your_village": ("该村居不由您负责，无法查看或修改。",
                         "That village is not yours: you can't see or change it."),
    "not_found": ("找不到记录（{table} #{id}）。", "No such record ({table} #{id})."),
    "required": ("请填写“{field}”。", "Please fill in \"{field}\"."),
    "too_long": ("“{field}”太长（最多 {max_length} 个字）。",
                 "\"{field}\" is too long (at most {max_length} characters)."),
    "not_a_number": ("“{field}”必须是数字。", "\"{field}\" must be a number."),
    "integrity": ("保存失败：数据与已有记录冲突（{detail}）。",
                  "Not saved: it clashes with an existing record ({detail})."),
    "invalid": ("输入有误。", "Invalid input."),
    # validation
    "bad_phone": ("电话号码“{value}”无效：手机为 1 开头的 11 位数字，座机如 020-12345678。",
                  "Phone \"{value}\" is not valid: a mobile has 11 digits starting with 1, "
                  "a landline looks like 020-12345678."),
    "bad_id_length": ("身份证号“{value}”应为 18 位（最后一位可以是 X）。",
                      "ID number \"{value}\" must have 18 characters (the last may be X)."),
    "bad_id_checksum": ("身份证号“{value}”校验位不对，请核对。",
                        "ID number \"{value}\" fails its check digit; please check it."),
    "bad_id_birthdate": ("身份证号“{value}”中的出生日期（第 7-14 位）不是有效日期。",
                         "ID number \"{value}\" holds no valid birthdate (digits 7-14)."),
    "bad_id_region": ("身份证号“{value}”的前两位不是有效的省级行政区划代码。",
                      "ID number \"{value}\" does not start with a valid province code."),
    "id_old_15": ("“{value}”是 15 位旧身份证号，请换成 18 位新号码。",
                  "\"{value}\" is an old 15-digit ID number; use the 18-digit one."),
    "id_as_number": ("身份证号“{value}”被 Excel 存成了数字，末几位已丢失，请按文本重新录入。",
                     "ID number \"{value}\" was stored by Excel as a number and lost its last "
                     "digits; enter it again as text."),
    "id_birthdate_mismatch": ("身份证号“{value}”对应的出生日期是 {derived}，与填写的 {typed} 不符。",
                              "ID number \"{value}\" gives the birthdate {derived}, not {typed} as typed."),
    "id_gender_mismatch": ("身份证号“{value}”对应的性别与填写的不符。",
                           "ID number \"{value}\" gives the other gender than the one typed."),
    "id_taken": ("身份证号 {value} 已在档：{village} {head} 户的成员 {name}。",
                 "ID number {value} is on file already: {name}, of {head}'s household in {village}."),
    "id_twice": ("身份证号 {value} 在本户填了两次。", "ID number {value} appears twice in this household."),
    "bad_date": ("“{field}”的日期“{value}”无法识别，请写成 2024-03-05。",
                 "The date \"{value}\" in \"{field}\" is not understood; write it like 2024-03-05."),
    "date_in_future": ("“{field}”的日期 {value} 晚于今天。", "The date {value} in \"{field}\" is after today."),
    "bad_choice": ("“{field}”的值“{value}”不在可选范围内。", "\"{value}\" is not a choice for \"{field}\"."),
    "cannot_delete_head": ("{name} 是户主，不能删除；请先把另一位成员设为户主。",
                           "{name} is the head of the household and can't be removed; make another "
                           "member the head first."),
    "volunteer_not_active": ("{name} 已暂停或退出志愿服务，请到前台咨询。",
                             "{name} is paused or has left; please ask at the front desk."),
    "kiosk_no_station": ("这个数据库里还没有社工站和账号：请先在办公窗口中建立社工站。",
                         "This database has no station or accounts yet: set the station up in "
                         "the office window first."),
    "sign_out_before_sign_in": ("签退时间 {at} 早于签到时间。", "The sign-out time {at} is before the sign-in."),
    "bad_username": ("用户名“{value}”无效：2-32 位小写字母、数字、点、横线或下划线。",
                     "Username \"{value}\" is not valid: 2-32 lower-case letters, digits, "
                     ". - or _."),
    # accounts
    "auth_failed": ("用户名或密码不正确。", "Wrong username or password."),
    "account_inactive": ("账号 {username} 已停用，请联系站长。",
                         "Account {username} is disabled; ask the station head."),
    "password_too_short": ("密码至少 {minimum} 位。", "The password needs at least {minimum} characters."),
    "password_unchanged": ("新密码不能与旧密码相同。", "The new password must differ from the old one."),
    "bad_role": ("未知角色“{value}”。", "Unknown role \"{value}\"."),
    "username_taken": ("用户名“{value}”已被使用。", "Username \"{value}\" is taken."),
    "accounts_exist": ("已有账号，不能再次初始化。", "There are accounts already; setup is done."),
    "last_head": ("这是最后一个在用的站长账号，不能停用或改为其他角色。",
                  "This is the last active head account: it can't be disabled or demoted."),
    "staff_has_villages": ("{name} 仍负责 {count} 个村居，请先把村居转交给其他社工。",
                           "{name} is still responsible for {count} villages; hand them to "
                           "another social worker first."),
    "cli_needs_user": ("PostgreSQL 数据库需要用 --user 指定账号登录。",
                       "A PostgreSQL database needs --user to sign in."),
    "cli_must_change_password": ("账号 {username} 须先设置自己的密码：请运行 station-desk --user {username} passwd",
                                 "Account {username} must choose its own password first: run "
                                 "station-desk --user {username} passwd"),
    "passwd_needs_user": ("passwd 更改登录账号自己的密码，请用 --user 指定账号：station-desk --user 登录名 passwd",
                          "passwd changes the signed-in account's own password; name the "
                          "account with --user: station-desk --user NAME passwd"),
    "cli_bad_count": ("应为 0 到 {maximum} 之间的整数（现为“{value}”）",
                      "must be a whole number from 0 to {maximum} (not \"{value}\")"),
    "cli_bad_limit": ("应为 1 到 {maximum} 之间的整数（现为“{value}”）",
                      "must be a whole number from 1 to {maximum} (not \"{value}\")"),
    "password_prompt": ("{username} 的密码：", "Password for {username}: "),
    "password_repeat": ("再输入一次：", "Repeat it: "),
    "password_mismatch": ("两次输入的密码不一致。", "The passwords do not match."),
    "no_password": ("需要密码：请在终端输入，或设置环境变量 STATION_DESK_PASSWORD。",
                    "A password is needed: type it in a terminal or set STATION_DESK_PASSWORD."),
    "new_password_prompt": ("{username} 的新密码：", "New password for {username}: "),
    "no_new_password": ("需要设置新密码：请在终端输入两次，或设置环境变量 STATION_DESK_NEW_PASSWORD"
                        "（STATION_DESK_PASSWORD 只用于 --user 登录）。",
                        "A new password is needed: type it twice in a terminal or set "
                        "STATION_DESK_NEW_PASSWORD (STATION_DESK_PASSWORD is only for signing "
                        "in with --user)."),
    # station and lookups
    "not_a_head": ("{name} 不是站长账号。", "{name} is not a head account."),
    "bad_village_kind": ("未知的村居类型“{value}”。", "Unknown village kind \"{value}\"."),
    "group_needs_village": ("村民小组必须属于某个村居。", "A group must belong to a village."),
    "bad_village_parent": ("“{kind}”不能放在“{parent_kind}”之下。",
                           "A \"{kind}\" can't sit under a \"{parent_kind}\"."),
    "staff_has_households": ("{name} 仍负责 {count} 户服务对象，请先在服务对象档案里把这些户交给其他社工。",
                             "{name} is still responsible for {count} households; hand them to "
                             "another social worker in their files first."),
    "household_village_kind": ("服务对象户要登记在村居或村民小组下，不能登记在镇街。",
                               "A household is filed under a village or a villagers' group, not a town."),
    "household_needs_head": ("每户要有一位户主：请把另一位成员设为户主，而不是改掉现在的户主。",
                             "A household needs a head: make another member the head instead of "
                             "changing the present one."),
    "not_a_social_worker": ("{name} 不是在岗社工，不能负责村居。",
                            "{name} is not an active social worker and can't be responsible "
                            "for a village."),
    "village_code_taken": ("村居编码“{value}”已存在。", "Village code \"{value}\" exists already."),
    "village_name_taken": ("同一上级下已有“{value}”。", "\"{value}\" exists already under that parent."),
    "category_name_taken": ("类别“{value}”已存在。", "Category \"{value}\" exists already."),
    "tier_level_taken": ("级别 {value} 已存在。", "Tier level {value} exists already."),
    "tier_name_taken": ("分级名称“{value}”已存在。", "Tier name \"{value}\" exists already."),
    "tier_level_positive": ("级别必须是正整数。", "The level must be a positive whole number."),
    "tier_interval_range": ("走访周期应在 1 到 3660 天之间（现为 {value}）。",
                            "The visit interval must be 1 to 3660 days (it is {value})."),
    "setting_unknown": ("没有名为“{key}”的设置。", "There is no setting \"{key}\"."),
    "setting_bad_value": ("设置“{key}”的值“{value}”无效。", "\"{value}\" is not valid for \"{key}\"."),
    "setting_out_of_range": ("设置“{key}”应在 {minimum} 到 {maximum} 之间（现为 {value}）。",
                             "\"{key}\" must be between {minimum} and {maximum} (it is {value})."),
    # database
    "db_bad_url": ("数据库地址“{url}”无法识别：请用文件路径、sqlite:///路径 或 postgresql://…",
                   "Database address \"{url}\" is not understood: use a file path, "
                   "sqlite:///path or postgresql://…"),
    "db_missing": ("数据库文件 {path} 不存在。", "Database file {path} does not exist."),
    "db_not_sqlite": ("{path} 不是站务通数据库文件（不是 SQLite 文件）。{hint}",
                      "{path} is not a Station Desk database (not a SQLite file).{hint}"),
    "db_foreign": ("{path} 是其他程序的 SQLite 数据库，不会写入。请换一个文件。",
                   "{path} is another program's SQLite database; it will not be written to. "
                   "Choose another file."),
    "db_damaged": ("数据库文件 {path} 已损坏（{detail}）。{hint}",
                   "The database file {path} is damaged ({detail}).{hint}"),
    "db_unreadable": ("无法打开数据库文件 {path}（{detail}）。请检查文件权限和磁盘。{hint}",
                      "Can't open the database file {path} ({detail}). Check the file's "
                      "permissions and the disk.{hint}"),
    "db_locked": ("数据库文件 {path} 正被其他程序长时间占用，请稍后重试；如果问题持续，请关闭其他打开它的程序。",
                  "The database file {path} is held by another program; try again shortly, "
                  "and close other programs that have it open if it persists."),
    "db_network_share": ("{path} 位于网络共享目录。SQLite 在网络文件系统上无法可靠加锁，可能损坏数据。"
                         "请把数据库放在本机磁盘；多台电脑共用请使用 PostgreSQL（--db postgresql://…）。",
                         "{path} is on a network share. SQLite can't lock reliably over network "
                         "file systems and data could be damaged. Keep the database on a local "
                         "disk; for several PCs use PostgreSQL (--db postgresql://…)."),
    "db_newer": ("{path} 由更新版本的站务通创建（数据版本 {version}，本程序支持到 {supported}），请升级程序。",
                 "{path} was written by a newer Station Desk (schema {version}; this program "
                 "knows up to {supported}). Please upgrade the program."),
    "pg_driver_missing": ("使用 PostgreSQL 需要安装 psycopg2：pip install 'station-desk[postgres]'",
                          "PostgreSQL needs psycopg2: pip install 'station-desk[postgres]'"),
    "pg_unreachable": ("无法连接 PostgreSQL 数据库 {url}（{detail}）。",
                       "Can't reach the PostgreSQL database {url} ({detail})."),
    "hint_restore": (" 最近一份完好的备份是 {backup}，可用 station-desk restore \"{backup}\" 恢复（损坏的文件会保留为 .damaged）。",
                     " The newest good backup is {backup}; restore it with station-desk restore "
                     "\"{backup}\" (the damaged file is kept as .damaged)."),
    "hint_no_backup": (" 没有找到可用的备份。请勿删除该文件，联系技术支持。",
                       " No usable backup was found. Don't delete the file; ask for support."),
    # backups
    "backup_sqlite_only": ("备份与恢复只适用于本机 SQLite 数据库；PostgreSQL 请用服务器的 pg_dump 备份。",
                           "Backup and restore work on a local SQLite database; back up "
                           "PostgreSQL with the server's pg_dump."),
    "backup_missing": ("备份文件 {path} 不存在。", "Backup file {path} does not exist."),
    "backup_not_sqlite": ("{path} 不是数据库备份文件。", "{path} is not a database backup."),
    "backup_damaged": ("备份文件 {path} 已损坏（{detail}），不能使用。",
                       "Backup file {path} is damaged ({detail}) and can't be used."),
    "backup_foreign": ("{path} 不是站务通的备份。", "{path} is not a Station Desk backup."),
    "backup_newer": ("备份 {path} 来自更新版本的站务通（数据版本 {version}，本程序支持到 {supported}）。",
                     "Backup {path} comes from a newer Station Desk (schema {version}; this "
                     "program knows up to {supported})."),
    "backup_failed": ("备份到 {path} 失败：{detail}", "Backup to {path} failed: {detail}"),
    "backup_target_exists": ("{path} 已存在，不会覆盖。", "{path} exists already; it is not overwritten."),
    "restore_without_user": ("数据库文件 {path} 已损坏或无法读取，账号也存在其中，所以无法用 --user 登录。"
                             "请不带 --user 运行：station-desk restore \"{source}\"（命令行在本机文件上以站长身份操作，"
                             "损坏的文件会保留为 .damaged）。",
                             "The database file {path} is damaged or unreadable, and the accounts "
                             "are in it, so --user can't sign in. Run the restore without --user: "
                             "station-desk restore \"{source}\" (the command line acts as the head "
                             "on a local file; the damaged file is kept as .damaged)."),
    "backup_is_live": ("{path} 就是当前数据库，不能用它恢复自己。",
                       "{path} is the live database itself."),
    "demo_not_empty": ("数据库中已有数据，演示数据只能装入空数据库。请用 --db 指定一个新文件。",
                       "The database has data already; demo data goes into an empty database "
                       "only. Name a new file with --db."),
    # check
    "check_quick_ok": ("SQLite 完整性检查：正常", "SQLite integrity check: ok"),
    "check_quick_failed": ("SQLite 完整性检查发现 {count} 处问题，例如：{first}",
                           "SQLite integrity check found {count} problems, e.g. {first}"),
    "check_fk_ok": ("外键检查：正常", "Foreign-key check: ok"),
    "check_fk_failed": ("外键检查：{count} 行引用了不存在的记录（{tables}）",
                        "Foreign-key check: {count} rows point at missing records ({tables})"),
    "check_not_wal": ("日志模式为 {mode}（应为 wal）", "Journal mode is {mode} (should be wal)"),
    "check_schema_ok": ("数据版本：{version}（最新）", "Schema version: {version} (current)"),
    "check_schema_mismatch": ("数据版本 {version}，程序需要 {latest}",
                              "Schema version {version}; the program needs {latest}"),
    "check_crashed": ("检查“{name}”无法完成：{detail}", "Check \"{name}\" could not run: {detail}"),
    "check_no_station": ("尚未填写社工站信息", "The station's details are not filled in"),
    "check_no_head": ("没有在用的站长账号", "There is no active head account"),
    "check_village_worker": ("{village} 的负责人 {name} 不是在岗社工",
                             "{village}'s responsible person {name} is not an active social worker"),
    "check_station_ok": ("社工站、账号与村居：正常", "Station, accounts and villages: ok"),
    "stock_campaign_via_campaign": ("这是慰问活动的发放记录：请在该活动的走访名单中“撤销结果”，发放和走访记录会一并撤销。",
                                    "This is a campaign delivery: undo the outcome on the campaign's list, which reverses the delivery and the visit together."),
    "check_campaigns_ok": ("慰问活动：{count} 个，发放记录与出库单一致",
                           "Campaigns: {count}, deliveries agree with the stock ledger"),
    "check_campaign_deliveries": ("慰问活动：{count} 户的发放记录与出库单不符（单据不是该活动对该户的发放，或已冲销）",
                                  "Campaigns: {count} deliveries do not match a standing campaign voucher to that household"),
    "check_campaign_held": ("慰问活动：已结束的活动仍预留着 {count} 种物资",
                            "Campaigns: closed campaigns still hold {count} reservations"),
    "check_stock_ok": ("物资台账：{count} 条出入库记录，账实相符（任何一天都无负库存）",
                       "Stock ledger: {count} movements, adding up (no negative stock on any day)"),
    "check_stock_negative": ("物资台账：{count} 处负库存，例如“{item}”在 {day} 为 {balance}",
                             "Stock ledger: {count} negative balances, e.g. \"{item}\" at {balance} on {day}"),
    "check_stock_rows": ("物资台账：{count} 行与其批次或单据不一致",
                         "Stock ledger: {count} rows disagree with their batch or voucher"),
    "check_reservations": ("物资预留：{count} 条预留数量不合理",
                           "Reservations: {count} hold impossible quantities"),
    "check_ack_gap": ("捐赠接收凭证：{year} 年计数器到 {last} 号，实际开出 {issued} 张",
                      "Acknowledgements: {year}'s counter stands at {last}, {issued} were issued"),
    "check_cash_negative": ("现金账：{day} 余额为 {balance} 元",
                            "Cash book: the balance is {balance} yuan on {day}"),
    "check_summary_ok": ("检查通过：{count} 项正常。", "All checks passed: {count} ok."),
    "check_summary_bad": ("检查发现 {problems} 个问题、{warnings} 个提醒。",
                          "Checks found {problems} problems and {warnings} warnings."),
    # household exports and visit sheets
    "unknown_village": ("没有名为“{value}”的村居。可选：{choices}",
                        "There is no village \"{value}\". Choices: {choices}"),
    "ambiguous_village": ("有多个村居叫“{value}”，请写村居编码：{choices}",
                          "Several villages are called \"{value}\"; give the code: {choices}"),
    "unknown_category": ("没有名为“{value}”的人员类别。可选：{choices}",
                         "There is no category \"{value}\". Choices: {choices}"),
    "unknown_tier": ("没有“{value}”这个分级。可选：{choices}",
                     "There is no tier \"{value}\". Choices: {choices}"),
    "unknown_worker": ("没有登录名或姓名为“{value}”的社工。可选：{choices}",
                       "There is no social worker \"{value}\". Choices: {choices}"),
    "ambiguous_worker": ("有多位社工叫“{value}”，请写登录名：{choices}",
                         "Several social workers are called \"{value}\"; give the username: {choices}"),
    "unknown_status": ("没有“{value}”这个状态。可选：{choices}",
                       "There is no status \"{value}\". Choices: {choices}"),
    "export_no_folder": ("文件夹 {path} 不存在，请先建好或换一个位置。",
                         "The folder {path} does not exist; create it or choose another place."),
    "export_write_failed": ("无法写入 {path}：{detail}", "Can't write {path}: {detail}"),
    "export_file_busy": ("无法替换 {path}（{detail}）：文件可能正在 Excel 或 WPS 中打开，请关闭后重试。",
                         "Can't replace {path} ({detail}): it may be open in Excel or WPS; "
                         "close it and try again."),
    "visit_sheets_empty": ("没有符合条件的住户，未生成走访登记表。",
                           "No households match; no visit sheet was written."),
    # household import
    "import_no_file": ("找不到文件 {path}。", "File {path} not found."),
    "import_bad_suffix": ("不能导入 {suffix} 文件（{path}）：请用 .xlsx、.xls、.ods 或 .csv 文件。",
                          "{suffix} files can't be imported ({path}): use .xlsx, .xls, .ods or .csv."),
    "import_unreadable": ("无法读取 {path}（{detail}）：文件可能已损坏、设了密码，或不是表格文件。",
                          "Can't read {path} ({detail}): the file may be damaged, protected by a "
                          "password, or not a spreadsheet."),
    "import_no_sheet": ("工作簿中没有名为“{sheet}”的工作表。可选：{choices}",
                        "The workbook has no sheet \"{sheet}\". Sheets: {choices}"),
    "import_empty": ("工作表“{sheet}”是空的。", "The sheet \"{sheet}\" is empty."),
    "import_no_header": ("在工作表“{sheet}”的前 20 行中找不到表头：应有“户主姓名”或“姓名”、"
                         "“身份证号码”、“所属村(社区)”等列。",
                         "No header found in the first 20 rows of \"{sheet}\": it should have "
                         "columns such as 户主姓名 or 姓名, 身份证号码, 所属村(社区)."),
    "import_no_name_column": ("工作表“{sheet}”的表头中没有“户主姓名”或“姓名”列。",
                              "The header of \"{sheet}\" has no 户主姓名 or 姓名 column."),
    "import_no_rows": ("工作表“{sheet}”的表头下面没有数据。",
                       "The sheet \"{sheet}\" has no rows under its header."),
    "import_no_name": ("这一行没有姓名。", "This row has no name."),
    "import_member_without_head": ("{value} 是家庭成员，但上面没有其户主所在的行。",
                                   "{value} is a member, but no row of their head comes before it."),
    "import_head_name_differs": ("与户主关系是“户主”，但姓名“{value}”与户主姓名“{head}”不同。",
                                 "The relation says 户主 (head), but the name \"{value}\" differs "
                                 "from the head's name \"{head}\"."),
    "import_head_value_on_member_row": ("这是家庭成员的行，但户主的“{field}”一栏填了“{value}”：户主的信息应填在户主所在的行。",
                                        "This is a member's row, but the head's \"{field}\" holds "
                                        "\"{value}\": the head's details go on the head's row."),
    "import_masked_id": ("身份证号“{value}”是脱敏的（中间为 *）：请导出含完整号码的台账后再导入。",
                         "ID number \"{value}\" is masked (* in the middle): export the ledger "
                         "with full numbers and import that."),
    "import_masked_phone": ("电话“{value}”是脱敏的（中间为 *）：请导出含完整号码的台账后再导入。",
                            "Phone \"{value}\" is masked (* in the middle): export the ledger "
                            "with full numbers and import that."),
    "import_bad_gender": ("性别“{value}”无法识别，请写“男”或“女”。",
                          "Gender \"{value}\" is not understood; write 男 or 女."),
    "import_unknown_village": ("本站没有“{value}”这个村居。",
                               "The station has no village \"{value}\"."),
    "import_ambiguous_village": ("“{value}”可以指多个村居（{choices}），请写全称。",
                                 "\"{value}\" could be several villages ({choices}); write the full name."),
    "import_no_village": ("没有填写村居（所属村(社区)），新建的户必须有村居。",
                          "No village (所属村(社区)) given; a new household needs one."),
    "import_unknown_category": ("没有“{value}”这个人员类别（可在“设置”的人员类别中添加）。",
                                "There is no category \"{value}\" (categories are added in Settings)."),
    "import_unknown_tier": ("没有“{value}”这个分级。可选：{choices}",
                            "There is no tier \"{value}\". Tiers: {choices}"),
    "import_unknown_worker": ("没有叫“{value}”的在岗社工账号。",
                              "There is no active social worker called \"{value}\"."),
    "import_ambiguous_worker": ("有多位社工叫“{value}”，请写登录名：{choices}",
                                "Several social workers are called \"{value}\"; write the "
                                "username: {choices}"),
    "import_id_twice_in_file": ("身份证号 {value} 在表中出现了两次：第 {first} 行和第 {second} 行。",
                                "ID number {value} appears twice in the file: rows {first} and {second}."),
    "import_two_households": ("本户成员的身份证号分属两户已在档的住户：{first} 户和 {second} 户。",
                              "The ID numbers of this household belong to two households on "
                              "file: {first}'s and {second}'s."),
    "import_same_household": ("与第 {first} 行是同一户已在档的住户（{head} 户）：同一户在表中出现了两次。",
                              "Row {first} is the same household on file ({head}'s): the "
                              "household appears twice in the file."),
    "import_head_mismatch": ("{name} 在档案中与户主关系为“{relation}”，表中为“{typed}”；"
                             "更换户主请在该户档案中操作。",
                             "{name} is on file as \"{relation}\" of the household, the file "
                             "says \"{typed}\"; change the head in the household's file."),
    "import_head_changed": ("户主 {value} 与在档的户主 {head} 身份证号不同，不是同一人；"
                            "更换户主请在该户档案中操作。",
                            "The head {value} has another ID number than {head}, the head on "
                            "file; change the head in the household's file."),
    "import_bad_rows": ("发现 {count} 处问题（涉及 {rows} 行），没有导入任何数据。请改正后重新导入：",
                        "{count} problems found (in {rows} rows); nothing was imported. Correct "
                        "them and import again:"),
    "import_row": ("第 {row} 行{column}：{reason}", "Row {row}{column}: {reason}"),
    "import_read": ("{file}（工作表“{sheet}”）：表头在第 {header} 行，{rows} 行数据，{households} 户。",
                    "{file} (sheet \"{sheet}\"): header in row {header}, {rows} data rows, "
                    "{households} households."),
    "import_ignored": ("未导入的列：{columns}", "Columns not imported: {columns}"),
    "import_summary_check": ("检查通过，未写入任何数据。导入将新增 {new} 户、更新 {updated} 户，"
                             "{unchanged} 户无变化；新增成员 {members_new} 人、更新成员 {members_updated} 人。",
                             "Check passed; nothing was written. The import would add {new} "
                             "households, update {updated}, leave {unchanged} unchanged; add "
                             "{members_new} members and update {members_updated}."),
    "import_summary_done": ("导入完成：新增 {new} 户、更新 {updated} 户，{unchanged} 户无变化；"
                            "新增成员 {members_new} 人、更新成员 {members_updated} 人。",
                            "Imported: {new} households added, {updated} updated, {unchanged} "
                            "unchanged; {members_new} members added, {members_updated} updated."),
    # volunteers
    "volunteer_id_taken": ("身份证号 {value} 已登记在志愿者 {name} 名下。",
                           "ID number {value} is on file already for the volunteer {name}."),
    "volunteer_leader_needs_team": ("请先选择服务队，才能设为队长。",
                                    "Choose a team before making the volunteer its leader."),
    "team_name_taken": ("服务队“{value}”已存在。", "Team \"{value}\" exists already."),
    "skill_name_taken": ("技能“{value}”已存在。", "Skill \"{value}\" exists already."),
    "volunteer_left": ("{name} 已退出志愿服务，不能发卡。",
                       "{name} has left the volunteers: no card can be issued."),
    "card_revoked_already": ("这张志愿者卡已于 {revoked_at} 作废。",
                             "This volunteer card was revoked already at {revoked_at}."),
    # volunteer printouts and hours certificates
    "certificate_period": ("证明期间有误：开始日期 {start} 晚于结束日期 {end}。",
                           "The period is wrong: it starts on {start}, after its end {end}."),
    "certificate_future": ("证明期间不能晚于今天（{today}）。",
                           "The period cannot end after today ({today})."),
    "certificate_no_hours": ("{name} 在 {start} 至 {end} 没有可证明的服务时长。",
                             "{name} has no service hours to certify from {start} to {end}."),
    "certificate_no_station": ("请先填写社工站信息，再开具时长证明。",
                               "Fill in the station's details before issuing a certificate."),
    "certificate_void_already": ("证明 {number} 已于 {voided_at} 作废。",
                                 "Certificate {number} was voided already at {voided_at}."),
    # donation inventory
    "bad_quantity": ("“{field}”的数量“{value}”无效：请填写正整数。",
                     "The quantity \"{value}\" in \"{field}\" is not valid: use a whole number."),
    "bad_money": ("“{field}”的金额“{value}”无效：请填写如 120 或 120.50 的金额（元）。",
                  "The amount \"{value}\" in \"{field}\" is not valid: write yuan like 120 or 120.50."),
    "item_exists": ("物资“{name} {spec}”已在目录中。", "The item \"{name} {spec}\" is in the catalogue already."),
    "package_empty": ("慰问包“{name}”还没有物资：请至少添加一样。",
                      "The package \"{name}\" has no items: add at least one."),
    "package_item_twice": ("慰问包“{name}”中同一物资出现了两次：请合并为一行。",
                           "The package \"{name}\" lists one item twice: make it one line."),
    "package_exists": ("已有名为“{name}”的慰问包。", "There is a package named \"{name}\" already."),
    "no_location": ("还没有在用的库房：请先在物资目录中添加一个库房。",
                    "No storeroom is in use: add one in the catalogue first."),
    "stock_no_lines": ("请至少填写一行物资。", "Add at least one line of goods."),
    "item_inactive": ("物资“{item}”已停用，不能入库。", "The item \"{item}\" is disabled: it can't come in."),
    "expiry_required": ("第 {line} 行：“{item}”有保质期，请填写到期日期。",
                        "Line {line}: \"{item}\" expires; fill in its expiry date."),
    "stock_donation_via_donations": ("捐赠记录请在“接收捐赠”中作废（货物、现金和凭证一起处理）。",
                                     "Cancel a donation from its donation record (goods, cash and slip together)."),
    "batch_not_item": ("所选批次不是“{item}”的。", "The batch chosen is not one of \"{item}\"."),
    "stock_short": ("“{item}”库存不足：{day} 可出库 {available} {unit}，需要 {wanted} {unit}。",
                    "Not enough \"{item}\": {available} {unit} can go out on {day}, {wanted} {unit} asked."),
    "stock_reserved": ("“{item}”的库存已有 {reserved} {unit}为其他活动预留：可用 {free} {unit}，需要 {wanted} {unit}。",
                       "{reserved} {unit} of \"{item}\" are reserved for other targets: {free} {unit} free, {wanted} {unit} asked."),
    "household_not_active": ("{name} 户已不在册，不能发放物资。",
                             "{name}'s household is no longer on file: nothing can go to it."),
    "move_same_location": ("调出和调入的库房相同。", "The two storerooms are the same."),
    "reverse_reversal": ("冲销记录不能再冲销：请重新录入正确的记录。",
                         "A reversal can't be reversed: enter the right record again."),
    "reversed_already": ("这条记录（#{voucher}）已于 {at} 冲销。",
                         "This record (#{voucher}) was reversed already at {at}."),
    "count_line_twice": ("盘点中“{item}”同一到期日出现了两行。",
                         "The count lists \"{item}\" twice for one expiry date."),
    "count_below_later": ("“{item}”按盘点数调整后，{day} 之后已发放的数量将无从出库：请先核对之后的出库记录。",
                          "Counting \"{item}\" this low on {day} leaves later give-outs without goods: check them first."),
    "stock_negative_on": ("不能保存：“{item}”在 {day} 的库存会变成 {balance} {unit}。",
                          "Not saved: \"{item}\" would stand at {balance} {unit} on {day}."),
    "reserve_short": ("库存不足，无法全部预留：“{item}”缺 {missing} {unit}（需要 {wanted}，可预留 {available}）；另有 {others} 种物资不足。",
                      "Not enough stock to reserve it all: \"{item}\" lacks {missing} {unit} ({wanted} needed, {available} available); {others} more items are short."),
    "reserve_below_delivered": ("“{item}”已发放 {delivered} {unit}，所需数量不能少于已发放的数量（填写了 {wanted}）。",
                                "{delivered} {unit} of \"{item}\" have gone out already: the quantity needed can't be less ({wanted} given)."),
    "item_unit_fixed": ("“{item}”已有出入库记录：单位（{unit}）和是否有保质期不能再改。如需改变，请新建一种物资。",
                        "\"{item}\" has stock movements: its unit ({unit}) and whether it expires can't change now. Make a new item instead."),
    "donation_empty": ("捐赠既没有物资也没有现金：请至少填写一项。",
                       "The donation has neither goods nor cash: fill in at least one."),
    "donation_cancelled": ("这笔捐赠已于 {at} 作废。", "This donation was cancelled at {at}."),
    "cash_negative_on": ("不能保存：现金账在 {day} 的余额会变成 {balance} 元。",
                         "Not saved: the cash book would stand at {balance} yuan on {day}."),
    # policy cards
    "policy_exists": ("已有简称为“{name}”的政策。", "There is a policy called \"{name}\" already."),
    "version_empty": ("明白卡的内容是空的：请至少填写一栏。", "The card has no text: fill in at least one section."),
    "version_not_policy": ("这个版本不属于“{name}”。", "That version is not one of \"{name}\"."),
    "print_run_not_version": ("所选的印制批次不是这个版本的。", "The print run chosen is not of this version."),
    "policy_unknown": ("没有名为“{name}”的政策（请写简称或标题）。",
                       "No policy is called \"{name}\" (give its short name or title)."),
    "version_unknown": ("“{name}”没有第 {number} 版。", "\"{name}\" has no version {number}."),
    "printout_bad_filter": ("选户条件“{value}”有误：请写成 village=村居,category=类别（也可用 tier=、worker=）。",
                            "The filter \"{value}\" is wrong: write village=…,category=… (tier= and worker= too)."),
    "printout_no_policy_cards": ("所选的 {households} 户中没有与政策相符的户（按人员类别匹配，且政策须有现行版本）。",
                                 "None of the {households} households chosen matches a policy in force (by category)."),
    "print_not_published": ("第 {number} 版还没有发布：请站长或社工发布后再印制。",
                            "Version {number} is not published yet: the head or a social worker publishes it first."),
    "personal_poster": ("A4 海报贴在墙上，不印个人信息：个人化明白卡请选卡片或 A5 版式。",
                        "An A4 poster goes on a wall and carries no one's name: print personalised cards as wallet cards or A5."),
    "festival_year": ("节日日期只能算 {first} 至 {last} 年，{year} 年不在其中。",
                      "Festival dates can be worked out for {first} to {last}; {year} is outside."),
    "printout_bad_week": ("周次“{value}”有误，请写成 2026-W48。",
                          "The week \"{value}\" is wrong: write it as 2026-W48."),
    "printout_no_cards": ("没有持有效志愿者卡的志愿者可打印。",
                          "No volunteer holds a valid card to print."),
    # roster (排班)
    "roster_bad_time": ("“{field}”的时间“{value}”无效，请写成 08:30。",
                        "The time \"{value}\" in \"{field}\" is not valid; write it like 08:30."),
    "roster_end_before_start": ("结束时间 {end} 应晚于开始时间 {start}。",
                                "The end time {end} must be after the start time {start}."),
    "roster_bad_weekdays": ("星期“{value}”无效：请写 1-7（1 为周一），如 1,3,5。",
                            "Weekdays \"{value}\" are not valid: write 1-7 (1 is Monday), like 1,3,5."),
    "roster_bad_capacity": ("人数“{value}”无效：至少 1 人。", "Places \"{value}\" is not valid: at least 1."),
    "roster_bad_weeks": ("周数“{value}”无效：1 到 {maximum} 周。",
                         "Weeks \"{value}\" is not valid: 1 to {maximum}."),
    "roster_template_inactive": ("班次模板“{name}”已停用。", "The shift template \"{name}\" is not in use."),
    "roster_shift_has_attendance": ("{day} {name} 已有签到记录，不能删除。",
                                    "{name} on {day} has attendance already and can't be deleted."),
    "roster_volunteer_inactive": ("{name} 已暂停或退出志愿服务，不能排班。",
                                  "{name} is paused or has left and can't be put on the roster."),
    "roster_already_assigned": ("{name} 已安排在“{shift}”。", "{name} is on \"{shift}\" already."),
    "roster_clash": ("时间冲突：{name} 在 {day} 已安排“{shift}”（{time}）。",
                     "Clash: {name} is on \"{shift}\" ({time}) on {day} already."),
    "roster_full": ("{day}“{shift}”已排满（{capacity} 人）。",
                    "\"{shift}\" on {day} is full ({capacity} places)."),
    "roster_skill_missing": ("提醒：“{shift}”需要技能“{skill}”，{name} 没有登记该技能。",
                             "Note: \"{shift}\" needs the skill \"{skill}\", which {name} has not "
                             "got on file."),
    "roster_assignment_cancelled": ("{name} 的这次安排已取消。", "This assignment of {name} was cancelled."),
    "roster_swap_same": ("请选两个不同志愿者在不同班次上的安排来调换。",
                         "Choose two different volunteers on different shifts to swap."),
    "roster_copy_same_week": ("不能把一周复制到它自己。", "A week can't be copied onto itself."),
    # volunteers: the roster import and the hours ledger
    "bad_month": ("月份“{value}”无法识别，请写成 2026-11。",
                  "The month \"{value}\" is not understood; write it like 2026-11."),
    "volunteer_import_no_header": ("在工作表“{sheet}”的前 20 行中找不到志愿者名册的表头：应有“姓名”，"
                                   "以及“手机号码”“身份证号码”“服务队”等列。",
                                   "No volunteer roster header in the first 20 rows of the sheet "
                                   "\"{sheet}\": it needs 姓名 (name) and columns such as 手机号码, "
                                   "身份证号码, 服务队."),
    "volunteer_import_no_name_column": ("工作表“{sheet}”的表头中没有“姓名”列。",
                                        "The header of the sheet \"{sheet}\" has no 姓名 (name) column."),
    "volunteer_import_unknown_team": ("本站没有“{value}”这支服务队。可选：{choices}",
                                      "The station has no team \"{value}\". Choices: {choices}"),
    "volunteer_import_unknown_skill": ("没有“{value}”这个技能标签（可在“志愿者”页的技能中添加）。",
                                       "There is no skill tag \"{value}\" (add it under Skills on "
                                       "the Volunteers page)."),
    "volunteer_import_bad_status": ("状态“{value}”无法识别，请写“在册”“暂停”或“退出”。",
                                    "The status \"{value}\" is not understood; write 在册 (active), "
                                    "暂停 (paused) or 退出 (left)."),
    "volunteer_import_twice": ("与第 {first} 行是同一名在档的志愿者：同一人在表中出现了两次。",
                               "The same volunteer on file as row {first}: this person appears "
                               "twice in the file."),
    "volunteer_import_read": ("{file}（工作表“{sheet}”）：表头在第 {header} 行，{rows} 行数据。",
                              "{file} (sheet \"{sheet}\"): header on row {header}, {rows} rows of data."),
    "volunteer_import_summary_check": ("检查通过，未写入任何数据。导入将新增 {new} 名志愿者、更新 {updated} 名，"
                                       "{unchanged} 名无变化。",
                                       "Checked; nothing written. Importing would add {new} "
                                       "volunteers and update {updated}; {unchanged} unchanged."),
    "volunteer_import_summary_done": ("导入完成：新增 {new} 名志愿者、更新 {updated} 名，{unchanged} 名无变化。",
                                      "Imported: {new} volunteers added, {updated} updated, "
                                      "{unchanged} unchanged."),
    # donations GUI (helper A2)
    "item_not_chosen": ("第 {line} 行：请从列表中选择物资。", "Line {line}: pick the item from the list."),
    "line_quantity_zero": ("第 {line} 行：“{item}”的数量须大于 0。",
                           "Line {line}: the quantity of \"{item}\" must be more than 0."),
    # inventory Excel: opening stock import, ledger exports (helper C)
    "stock_import_no_header": ("在工作表“{sheet}”的前 20 行中找不到库存表的表头：应有“物资名称”（或“名称”“品名”）和“数量”等列。",
                               "No stock header in the first 20 rows of the sheet \"{sheet}\": it needs columns such as 物资名称 (or 名称, 品名) and 数量."),
    "stock_import_no_column": ("工作表“{sheet}”的表头中没有“{column}”列。",
                               "The header of the sheet \"{sheet}\" has no \"{column}\" column."),
    "stock_import_no_name": ("这一行没有物资名称。", "This row has no item name."),
    "stock_import_no_quantity": ("这一行没有填写数量。", "This row has no quantity."),
    "stock_import_no_category": ("“{value}”不在物资目录中，新建物资须填写物资类别。",
                                 "\"{value}\" is not in the catalogue: a new item needs its category."),
    "stock_import_unknown_category": ("没有“{value}”这个物资类别。可选：{choices}",
                                      "There is no item category \"{value}\". Choices: {choices}"),
    "stock_import_no_unit": ("“{value}”不在物资目录中，新建物资须填写单位（如 袋、桶、箱）。",
                             "\"{value}\" is not in the catalogue: a new item needs its unit (袋, 桶, 箱 ...)."),
    "stock_import_unit_differs": ("单位“{value}”与目录中“{item}”的单位“{unit}”不同。",
                                  "The unit \"{value}\" differs from the catalogue's unit for \"{item}\" (\"{unit}\")."),
    "stock_import_amount_not_exact": ("金额 {value} 元除以数量 {quantity} 不能精确到分：请填写单价。",
                                      "The amount {value} yuan divided by the quantity {quantity} is not a whole number of fen: fill in the unit value."),
    "stock_import_amount_mismatch": ("金额 {value} 元不等于单价 {unit_value} 元 × 数量 {quantity}。",
                                     "The amount {value} yuan is not the unit value {unit_value} yuan × the quantity {quantity}."),
    "stock_import_expiry_required": ("“{item}”有保质期，请填写到期日期。",
                                     "\"{item}\" expires: fill in its expiry date."),
    "stock_import_unknown_location": ("没有“{value}”这个库房。可选：{choices}",
                                      "There is no storeroom \"{value}\". Choices: {choices}"),
    "stock_import_read": ("{file}（工作表“{sheet}”）：表头在第 {header} 行，{rows} 行数据。",
                          "{file} (sheet \"{sheet}\"): header on row {header}, {rows} data rows."),
    "stock_import_summary_check": ("检查通过，未写入任何数据。将以 {on} 为期初日期入库 {lines} 行物资，合计 {value} 元（{unvalued} 行无单价）；新建物资 {new} 种：{names}",
                                   "Check passed; nothing written. It would bring in {lines} lines of goods as opening stock on {on}, worth {value} yuan ({unvalued} lines without a value); {new} new items: {names}"),
    "stock_import_summary_done": ("导入完成：以 {on} 为期初日期入库 {lines} 行物资，合计 {value} 元（{unvalued} 行无单价）；新建物资 {new} 种：{names}",
                                  "Imported: {lines} lines of goods as opening stock on {on}, worth {value} yuan ({unvalued} lines without a value); {new} new items: {names}"),
    "stock_export_bad_range": ("开始日期 {date_from} 晚于结束日期 {date_to}。",
                               "The start date {date_from} is after the end date {date_to}."),
    # inventory printouts (receipt, thanks, count sheet, sign-off sheet)
    "printout_bad_range": ("开始日期 {date_from} 晚于结束日期 {date_to}。",
                           "The start date {date_from} is after the end date {date_to}."),
    "printout_no_thanks": ("{date_from} 至 {date_to} 没有需要致谢的捐赠（匿名和已作废的捐赠不写感谢信）。",
                           "No donations to thank anyone for from {date_from} to {date_to} "
                           "(anonymous and cancelled donations get no letter)."),
    "printout_no_distributions": ("{date_from} 至 {date_to} 没有发放记录；如需空白签收表，请用 --blank 指定行数。",
                                  "Nothing was handed out from {date_from} to {date_to}; for "
                                  "a blank sheet give --blank and a number of rows."),
    "printout_bad_blank": ("空白行数“{value}”无效：请写 0 到 {maximum} 之间的整数。",
                           "Blank rows \"{value}\" is not valid: a whole number from 0 to {maximum}."),
    # policy cards (helper L)
    "card_too_long": ("政策卡“{title}”的{field}太长：按 {size} 版式用最小字号也排不下（多出约 {lines} 行），"
                      "请删减后再打印。",
                      "Policy card \"{title}\": the {field} text is too long for the {size} "
                      "layout even at the smallest legible size (about {lines} lines over); "
                      "shorten it before printing."),
    # campaigns and home-visit days
    "bad_number": ("“{field}”的数值“{value}”超出范围。", "The number \"{value}\" in \"{field}\" is out of range."),
    "end_before_start": ("结束日期 {end} 早于开始日期 {start}。",
                         "The end date {end} is before the start date {start}."),
    "duplicate": ("“{field}”为“{value}”的记录已经有了。", "There is already one with {field} \"{value}\"."),
    "campaign_closed": ("“{name}”已结束，不能再修改；如需补录，请站长先重新开启。",
                        "\"{name}\" is closed; the station head can reopen it to add more."),
    "campaign_kind_fixed": ("活动类型（节日慰问 / 家访日）创建后不能更改。",
                            "A campaign's kind (holiday / visit day) can't change once made."),
    "campaign_target_exists": ("{name} 已在本次名单中。", "{name} is on this list already."),
    "campaign_target_done": ("{name} 已登记走访结果或已发放，不能再改；如录错，请先“撤销结果”。",
                             "{name} has an outcome or a package already; undo the outcome first if it was wrong."),
    "campaign_target_open": ("{name} 还没有走访结果，无需撤销。", "{name} has no outcome to undo."),
    "campaign_already_delivered": ("{name} 已领取过慰问品，不能重复发放。",
                                   "{name} has had the package already; it is not given twice."),
    "campaign_not_delivered": ("{name} 还没有发放慰问品，不能登记签收。",
                               "{name} has not had the package yet, so nothing to sign for."),
    "campaign_no_package": ("{name} 没有指定慰问包，无物可发。", "{name} has no package set: nothing to hand over."),
    "campaign_package_short": ("“{item}”库存不足，本次活动还预留 {held} {unit}，这一户需要 {wanted} {unit}：请等物资入库后再发放（入库会自动补足预留）。",
                               "Not enough \"{item}\": the campaign holds {held} {unit}, this household needs {wanted} {unit}. Deliver once stock comes in (it fills the reservation)."),
    "campaign_deliver_on_visit": ("只有“已走访”的户才能发放慰问品。",
                                  "Only a household visited can be given its package."),
    "campaign_before_start": ("走访日期 {day} 早于活动开始日期 {start}。",
                              "The visit date {day} is before the campaign starts ({start})."),
    "campaign_requeue_date": ("改约日期 {day} 应晚于本次走访日期。",
                              "The new date {day} must be after this call."),
    "campaign_household_closed": ("{name} 户的档案已注销，不能再走访或发放；如情况有误，请先在服务对象档案中恢复在册。",
                                  "{name}'s file is closed: no visit or package. Reopen the file first if that was wrong."),
    "campaign_requeue_after_end": ("改约日期 {day} 晚于活动结束日期 {end}：请先把活动时间延长到那一天。",
                                   "The new date {day} is after the campaign ends ({end}); extend the campaign first."),
    "visit_via_campaign": ("这是慰问活动中的一次走访：请在该活动的走访名单中“撤销结果”，走访和发放会一并撤销。",
                           "This visit belongs to a campaign: undo the outcome on the campaign's list, which undoes the visit and the delivery together."),
    "campaign_team_needs_leader": ("走访小组需要一名带队社工，或填写共建单位。",
                                   "A visit team needs a social worker to lead it, or a partner unit."),
    "campaign_team_has_outings": ("“{name}”已安排出访班次，不能删除。",
                                  "\"{name}\" has outings planned; it can't be removed."),
    # campaign printouts, export and command line (helper P)
    "campaign_cli_created": ("已建立慰问活动 #{id}“{name}”：{start} 至 {end}，慰问对象 {targets} 户。",
                             "Campaign #{id} \"{name}\" made: {start} to {end}, {targets} households."),
    "campaign_cli_short": ("库存不足：{item} 需要 {wanted} {unit}，已预留 {available} {unit}，缺 {missing} {unit}。",
                           "Short: {item}, {wanted} {unit} wanted, {available} {unit} set aside, {missing} {unit} missing."),
    "campaign_cli_stock_ok": ("慰问品已全部预留。", "Every package is set aside in stock."),
    "campaign_cli_closed": ("活动 #{id}“{name}”已结束，释放了 {released} 项未发放的预留。",
                            "Campaign #{id} \"{name}\" closed; {released} reservations released."),
    "campaign_cli_none": ("还没有慰问活动。", "No campaigns yet."),
    "unknown_festival": ("没有代码为“{value}”的节日。可选：{choices}",
                         "There is no festival \"{value}\". Choices: {choices}"),
    "unknown_package": ("没有名为“{value}”的慰问包。可选：{choices}",
                        "There is no package \"{value}\". Choices: {choices}"),
    "unknown_campaign_team": ("“{campaign}”没有名为“{value}”的走访小组。可选：{choices}",
                              "\"{campaign}\" has no team \"{value}\". Choices: {choices}"),
    # case work and the hotline
    "case_not_yours": ("这个个案由其他社工负责：只有负责的社工和站长可以查看或记录。",
                       "This case belongs to another social worker: only they and the station head may read or write it."),
    "case_closed": ("个案 #{case} 已结案，不能再添加记录；如需继续服务，请先重新开案。",
                    "Case #{case} is closed; reopen it to record more."),
    "case_not_closed": ("个案还没有结案。", "The case is not closed."),
    "case_worker_role": ("{name} 不是社工账号，不能负责个案。", "{name} is not a social worker and can't hold a case."),
    "case_open_already": ("{name} 已有一个未结案的个案（#{case}），请在其中继续记录。",
                          "{name} already has an open case (#{case}); record there."),
    "case_assessment_empty": ("评估内容是空的：请至少填写一项情况或需求。",
                              "The assessment is empty: fill in at least one finding or need."),
    "case_closed_before_opened": ("结案日期 {day} 早于开案日期 {opened}。",
                                  "The closing date {day} is before the case was opened ({opened})."),
    "case_closed_before_service": ("结案日期 {day} 早于最后一次服务记录（{last}）。",
                                   "The closing date {day} is before the last service record ({last})."),
    "case_needs_user": ("个案记录只给登录的负责社工或站长查看：请用 --user 指定自己的账号。",
                        "Case records are read by the signed-in social worker or head only: give your account with --user."),
    "case_open_elsewhere": ("{name} 已有一个由其他社工负责的未结案个案，请与站长联系。",
                            "{name} already has an open case held by another social worker; ask the station head."),
    "case_no_goods_to_reverse": ("被更正的服务记录没有发放物资，无需退回。",
                                 "The record being corrected handed out no goods; there is nothing to take back."),
    "case_need_unfit": ("诉求“{content}”不属于这一户，或已处理完毕 / 已转为个案。",
                        "The need \"{content}\" belongs to another household, or is settled or already a case."),
    "case_before_opened": ("“{field}”的日期 {day} 早于开案日期 {opened}。",
                           "The date {day} in \"{field}\" is before the case was opened ({opened})."),
    "case_before_closed": ("回访日期 {day} 早于结案日期 {closed}。",
                           "The follow-up date {day} is before the case was closed ({closed})."),
    "case_follow_up_past": ("回访日期 {day} 已经过去：请选今天或以后的日期。",
                            "The follow-up date {day} has passed: pick today or later."),
    "member_has_case": ("{name} 有个案记录，不能删除：如已迁出，请把成员状态改为“已迁出”。",
                        "{name} has a case and can't be deleted; set the member's status to moved out instead."),
    "case_follow_up_done": ("这次回访已于 {day} 完成。", "This follow-up was done on {day}."),
}

# Labels the CLI prints; field names used in messages.
LABELS: dict[str, tuple[str, str]] = {
    "name": ("名称", "name"), "username": ("用户名", "username"), "password": ("密码", "password"),
    "phone": ("电话", "phone"), "role": ("角色", "role"), "code": ("编码", "code"),
    "kind": ("类型", "kind"), "parent": ("上级", "parent"), "address": ("地址", "address"),
    "organisation": ("运营机构", "organisation"), "hotlines": ("热线电话", "hotlines"),
    "level": ("级别", "level"), "visit_interval_days": ("走访周期（天）", "visit interval (days)"),
    "note": ("备注", "note"), "social_worker": ("负责社工", "social worker"),
    "head": ("站长", "station head"), "id_number": ("身份证号", "ID number"),
    "social_worker_role": ("社工", "social worker"), "front_desk": ("前台", "front desk"),
    "kiosk": ("签到机", "kiosk"), "town": ("镇街", "town"), "village": ("村居", "village"),
    "group": ("村民小组", "group"), "active": ("在用", "active"), "inactive": ("停用", "disabled"),
    # households on file (field names in refusals)
    "head_name": ("户主姓名", "head of household"),
    "registered_on": ("登记日期", "registered on"),
    "birthdate": ("出生日期", "birthdate"),
    "relation": ("与户主关系", "relation to the head"),
    "gender": ("性别", "gender"),
    "disability_type": ("残疾类别", "disability"),
    "disability_grade": ("残疾等级", "disability grade"),
    "chronic_illness": ("慢性病", "chronic illness"),
    "school_or_work": ("就学或就业", "school or work"),
    "categories": ("人员类别", "categories"),
    "member": ("成员", "member"),
    "status": ("状态", "status"),
    "status_date": ("日期", "date"),
    "reason": ("原因", "reason"),
    "visited_on": ("走访日期", "visit date"),
    "visitors": ("走访人", "visitors"),
    "outcome": ("走访结果", "outcome"),
    "next_action": ("下一步", "next action"),
    "content": ("诉求内容", "need"),
    "urgency": ("紧急程度", "urgency"),
    "source": ("来源", "source"),
    # volunteers (field names in refusals)
    "platform_number": ("志愿者编号", "volunteer number"),
    "joined_on": ("加入日期", "joined on"),
    "emergency_contact": ("紧急联系人", "emergency contact"),
    "emergency_phone": ("紧急联系电话", "emergency phone"),
    "team": ("服务队", "team"),
    "skills": ("技能", "skills"),
    "card": ("志愿者卡", "volunteer card"),
    # attendance (field names in refusals)
    "sign_in_at": ("签到时间", "sign-in time"),
    "sign_out_at": ("签退时间", "sign-out time"),
    "volunteer": ("志愿者", "volunteer"),
    # roster (field names in refusals)
    "start_time": ("开始时间", "start time"),
    "end_time": ("结束时间", "end time"),
    "weekdays": ("星期", "weekdays"),
    "capacity": ("人数", "places"),
    "place": ("地点", "place"),
    "weeks": ("周数", "weeks"),
    "day": ("日期", "date"),
    # donation inventory (field names in refusals)
    "donor_kind": ("捐赠方类型", "donor kind"), "donor_name": ("捐赠方名称", "donor name"),
    "contact": ("联系人", "contact"), "notes": ("备注", "notes"),
    "item_category": ("物资类别", "item category"), "location": ("库房", "storeroom"),
    "item_name": ("物资名称", "item name"), "spec": ("规格", "specification"),
    "unit": ("单位", "unit"), "threshold": ("库存下限", "low-stock line"),
    "unit_value": ("单价", "unit value"), "quantity": ("数量", "quantity"),
    "package_name": ("慰问包名称", "package name"), "moved_on": ("日期", "date"),
    "voucher_kind": ("出入库类型", "movement kind"), "reference": ("单据号", "reference"),
    "recipient": ("领取人", "recipient"), "household": ("服务对象户", "household"),
    "campaign": ("慰问活动", "campaign"), "activity": ("活动", "activity"),
    "wish": ("微心愿", "wish"), "target_kind": ("用途", "target"),
    "batch_label": ("批号", "batch number"), "counted_on": ("盘点日期", "count date"),
    "counted": ("实盘数量", "counted quantity"), "received_on": ("接收日期", "date received"),
    "purpose": ("用途", "purpose"), "cash": ("现金", "cash"), "cash_kind": ("收支类型", "cash kind"),
    "amount": ("金额", "amount"), "entered_on": ("日期", "date"),
    "counterparty": ("对方", "counterparty"), "date_from": ("开始日期", "start date"),
    "date_to": ("结束日期", "end date"),
    "festival": ("节日", "festival"), "policy_title": ("政策名称", "policy title"), "short_name": ("简称", "short name"),
    "area": ("政策类别", "policy area"), "change_note": ("修订说明", "change note"),
    "eligibility": ("适用对象", "who qualifies"), "standard": ("保障标准", "standard"),
    "materials": ("申请材料", "documents"), "steps": ("办理流程", "steps"),
    "hotline": ("咨询电话", "hotline"), "policy": ("政策", "policy"), "layout": ("版式", "layout"), "copies": ("份数", "copies"),
    "handed_on": ("发放日期", "date handed out"), "handed_by": ("发放人", "handed out by"), "expires_on": ("到期日期", "expiry date"),
    # donations GUI (helper A2)
    "donor": ("捐赠方", "donor"),
    "opening_date": ("期初日期", "opening date"),
    "donation": ("捐赠记录", "donation"),
    # policy card sections (helper L)
    "card_title": ("标题", "title"), "card_eligibility": ("适用对象", "eligibility"),
    "card_standard": ("保障标准", "standard"), "card_materials": ("申请材料", "documents"),
    "card_steps": ("办理流程", "steps"), "card_hotline": ("咨询电话", "hotline"),
    "card_version_label": ("版本说明", "version label"),
    "starts_on": ("开始日期", "start date"), "ends_on": ("结束日期", "end date"),
    "budget": ("预算", "budget"), "theme": ("主题", "theme"), "rules": ("对象条件", "target rules"),
    "tiers": ("分级", "tiers"), "villages": ("村居", "villages"), "min_age": ("最低年龄", "minimum age"),
    "package_count": ("慰问包份数", "packages each"), "partner": ("共建单位", "partner unit"),
    "requeue_on": ("改约日期", "new date"), "closed_on": ("结束日期", "closing date"),
    "targets": ("慰问对象", "targets"),
    "problem": ("主要问题", "presenting problem"), "opened_on": ("开案日期", "opened on"),
    "assessed_on": ("评估日期", "assessed on"), "made_on": ("制定日期", "made on"),
    "goals": ("服务目标", "goals"), "action": ("服务行动", "action"), "owner": ("负责人", "owner"),
    "due_on": ("完成期限", "due date"), "served_on": ("服务日期", "service date"),
    "minutes": ("时长（分钟）", "minutes"), "workers": ("服务人员", "workers"),
    "volunteers": ("志愿者", "volunteers"), "corrects": ("更正的记录", "record corrected"),
    "referral_unit": ("转介单位", "unit referred to"), "referral_purpose": ("转介事由", "purpose"),
    "referred_on": ("转介日期", "referral date"), "updated_on": ("日期", "date"),
    "close_reason": ("结案原因", "closing reason"), "goals_met": ("目标达成情况", "goals met"),
    "summary": ("总结", "summary"), "done_on": ("回访日期", "follow-up date"),
    "follow_up": ("回访", "follow-up"), "line": ("热线", "line"), "caller": ("来电人", "caller"),
    "caller_phone": ("来电号码", "caller's number"), "called_at": ("来电时间", "time of call"),
    "card_household": ("户名", "household name"), "card_worker": ("社工姓名和电话", "social worker"),
    "social_workers": ("社工", "social workers"),
    # case printouts and the figures (P2)
    "case": ("个案编号", "case number"), "month": ("月份", "month"),
}


def language(lang: str | None = None) -> str:
    chosen = (lang or os.environ.get("STATION_DESK_LANG") or DEFAULT_LANG).lower()
    return "en" if chosen.startswith("en") else "zh"


def label(key: str, lang: str | None = None) -> str:
    pair = LABELS.get(key)
    if pair is None:
        return key
    return pair[1] if language(lang) == "en" else pair[0]


def role_label(role: str, lang: str | None = None) -> str:
    return label("social_worker_role" if role == "social_worker" else role, lang)


class _Defaults(dict):
    def __missing__(self, key: str) -> str:
        return ""


def text(code: str, lang: str | None = None, **params: object) -> str:
    pair = MESSAGES.get(code)
    if pair is None:
        return code + (f" {params}" if params else "")
    template = pair[1] if language(lang) == "en" else pair[0]
    shown = _Defaults({k: label(str(v), lang) if k == "field" else v for k, v in params.items()})
    return template.format_map(shown)


def describe_error(error: Exception, lang: str | None = None) -> str:
    """One clear sentence for a ``StationError`` (with a restore hint where one helps)."""
    code = getattr(error, "code", "error")
    params = dict(getattr(error, "params", {}) or {})
    if "backup" in params:
        backup = params.pop("backup")
        params["hint"] = text("hint_restore", lang, backup=backup) if backup else text(
            "hint_no_backup", lang)
    if code not in MESSAGES:
        params.setdefault("detail", str(error))
        code = "error"
    return text(code, lang, **params)
