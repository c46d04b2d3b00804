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

use super::boilerplate::{PUBLISHED_LABELS, SOURCE_LABELS};
use super::closing::Closing;
use super::genre::{self, Years, DOCUMENT_WORDS};
use super::lines::{Line, LineKind};
use super::report::Genre;
use super::scan::{digit, is_dash, is_space, SENTENCE_END};
use super::text::{chars_at_most, find_date, is_date_line, iso_date, normalise_title, years};

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
    chars_at_most(line, MAX_TITLE_CHARS)
        && !line.contains(SENTENCE_END)
        && !line.ends_with([':', '：'])
        && !is_date_line(line)
        && delivery_line(line, None).is_none()
}

/// The index of the title line: the first line before the body that reads as a title
/// and names a document, or else the first line of content when it reads as a title and
/// is longer than a toolbar's words.
pub fn title_line(text: &str, lines: &[Line]) -> Option<usize> {
    let preamble: Vec<usize> = (0..lines.len())
        .filter(|&i| lines[i].kind != LineKind::Blank)
        .take_while(|&i| match lines[i].kind {
            LineKind::Heading(_) => false,
            LineKind::Boilerplate => true,
            _ => !lines[i].span.of(text).contains(SENTENCE_END),
        })
        .filter(|&i| lines[i].kind == LineKind::Text)
        .collect();
    // A title wrapped over two lines (`join_wrapped_title`) is read without its break.
    let titles: Vec<(usize, String)> = preamble
        .iter()
        .map(|&i| (i, normalise_title(lines[i].span.of(text))))
        .filter(|(_, content)| reads_as_title(content))
        .collect();
    titles
        .iter()
        .find(|(_, content)| DOCUMENT_WORDS.iter().any(|w| content.contains(w)))
        .or_else(|| {
            titles.first().filter(|(i, content)| {
                Some(i) == preamble.first() && content.chars().count() >= MIN_PLAIN_TITLE_CHARS
            })
        })
        .map(|(i, _)| *i)
}

/// The report's title, from its title line.
pub fn title(text: &str, lines: &[Line], title_line: Option<usize>) -> Option<String> {
    title_line.map(|i| normalise_title(lines[i].span.of(text)))
}

/// When, where and by whom a report was delivered to a people's congress.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Delivery {
    /// `YYYY-MM-DD`
    pub date: Option<String>,
    pub meeting: Option<String>,
    /// The body the speaker heads: `国务院`, `北京市`, `四川省人民政府`.
    pub speaker_body: Option<String>,
    /// The line the day and meeting were read from, and the last line they take (the
    /// same, unless the meeting's name was wrapped onto the next).
    pub line: Option<usize>,
    pub line_end: Option<usize>,
    /// The line that names the speaker's body.
    pub speaker_line: Option<usize>,
}

/// The body before a speaker's office, in a short piece of a line: `北京市市长 殷勇` →
/// `北京市`. A name before the office (`龚正市长`) is not a body: a body ends the way the
/// names of places and public bodies end.
fn speaker_body(line: &str) -> Option<String> {
    let at = OFFICES.iter().filter_map(|o| line.find(o)).min()?;
    let mut body = line[..at].trim_matches(is_space);
    while let Some(prefix) = OFFICE_PREFIXES.iter().find(|p| body.ends_with(*p)) {
        body = &body[..body.len() - prefix.len()];
    }
    let body = normalise_title(body.trim_start_matches(|c| is_dash(c) || is_space(c)));
    (!body.is_empty()
        && chars_at_most(&body, MAX_BODY_CHARS)
        && body.ends_with(ORGANISATION_ENDINGS))
    .then_some(body)
}

/// How far into a line the day of a delivery line may be: after a title and a source
/// line, in a text whose line breaks were lost.
const MAX_DELIVERY_OFFSET_CHARS: usize = 80;
/// A meeting's name is short; a delivery line wrapped over two lines names it within
/// this many characters of its second line.
const MAX_MEETING_CHARS: usize = 40;

/// One delivery line read: the day, the meeting, and the text around them where the
/// speaker may be named (`海南省省长 刘小明在…`, `…会议上的讲话`).
struct DeliveryLine<'a> {
    date: String,
    meeting: String,
    before: &'a str,
    after: &'a str,
    /// True when the meeting's name went on into the next line.
    wrapped: bool,
}

/// Reads `——2025年1月14日在北京市第十六届人民代表大会第三次会议上` in any of the forms
/// pages give it: any dash or none, in brackets, a speaker between the day and `在`,
/// the meeting's name wrapped onto `next`, or inside a longer line.
fn delivery_line<'a>(line: &'a str, next: Option<&'a str>) -> Option<DeliveryLine<'a>> {
    let (_, date_end, date) = find_date(line, MAX_DELIVERY_OFFSET_CHARS)?;
    let rest = &line[date_end..];
    let at = rest.find('在')?;
    let before = &rest[..at];
    if !chars_at_most(before, MAX_SPEAKER_CHARS) || before.contains(SENTENCE_END) {
        return None;
    }
    let after_at = &rest[at + '在'.len_utf8()..];
    let meeting_end = |s: &str| {
        s.find("会议")
            .filter(|&m| chars_at_most(&s[..m], MAX_MEETING_CHARS))
            .map(|m| m + "会议".len())
    };
    let (meeting, after, wrapped) = match meeting_end(after_at) {
        Some(end) => (after_at[..end].to_string(), &after_at[end..], false),
        None => {
            let next = next?;
            let end = meeting_end(next)?;
            (format!("{after_at}{}", &next[..end]), &next[end..], true)
        }
    };
    Some(DeliveryLine {
        date,
        meeting: normalise_title(&meeting),
        before,
        after: after.trim_end_matches(|c| is_space(c) || matches!(c, '）' | ')')),
        wrapped,
    })
}

/// The delivery line and the speaker line, from the text before the first heading.
pub fn delivery(text: &str, lines: &[Line]) -> Delivery {
    let opening: Vec<usize> = opening_lines(lines).take(8).collect();
    let mut found = Delivery::default();
    for (k, &i) in opening.iter().enumerate() {
        let line = lines[i].span.of(text);
        let next = opening.get(k + 1).map(|&j| lines[j].span.of(text));
        let read = found
            .date
            .is_none()
            .then(|| delivery_line(line, next))
            .flatten();
        let speaker = match &read {
            Some(read) => {
                found.date = Some(read.date.clone());
                found.meeting = Some(read.meeting.clone());
                found.line = Some(i);
                let end = if read.wrapped { opening[k + 1] } else { i };
                found.line_end = Some(end);
                speaker_body(read.before)
                    .or_else(|| speaker_body(read.after.trim_start_matches('上')))
                    .map(|body| (body, if read.after.is_empty() { i } else { end }))
            }
            // A short line that is not the title: `国务院总理 李克强`.
            None => (chars_at_most(line, MAX_SPEAKER_CHARS) && !line.contains("报告"))
                .then(|| speaker_body(line))
                .flatten()
                .map(|body| (body, i)),
        };
        if found.speaker_body.is_none() {
            if let Some((body, at)) = speaker {
                found.speaker_body = Some(body);
                found.speaker_line = Some(at);
            }
        }
    }
    found
}

/// The indices of the lines of content before the first heading.
fn opening_lines(lines: &[Line]) -> impl Iterator<Item = usize> + '_ {
    lines
        .iter()
        .take_while(|l| !matches!(l.kind, LineKind::Heading(_)))
        .enumerate()
        .filter(|(_, l)| l.kind == LineKind::Text)
        .map(|(i, _)| i)
}

/// The lines of content before the first heading.
fn opening<'a>(text: &'a str, lines: &'a [Line]) -> impl Iterator<Item = &'a str> + 'a {
    opening_lines(lines).map(move |i| lines[i].span.of(text))
}

/// The addressee, from a short line ending in a colon before the first heading.
pub fn addressee(text: &str, lines: &[Line]) -> Option<String> {
    opening(text, lines)
        .find(|l| {
            l.ends_with([':', '：'])
                && chars_at_most(l, MAX_ADDRESSEE_CHARS)
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

/// Words that name only a level of government: a speaker who is `自治区主席` or `省长`
/// heads the government of the place the meeting names.
const LEVEL_WORDS: &[&str] = &[
    "省",
    "市",
    "县",
    "区",
    "自治区",
    "自治州",
    "州",
    "盟",
    "旗",
    "镇",
    "乡",
];

/// `region` without the name of its government: `四川省人民政府` → `四川省`, and a
/// title's `某某省人民` (of `某某省人民政府工作报告`) → `某某省`.
fn without_government(region: &str) -> &str {
    let region = region
        .strip_suffix("人民政府")
        .or_else(|| region.strip_suffix("政府"))
        .unwrap_or(region);
    region.strip_suffix("人民").unwrap_or(region)
}

/// The government of `region`: `北京市` → `北京市人民政府`; the State Council and a body
/// that is not a government (`某某开发区管委会`) keep their names.
fn government_name(region: &str) -> String {
    let place = without_government(region);
    if place == "国务院" || place.ends_with(['会', '委']) {
        place.to_string()
    } else {
        format!("{place}人民政府")
    }
}

/// The place a work report's title names before `政府工作报告`, without years and
/// brackets: `2025年北京市政府工作报告` → `北京市`.
fn title_region(title: &str) -> Option<&str> {
    let before = &title[..title.find("政府工作报告")?];
    let year = |c: char| digit(c).is_some() || matches!(c, '年' | '（' | '）' | '(' | ')');
    let region = before.trim_matches(|c| year(c) || is_space(c));
    (!region.is_empty()).then_some(region)
}

/// The government a work report comes from: the body its speaker heads, unless that
/// names only a level (`自治区主席`); else the place the meeting names; else its title's.
fn reporting_government(
    title: Option<&str>,
    title_line: Option<usize>,
    delivery: &Delivery,
) -> Option<(String, Option<usize>)> {
    let meeting_region = || {
        let meeting = delivery.meeting.as_deref()?;
        let region = &meeting[..meeting.find('第')?];
        (!region.is_empty() && !region.starts_with("全国")).then_some((region, delivery.line))
    };
    let speaker = delivery
        .speaker_body
        .as_deref()
        .filter(|body| !LEVEL_WORDS.contains(&without_government(body)))
        .map(|body| (body, delivery.speaker_line));
    let (region, line) = speaker
        .or_else(meeting_region)
        .or_else(|| Some((title_region(title?)?, title_line)))?;
    Some((government_name(region), line))
}

/// The government a work report's title names, when it is another than `issuer` (a
/// title `某某县政府工作报告` over a speech by `某某开发区管委会主任`), with the title line:
/// the reader is told, not left to guess which is right.
pub fn other_issuer(
    title: Option<(usize, &str)>,
    genre: Genre,
    issuer: &str,
) -> Option<(String, usize)> {
    let (line, title) = title.filter(|_| genre == Genre::GovernmentWork)?;
    let named = without_government(title_region(title)?);
    let taken = without_government(issuer);
    (!taken.contains(named) && !named.contains(taken)).then(|| (government_name(named), line))
}

/// The issuing body, with the line it was read from: for a report delivered to a
/// congress the body its speaker heads; else from the title (its line and text), a
/// `信息来源:` line naming a public body, or the signature.
pub fn issuer(
    text: &str,
    lines: &[Line],
    title: Option<(usize, &str)>,
    genre: Genre,
    delivery: &Delivery,
    closing: &Closing,
) -> Option<(String, Option<usize>)> {
    let title_line = title.map(|(i, _)| i);
    let title = title.map(|(_, t)| t);
    let from_title = title.and_then(|t| {
        let name = match t.find("关于") {
            Some(i) => &t[..i],
            None => {
                let year = years(t).next()?;
                let name = &t[..t.find(&year.to_string())?];
                name.ends_with(ORGANISATION_ENDINGS).then_some(name)?
            }
        };
        (!name.is_empty() && chars_at_most(name, MAX_ISSUER_CHARS))
            .then(|| (name.to_string(), title_line))
    });
    let from_speaker = match genre {
        Genre::GovernmentWork => reporting_government(title, title_line, delivery),
        _ if genre::rules(genre).years == Years::Delivered => delivery
            .speaker_body
            .clone()
            .map(|body| (body, delivery.speaker_line)),
        _ => None,
    };
    from_speaker
        .or(from_title)
        .or_else(|| {
            lines
                .iter()
                .enumerate()
                .filter(|(_, l)| l.kind == LineKind::Boilerplate)
                .find_map(|(i, l)| Some((labelled(l.span.of(text), SOURCE_LABELS)?, i)))
                .filter(|(source, _)| source.ends_with(ORGANISATION_ENDINGS))
                .map(|(source, i)| (source.to_string(), Some(i)))
        })
        .or_else(|| {
            closing
                .signature
                .map(|i| (lines[i].span.of(text).to_string(), Some(i)))
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

    /// The issuer of `text` read as a report of `genre`, without a closing block.
    fn issuer_of(text: &str, genre: Genre) -> Option<String> {
        let lines = split_lines(text);
        let none = Closing {
            content_end: 0,
            signature: None,
            date: None,
        };
        let found = delivery(text, &lines);
        let line = title_line(text, &lines);
        let title = title(text, &lines, line);
        let titled = line.zip(title.as_deref());
        issuer(text, &lines, titled, genre, &found, &none).map(|(name, _)| name)
    }

    fn title_of(text: &str) -> Option<String> {
        let lines = split_lines(text);
        title(text, &lines, title_line(text, &lines))
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
        let issuer_of = |text: &str| issuer_of(text, Genre::GovernmentWork);
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
    fn a_delivery_line_in_any_form() {
        let day_and_meeting = |text: &str| {
            let found = delivery(text, &split_lines(text));
            (found.date, found.meeting)
        };
        let want = (
            Some("2026-01-20".to_string()),
            Some("某某省第十四届人民代表大会第四次会议".to_string()),
        );
        for text in [
            "政府工作报告\n——2026年1月20日在某某省第十四届人民代表大会第四次会议上",
            "政府工作报告\n――2026年1月20日在某某省第十四届人民代表大会第四次会议上",
            "政府工作报告\n—2026年1月20日在某某省第十四届人民代表大会第四次会议上",
            "政府工作报告\n（2026年1月20日在某某省第十四届人民代表大会第四次会议上）",
            "政府工作报告\n——2026年1月20日在某某省第十四届\n人民代表大会第四次会议上",
            "政府工作报告\n——2026年1月20日某某省省长 张三在某某省第十四届人民代表大会第四次会议上的讲话",
        ] {
            assert_eq!(day_and_meeting(text), want, "{text}");
        }
    }

    #[test]
    fn the_government_a_work_report_comes_from() {
        let issuer_of = |text: &str| issuer_of(text, Genre::GovernmentWork);
        let meeting = "2025年1月13日在广西壮族自治区第十四届人民代表大会第三次会议上";
        assert_eq!(
            issuer_of(&format!(
                "2025年广西政府工作报告\n{meeting}\n自治区主席 蓝天立"
            ))
            .as_deref(),
            Some("广西壮族自治区人民政府"),
            "a speaker's office that names only a level"
        );
        assert_eq!(
            issuer_of("某某省人民政府工作报告\n各位代表：").as_deref(),
            Some("某某省人民政府"),
            "a title that names the government whole"
        );
        assert_eq!(
            issuer_of("政府工作报告\n——2025年1月15日龚正市长在上海市第十六届人民代表大会第三次会议的政府工作报告").as_deref(),
            Some("上海市人民政府"),
            "a name before the office"
        );
        assert_eq!(
            issuer_of("政府工作报告\n——2025年1月9日在某某县第十八届人民代表大会第五次会议上\n某某经济开发区管委会主任 张三").as_deref(),
            Some("某某经济开发区管委会"),
            "a committee speaking to a county congress"
        );
    }

    #[test]
    fn a_title_that_names_another_government_is_told() {
        let title = Some((0, "某某县政府工作报告"));
        let other = |issuer: &str| other_issuer(title, Genre::GovernmentWork, issuer);
        assert_eq!(
            other("某某经济开发区管委会"),
            Some(("某某县人民政府".to_string(), 0))
        );
        assert_eq!(other("某某县人民政府"), None);
    }

    #[test]
    fn a_caption_above_the_title_and_a_title_wrapped_inside_a_word() {
        let text = "政府工作报告。 某某日报新闻记者 张三 摄\n2025年某某省政府工作报告\n各位代表：";
        assert_eq!(title_of(text).as_deref(), Some("2025年某某省政府工作报告"));
        let text = "2016政府工作报\n告\n——2016年3月5日在第十二届全国人民代表大会第四次会议上";
        let mut lines = split_lines(text);
        crate::analysis::lines::join_wrapped_title(text, &mut lines);
        assert_eq!(
            title(text, &lines, title_line(text, &lines)).as_deref(),
            Some("2016政府工作报告")
        );
    }

    #[test]
    fn toolbar_words_above_the_title_are_not_the_title() {
        let text = "下载\n打印\n收藏\n【大 中 小】\n2025年政府工作报告\n各位代表：";
        assert_eq!(title_of(text).as_deref(), Some("2025年政府工作报告"));
    }

    #[test]
    fn issuer_from_title_source_line_or_signature() {
        let issuer_of = |text: &str| issuer_of(text, Genre::RuleOfLaw);
        assert_eq!(
            issuer_of("省营商局关于2022年法治政府建设情况的报告").as_deref(),
            Some("省营商局")
        );
        assert_eq!(
            issuer_of("省政务办2022年度法治政府建设情况报告").as_deref(),
            Some("省政务办")
        );
        assert_eq!(
            issuer_of("关于2021年度法治政府建设工作开展情况的报告"),
            None
        );
        let text = "发布时间:2023-03-17 09:53:54   信息来源:省营商局";
        assert_eq!(issuer_of(text).as_deref(), Some("省营商局"));
        assert_eq!(issuer_of("来源: 发布时间:2022-03-31 09:35:00"), None);
        assert_eq!(issuer_of("来源：北京日报"), None);
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
