//! Small readings of Chinese text shared by the analysis: years, dates, titles.
//!
//! These helpers look at one string at a time and know nothing of lines or sections.

use super::scan::{
    chinese_digit, digit, is_chinese_numeral_char, is_space, number_value, SENTENCE_END,
};

/// Removes white space that stands between two non-ASCII characters (`建设 情况` →
/// `建设情况`), collapses other runs of white space to one space, and trims the ends.
pub fn normalise_title(s: &str) -> String {
    let chars: Vec<char> = s.trim_matches(is_space).chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < chars.len() {
        if is_space(chars[i]) {
            let run_end = (i..chars.len())
                .find(|&j| !is_space(chars[j]))
                .unwrap_or(chars.len());
            let before = out.chars().last();
            let after = chars.get(run_end).copied();
            let between_wide =
                matches!((before, after), (Some(b), Some(a)) if !b.is_ascii() && !a.is_ascii());
            if !between_wide {
                out.push(' ');
            }
            i = run_end;
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out
}

/// True when `paragraph` opens with the year `year` (`2015年是…`, `２００８年是…`).
pub fn opens_with_year(paragraph: &str, year: u32) -> bool {
    let head = paragraph
        .char_indices()
        .nth(5)
        .map_or(paragraph, |(end, _)| &paragraph[..end]);
    head.ends_with('年') && years(head).next() == Some(year)
}

/// Every year written as four digits (half- or full-width, or Chinese: `一九九○年`)
/// followed by `年`, such as `2022年`, `２００４年` or `2023年度`, in order of appearance;
/// spaces between them, as text taken from a PDF may have them (`2 0 2 5 年`), are
/// passed over.
pub fn years(s: &str) -> impl Iterator<Item = u32> + '_ {
    s.match_indices('年').filter_map(move |(i, _)| {
        let before = || {
            s[..i]
                .chars()
                .rev()
                .filter(|c| !matches!(c, ' ' | '\u{3000}' | '\u{a0}'))
        };
        [digit, chinese_digit]
            .into_iter()
            .find_map(|read: fn(char) -> Option<u32>| {
                let mut chars = before();
                let mut year = 0;
                for place in [1, 10, 100, 1000] {
                    year += read(chars.next()?)? * place;
                }
                let preceded_by_digit = chars.next().and_then(read).is_some();
                (!preceded_by_digit && (1949..=2199).contains(&year)).then_some(year)
            })
    })
}

/// The year a title names: the first written `2025年`, or else four digits standing
/// alone, as in `2016政府工作报告` or `政府工作报告（2024）`.
pub fn title_year(title: &str) -> Option<u32> {
    years(title).next().or_else(|| {
        let chars: Vec<char> = title.chars().collect();
        let is_digit = |i: usize| chars.get(i).and_then(|&c| digit(c)).is_some();
        (0..chars.len().saturating_sub(3)).find_map(|i| {
            let alone = (i == 0 || !is_digit(i - 1)) && !is_digit(i + 4);
            let year = chars[i..i + 4]
                .iter()
                .try_fold(0, |acc, &c| Some(acc * 10 + digit(c)?))?;
            (alone && (1949..=2199).contains(&year)).then_some(year)
        })
    })
}

/// True for a line that is only a date, `2023年2月2日` or `二〇二三年二月二日`.
pub fn is_date_line(s: &str) -> bool {
    let numeral = |c: char| digit(c).is_some() || "〇零一二三四五六七八九十".contains(c);
    let mut rest = s;
    for unit in ['年', '月', '日'] {
        let digits = rest.len() - rest.trim_start_matches(numeral).len();
        if digits == 0 {
            return false;
        }
        match rest[digits..].strip_prefix(unit) {
            Some(after) => rest = after,
            None => return false,
        }
    }
    rest.is_empty()
}

/// The first date `2025年1月14日` (digits of either width, or Chinese numerals, spaces
/// between them or not: `1 9 9 8 年3 月5 日`) that ends within the first `within_chars`
/// characters of `s`: its byte range and ISO form.
pub fn find_date(s: &str, within_chars: usize) -> Option<(usize, usize, String)> {
    let window = s
        .char_indices()
        .nth(within_chars)
        .map_or(s.len(), |(i, _)| i);
    let numeral = |c: char| digit(c).is_some() || is_chinese_numeral_char(c);
    s[..window].match_indices('日').find_map(|(day, _)| {
        let end = day + '日'.len_utf8();
        let start = s[..day]
            .char_indices()
            .rev()
            .take_while(|&(_, c)| numeral(c) || c == '年' || c == '月' || is_space(c))
            .filter(|&(_, c)| !is_space(c))
            .last()
            .map(|(i, _)| i)?;
        let compact: String = s[start..end].chars().filter(|&c| !is_space(c)).collect();
        iso_date(&compact).map(|date| (start, end, date))
    })
}

/// Reads a date line, `2023年2月2日` or `二〇二三年二月二日`, or a date written
/// `2023-01-05`, as `YYYY-MM-DD`.
pub fn iso_date(s: &str) -> Option<String> {
    let (y, m, d) = if is_date_line(s) {
        let mut parts = s.split(['年', '月', '日']).map(number_value);
        (parts.next()??, parts.next()??, parts.next()??)
    } else {
        let mut parts = s.get(..10)?.split('-').map(|p| p.parse::<u32>().ok());
        (parts.next()??, parts.next()??, parts.next()??)
    };
    let valid = (1949..=2199).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d);
    valid.then(|| format!("{y:04}-{m:02}-{d:02}"))
}

/// True when `s` has at most `n` characters, counted only as far as that needs: a string
/// of at most `n` bytes has, and one of over `4 n` bytes has not (a character is one to
/// four bytes), so a long line is never counted through.
pub fn chars_at_most(s: &str, n: usize) -> bool {
    s.len() <= n || (s.len() <= n.saturating_mul(4) && s.chars().count() <= n)
}

/// `s` as one line: the line breaks of a wrapped copy, and the spaces around them, taken
/// out (a target's phrase, `commitments`, as a checklist compares it with an item's text).
pub fn one_line(s: &str) -> String {
    s.lines().map(|line| line.trim_matches(is_space)).collect()
}

/// A short identifier that depends only on `s` with its white space ignored: the same
/// text gives the same id on every run and machine (64-bit FNV-1a over the UTF-8 bytes of
/// the characters that are not white space, in hex).
pub fn stable_id(s: &str) -> String {
    let mut hash = 0xcbf2_9ce4_8422_2325_u64;
    let bytes = s.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if MAY_START_SPACE[usize::from(b)] {
            if let Some(len) = space_len(&bytes[i..]) {
                i += len;
                continue;
            }
        }
        hash = (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        i += 1;
    }
    format!("{hash:016x}")
}

/// The bytes a white space character may start with (see `space_len`).
const MAY_START_SPACE: [bool; 256] = {
    let mut table = [false; 256];
    let starts: [u8; 11] = [
        b'\t', b'\n', 0x0b, 0x0c, b'\r', b' ', 0xc2, 0xe1, 0xe2, 0xe3, 0xef,
    ];
    let mut i = 0;
    while i < starts.len() {
        table[starts[i] as usize] = true;
        i += 1;
    }
    table
};

/// The length in bytes of the white space character (`is_space`) that `bytes` starts
/// with, if it starts with one, read from its UTF-8 form without decoding it: one byte
/// for ASCII, `C2 85`/`C2 A0`, `E1 9A 80`, the `E2 80`/`E2 81` spaces and joiners,
/// `E3 80 80` (the ideographic space) and `EF BB BF` (the byte order mark).
fn space_len(bytes: &[u8]) -> Option<usize> {
    match *bytes {
        [b'\t'..=b'\r' | b' ', ..] => Some(1),
        [0xc2, 0x85 | 0xa0, ..] => Some(2),
        [0xe1, 0x9a, 0x80, ..]
        | [0xe2, 0x80, 0x80..=0x8d | 0xa8 | 0xa9 | 0xaf, ..]
        | [0xe2, 0x81, 0x9f | 0xa0, ..]
        | [0xe3, 0x80, 0x80, ..]
        | [0xef, 0xbb, 0xbf, ..] => Some(3),
        _ => None,
    }
}

/// The longest a short title may be before it is cut.
const MAX_TITLE_CHARS: usize = 40;

/// The leading phrase of a passage: up to its first `。`; if that is still long, up to
/// its first comma or semicolon; if that is still long, its first 40 characters and `…`.
pub fn short_title(s: &str) -> String {
    let sentence = s.split(SENTENCE_END).next().unwrap_or(s);
    let phrase = if !chars_at_most(sentence, MAX_TITLE_CHARS) {
        sentence
            .split([',', '，', ';', '；'])
            .next()
            .unwrap_or(sentence)
    } else {
        sentence
    };
    let title = normalise_title(phrase);
    if !chars_at_most(&title, MAX_TITLE_CHARS) {
        let cut: String = title.chars().take(MAX_TITLE_CHARS).collect();
        format!("{cut}…")
    } else {
        title
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_lose_stray_spaces_between_chinese_characters_only() {
        assert_eq!(
            normalise_title("省营商局关于2022年法治政府建设 情况的报告"),
            "省营商局关于2022年法治政府建设情况的报告"
        );
        assert_eq!(normalise_title(" 推进 IPv6  改造 "), "推进 IPv6 改造");
        assert_eq!(
            normalise_title("坚持法治惠民\u{a0}\u{a0}深化改革"),
            "坚持法治惠民深化改革"
        );
    }

    #[test]
    fn years_need_four_digits_and_nian() {
        let found: Vec<u32> = years("2022年度工作,12345年,2023年计划,20231年,２００４年").collect();
        assert_eq!(found, [2022, 2023, 2004]);
        let found: Vec<u32> = years("一九九○年的国内工作，二〇二三年，十二五年").collect();
        assert_eq!(found, [1990, 2023]);
        let found: Vec<u32> = years("2 0 2 5 年工作回顾，２０２４ 年，1 2025年").collect();
        assert_eq!(
            found,
            [2025, 2024],
            "spaces between the digits are passed over"
        );
    }

    #[test]
    fn date_lines() {
        assert!(is_date_line("2023年2月2日"));
        assert!(is_date_line("二〇二三年二月二日"));
        assert!(!is_date_line("2023年2月2日召开会议"));
        assert!(!is_date_line("2023年"));
    }

    #[test]
    fn dates_in_iso_form() {
        assert_eq!(iso_date("2023年2月2日").as_deref(), Some("2023-02-02"));
        assert_eq!(
            iso_date("二〇二三年十二月二十九日").as_deref(),
            Some("2023-12-29")
        );
        assert_eq!(iso_date("2023-01-05 14:22").as_deref(), Some("2023-01-05"));
        assert_eq!(
            iso_date("２００９年３月５日").as_deref(),
            Some("2009-03-05")
        );
        assert_eq!(iso_date("2023年13月2日"), None);
        assert_eq!(iso_date("发布"), None);
    }

    #[test]
    fn ids_are_stable_and_ignore_white_space() {
        assert_eq!(
            stable_id("一是加强组织领导。"),
            stable_id("一是加强 组织领导。\n")
        );
        assert_ne!(
            stable_id("一是加强组织领导。"),
            stable_id("二是完善工作机制。")
        );
        assert_eq!(stable_id(""), "cbf29ce484222325");
    }

    /// Ids kept with checklists must never change: these were worked out apart from this
    /// code, as FNV-1a over the UTF-8 bytes of every character that is not white space.
    #[test]
    fn ids_are_the_ids_kept_before() {
        assert_eq!(stable_id("一是加强组织领导。"), "1fed3a9329f715d7");
        assert_eq!(
            stable_id("\u{feff}２０２５年\u{3000}政府工作报告\u{a0}（草案）\u{200b}\r\n"),
            "ae1a6b093a6b7987"
        );
        assert_eq!(stable_id("e\u{301} \u{2028}\u{2060}x"), "1721cd5d43ced905");
        let henan = include_str!("../../tests/fixtures/henan-approval-bureau-2022.txt");
        assert_eq!(stable_id(henan), "df96542468a05551");
    }

    /// The id skips white space by its bytes: the same characters as `is_space`, every
    /// one of them, each starting with a byte `MAY_START_SPACE` marks.
    #[test]
    fn the_bytes_skipped_are_the_white_space() {
        let mut buf = [0; 4];
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            let bytes = c.encode_utf8(&mut buf).as_bytes();
            assert!(
                !is_space(c) || MAY_START_SPACE[usize::from(bytes[0])],
                "{c:?}"
            );
            assert_eq!(
                space_len(bytes),
                is_space(c).then_some(bytes.len()),
                "{c:?}"
            );
        }
    }

    #[test]
    fn chars_are_counted_as_far_as_needed() {
        for s in [
            "",
            "abc",
            "一二三",
            "一二三四",
            "a一",
            "一\u{301}",
            "😀😀😀",
        ] {
            for n in 0..6 {
                assert_eq!(chars_at_most(s, n), s.chars().count() <= n, "{s:?} {n}");
            }
        }
        assert!(!chars_at_most(&"一".repeat(10_000), 25));
    }

    #[test]
    fn short_titles() {
        assert_eq!(short_title("加强组织领导。充分发挥作用。"), "加强组织领导");
        let long = "构建一体化政务大数据体系促进政务数据有序共享按照全国一体化政务大数据体系建设指南要求,出台方案";
        assert_eq!(
            short_title(long),
            "构建一体化政务大数据体系促进政务数据有序共享按照全国一体化政务大数据体系建设指南…"
        );
    }
}
