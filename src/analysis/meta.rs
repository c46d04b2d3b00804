//! Facts about the report as a whole: its title and years.
//!
//! The title is the first line of content when that line reads as a title: short, no
//! full stop, not an addressee (`商丘市人民政府:`) and not a heading. A report that starts
//! with its first paragraph has no title. The report year is the first year named in the
//! title, or else in the opening text before the first heading.

use super::lines::{Line, LineKind};
use super::text::{is_date_line, normalise_title, years, SENTENCE_END};

/// Titles are one line; a longer first line is a paragraph.
const MAX_TITLE_CHARS: usize = 60;

fn reads_as_title(line: &str) -> bool {
    line.chars().count() <= MAX_TITLE_CHARS
        && !line.contains(SENTENCE_END)
        && !line.ends_with([':', '：'])
        && !is_date_line(line)
}

/// The report's title, if its first line of content is one.
pub fn title(text: &str, lines: &[Line]) -> Option<String> {
    let first = lines
        .iter()
        .find(|l| !matches!(l.kind, LineKind::Blank | LineKind::Boilerplate))?;
    let content = first.span.of(text);
    (first.kind == LineKind::Text && reads_as_title(content)).then(|| normalise_title(content))
}

/// The year the report covers, from the title or the text before the first heading.
pub fn report_year(text: &str, lines: &[Line], title: Option<&str>) -> Option<u32> {
    let opening = lines
        .iter()
        .take_while(|l| !matches!(l.kind, LineKind::Heading(_)))
        .filter(|l| l.kind == LineKind::Text)
        .map(|l| l.span.of(text));
    title
        .into_iter()
        .chain(opening)
        .find_map(|s| years(s).next())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::lines::split_lines;

    fn title_of(text: &str) -> Option<String> {
        title(text, &split_lines(text))
    }

    #[test]
    fn the_title_may_follow_page_furniture() {
        let text = "首页\n>政府信息公开>文件\n\n省政务办2022年度法治政府建设情况报告\n\n发布日期:2023-01-05\n一、成效";
        assert_eq!(
            title_of(text).as_deref(),
            Some("省政务办2022年度法治政府建设情况报告")
        );
    }

    #[test]
    fn a_report_that_starts_with_its_body_has_no_title() {
        assert_eq!(
            title_of("2022年,我局将法治政府建设纳入规划。现报告如下。\n一、成效"),
            None
        );
        assert_eq!(title_of("商丘市人民政府:\n2021年,永城市……"), None);
        assert_eq!(title_of("一、主要举措及成效"), None);
    }

    #[test]
    fn the_report_year_comes_from_the_title_or_the_opening() {
        let text = "2022年,根据《巴中市人民政府2022年度工作安排》。\n一、主要举措\n2021年";
        assert_eq!(report_year(text, &split_lines(text), None), Some(2022));
        assert_eq!(
            report_year(
                "",
                &split_lines(""),
                Some("关于2021年度法治政府建设情况的报告")
            ),
            Some(2021)
        );
        let text = "一、主要举措\n2021年完成";
        assert_eq!(report_year(text, &split_lines(text), None), None);
    }
}
