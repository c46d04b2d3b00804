//! What the page calls each loaded document: a file's name; a pasted text's title, or
//! the start of its first line; and, for a second document of one name, its place among
//! them.

use super::{Document, Source};
use crate::i18n::Texts;

/// How many characters of a pasted text's first line name it, when it has no title.
const FIRST_LINE_CHARS: usize = 30;

/// What the page calls a document by itself: a file's name; a pasted text's title, or its
/// first line.
pub fn document_name(t: &Texts, document: &Document) -> String {
    match &document.source {
        Source::Pasted | Source::LongPaste(_) => {
            let first_line = || {
                let line = document
                    .text
                    .lines()
                    .map(str::trim)
                    .find(|l| !l.is_empty())?;
                Some(match line.char_indices().nth(FIRST_LINE_CHARS) {
                    Some((cut, _)) => format!("{}…", &line[..cut]),
                    None => line.to_string(),
                })
            };
            document
                .report
                .meta
                .title
                .clone()
                .or_else(first_line)
                .unwrap_or_else(|| t.pasted_text.to_string())
        }
        Source::Sample => t.sample_name.to_string(),
        Source::File(name) => name.clone(),
    }
}

/// What the page calls each loaded document: its own name (`document_name`), and for a
/// second document of one name its place among them (`名称（2）`).
pub fn document_names(t: &'static Texts, documents: &[Document]) -> Vec<String> {
    let names: Vec<String> = documents.iter().map(|d| document_name(t, d)).collect();
    names
        .iter()
        .enumerate()
        .map(
            |(i, name)| match names[..i].iter().filter(|n| *n == name).count() {
                0 => name.clone(),
                n => (t.nth_of_name)(name, n + 1),
            },
        )
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyze;
    use crate::checklist::Checklist;
    use crate::i18n::Lang;

    fn document(source: Source, text: &str) -> Document {
        let report = analyze(text);
        Document {
            source,
            origin: None,
            text: text.into(),
            checklist: Checklist::from_report(&report),
            report: report.into(),
            analysed_with: Default::default(),
        }
    }

    #[test]
    fn a_file_is_called_by_its_name_and_a_paste_by_its_title_or_first_line() {
        let t = Lang::Zh.texts();
        let file = document(Source::File("a.txt".into()), "随便什么\n");
        assert_eq!(document_name(t, &file), "a.txt");
        let titled = document(Source::Pasted, "2024年某县人民政府工作报告\n各位代表：\n");
        assert_eq!(document_name(t, &titled), "2024年某县人民政府工作报告");
        let first = "现在，我代表县人民政府向大会报告工作，请予审议，并请各位政协委员提出意见。";
        let untitled = document(Source::Pasted, &format!("\n  {first}\n"));
        let thirty: String = first.chars().take(30).collect();
        assert_eq!(document_name(t, &untitled), format!("{thirty}…"));
        let sample = document(Source::Sample, "x\n");
        assert_eq!(document_name(t, &sample), t.sample_name);
    }

    #[test]
    fn a_second_document_of_one_name_is_called_by_its_place() {
        let t = Lang::Zh.texts();
        let a = document(Source::File("a.txt".into()), "甲\n");
        let b = document(Source::File("b.txt".into()), "乙\n");
        let again = document(Source::File("a.txt".into()), "丙\n");
        assert_eq!(
            document_names(t, &[a, b, again]),
            ["a.txt", "b.txt", "a.txt（2）"]
        );
    }
}
