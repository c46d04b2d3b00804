//! Inline enumerations: `一是…二是…`, `第一，…第二，…`, `首先，…其次，…最后，…` and
//! `①…②…`, inside or across paragraphs.
//!
//! A marker counts only at the start of a paragraph or right after punctuation, so
//! `统一是` is not one, and only as part of a run in order from its first member: a run
//! needs at least two members, and a new first member starts a new run. When a passage
//! holds runs of several families (a `一是` list whose members use `第一`), the family
//! with the most members is the passage's enumeration and the others are left as text.

use std::sync::LazyLock;

use memchr::memmem::Finder;

use super::report::Span;
use super::scan::{chinese_numeral, circled_value, numeral_before, ENUMERATION_OPENERS};

/// The ways of writing an enumeration marker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    /// `一是`
    Shi,
    /// `第一，`
    Di,
    /// `首先，` `其次，` `再次，` `最后，`
    Sequence,
    /// `①`
    Circled,
}

/// One marker: where it starts, where the enumerated text starts, its ordinal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EnumerationMark {
    pub start: usize,
    pub text_start: usize,
    pub ordinal: u32,
}

const COMMAS: [char; 3] = ['，', ',', '、'];
const SEQUENCE_WORDS: [&str; 3] = ["首先", "其次", "再次"];
/// `最后` closes a sequence, whatever its length.
const LAST_WORD: &str = "最后";

/// The byte length of the enumeration marker `s` starts with (`一是`, `第一，`, `首先，`,
/// `①`), if it starts with one.
pub fn marker_len(s: &str) -> Option<usize> {
    marker_at(s).map(|(_, _, len)| len)
}

/// Recognises a marker at the start of `s`: its family, ordinal and byte length.
fn marker_at(s: &str) -> Option<(Family, u32, usize)> {
    let first = s.chars().next()?;
    if let Some(ordinal) = circled_value(first) {
        return Some((Family::Circled, ordinal, first.len_utf8()));
    }
    if let Some((ordinal, len)) = chinese_numeral(s) {
        return s[len..]
            .starts_with('是')
            .then_some((Family::Shi, ordinal, len + '是'.len_utf8()));
    }
    if let Some(rest) = s.strip_prefix('第') {
        let (ordinal, len) = chinese_numeral(rest)?;
        let comma = rest[len..].chars().next().filter(|c| COMMAS.contains(c))?;
        return Some((
            Family::Di,
            ordinal,
            '第'.len_utf8() + len + comma.len_utf8(),
        ));
    }
    let (ordinal, word) = SEQUENCE_WORDS
        .iter()
        .enumerate()
        .map(|(i, w)| (i as u32 + 1, *w))
        .chain([(u32::MAX, LAST_WORD)])
        .find(|(_, w)| s.starts_with(w))?;
    let comma = s[word.len()..]
        .chars()
        .next()
        .filter(|c| COMMAS.contains(c))?;
    Some((Family::Sequence, ordinal, word.len() + comma.len_utf8()))
}

fn candidates(text: &str, segment: Span) -> impl Iterator<Item = (Family, EnumerationMark)> + '_ {
    let s = segment.of(text);
    places(s).filter_map(move |i| {
        let (family, ordinal, len) = marker_at(&s[i..])?;
        Some((
            family,
            EnumerationMark {
                start: segment.start + i,
                text_start: segment.start + i + len,
                ordinal,
            },
        ))
    })
}

/// True for a character after which a marker may start.
fn opens(c: char) -> bool {
    ENUMERATION_OPENERS.contains(&c) || c.is_whitespace()
}

/// Where a marker may start in `s`: at its start or after a character that `opens`, and
/// where one of the characters every marker has is found: the numeral before a `是`, a
/// `第`, a sequence word, a circled number. Searching for these is fast (most of a text
/// is never read); `marker_at` then reads each place.
fn places(s: &str) -> impl Iterator<Item = usize> + '_ {
    // Searchers cost more to build than to run over a paragraph: they are built once.
    static SHI: LazyLock<Finder> = LazyLock::new(|| Finder::new("是"));
    static DI: LazyLock<Finder> = LazyLock::new(|| Finder::new("第"));
    static WORDS: LazyLock<Vec<Finder>> = LazyLock::new(|| {
        let words = SEQUENCE_WORDS.iter().chain([&LAST_WORD]);
        words.map(Finder::new).collect()
    });
    // Every circled number from ① to ⑳ starts with these two bytes.
    static CIRCLED: LazyLock<Finder> = LazyLock::new(|| Finder::new(b"\xe2\x91"));
    let bytes = s.as_bytes();
    let numbered = SHI
        .find_iter(bytes)
        .filter_map(move |at| numeral_before(s, at));
    let words = WORDS.iter().flat_map(move |w| w.find_iter(bytes));
    let circled = CIRCLED
        .find_iter(bytes)
        .filter(move |&at| s[at..].chars().next().and_then(circled_value).is_some());
    let mut places: Vec<usize> = numbered
        .chain(DI.find_iter(bytes))
        .chain(words)
        .chain(circled)
        .filter(|&at| s[..at].chars().next_back().is_none_or(opens))
        .collect();
    places.sort_unstable();
    places.dedup();
    places.into_iter()
}

/// The ordered runs of one family among `marks`.
fn runs(marks: impl Iterator<Item = EnumerationMark>) -> Vec<EnumerationMark> {
    let mut kept = Vec::new();
    let mut run: Vec<EnumerationMark> = Vec::new();
    for mark in marks {
        if mark.ordinal == 1 {
            if run.len() >= 2 {
                kept.append(&mut run);
            }
            run = vec![mark];
        } else if run.last().is_some_and(|last| {
            last.ordinal != u32::MAX
                && (last.ordinal + 1 == mark.ordinal || mark.ordinal == u32::MAX)
        }) {
            run.push(mark);
        }
    }
    if run.len() >= 2 {
        kept.append(&mut run);
    }
    kept
}

/// The enumeration markers in `segments`, read as one passage, that form ordered runs:
/// of the runs of each family, one whose members each open a segment (a paragraph) if
/// there is one, for that is the level the report numbers and a list inside one of its
/// paragraphs belongs to that paragraph; else the longest, and among equals the first.
pub fn find_enumerations(text: &str, segments: &[Span]) -> Vec<EnumerationMark> {
    let all: Vec<(Family, EnumerationMark)> = segments
        .iter()
        .flat_map(|&seg| candidates(text, seg))
        .collect();
    // Segments come in order: a mark opens one when its start is a segment's start.
    let opens_segments = |marks: &[EnumerationMark]| {
        marks.len() > 1
            && marks
                .iter()
                .all(|m| segments.binary_search_by_key(&m.start, |s| s.start).is_ok())
    };
    [Family::Shi, Family::Di, Family::Sequence, Family::Circled]
        .into_iter()
        .map(|family| runs(all.iter().filter(|(f, _)| *f == family).map(|(_, m)| *m)))
        .max_by_key(|marks| {
            (
                opens_segments(marks),
                marks.len(),
                std::cmp::Reverse(marks.first().map_or(usize::MAX, |m| m.start)),
            )
        })
        .unwrap_or_default()
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
    fn markers_may_start_at_the_start_or_after_an_opener_or_white_space() {
        let s = "一是甲。二是乙，统一是丙\u{3000}第三，丁 首先，戊”②己其次，庚";
        let at = |c: &str| s.find(c).unwrap();
        assert_eq!(
            places(s).collect::<Vec<_>>(),
            [0, at("二是"), at("第三"), at("首先"), at("②")]
        );
    }

    #[test]
    fn runs_in_order_from_one() {
        assert_eq!(ordinals("总体要求。一是甲。二是乙;三是丙。"), [1, 2, 3]);
        assert_eq!(ordinals("一是甲。三是丙。二是乙。"), [1, 2]);
        assert_eq!(ordinals("一是甲。二是乙。一是丙。二是丁。"), [1, 2, 1, 2]);
    }

    #[test]
    fn every_family() {
        assert_eq!(
            ordinals("第一，加强领导。第二，完善制度。第三、强化监督。"),
            [1, 2, 3]
        );
        assert_eq!(
            ordinals("首先，加强领导。其次，完善制度。最后，强化监督。"),
            [1, 2, u32::MAX]
        );
        assert_eq!(ordinals("重点抓好:①加强领导;②完善制度。"), [1, 2]);
    }

    #[test]
    fn the_family_with_most_members_wins() {
        assert_eq!(
            ordinals("一是甲,第一,子;第二,丑。二是乙。三是丙。"),
            [1, 2, 3]
        );
    }

    #[test]
    fn lone_or_embedded_markers_are_not_enumerations() {
        assert_eq!(ordinals("一是加强领导。"), Vec::<u32>::new());
        assert_eq!(ordinals("全市统一是关键,二是"), Vec::<u32>::new());
        assert_eq!(ordinals("全省第一,第二名"), Vec::<u32>::new());
        assert_eq!(ordinals("最后，完成验收。"), Vec::<u32>::new());
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
