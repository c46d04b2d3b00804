//! The words the page and the exports use, in Chinese (the default) and English.
//!
//! Every user-facing string lives in one `Texts` table per language, so a missing
//! translation is a compile error rather than a blank on screen. Strings that take
//! values are functions.

use serde::{Deserialize, Serialize};

use crate::analysis::{Genre, Part, PartStatus, PlanSource, Warning, YearSource};
use crate::followup::targets::TargetVerdict;
use crate::followup::{Strength, Verdict};
use crate::ingest::{Format, IngestError, MAX_FILE_BYTES};
use crate::stored::Unusable;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    pub fn texts(self) -> &'static Texts {
        match self {
            Lang::Zh => &ZH,
            Lang::En => &EN,
        }
    }

    /// The value of the page's `lang` attribute.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }
}

pub struct Texts {
    pub app_name: &'static str,
    /// What follows a label: `：` in Chinese, `: ` in English.
    pub colon: &'static str,
    pub skip_to_checklist: &'static str,
    pub lead: &'static str,
    pub switch_language: &'static str,
    pub choose_files: &'static str,
    pub choose_files_hint: &'static str,
    pub try_sample: &'static str,
    pub sample_name: &'static str,
    pub paste_label: &'static str,
    pub paste_placeholder: &'static str,
    /// The bar the input panel folds into once a report is loaded, and its buttons.
    pub add_report: &'static str,
    pub open_paste: &'static str,
    pub fold_input: &'static str,
    pub drop_anywhere: &'static str,
    /// The button that adds what was typed into the paste box as a report.
    pub add_typed: &'static str,
    pub draft_unsaved: &'static str,
    pub drop_here: &'static str,
    pub loaded_reports: &'static str,
    pub pasted_text: &'static str,
    pub close_report: &'static str,
    pub tab_text: &'static str,
    pub tab_outline: &'static str,
    pub tab_checklist: &'static str,
    pub views: &'static str,

    pub outline: &'static str,
    pub no_headings: &'static str,
    pub report_text: &'static str,
    pub hide_furniture: &'static str,
    pub legend: &'static str,
    pub legend_heading: &'static str,
    pub legend_plan: &'static str,
    pub legend_figure: &'static str,
    pub legend_percentage: &'static str,
    pub legend_document: &'static str,
    pub legend_quote: &'static str,
    pub legend_date: &'static str,
    pub legend_time: &'static str,
    pub legend_enumeration: &'static str,
    pub legend_furniture: &'static str,

    pub untitled: &'static str,
    pub issuer: &'static str,
    pub addressee: &'static str,
    pub report_year: &'static str,
    pub plan_year: &'static str,
    pub delivered: &'static str,
    pub meeting: &'static str,
    pub published: &'static str,
    pub signed: &'static str,
    pub genre: &'static str,
    pub required_parts: &'static str,
    pub part: fn(Part) -> &'static str,
    pub status: fn(PartStatus) -> &'static str,
    pub genre_name: fn(Genre) -> &'static str,
    pub not_required_for_genre: &'static str,
    /// The heading of what the reader should check.
    pub warnings: &'static str,
    pub warning: fn(&Warning) -> String,
    /// The label of the line a fact was read from.
    pub evidence: &'static str,
    /// The outline's control that makes a heading's section the plan.
    pub set_as_plan: &'static str,
    /// Its accessible name, with the heading's title.
    pub set_as_plan_label: fn(&str) -> String,
    /// The fact of the plan's heading, shown when the reader chose it.
    pub plan_fact: &'static str,
    /// The control that corrects a fact, and its accessible name with the fact's label.
    pub correct: &'static str,
    pub correct_label: fn(&str) -> String,
    /// What a corrected fact says beside it: the analysis' own value, or that it found
    /// none.
    pub corrected_from: fn(Option<&str>) -> String,
    /// The control that takes a correction back, and its accessible name.
    pub undo_correction: &'static str,
    pub undo_correction_label: fn(&str) -> String,
    pub year_invalid: &'static str,
    pub issuer_empty: &'static str,
    pub correction_failed: &'static str,
    /// The control between two sentences of an item's text that splits it there, and
    /// its accessible name with the start of the sentence after it.
    pub split_here: &'static str,
    pub split_here_label: fn(&str) -> String,
    /// The control that joins an item with the next.
    pub merge_next: &'static str,
    /// The fold of an item's points: how many of how many are done.
    pub points_summary: fn(usize, usize) -> String,
    /// Said under the checklist when items of an earlier plan were set aside.
    pub set_aside_items: fn(usize) -> String,
    pub year_source: fn(YearSource) -> &'static str,

    pub checklist: &'static str,
    pub from_section: &'static str,
    pub plan_without_heading: &'static str,
    pub plan_as_sections: &'static str,
    /// A file's name with its place among files of the same name: `报告.docx（2）`.
    pub nth_of_name: fn(&str, usize) -> String,
    pub no_plan: &'static str,
    pub progress: fn(usize, usize) -> String,
    pub targets: &'static str,
    pub low_confidence: &'static str,
    pub full_text: &'static str,
    pub show_in_text: &'static str,
    pub edit: &'static str,
    pub save: &'static str,
    pub cancel: &'static str,
    pub item_title: &'static str,
    pub item_text: &'static str,
    pub note: &'static str,
    pub owner: &'static str,
    pub deadline: &'static str,
    pub note_text: &'static str,
    pub delete: &'static str,
    pub undo: &'static str,
    pub deleted: fn(&str) -> String,
    pub move_up: &'static str,
    pub move_down: &'static str,
    pub add_item: &'static str,
    pub add_placeholder: &'static str,
    pub add: &'static str,

    pub export: &'static str,
    pub export_markdown: &'static str,
    pub export_csv: &'static str,
    pub export_json: &'static str,
    pub copy: &'static str,
    pub copied: &'static str,
    pub print: &'static str,
    pub share: &'static str,
    pub share_link: &'static str,
    pub share_copied: &'static str,
    pub share_copied_without_texts: &'static str,
    pub share_without_texts: &'static str,
    pub share_too_long: &'static str,
    pub shared_banner: &'static str,
    pub make_copy: &'static str,
    pub close_shared: &'static str,
    pub share_broken: &'static str,
    pub share_future: &'static str,

    pub csv_headers: [&'static str; 14],
    /// The badge of an item that names nothing to check it by, and what it means.
    pub vague: &'static str,
    pub vague_hint: &'static str,
    /// The words of the CSV's concreteness column.
    pub concrete_word: &'static str,
    pub done: &'static str,
    pub open: &'static str,

    pub file_error: fn(&str, &IngestError) -> String,
    pub unreadable_file: fn(&str, &str) -> String,
    pub reader_failed: fn(&str) -> String,
    pub empty_paste: &'static str,
    pub paste_too_large: &'static str,
    pub cleared_elsewhere: &'static str,
    pub report_set_aside: fn(&str) -> String,
    /// What the browser kept for a report could not be used, and why.
    /// A kept checklist could not be read: why, and whether it was copied aside.
    pub kept_set_aside: fn(Unusable, bool) -> String,
    /// The browser lets the page keep nothing.
    pub storage_unavailable: &'static str,
    /// A save failed because the browser's storage is full, and what to do.
    pub save_failed_full: &'static str,
    /// A save failed because the browser keeps no site data.
    pub save_failed_unavailable: &'static str,
    pub clear_other_lists: &'static str,
    /// The button that draws more of a long text, with how many blocks are left.
    pub show_more: fn(usize) -> String,
    /// The progress bar's name while files or long texts are read and analysed.
    pub working: &'static str,
    pub working_on: fn(usize) -> String,
    /// The workspace table of the loaded reports.
    pub workspace: fn(usize) -> String,
    pub filter_words: &'static str,
    pub filter_placeholder: &'static str,
    pub all_genres: &'static str,
    pub missing_only: &'static str,
    pub col_title: &'static str,
    pub col_years: &'static str,
    pub col_date: &'static str,
    pub col_items: &'static str,
    pub col_vague: &'static str,
    pub col_missing: &'static str,
    pub col_on_time: &'static str,
    /// The column of the file a report was read from, in the table's CSV, and the CSV's
    /// file name.
    pub col_file: &'static str,
    pub workspace_file: &'static str,
    pub on_time: &'static str,
    pub late: &'static str,
    pub unknown: &'static str,
    pub shown_of: fn(usize, usize) -> String,
    pub open_report: &'static str,
    pub remove_report: &'static str,
    pub removed_report: fn(&str) -> String,
    /// How many reports, of how many bytes, the browser keeps (`shelf`).
    pub shelf_usage: fn(usize, usize) -> String,
    pub shelf_clear: &'static str,
    /// The checklist of every loaded report, and its files' names.
    pub combined_checklist: &'static str,
    /// An export (made in a worker) failed; the clipboard refused the checklist.
    pub export_failed: &'static str,
    pub copy_failed: &'static str,
    /// The views of the workspace of several reports.
    pub workspace_views: &'static str,
    pub view_table: &'static str,
    pub view_combined: &'static str,
    pub view_follow: &'static str,
    /// The combined checklist's filters.
    pub all_reports: &'static str,
    pub all_sections: &'static str,
    pub any_status: &'static str,
    pub owner_placeholder: &'static str,
    pub any_deadline: &'static str,
    pub any_vagueness: &'static str,
    pub with_deadline: &'static str,
    pub without_deadline: &'static str,
    pub items_shown: fn(usize, usize) -> String,
    /// Following one year's commitments into the next year's report.
    pub follow_title: &'static str,
    pub follow_lead: &'static str,
    pub follow_found: &'static str,
    pub follow_last: &'static str,
    pub follow_this: &'static str,
    pub choose_report: &'static str,
    pub follow_choose: &'static str,
    pub follow_same: &'static str,
    pub follow_working: &'static str,
    pub follow_failed: &'static str,
    pub follow_summary: fn(usize, usize, usize) -> String,
    pub follow_no_passage: &'static str,
    /// The follow-up's table of last year's targets: its title and columns, and the
    /// words of its verdicts.
    pub targets_title: &'static str,
    pub targets_columns: [&'static str; 3],
    pub target_met: &'static str,
    pub target_not_met: &'static str,
    pub target_not_reported: &'static str,
    /// The comparison of the reports' targets (目标对比): its view's name and title, the
    /// column of targets outside the vocabulary, what the chart shows, what it leaves
    /// out, the exports of the chart, and what the view says while its code loads, when
    /// that fails, and when no report has targets.
    pub view_targets: &'static str,
    pub compare_title: &'static str,
    pub compare_others: &'static str,
    pub compare_sort: fn(&str) -> String,
    pub compare_chart_of: &'static str,
    pub compare_chart_title: fn(&str, usize) -> String,
    pub compare_left_out: fn(usize) -> String,
    pub compare_chart_svg: &'static str,
    pub compare_chart_png: &'static str,
    pub compare_loading: &'static str,
    pub compare_failed: &'static str,
    pub compare_none: &'static str,
    pub follow_commitment: &'static str,
    /// A passage's strength (strong, medium, weak), and that it states a result.
    pub strength_label: &'static str,
    pub strength_strong: &'static str,
    pub strength_medium: &'static str,
    pub strength_weak: &'static str,
    pub states_result: &'static str,
    /// Where the follow-up looked in the next year's report.
    pub follow_review: fn(&str) -> String,
    /// Between the items of a list in a sentence.
    pub list_separator: &'static str,
    /// The follow-up written out: its title, its columns, and words for its rows.
    pub follow_sheet_title: fn(&str, &str) -> String,
    pub follow_csv_headers: [&'static str; 8],
    /// The follow-up CSV's kinds of row: a target, a task.
    pub follow_csv_kinds: [&'static str; 2],
    pub verdict_changed: &'static str,
    pub follow_review_by_position: &'static str,
    pub follow_review_problems: fn(usize) -> String,
    pub follow_no_review: &'static str,
    pub verdict_label: &'static str,
    pub verdict_reported: &'static str,
    pub verdict_partly: &'static str,
    pub verdict_not_found: &'static str,
    pub verdict_suggested: fn(&str) -> String,
    /// A verdict the browser would not keep.
    pub verdict_save_failed_full: &'static str,
    pub verdict_save_failed_unavailable: &'static str,
    pub shelf_clear_confirm: &'static str,
    /// The browser refused to keep a report: full, or keeping nothing at all.
    pub shelf_full: &'static str,
    pub shelf_unavailable: &'static str,
    /// The sample could not be fetched.
    pub sample_failed: &'static str,
    /// A new deployment of the page is ready to replace this one.
    pub update_ready: &'static str,
    pub update_reload: &'static str,
    pub source_file: &'static str,
    pub format_name: fn(Format) -> &'static str,
}

/// `bytes` in megabytes to a tenth (`2.4`), worked out in whole numbers: the page then
/// carries no code to write a floating-point number.
fn megabytes(bytes: usize) -> String {
    // In 64 bits: `usize` is 32 on the page, where ten times 430 MB would overflow.
    let tenths = (bytes as u64).saturating_mul(10).saturating_add(524_288) / 1_048_576;
    format!("{}.{}", tenths / 10, tenths % 10)
}

impl Texts {
    /// A follow-up verdict in words.
    pub fn verdict(&self, verdict: Verdict) -> &'static str {
        match verdict {
            Verdict::Reported => self.verdict_reported,
            Verdict::Partly => self.verdict_partly,
            Verdict::NotFound => self.verdict_not_found,
        }
    }

    /// Whether a target was met, in words.
    pub fn target_verdict(&self, verdict: TargetVerdict) -> &'static str {
        match verdict {
            TargetVerdict::Met => self.target_met,
            TargetVerdict::NotMet => self.target_not_met,
            TargetVerdict::NotReported => self.target_not_reported,
        }
    }

    /// A follow-up passage's strength in words.
    pub fn strength(&self, strength: Strength) -> &'static str {
        match strength {
            Strength::Strong => self.strength_strong,
            Strength::Medium => self.strength_medium,
            Strength::Weak => self.strength_weak,
        }
    }
}

pub static ZH: Texts = Texts {
    app_name: "report-lens 报告透视",
    colon: "：",
    skip_to_checklist: "跳到工作清单",
    lead: "粘贴或拖入一份政府年度报告，即可看到它的结构和下一年度的工作清单。所有内容只在本机浏览器中处理，不会上传。",
    switch_language: "English",
    choose_files: "选择文件",
    choose_files_hint: "Word（.docx）、PDF、网页（.html/.mht）或文本（.txt，自动识别 GBK 等编码），可多选；也可以把文件拖到页面任意位置",
    try_sample: "试用示例报告",
    sample_name: "示例：永城市2021年度法治政府建设报告.txt",
    paste_label: "粘贴报告全文",
    paste_placeholder: "在此粘贴报告全文……",
    add_report: "添加报告",
    open_paste: "粘贴文本",
    fold_input: "收起",
    drop_anywhere: "也可以把文件拖到页面任意位置",
    add_typed: "添加为报告",
    draft_unsaved: "文本框中的内容没能在本标签页保存（浏览器拒绝了保存）：重新载入页面前，请先点“添加为报告”。",
    drop_here: "松开鼠标以打开文件",
    loaded_reports: "已载入的报告",
    pasted_text: "粘贴的文本",
    close_report: "关闭",
    tab_text: "原文",
    tab_outline: "大纲",
    tab_checklist: "清单",
    views: "视图",

    outline: "大纲",
    no_headings: "未识别到标题。",
    report_text: "原文",
    hide_furniture: "隐藏网页杂项",
    legend: "图例",
    legend_heading: "标题",
    legend_plan: "下一年度安排",
    legend_figure: "数字",
    legend_percentage: "百分比",
    legend_document: "文件名",
    legend_quote: "引语",
    legend_date: "日期",
    legend_time: "时限",
    legend_enumeration: "列举",
    legend_furniture: "网页杂项",

    untitled: "（无标题）",
    issuer: "报告单位",
    addressee: "主送",
    report_year: "报告年度",
    plan_year: "计划年度",
    delivered: "报告日期",
    meeting: "会议",
    published: "发布日期",
    signed: "落款日期",
    genre: "类型",
    required_parts: "必备内容",
    part: |part| match part {
        Part::Measures => "主要举措和成效",
        Part::Shortcomings => "存在的不足和原因",
        Part::LeaderDuty => "党政主要负责人履行第一责任人职责情况",
        Part::Plans => "下一年度主要安排",
        Part::OtherMatters => "其他需要报告的情况",
        Part::Overview => "总体情况",
        Part::ProactiveDisclosure => "主动公开政府信息情况",
        Part::Requests => "收到和处理政府信息公开申请情况",
        Part::Appeals => "政府信息公开行政复议、行政诉讼情况",
        Part::FiveYear => "五年规划回顾与目标",
        Part::Targets => "总体要求和主要目标",
        Part::Appendix => "附件",
    },
    status: |status| match status {
        PartStatus::Present => "已有",
        PartStatus::Mentioned => "仅在段落中提及",
        PartStatus::Missing => "缺少",
        PartStatus::Absent => "未涉及",
    },
    genre_name: |genre| match genre {
        Genre::RuleOfLaw => "法治政府建设情况报告",
        Genre::GovernmentWork => "政府工作报告",
        Genre::InformationDisclosure => "政府信息公开工作年度报告",
        Genre::WorkSummary => "工作总结和工作计划",
        Genre::CourtWork => "法院工作报告",
        Genre::ProcuratorateWork => "检察院工作报告",
        Genre::CongressCommitteeWork => "人大常委会工作报告",
        Genre::Other => "其他",
    },
    not_required_for_genre: "此类报告不要求",
    warnings: "请核对",
    warning: |warning| match warning {
        Warning::YearsDisagree {
            report_year,
            other_year,
            source,
            line,
            ..
        } => format!(
            "报告年度取 {report_year} 年，但{}“{line}”所示为 {other_year} 年。",
            (ZH.year_source)(*source)
        ),
        Warning::IssuerDisagrees {
            issuer, other, line, ..
        } => format!("报告单位取“{issuer}”，但标题“{line}”所示为“{other}”。"),
        Warning::NoYear => "报告中没有找到所回顾的年度。".to_string(),
        Warning::NoPlan => "未找到下一年度工作安排。".to_string(),
        Warning::PlanWithoutHeading { found_by } => match found_by {
            PlanSource::Sections => "没有标题点明工作安排：取工作回顾之后的各部分。",
            _ => "没有标题点明工作安排：取报告结尾的段落。",
        }
        .to_string(),
        Warning::EmptyPlan => "工作安排中没有找到条目。".to_string(),
        Warning::PlanChoiceLost { title } => {
            format!("您设为工作安排的标题“{title}”已不在文中：取分析找到的工作安排。")
        }
        Warning::TargetLeftOut { line, .. } => {
            format!("“{line}”说的是五年或以后年度，可能是规划目标：没有算作今年的预期目标。")
        }
        Warning::LineBreaksLost => {
            "文本的换行已丢失：标题和条目按编号重新切分，仅以分段区分的条目可能合在一起，请对照原文核对。"
                .to_string()
        }
        Warning::ShownInPart {
            shown_chars,
            total_chars,
        } => format!(
            "这份报告太大，无法一次显示：页面只显示前 {shown_chars} 字（共 {total_chars} 字）及其中的标题和条目。命令行 report-lens analyze 可以分析全文。"
        ),
    },
    evidence: "出处",
    set_as_plan: "设为工作安排",
    set_as_plan_label: |title| format!("设为工作安排：{title}"),
    plan_fact: "工作安排",
    correct: "更正",
    correct_label: |label| format!("更正{label}"),
    corrected_from: |own| match own {
        Some(own) => format!("已更正，分析结果为“{own}”"),
        None => "已更正，分析未找到".to_string(),
    },
    undo_correction: "撤销更正",
    undo_correction_label: |label| format!("撤销更正：{label}"),
    year_invalid: "请填写四位数的年份，如 2024。",
    issuer_empty: "请填写报告单位。",
    correction_failed: "无法按您的更正重新分析这份报告，请再试一次。",
    split_here: "从这里拆分",
    split_here_label: |next| format!("从这里拆分：{next}"),
    merge_next: "与下一项合并",
    points_summary: |done, total| format!("要点：已完成 {done} / {total}"),
    set_aside_items: |n| format!("原工作安排的 {n} 项已放在一边，连同您的勾选和备注；恢复原工作安排即可找回。"),
    year_source: |source| match source {
        YearSource::Delivery => "报告时间行",
        YearSource::Title => "标题",
        YearSource::ReviewHeading => "工作回顾标题",
        YearSource::PlanHeading => "工作安排标题",
        YearSource::Opening => "开头段落",
    },

    checklist: "下一年度工作清单",
    from_section: "来自：",
    plan_without_heading: "报告结尾段落（无标题）",
    plan_as_sections: "工作回顾之后的各部分（无总标题）",
    nth_of_name: |name, n| format!("{name}（{n}）"),
    no_plan: "未找到下一年度工作安排。",
    progress: |done, total| format!("已完成 {done} / {total}"),
    targets: "目标",
    low_confidence: "由句子推断",
    full_text: "全文",
    show_in_text: "在原文中查看",
    edit: "编辑",
    save: "保存",
    cancel: "取消",
    item_title: "标题",
    item_text: "内容",
    note: "备注",
    owner: "责任人",
    deadline: "期限",
    note_text: "说明",
    delete: "删除",
    undo: "撤销",
    deleted: |title| format!("已删除“{title}”。"),
    move_up: "上移",
    move_down: "下移",
    add_item: "添加事项",
    add_placeholder: "新事项的标题",
    add: "添加",

    export: "导出",
    export_markdown: "Markdown",
    export_csv: "CSV（Excel）",
    export_json: "JSON",
    copy: "复制清单",
    copied: "已复制到剪贴板。",
    print: "打印",
    share: "分享链接",
    share_link: "分享链接（清单在链接中，不经过服务器）",
    share_copied: "分享链接已复制到剪贴板。",
    share_copied_without_texts: "分享链接已复制到剪贴板。清单较长，链接里只有各项的标题、勾选和备注，没有各项的全文。",
    share_without_texts: "清单较长，链接里只有各项的标题、勾选和备注，没有各项的全文。",
    share_too_long: "清单的备注和修改太长，放不进一个链接（链接过长会在传递中被截断，打不开）。请导出 JSON 或 CSV 发送。",
    shared_banner: "这是别人分享的清单，只读显示。",
    make_copy: "保存为我的可编辑副本",
    close_shared: "关闭分享的清单",
    share_broken: "这个分享链接已损坏或不完整，无法打开。请向分享人重新索取链接。",
    share_future: "这个分享链接来自更新版本的 report-lens，当前页面无法读取。请刷新页面后再试。",

    csv_headers: ["报告", "所属部分", "标题", "内容", "目标", "具体程度", "状态", "责任人", "期限", "备注", "报告单位", "计划年度", "文件", "要点"],
    vague: "笼统",
    vague_hint: "没有数量、比例、时限、可核查的目标或责任单位，难以检验是否完成",
    concrete_word: "具体",
    done: "已完成",
    open: "未完成",

    file_error: |name, error| {
        let why = match error {
            IngestError::Empty => "是空文件，没有可分析的内容。".to_string(),
            IngestError::TooLarge => format!("超过 {} MB，无法读取。请拆分文件，或复制其中的报告全文粘贴到文本框中。", MAX_FILE_BYTES / 1024 / 1024),
            IngestError::LegacyWord => "是旧版 Word（.doc）文件，无法直接读取。请用 Word 或 WPS 打开，另存为 .docx 后再打开。".to_string(),
            IngestError::Unsupported(ext) => format!("：不支持 .{ext} 文件。请另存为 .docx、.pdf、.html 或 .txt，或复制全文粘贴到文本框中。"),
            IngestError::NotText => "不是文本文件（不是 UTF-8、UTF-16、GBK/GB18030 或 Big5 编码的文字）。请检查是否选错了文件。".to_string(),
            IngestError::Damaged(format) => format!("（{}）已损坏或不完整。请重新下载或导出该文件。", (ZH.format_name)(*format)),
            IngestError::Inflates(format) => format!("（{}）解压后的数据量远超一份报告，已拒绝读取。", (ZH.format_name)(*format)),
            IngestError::NoTextLayer => "是扫描版 PDF，没有文字层，无法提取文字。请先做文字识别（OCR），或使用原始文档。".to_string(),
            IngestError::Encrypted => "是设有密码保护的 PDF。请另存一份不加密的副本后再打开。".to_string(),
        };
        format!("「{name}」{why}")
    },
    unreadable_file: |name, error| format!("「{name}」无法读取：{error}"),
    reader_failed: |name| format!("「{name}」读取失败或耗时过长，可能已损坏或格式特殊。请另存为 .docx 或 .txt 后再试，或复制全文粘贴到文本框中。"),
    empty_paste: "文本框是空的：请粘贴报告全文。",
    cleared_elsewhere: "另一个标签页清除了本机浏览器保存的全部报告和清单，这里的报告也一并关闭了。",
    paste_too_large: "粘贴的文本超过 30 MB，没有读入（页面上的内容都没有改动）。请只复制报告全文，或分成几份粘贴。",
    report_set_aside: |name| format!("保存的报告“{name}”无法恢复，已移到一边，以后打开页面不再读取；其余报告照常恢复。"),
    kept_set_aside: |why, copied| {
        let reason = match why {
            Unusable::Damaged => "已损坏",
            Unusable::NewerVersion => "由更新版本的 report-lens 保存",
            Unusable::OtherReport => "属于另一份报告",
        };
        if copied {
            format!("浏览器中为这份报告保存的清单无法读取（{reason}），已原样另存，未被覆盖；现显示新的清单。")
        } else {
            format!("浏览器中为这份报告保存的清单无法读取（{reason}），浏览器的存储空间不够另存一份，所以原样留着，未被覆盖；现显示新的清单，但在腾出空间之前，它的勾选和编辑不会保存。")
        }
    },
    storage_unavailable: "此浏览器不允许本页保存数据：刷新或关闭页面后，勾选和编辑都不会保留。请用“导出”保存工作。",
    save_failed_full: "刚才的修改没能保存：浏览器的存储空间已满。页面上的修改仍在，请先导出清单（Markdown、CSV 或 JSON），或清除其他报告保存的清单后继续。",
    save_failed_unavailable: "刚才的修改没能保存：此浏览器不允许本页保存数据。请用“导出”保存工作。",
    clear_other_lists: "清除其他报告保存的清单",
    show_more: |left| format!("继续显示（还有 {left} 段）"),
    working: "正在读取和分析",
    working_on: |n| format!("正在读取和分析 {n} 份材料……页面可以继续使用。"),
    workspace: |n| format!("已载入的报告（{n} 份）"),
    filter_words: "筛选",
    filter_placeholder: "标题、单位或文件名中的字词",
    all_genres: "全部类型",
    missing_only: "只看缺少必备内容的",
    col_title: "报告",
    col_years: "报告 → 计划年度",
    col_date: "日期",
    col_items: "事项",
    col_vague: "笼统事项",
    col_missing: "缺少的必备内容",
    col_on_time: "4月1日前公开",
    col_file: "文件",
    workspace_file: "报告一览",
    on_time: "按时",
    late: "逾期",
    unknown: "—",
    shown_of: |shown, total| format!("显示 {shown} / {total} 份"),
    open_report: "打开",
    remove_report: "移除",
    removed_report: |name| format!("已移除“{name}”。"),
    shelf_usage: |n, bytes| format!("本机浏览器保存了 {n} 份报告（{} MB），重新载入页面后仍在。", megabytes(bytes)),
    shelf_clear: "清除保存的报告和清单",
    combined_checklist: "合并工作清单",
    export_failed: "导出没有成功，请再试一次。",
    copy_failed: "浏览器没有允许复制到剪贴板：请改用 Markdown 下载。",
    workspace_views: "多份报告",
    view_table: "报告一览",
    view_combined: "合并清单",
    view_follow: "跟踪落实",
    all_reports: "全部报告",
    all_sections: "全部部分",
    any_status: "全部",
    owner_placeholder: "责任人中的字词",
    any_deadline: "全部",
    any_vagueness: "全部",
    with_deadline: "已定期限",
    without_deadline: "未定期限",
    items_shown: |shown, total| format!("显示 {shown} / {total} 项"),
    follow_title: "跟踪落实：上一年的承诺在下一年报告中的回应",
    follow_lead: "对上一年报告中的每项工作安排，列出下一年报告回顾部分中最可能报告其落实情况的段落，标出匹配强弱和相同的词语。落实情况是根据匹配给出的建议，请阅读段落后确认或修改。",
    follow_found: "同一单位相邻年度的报告",
    follow_last: "上一年的报告",
    follow_this: "下一年的报告",
    choose_report: "请选择",
    follow_choose: "请选择两份报告：上一年的和下一年的。",
    follow_same: "请选择两份不同的报告。",
    follow_working: "正在比对……",
    follow_failed: "比对没有成功，请再试一次。",
    follow_summary: |reported, partly, not_found| format!("已报告 {reported} 项 · 部分报告 {partly} 项 · 未找到 {not_found} 项"),
    targets_title: "主要预期目标完成情况",
    targets_columns: ["上一年的目标", "下一年报告的结果", "判断"],
    target_met: "已实现",
    target_not_met: "未实现",
    view_targets: "目标对比",
    compare_title: "各报告的主要预期目标",
    compare_others: "其他目标",
    compare_sort: |column| format!("按“{column}”排序"),
    compare_chart_of: "图表的指标",
    compare_chart_title: |name, n| format!("{name}：{n} 份报告的目标"),
    compare_left_out: |n| format!("另有 {n} 份报告的这一目标没有数字或单位不同，未画出。"),
    compare_chart_svg: "图表（SVG）",
    compare_chart_png: "图表（PNG）",
    compare_loading: "正在载入目标对比……",
    compare_failed: "目标对比没能载入，请重新载入页面再试。",
    compare_none: "这些报告中没有找到主要预期目标。",
    target_not_reported: "未报告",
    follow_no_passage: "下一年的报告回顾中没有找到相关段落。",
    follow_commitment: "上一年报告中的原文",
    strength_label: "匹配",
    strength_strong: "强",
    strength_medium: "中",
    strength_weak: "弱",
    states_result: "含落实数据或完成表述",
    follow_review: |headings| format!("在下一年报告的回顾部分中查找：{headings}"),
    list_separator: "；",
    follow_sheet_title: |last, this| format!("跟踪落实：{last} → {this}"),
    follow_csv_headers: ["类别", "上一年的目标或工作安排", "落实情况", "建议的落实情况", "是否修改", "匹配", "结果或最相关的段落", "备注"],
    follow_csv_kinds: ["目标", "工作安排"],
    verdict_changed: "已修改",
    follow_review_by_position: "在下一年报告中展望部分之前的内容中查找（没有标题指明回顾部分）",
    follow_review_problems: |n| format!("（不含{n}处问题和挑战）"),
    follow_no_review: "下一年的报告中没有找到回顾部分：已在工作安排以外的全文中查找，部分段落可能是计划而不是落实情况。",
    verdict_label: "落实情况",
    verdict_reported: "已报告",
    verdict_partly: "部分报告",
    verdict_not_found: "未找到",
    verdict_save_failed_full: "刚才的落实情况或备注没能保存：浏览器的存储空间已满。页面上的修改仍在，但重新载入后会丢失；请清除其他报告保存的清单后再改一次。",
    verdict_save_failed_unavailable: "刚才的落实情况或备注没能保存：此浏览器不允许本页保存数据。页面上的修改仍在，但重新载入后会丢失。",
    verdict_suggested: |suggested| format!("（建议：{suggested}）"),
    shelf_clear_confirm: "清除本机浏览器保存的全部报告和工作清单？清除后无法恢复。",
    shelf_full: "浏览器拒绝保存更多报告（存储空间已满）：刚载入的报告这次可以照常使用，但重新载入页面后不会保留；此前保存的报告都还在。移除不需要的报告后会再试。",
    shelf_unavailable: "浏览器不允许本页保存报告（例如处于隐私模式）：载入的报告可以照常使用，但重新载入页面后不会保留。",
    sample_failed: "示例报告没能载入：请检查网络后再试。",
    update_ready: "report-lens 有新版本。重新载入即可使用；保存的清单不受影响。",
    update_reload: "重新载入",
    source_file: "来源文件",
    format_name: |format| match format {
        Format::Text => "文本",
        Format::Html => "网页",
        Format::Mht => "网页存档（MHT）",
        Format::Docx => "Word 文档",
        Format::Pdf => "PDF",
    },
};

pub static EN: Texts = Texts {
    app_name: "report-lens",
    colon: ": ",
    skip_to_checklist: "Skip to the checklist",
    lead: "Paste or drop a government annual report to see its structure and its checklist for next year. Everything stays in this browser; nothing is uploaded.",
    switch_language: "中文",
    choose_files: "Choose files",
    choose_files_hint: "Word (.docx), PDF, web pages (.html/.mht) or text (.txt, GBK and other encodings detected), several at once; or drop files anywhere on the page",
    try_sample: "Try a sample report",
    sample_name: "Sample: Yongcheng 2021 rule-of-law report.txt",
    paste_label: "Paste the report's text",
    paste_placeholder: "Paste the whole report here…",
    add_report: "Add reports",
    open_paste: "Paste text",
    fold_input: "Fold",
    drop_anywhere: "or drop files anywhere on the page",
    add_typed: "Add as a report",
    draft_unsaved: "What the text box holds could not be kept in this tab (the browser refused): choose “Add as a report” before you reload the page.",
    drop_here: "Release to open the files",
    loaded_reports: "Loaded reports",
    pasted_text: "Pasted text",
    close_report: "Close",
    tab_text: "Text",
    tab_outline: "Outline",
    tab_checklist: "Checklist",
    views: "Views",

    outline: "Outline",
    no_headings: "No headings found.",
    report_text: "Text",
    hide_furniture: "Hide web-page furniture",
    legend: "Legend",
    legend_heading: "Heading",
    legend_plan: "Next year's plans",
    legend_figure: "Figure",
    legend_percentage: "Percentage",
    legend_document: "Document",
    legend_quote: "Quotation",
    legend_date: "Date",
    legend_time: "Deadline or period",
    legend_enumeration: "Enumeration",
    legend_furniture: "Web-page furniture",

    untitled: "(untitled)",
    issuer: "Issuer",
    addressee: "To",
    report_year: "Report year",
    plan_year: "Plan year",
    delivered: "Delivered",
    meeting: "Meeting",
    published: "Published",
    signed: "Signed",
    genre: "Genre",
    required_parts: "Required parts",
    part: |part| match part {
        Part::Measures => "Measures and results",
        Part::Shortcomings => "Shortcomings and causes",
        Part::LeaderDuty => "Leaders' duty as first person responsible",
        Part::Plans => "Plans for next year",
        Part::OtherMatters => "Other matters",
        Part::Overview => "Overview",
        Part::ProactiveDisclosure => "Information disclosed proactively",
        Part::Requests => "Requests received and handled",
        Part::Appeals => "Administrative reviews and lawsuits",
        Part::FiveYear => "Five-year review and goals",
        Part::Targets => "Overall requirements and targets",
        Part::Appendix => "Appendices",
    },
    status: |status| match status {
        PartStatus::Present => "present",
        PartStatus::Mentioned => "mentioned, no section of its own",
        PartStatus::Missing => "missing",
        PartStatus::Absent => "not present",
    },
    genre_name: |genre| match genre {
        Genre::RuleOfLaw => "Rule-of-law government report",
        Genre::GovernmentWork => "Government work report",
        Genre::InformationDisclosure => "Information disclosure annual report",
        Genre::WorkSummary => "Work summary and plan",
        Genre::CourtWork => "Court work report",
        Genre::ProcuratorateWork => "Procuratorate work report",
        Genre::CongressCommitteeWork => "People's congress standing committee work report",
        Genre::Other => "Other",
    },
    not_required_for_genre: "not required for this genre",
    warnings: "Please check",
    warning: |warning| match warning {
        Warning::YearsDisagree {
            report_year,
            other_year,
            source,
            line,
            ..
        } => format!(
            "The year reviewed is taken as {report_year}, but the {} “{line}” says {other_year}.",
            (EN.year_source)(*source)
        ),
        Warning::IssuerDisagrees {
            issuer, other, line, ..
        } => format!("The issuer is taken as “{issuer}”, but the title “{line}” names “{other}”."),
        Warning::NoYear => "No line says which year the report reviews.".to_string(),
        Warning::NoPlan => {
            "No plan for next year was found.".to_string()
        }
        Warning::PlanWithoutHeading { found_by } => match found_by {
            PlanSource::Sections => {
                "No heading names the plan: the sections after the review are taken."
            }
            _ => "No heading names the plan: the closing paragraphs are taken.",
        }
        .to_string(),
        Warning::EmptyPlan => "The plan has no items.".to_string(),
        Warning::PlanChoiceLost { title } => format!("The heading you made the plan, “{title}”, is no longer in the text: the plan the analysis found is taken."),
        Warning::TargetLeftOut { line, .. } => format!("“{line}” speaks of five years or a later year and may be a five-year goal: it is not counted among the year's targets."),
        Warning::LineBreaksLost => "The text's line breaks were lost: headings and items were cut again at their numbers, and items set apart only by paragraphs may be merged; check against the original.".to_string(),
        Warning::ShownInPart {
            shown_chars,
            total_chars,
        } => format!(
            "This report is too large to show at once: the page shows its first {shown_chars} characters (of {total_chars}) with their headings and items. The command line, report-lens analyze, reads it whole."
        ),
    },
    evidence: "Source line",
    set_as_plan: "Use as plan",
    set_as_plan_label: |title| format!("Use as plan: {title}"),
    plan_fact: "Plan",
    correct: "Correct",
    correct_label: |label| format!("Correct: {label}"),
    corrected_from: |own| match own {
        Some(own) => format!("corrected; the analysis found “{own}”"),
        None => "corrected; the analysis found none".to_string(),
    },
    undo_correction: "Undo correction",
    undo_correction_label: |label| format!("Undo correction: {label}"),
    year_invalid: "Enter a year of four digits, such as 2024.",
    issuer_empty: "Enter the issuer.",
    correction_failed: "This report could not be analysed again with your correction; please try again.",
    split_here: "Split here",
    split_here_label: |next| format!("Split here: {next}"),
    merge_next: "Merge with next",
    points_summary: |done, total| format!("Points: {done} of {total} done"),
    set_aside_items: |n| format!("{n} items of the earlier plan were set aside with your ticks and notes; they come back if the earlier plan does."),
    year_source: |source| match source {
        YearSource::Delivery => "delivery line",
        YearSource::Title => "title",
        YearSource::ReviewHeading => "review heading",
        YearSource::PlanHeading => "plan heading",
        YearSource::Opening => "opening paragraph",
    },

    checklist: "Checklist for next year",
    from_section: "From: ",
    plan_without_heading: "the report's closing paragraph (no heading)",
    plan_as_sections: "the sections after the review (no heading of their own)",
    nth_of_name: |name, n| format!("{name} ({n})"),
    no_plan: "No plans for next year were found.",
    progress: |done, total| format!("{done} of {total} done"),
    targets: "Targets",
    low_confidence: "inferred from a sentence",
    full_text: "Full text",
    show_in_text: "Show in text",
    edit: "Edit",
    save: "Save",
    cancel: "Cancel",
    item_title: "Title",
    item_text: "Text",
    note: "Note",
    owner: "Owner",
    deadline: "Deadline",
    note_text: "Note",
    delete: "Delete",
    undo: "Undo",
    deleted: |title| format!("Deleted “{title}”."),
    move_up: "Move up",
    move_down: "Move down",
    add_item: "Add an item",
    add_placeholder: "Title of the new item",
    add: "Add",

    export: "Export",
    export_markdown: "Markdown",
    export_csv: "CSV (Excel)",
    export_json: "JSON",
    copy: "Copy checklist",
    copied: "Copied to the clipboard.",
    print: "Print",
    share: "Share link",
    share_link: "Share link (the checklist travels in the link, never through a server)",
    share_copied: "Share link copied to the clipboard.",
    share_copied_without_texts: "Share link copied to the clipboard. The checklist is long: the link carries each item's title, tick and note, without the items' full texts.",
    share_without_texts: "The checklist is long: the link carries each item's title, tick and note, without the items' full texts.",
    share_too_long: "The checklist's notes and edits are too long for a link (a long link is cut on its way and will not open). Export it as JSON or CSV instead.",
    shared_banner: "This is a checklist someone shared with you, shown read-only.",
    make_copy: "Keep an editable copy",
    close_shared: "Close the shared checklist",
    share_broken: "This share link is damaged or incomplete and cannot be opened. Ask for the link again.",
    share_future: "This share link comes from a newer report-lens and cannot be read here. Reload the page and try again.",

    csv_headers: ["Report", "Section", "Title", "Text", "Targets", "Concreteness", "Status", "Owner", "Deadline", "Note", "Issuer", "Plan year", "File", "Points"],
    vague: "vague",
    vague_hint: "names no quantity, percentage, deadline, goal or owner to check it by",
    concrete_word: "concrete",
    done: "done",
    open: "open",

    file_error: |name, error| format!("“{name}”: {error}."),
    unreadable_file: |name, error| format!("“{name}” could not be read: {error}"),
    reader_failed: |name| format!("“{name}” could not be read, or took too long: it may be damaged or unusual. Save it as .docx or .txt and try again, or paste its text here."),
    empty_paste: "The text box is empty: paste a report's text.",
    cleared_elsewhere: "Another tab cleared every report and checklist this browser keeps; the reports open here were closed with them.",
    paste_too_large: "The pasted text is larger than 30 MB and was not read (nothing on the page changed). Copy only the report's text, or paste it in parts.",
    report_set_aside: |name| format!("The kept report “{name}” could not be restored; it was moved aside and will not be read again. The other reports are restored as usual."),
    kept_set_aside: |why, copied| {
        let reason = match why {
            Unusable::Damaged => "it is damaged",
            Unusable::NewerVersion => "a newer version of report-lens saved it",
            Unusable::OtherReport => "it belongs to another report",
        };
        if copied {
            format!("The checklist this browser kept for this report cannot be read ({reason}); it was kept aside as it was, not overwritten, and a fresh checklist is shown.")
        } else {
            format!("The checklist this browser kept for this report cannot be read ({reason}), and the browser's storage has no room to keep a copy aside, so it stays where it was, not overwritten. A fresh checklist is shown, but its ticks and edits are not saved until there is room.")
        }
    },
    storage_unavailable: "This browser does not let the page keep anything: after a reload, ticks and edits are gone. Use Export to keep your work.",
    save_failed_full: "Your last change was not saved: the browser's storage is full. The change is still on the page; export the checklist (Markdown, CSV or JSON), or clear the checklists kept for other reports, then go on.",
    save_failed_unavailable: "Your last change was not saved: this browser does not let the page keep anything. Use Export to keep your work.",
    clear_other_lists: "Clear checklists kept for other reports",
    show_more: |left| format!("Show more ({left} blocks left)"),
    working: "Reading and analysing",
    working_on: |n| format!("Reading and analysing {n}… the page stays usable."),
    workspace: |n| format!("Loaded reports ({n})"),
    filter_words: "Filter",
    filter_placeholder: "Words in the title, issuer or file name",
    all_genres: "All kinds",
    missing_only: "Only those missing a required part",
    col_title: "Report",
    col_years: "Report → plan year",
    col_date: "Date",
    col_items: "Items",
    col_vague: "Vague items",
    col_missing: "Required parts missing",
    col_on_time: "Published by 1 April",
    col_file: "File",
    workspace_file: "reports",
    on_time: "On time",
    late: "Late",
    unknown: "—",
    shown_of: |shown, total| format!("Showing {shown} of {total}"),
    open_report: "Open",
    remove_report: "Remove",
    removed_report: |name| format!("Removed “{name}”."),
    shelf_usage: |n, bytes| format!("This browser keeps {n} report(s) ({} MB); they are here again after a reload.", megabytes(bytes)),
    shelf_clear: "Clear kept reports and checklists",
    combined_checklist: "Combined checklist",
    export_failed: "The export did not work; please try again.",
    copy_failed: "The browser did not allow copying to the clipboard: download the Markdown instead.",
    workspace_views: "Several reports",
    view_table: "Reports",
    view_combined: "Combined checklist",
    view_follow: "Follow-up",
    all_reports: "All reports",
    all_sections: "All sections",
    any_status: "All",
    owner_placeholder: "words in the owner",
    any_deadline: "All",
    any_vagueness: "All",
    with_deadline: "With a deadline",
    without_deadline: "Without a deadline",
    items_shown: |shown, total| format!("Showing {shown} of {total} items"),
    follow_title: "Follow-up: last year's commitments in the next year's report",
    follow_lead: "For each commitment of last year's report, the passages of the next year's review that most likely report on it, with how strongly they match and the words they share. The verdict is suggested by the matching: read the passages, then confirm or change it.",
    follow_found: "Consecutive reports of one body",
    follow_last: "Last year's report",
    follow_this: "The next year's report",
    choose_report: "Choose",
    follow_choose: "Choose two reports: last year's and the next year's.",
    follow_same: "Choose two different reports.",
    follow_working: "Matching…",
    follow_failed: "The matching did not work; please try again.",
    follow_summary: |reported, partly, not_found| format!("{reported} reported · {partly} partly · {not_found} not found"),
    targets_title: "Last year's main targets",
    targets_columns: ["Last year's target", "The next year's result", "Verdict"],
    target_met: "met",
    view_targets: "Targets compared",
    compare_title: "The reports' main targets",
    compare_others: "Other targets",
    compare_sort: |column| format!("Sort by “{column}”"),
    compare_chart_of: "Indicator charted",
    compare_chart_title: |name, n| format!("{name}: the targets of {n} reports"),
    compare_left_out: |n| format!("{n} more reports set this target without a figure or in another unit, not drawn."),
    compare_chart_svg: "Chart (SVG)",
    compare_chart_png: "Chart (PNG)",
    compare_loading: "Loading the comparison of targets…",
    compare_failed: "The comparison of targets did not load; reload the page and try again.",
    compare_none: "None of these reports states main targets.",
    target_not_met: "not met",
    target_not_reported: "not reported",
    follow_no_passage: "No passage of the next year's review matches.",
    follow_commitment: "Last year's text",
    strength_label: "Match",
    strength_strong: "strong",
    strength_medium: "medium",
    strength_weak: "weak",
    states_result: "states a result",
    follow_review: |headings| format!("Searched the next year's review: {headings}"),
    list_separator: "; ",
    follow_sheet_title: |last, this| format!("Follow-up: {last} → {this}"),
    follow_csv_headers: ["Kind", "Last year's target or task", "Verdict", "Suggested verdict", "Changed", "Match", "Result or best passage", "Note"],
    follow_csv_kinds: ["Target", "Task"],
    verdict_changed: "changed",
    follow_review_by_position: "Searched the next year's report before the part that looks ahead (no heading names its review)",
    follow_review_problems: |n| format!(" (without {n} run(s) on problems and challenges)"),
    follow_no_review: "No review was found in the next year's report: every passage outside its plan was searched, so some may be plans rather than results.",
    verdict_label: "Verdict",
    verdict_reported: "reported",
    verdict_partly: "partly",
    verdict_not_found: "not found",
    verdict_save_failed_full: "Your last verdict or note was not saved: the browser's storage is full. It is still on the page but will be gone after a reload; clear the checklists kept for other reports, then change it again.",
    verdict_save_failed_unavailable: "Your last verdict or note was not saved: this browser does not let the page keep anything. It is still on the page but will be gone after a reload.",
    verdict_suggested: |suggested| format!("(suggested: {suggested})"),
    shelf_clear_confirm: "Clear every report and checklist this browser keeps? This cannot be undone.",
    shelf_full: "The browser refused to keep more reports (its storage is full): the reports just loaded work as usual but will not be here after a reload; every report kept before is still kept. Removing reports you do not need makes it try again.",
    shelf_unavailable: "The browser does not let this page keep reports (private browsing, for example): loaded reports work as usual but will not be here after a reload.",
    sample_failed: "The sample report could not be loaded: check the connection and try again.",
    update_ready: "A new version of report-lens is ready. Reload to use it; your kept checklists stay.",
    update_reload: "Reload",
    source_file: "File",
    format_name: |format| match format {
        Format::Text => "text",
        Format::Html => "web page",
        Format::Mht => "web archive (MHT)",
        Format::Docx => "Word document",
        Format::Pdf => "PDF",
    },
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_are_said_in_megabytes_to_the_nearest_tenth() {
        assert_eq!(megabytes(0), "0.0");
        assert_eq!(megabytes(1_048_576), "1.0");
        // 2.4 MB is 2,516,582.4 bytes; 0.1 MB is 104,857.6.
        assert_eq!(megabytes(2_516_582), "2.4");
        assert_eq!(megabytes(104_857), "0.1");
        assert_eq!(megabytes(52_428), "0.0");
        assert_eq!(megabytes(52_429), "0.1");
        // More than a 32-bit page could count in bytes times ten.
        assert_eq!(megabytes(500 * 1_048_576), "500.0");
    }
}
