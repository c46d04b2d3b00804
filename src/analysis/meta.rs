//! Facts about the report as a whole: title, issuer, addressee, years, dates, genre.
//!
//! The title is the first line of content when that line reads as a title: short, no
//! full stop, not an addressee (`商丘市人民政府:`) and not a heading. A report that starts
//! with its first paragraph has no title. The report year is the first year named in the
//! title, or else in the opening text before the first heading. The issuer comes from the
//! title (`XX关于…的报告`, `XX2022年度…报告`), else from a `信息来源:` line, else from the
//! signature. Dates come from the page's `发布日期:` line and the date under the
//! signature. Nothing is guessed: a fact that is not written is absent.

use super::closing::Closing;
use super::lines::{Line, LineKind};
use super::report::Genre;
use super::text::{is_date_line, iso_date, normalise_title, years, SENTENCE_END};

/// Labels of the furniture line that names the publishing body.
const SOURCE_LABELS: &[&str] = &["信息来源", "文章来源", "来源"];
/// Labels of the furniture line that gives the publication date.
const PUBLISHED_LABELS: &[&str] = &["发布日期", "发布时间", "成文日期"];
/// An addressee line is short.
const MAX_ADDRESSEE_CHARS: usize = 40;
/// How the names of government bodies end, for a title that starts with its issuer
/// and then a year (`省政务办2022年度…报告`).
const ORGANISATION_ENDINGS: &[char] = &[
    '局', '办', '委', '厅', '府', '会', '院', '部', '处', '室', '心', '署', '所', '站', '省', '市',
    '县', '区', '镇', '乡',
];
/// An issuer named in a title is short.
const MAX_ISSUER_CHARS: usize = 40;

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

/// The lines of content before the first heading.
fn opening<'a>(text: &'a str, lines: &'a [Line]) -> impl Iterator<Item = &'a str> + 'a {
    lines
        .iter()
        .take_while(|l| !matches!(l.kind, LineKind::Heading(_)))
        .filter(|l| l.kind == LineKind::Text)
        .map(move |l| l.span.of(text))
}

/// The addressee, from a short line ending in a colon before the first heading.
pub fn addressee(text: &str, lines: &[Line]) -> Option<String> {
    opening(text, lines)
        .find(|l| {
            l.ends_with([':', '：'])
                && l.chars().count() <= MAX_ADDRESSEE_CHARS
                && !l.contains(SENTENCE_END)
        })
        .map(|l| normalise_title(l.trim_end_matches([':', '：'])))
}

/// The value after `label:` in a furniture line, up to the next white space.
fn labelled<'a>(line: &'a str, labels: &[&str]) -> Option<&'a str> {
    labels.iter().find_map(|label| {
        let at = line.find(label)?;
        let rest = line[at + label.len()..].strip_prefix([':', '：'])?;
        let value = rest.trim_start_matches(super::lines::is_space);
        let value = value.split(super::lines::is_space).next().unwrap_or("");
        // `来源: 发布时间:…` names no source: the next label follows the colon.
        (!value.is_empty() && !value.contains([':', '：'])).then_some(value)
    })
}

fn furniture<'a>(text: &'a str, lines: &'a [Line]) -> impl Iterator<Item = &'a str> + 'a {
    lines
        .iter()
        .filter(|l| l.kind == LineKind::Boilerplate)
        .map(move |l| l.span.of(text))
}

/// The publication date from a `发布日期:` furniture line.
pub fn published(text: &str, lines: &[Line]) -> Option<String> {
    furniture(text, lines).find_map(|l| {
        let at = PUBLISHED_LABELS
            .iter()
            .find_map(|label| l.find(label).map(|i| i + label.len()))?;
        let value = l[at..].trim_start_matches([':', '：']).trim_start();
        iso_date(value).or_else(|| {
            let end = value
                .find('日')
                .map_or(value.len(), |i| i + '日'.len_utf8());
            iso_date(&value[..end])
        })
    })
}

/// The date under the signature, `YYYY-MM-DD`.
pub fn signed(text: &str, lines: &[Line], closing: &Closing) -> Option<String> {
    closing.date.and_then(|i| iso_date(lines[i].span.of(text)))
}

/// The issuing body: from the title, a `信息来源:` line, or the signature.
pub fn issuer(
    text: &str,
    lines: &[Line],
    title: Option<&str>,
    closing: &Closing,
) -> Option<String> {
    let from_title = title.and_then(|t| {
        let name = match t.find("关于") {
            Some(i) => &t[..i],
            None => {
                let year = years(t).next()?;
                let name = &t[..t.find(&year.to_string())?];
                name.ends_with(ORGANISATION_ENDINGS).then_some(name)?
            }
        };
        (!name.is_empty() && name.chars().count() <= MAX_ISSUER_CHARS).then(|| name.to_string())
    });
    from_title
        .or_else(|| {
            furniture(text, lines)
                .find_map(|l| labelled(l, SOURCE_LABELS))
                .map(str::to_string)
        })
        .or_else(|| {
            closing
                .signature
                .map(|i| lines[i].span.of(text).to_string())
        })
}

/// The genre, from the title, or from the opening paragraph when the title says nothing.
pub fn genre(text: &str, lines: &[Line], title: Option<&str>) -> Genre {
    let of = |s: &str| {
        if s.contains("政府工作报告") {
            Some(Genre::GovernmentWork)
        } else if s.contains("信息公开") && s.contains("年度报告") {
            Some(Genre::InformationDisclosure)
        } else if s.contains("法治") {
            Some(Genre::RuleOfLaw)
        } else if s.contains("总结") {
            Some(Genre::WorkSummary)
        } else {
            None
        }
    };
    title
        .and_then(of)
        .or_else(|| opening(text, lines).next().and_then(of))
        .unwrap_or(Genre::Other)
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

    #[test]
    fn issuer_from_title_source_line_or_signature() {
        let none = Closing {
            content_end: 0,
            signature: None,
            date: None,
        };
        let issuer_of =
            |text: &str, title: Option<&str>| issuer(text, &split_lines(text), title, &none);
        assert_eq!(
            issuer_of("", Some("省营商局关于2022年法治政府建设情况的报告")).as_deref(),
            Some("省营商局")
        );
        assert_eq!(
            issuer_of("", Some("省政务办2022年度法治政府建设情况报告")).as_deref(),
            Some("省政务办")
        );
        assert_eq!(
            issuer_of("", Some("关于2021年度法治政府建设工作开展情况的报告")),
            None
        );
        let text = "发布时间:2023-03-17 09:53:54   信息来源:省营商局";
        assert_eq!(issuer_of(text, None).as_deref(), Some("省营商局"));
        assert_eq!(issuer_of("来源: 发布时间:2022-03-31 09:35:00", None), None);
    }

    #[test]
    fn addressee_and_publication_date() {
        let text = "您的位置: 首页\n发布时间：2024-01-15 10:00\n商丘市人民政府：\n2021年,永城市……\n一、成效";
        let lines = split_lines(text);
        assert_eq!(addressee(text, &lines).as_deref(), Some("商丘市人民政府"));
        assert_eq!(published(text, &lines).as_deref(), Some("2024-01-15"));
        let text = "发布日期:2023年1月5日 浏览次数:";
        assert_eq!(
            published(text, &split_lines(text)).as_deref(),
            Some("2023-01-05")
        );
    }

    #[test]
    fn genre_from_title_or_opening() {
        let lines = split_lines("");
        assert_eq!(
            genre("", &lines, Some("2023年政府工作报告")),
            Genre::GovernmentWork
        );
        assert_eq!(
            genre("", &lines, Some("XX局2022年政府信息公开工作年度报告")),
            Genre::InformationDisclosure
        );
        assert_eq!(
            genre("", &lines, Some("XX局2022年工作总结")),
            Genre::WorkSummary
        );
        let text = "2022年,我局加快数字法治政府建设。\n一、成效";
        assert_eq!(genre(text, &split_lines(text), None), Genre::RuleOfLaw);
        assert_eq!(genre("", &lines, Some("关于某事的说明")), Genre::Other);
    }
}
