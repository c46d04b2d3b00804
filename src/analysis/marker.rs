//! Heading markers at the start of a line and the numerals inside them.
//!
//! Chinese official documents number their headings `一、`, `(一)` or `（一）`, `1.` (also
//! written `1．`, `1﹒`, `1、`), `(1)` or `（1）`, and `①`; reports before 2000 also `第一、`. This module recognises these
//! styles, half-width, full-width and mixed, and the single-character forms `㈠` and `⑴`,
//! and reads their ordinals, tolerating spaces (ideographic or invisible) between a
//! marker's parts, as in `（ 一 ）`. Which level a style stands for is not fixed here: the
//! outline decides that from the order styles appear in.

use super::scan::{chinese_numeral, circled_value, digit, is_chinese_numeral_char, is_space};

/// The numbering style of a heading marker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarkerStyle {
    /// `一、`
    ChineseComma,
    /// `(一)`, `（一）`
    ChineseParen,
    /// `1.`, `1．`, `1﹒`, `1、`
    ArabicDot,
    /// `(1)`, `（1）`, `⑴`
    ArabicParen,
    /// `①`
    Circled,
    /// `第一、`, in reports before 2000 (`第一，` with a comma is an enumeration's member)
    Ordinal,
    /// No marker: a line that stands alone and names a section (`2025年重点工作`).
    Unmarked,
}

/// A marker found at the start of a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Marker {
    pub style: MarkerStyle,
    pub ordinal: u32,
    /// Byte length of the marker itself.
    pub len: usize,
    /// Byte offset where the heading text starts, after the marker and any spaces.
    pub text_start: usize,
}

/// The style and value of a one-character marker: `㈠`…`㈩`, `⑴`…`⒇`, `①`…`⑳`.
fn single_char_marker(c: char) -> Option<(MarkerStyle, u32)> {
    match c {
        '㈠'..='㈩' => Some((MarkerStyle::ChineseParen, c as u32 - '㈠' as u32 + 1)),
        '⑴'..='⒇' => Some((MarkerStyle::ArabicParen, c as u32 - '⑴' as u32 + 1)),
        _ => circled_value(c).map(|v| (MarkerStyle::Circled, v)),
    }
}

/// Reads one or two Arabic digits, half- or full-width, at the start of `s`.
fn arabic_numeral(s: &str) -> Option<(u32, usize)> {
    let mut value = 0;
    let mut len = 0;
    for c in s.chars().take(3) {
        let Some(d) = digit(c) else { break };
        value = value * 10 + d;
        len += c.len_utf8();
    }
    let digits = s[..len].chars().count();
    (1..=2)
        .contains(&digits)
        .then_some((value, len))
        .filter(|&(v, _)| v > 0)
}

fn skip_spaces(s: &str) -> &str {
    s.trim_start_matches(is_space)
}

fn strip_open_paren(s: &str) -> Option<&str> {
    s.strip_prefix(['(', '（']).map(skip_spaces)
}

fn strip_close_paren(s: &str) -> Option<&str> {
    skip_spaces(s).strip_prefix([')', '）'])
}

/// The rest of `s` after one of `puncts`, which may follow a space.
fn strip_punct<'a>(s: &'a str, puncts: &[char]) -> Option<&'a str> {
    skip_spaces(s).strip_prefix(puncts)
}

impl Marker {
    /// The marker of a heading line that has none.
    pub const UNMARKED: Marker = Marker {
        style: MarkerStyle::Unmarked,
        ordinal: 0,
        len: 0,
        text_start: 0,
    };
}

/// Recognises a heading marker at the start of a trimmed line. A marker with no text
/// after it is not a heading.
/// True when a marker may start with `c`: a bracket, a digit, a Chinese numeral, `第` or
/// a one-character marker. Every marker `parse_marker` reads starts so.
pub fn may_start_marker(c: char) -> bool {
    matches!(c, '(' | '（' | '第')
        || digit(c).is_some()
        || is_chinese_numeral_char(c)
        || single_char_marker(c).is_some()
}

pub fn parse_marker(line: &str) -> Option<Marker> {
    let (style, ordinal, len) = marker_parts(line)?;
    let rest = &line[len..];
    let text = skip_spaces(rest);
    if text.is_empty() {
        return None;
    }
    Some(Marker {
        style,
        ordinal,
        len,
        text_start: line.len() - text.len(),
    })
}

fn marker_parts(line: &str) -> Option<(MarkerStyle, u32, usize)> {
    let first = line.chars().next()?;
    if let Some((style, value)) = single_char_marker(first) {
        return Some((style, value, first.len_utf8()));
    }
    if let Some(inner) = strip_open_paren(line) {
        let (style, (value, n)) = match chinese_numeral(inner) {
            Some(num) => (MarkerStyle::ChineseParen, num),
            None => (MarkerStyle::ArabicParen, arabic_numeral(inner)?),
        };
        let after = strip_close_paren(&inner[n..])?;
        return Some((style, value, line.len() - after.len()));
    }
    if let Some((value, n)) = chinese_numeral(line) {
        let after = strip_punct(&line[n..], &['、', '.', '．'])?;
        return Some((MarkerStyle::ChineseComma, value, line.len() - after.len()));
    }
    if let Some(ordinal) = line.strip_prefix('第') {
        let (value, n) = chinese_numeral(ordinal)?;
        let after = strip_punct(&ordinal[n..], &['、'])?;
        return Some((MarkerStyle::Ordinal, value, line.len() - after.len()));
    }
    let (value, n) = arabic_numeral(line)?;
    let after = strip_punct(&line[n..], &['.', '．', '﹒', '、'])?;
    // `1.35亿件` is a number, not a marker.
    if after.starts_with(|c: char| c.is_ascii_digit() || ('０'..='９').contains(&c)) {
        return None;
    }
    Some((MarkerStyle::ArabicDot, value, line.len() - after.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn style_and_ordinal(line: &str) -> Option<(MarkerStyle, u32, &str)> {
        parse_marker(line).map(|m| (m.style, m.ordinal, &line[m.text_start..]))
    }

    #[test]
    fn an_ordinal_with_a_pause_mark_is_a_heading_marker_and_with_a_comma_is_not() {
        assert_eq!(
            style_and_ordinal("第一、大力提高经济效益。"),
            Some((MarkerStyle::Ordinal, 1, "大力提高经济效益。"))
        );
        assert_eq!(
            style_and_ordinal("第十二、加强建设"),
            Some((MarkerStyle::Ordinal, 12, "加强建设"))
        );
        assert_eq!(style_and_ordinal("第一，全国动员，大办农业。"), None);
        assert_eq!(style_and_ordinal("第一产业"), None);
    }

    #[test]
    fn every_style_and_width() {
        use MarkerStyle::*;
        assert_eq!(
            style_and_ordinal("一、主要举措"),
            Some((ChineseComma, 1, "主要举措"))
        );
        assert_eq!(
            style_and_ordinal("(二)持续推进"),
            Some((ChineseParen, 2, "持续推进"))
        );
        assert_eq!(
            style_and_ordinal("（十）建立健全"),
            Some((ChineseParen, 10, "建立健全"))
        );
        assert_eq!(
            style_and_ordinal("(三) 重塑"),
            Some((ChineseParen, 3, "重塑"))
        );
        assert_eq!(style_and_ordinal("1.加大"), Some((ArabicDot, 1, "加大")));
        assert_eq!(style_and_ordinal("2．加大"), Some((ArabicDot, 2, "加大")));
        assert_eq!(style_and_ordinal("3﹒深化"), Some((ArabicDot, 3, "深化")));
        assert_eq!(style_and_ordinal("12、推进"), Some((ArabicDot, 12, "推进")));
        assert_eq!(
            style_and_ordinal("（1）推进"),
            Some((ArabicParen, 1, "推进"))
        );
        assert_eq!(
            style_and_ordinal("(２)推进"),
            Some((ArabicParen, 2, "推进"))
        );
        assert_eq!(
            style_and_ordinal("（\u{200b}三 ）推进"),
            Some((ChineseParen, 3, "推进"))
        );
        assert_eq!(
            style_and_ordinal("二 、回顾"),
            Some((ChineseComma, 2, "回顾"))
        );
    }

    #[test]
    fn numbers_and_enumerations_are_not_markers() {
        assert_eq!(parse_marker("1.35亿件数据"), None);
        assert_eq!(parse_marker("2022年,我局"), None);
        assert_eq!(parse_marker("2022.全年"), None);
        assert_eq!(parse_marker("一是加强组织领导。"), None);
        assert_eq!(parse_marker("12345热线"), None);
        assert_eq!(parse_marker("(1-7天)"), None);
        assert_eq!(parse_marker("一、"), None);
        assert_eq!(parse_marker("0.目录"), None);
    }
}
