//! Writing a checklist out: Markdown, CSV that Excel opens, JSON, and a share link.
//!
//! Every format is made from a `Checklist` (and the words of the user's language), so
//! what a user ticked, edited and noted is what they export. What a user or a share link
//! wrote is data, never markup or a formula: Markdown escapes HTML, and a CSV cell that
//! a spreadsheet would run as a formula is neutralised as OWASP's CSV-injection guidance
//! says. Nothing here touches the DOM; the page only hands the results to a download,
//! the clipboard or the address bar.

mod share;

pub use share::{decode_share, encode_share, ShareError, SHARE_PREFIX};

use crate::checklist::{Checklist, Note};
use crate::i18n::Texts;

/// The checklist's file name with `extension`, from the report's title when it has one.
pub fn file_name(list: &Checklist, extension: &str) -> String {
    let title = list.report_title.as_deref().unwrap_or("report");
    let safe: String = title
        .chars()
        .filter(|c| !"\\/:*?\"<>|".contains(*c) && !c.is_control())
        .take(60)
        .collect();
    format!("{safe}.checklist.{extension}")
}

/// A Markdown checklist: title, progress, then one task-list item per item, grouped
/// under their sections, with text, targets and notes indented beneath.
pub fn markdown(list: &Checklist, t: &Texts) -> String {
    let c = t.colon;
    let mut out = format!(
        "# {}{c}{}\n\n",
        t.checklist,
        escape_html(list.report_title.as_deref().unwrap_or(t.untitled))
    );
    let mut facts = Vec::new();
    if let Some(issuer) = &list.issuer {
        facts.push(format!("{}{c}{}", t.issuer, escape_html(issuer)));
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
            let name = escape_html(section.unwrap_or_default());
            out.push_str(&format!("## {name}\n\n"));
        }
        let mark = if item.done { "x" } else { " " };
        let vague = if item.vague {
            format!("（{}）", t.vague)
        } else {
            String::new()
        };
        out.push_str(&format!(
            "- [{mark}] **{}**{vague}\n",
            escape_html(&item.title)
        ));
        for line in item.text.lines().filter(|l| !l.trim().is_empty()) {
            out.push_str(&format!("  {}\n", escape_html(line.trim())));
        }
        if !item.targets.is_empty() {
            let targets = escape_html(&item.targets.join("、"));
            out.push_str(&format!("  {}{c}{targets}\n", t.targets));
        }
        if let Some(note) = note_line(&item.note, t) {
            out.push_str(&format!("  {}{c}{}\n", t.note, escape_html(&note)));
        }
    }
    out
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

/// Text with `&`, `<` and `>` written as entities, so that Markdown shows it as text.
fn escape_html(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

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

/// CSV for Excel: UTF-8 with a byte-order mark (so Excel reads Chinese correctly), CRLF
/// line ends, every field quoted; one row per item.
pub fn csv(list: &Checklist, t: &Texts) -> String {
    let mut out = String::from('\u{feff}');
    let header: Vec<String> = t.csv_headers.iter().map(|h| csv_field(h)).collect();
    out.push_str(&header.join(","));
    out.push_str("\r\n");
    let report = list.report_title.as_deref().unwrap_or(t.untitled);
    for item in &list.items {
        let status = if item.done { t.done } else { t.open };
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
        ];
        let row: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
        out.push_str(&row.join(","));
        out.push_str("\r\n");
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
        let mut list = Checklist::from_report(HENAN, &analyze(HENAN));
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
    fn json_round_trips() {
        let list = worked_on();
        let back: Checklist = serde_json::from_str(&json(&list)).unwrap();
        assert_eq!(back, list);
    }

    #[test]
    fn file_names_are_safe() {
        let mut list = worked_on();
        list.report_title = Some("a/b:c*?".into());
        assert_eq!(file_name(&list, "csv"), "abc.checklist.csv");
    }
}
