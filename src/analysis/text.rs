//! Small readings of Chinese text shared by the analysis: years, dates, titles.
//!
//! These helpers look at one string at a time and know nothing of lines or sections.

use super::lines::is_space;

/// The Chinese full stop that ends a sentence and cuts a heading's title.
pub const SENTENCE_END: char = '。';

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

/// Every year written as four ASCII digits followed by `年`, such as `2022年` or
/// `2023年度`, in order of appearance.
pub fn years(s: &str) -> impl Iterator<Item = u32> + '_ {
    s.match_indices('年').filter_map(move |(i, _)| {
        let digits = s.get(i.checked_sub(4)?..i)?;
        let preceded_by_digit = s[..i - 4].ends_with(|c: char| c.is_ascii_digit());
        if preceded_by_digit || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let year: u32 = digits.parse().ok()?;
        (1949..=2199).contains(&year).then_some(year)
    })
}

/// True for a line that is only a date, `2023年2月2日` or `二〇二三年二月二日`.
pub fn is_date_line(s: &str) -> bool {
    let numeral = |c: char| c.is_ascii_digit() || "〇零一二三四五六七八九十".contains(c);
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

/// The longest a short title may be before it is cut.
const MAX_TITLE_CHARS: usize = 40;

/// The leading phrase of a passage: up to its first `。`; if that is still long, up to
/// its first comma or semicolon; if that is still long, its first 40 characters and `…`.
pub fn short_title(s: &str) -> String {
    let sentence = s.split(SENTENCE_END).next().unwrap_or(s);
    let phrase = if sentence.chars().count() > MAX_TITLE_CHARS {
        sentence
            .split([',', '，', ';', '；'])
            .next()
            .unwrap_or(sentence)
    } else {
        sentence
    };
    let title = normalise_title(phrase);
    if title.chars().count() > MAX_TITLE_CHARS {
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
        let found: Vec<u32> = years("2022年度工作,12345年,2023年计划,20231年").collect();
        assert_eq!(found, [2022, 2023]);
    }

    #[test]
    fn date_lines() {
        assert!(is_date_line("2023年2月2日"));
        assert!(is_date_line("二〇二三年二月二日"));
        assert!(!is_date_line("2023年2月2日召开会议"));
        assert!(!is_date_line("2023年"));
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
