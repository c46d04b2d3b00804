//! Splitting a text into lines and telling what each line is.
//!
//! A line ends at `\n`, `\r\n` or a lone `\r`. Each line keeps the span of its content
//! with surrounding white space (ASCII, U+3000 ideographic space, no-break space, BOM)
//! trimmed off, and a `LineKind`: blank, page furniture, a heading with its marker, or
//! ordinary text. Everything later in the analysis reads lines, never raw text.

use super::boilerplate::is_boilerplate;
use super::marker::{parse_marker, Marker};
use super::report::Span;

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

/// True for the white space that reports use around and inside lines.
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}'
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
        lines.push(classify(text, start, end));
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
    fn a_final_newline_gives_a_final_blank_line() {
        let lines = split_lines("甲\n");
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[1].kind, LineKind::Blank);
    }
}
