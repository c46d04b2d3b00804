//! The end of a report: closing formula, signature, date and trailing page furniture.
//!
//! Reading backwards from the last line, blank lines, furniture, a date line, a closing
//! formula (`专此报告。`) and, above a date, a signature line (short, no sentence
//! punctuation) form the closing block. Everything before it is content; the signature
//! and date are the report's issuer and signing date. Short lines without punctuation
//! after the last date or closing formula (a site's `用户登录`, `×`) are page furniture,
//! whatever their words.

use super::genre::is_closing_formula;
use super::lines::{is_phrase, Line, LineKind};
use super::scan::is_space;
use super::text::{chars_at_most, is_date_line};

/// A signature line (the issuing body) is short and has no sentence punctuation.
const MAX_SIGNATURE_CHARS: usize = 40;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Closing {
    /// Index of the first line after the content.
    pub content_end: usize,
    /// The line naming the issuer above the date.
    pub signature: Option<usize>,
    /// The date line under the signature.
    pub date: Option<usize>,
}

fn is_signature(line: &str) -> bool {
    chars_at_most(line, MAX_SIGNATURE_CHARS)
        && !line.contains(|c: char| "。,，;；:：!！?？".contains(c))
        && !line.contains(is_space)
}

/// Page furniture after the end of a report is a word or two.
const MAX_TRAILING_FURNITURE_CHARS: usize = 12;

/// Marks the short lines without punctuation after the last date line or closing formula
/// (or, in a report without them, after the last line with punctuation) as page
/// furniture, when nothing but such lines and furniture follows it.
pub fn mark_trailing_furniture(text: &str, lines: &mut [Line]) {
    let is_end = |l: &Line| {
        let content = l.span.of(text);
        l.kind == LineKind::Text && (is_date_line(content) || is_closing_formula(content))
    };
    let punctuated = |l: &Line| {
        l.kind != LineKind::Blank && !is_phrase(l.span.of(text), MAX_TRAILING_FURNITURE_CHARS)
    };
    let Some(end) = lines
        .iter()
        .rposition(is_end)
        .or_else(|| lines.iter().rposition(punctuated))
    else {
        return;
    };
    let trailing = &mut lines[end + 1..];
    let furniture = |l: &Line| match l.kind {
        LineKind::Blank | LineKind::Boilerplate => true,
        LineKind::Text => is_phrase(l.span.of(text), MAX_TRAILING_FURNITURE_CHARS),
        LineKind::Heading(_) => false,
    };
    if trailing.iter().all(furniture) {
        for line in trailing.iter_mut().filter(|l| l.kind == LineKind::Text) {
            line.kind = LineKind::Boilerplate;
        }
    }
}

/// Finds the closing block at the end of `lines`.
pub fn find_closing(text: &str, lines: &[Line]) -> Closing {
    let mut closing = Closing {
        content_end: lines.len(),
        signature: None,
        date: None,
    };
    while closing.content_end > 0 {
        let index = closing.content_end - 1;
        let line = &lines[index];
        let content = line.span.of(text);
        let trailing = match line.kind {
            LineKind::Blank | LineKind::Boilerplate => true,
            LineKind::Heading(_) => false,
            LineKind::Text if is_date_line(content) => {
                closing.date.get_or_insert(index);
                true
            }
            LineKind::Text
                if closing.date.is_some()
                    && closing.signature.is_none()
                    && is_signature(content) =>
            {
                closing.signature = Some(index);
                true
            }
            LineKind::Text => is_closing_formula(content),
        };
        if !trailing {
            break;
        }
        closing.content_end = index;
    }
    closing
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::lines::split_lines;

    #[test]
    fn formula_date_and_furniture_are_not_content() {
        let text = "三、下步打算\n(一)推进改革。\n\n  专此报告。\n\n  2022年3月29日\n分享到:\n打印";
        let closing = find_closing(text, &split_lines(text));
        assert_eq!(closing.content_end, 8, "打印 is a word like any other");
        let mut lines = split_lines(text);
        mark_trailing_furniture(text, &mut lines);
        let closing = find_closing(text, &lines);
        assert_eq!(closing.content_end, 2);
        assert_eq!(closing.date, Some(5));
        assert_eq!(closing.signature, None);
    }

    #[test]
    fn short_lines_after_the_date_are_furniture() {
        let text = "(一)推进改革。\n专此报告。\n2022年3月29日\n分享到:\n×\n用户登录\nrobots";
        let mut lines = split_lines(text);
        mark_trailing_furniture(text, &mut lines);
        assert!(lines[3..].iter().all(|l| l.kind == LineKind::Boilerplate));
        assert_eq!(find_closing(text, &lines).content_end, 1);
        let text = "(一)推进改革。\n2022年3月29日\n附件：某某项目清单";
        let mut lines = split_lines(text);
        mark_trailing_furniture(text, &mut lines);
        assert_eq!(
            lines[2].kind,
            LineKind::Text,
            "punctuated lines are content"
        );
        let text = "二、改造农村公路50公里\n牵头单位：县交通运输局\n分享\n打印";
        let mut lines = split_lines(text);
        mark_trailing_furniture(text, &mut lines);
        let kinds: Vec<LineKind> = lines.iter().map(|l| l.kind).collect();
        assert_eq!(kinds[2..], [LineKind::Boilerplate, LineKind::Boilerplate]);
        let text = "一是完善机制\n二是加强督查";
        let mut lines = split_lines(text);
        mark_trailing_furniture(text, &mut lines);
        assert!(lines.iter().all(|l| l.kind == LineKind::Text));
    }

    #[test]
    fn a_signature_above_the_date() {
        let text = "一是完善机制。\n巴中市政务服务和大数据管理局\n2023年2月2日";
        let closing = find_closing(text, &split_lines(text));
        assert_eq!(
            closing,
            Closing {
                content_end: 1,
                signature: Some(1),
                date: Some(2)
            }
        );
    }

    #[test]
    fn a_short_last_sentence_without_a_date_is_content() {
        let text = "一是完善机制\n二是加强督查";
        assert_eq!(find_closing(text, &split_lines(text)).content_end, 2);
    }
}
