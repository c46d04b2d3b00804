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

use std::sync::LazyLock;

use memchr::memmem::Finder;

use super::boilerplate::{captions_in, is_boilerplate, BREADCRUMB_SEPARATORS};
use super::genre::{
    is_closing_formula, is_section_phrase, may_open_sentence, names_document_across,
    names_glossary, section_phrase_end, title_ends_before, ADDRESS, DOCUMENT_WORDS,
};
use super::marker::{may_start_marker, parse_marker, Marker, MarkerStyle};
use super::report::Span;
use super::scan::{
    digit, is_chinese_numeral_char, is_dash, is_space, numeral_before, FULL_STOPS, HEADING_OPENERS,
    PHRASE_PUNCTUATION, SENTENCE_END, SENTENCE_PUNCTUATION,
};
use super::text::{chars_at_most, find_date};

/// A physical line longer than this (in bytes) is a flattened text, cut at its markers.
const FLATTENED_LINE_BYTES: usize = 3000;
/// A heading without a marker is a short line.
const MAX_UNMARKED_HEADING_CHARS: usize = 30;
/// Toolbar links and font-size switches above a title are a word or two.
const MAX_TOOLBAR_CHARS: usize = 12;

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
    /// True for a piece of a flattened line: where its paragraphs ended is not known.
    pub flattened: bool,
}

/// Splits `text` into classified lines.
pub fn split_lines(text: &str) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    while start <= text.len() {
        let end = memchr::memchr2(b'\n', b'\r', &bytes[start..]).map_or(text.len(), |i| start + i);
        if end - start > FLATTENED_LINE_BYTES {
            let mut from = start;
            let line = &text[start..end];
            let opens_text = start == first_content(text);
            let mut cuts = if opens_text {
                [title_cuts(line), delivery_cuts(line)].concat()
            } else {
                Vec::new()
            };
            cuts.extend(heading_starts(line));
            cuts.extend(closing_starts(line));
            cuts.sort_unstable();
            cuts.dedup();
            let piece = |from, to| Line {
                flattened: true,
                ..classify(text, from, to)
            };
            for cut in cuts {
                lines.push(piece(from, start + cut));
                from = start + cut;
            }
            lines.push(piece(from, end));
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

/// True when most of `text` stands in flattened lines: a page copied without its line
/// breaks, not a report with a few long paragraphs.
pub fn mostly_flattened(text: &str, lines: &[Line]) -> bool {
    let flattened: usize = lines
        .iter()
        .filter(|l| l.flattened)
        .map(|l| l.span.end - l.span.start)
        .sum();
    flattened * 2 > text.len()
}

/// The first non-blank byte of `text`.
fn first_content(text: &str) -> usize {
    text.len() - text.trim_start_matches(is_space).len()
}

/// Titles are short; a flattened text's title is found within this many characters.
const MAX_FLATTENED_TITLE_CHARS: usize = 60;

/// Where the title starts and ends in a flattened text that opens with it: after the
/// breadcrumb before it, if any (`首页>…>省数据局文件省政务办2022年度…报告`), and after the
/// last word naming a document (`报告`) in the first characters before any punctuation
/// (`…法治政府建设情况的报告2022年，…`, `2025年浙江省政府工作报告来源：…`).
fn title_cuts(line: &str) -> Vec<usize> {
    let head_end = line
        .char_indices()
        .take(MAX_FLATTENED_TITLE_CHARS)
        .find(|(_, c)| PHRASE_PUNCTUATION.contains(c))
        .map_or_else(
            || {
                line.char_indices()
                    .nth(MAX_FLATTENED_TITLE_CHARS)
                    .map_or(line.len(), |(i, _)| i)
            },
            |(i, _)| i,
        );
    let head = &line[..head_end];
    let Some(end) = DOCUMENT_WORDS
        .iter()
        .filter_map(|w| head.rfind(w).map(|i| i + w.len()))
        .max()
        .filter(|&end| end < line.len())
    else {
        return Vec::new();
    };
    let start = head[..end]
        .rfind(BREADCRUMB_SEPARATORS)
        .map(|i| i + head[i..].chars().next().map_or(1, char::len_utf8));
    start.into_iter().chain([end]).collect()
}

/// A flattened text's delivery line starts within this many characters: after its
/// title and a source line.
const MAX_FLATTENED_DELIVERY_CHARS: usize = 80;
/// How a delivery line's meeting ends: `…第三次会议上`.
const MEETING_END: &str = "会议";

/// Where a flattened text's delivery line starts and ends
/// (`…工作报告来源：广西日报——2025年1月13日在…第三次会议上自治区主席 蓝天立各位代表：…`):
/// at the day, or the dash or bracket before it, and after the meeting (`…会议上`),
/// when the meeting is named right after the day, before the first sentence.
fn delivery_cuts(line: &str) -> Vec<usize> {
    let head_end = line.find(FULL_STOPS).unwrap_or(line.len());
    let head = &line[..head_end];
    let Some((date_start, date_end, _)) = find_date(head, MAX_FLATTENED_DELIVERY_CHARS) else {
        return Vec::new();
    };
    let Some(meeting) = head[date_end..].find(MEETING_END) else {
        return Vec::new();
    };
    let start = head[..date_start]
        .trim_end_matches(|c| is_dash(c) || matches!(c, '（' | '(') || is_space(c))
        .len();
    let after_meeting = &head[date_end + meeting + MEETING_END.len()..];
    let end = head.len() - after_meeting.trim_start_matches(['上', '）', ')']).len();
    [start, end]
        .into_iter()
        .filter(|&c| c > 0 && c < line.len())
        .collect()
}

/// The closing block of a flattened text (signature, date, page furniture) is short.
const MAX_FLATTENED_CLOSING_CHARS: usize = 80;

/// Offsets in a flattened line where its closing block's lines start: after the last
/// sentence, a short tail without one (`巴中市…管理局2023年2月2日`, `扫一扫在手机打开当前页`)
/// is cut from the text, around a date, around a site's captions and after white space;
/// a closing formula before it (`专此报告。`) is a line of its own.
fn closing_starts(line: &str) -> Vec<usize> {
    let Some((last, end)) = line
        .char_indices()
        .rev()
        .find(|(_, c)| FULL_STOPS.contains(c))
    else {
        return Vec::new();
    };
    let tail_start = last + end.len_utf8();
    let tail = &line[tail_start..];
    if !chars_at_most(tail, MAX_FLATTENED_CLOSING_CHARS) {
        return Vec::new();
    }
    let mut cuts = Vec::new();
    // `…落地生根。专此报告。2022年3月29日…`: the formula is the closing's first line.
    let sentence_start = line[..last]
        .rfind(SENTENCE_END)
        .map_or(0, |i| i + SENTENCE_END.len_utf8());
    if is_closing_formula(line[sentence_start..last].trim_start_matches(is_space)) {
        cuts.push(sentence_start);
    }
    if !tail.trim_matches(is_space).is_empty() {
        cuts.push(tail_start);
        if let Some((start, end, _)) = find_date(tail, MAX_FLATTENED_CLOSING_CHARS) {
            cuts.extend([tail_start + start, tail_start + end]);
        }
        for (start, end) in captions_in(tail) {
            cuts.extend([tail_start + start, tail_start + end]);
        }
        // White space in the tail is where its short lines ended.
        let after_space = tail.char_indices().zip(tail.chars().skip(1));
        cuts.extend(
            after_space
                .filter(|((_, c), next)| is_space(*c) && !is_space(*next))
                .map(|((i, c), _)| tail_start + i + c.len_utf8()),
        );
    }
    cuts.retain(|&c| c > 0 && c < line.len());
    cuts
}

/// The markers that open a heading wherever a sentence ends in a flattened line; the
/// others (`第一、`, `1、`, `①`) do only right after a heading's title.
const SENTENCE_HEADING_STYLES: &[MarkerStyle] = &[
    MarkerStyle::ChineseComma,
    MarkerStyle::ChineseParen,
    MarkerStyle::ArabicDot,
    MarkerStyle::ArabicParen,
];

/// A heading's title in a flattened line runs at most this far before its body.
const MAX_RUN_IN_TITLE_CHARS: usize = 40;

/// Offsets in a flattened line where a heading starts, or the body of a heading whose
/// title runs straight into it. A heading starts at a marker after the end of a sentence
/// (`。（一）…`), or at any marker or enumeration (`一是`) that follows the title of the
/// heading before it, a few characters without punctuation
/// (`三、2023年工作计划一是加强…`, `四、主要安排(一)持续推进…`); white space after such
/// a title is where its line ended (`三、2023年工作打算 2023年，…`), and so is a word that
/// ends headings followed by a sentence's opening (`二、2025年重点工作按照…`). The speech's
/// address to the audience after a sentence (`。各位代表！…`), or before the first one
/// (`…会议上省长 张三各位代表：…`), opens a paragraph.
fn heading_starts(line: &str) -> Vec<usize> {
    let mut cuts = Vec::new();
    // Where the title of the heading last cut at starts, while what follows reads as
    // that title.
    let mut open_title: Option<usize> = None;
    // The same while what follows may still be on the heading's line: a title holding
    // commas (`一、牢记殷殷嘱托，在…取得新成效 过去一年，…`) ends at white space.
    let mut open_line: Option<usize> = None;
    // Where the sentence being read starts, while it reads as a heading without a
    // marker: a few characters without punctuation.
    let mut phrase: Option<usize> = None;
    let mut phrase_spaced = false;
    // The ordinal the next top-level heading (`二、` after `一、`) would have.
    let mut next_top: Option<u32> = None;
    let mut after_sentence = false;
    let mut seen_sentence = false;
    let mut after_space = false;
    for (i, c) in line.char_indices() {
        if is_space(c) {
            after_space = open_line.is_some_and(|start| i > start);
            phrase_spaced = phrase.is_some_and(|start| i > start);
            continue;
        }
        let rest = &line[i..];
        let may_mark = may_start_marker(c);
        let unmarked = phrase.filter(|&start| {
            let words = line[start..i].trim_end_matches(is_space);
            // Most characters start neither a marker nor a sentence: read on at once.
            start < i
                && (phrase_spaced || may_mark || may_open_sentence(rest))
                && ends_unmarked_heading(words, rest, may_mark, phrase_spaced)
        });
        if let Some(start) = unmarked {
            cuts.push(start);
        }
        let marker = (may_mark && (after_sentence || open_title.is_some() || unmarked.is_some()))
            .then(|| parse_marker(rest))
            .flatten()
            .or_else(|| next_in_sequence(line, i, next_top));
        let heading =
            marker.filter(|m| open_title.is_some() || SENTENCE_HEADING_STYLES.contains(&m.style));
        if let Some(m) = heading.filter(|m| m.style == MarkerStyle::ChineseComma) {
            next_top = Some(m.ordinal + 1);
        }
        let title_ends = after_space
            || open_title.is_some_and(|start| {
                opens_enumeration(rest) || start < i && title_ends_before(&line[start..i], rest)
            });
        let address = (after_sentence || !seen_sentence) && rest.starts_with(ADDRESS);
        let body = title_ends || unmarked.is_some() || address;
        if i > 0 && (heading.is_some() || body) {
            cuts.push(i);
        }
        let after = Read {
            line,
            i,
            c,
            heading,
            body,
        };
        open_title = after.keeps_open(open_title, PHRASE_PUNCTUATION);
        open_line = after.keeps_open(open_line, SENTENCE_PUNCTUATION);
        phrase = match phrase {
            _ if after_sentence && open_title.is_none() && heading.is_none() => Some(i),
            Some(start)
                if unmarked.is_none()
                    && !PHRASE_PUNCTUATION.contains(&c)
                    && chars_at_most(&line[start..i], MAX_UNMARKED_HEADING_CHARS - 1) =>
            {
                Some(start)
            }
            _ => None,
        };
        after_sentence = HEADING_OPENERS.contains(&c);
        seen_sentence |= FULL_STOPS.contains(&c);
        after_space = false;
        phrase_spaced = false;
    }
    cuts.dedup();
    cuts
}

/// The top-level heading that follows the last one in sequence at byte `i` of a
/// flattened line, wherever it stands (`…各州、市人民政府二、深化…`): `一、` style with the
/// ordinal `next`, not inside a list of numerals (`一、二季度`).
fn next_in_sequence(line: &str, i: usize, next: Option<u32>) -> Option<Marker> {
    let next = next?;
    let c = line[i..].chars().next()?;
    if !is_chinese_numeral_char(c) {
        return None;
    }
    let before = line[..i].chars().next_back();
    if before.is_some_and(|b| b == '、' || is_chinese_numeral_char(b)) {
        return None;
    }
    let marker = parse_marker(&line[i..])?;
    let title_start = line[i + marker.text_start..].chars().next();
    (marker.style == MarkerStyle::ChineseComma
        && marker.ordinal == next
        && title_start.is_some_and(|t| !is_chinese_numeral_char(t) && digit(t).is_none()))
    .then_some(marker)
}

/// The fewest characters of a heading without a marker inside a flattened line, unless
/// it is a section's name alone before a numbered heading (`附件1.…`).
const MIN_UNMARKED_HEADING_CHARS: usize = 4;

/// True when `phrase`, a sentence's first characters without punctuation, is a heading
/// without a marker whose line ended here: it names a section (`2025年工作安排`,
/// `名词解释`) and what follows is white space (when `spaced`), a numbered heading (when
/// `may_mark`) or a section's first sentence (`2024年工作回顾过去一年，…`).
fn ends_unmarked_heading(phrase: &str, rest: &str, may_mark: bool, spaced: bool) -> bool {
    let marked = || {
        may_mark && parse_marker(rest).is_some_and(|m| SENTENCE_HEADING_STYLES.contains(&m.style))
    };
    let long = phrase.chars().count() >= MIN_UNMARKED_HEADING_CHARS;
    (long && (spaced || marked() || title_ends_before(phrase, rest))
        || is_section_phrase(phrase) && marked())
        && section_phrase_end(phrase).is_some()
}

/// One character read by `heading_starts`: `c` at byte `i` of `line`, the heading that
/// starts there if any, and whether a heading's body starts there.
struct Read<'a> {
    line: &'a str,
    i: usize,
    c: char,
    heading: Option<Marker>,
    body: bool,
}

impl Read<'_> {
    /// Where a heading's title that was open before this character starts, if it is
    /// still open after it: a new heading opens one; the title closes at its body, at
    /// one of `closing` or after `MAX_RUN_IN_TITLE_CHARS`.
    fn keeps_open(&self, open: Option<usize>, closing: &[char]) -> Option<usize> {
        match (self.heading, open) {
            (Some(m), _) => Some(self.i + m.text_start),
            // Inside the marker itself.
            (None, Some(start)) if self.i < start => Some(start),
            (None, Some(start))
                if !self.body
                    && !closing.contains(&self.c)
                    && chars_at_most(&self.line[start..self.i], MAX_RUN_IN_TITLE_CHARS - 1) =>
            {
                Some(start)
            }
            _ => None,
        }
    }
}

/// True when `s` opens the first member of an enumeration: `一是`, `第一，`.
fn opens_enumeration(s: &str) -> bool {
    s.starts_with("一是") || s.starts_with("第一，") || s.starts_with("首先，")
}

/// True for a short line without punctuation: a toolbar link, a heading, a signature.
pub fn is_phrase(line: &str, max_chars: usize) -> bool {
    chars_at_most(line, max_chars) && !line.contains(PHRASE_PUNCTUATION)
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
            && !names_report(content)
            && section_phrase_end(content).is_some()
        {
            line.kind = LineKind::Heading(Marker::UNMARKED);
        }
    }
}

/// Marks the numbered lines of a glossary (under `名词解释`, up to the next heading
/// without a marker) as text: they are definitions, not headings.
pub fn mark_glossaries(text: &str, lines: &mut [Line]) {
    let mut in_glossary = false;
    for line in lines.iter_mut() {
        match line.kind {
            LineKind::Heading(marker) if marker.style == MarkerStyle::Unmarked => {
                in_glossary = names_glossary(line.span.of(text));
            }
            LineKind::Heading(_) if in_glossary => line.kind = LineKind::Text,
            _ => {}
        }
    }
}

/// True when `line` names a report (a title, not a section), other than inside the
/// title marks of a document it cites (`附件《政府工作报告》有关内容名词注释`).
fn names_report(line: &str) -> bool {
    let mut rest = line;
    loop {
        let open = rest.find('《').unwrap_or(rest.len());
        if rest[..open].contains("报告") {
            return true;
        }
        match rest[open..].find('》') {
            Some(close) => rest = &rest[open + close + '》'.len_utf8()..],
            None => return false,
        }
    }
}

/// For a report that marks no heading at all (`三年来的斗争和新时期的总任务` on a line of
/// its own): marks as headings the short lines of the body without sentence punctuation
/// that stand before a paragraph, from the first paragraph of the body to line `end`.
pub fn mark_bare_headings(text: &str, lines: &mut [Line], end: usize) {
    let paragraph = |l: &Line| l.kind == LineKind::Text && l.span.of(text).contains(SENTENCE_END);
    let Some(body) = lines.iter().position(paragraph) else {
        return;
    };
    let end = end.min(lines.len());
    for i in body..end {
        let content = lines[i].span.of(text);
        let before_paragraph = lines[i + 1..end]
            .iter()
            .find(|l| l.kind != LineKind::Blank)
            .is_some_and(paragraph);
        if lines[i].kind == LineKind::Text
            && chars_at_most(content, MAX_UNMARKED_HEADING_CHARS)
            && !content.contains(SENTENCE_PUNCTUATION)
            && before_paragraph
        {
            lines[i].kind = LineKind::Heading(Marker::UNMARKED);
        }
    }
}

/// Cuts out the headings that a lost line break glued to the end of a paragraph
/// (`…稳中有进。二、2025年重点工作…`): after the end of a sentence, a `一、` or `（一）`
/// marker that continues the numbering of the headings before it (the next ordinal of
/// its style; `（一）` again after a new `一、`) starts a line of its own.
pub fn split_glued_headings(text: &str, lines: &mut Vec<Line>) {
    let mut next_top = 1;
    let mut next_sub = 1;
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        match line.kind {
            LineKind::Heading(m) if m.style == MarkerStyle::ChineseComma => {
                next_top = m.ordinal + 1;
                next_sub = 1;
            }
            LineKind::Heading(m) if m.style == MarkerStyle::ChineseParen => {
                next_sub = m.ordinal + 1;
            }
            LineKind::Text if !line.flattened => {
                let content = line.span.of(text);
                // The first marker of each style after a stop or a colon: a list in the
                // paragraph (`…方向是：一、…。二、…`) if it is not the next heading.
                let mut seen = [false; 2];
                let glued = marker_starts(content).find_map(|from| {
                    let stop = content[..from]
                        .trim_end_matches(is_space)
                        .chars()
                        .next_back()?;
                    if !SENTENCE_PUNCTUATION.contains(&stop) {
                        return None;
                    }
                    let m = parse_marker(&content[from..])?;
                    let (style, next) = match m.style {
                        MarkerStyle::ChineseComma => (0, next_top),
                        MarkerStyle::ChineseParen => (1, next_sub),
                        _ => return None,
                    };
                    let first = !std::mem::replace(&mut seen[style], true);
                    let continues = first && m.ordinal == next && FULL_STOPS.contains(&stop);
                    continues.then_some(line.span.start + from)
                });
                if let Some(cut) = glued {
                    lines[i] = classify(text, line.span.start, cut);
                    lines.insert(i + 1, classify(text, cut, line.span.end));
                }
            }
            _ => {}
        }
        i += 1;
    }
}

/// Where a `一、` or `（一）` marker may start in `s`, in order: before each `、` the
/// Chinese numeral that ends there, and each opening bracket. Single characters are
/// searched for, which is fast, instead of reading every character.
fn marker_starts(s: &str) -> impl Iterator<Item = usize> + '_ {
    // Searchers cost more to build than to run over a line: they are built once.
    static COMMA: LazyLock<Finder> = LazyLock::new(|| Finder::new("、"));
    static BRACKET: LazyLock<Finder> = LazyLock::new(|| Finder::new("（"));
    let numbered = COMMA
        .find_iter(s.as_bytes())
        .filter_map(move |at| numeral_before(s, at));
    let bracketed = BRACKET
        .find_iter(s.as_bytes())
        .chain(memchr::memchr_iter(b'(', s.as_bytes()));
    let mut starts: Vec<usize> = numbered.chain(bracketed).collect();
    starts.sort_unstable();
    starts.into_iter()
}

/// A text is hard-wrapped (copied from a PDF or a mail, its paragraphs broken at a fixed
/// width) when at least this share of its lines of text, in percent, have the same
/// length, the width it was wrapped at.
const MIN_WRAPPED_SHARE_PERCENT: usize = 30;
/// Nobody wraps text narrower than this many characters.
const MIN_WRAP_WIDTH: usize = 16;

/// Joins the lines of a hard-wrapped text back into its paragraphs: a line of text (or a
/// heading running into its text) as wide as the width the text was wrapped at, indentation included (or one character
/// narrower, where a wide character did not fit), goes on in the next line when it does
/// not end a sentence, or when the next line opens with a list's marker (`…5000个。` /
/// `⑩提质…`), unless the next line is indented: an indented line opens a paragraph. Any
/// other heading is never run into the line before it.
pub fn join_hard_wrapped(text: &str, lines: &mut Vec<Line>) {
    // A line's width counts its indentation, which the wrapping counted too; a line
    // already joined is as wide as its last part.
    let last_start = |l: &Line| text[..l.span.end].rfind('\n').map_or(0, |i| i + 1);
    let width = |l: &Line| text[last_start(l)..l.span.end].chars().count();
    let indented = |l: &Line| last_start(l) < l.span.start;
    let texts: Vec<usize> = lines
        .iter()
        .filter(|l| l.kind == LineKind::Text && !l.flattened)
        .map(width)
        .filter(|&w| w >= MIN_WRAP_WIDTH)
        .collect();
    let mut counts = std::collections::HashMap::new();
    for w in &texts {
        *counts.entry(*w).or_insert(0usize) += 1;
    }
    let Some((&wrap, &count)) = counts.iter().max_by_key(|(w, c)| (**c, **w)) else {
        return;
    };
    if count * 100 < texts.len() * MIN_WRAPPED_SHARE_PERCENT || texts.len() < 10 {
        return;
    }
    let mut i = 0;
    while i + 1 < lines.len() {
        let (line, next) = (lines[i], lines[i + 1]);
        let ends_sentence = || {
            line.span
                .of(text)
                .trim_end_matches(['”', '’', '"', '）', ')'])
                .ends_with(FULL_STOPS)
        };
        // A list's marker (`⑩`, `（10）`) goes on whether the line ends a sentence or not:
        // paragraphs number such lists inline.
        let continues = match next.kind {
            LineKind::Text => !ends_sentence(),
            LineKind::Heading(m) => {
                matches!(m.style, MarkerStyle::Circled | MarkerStyle::ArabicParen)
            }
            _ => false,
        };
        let wrapped = matches!(line.kind, LineKind::Text | LineKind::Heading(_))
            && continues
            && !indented(&next)
            && width(&line) + 1 >= wrap;
        if wrapped {
            lines[i].span.end = next.span.end;
            lines.remove(i + 1);
        } else {
            i += 1;
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
        if matches!(head.kind, LineKind::Heading(_)) || first.contains(SENTENCE_END) {
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
    Line {
        span,
        kind,
        flattened: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The contents of `text`'s lines as `split_lines` cuts them.
    fn contents(text: &str) -> Vec<&str> {
        split_lines(text).iter().map(|l| l.span.of(text)).collect()
    }

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
        let starts: Vec<String> = lines
            .iter()
            .map(|l| l.span.of(&text).chars().take(2).collect())
            .collect();
        assert_eq!(starts, ["各位", "一、", "20", "（一", "二、"]);
        assert!(matches!(lines[1].kind, LineKind::Heading(_)));
    }

    #[test]
    fn a_flattened_heading_ends_where_its_body_or_first_sub_heading_starts() {
        let filler = "我局依法行政。".repeat(200);
        let text = format!("{filler}现报告如下：一、主要成效（一）加强领导。甲。三、2023年工作计划一是加强建设。二是完善机制。四、下步打算 2023年，我局将推进。");
        assert_eq!(
            &contents(&text)[1..],
            [
                "一、主要成效",
                "（一）加强领导。甲。",
                "三、2023年工作计划",
                "一是加强建设。二是完善机制。",
                "四、下步打算",
                "2023年，我局将推进。"
            ]
        );
    }

    #[test]
    fn a_flattened_heading_ends_where_a_section_s_first_sentence_opens() {
        let filler = "全省经济稳中有进。".repeat(200);
        let text = format!(
            "各位代表：{filler}一、2024年工作回顾过去一年，成绩来之不易。\
             二、继续保持经济平稳较快发展今年经济发展要稳。\
             三、对今年政府工作的建议结合过去的体会，提出建议。\
             四、牢记人民至上，在建设服务型政府中践行初心使命 政府要为民。\
             五、2025年重点工作按照部署，抓好十个方面。"
        );
        assert_eq!(
            &contents(&text)[1..],
            [
                "一、2024年工作回顾",
                "过去一年，成绩来之不易。",
                "二、继续保持经济平稳较快发展",
                "今年经济发展要稳。",
                "三、对今年政府工作的建议",
                "结合过去的体会，提出建议。",
                "四、牢记人民至上，在建设服务型政府中践行初心使命",
                "政府要为民。",
                "五、2025年重点工作",
                "按照部署，抓好十个方面。",
            ]
        );
        assert!(split_lines(&text).iter().all(|l| l.flattened));
    }

    #[test]
    fn a_flattened_heading_without_a_marker_stands_between_sentences_and_numbers() {
        let filler = "全省经济稳中有进。".repeat(200);
        let text = format!(
            "{filler}2025年工作安排（一）扩大内需。甲。2024年工作回顾 2024年是关键一年。\
             回顾过去，成绩来之不易。展望未来，前景光明。名词解释1.两重：重大战略。"
        );
        assert_eq!(
            &contents(&text)[1..],
            [
                "2025年工作安排",
                "（一）扩大内需。甲。",
                "2024年工作回顾",
                "2024年是关键一年。回顾过去，成绩来之不易。展望未来，前景光明。",
                "名词解释",
                "1.两重：重大战略。",
            ]
        );
    }

    #[test]
    fn a_flattened_top_level_heading_follows_its_sequence_after_any_text() {
        let filler = "全省经济稳中有进。".repeat(200);
        let text = format!(
            "{filler}附件《政府工作报告》有关内容名词注释1.两重：重大战略。\
             附件2025年10件惠民实事一、稳定就业主办单位：省人社厅，各州、市人民政府\
             二、关爱服务年度目标：开展一、二季度活动三、实施计划"
        );
        assert_eq!(
            &contents(&text)[1..],
            [
                "附件《政府工作报告》有关内容名词注释",
                "1.两重：重大战略。",
                "附件2025年10件惠民实事",
                "一、稳定就业主办单位：省人社厅，各州、市人民政府",
                "二、关爱服务年度目标：开展一、二季度活动",
                "三、实施计划",
            ]
        );
        let mut lines = split_lines(&text);
        mark_unmarked_headings(&text, &mut lines, 0);
        assert_eq!(lines[1].kind, LineKind::Heading(Marker::UNMARKED));
    }

    #[test]
    fn a_heading_glued_to_the_paragraph_before_it_gets_its_own_line() {
        let text = "一、2024年工作回顾\n过去一年稳中有进。二、2025年重点工作\n（一）扩大内需。\n\
                    甲。（二）提振消费。\n方向是：一、增加投资。二、控制规模。三、改造企业。";
        let mut lines = split_lines(text);
        split_glued_headings(text, &mut lines);
        let contents: Vec<&str> = lines.iter().map(|l| l.span.of(text)).collect();
        assert_eq!(
            contents,
            [
                "一、2024年工作回顾",
                "过去一年稳中有进。",
                "二、2025年重点工作",
                "（一）扩大内需。",
                "甲。",
                "（二）提振消费。",
                "方向是：一、增加投资。二、控制规模。三、改造企业。",
            ],
            "a list that a paragraph numbers itself stays in the paragraph"
        );
    }

    #[test]
    fn a_hard_wrapped_text_gets_its_paragraphs_back() {
        let paragraph = "全省经济稳中有进，发展质量持续提升，民生保障更加有力。".repeat(4);
        let chars: Vec<char> = paragraph.chars().collect();
        let wrapped: Vec<String> = chars.chunks(20).map(|c| c.iter().collect()).collect();
        let text = format!(
            "（一）扩大内需\n　　{}\n　　{}\n①新建学校。②修路。",
            wrapped.join("\n"),
            wrapped.join("\n")
        );
        let mut lines = split_lines(&text);
        join_hard_wrapped(&text, &mut lines);
        let contents: Vec<String> = lines
            .iter()
            .map(|l| l.span.of(&text).replace('\n', ""))
            .collect();
        assert_eq!(
            contents,
            [
                "（一）扩大内需".to_string(),
                paragraph.clone(),
                paragraph.clone(),
                "①新建学校。②修路。".to_string(),
            ],
            "an indented line opens a paragraph; a short last line ends one"
        );
    }

    #[test]
    fn a_flattened_text_keeps_its_title_and_closing_apart() {
        let body = "推进法治建设。".repeat(200);
        let text = format!("某某局关于2022年度法治政府建设情况的报告2022年，{body}专此报告。某某局2023年2月2日 分享到: 扫一扫在手机打开当前页打印关闭");
        let lines = split_lines(&text);
        let contents: Vec<&str> = lines
            .iter()
            .filter(|l| l.kind != LineKind::Blank)
            .map(|l| l.span.of(&text))
            .collect();
        assert_eq!(contents[0], "某某局关于2022年度法治政府建设情况的报告");
        assert_eq!(
            contents[contents.len() - 6..],
            [
                "专此报告。",
                "某某局",
                "2023年2月2日",
                "分享到:",
                "扫一扫在手机打开当前页",
                "打印关闭"
            ]
        );
        let number = format!("{body}增长1.5万元。");
        assert_eq!(
            split_lines(&number).len(),
            1,
            "1.5 is a number, not a marker"
        );
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
