//! Inline enumerations: `一是…二是…三是…` inside or across paragraphs.
//!
//! An enumeration marker is a Chinese numeral followed by `是`, at the start of a
//! paragraph or right after punctuation, so `统一是` is not one. Markers count only as a
//! run in order, starting from `一是`: a run needs at least two members, and a new `一是`
//! starts a new run.

use super::marker::chinese_numeral;
use super::report::Span;

/// One `X是` marker: where it starts, where the enumerated text starts, its ordinal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EnumerationMark {
    pub start: usize,
    pub text_start: usize,
    pub ordinal: u32,
}

/// Characters after which an enumeration marker may start.
const OPENERS: &str = "。；;，,：:！!？?”\"）)";

fn candidates(text: &str, segment: Span) -> impl Iterator<Item = EnumerationMark> + '_ {
    let s = segment.of(text);
    s.char_indices().filter_map(move |(i, c)| {
        let opens = i == 0 || s[..i].ends_with(|p: char| OPENERS.contains(p) || p.is_whitespace());
        if !opens || !"一二三四五六七八九十".contains(c) {
            return None;
        }
        let (ordinal, len) = chinese_numeral(&s[i..])?;
        s[i + len..].starts_with('是').then(|| EnumerationMark {
            start: segment.start + i,
            text_start: segment.start + i + len + '是'.len_utf8(),
            ordinal,
        })
    })
}

/// The enumeration markers in `segments`, read as one passage, that form ordered runs.
pub fn find_enumerations(text: &str, segments: &[Span]) -> Vec<EnumerationMark> {
    let mut marks = Vec::new();
    let mut run: Vec<EnumerationMark> = Vec::new();
    let all = segments.iter().flat_map(|&seg| candidates(text, seg));
    for mark in all {
        if mark.ordinal == 1 {
            if run.len() >= 2 {
                marks.append(&mut run);
            }
            run = vec![mark];
        } else if run
            .last()
            .is_some_and(|last| last.ordinal + 1 == mark.ordinal)
        {
            run.push(mark);
        }
    }
    if run.len() >= 2 {
        marks.append(&mut run);
    }
    marks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ordinals(text: &str) -> Vec<u32> {
        find_enumerations(text, &[Span::new(0, text.len())])
            .iter()
            .map(|m| m.ordinal)
            .collect()
    }

    #[test]
    fn runs_in_order_from_one() {
        assert_eq!(ordinals("总体要求。一是甲。二是乙;三是丙。"), [1, 2, 3]);
        assert_eq!(ordinals("一是甲。三是丙。二是乙。"), [1, 2]);
        assert_eq!(ordinals("一是甲。二是乙。一是丙。二是丁。"), [1, 2, 1, 2]);
    }

    #[test]
    fn lone_or_embedded_markers_are_not_enumerations() {
        assert_eq!(ordinals("一是加强领导。"), Vec::<u32>::new());
        assert_eq!(ordinals("全市统一是关键,二是"), Vec::<u32>::new());
    }

    #[test]
    fn runs_continue_across_paragraphs() {
        let text = "一是甲。\n二是乙。";
        let first = "一是甲。".len();
        let segments = [Span::new(0, first), Span::new(first + 1, text.len())];
        let marks = find_enumerations(text, &segments);
        assert_eq!(marks.len(), 2);
        assert_eq!(&text[marks[1].text_start..], "乙。");
    }
}
