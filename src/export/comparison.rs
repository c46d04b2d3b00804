//! The comparison of the reports' targets (`comparison`) written out: the table as CSV
//! for Excel, and the chart of one indicator as an SVG image, the same picture the page
//! shows, downloads and turns into a PNG. Every text in the SVG is escaped as XML.

use super::{csv_row, text_entity, CSV_BOM};
use crate::comparison::{Bar, Column, Comparison};
use crate::i18n::Texts;

/// The table's header: the report, its issuer and year, then the indicators.
pub fn headers(comparison: &Comparison, t: &Texts) -> Vec<String> {
    [t.col_title, t.issuer, t.plan_year]
        .into_iter()
        .map(str::to_string)
        .chain(comparison.columns.iter().map(|c| column_name(*c, t)))
        .collect()
}

/// What a column is called: its indicator, or the targets outside the vocabulary.
pub fn column_name(column: Column, t: &Texts) -> String {
    match column {
        Column::Indicator(name) => name.to_string(),
        Column::Others => t.compare_others.to_string(),
    }
}

/// The table's rows in `order` as CSV (UTF-8 with a byte-order mark, CRLF, every field
/// quoted): the cells as the page shows them.
pub fn csv(comparison: &Comparison, order: &[usize], t: &Texts) -> String {
    let mut out = String::from(CSV_BOM);
    csv_row(&mut out, headers(comparison, t));
    for &row in order {
        let Some(report) = comparison.reports.get(row) else {
            continue;
        };
        let fields = [
            report.name.clone(),
            report.issuer.clone().unwrap_or_default(),
            report.year.map(|y| y.to_string()).unwrap_or_default(),
        ]
        .into_iter()
        .chain(
            comparison
                .columns
                .iter()
                .map(|&c| comparison.cell_text(row, c)),
        );
        csv_row(&mut out, fields);
    }
    out
}

/// The chart's width, the room its reports' names and its figures take, and each bar's.
const WIDTH: f64 = 720.0;
const NAMES: f64 = 230.0;
const FIGURES: f64 = 110.0;
const ROW: f64 = 26.0;
const TOP: f64 = 44.0;
/// The most characters of a report's name the chart shows.
const NAME_CHARS: usize = 16;
const BLUE: &str = "#0b5cad";

/// The chart of indicator `name` (`Comparison::bars`) as an SVG image: a horizontal bar
/// per report, the highest first, each with its figure as written (`5%左右`, a range's top
/// drawn lighter), and a line on the reports left out.
pub fn chart_svg(name: &str, bars: &[Bar], left_out: usize, t: &Texts) -> String {
    let height = TOP + ROW * bars.len() as f64 + if left_out > 0 { 30.0 } else { 10.0 };
    let top = bars
        .iter()
        .map(|b| b.high.unwrap_or(b.value))
        .fold(0.0, f64::max);
    let scale = (WIDTH - NAMES - FIGURES) / if top > 0.0 { top } else { 1.0 };
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{WIDTH}\" height=\"{height}\" \
         viewBox=\"0 0 {WIDTH} {height}\" font-family=\"'Noto Sans CJK SC','Source Han Sans SC',\
         'PingFang SC','Microsoft YaHei',sans-serif\" font-size=\"13\">\
         <rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\
         <text x=\"8\" y=\"26\" font-size=\"16\" font-weight=\"bold\" fill=\"#222\">{}</text>",
        xml(&(t.compare_chart_title)(name, bars.len()))
    );
    for (i, bar) in bars.iter().enumerate() {
        let y = TOP + ROW * i as f64;
        let low = (bar.value * scale).max(0.0);
        let high = bar.high.map_or(low, |h| (h * scale).max(low));
        let shown: String = bar.report.chars().take(NAME_CHARS).collect();
        let cut = if bar.report.chars().count() > NAME_CHARS {
            "…"
        } else {
            ""
        };
        out += &format!(
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\" fill=\"#222\">{}{cut}</text>\
             <rect x=\"{NAMES}\" y=\"{}\" width=\"{low:.1}\" height=\"16\" fill=\"{BLUE}\"/>",
            NAMES - 8.0,
            y + 17.0,
            xml(&shown),
            y + 5.0
        );
        if high > low {
            out += &format!(
                "<rect x=\"{:.1}\" y=\"{}\" width=\"{:.1}\" height=\"16\" fill=\"{BLUE}\" fill-opacity=\"0.35\"/>",
                NAMES + low,
                y + 5.0,
                high - low
            );
        }
        out += &format!(
            "<text x=\"{:.1}\" y=\"{}\" fill=\"#222\">{}</text>",
            NAMES + high + 6.0,
            y + 17.0,
            xml(&bar.label)
        );
    }
    if left_out > 0 {
        out += &format!(
            "<text x=\"8\" y=\"{}\" fill=\"#555\">{}</text>",
            height - 12.0,
            xml(&(t.compare_left_out)(left_out))
        );
    }
    out + "</svg>"
}

/// `s` escaped for XML text and attributes.
fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match (text_entity(c), c) {
            (Some(entity), _) => out.push_str(entity),
            (None, '"') => out.push_str("&quot;"),
            (None, '\'') => out.push_str("&apos;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{Indicator, IndicatorRole, Span};
    use crate::comparison::Compared;
    use crate::i18n::ZH;

    fn target(name: &str, value: f64, high: Option<f64>, qualifier: Option<&str>) -> Indicator {
        Indicator {
            name: name.to_string(),
            value: Some(value),
            high,
            unit: Some("%".to_string()),
            qualifier: qualifier.map(str::to_string),
            role: IndicatorRole::Target,
            year: Some(2025),
            text: format!("{name}{value}%"),
            span: Span::new(0, 0),
        }
    }

    fn comparison() -> Comparison {
        Comparison::new(vec![
            Compared {
                name: "=甲省<报告>".to_string(),
                issuer: Some("甲省人民政府".to_string()),
                year: Some(2025),
                targets: vec![target("地区生产总值增长", 5.0, None, Some("左右"))],
            },
            Compared {
                name: "乙省".to_string(),
                issuer: None,
                year: None,
                targets: vec![target("地区生产总值增长", 6.0, Some(6.5), None)],
            },
        ])
    }

    #[test]
    fn the_csv_has_the_table_in_the_order_given_and_no_formula() {
        let csv = csv(&comparison(), &[1, 0], &ZH);
        let lines: Vec<&str> = csv.trim_start_matches(CSV_BOM).split("\r\n").collect();
        assert!(csv.starts_with(CSV_BOM));
        assert_eq!(
            lines[0],
            "\"报告\",\"报告单位\",\"计划年度\",\"地区生产总值增长\""
        );
        assert_eq!(lines[1], "\"乙省\",\"\",\"\",\"6—6.5%\"");
        assert_eq!(
            lines[2],
            "\"'=甲省<报告>\",\"甲省人民政府\",\"2025\",\"5%左右\""
        );
        assert_eq!(lines.len(), 4);
    }

    #[test]
    fn the_chart_draws_each_bar_to_scale_with_its_figure_and_escapes_text() {
        let c = comparison();
        let (bars, left_out) = c.bars("地区生产总值增长");
        let svg = chart_svg("地区生产总值增长", &bars, left_out, &ZH);
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assert!(svg.contains("地区生产总值增长：2 份报告的目标"));
        // The highest top (6.5) spans the bars' room: 720 - 230 - 110 = 380.
        assert!(svg.contains("width=\"350.8\""), "6 of 6.5: {svg}");
        assert!(
            svg.contains("x=\"580.8\" y=\"49\" width=\"29.2\""),
            "6 to 6.5, lighter: {svg}"
        );
        assert!(svg.contains(">6—6.5%</text>"));
        assert!(svg.contains(">5%左右</text>"));
        assert!(svg.contains(">=甲省&lt;报告&gt;</text>"), "{svg}");
        assert!(!svg.contains("<报告>"));
        assert!(svg.ends_with("</svg>"));
    }
}
