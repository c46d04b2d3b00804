//! Facts about the report as a whole: title, issuer, addressee, years, dates, genre.
//!
//! The title is the first line before the body that reads as a title (short, no full
//! stop, not an addressee) and names a document (`报告`, `总结`, `要点`, …); toolbar words
//! above it are furniture. The genre is what the title, or the opening, names (see
//! `genre`). A report delivered to a people's congress says when and where under its
//! title (`——2025年1月14日在…第三次会议上`) and who spoke (`国务院总理 李克强`); its
//! years follow that day, not the title alone (see `genre::Years`). The issuer comes
//! from the title (`XX关于…的报告`, `XX2022年度…报告`), the speaker's office, a
//! `信息来源:` line that names a public body (not a newspaper), or the signature. Dates
//! come from the page's `发布日期:` line and the date under the signature. Nothing is
//! guessed: a fact that is not written is absent.

use super::closing::Closing;
use super::genre::{self, Years};
use super::lines::{Line, LineKind};
use super::report::Genre;
use super::scan::is_space;
use super::text::{is_date_line, iso_date, normalise_title, years, SENTENCE_END};

/// Labels of the furniture line that names the publishing body.
const SOURCE_LABELS: &[&str] = &["信息来源", "文章来源", "来源"];
/// Labels of the furniture line that gives the publication date.
const PUBLISHED_LABELS: &[&str] = &["发布日期", "发布时间", "成文日期", "时间"];
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
/// Words by which a title names a document.
const DOCUMENT_WORDS: &[&str] = &["报告", "总结", "要点", "计划", "思路", "打算", "安排"];
/// A title that names no document is longer than a toolbar's words.
const MIN_PLAIN_TITLE_CHARS: usize = 13;
/// The offices of those who deliver a report to a people's congress, and the words
/// that may stand before them (`代理主席`).
const OFFICES: &[&str] = &[
    "总理",
    "省长",
    "市长",
    "县长",
    "区长",
    "州长",
    "盟长",
    "旗长",
    "镇长",
    "乡长",
    "主席",
    "检察长",
    "院长",
    "主任",
];
const OFFICE_PREFIXES: &[&str] = &["代理", "常务副", "副", "代"];
/// A speaker line is short; the body before the office shorter still.
const MAX_SPEAKER_CHARS: usize = 30;
const MAX_BODY_CHARS: usize = 20;

fn reads_as_title(line: &str) -> bool {
    line.chars().count() <= MAX_TITLE_CHARS
        && !line.contains(SENTENCE_END)
        && !line.ends_with([':', '：'])
        && !is_date_line(line)
}

/// The index of the title line: the first line before the body that reads as a title
/// and names a document, or else the first line of content when it reads as a title and
/// is longer than a toolbar's words.
pub fn title_line(text: &str, lines: &[Line]) -> Option<usize> {
    let preamble: Vec<usize> = (0..lines.len())
        .filter(|&i| lines[i].kind != LineKind::Blank)
        .take_while(|&i| {
            !matches!(lines[i].kind, LineKind::Heading(_))
                && !lines[i].span.of(text).contains(SENTENCE_END)
        })
        .filter(|&i| lines[i].kind == LineKind::Text)
        .collect();
    let reads = |i: &usize| reads_as_title(lines[*i].span.of(text));
    preamble
        .iter()
        .copied()
        .filter(reads)
        .find(|&i| {
            DOCUMENT_WORDS
                .iter()
                .any(|w| lines[i].span.of(text).contains(w))
        })
        .or_else(|| {
            let first = *preamble.first()?;
            let content = lines[first].span.of(text);
            (reads(&first) && content.chars().count() >= MIN_PLAIN_TITLE_CHARS).then_some(first)
        })
}

/// The report's title, from its title line.
pub fn title(text: &str, lines: &[Line], title_line: Option<usize>) -> Option<String> {
    title_line.map(|i| normalise_title(lines[i].span.of(text)))
}

/// The first year named in the title, or else in the text before the first heading.
fn first_year(text: &str, lines: &[Line], title: Option<&str>) -> Option<u32> {
    title
        .into_iter()
        .chain(opening(text, lines))
        .find_map(|s| years(s).next())
}

/// The year reviewed: for a report delivered early in year N, N-1 (N from the day it
/// was delivered, or its title); otherwise the first year the title or opening names.
pub fn report_year(
    text: &str,
    lines: &[Line],
    title: Option<&str>,
    genre: Genre,
    delivery: &Delivery,
) -> Option<u32> {
    let delivered_in = delivery
        .date
        .as_deref()
        .and_then(|d| d.get(..4)?.parse::<u32>().ok())
        .or_else(|| title.and_then(|t| years(t).next()));
    match (genre::rules(genre).years, delivered_in) {
        (Years::Delivered, Some(n)) => Some(n - 1),
        _ => first_year(text, lines, title),
    }
}

/// When, where and by whom a report was delivered to a people's congress.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Delivery {
    /// `YYYY-MM-DD`
    pub date: Option<String>,
    pub meeting: Option<String>,
    /// The body the speaker heads: `国务院`, `北京市`, `四川省人民政府`.
    pub speaker_body: Option<String>,
}

/// The body before a speaker's office, in a short line: `北京市市长 殷勇` → `北京市`.
fn speaker_body(line: &str) -> Option<String> {
    let at = OFFICES.iter().filter_map(|o| line.find(o)).min()?;
    let mut body = line[..at].trim_matches(is_space);
    while let Some(prefix) = OFFICE_PREFIXES.iter().find(|p| body.ends_with(*p)) {
        body = &body[..body.len() - prefix.len()];
    }
    let body = normalise_title(body.trim_start_matches(['—', '-', '─']));
    (!body.is_empty() && body.chars().count() <= MAX_BODY_CHARS).then_some(body)
}

/// The delivery line `——2025年1月14日在北京市第十六届人民代表大会第三次会议上` and the
/// speaker line, from the text before the first heading.
pub fn delivery(text: &str, lines: &[Line]) -> Delivery {
    let mut found = Delivery::default();
    for line in opening(text, lines).take(8) {
        let stripped = line
            .trim_start_matches(['—', '-', '─', '－'])
            .trim_start_matches(is_space);
        let after_date = stripped
            .find('日')
            .filter(|_| found.date.is_none())
            .and_then(|i| {
                let date = iso_date(&stripped[..i + '日'.len_utf8()])?;
                let rest = stripped[i + '日'.len_utf8()..].strip_prefix('在')?;
                let end = rest.find("会议上")?;
                found.date = Some(date);
                found.meeting = Some(normalise_title(&rest[..end + "会议".len()]));
                Some(&rest[end + "会议上".len()..])
            });
        let speaker = after_date.unwrap_or(line);
        // The rest of the delivery line, or a short line that is not the title.
        let speaker_line = after_date.is_some()
            || (speaker.chars().count() <= MAX_SPEAKER_CHARS && !speaker.contains("报告"));
        if found.speaker_body.is_none() && speaker_line {
            found.speaker_body = speaker_body(speaker);
        }
    }
    found
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
        let value = rest.trim_start_matches(super::scan::is_space);
        let value = value.split(super::scan::is_space).next().unwrap_or("");
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

/// The government a work report comes from, named by its speaker's body or its title
/// (`2025年北京市政府工作报告` → `北京市人民政府`).
fn reporting_government(title: Option<&str>, delivery: &Delivery) -> Option<String> {
    let meeting_region = || {
        let meeting = delivery.meeting.as_deref()?;
        let region = &meeting[..meeting.find('第')?];
        (!region.is_empty() && !region.starts_with("全国")).then(|| region.to_string())
    };
    let region = delivery
        .speaker_body
        .clone()
        .or_else(meeting_region)
        .or_else(|| {
            let t = title?;
            let before = &t[..t.find("政府工作报告")?];
            let year = |c: char| c.is_ascii_digit() || c == '年';
            let region = before.trim_start_matches(year).trim_end_matches(year);
            (!region.is_empty()).then(|| region.to_string())
        })?;
    Some(if region.ends_with("政府") || region == "国务院" {
        region
    } else {
        format!("{region}人民政府")
    })
}

/// The issuing body: for a report delivered to a congress the body its speaker heads;
/// else from the title, a `信息来源:` line naming a public body, or the signature.
pub fn issuer(
    text: &str,
    lines: &[Line],
    title: Option<&str>,
    genre: Genre,
    delivery: &Delivery,
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
    let from_speaker = match genre {
        Genre::GovernmentWork => reporting_government(title, delivery),
        _ if genre::rules(genre).years == Years::Delivered => delivery.speaker_body.clone(),
        _ => None,
    };
    from_speaker
        .or(from_title)
        .or_else(|| {
            furniture(text, lines)
                .find_map(|l| labelled(l, SOURCE_LABELS))
                .filter(|source| source.ends_with(ORGANISATION_ENDINGS))
                .map(str::to_string)
        })
        .or_else(|| {
            closing
                .signature
                .map(|i| lines[i].span.of(text).to_string())
        })
}

/// How many lines of the opening may name the genre when the title does not.
const GENRE_OPENING_LINES: usize = 3;

/// The genre, from the title, or from the opening when the title says nothing.
pub fn genre(text: &str, lines: &[Line], title: Option<&str>) -> Genre {
    title
        .and_then(genre::named_in)
        .or_else(|| {
            opening(text, lines)
                .take(GENRE_OPENING_LINES)
                .find_map(genre::named_in)
        })
        .unwrap_or(Genre::Other)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::lines::split_lines;

    fn title_of(text: &str) -> Option<String> {
        let lines = split_lines(text);
        title(text, &lines, title_line(text, &lines))
    }

    fn year_of(text: &str, title: Option<&str>, genre: Genre) -> Option<u32> {
        let lines = split_lines(text);
        report_year(text, &lines, title, genre, &delivery(text, &lines))
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
        assert_eq!(year_of(text, None, Genre::RuleOfLaw), Some(2022));
        assert_eq!(
            year_of(
                "",
                Some("关于2021年度法治政府建设情况的报告"),
                Genre::RuleOfLaw
            ),
            Some(2021)
        );
        let text = "一、主要举措\n2021年完成";
        assert_eq!(year_of(text, None, Genre::Other), None);
    }

    #[test]
    fn a_government_work_report_reviews_the_year_before_it_is_delivered() {
        let title = Some("2025年北京市政府工作报告");
        assert_eq!(year_of("", title, Genre::GovernmentWork), Some(2024));
        let text =
            "政府工作报告\n——２００９年３月５日在第十一届全国人民代表大会第二次会议上\n各位代表：";
        assert_eq!(year_of(text, None, Genre::GovernmentWork), Some(2008));
    }

    #[test]
    fn the_day_the_meeting_and_the_speaker() {
        let text = "2025年北京市政府工作报告\n来源：北京日报\n2025年1月14日在北京市第十六届人民代表大会第三次会议上北京市市长 殷勇同志作政府工作报告。\n各位代表：";
        let lines = split_lines(text);
        let found = delivery(text, &lines);
        assert_eq!(found.date.as_deref(), Some("2025-01-14"));
        assert_eq!(
            found.meeting.as_deref(),
            Some("北京市第十六届人民代表大会第三次会议")
        );
        assert_eq!(found.speaker_body.as_deref(), Some("北京市"));
        let none = Closing {
            content_end: 0,
            signature: None,
            date: None,
        };
        let issuer_of = |text: &str| {
            let lines = split_lines(text);
            let t = title(text, &lines, title_line(text, &lines));
            let d = delivery(text, &lines);
            issuer(text, &lines, t.as_deref(), Genre::GovernmentWork, &d, &none)
        };
        assert_eq!(issuer_of(text).as_deref(), Some("北京市人民政府"));
        let text = "2017政府工作报告\n——2017年3月5日在第十二届全国人民代表大会第五次会议上\n国务院总理　李克强\n各位代表：";
        assert_eq!(issuer_of(text).as_deref(), Some("国务院"));
        let text =
            "2025年西藏政府工作报告\n来源：西藏日报\n西藏自治区代理主席 嘎玛泽登\n各位代表：";
        assert_eq!(issuer_of(text).as_deref(), Some("西藏自治区人民政府"));
        let text = "2025年云南省政府工作报告\n2025年1月20日在云南省第十四届人民代表大会第三次会议上\n省长 王予波\n各位代表：";
        assert_eq!(issuer_of(text).as_deref(), Some("云南省人民政府"));
    }

    #[test]
    fn toolbar_words_above_the_title_are_not_the_title() {
        let text = "下载\n打印\n收藏\n【大 中 小】\n2025年政府工作报告\n各位代表：";
        assert_eq!(title_of(text).as_deref(), Some("2025年政府工作报告"));
    }

    #[test]
    fn issuer_from_title_source_line_or_signature() {
        let none = Closing {
            content_end: 0,
            signature: None,
            date: None,
        };
        let issuer_of = |text: &str, title: Option<&str>| {
            let lines = split_lines(text);
            let d = Delivery::default();
            issuer(text, &lines, title, Genre::RuleOfLaw, &d, &none)
        };
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
        assert_eq!(issuer_of("来源：北京日报", None), None);
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
