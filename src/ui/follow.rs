//! Following last year's commitments into this year's report, on the page.
//!
//! The user picks two loaded reports, last year's and this year's, or one of the pairs
//! the page found (the same body, the later reviewing the year the earlier planned:
//! `crate::workspace::follow_pairs`). A worker matches them (`crate::followup`); the page
//! says where it looked in this year's report and shows each commitment of last year
//! with the passages of this year's review that most likely report on it, each with its
//! strength in words and the words it shares marked, and a verdict (reported, partly, not found)
//! that starts as the suggested one and that the user confirms or changes, with a note.
//! What the user says (`followup::judged`) and the pair chosen are the desk's
//! (`Action::Judge`, `Action::Follow`): the page keeps them in the browser for that pair
//! of reports, merged with what another tab keeps for it (`keeping`), and the view says
//! when a verdict or note could not be kept.

use std::collections::HashMap;
use std::rc::Rc;

use web_sys::{HtmlSelectElement, HtmlTextAreaElement};
use yew::platform::spawn_local;
use yew::prelude::*;

use super::kit::{chosen_index, use_texts};
use super::{browser, worker};
use crate::analysis::Span;
use crate::desk::{verdicts_key, Pair, SaveError};
use crate::export::{self, Form};
use crate::followup::judged::{target_key, Judgement, Judgements};
use crate::followup::sheet::{self, Sheet};
use crate::followup::targets::TargetVerdict;
use crate::followup::{FollowUp, Strength, Verdict};
use crate::i18n::{Lang, Texts};
use crate::views::{followed_pair, Followable};
use crate::worker::protocol::{Followed, Matched};

/// A report as a follow-up request names it: by where its text is kept.
fn followed(report: &Followable) -> Followed {
    Followed {
        key: report.key.clone(),
        id: report.id.clone(),
        text: None,
        corrections: report.corrections.clone(),
    }
}

/// Takes what the user said of a task or target: the pair's key (`verdicts_key`), the
/// task's or target's id, and the judgement.
pub type OnJudge = Callback<(String, String, Judgement)>;

#[derive(Properties, PartialEq)]
pub struct FollowViewProps {
    pub reports: Rc<Vec<Followable>>,
    /// The pairs `(last, this)` found among them.
    pub pairs: Rc<Vec<(usize, usize)>>,
    /// The two reports the user chose, by id; until they choose, the first pair found
    /// (`views::followed_pair`).
    pub followed: Option<Pair>,
    /// The texts of the two reports followed, for a worker that does not find them kept.
    pub texts: Option<Rc<(String, String)>>,
    pub on_follow: Callback<Pair>,
    /// The judgements of the follow-ups shown so far, by `verdicts_key`.
    pub verdicts: Rc<HashMap<String, Judgements>>,
    /// Asks for the judgements kept under a key not in `verdicts` yet.
    pub on_load_verdicts: Callback<String>,
    /// Why the last save of judgements failed, if it did.
    pub save_failure: Option<SaveError>,
    /// What the user said of a task or target: the pair's key, its id, the judgement.
    pub on_judge: OnJudge,
}

/// The verdicts a user can give, in the order the page offers them.
const VERDICTS: [Verdict; 3] = [Verdict::Reported, Verdict::Partly, Verdict::NotFound];

/// The class that colours a commitment by its verdict (style.css).
fn verdict_class(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Reported => "verdict-reported",
        Verdict::Partly => "verdict-partly",
        Verdict::NotFound => "verdict-notfound",
    }
}

/// The class that colours a passage's strength (style.css).
fn strength_class(strength: Strength) -> &'static str {
    match strength {
        Strength::Strong => "strength-strong",
        Strength::Medium => "strength-medium",
        Strength::Weak => "strength-weak",
    }
}

/// A passage's text with the words it shares with the commitment marked (as text
/// nodes: the report's text is never read as HTML). Runs that do not fall on the
/// text's characters are left unmarked.
fn highlighted(text: &str, words: &[Span]) -> Html {
    let mut at = 0;
    let mut pieces = Vec::new();
    for word in words {
        let (Some(before), Some(marked)) =
            (text.get(at..word.start), text.get(word.start..word.end))
        else {
            continue;
        };
        pieces.push(html! { { before } });
        pieces.push(html! { <mark>{ marked }</mark> });
        at = word.end;
    }
    pieces.push(html! { { text.get(at..).unwrap_or_default() } });
    pieces.into_iter().collect()
}

/// Downloads of the follow-up as Markdown and CSV (the sheet made by `make_sheet` when
/// asked, written in a worker, whose code is not part of the page), and print.
fn export_bar(
    t: &'static Texts,
    lang: Lang,
    status: &UseStateHandle<Option<&'static str>>,
    make_sheet: Rc<dyn Fn() -> Sheet>,
) -> Html {
    let download = |form: Form, extension: &'static str, mime: &'static str| {
        let (make_sheet, status) = (make_sheet.clone(), status.clone());
        Callback::from(move |_: MouseEvent| {
            let sheet = make_sheet();
            let name = export::followup::file_name(&sheet, extension);
            let status = status.clone();
            spawn_local(async move {
                match worker::write_follow_up(sheet, form, lang).await {
                    Some(text) => {
                        status.set(None);
                        browser::download(&name, mime, &text);
                    }
                    None => status.set(Some(t.export_failed)),
                }
            });
        })
    };
    html! {
        <div class="export-bar no-print">
            <div class="buttons" role="group" aria-label={t.export}>
                <button type="button" onclick={download(Form::Markdown, "md", "text/markdown;charset=utf-8")}>{ t.export_markdown }</button>
                <button type="button" onclick={download(Form::Csv, "csv", "text/csv;charset=utf-8")}>{ t.export_csv }</button>
                <button type="button" onclick={Callback::from(|_: MouseEvent| browser::print())}>{ t.print }</button>
            </div>
            if let Some(said) = **status {
                <p class="notices" role="alert">{ said }</p>
            }
        </div>
    }
}

/// Where the matching stands for the chosen pair (by the reports' ids).
#[derive(Clone)]
enum Matching {
    Working,
    Done(Rc<Matched>),
    Failed,
}

#[function_component]
pub fn FollowView(props: &FollowViewProps) -> Html {
    let t = use_texts();
    let report_ids: Vec<&str> = props.reports.iter().map(|r| r.id.as_str()).collect();
    let (last, this) = followed_pair(&report_ids, &props.pairs, &props.followed);
    let pair = last.zip(this);
    let ids = pair.map(|(l, r)| (props.reports[l].id.clone(), props.reports[r].id.clone()));
    let matching = use_state(|| None::<((String, String), Matching)>);
    // The pair asked for last: a matching that ends after another was asked for is dropped.
    let asked = use_mut_ref(|| None::<(String, String)>);
    let key = ids.as_ref().map(|(l, r)| verdicts_key(l, r));
    let verdicts = key.as_ref().and_then(|key| props.verdicts.get(key));
    let lang = use_context::<Lang>().unwrap_or_default();
    // What became of the last export, when it did not download.
    let export_status = use_state(|| None::<&'static str>);
    {
        let (on_load, missing) = (props.on_load_verdicts.clone(), verdicts.is_none());
        use_effect_with(key.clone(), move |key| {
            if let Some(key) = key.clone().filter(|_| missing) {
                on_load.emit(key);
            }
        });
    }
    {
        let (matching, reports, texts) =
            (matching.clone(), props.reports.clone(), props.texts.clone());
        let corrections = pair.map(|(l, r)| {
            let of = |i: usize| props.reports[i].corrections.clone();
            (of(l), of(r))
        });
        use_effect_with((ids.clone(), corrections), move |(ids, _)| {
            *asked.borrow_mut() = ids.clone();
            if let (Some(ids), Some((l, r))) = (ids.clone(), pair.filter(|(l, r)| l != r)) {
                matching.set(Some((ids.clone(), Matching::Working)));
                let texts = texts.map(|texts| (*texts).clone());
                let (last, this) = (followed(&reports[l]), followed(&reports[r]));
                spawn_local(async move {
                    let done = match worker::follow(last, this, texts).await {
                        Some(followed) => Matching::Done(Rc::new(followed)),
                        None => Matching::Failed,
                    };
                    if asked.borrow().as_ref() == Some(&ids) {
                        matching.set(Some((ids, done)));
                    }
                });
            }
        });
    }

    let choose = |which: usize| {
        let on_follow = props.on_follow.clone();
        let ids: Vec<String> = props.reports.iter().map(|r| r.id.clone()).collect();
        let now = (last.map(|i| ids[i].clone()), this.map(|i| ids[i].clone()));
        Callback::from(move |e: Event| {
            let picked = chosen_index(&e).and_then(|i| ids.get(i).cloned());
            let mut next = now.clone();
            if which == 0 {
                next.0 = picked;
            } else {
                next.1 = picked;
            }
            on_follow.emit(next);
        })
    };
    let select = |which: usize, label: &'static str, at: Option<usize>| {
        html! {
            <label>{ label }
                <select onchange={choose(which)}>
                    <option selected={at.is_none()}>{ t.choose_report }</option>
                    { for props.reports.iter().enumerate().map(|(i, r)| html! {
                        <option selected={at == Some(i)}>{ &r.name }</option>
                    }) }
                </select>
            </label>
        }
    };
    let on_pair = |(l, r): (usize, usize)| {
        let on_follow = props.on_follow.clone();
        let picked = (
            Some(props.reports[l].id.clone()),
            Some(props.reports[r].id.clone()),
        );
        Callback::from(move |_: MouseEvent| on_follow.emit(picked.clone()))
    };

    let body = match (&pair, &*matching) {
        (None, _) => html! { <p class="empty">{ t.follow_choose }</p> },
        (Some((l, r)), _) if l == r => html! { <p class="empty">{ t.follow_same }</p> },
        (Some((l, r)), Some((of, Matching::Done(matched)))) if Some(of) == ids.as_ref() => results(
            (t, lang),
            (&props.reports[*l].name, &props.reports[*r].name),
            matched,
            (verdicts.cloned().unwrap_or_default(), props.save_failure),
            key.clone().map(|key| (key, props.on_judge.clone())),
            &export_status,
        ),
        (Some(_), Some((of, Matching::Failed))) if Some(of) == ids.as_ref() => {
            html! { <p class="notices" role="alert">{ t.follow_failed }</p> }
        }
        (Some(_), _) => html! { <p class="working" role="status">{ t.follow_working }</p> },
    };

    html! {
        <section class="follow" aria-labelledby="follow-title">
            <h2 id="follow-title">{ t.follow_title }</h2>
            <p class="lead">{ t.follow_lead }</p>
            if !props.pairs.is_empty() {
                <div class="pairs no-print" role="group" aria-label={t.follow_found}>
                    <span>{ t.follow_found }{ t.colon }</span>
                    { for props.pairs.iter().map(|&(l, r)| html! {
                        <button type="button" aria-pressed={(pair == Some((l, r))).to_string()} onclick={on_pair((l, r))}>
                            { format!("{} → {}", props.reports[l].name, props.reports[r].name) }
                        </button>
                    }) }
                </div>
            }
            <div class="table-filters no-print">
                { select(0, t.follow_last, last) }
                { select(1, t.follow_this, this) }
            </div>
            { body }
        </section>
    }
}

/// The verdicts a user can give a target, in the order the page offers them.
const TARGET_VERDICTS: [TargetVerdict; 3] = [
    TargetVerdict::Met,
    TargetVerdict::NotMet,
    TargetVerdict::NotReported,
];

/// Last year's targets with the next year's results and whether each was met, as a
/// table above the tasks (none when last year's report sets no targets); the user
/// confirms or changes each verdict (`judge`), kept like the tasks'.
fn targets_table(
    t: &'static Texts,
    followed: &FollowUp,
    verdicts: &Judgements,
    judge: &dyn Fn(String, JudgementChange) -> Callback<Event>,
) -> Html {
    if followed.indicators.is_empty() {
        return html! {};
    }
    let class = |v: TargetVerdict| match v {
        TargetVerdict::Met => "target-met",
        TargetVerdict::NotMet => "target-not-met",
        TargetVerdict::NotReported => "target-not-reported",
    };
    html! {
        <section class="follow-targets" aria-labelledby="follow-targets-title">
            <h3 id="follow-targets-title">{ t.targets_title }</h3>
            <div class="table-scroll">
                <table>
                    <thead>
                        <tr>{ for t.targets_columns.iter().map(|c| html! { <th scope="col">{ *c }</th> }) }</tr>
                    </thead>
                    <tbody>
                        { for followed.indicators.iter().map(|i| {
                            let key = target_key(&i.target.name);
                            let given = verdicts.get(&key).and_then(|j| j.target).unwrap_or(i.verdict);
                            let on_change = judge(key, Rc::new(|judged, e| {
                                if let Some(v) = picked(&TARGET_VERDICTS, e) {
                                    judged.target = Some(v);
                                }
                            }));
                            html! {
                                <tr class={class(given)}>
                                    <th scope="row">{ &i.target.text }</th>
                                    <td data-label={format!("{}{}", t.targets_columns[1], t.colon)}>
                                        { i.result.as_ref().map_or("—", |r| r.text.as_str()) }
                                    </td>
                                    <td>
                                        { choice(&TARGET_VERDICTS, given, |v| t.target_verdict(v),
                                            format!("{}{}{}", t.targets_columns[2], t.colon, i.target.text), on_change) }
                                        if given != i.verdict {
                                            <span class="suggested">{ (t.verdict_suggested)(t.target_verdict(i.verdict)) }</span>
                                        }
                                    </td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
            </div>
        </section>
    }
}

/// The option of `options` the change `e` of their `<select>` picked.
fn picked<T: Copy>(options: &[T], e: &Event) -> Option<T> {
    let index = e
        .target_unchecked_into::<HtmlSelectElement>()
        .selected_index();
    usize::try_from(index)
        .ok()
        .and_then(|i| options.get(i))
        .copied()
}

/// A `<select>` named `label` of `options` in words (`word`), `shown` selected.
fn choice<T: Copy + PartialEq>(
    options: &[T],
    shown: T,
    word: impl Fn(T) -> &'static str,
    label: String,
    onchange: Callback<Event>,
) -> Html {
    html! {
        <select {onchange} aria-label={label}>
            { for options.iter().map(|&v| html! { <option selected={v == shown}>{ word(v) }</option> }) }
        </select>
    }
}

/// A change the user makes to what they said of a task, from the event that makes it.
type JudgementChange = Rc<dyn Fn(&mut Judgement, &Event)>;

/// Each commitment of last year's report with its verdict and passages, and the counts.
fn results(
    (t, lang): (&'static Texts, Lang),
    names: (&str, &str),
    matched: &Rc<Matched>,
    (verdicts, save_failure): (Judgements, Option<SaveError>),
    judged: Option<(String, OnJudge)>,
    status: &UseStateHandle<Option<&'static str>>,
) -> Html {
    let (last, this, followed) = (&matched.last, &matched.this, &matched.follow_up);
    // The follow-up as a document, made only when it is exported.
    let make_sheet: Rc<dyn Fn() -> Sheet> = {
        let names = (names.0.to_string(), names.1.to_string());
        let (matched, verdicts) = (matched.clone(), verdicts.clone());
        Rc::new(move || {
            sheet::sheet(
                t,
                (&names.0, &names.1),
                (&matched.last, &matched.this),
                &matched.follow_up,
                &verdicts,
            )
        })
    };
    let given = |index: usize, suggested: Verdict| {
        last.commitments
            .get(index)
            .and_then(|c| verdicts.get(&c.id))
            .and_then(|j| j.verdict)
            .unwrap_or(suggested)
    };
    // Changes what the user said of the task (or target) `id` as `change` says.
    let judge = |id: String, change: JudgementChange| {
        let (judged, verdicts) = (judged.clone(), verdicts.clone());
        Callback::from(move |e: Event| {
            let Some((key, on_judge)) = &judged else {
                return;
            };
            let mut judgement = verdicts.get(&id).cloned().unwrap_or_default();
            change(&mut judgement, &e);
            on_judge.emit((key.clone(), id.clone(), judgement));
        })
    };
    let mut counts = [0; 3];
    for item in &followed.items {
        let verdict = given(item.commitment, item.verdict);
        counts[VERDICTS.iter().position(|v| *v == verdict).unwrap_or(2)] += 1;
    }
    html! {
        <>
            <p class="follow-summary" role="status">{ (t.follow_summary)(counts[0], counts[1], counts[2]) }</p>
            if let Some(failure) = save_failure {
                <p class="notices save-failed" role="alert">
                    { if failure == SaveError::Full { t.verdict_save_failed_full } else { t.verdict_save_failed_unavailable } }
                </p>
            }
            <p class={classes!("review-searched", followed.review.is_none().then_some("notices"))}>
                { sheet::searched(t, this, followed) }
            </p>
            { export_bar(t, lang, status, make_sheet) }
            { targets_table(t, followed, &verdicts, &judge) }
            <ol class="followed">
                { for followed.items.iter().map(|item| {
                    let Some(commitment) = last.commitments.get(item.commitment) else {
                        return html! {};
                    };
                    let verdict = given(item.commitment, item.verdict);
                    let on_verdict = judge(commitment.id.clone(), Rc::new(|judged, e| {
                        if let Some(v) = picked(&VERDICTS, e) {
                            judged.verdict = Some(v);
                        }
                    }));
                    let on_note = judge(commitment.id.clone(), Rc::new(|judged, e| {
                        judged.note = e.target_unchecked_into::<HtmlTextAreaElement>().value();
                    }));
                    let note = verdicts.get(&commitment.id).map(|j| j.note.clone()).unwrap_or_default();
                    html! {
                        <li class={classes!("followed-item", verdict_class(verdict))}>
                            <h3>{ &commitment.title }</h3>
                            <details class="commitment">
                                <summary>{ t.follow_commitment }</summary>
                                <p>{ &commitment.text }</p>
                            </details>
                            <label class="verdict">{ t.verdict_label }
                                { choice(&VERDICTS, verdict, |v| t.verdict(v),
                                    format!("{}{}{}", t.verdict_label, t.colon, commitment.title), on_verdict) }
                            </label>
                            if verdict != item.verdict {
                                <span class="suggested">{ (t.verdict_suggested)(t.verdict(item.verdict)) }</span>
                            }
                            <label class={classes!("follow-note", note.trim().is_empty().then_some("empty"))}>{ t.note }
                                <textarea rows="1" value={note.clone()} oninput={on_note.reform(|e: InputEvent| Event::from(e))}
                                    aria-label={format!("{}{}{}", t.note, t.colon, commitment.title)} />
                                <p class="print-only">{ note }</p>
                            </label>
                            if item.matches.is_empty() {
                                <p class="empty">{ t.follow_no_passage }</p>
                            } else {
                                <ol class="passages">
                                    { for item.matches.iter().filter_map(|m| {
                                        let passage = followed.passages.get(m.passage)?;
                                        Some(html! {
                                            <li>
                                                <span class={classes!("strength", strength_class(m.strength))}>
                                                    { format!("{}{}{}", t.strength_label, t.colon, t.strength(m.strength)) }
                                                </span>
                                                if m.states_result {
                                                    <span class="result">{ t.states_result }</span>
                                                }
                                                <p>{ highlighted(&passage.text, &m.words) }</p>
                                            </li>
                                        })
                                    }) }
                                </ol>
                            }
                        </li>
                    }
                }) }
            </ol>
        </>
    }
}
