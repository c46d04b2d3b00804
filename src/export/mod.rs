//! Writing a checklist out: Markdown, CSV that Excel opens, JSON, and a share link; and
//! the same for several reports' checklists at once, each item with its report; a
//! follow-up (`followup`); and the workspace table (`table`).
//!
//! Every format is made from `Checklist`s (and the words of the user's language), so
//! what a user ticked, edited and noted is what they export. What a user or a share link
//! wrote is data, never markup or a formula: Markdown escapes HTML, and a CSV cell that
//! a spreadsheet would run as a formula is neutralised as OWASP's CSV-injection guidance
//! says. Nothing here touches the DOM; the page only hands the results to a download,
//! the clipboard or the address bar.

pub mod comparison;
pub mod followup;
mod share;
pub mod table;

pub use share::{
    decode_share, encode_share, share_link, ShareError, ShareLink, MAX_SHARE_CHARS, SHARE_PREFIX,
};

use serde::{Deserialize, Serialize};

use crate::checklist::{Checklist, Note};
use crate::i18n::Texts;

/// The forms a checklist is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Form {
    Markdown,
    Csv,
    Json,
}

/// A checklist with the name of the document it was made from (a file's name, a pasted
/// text's title or first line; none for a shared checklist): the exports call the report
/// by it when it has no title, and CSV gives it a column of its own.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Named {
    pub name: Option<String>,
    pub list: Checklist,
}

impl Named {
    /// What the exports call the report: its title, else its document's name.
    fn title<'a>(&'a self, t: &'a Texts) -> &'a str {
        self.list
            .report_title
            .as_deref()
            .or(self.name.as_deref())
            .unwrap_or(t.untitled)
    }
}

/// `lists` written in `form`: one checklist as itself, several as one combined document.
/// (A share link carries one checklist: `share_link`.)
pub fn write(lists: &[Named], form: Form, t: &Texts) -> String {
    match (form, lists) {
        (Form::Markdown, [one]) => markdown_named(one, t),
        (Form::Markdown, _) => markdown_combined(lists, t),
        (Form::Csv, _) => csv_combined(lists, t),
        (Form::Json, [one]) => json(&one.list),
        (Form::Json, _) => {
            let lists: Vec<&Checklist> = lists.iter().map(|n| &n.list).collect();
            serde_json::to_string_pretty(&lists).unwrap_or_default()
        }
    }
}

/// The file name of the combined checklist of several reports, with `extension`.
pub fn combined_file_name(t: &Texts, extension: &str) -> String {
    format!("{}.checklist.{extension}", t.combined_checklist)
}

/// The checklist's file name with `extension`, from the report's title (or its document's
/// name) when it has one.
pub fn file_name(named: &Named, extension: &str) -> String {
    let title = named
        .list
        .report_title
        .as_deref()
        .or(named.name.as_deref())
        .unwrap_or("report");
    format!("{}.checklist.{extension}", safe_name(title))
}

/// `title` as the start of a file name: without the characters file systems refuse, and
/// at most 60 characters.
fn safe_name(title: &str) -> String {
    title
        .chars()
        .filter(|c| !"\\/:*?\"<>|".contains(*c) && !c.is_control())
        .take(60)
        .collect()
}

/// A Markdown checklist: title, progress, then one task-list item per item, grouped
/// under their sections, with text, targets and notes indented beneath.
pub fn markdown(list: &Checklist, t: &Texts) -> String {
    markdown_named(
        &Named {
            name: None,
            list: list.clone(),
        },
        t,
    )
}

/// `markdown`, the report called by its document's name when it has no title.
fn markdown_named(named: &Named, t: &Texts) -> String {
    let title = md_text(named.title(t));
    let mut out = format!("# {}{}{title}\n\n", t.checklist, t.colon);
    markdown_body(&mut out, &named.list, "##", t);
    out
}

/// Several reports' checklists in one Markdown document: a part per report, titled by
/// it, each as `markdown` writes one checklist.
pub fn markdown_combined(lists: &[Named], t: &Texts) -> String {
    let mut out = format!("# {}\n\n", t.combined_checklist);
    for named in lists {
        let title = md_text(named.title(t));
        out.push_str(&format!("## {title}\n\n"));
        markdown_body(&mut out, &named.list, "###", t);
        out.push('\n');
    }
    out
}

/// A checklist's facts and items, its sections headed at `level` (`##`, `###`).
fn markdown_body(out: &mut String, list: &Checklist, level: &str, t: &Texts) {
    let c = t.colon;
    let mut facts = Vec::new();
    if let Some(issuer) = &list.issuer {
        facts.push(format!("{}{c}{}", t.issuer, md_text(issuer)));
    }
    if let Some(year) = list.plan_year {
        facts.push(format!("{}{c}{year}", t.plan_year));
    }
    let (done, total) = list.progress();
    facts.push((t.progress)(done, total));
    out.push_str(&facts.join(" · "));
    out.push_str("\n\n");
    let mut section: Option<&str> = None;
    for item in &list.items {
        if item.section.as_deref() != section && item.section.is_some() {
            section = item.section.as_deref();
            let name = md_text(section.unwrap_or_default());
            out.push_str(&format!("{level} {name}\n\n"));
        }
        let mark = if item.done { "x" } else { " " };
        let vague = if item.vague {
            format!("（{}）", t.vague)
        } else {
            String::new()
        };
        out.push_str(&format!("- [{mark}] **{}**{vague}\n", md_text(&item.title)));
        for line in item.text.lines().filter(|l| !l.trim().is_empty()) {
            out.push_str(&format!("  {}\n", md_line(line.trim())));
        }
        for point in &item.points {
            let mark = if point.done { "x" } else { " " };
            out.push_str(&format!("  - [{mark}] {}\n", md_text(&point.title)));
        }
        if !item.targets.is_empty() {
            let targets = md_text(&item.targets.join("、"));
            out.push_str(&format!("  {}{c}{targets}\n", t.targets));
        }
        if let Some(note) = note_line(&item.note, t) {
            out.push_str(&format!("  {}{c}{}\n", t.note, md_text(&note)));
        }
    }
}

/// A note on one line, `责任人：… · 期限：… · 说明：…`, its empty fields left out;
/// `None` for an empty note.
pub fn note_line(note: &Note, t: &Texts) -> Option<String> {
    let parts: Vec<String> = [
        (t.owner, &note.owner),
        (t.deadline, &note.deadline),
        (t.note_text, &note.text),
    ]
    .into_iter()
    .filter(|(_, v)| !v.is_empty())
    .map(|(k, v)| format!("{k}{}{v}", t.colon))
    .collect();
    (!parts.is_empty()).then(|| parts.join(" · "))
}

/// The entity that writes `c` in HTML or XML text, for the three characters that must
/// be one there.
fn text_entity(c: char) -> Option<&'static str> {
    match c {
        '&' => Some("&amp;"),
        '<' => Some("&lt;"),
        '>' => Some("&gt;"),
        _ => None,
    }
}

/// A value as Markdown shows it, as text on the one line it is written on: its line
/// breaks are spaces (a newline in a title or note cannot start an item of its own),
/// `&`, `<` and `>` are entities (no HTML), and the characters that make links, images,
/// emphasis, code and tables are escaped (`\[`, `\!`, `\*`, …).
fn md_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if let Some(entity) = text_entity(c) {
            out.push_str(entity);
            continue;
        }
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '!' | '|' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' | '\u{0b}' | '\u{0c}' | '\u{85}' | '\u{2028}' | '\u{2029}' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// A line of an item's text, as `md_text` writes it, and never read as the start of a
/// block: a line that would open a list, a heading or a quote (`- `, `1. `, `#`) starts
/// with a backslash.
fn md_line(line: &str) -> String {
    let text = md_text(line);
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    let opens_block = text.starts_with(['-', '+', '#', '='])
        || (digits > 0 && text[digits..].starts_with(['.', ')']));
    if opens_block {
        format!("\\{text}")
    } else {
        text
    }
}

/// The byte-order mark that starts a CSV file, so that Excel reads it as UTF-8.
const CSV_BOM: char = '\u{feff}';

/// The characters that make a spreadsheet read a cell as a formula (OWASP).
const FORMULA_STARTS: &[char] = &['=', '+', '-', '@', '\t', '\r'];

/// A quoted CSV field. A value a spreadsheet would run as a formula gets a leading `'`,
/// which Excel shows as text.
pub fn csv_field(s: &str) -> String {
    let guard = if s.starts_with(FORMULA_STARTS) {
        "'"
    } else {
        ""
    };
    format!("\"{guard}{}\"", s.replace('"', "\"\""))
}

/// Appends one CSV row to `out`: every field quoted (`csv_field`), CRLF at its end.
fn csv_row<S: AsRef<str>>(out: &mut String, fields: impl IntoIterator<Item = S>) {
    let cells: Vec<String> = fields.into_iter().map(|f| csv_field(f.as_ref())).collect();
    out.push_str(&cells.join(","));
    out.push_str("\r\n");
}

/// CSV for Excel: UTF-8 with a byte-order mark (so Excel reads Chinese correctly), CRLF
/// line ends, every field quoted; one row per item, its report in the first column.
pub fn csv(list: &Checklist, t: &Texts) -> String {
    let named = Named {
        name: None,
        list: list.clone(),
    };
    csv_combined(std::slice::from_ref(&named), t)
}

/// The CSV of several reports' checklists: `csv`'s columns, the rows of each in turn,
/// each with its document's name (`Named`).
pub fn csv_combined(lists: &[Named], t: &Texts) -> String {
    let mut out = String::from(CSV_BOM);
    csv_row(&mut out, t.csv_headers);
    for named in lists {
        let list = &named.list;
        let report = named.title(t);
        let file = named.name.as_deref().unwrap_or_default();
        let issuer = list.issuer.as_deref().unwrap_or_default();
        let plan_year = list.plan_year.map(|y| y.to_string()).unwrap_or_default();
        for item in &list.items {
            let status = if item.done { t.done } else { t.open };
            let points: Vec<String> = item
                .points
                .iter()
                .map(|p| format!("{}（{}）", p.title, if p.done { t.done } else { t.open }))
                .collect();
            let fields = [
                report,
                item.section.as_deref().unwrap_or(""),
                &item.title,
                &item.text,
                &item.targets.join("；"),
                if item.vague { t.vague } else { t.concrete_word },
                status,
                &item.note.owner,
                &item.note.deadline,
                &item.note.text,
                issuer,
                &plan_year,
                file,
                &points.join("；"),
            ];
            csv_row(&mut out, fields);
        }
    }
    out
}

/// The checklist as pretty JSON.
pub fn json(list: &Checklist) -> String {
    serde_json::to_string_pretty(list).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyze;
    use crate::i18n::{EN, ZH};

    const HENAN: &str = include_str!("../../tests/fixtures/henan-approval-bureau-2022.txt");

    fn worked_on() -> Checklist {
        let mut list = Checklist::from_report(&analyze(HENAN));
        let id = list.items[0].id.clone();
        list.toggle(&id);
        list.set_note(
            &id,
            Note {
                owner: "办公室".into(),
                deadline: "2023-06-30".into(),
                text: "含\"引号\",和逗号".into(),
            },
        );
        list
    }

    #[test]
    fn markdown_has_ticks_text_and_notes() {
        let md = markdown(&worked_on(), &ZH);
        assert!(md.starts_with("# 下一年度工作清单：河南省行政审批和政务信息管理局关于2022年度法治政府建设情况的报告\n"));
        assert!(md.contains("计划年度：2023 · 已完成 1 / 3"));
        assert!(md.contains("- [x] **加强组织领导**（笼统）\n  一是加强组织领导。充分发挥"));
        assert!(
            md.contains("  备注：责任人：办公室 · 期限：2023-06-30 · 说明：含\"引号\",和逗号\n")
        );
        assert!(md.contains("- [ ] **完善工作机制**"));
    }

    #[test]
    fn csv_opens_in_excel() {
        let csv = csv(&worked_on(), &ZH);
        assert!(csv.starts_with("\u{feff}\"报告\",\"所属部分\",\"标题\""));
        let rows: Vec<&str> = csv.split("\r\n").filter(|r| !r.is_empty()).collect();
        assert_eq!(rows.len(), 4, "a header and three items");
        assert!(rows[1].contains("\"加强组织领导\""));
        assert!(rows[1].contains("\"已完成\",\"办公室\",\"2023-06-30\",\"含\"\"引号\"\",和逗号\""));
        assert!(rows[2].contains("\"未完成\""));
        assert!(super::csv(&worked_on(), &EN).contains("\"done\",\"办公室\""));
    }

    #[test]
    fn csv_cells_are_never_formulas() {
        let mut list = worked_on();
        let id = list.items[0].id.clone();
        list.edit(&id, "=HYPERLINK(\"http://x\",\"y\")", "+1");
        let note = Note {
            owner: "@SUM(A1)".into(),
            deadline: "-2".into(),
            text: "\tcmd".into(),
        };
        list.set_note(&id, note);
        let csv = csv(&list, &ZH);
        let row = csv.split("\r\n").nth(1).unwrap();
        for cell in [
            "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"",
            "\"'+1\"",
            "\"'@SUM(A1)\"",
            "\"'-2\"",
            "\"'\tcmd\"",
        ] {
            assert!(row.contains(cell), "{cell} in {row}");
        }
    }

    #[test]
    fn markdown_shows_html_as_text() {
        let mut list = worked_on();
        let id = list.items[0].id.clone();
        list.edit(&id, "<img src=x onerror=alert(1)>", "a & b <script>");
        let md = markdown(&list, &ZH);
        assert!(md.contains("**&lt;img src=x onerror=alert(1)&gt;**"));
        assert!(md.contains("  a &amp; b &lt;script&gt;\n"));
        assert!(!md.contains('<'));
    }

    #[test]
    fn a_newline_in_a_field_forges_no_item_and_no_image() {
        let mut list = worked_on();
        let id = list.items[0].id.clone();
        list.edit(
            &id,
            "标题\n- [x] **伪造的已完成事项**",
            "第一行\n- [x] 伪造\n1. 编号\n![](https://example.com/track.png)",
        );
        list.set_note(
            &id,
            Note {
                text: "说明\r\n- [x] 又一项 [链接](https://example.com)".to_string(),
                ..Note::default()
            },
        );
        let md = markdown(&list, &ZH);
        let items = md
            .lines()
            .filter(|l| l.trim_start().starts_with("- ["))
            .count();
        assert_eq!(items, list.items.len(), "one task line per item:\n{md}");
        assert!(!md.contains("!["), "no image:\n{md}");
        assert!(!md.contains("[链接]("), "no link:\n{md}");
        assert!(md.contains("  \\- \\[x\\] 伪造\n"), "{md}");
        assert!(md.contains("  \\1. 编号\n"), "{md}");
    }

    #[test]
    fn markdown_keeps_plain_chinese_text_as_it_is() {
        let list = worked_on();
        let md = markdown(&list, &ZH);
        for item in &list.items {
            assert!(
                md.contains(&format!("**{}**", item.title)),
                "{}",
                item.title
            );
        }
    }

    #[test]
    fn json_round_trips() {
        let list = worked_on();
        let back: Checklist = serde_json::from_str(&json(&list)).unwrap();
        assert_eq!(back, list);
    }

    /// Two small checklists written by hand, with their files' names: a report of two
    /// sections, and one untitled.
    fn two_reports() -> Vec<Named> {
        let mut first = worked_on();
        first.report_title = Some("甲市2022年政府工作报告".into());
        first.items.truncate(2);
        first.items[0].section = Some("一、稳增长".into());
        first.items[1].section = Some("二、惠民生".into());
        let mut second = worked_on();
        second.report_title = None;
        second.issuer = Some("乙县人民政府".into());
        second.items.truncate(1);
        second.items[0].done = false;
        second.items[0].section = None;
        vec![
            Named {
                name: Some("甲市.docx".into()),
                list: first,
            },
            Named {
                name: Some("乙县工作安排.txt".into()),
                list: second,
            },
        ]
    }

    #[test]
    fn combined_csv_has_one_header_and_each_report_in_its_rows() {
        let csv = write(&two_reports(), Form::Csv, &ZH);
        let rows: Vec<&str> = csv.split("\r\n").filter(|r| !r.is_empty()).collect();
        assert_eq!(
            rows.len(),
            4,
            "a header, two items of the first, one of the second"
        );
        assert!(rows[0].starts_with("\u{feff}\"报告\",\"所属部分\""));
        assert!(rows[1].starts_with("\"甲市2022年政府工作报告\",\"一、稳增长\",\"加强组织领导\""));
        assert!(rows[1].contains("\"已完成\""));
        assert!(rows[2].starts_with("\"甲市2022年政府工作报告\",\"二、惠民生\""));
        assert!(
            rows[3].starts_with("\"乙县工作安排.txt\",\"\",\"加强组织领导\""),
            "an untitled report is called by its file's name: {}",
            rows[3]
        );
        assert!(rows[3].contains("\"未完成\""));
        assert!(
            rows[0].ends_with("\"备注\",\"报告单位\",\"计划年度\",\"文件\",\"要点\""),
            "the issuer, plan year, file and points last"
        );
        assert!(rows[1].ends_with("\"甲市.docx\",\"\""), "{}", rows[1]);
        assert!(
            rows[3].ends_with("\"乙县人民政府\",\"2023\",\"乙县工作安排.txt\",\"\""),
            "{}",
            rows[3]
        );
    }

    #[test]
    fn combined_markdown_has_a_part_per_report() {
        let md = write(&two_reports(), Form::Markdown, &ZH);
        assert!(md.starts_with("# 合并工作清单\n\n## 甲市2022年政府工作报告\n\n"));
        assert!(md.contains("已完成 1 / 2\n\n### 一、稳增长\n\n- [x] **加强组织领导**"));
        assert!(md.contains("### 二、惠民生\n\n- [ ] **完善工作机制**"));
        assert!(
            md.contains("## 乙县工作安排.txt\n\n报告单位：乙县人民政府"),
            "{md}"
        );
    }

    #[test]
    fn one_list_is_written_as_itself() {
        let mut lists = two_reports();
        assert_eq!(
            write(&lists[..1], Form::Markdown, &ZH),
            markdown(&lists[0].list, &ZH)
        );
        let back: Vec<Checklist> = serde_json::from_str(&write(&lists, Form::Json, &ZH)).unwrap();
        assert_eq!(back, [lists[0].list.clone(), lists[1].list.clone()]);
        lists[0].name = None;
        assert_eq!(write(&lists[..1], Form::Csv, &EN), csv(&lists[0].list, &EN));
    }

    #[test]
    fn a_report_without_title_or_name_is_called_untitled() {
        let mut lists = two_reports();
        lists[1].name = None;
        assert!(
            write(&lists[1..], Form::Markdown, &ZH).starts_with("# 下一年度工作清单：（无标题）\n")
        );
        assert!(write(&lists[1..], Form::Csv, &ZH).contains("\r\n\"（无标题）\","));
    }

    #[test]
    fn file_names_are_safe() {
        let mut named = Named {
            name: Some("甲.docx".into()),
            list: worked_on(),
        };
        named.list.report_title = Some("a/b:c*?".into());
        assert_eq!(file_name(&named, "csv"), "abc.checklist.csv");
        named.list.report_title = None;
        assert_eq!(file_name(&named, "md"), "甲.docx.checklist.md");
    }
}
