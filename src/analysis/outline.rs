//! The heading tree: levels assigned by nesting, in the order marker styles appear.
//!
//! Reports do not agree on which marker style belongs to which level, and some skip a
//! level (a `1.` directly under `一、`). So levels are not looked up in a table: a style
//! seen for the first time opens a level below the current heading, and a style already
//! open closes every level below it. A heading without a marker (`2025年重点工作`,
//! `名词解释`) names a whole section: it stands at level 1 and closes every level. The
//! lines come classified (a glossary's numbered definitions are text already) and are
//! only read here. The title of a heading is its text up to the first `。`; whatever
//! follows on the same line is the heading's body.

use super::genre::{may_open_sentence, title_ends_before};
use super::lines::{Line, LineKind};
use super::marker::MarkerStyle;
use super::report::{Heading, Span};
use super::scan::{is_space, CLAUSE_ENDS, SENTENCE_END};
use super::text::{chars_at_most, normalise_title};

/// A heading together with the index of the line it stands on.
#[derive(Debug, Clone)]
pub struct OutlineEntry {
    pub heading: Heading,
    pub line: usize,
    /// Where text on the same line after the title's `。` starts, if any.
    pub inline_body: Option<Span>,
}

/// A title longer than this, in a line whose breaks were lost, has run on into its body.
const MAX_FLATTENED_TITLE_CHARS: usize = 40;

/// Where a heading's title ends: at its first `。`, or where the title runs on into a
/// sentence (`2024年工作回顾2024年是…`, from a text whose line breaks were lost). In such a
/// text, a title that runs on longer than a title does, or announces what follows with a
/// colon, ends at its first clause (`三、促进经济又好又快发展通观全局，今年…抓好以下几个方面：`).
fn title_end(heading_text: &str, flattened: bool) -> Option<usize> {
    let stop = heading_text.find(SENTENCE_END);
    let title = &heading_text[..stop.unwrap_or(heading_text.len())];
    let run_on = title.char_indices().skip(1).map(|(i, _)| i).find(|&i| {
        may_open_sentence(&title[i..])
            && title_ends_before(title[..i].trim_end_matches(is_space), &title[i..])
    });
    let clause = || {
        let runs_on =
            !chars_at_most(title, MAX_FLATTENED_TITLE_CHARS) || title.ends_with(['：', ':']);
        (flattened && runs_on)
            .then(|| title.find(CLAUSE_ENDS))
            .flatten()
    };
    run_on.or_else(clause).or(stop)
}

/// Builds the outline from classified lines.
pub fn build_outline(text: &str, lines: &[Line]) -> Vec<OutlineEntry> {
    let mut open_styles: Vec<MarkerStyle> = Vec::new();
    let mut last_at_level: Vec<usize> = Vec::new();
    let mut entries: Vec<OutlineEntry> = Vec::new();
    for (line_index, line) in lines.iter().enumerate() {
        let LineKind::Heading(marker) = line.kind else {
            continue;
        };
        if marker.style == MarkerStyle::Unmarked {
            open_styles.clear();
        }
        match open_styles.iter().position(|&s| s == marker.style) {
            Some(depth) => open_styles.truncate(depth + 1),
            None => open_styles.push(marker.style),
        }
        let level = open_styles.len();
        last_at_level.truncate(level - 1);
        let parent = last_at_level.last().copied();
        last_at_level.push(entries.len());

        let start = line.span.start;
        let text_start = start + marker.text_start;
        let heading_text = &text[text_start..line.span.end];
        let (title, inline_body) = match title_end(heading_text, line.flattened) {
            Some(i) => {
                let stop = heading_text[i..]
                    .chars()
                    .next()
                    .filter(|c| CLAUSE_ENDS.contains(c));
                let body_start = text_start + i + stop.map_or(0, char::len_utf8);
                let body =
                    (body_start < line.span.end).then(|| Span::new(body_start, line.span.end));
                (&heading_text[..i], body)
            }
            None => (heading_text, None),
        };
        entries.push(OutlineEntry {
            heading: Heading {
                level: level as u8,
                marker: text[start..start + marker.len].to_string(),
                title: normalise_title(title),
                span: line.span,
                parent,
            },
            line: line_index,
            inline_body,
        });
    }
    entries
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::lines::split_lines;

    fn levels(text: &str) -> Vec<(u8, String, Option<usize>)> {
        build_outline(text, &split_lines(text))
            .into_iter()
            .map(|e| (e.heading.level, e.heading.title, e.heading.parent))
            .collect()
    }

    #[test]
    fn levels_follow_nesting_not_a_table() {
        let text = "一、甲\n1.乙\n2.丙\n二、丁\n(一)戊\n1.己\n(二)庚";
        let got = levels(text);
        let want = [
            (1, "甲", None),
            (2, "乙", Some(0)),
            (2, "丙", Some(0)),
            (1, "丁", None),
            (2, "戊", Some(3)),
            (3, "己", Some(4)),
            (2, "庚", Some(3)),
        ];
        let want: Vec<_> = want
            .iter()
            .map(|&(l, t, p)| (l, t.to_string(), p))
            .collect();
        assert_eq!(got, want);
    }

    #[test]
    fn a_heading_with_its_body_on_the_same_line() {
        let text = "(八)重大突发事件依法预防处置。依托市应急局组建队伍。";
        let entries = build_outline(text, &split_lines(text));
        assert_eq!(entries[0].heading.title, "重大突发事件依法预防处置");
        assert_eq!(entries[0].heading.marker, "(八)");
        assert_eq!(
            entries[0].inline_body.map(|s| s.of(text)),
            Some("依托市应急局组建队伍。")
        );
    }

    #[test]
    fn a_section_name_that_runs_on_into_its_first_sentence() {
        let text =
            "一、2024年工作回顾2024年是实现“十四五”规划目标任务的关键一年。全市经济稳中有进。";
        let entries = build_outline(text, &split_lines(text));
        assert_eq!(entries[0].heading.title, "2024年工作回顾");
        assert_eq!(
            entries[0].inline_body.map(|s| s.of(text)),
            Some("2024年是实现“十四五”规划目标任务的关键一年。全市经济稳中有进。")
        );
    }

    #[test]
    fn a_flattened_heading_that_announces_a_list_ends_at_its_first_clause() {
        let filler = "经济平稳较快发展。".repeat(200);
        let text = format!(
            "{filler}三、促进经济又好又快发展通观全局，今年要抓好以下几个方面：（一）加强宏观调控。甲。"
        );
        let titles: Vec<String> = build_outline(&text, &split_lines(&text))
            .into_iter()
            .map(|e| e.heading.title)
            .collect();
        assert_eq!(titles, ["促进经济又好又快发展通观全局", "加强宏观调控"]);
        let whole = "三、促进经济又好又快发展通观全局，今年要抓好以下几个方面：";
        let entries = build_outline(whole, &split_lines(whole));
        assert_eq!(
            entries[0].heading.title, "促进经济又好又快发展通观全局，今年要抓好以下几个方面：",
            "a line that kept its breaks keeps its whole title"
        );
    }

    #[test]
    fn headings_without_markers_open_sections_and_glossaries_hold_no_headings() {
        let text = "2025年工作安排\n（一）甲\n1.乙\n加强政府自身建设\n（一）丙\n名词解释\n1.“两新”：设备更新和以旧换新。";
        let mut lines = split_lines(text);
        crate::analysis::lines::mark_unmarked_headings(text, &mut lines, 0);
        crate::analysis::lines::mark_glossaries(text, &mut lines);
        let got: Vec<(u8, String)> = build_outline(text, &lines)
            .into_iter()
            .map(|e| (e.heading.level, e.heading.title))
            .collect();
        let want = [
            (1, "2025年工作安排"),
            (2, "甲"),
            (3, "乙"),
            (1, "加强政府自身建设"),
            (2, "丙"),
            (1, "名词解释"),
        ];
        let want: Vec<(u8, String)> = want.iter().map(|&(l, t)| (l, t.to_string())).collect();
        assert_eq!(got, want);
    }

    #[test]
    fn a_heading_ending_in_a_full_stop_has_no_body() {
        let text = "(一)政府职能依法全面履行。";
        let entries = build_outline(text, &split_lines(text));
        assert_eq!(entries[0].heading.title, "政府职能依法全面履行");
        assert_eq!(entries[0].inline_body, None);
    }
}
