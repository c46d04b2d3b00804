//! A follow-up written out (`followup::Sheet`): Markdown, and CSV that Excel opens, with
//! each task, its verdict (and whether the user changed it), its best passage and that
//! passage's strength, and the user's note. The same guards as a checklist's: the reports' text is data,
//! never markup or a formula.

use super::{csv_row, md_text, safe_name, Form, CSV_BOM};
use crate::followup::sheet::Sheet;
use crate::followup::Verdict;
use crate::i18n::Texts;

/// The follow-up's file name with `extension`, from the two reports' names.
pub fn file_name(sheet: &Sheet, extension: &str) -> String {
    let names = format!("{}→{}", sheet.last, sheet.this);
    format!("{}.follow-up.{extension}", safe_name(&names))
}

/// `sheet` written in `form` (JSON: the sheet itself).
pub fn write(sheet: &Sheet, form: Form, t: &Texts) -> String {
    match form {
        Form::Markdown => markdown(sheet, t),
        Form::Csv => csv(sheet, t),
        Form::Json => serde_json::to_string_pretty(sheet).unwrap_or_default(),
    }
}

/// The follow-up as Markdown: its title, where it looked, the counts, last year's targets
/// as a table with the results and whether each was met, then each task with its
/// verdict, the user's note and its best passage quoted.
pub fn markdown(sheet: &Sheet, t: &Texts) -> String {
    let mut counts = [0; 3];
    for row in &sheet.rows {
        counts[match row.verdict {
            Verdict::Reported => 0,
            Verdict::Partly => 1,
            Verdict::NotFound => 2,
        }] += 1;
    }
    let mut out = format!(
        "# {}\n\n{}\n\n{}\n",
        md_text(&(t.follow_sheet_title)(&sheet.last, &sheet.this)),
        md_text(&sheet.searched),
        md_text(&(t.follow_summary)(counts[0], counts[1], counts[2]))
    );
    if !sheet.targets.is_empty() {
        let [target, result, verdict] = t.targets_columns;
        out += &format!(
            "\n## {}\n\n| {target} | {result} | {verdict} |\n|---|---|---|\n",
            t.targets_title
        );
        for row in &sheet.targets {
            out += &format!(
                "| {} | {} | {} |\n",
                md_text(&row.target),
                row.result.as_deref().map_or("—".to_string(), md_text),
                if row.changed {
                    format!("{} {}", t.target_verdict(row.verdict), t.verdict_changed)
                } else {
                    t.target_verdict(row.verdict).to_string()
                }
            );
        }
    }
    for (i, row) in sheet.rows.iter().enumerate() {
        let mut verdict = format!("{}{}{}", t.verdict_label, t.colon, t.verdict(row.verdict));
        if row.changed {
            verdict += &format!(
                " {} {}",
                t.verdict_changed,
                (t.verdict_suggested)(t.verdict(row.suggested))
            );
        }
        out += &format!("\n## {}. {}\n\n- {}\n", i + 1, md_text(&row.task), verdict);
        if !row.note.trim().is_empty() {
            out += &format!("- {}{}{}\n", t.note, t.colon, md_text(&row.note));
        }
        match &row.best {
            Some((strength, passage)) => {
                out += &format!(
                    "- {}{}{}\n\n> {}\n",
                    t.strength_label,
                    t.colon,
                    t.strength(*strength),
                    md_text(passage)
                );
            }
            None => out += &format!("- {}\n", t.follow_no_passage),
        }
    }
    out
}

/// The follow-up as CSV for Excel (UTF-8 with a byte-order mark, CRLF, every field
/// quoted): one row per target (its result where the tasks have their best passage),
/// then one per task, the first column telling which.
pub fn csv(sheet: &Sheet, t: &Texts) -> String {
    let mut out = String::from(CSV_BOM);
    csv_row(&mut out, t.follow_csv_headers);
    let [target_kind, task_kind] = t.follow_csv_kinds;
    for row in &sheet.targets {
        let fields = [
            target_kind,
            row.target.as_str(),
            t.target_verdict(row.verdict),
            t.target_verdict(row.suggested),
            if row.changed { t.verdict_changed } else { "" },
            "",
            row.result.as_deref().unwrap_or(""),
            "",
        ];
        csv_row(&mut out, fields);
    }
    for row in &sheet.rows {
        let (strength, passage) = match &row.best {
            Some((strength, passage)) => (t.strength(*strength), passage.as_str()),
            None => ("", ""),
        };
        let fields = [
            task_kind,
            row.task.as_str(),
            t.verdict(row.verdict),
            t.verdict(row.suggested),
            if row.changed { t.verdict_changed } else { "" },
            strength,
            passage,
            &row.note,
        ];
        csv_row(&mut out, fields);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::followup::sheet::{Row, TargetRow};
    use crate::followup::targets::TargetVerdict;
    use crate::followup::Strength;
    use crate::i18n::ZH;

    fn sheet() -> Sheet {
        Sheet {
            last: "2016政府工作报告".to_string(),
            this: "2017政府工作报告".to_string(),
            searched: "在下一年报告的回顾部分中查找：2016年工作回顾".to_string(),
            rows: vec![
                Row {
                    task: "加强*生态*保护".to_string(),
                    verdict: Verdict::Partly,
                    suggested: Verdict::Reported,
                    changed: true,
                    best: Some((Strength::Strong, "=生态环境<b>改善</b>。".to_string())),
                    note: "<i>见</i>环保局年报".to_string(),
                },
                Row {
                    task: "发展低空经济".to_string(),
                    verdict: Verdict::NotFound,
                    suggested: Verdict::NotFound,
                    changed: false,
                    best: None,
                    note: String::new(),
                },
            ],
            targets: vec![TargetRow {
                target: "国内生产总值增长6.5%—7%".to_string(),
                result: Some("国内生产总值增长6.7%".to_string()),
                verdict: TargetVerdict::Met,
                suggested: TargetVerdict::Met,
                changed: false,
            }],
        }
    }

    #[test]
    fn markdown_gives_each_task_its_verdict_and_passage_as_text() {
        let md = markdown(&sheet(), &ZH);
        assert!(md.starts_with("# 跟踪落实：2016政府工作报告 → 2017政府工作报告\n"));
        assert!(md.contains("已报告 0 项 · 部分报告 1 项 · 未找到 1 项"));
        assert!(md.contains("## 1. 加强\\*生态\\*保护"));
        assert!(
            md.contains("## 主要预期目标完成情况\n\n| 上一年的目标 | 下一年报告的结果 | 判断 |\n|---|---|---|\n| 国内生产总值增长6.5%—7% | 国内生产总值增长6.7% | 已实现 |\n"),
            "{md}"
        );
        assert!(
            md.contains("- 落实情况：部分报告 已修改 （建议：已报告）"),
            "{md}"
        );
        assert!(md.contains("> =生态环境&lt;b&gt;改善&lt;/b&gt;。"));
        assert!(
            md.contains("（建议：已报告）\n- 备注：&lt;i&gt;见&lt;/i&gt;环保局年报\n- 匹配"),
            "{md}"
        );
        assert!(md.contains(
            "## 2. 发展低空经济\n\n- 落实情况：未找到\n- 下一年的报告回顾中没有找到相关段落。"
        ));
    }

    #[test]
    fn the_file_is_named_by_both_reports() {
        assert_eq!(
            file_name(&sheet(), "md"),
            "2016政府工作报告→2017政府工作报告.follow-up.md"
        );
    }

    #[test]
    fn csv_has_a_row_per_target_and_task_and_no_formula() {
        let csv = csv(&sheet(), &ZH);
        let lines: Vec<&str> = csv.trim_start_matches(CSV_BOM).split("\r\n").collect();
        assert!(csv.starts_with(CSV_BOM));
        assert_eq!(lines[0], "\"类别\",\"上一年的目标或工作安排\",\"落实情况\",\"建议的落实情况\",\"是否修改\",\"匹配\",\"结果或最相关的段落\",\"备注\"");
        assert_eq!(
            lines[1],
            "\"目标\",\"国内生产总值增长6.5%—7%\",\"已实现\",\"已实现\",\"\",\"\",\"国内生产总值增长6.7%\",\"\""
        );
        assert_eq!(
            lines[2],
            "\"工作安排\",\"加强*生态*保护\",\"部分报告\",\"已报告\",\"已修改\",\"强\",\"'=生态环境<b>改善</b>。\",\"<i>见</i>环保局年报\""
        );
        assert_eq!(
            lines[3],
            "\"工作安排\",\"发展低空经济\",\"未找到\",\"未找到\",\"\",\"\",\"\",\"\""
        );
        assert_eq!(lines.len(), 5, "four rows and the end of the last");
    }
}
