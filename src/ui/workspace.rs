//! The workspace table: every loaded report on one row, to compare, sort, filter, open,
//! remove and export as CSV (as shown; written in a worker). The publication-deadline
//! column shows only when a rule-of-law report is loaded, and a report without a title
//! is called by its file name.
//!
//! The rows come from `crate::workspace` (what each report's row says, and how rows sort
//! and filter); this component keeps the user's choice of sort and filter and draws the
//! table. Text columns sort with the browser's collator for Chinese by pinyin
//! (`Intl.Collator("zh-CN-u-co-pinyin")`), as a person would look a name up.

use std::cmp::Ordering;
use std::rc::Rc;

use js_sys::{Array, Function, Intl::Collator, Object};
use wasm_bindgen::JsValue;
use web_sys::HtmlInputElement;
use yew::platform::spawn_local;
use yew::prelude::*;

use super::kit::{chosen_index, use_texts};
use super::{browser, worker};
use crate::analysis::Genre;
use crate::i18n::{Lang, Texts};
use crate::workspace::{Column, Filter, Row};

#[derive(Properties, PartialEq)]
pub struct WorkspaceTableProps {
    /// One row per loaded document, in the order of the documents.
    pub rows: Rc<Vec<Row>>,
    /// The index of the document on screen.
    pub current: usize,
    pub on_open: Callback<usize>,
    pub on_remove: Callback<usize>,
}

thread_local! {
    /// The compare function of the browser's collator for Chinese by pinyin. Making one
    /// costs more than sorting a whole table with it (the browser loads its collation
    /// data), so it is made once, when the page has loaded (`prepare_collator`).
    static PINYIN: Function = {
        let locales = Array::of1(&JsValue::from_str("zh-CN-u-co-pinyin"));
        Collator::new(&locales, &Object::new()).compare()
    };
}

/// Makes the collator ahead of the first table.
pub fn prepare_collator() {
    PINYIN.with(|_| ());
}

/// Compares text by pinyin, with the browser's collator; by code point where the browser
/// has none.
pub fn pinyin_order() -> impl Fn(&str, &str) -> Ordering {
    let compare = PINYIN.with(Function::clone);
    move |a: &str, b: &str| {
        compare
            .call2(&JsValue::NULL, &JsValue::from_str(a), &JsValue::from_str(b))
            .ok()
            .and_then(|order| order.as_f64())
            .map_or_else(
                || a.cmp(b),
                |order| order.partial_cmp(&0.0).unwrap_or(Ordering::Equal),
            )
    }
}

/// The table's columns: what sorts by each, and its heading.
fn columns(t: &Texts) -> [(Column, &'static str); 9] {
    [
        (Column::Title, t.col_title),
        (Column::Issuer, t.issuer),
        (Column::Genre, t.genre),
        (Column::Year, t.col_years),
        (Column::Date, t.col_date),
        (Column::Items, t.col_items),
        (Column::Vague, t.col_vague),
        (Column::Missing, t.col_missing),
        (Column::OnTime, t.col_on_time),
    ]
}

#[function_component]
pub fn WorkspaceTable(props: &WorkspaceTableProps) -> Html {
    let t = use_texts();
    // The column sorted by and whether ascending; `None`: the order of loading.
    let sort = use_state(|| None::<(Column, bool)>);
    let filter = use_state(Filter::default);
    let order = use_memo((), |()| pinyin_order());

    // The genres among the loaded reports, for the filter's choices.
    let mut genres: Vec<Genre> = Vec::new();
    for row in props.rows.iter() {
        if !genres.contains(&row.genre) {
            genres.push(row.genre);
        }
    }
    // The publication deadline of 1 April applies to rule-of-law reports only: its
    // column shows when one is loaded.
    let rule_of_law = genres.contains(&Genre::RuleOfLaw);
    let mut shown: Vec<(usize, &Row)> = props
        .rows
        .iter()
        .enumerate()
        .filter(|(_, row)| filter.keeps(row))
        .collect();
    if let Some((column, ascending)) = *sort {
        shown.sort_by(|(_, a), (_, b)| column.compare(a, b, ascending, &*order));
    }

    let on_words = {
        let filter = filter.clone();
        Callback::from(move |e: InputEvent| {
            let words = e.target_unchecked_into::<HtmlInputElement>().value();
            filter.set(Filter {
                words,
                ..(*filter).clone()
            });
        })
    };
    let on_genre = {
        let filter = filter.clone();
        let genres = genres.clone();
        Callback::from(move |e: Event| {
            let genre = chosen_index(&e).and_then(|i| genres.get(i).copied());
            filter.set(Filter {
                genre,
                ..(*filter).clone()
            });
        })
    };
    let on_missing = {
        let filter = filter.clone();
        Callback::from(move |e: Event| {
            let missing_only = e.target_unchecked_into::<HtmlInputElement>().checked();
            filter.set(Filter {
                missing_only,
                ..(*filter).clone()
            });
        })
    };
    // The table as shown (filtered and sorted) as CSV, written in a worker.
    let export_failed = use_state(|| None::<&'static str>);
    let export_csv = {
        let (all, order): (Rc<Vec<Row>>, Vec<usize>) =
            (props.rows.clone(), shown.iter().map(|(i, _)| *i).collect());
        let export_failed = export_failed.clone();
        let lang = use_context::<Lang>().unwrap_or_default();
        Callback::from(move |_: MouseEvent| {
            let rows: Vec<Row> = order.iter().map(|&i| all[i].clone()).collect();
            let export_failed = export_failed.clone();
            spawn_local(async move {
                match worker::write_table(rows, lang).await {
                    Some(text) => browser::download(
                        &format!("{}.csv", t.workspace_file),
                        "text/csv;charset=utf-8",
                        &text,
                    ),
                    None => export_failed.set(Some(t.export_failed)),
                }
            });
        })
    };
    let heading = |(column, label): (Column, &'static str)| {
        let state = match *sort {
            Some((c, true)) if c == column => "ascending",
            Some((c, false)) if c == column => "descending",
            _ => "none",
        };
        let sort = sort.clone();
        // A first click sorts ascending, the next descending.
        let onclick = Callback::from(move |_: MouseEvent| {
            let ascending = !matches!(*sort, Some((c, true)) if c == column);
            sort.set(Some((column, ascending)));
        });
        let arrow = match state {
            "ascending" => " ▲",
            "descending" => " ▼",
            _ => "",
        };
        html! {
            <th scope="col" aria-sort={state}>
                <button type="button" class="sort" {onclick}>
                    { label }<span aria-hidden="true">{ arrow }</span>
                </button>
            </th>
        }
    };

    html! {
        <section class="report-table no-print" aria-labelledby="report-table-title">
            <h2 id="report-table-title">{ (t.workspace)(props.rows.len()) }</h2>
            <div class="table-filters">
                <label>{ t.filter_words }
                    <input type="search" placeholder={t.filter_placeholder} value={filter.words.clone()} oninput={on_words} />
                </label>
                <label>{ t.genre }
                    <select onchange={on_genre}>
                        <option selected={filter.genre.is_none()}>{ t.all_genres }</option>
                        { for genres.iter().map(|g| html! {
                            <option selected={filter.genre == Some(*g)}>{ (t.genre_name)(*g) }</option>
                        }) }
                    </select>
                </label>
                <label class="check">
                    <input type="checkbox" checked={filter.missing_only} onchange={on_missing} />
                    { t.missing_only }
                </label>
                <span class="shown" role="status">{ (t.shown_of)(shown.len(), props.rows.len()) }</span>
                <button type="button" onclick={export_csv}>{ t.export_csv }</button>
            </div>
            if let Some(said) = *export_failed {
                <p class="notices" role="alert">{ said }</p>
            }
            <div class="table-scroll">
                <table>
                    <thead>
                        <tr>
                            { for columns(t).into_iter().filter(|(c, _)| *c != Column::OnTime || rule_of_law).map(heading) }
                            <th scope="col"><span class="visually-hidden">{ t.remove_report }</span></th>
                        </tr>
                    </thead>
                    <tbody>
                        { for shown.iter().map(|(index, row)| row_html(t, *index, row, rule_of_law, props)) }
                    </tbody>
                </table>
            </div>
        </section>
    }
}

fn row_html(
    t: &'static Texts,
    index: usize,
    row: &Row,
    rule_of_law: bool,
    props: &WorkspaceTableProps,
) -> Html {
    // A report without a title is called by its file (or pasted text's) name.
    let title = row.title.clone().unwrap_or_else(|| row.name.clone());
    let open = props.on_open.reform(move |_: MouseEvent| index);
    let remove = props.on_remove.reform(move |_: MouseEvent| index);
    let year = |y: Option<u32>| y.map_or_else(|| t.unknown.to_string(), |y| y.to_string());
    let missing: Vec<&str> = row.missing.iter().map(|part| (t.part)(*part)).collect();
    html! {
        <tr class={classes!((index == props.current).then_some("current"))}
            aria-current={(index == props.current).then_some("true")}>
            <th scope="row">
                <button type="button" class="open" onclick={open}>{ title }</button>
                <span class="file">{ &row.name }</span>
            </th>
            <td>{ row.issuer.clone().unwrap_or_else(|| t.unknown.to_string()) }</td>
            <td>{ (t.genre_name)(row.genre) }</td>
            <td class="number">{ format!("{} → {}", year(row.report_year), year(row.plan_year)) }</td>
            <td class="number">{ row.date.clone().unwrap_or_else(|| t.unknown.to_string()) }</td>
            <td class="number">{ row.items }</td>
            <td class="number">{ row.vague_percent().map_or_else(|| t.unknown.to_string(), |p| format!("{} ({p}%)", row.vague)) }</td>
            <td class={classes!((!missing.is_empty()).then_some("missing"))}>
                { if missing.is_empty() { t.unknown.to_string() } else { missing.join("、") } }
            </td>
            if rule_of_law {
                <td>{ match row.on_time { Some(true) => t.on_time, Some(false) => t.late, None => t.unknown } }</td>
            }
            <td>
                <button type="button" class="remove" aria-label={format!("{}{}{}", t.remove_report, t.colon, row.name)}
                    onclick={remove}>{ t.remove_report }</button>
            </td>
        </tr>
    }
}
