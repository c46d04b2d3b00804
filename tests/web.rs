#![cfg(target_arch = "wasm32")]
//! Component tests in a real headless Chromium (wasm-bindgen-test): the checklist and
//! the whole page rendered by Yew into a live DOM, clicked and typed into.

use std::rc::Rc;
use std::time::Duration;

use report_lens::analysis::analyze;
use report_lens::ui::{App, Checklist, ChecklistProps};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlTextAreaElement, InputEvent};

wasm_bindgen_test_configure!(run_in_browser);

const HENAN: &str = include_str!("fixtures/henan-approval-bureau-2022.txt");
const YONGCHENG: &str = include_str!("fixtures/yongcheng-city-2021.txt");

/// A fresh element in the page to render into.
fn container() -> Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let div = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&div).unwrap();
    div
}

/// Lets Yew's scheduler run the pending renders.
async fn settle() {
    yew::platform::time::sleep(Duration::from_millis(20)).await;
}

fn texts(root: &Element, selector: &str) -> Vec<String> {
    let nodes = root.query_selector_all(selector).unwrap();
    (0..nodes.length())
        .map(|i| nodes.get(i).unwrap().text_content().unwrap_or_default())
        .collect()
}

fn element<T: JsCast>(root: &Element, selector: &str) -> T {
    root.query_selector(selector)
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap()
}

#[wasm_bindgen_test]
async fn checklist_has_a_labelled_checkbox_per_commitment_and_counts_ticks() {
    let root = container();
    let report = Rc::new(analyze(HENAN));
    yew::Renderer::<Checklist>::with_root_and_props(root.clone(), ChecklistProps { report })
        .render();
    settle().await;

    assert_eq!(
        texts(&root, "label"),
        ["加强组织领导", "完善工作机制", "提高法制审核水平"]
    );
    assert_eq!(
        root.query_selector_all("input[type=checkbox]")
            .unwrap()
            .length(),
        3
    );
    assert_eq!(texts(&root, ".progress"), ["已完成 0 / 3"]);

    element::<HtmlElement>(&root, "li:nth-child(2) label").click();
    settle().await;
    assert_eq!(texts(&root, ".progress"), ["已完成 1 / 3"]);
    assert_eq!(texts(&root, "li.done label"), ["完善工作机制"]);
}

#[wasm_bindgen_test]
async fn pasting_a_report_shows_its_outline_and_checklist() {
    let root = container();
    yew::Renderer::<App>::with_root(root.clone()).render();
    settle().await;
    assert!(
        texts(&root, ".checklist").is_empty(),
        "nothing is shown before input"
    );

    let textarea: HtmlTextAreaElement = element(&root, "textarea");
    textarea.set_value(YONGCHENG);
    textarea
        .dispatch_event(&InputEvent::new("input").unwrap())
        .unwrap();
    settle().await;

    assert_eq!(
        texts(&root, ".checklist label"),
        [
            "健全完善重大行政决策机制",
            "加强行政执法人员管理",
            "拓展法治宣传阵地",
            "推进法治政府建设示范创建",
            "强化法治政府建设督导检查"
        ]
    );
    let outline = texts(&root, ".outline li.level-1");
    assert_eq!(
        outline,
        ["一、工作开展情况", "二、存在问题和薄弱环节", "三、下步打算"]
    );
    assert_eq!(
        texts(&root, ".report-title"),
        ["关于2021年度法治政府建设工作开展情况的报告"]
    );
}
