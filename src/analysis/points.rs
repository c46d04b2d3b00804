//! The points of a task. In a 政府工作报告 a task's paragraphs usually open with a short
//! lead sentence (`健全经济高质量发展体制机制。…`, bold in the Word file), and each is a
//! point a checker ticks on its own. A paragraph's lead is its first sentence when that
//! sentence is short, a single clause (no comma, semicolon or colon; an enumeration comma
//! `、` is within a clause) and followed by more
//! text; an opening paragraph that is not a point (`全面贯彻落实…，加快…`) has none. One
//! paragraph with such a lead may be chance, so a task has points only when two or more of
//! its paragraphs have one. The task's own first line (its heading, or the paragraph its
//! marker opens) is never a point of it.

use super::report::{Point, Span, Target};
use super::text::normalise_title;

/// The longest a lead sentence may be, in characters.
const MAX_LEAD_CHARS: usize = 25;
/// The fewest characters a point's paragraph has after its lead.
const MIN_BODY_CHARS: usize = 10;
/// The fewest paragraphs with a lead that make a task's points.
const MIN_POINTS: usize = 2;

/// The lead of `paragraph`: its first sentence, without its `。`, when it reads as one.
fn lead(paragraph: &str) -> Option<&str> {
    let paragraph = paragraph.trim();
    let (lead, body) = paragraph.split_once('。')?;
    let chars = lead.chars().count();
    let one_clause = !lead.contains(['，', ',', '；', ';', '：', ':']);
    let fits = (2..=MAX_LEAD_CHARS).contains(&chars);
    (one_clause && fits && body.trim().chars().count() >= MIN_BODY_CHARS).then_some(lead)
}

/// The points of the task at `task` in `text`: each paragraph (`paragraphs`, in order)
/// after the task's first line that opens with a lead, with the task's `targets` written
/// in it.
pub fn points(text: &str, task: Span, paragraphs: &[Span], targets: &[Target]) -> Vec<Point> {
    let first = paragraphs.partition_point(|p| p.start <= task.start);
    let points: Vec<Point> = paragraphs[first..]
        .iter()
        .take_while(|p| p.end <= task.end)
        .filter_map(|&span| {
            let paragraph = span.of(text);
            let title = normalise_title(lead(paragraph)?);
            Some(Point {
                title,
                text: paragraph.trim().to_string(),
                span,
                targets: targets
                    .iter()
                    .filter(|t| span.start <= t.span.start && t.span.end <= span.end)
                    .cloned()
                    .collect(),
            })
        })
        .collect();
    if points.len() >= MIN_POINTS {
        points
    } else {
        Vec::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lead_is_a_short_first_sentence_of_one_clause_with_more_after_it() {
        assert_eq!(
            lead("健全经济高质量发展体制机制。融入和服务全国统一大市场，推动制定促进市场公平竞争条例。"),
            Some("健全经济高质量发展体制机制")
        );
        assert_eq!(
            lead("全面贯彻落实中央改革决定和市委实施意见，加快推动标志性改革举措落地见效。"),
            None
        );
        assert_eq!(lead("扩大高水平对外开放。"), None, "nothing after it");
        assert_eq!(
            lead("推动简政放权、放管结合、优化服务改革向纵深发展。深入推进行政审批制度改革。"),
            Some("推动简政放权、放管结合、优化服务改革向纵深发展")
        );
        assert_eq!(
            lead("以上工作，要抓好落实。各部门要各司其职，密切配合。"),
            None
        );
        assert_eq!(
            lead("坚持以人民为中心的发展思想推动经济社会高质量发展不断取得新成效。然后是正文内容的其余部分。"),
            None,
            "too long for a lead"
        );
    }

    #[test]
    fn the_tasks_of_a_national_report_have_the_points_their_paragraphs_open_with() {
        let report =
            crate::analysis::analyze(include_str!("../../tests/fixtures/national-2016.txt"));
        let titles = |i: usize| -> Vec<&str> {
            report.commitments[i]
                .points
                .iter()
                .map(|p| p.title.as_str())
                .collect()
        };
        assert_eq!(
            titles(0),
            [
                "积极的财政政策要加大力度",
                "加快财税体制改革",
                "稳健的货币政策要灵活适度",
                "深化金融体制改革"
            ]
        );
        assert_eq!(
            titles(1),
            [
                "推动简政放权、放管结合、优化服务改革向纵深发展",
                "充分释放全社会创业创新潜能",
                "着力化解过剩产能和降本增效",
                "努力改善产品和服务供给",
                "大力推进国有企业改革",
                "更好激发非公有制经济活力"
            ]
        );
        let point = &report.commitments[0].points[0];
        assert!(point.text.starts_with("积极的财政政策要加大力度。"));
        assert!(point
            .targets
            .iter()
            .all(|t| point.span.start <= t.span.start && t.span.end <= point.span.end));
    }

    #[test]
    fn a_task_of_one_paragraph_or_one_lead_has_no_points() {
        let report = crate::analysis::analyze(include_str!(
            "../../tests/fixtures/henan-approval-bureau-2022.txt"
        ));
        assert!(report.commitments.iter().all(|c| c.points.is_empty()));
        let one = "2024年某县人民政府工作报告\n一、2023年工作回顾\n做了工作。\n二、2024年工作安排\n\
            （一）扩大有效投资\n扩大有效投资。新开工重大项目50个以上。\n继续做好各项工作，确保完成任务。\n";
        let report = crate::analysis::analyze(one);
        assert_eq!(report.commitments.len(), 1);
        assert!(
            report.commitments[0].points.is_empty(),
            "one lead may be chance"
        );
    }
}
