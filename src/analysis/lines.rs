//! Splitting a text into lines and telling what each line is.
//!
//! A line ends at `\n`, `\r\n` or a lone `\r`. A text whose line breaks were lost (a
//! page copied whole into one line) is cut again before each `一、` or `（一）` marker that
//! follows the end of a sentence, so that it still has headings. Each line keeps the span
//! of its content with surrounding white space trimmed off, and a `LineKind`: blank, page
//! furniture, a heading with its marker, or ordinary text. Two passes then look at lines
//! in their place in the document: short lines without punctuation above the title are
//! page furniture (toolbars, font-size links), and a short line below it that names a
//! section (`2025年重点工作`, `名词解释`) is a heading without a marker. Everything later
//! in the analysis reads lines, never raw text.

use super::boilerplate::is_boilerplate;
use super::genre::{names_document_across, section_phrase_end};
use super::marker::{parse_marker, Marker, MarkerStyle};
use super::report::Span;
use super::scan::is_space;

/// A physical line longer than this (in bytes) is a flattened text, cut at its markers.
const FLATTENED_LINE_BYTES: usize = 3000;
/// Where a heading may start inside a flattened line: after the end of a sentence.
const SENTENCE_ENDS: &[char] = &['。', '！', '？', '!', '?', '”'];
/// A heading without a marker is a short line.
const MAX_UNMARKED_HEADING_CHARS: usize = 30;
/// Toolbar links and font-size switches above a title are a word or two.
const MAX_TOOLBAR_CHARS: usize = 12;
/// Punctuation that a heading without a marker, or a toolbar link, never holds.
const PHRASE_PUNCTUATION: &[char] = &[
    '。', '，', '；', '：', '！', '？', ',', ';', ':', '!', '?', '、',
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    Blank,
    Boilerplate,
    Heading(Marker),
    Text,
}

#[derive(Debug, Clone, Copy)]
pub struct Line {
    /// The line's content, trimmed of surrounding white space.
    pub span: Span,
    pub kind: LineKind,
}

/// Splits `text` into classified lines.
pub fn split_lines(text: &str) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    while start <= text.len() {
        let end = bytes[start..]
            .iter()
            .position(|&b| b == b'\n' || b == b'\r')
            .map_or(text.len(), |i| start + i);
        if end - start > FLATTENED_LINE_BYTES {
            let mut from = start;
            for cut in heading_starts(&text[start..end]) {
                lines.push(classify(text, from, start + cut));
                from = start + cut;
            }
            lines.push(classify(text, from, end));
        } else {
            lines.push(classify(text, start, end));
        }
        if end == text.len() {
            break;
        }
        start = if bytes[end] == b'\r' && bytes.get(end + 1) == Some(&b'\n') {
            end + 2
        } else {
            end + 1
        };
    }
    lines
}

/// Offsets in a flattened line where a `一、` or `（一）` heading starts after a sentence.
fn heading_starts(line: &str) -> impl Iterator<Item = usize> + '_ {
    line.char_indices().filter_map(move |(i, c)| {
        let after_sentence = line[..i].ends_with(SENTENCE_ENDS);
        let opens = matches!(c, '一'..='龥' | '(' | '（');
        let style = (after_sentence && opens)
            .then(|| parse_marker(&line[i..]))
            .flatten()?
            .style;
        matches!(style, MarkerStyle::ChineseComma | MarkerStyle::ChineseParen).then_some(i)
    })
}

/// True for a short line without punctuation: a toolbar link, a heading, a signature.
pub fn is_phrase(line: &str, max_chars: usize) -> bool {
    line.chars().count() <= max_chars && !line.contains(PHRASE_PUNCTUATION)
}

/// Marks the short lines without punctuation before line `title` as page furniture.
pub fn mark_toolbars(text: &str, lines: &mut [Line], title: usize) {
    for line in &mut lines[..title] {
        if line.kind == LineKind::Text && is_phrase(line.span.of(text), MAX_TOOLBAR_CHARS) {
            line.kind = LineKind::Boilerplate;
        }
    }
}

/// Marks the lines after line `from` that stand alone and name a section
/// (`2025年重点工作`, `附件1`, `名词解释`) as headings without a marker.
pub fn mark_unmarked_headings(text: &str, lines: &mut [Line], from: usize) {
    for line in lines.iter_mut().skip(from) {
        let content = line.span.of(text);
        if line.kind == LineKind::Text
            && is_phrase(content, MAX_UNMARKED_HEADING_CHARS)
            && !content.contains("报告")
            && section_phrase_end(content).is_some()
        {
            line.kind = LineKind::Heading(Marker::UNMARKED);
        }
    }
}

/// A heading long enough to have been wrapped onto a second line.
const MIN_WRAPPED_TITLE_CHARS: usize = 12;
/// The rest of a wrapped heading on its second line is a word or two.
const MAX_WRAPPED_REST_CHARS: usize = 10;

/// Joins a heading whose title was wrapped onto the next line
/// (`二、“十四五”时期发展成就和“十五五”时期主要` / `目标任务`) into one heading line. The
/// second line is a few characters without punctuation, right under the first, and is
/// not followed by another such line (a column of table cells is not a title).
pub fn join_split_headings(text: &str, lines: &mut Vec<Line>) {
    let short = |l: Option<&Line>| {
        l.is_some_and(|l| {
            l.kind == LineKind::Text && is_phrase(l.span.of(text), MAX_WRAPPED_REST_CHARS)
        })
    };
    let mut i = 0;
    while i + 1 < lines.len() {
        let head = lines[i];
        let content = head.span.of(text);
        let wrapped = match head.kind {
            LineKind::Heading(marker) => {
                let title = &content[marker.text_start..];
                title.chars().count() >= MIN_WRAPPED_TITLE_CHARS
                    && !title.contains(PHRASE_PUNCTUATION)
            }
            _ => false,
        };
        if wrapped && short(lines.get(i + 1)) && !short(lines.get(i + 2)) {
            lines[i].span.end = lines[i + 1].span.end;
            lines.remove(i + 1);
        }
        i += 1;
    }
}

/// The rest of a title wrapped inside a word is a character or a few.
const MAX_TITLE_REST_CHARS: usize = 6;

/// Joins a title wrapped inside a word (`2016政府工作报` / `告`) into one line: among the
/// lines before the first heading or sentence, a line and the short line right under it
/// that together, and only together, name a document or a genre.
pub fn join_wrapped_title(text: &str, lines: &mut Vec<Line>) {
    let mut i = 0;
    while i + 1 < lines.len() {
        let (head, next) = (lines[i], lines[i + 1]);
        let first = head.span.of(text);
        if matches!(head.kind, LineKind::Heading(_)) || first.contains('。') {
            return;
        }
        let rest = next.span.of(text);
        let joined = format!("{first}{rest}");
        if head.kind == LineKind::Text
            && next.kind == LineKind::Text
            && is_phrase(rest, MAX_TITLE_REST_CHARS)
            && names_document_across(first, &joined)
        {
            lines[i].span.end = next.span.end;
            lines.remove(i + 1);
            return;
        }
        i += 1;
    }
}

fn classify(text: &str, start: usize, end: usize) -> Line {
    let raw = &text[start..end];
    let trimmed_start = raw.len() - raw.trim_start_matches(is_space).len();
    let content = raw.trim_matches(is_space);
    let span = Span::new(start + trimmed_start, start + trimmed_start + content.len());
    let kind = if content.is_empty() {
        LineKind::Blank
    } else if is_boilerplate(content) {
        LineKind::Boilerplate
    } else if let Some(marker) = parse_marker(content) {
        LineKind::Heading(marker)
    } else {
        LineKind::Text
    };
    Line { span, kind }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_on_every_line_ending_and_trims_wide_spaces() {
        let text = "\u{3000}\u{3000}甲\r\n乙\r丙\n\n  丁\u{a0}";
        let lines = split_lines(text);
        let contents: Vec<&str> = lines.iter().map(|l| l.span.of(text)).collect();
        assert_eq!(contents, ["甲", "乙", "丙", "", "丁"]);
        assert_eq!(lines[3].kind, LineKind::Blank);
        assert_eq!(lines[0].kind, LineKind::Text);
    }

    #[test]
    fn a_flattened_text_is_cut_before_its_headings() {
        let filler = "今年要稳中求进。".repeat(200);
        let text = format!("各位代表：{filler}一、2024年工作回顾2024年是关键一年。（一）甲。二、2025年重点工作乙。");
        let lines = split_lines(&text);
        let starts: Vec<&str> = lines.iter().map(|l| &l.span.of(&text)[..6]).collect();
        assert_eq!(starts, ["各位", "一、", "（一", "二、"]);
        assert!(matches!(lines[1].kind, LineKind::Heading(_)));
    }

    #[test]
    fn toolbars_above_the_title_and_headings_without_markers() {
        let text = "下载\n打印\n【大 中 小】\n2025年政府工作报告\n各位代表：\n2025年重点工作\n今年要稳中求进。\n名词解释";
        let mut lines = split_lines(text);
        mark_toolbars(text, &mut lines, 3);
        mark_unmarked_headings(text, &mut lines, 4);
        let kinds: Vec<LineKind> = lines.iter().map(|l| l.kind).collect();
        let heading = LineKind::Heading(Marker::UNMARKED);
        use LineKind::*;
        assert_eq!(
            kinds,
            [
                Boilerplate,
                Boilerplate,
                Boilerplate,
                Text,
                Text,
                heading,
                Text,
                heading
            ]
        );
    }

    #[test]
    fn a_heading_wrapped_onto_a_second_line_is_one_heading() {
        let text = "二、“十四五”时期发展成就和“十五五”时期主要\n目标任务\n“十四五”以来，全省经济总量跨越新台阶。";
        let mut lines = split_lines(text);
        join_split_headings(text, &mut lines);
        assert_eq!(lines.len(), 2);
        assert!(lines[0].span.of(text).ends_with("主要\n目标任务"));
        let table = "二、主动公开政府信息情况说明如下\n信息内容\n本年制发件数\n规章";
        let mut lines = split_lines(table);
        join_split_headings(table, &mut lines);
        assert_eq!(lines.len(), 4, "table cells are not a wrapped title");
    }

    #[test]
    fn a_final_newline_gives_a_final_blank_line() {
        let lines = split_lines("甲\n");
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[1].kind, LineKind::Blank);
    }
}
