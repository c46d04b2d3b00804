//! The workspace table written out as CSV for Excel: one row per loaded report, with
//! the table's columns (the publication deadline only when a rule-of-law report is
//! among them, as on the page).

use super::{csv_row, CSV_BOM};
use crate::analysis::Genre;
use crate::i18n::Texts;
use crate::workspace::Row;

/// The table of `rows` as CSV (UTF-8 with a byte-order mark, CRLF, every field quoted).
pub fn csv(rows: &[Row], t: &Texts) -> String {
    let rule_of_law = rows.iter().any(|r| r.genre == Genre::RuleOfLaw);
    let mut header = vec![
        t.col_title,
        t.col_file,
        t.issuer,
        t.genre,
        t.report_year,
        t.plan_year,
        t.col_date,
        t.col_items,
        t.col_vague,
        t.col_missing,
    ];
    if rule_of_law {
        header.push(t.col_on_time);
    }
    let mut out = String::from(CSV_BOM);
    csv_row(&mut out, header);
    let year = |y: Option<u32>| y.map(|y| y.to_string()).unwrap_or_default();
    for row in rows {
        let missing: Vec<&str> = row.missing.iter().map(|part| (t.part)(*part)).collect();
        let mut fields = vec![
            row.title.clone().unwrap_or_else(|| row.name.clone()),
            row.name.clone(),
            row.issuer.clone().unwrap_or_default(),
            (t.genre_name)(row.genre).to_string(),
            year(row.report_year),
            year(row.plan_year),
            row.date.clone().unwrap_or_default(),
            row.items.to_string(),
            row.vague.to_string(),
            missing.join("、"),
        ];
        if rule_of_law {
            let on_time = match row.on_time {
                Some(true) => t.on_time,
                Some(false) => t.late,
                None => "",
            };
            fields.push(on_time.to_string());
        }
        csv_row(&mut out, fields);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Part;
    use crate::i18n::ZH;

    fn row(name: &str, genre: Genre, title: Option<&str>) -> Row {
        Row {
            name: name.to_string(),
            title: title.map(str::to_string),
            issuer: Some("某县人民政府".to_string()),
            genre,
            report_year: Some(2024),
            plan_year: Some(2025),
            date: None,
            items: 12,
            vague: 3,
            missing: vec![Part::Shortcomings],
            on_time: (genre == Genre::RuleOfLaw).then_some(false),
        }
    }

    #[test]
    fn a_row_per_report_named_by_its_file_when_it_has_no_title() {
        let rows = [row("a.txt", Genre::GovernmentWork, None)];
        let csv = csv(&rows, &ZH);
        let lines: Vec<&str> = csv.trim_start_matches(CSV_BOM).split("\r\n").collect();
        assert!(csv.starts_with(CSV_BOM));
        assert_eq!(lines.len(), 3, "a header, one row and the end of it");
        assert!(
            !lines[0].contains(ZH.col_on_time),
            "no deadline without a rule-of-law report"
        );
        assert!(
            lines[1].starts_with("\"a.txt\",\"a.txt\",\"某县人民政府\""),
            "{}",
            lines[1]
        );
        let missing = (ZH.part)(Part::Shortcomings);
        let end = format!("\"2024\",\"2025\",\"\",\"12\",\"3\",\"{missing}\"");
        assert!(lines[1].ends_with(&end), "{}", lines[1]);
    }

    #[test]
    fn the_deadline_column_comes_with_a_rule_of_law_report() {
        let rows = [
            row("a.txt", Genre::GovernmentWork, Some("甲")),
            row("b.txt", Genre::RuleOfLaw, Some("乙")),
        ];
        let csv = csv(&rows, &ZH);
        let lines: Vec<&str> = csv.trim_start_matches(CSV_BOM).split("\r\n").collect();
        assert!(lines[0].ends_with(&format!("\"{}\"", ZH.col_on_time)));
        assert!(lines[1].ends_with(",\"\""), "a work report has no deadline");
        assert!(lines[2].ends_with(&format!(",\"{}\"", ZH.late)));
    }
}
