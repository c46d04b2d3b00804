//! The report as text, with its structure made visible: headings styled by level, the
//! plan section marked, furniture dimmed (or hidden), and the analysis' highlights
//! (figures, percentages, documents, quotes, dates, deadlines, enumeration markers)
//! coloured, with a legend. A focused commitment is marked and scrolled into view.
//!
//! Everything is drawn from the `Report`'s spans over the one text: the view never
//! parses. Each block (heading, paragraph, furniture line) is cut into runs at highlight
//! and focus edges, and each run is text in an element: user text is never HTML. A long
//! report is drawn a window of blocks at a time (`WINDOW_BLOCKS` or `WINDOW_BYTES`, more
//! on request, and always as far as the item or heading the user asked to see), and a
//! long paragraph in pieces, so that what the page draws at once is bounded however long
//! the text is. Nothing of the text is drawn before the view comes near the screen.

use yew::prelude::*;

use super::browser;
use super::kit::{use_texts, Ptr};
use crate::analysis::{HighlightKind, Report, Span};

/// How many blocks are drawn at first, and added each time the user asks for more; and
/// how far into the text, in bytes, whichever comes first.
const WINDOW_BLOCKS: usize = 400;
const WINDOW_BYTES: usize = 96 * 1024;
/// How many blocks are drawn past the one the user asked to see.
const AFTER_TARGET_BLOCKS: usize = 40;
/// The longest block drawn as one, in bytes: a longer paragraph (a text whose line breaks
/// were lost is one paragraph of megabytes) is drawn in pieces cut after a sentence, so
/// that a window of blocks is bounded in text as well as in number.
const MAX_BLOCK_BYTES: usize = 1_500;

#[derive(Properties, PartialEq)]
pub struct TextViewProps {
    pub text: Ptr<str>,
    pub report: Ptr<Report>,
    /// The commitment the user asked to see, if any, with how many times they asked (a
    /// new request scrolls to it again).
    pub focus: Option<(Span, u32)>,
    /// Where in the text a heading the user chose starts, so that it is drawn and
    /// scrolled into view, with how many times they chose one (choosing again scrolls
    /// again).
    #[prop_or_default]
    pub reveal: Option<(usize, u32)>,
}

#[derive(Clone, Copy, PartialEq)]
enum BlockKind {
    Heading(u8),
    Paragraph,
    /// A piece of a long paragraph after its first (`MAX_BLOCK_BYTES`).
    Continued,
    Furniture,
}

/// One run of text inside a block: its highlight, and whether it is in the focus.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Run {
    span: Span,
    kind: Option<HighlightKind>,
    focused: bool,
}

/// The blocks of the report in order: headings, paragraphs (long ones in pieces) and
/// furniture lines.
fn blocks(text: &str, report: &Report) -> Vec<(Span, BlockKind)> {
    let mut blocks: Vec<(Span, BlockKind)> = report
        .outline
        .iter()
        .map(|h| (h.span, BlockKind::Heading(h.level)))
        .chain(report.paragraphs.iter().flat_map(|&s| {
            pieces(text, s).enumerate().map(|(i, piece)| {
                (
                    piece,
                    if i == 0 {
                        BlockKind::Paragraph
                    } else {
                        BlockKind::Continued
                    },
                )
            })
        }))
        .chain(
            report
                .boilerplate
                .iter()
                .map(|&s| (s, BlockKind::Furniture)),
        )
        .collect();
    blocks.sort_by_key(|(span, _)| span.start);
    blocks
}

/// How many of `blocks` the first `windows` windows hold: `WINDOW_BLOCKS` blocks or
/// `WINDOW_BYTES` of text each, whichever ends first, and always at least one block.
fn in_window(blocks: &[(Span, BlockKind)], windows: usize) -> usize {
    let end = blocks.first().map_or(0, |(span, _)| span.start) + windows * WINDOW_BYTES;
    blocks
        .partition_point(|(span, _)| span.start < end)
        .min(windows * WINDOW_BLOCKS)
        .max(1)
}

/// `span` of `text` in pieces of at most `MAX_BLOCK_BYTES`, each cut after the last
/// full stop in its second half, or else at a character.
fn pieces(text: &str, span: Span) -> impl Iterator<Item = Span> + '_ {
    let mut start = span.start;
    std::iter::from_fn(move || {
        if start >= span.end {
            return None;
        }
        let mut end = (start + MAX_BLOCK_BYTES).min(span.end);
        if end < span.end {
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            let mut half = start + MAX_BLOCK_BYTES / 2;
            while !text.is_char_boundary(half) {
                half += 1;
            }
            if let Some(stop) = text[half..end].rfind('。') {
                end = half + stop + '。'.len_utf8();
            }
        }
        let piece = Span::new(start, end);
        start = end;
        Some(piece)
    })
}

/// Cuts `block` into runs at the edges of highlights and of the focus, in one pass over
/// both (highlights are sorted and never overlap), so that a block costs time in
/// proportion to its length and highlights, however long it is.
fn runs(block: Span, report: &Report, focus: Option<Span>) -> Vec<Run> {
    let highlights = &report.highlights;
    let first = highlights.partition_point(|h| h.span.end <= block.start);
    let inside: Vec<_> = highlights[first..]
        .iter()
        .take_while(|h| h.span.start < block.end)
        .collect();
    let mut edges = vec![block.start, block.end];
    for h in &inside {
        edges.extend([h.span.start.max(block.start), h.span.end.min(block.end)]);
    }
    if let Some(f) = focus {
        edges.extend(
            [f.start, f.end]
                .into_iter()
                .filter(|&e| block.start < e && e < block.end),
        );
    }
    edges.sort_unstable();
    edges.dedup();
    let mut next = 0;
    edges
        .windows(2)
        .map(|w| {
            let span = Span::new(w[0], w[1]);
            while inside.get(next).is_some_and(|h| h.span.end <= span.start) {
                next += 1;
            }
            let kind = inside
                .get(next)
                .filter(|h| h.span.start <= span.start && span.end <= h.span.end)
                .map(|h| h.kind);
            let focused = focus.is_some_and(|f| f.start <= span.start && span.end <= f.end);
            Run {
                span,
                kind,
                focused,
            }
        })
        .collect()
}

fn highlight_class(kind: HighlightKind) -> &'static str {
    match kind {
        HighlightKind::Figure => "hl-figure",
        HighlightKind::Percentage => "hl-percentage",
        HighlightKind::Document => "hl-document",
        HighlightKind::Quote => "hl-quote",
        HighlightKind::Date => "hl-date",
        HighlightKind::Time => "hl-time",
        HighlightKind::Enumeration => "hl-enumeration",
    }
}

fn render_run(text: &str, run: &Run) -> Html {
    let content = run.span.of(text).to_string();
    let inner = match run.kind {
        Some(kind) => html! { <span class={highlight_class(kind)}>{ content }</span> },
        None => html! { { content } },
    };
    if run.focused {
        html! { <mark class="focus">{ inner }</mark> }
    } else {
        inner
    }
}

#[function_component]
pub fn TextView(props: &TextViewProps) -> Html {
    let t = use_texts();
    let hide_furniture = use_state(|| false);
    let report = &props.report;
    let text: &str = &props.text;
    let plan = report.plan.as_ref().map(|p| p.span);
    let all = use_memo((props.text.clone(), report.clone()), |(text, report)| {
        blocks(text, report)
    });
    // How many windows the user has asked for.
    let windows = use_state_eq(|| 1usize);
    {
        let windows = windows.clone();
        use_effect_with(report.clone(), move |_| windows.set(1));
    }
    let target = [
        props.focus.map(|(span, _)| span.start),
        props.reveal.map(|(at, _)| at),
    ]
    .into_iter()
    .flatten()
    .map(|at| all.partition_point(|(span, _)| span.start <= at) + AFTER_TARGET_BLOCKS)
    .max()
    .unwrap_or(0);
    // The blocks are drawn once the view comes near the screen, or the user asks to see
    // a place in them: a drop of many reports shows their table first, and the text
    // below it is drawn when it is scrolled to.
    let view = use_node_ref();
    let near = use_state_eq(|| false);
    {
        let (view, near) = (view.clone(), near.clone());
        use_effect_with((), move |()| {
            let watch = match view.cast::<web_sys::Element>() {
                Some(element) => browser::when_near(&element, move || near.set(true)),
                None => {
                    near.set(true);
                    None
                }
            };
            move || drop(watch)
        });
    }
    let drawn = *near || props.focus.is_some() || props.reveal.is_some();
    let window = |n: usize| in_window(&all, n).max(target).min(all.len());
    let shown = if drawn { window(*windows) } else { 0 };
    let more = {
        let windows = windows.clone();
        let next = (*windows + 1..)
            .find(|&n| window(n) > shown || window(n) == all.len())
            .unwrap_or(*windows);
        Callback::from(move |_: MouseEvent| windows.set(next))
    };

    use_effect_with(props.focus, |focus| {
        if focus.is_some() {
            browser::scroll_to("mark.focus");
        }
    });
    use_effect_with(props.reveal, |reveal| {
        if let Some((at, _)) = reveal {
            browser::scroll_to(&format!("#at-{at}"));
        }
    });
    let focus = props.focus.map(|(span, _)| span);

    let toggle = {
        let hide_furniture = hide_furniture.clone();
        Callback::from(move |_: Event| hide_furniture.set(!*hide_furniture))
    };
    let legend = [
        ("lg-heading", t.legend_heading),
        ("lg-plan", t.legend_plan),
        ("hl-figure", t.legend_figure),
        ("hl-percentage", t.legend_percentage),
        ("hl-document", t.legend_document),
        ("hl-quote", t.legend_quote),
        ("hl-date", t.legend_date),
        ("hl-time", t.legend_time),
        ("hl-enumeration", t.legend_enumeration),
        ("lg-furniture", t.legend_furniture),
    ];
    html! {
        <section class="text-view" aria-labelledby="text-title" ref={view}>
            <div class="text-tools">
                <h2 id="text-title">{ t.report_text }</h2>
                <label class="switch">
                    <input type="checkbox" checked={*hide_furniture} onchange={toggle} />
                    { t.hide_furniture }
                </label>
            </div>
            <ul class="legend" aria-label={t.legend}>
                { for legend.iter().map(|(class, label)| html! {
                    <li><span class={classes!("swatch", *class)}>{ *label }</span></li>
                }) }
            </ul>
            <article class={classes!("report-text", hide_furniture.then_some("hide-furniture"))}>
                { for all[..shown].iter().map(|&(span, kind)| {
                    let in_plan = plan.is_some_and(|p| p.start <= span.start && span.end <= p.end);
                    let class = classes!(
                        match kind {
                            BlockKind::Heading(level) => format!("h level-{}", level.min(4)),
                            BlockKind::Paragraph => "p".to_string(),
                            BlockKind::Continued => "p cont".to_string(),
                            BlockKind::Furniture => "furniture".to_string(),
                        },
                        in_plan.then_some("in-plan"),
                    );
                    let content: Html = runs(span, report, focus).iter().map(|r| render_run(text, r)).collect();
                    let id = format!("at-{}", span.start);
                    match kind {
                        BlockKind::Heading(level) => html! {
                            <div {id} {class} role="heading" aria-level={(level + 2).min(6).to_string()}>{ content }</div>
                        },
                        _ => html! { <p {id} {class}>{ content }</p> },
                    }
                }) }
                if drawn && shown < all.len() {
                    <p class="more no-print">
                        <button type="button" onclick={more}>{ (t.show_more)(all.len() - shown) }</button>
                    </p>
                }
            </article>
        </section>
    }
}
