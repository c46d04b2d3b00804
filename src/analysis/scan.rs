//! The smallest readings of Chinese text: white space, digits and numerals.
//!
//! Every other part of the analysis reads characters through these functions and this
//! module imports nothing from the analysis, so it sits at the bottom of the dependency
//! order (as pulldown-cmark's `scanners` does). White space includes the ideographic
//! space U+3000, no-break spaces, the byte-order mark and the zero-width characters that
//! text copied from web pages carries; digits are half- or full-width; Chinese numerals
//! run from 一 to 九十九, with 〇, 零 and 两 where a count or a date uses them. The
//! classes of punctuation every step reads (where a sentence, a clause or a phrase ends)
//! are defined here once.

/// The full stop: where a heading's title ends and its run-in body starts.
pub const SENTENCE_END: char = '。';

/// The marks that end a sentence.
pub const FULL_STOPS: &[char] = &['。', '！', '？', '!', '?'];

/// The marks that end a sentence or one of the clauses a list separates with semicolons.
pub const SENTENCE_MARKS: &[char] = &['。', '；', ';', '！', '!', '？', '?'];

/// The marks that end a sentence or announce one: a heading that stands alone holds
/// none (it may hold a comma or quotes: `加强政权建设，加强各族人民的大团结`).
pub const SENTENCE_PUNCTUATION: &[char] = &['。', '！', '？', '：', '；', '!', '?', ':', ';'];

/// Where a clause ends, within a sentence.
pub const CLAUSE_ENDS: &[char] = &[
    '，', ',', '：', ':', '。', '；', ';', '！', '!', '？', '?', '\n',
];

/// Punctuation that a heading without a marker, a toolbar link or a signature never
/// holds.
pub const PHRASE_PUNCTUATION: &[char] = &[
    '。', '，', '；', '：', '！', '？', ',', ';', ':', '!', '?', '、',
];

/// Marks after which a heading may start in a line whose breaks were lost: the end of
/// a sentence, a closing quote, or the colon that announces it (`现将有关情况汇报如下：一、…`).
pub const HEADING_OPENERS: &[char] = &['。', '！', '？', '!', '?', '”', '：', ':'];

/// Marks after which an enumeration marker (`一是`, `第二，`) may start.
pub const ENUMERATION_OPENERS: &[char] = &[
    '。', '；', ';', '，', ',', '：', ':', '！', '!', '？', '?', '”', '"', '）', ')',
];

/// True for the white space that reports use around and inside lines, visible or not.
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{feff}' | '\u{200b}'..='\u{200d}' | '\u{2060}')
}

/// True for the dashes a delivery line or a speaker line opens with, however a page wrote
/// them: `——` (U+2014), `――` (U+2015), box-drawing `─`, en dash, full-width and ASCII
/// hyphens.
pub fn is_dash(c: char) -> bool {
    matches!(
        c,
        '—' | '―' | '─' | '–' | '－' | '-' | '﹣' | '‐' | '‑' | '━'
    )
}

/// The value of a half-width or full-width Arabic digit.
pub fn digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

/// The value of one Chinese digit: `〇`/`零` 0 (and `○`, the white circle older texts
/// write for it: `一九九○年`), `一` 1 … `九` 9, and `两` 2.
pub fn chinese_digit(c: char) -> Option<u32> {
    match c {
        '〇' | '零' | '○' => Some(0),
        '一' => Some(1),
        '二' | '两' => Some(2),
        '三' => Some(3),
        '四' => Some(4),
        '五' => Some(5),
        '六' => Some(6),
        '七' => Some(7),
        '八' => Some(8),
        '九' => Some(9),
        _ => None,
    }
}

/// True for a character of a Chinese numeral: a digit, or `十`.
pub fn is_chinese_numeral_char(c: char) -> bool {
    chinese_digit(c).is_some() || c == '十'
}

/// Where the run of Chinese numeral characters that ends at byte `at` of `s` starts
/// (`二十` before the `是` of `二十是`), if one ends there.
pub fn numeral_before(s: &str, at: usize) -> Option<usize> {
    let numeral = s[..at]
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_chinese_numeral_char(c))
        .last()?;
    Some(numeral.0)
}

/// Reads a Chinese ordinal from one to ninety-nine (`一`, `十`, `十二`, `二十`, `九十九`)
/// at the start of `s`, returning its value and byte length.
pub fn chinese_numeral(s: &str) -> Option<(u32, usize)> {
    let one_to_nine = |c: char| chinese_digit(c).filter(|&v| v > 0 && c != '两');
    let mut chars = s.chars();
    let first = chars.next()?;
    let second = chars.next();
    let third = chars.next();
    let width = '一'.len_utf8();
    match (first, second, third) {
        ('十', Some(b), _) if one_to_nine(b).is_some() => Some((10 + one_to_nine(b)?, 2 * width)),
        ('十', _, _) => Some((10, width)),
        (a, Some('十'), Some(c)) if one_to_nine(a).is_some() && one_to_nine(c).is_some() => {
            Some((one_to_nine(a)? * 10 + one_to_nine(c)?, 3 * width))
        }
        (a, Some('十'), _) if one_to_nine(a).is_some() => Some((one_to_nine(a)? * 10, 2 * width)),
        (a, _, _) => one_to_nine(a).map(|v| (v, width)),
    }
}

/// The value of a whole number written in Arabic digits (half- or full-width) or in
/// Chinese numerals, digit by digit or with `十`: `2023`, `２０２３`, `二〇二三`, `十二`,
/// `二十九`. `None` when it is neither, or too large.
pub fn number_value(s: &str) -> Option<u32> {
    if s.is_empty() {
        return None;
    }
    if s.chars().all(|c| digit(c).is_some()) {
        return s
            .chars()
            .try_fold(0u32, |acc, c| acc.checked_mul(10)?.checked_add(digit(c)?));
    }
    if !s.contains('十') {
        return s.chars().try_fold(0u32, |acc, c| {
            acc.checked_mul(10)?.checked_add(chinese_digit(c)?)
        });
    }
    let (value, len) = chinese_numeral(s)?;
    (len == s.len()).then_some(value)
}

/// The value of a circled number `①`…`⑳`.
pub fn circled_value(c: char) -> Option<u32> {
    ('①'..='⑳').contains(&c).then(|| c as u32 - '①' as u32 + 1)
}

/// A set of characters, one bit for each of the Basic Multilingual Plane: the test a scan
/// makes at every character before it looks closer. A character beyond the plane is
/// always taken as may be in the set.
pub struct CharSet([u64; 1024]);

impl CharSet {
    pub const fn new(chars: &[char]) -> Self {
        let mut set = CharSet([0; 1024]);
        let mut k = 0;
        while k < chars.len() {
            set.insert(chars[k]);
            k += 1;
        }
        set
    }

    pub const fn insert(&mut self, c: char) {
        let n = c as usize;
        if n < 0x10000 {
            self.0[n / 64] |= 1 << (n % 64);
        }
    }

    pub fn may_hold(&self, c: char) -> bool {
        let n = c as usize;
        self.0
            .get(n / 64)
            .is_none_or(|bits| bits & (1 << (n % 64)) != 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_char_set_holds_its_characters_and_all_beyond_the_plane() {
        let mut set = CharSet::new(&['年', '0', '\u{ffff}']);
        set.insert('上');
        for c in ['年', '0', '\u{ffff}', '上', '𠀀'] {
            assert!(set.may_hold(c), "{c}");
        }
        for c in ['下', '1', '\u{fffe}', 'a'] {
            assert!(!set.may_hold(c), "{c}");
        }
    }

    #[test]
    fn invisible_and_ideographic_spaces_are_spaces() {
        for c in ['\u{3000}', '\u{a0}', '\u{feff}', '\u{200b}', '\t'] {
            assert!(is_space(c), "{c:?}");
        }
        assert!(!is_space('一'));
    }

    #[test]
    fn every_dash_a_page_may_write() {
        for c in "—―─–－-".chars() {
            assert!(is_dash(c), "{c:?}");
        }
        assert!(!is_dash('一'));
    }

    #[test]
    fn chinese_numerals_up_to_ninety_nine() {
        assert_eq!(chinese_numeral("一、").map(|n| n.0), Some(1));
        assert_eq!(chinese_numeral("十)").map(|n| n.0), Some(10));
        assert_eq!(chinese_numeral("十二)").map(|n| n.0), Some(12));
        assert_eq!(chinese_numeral("二十)").map(|n| n.0), Some(20));
        assert_eq!(chinese_numeral("三十五、").map(|n| n.0), Some(35));
        assert_eq!(chinese_numeral("是"), None);
        assert_eq!(chinese_numeral("两个"), None);
    }

    #[test]
    fn numbers_in_any_writing() {
        assert_eq!(number_value("2023"), Some(2023));
        assert_eq!(number_value("２０２５"), Some(2025));
        assert_eq!(number_value("二〇二三"), Some(2023));
        assert_eq!(number_value("二十九"), Some(29));
        assert_eq!(number_value("十"), Some(10));
        assert_eq!(number_value("九九九九九九九九九九九"), None);
        assert_eq!(number_value("年"), None);
    }
}
