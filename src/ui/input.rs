//! Getting a report in: the paste box and the file picker. (Dropping files anywhere on
//! the page is handled by the page itself, in `ui`.)

use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct InputPanelProps {
    /// What the paste box holds.
    pub draft: AttrValue,
    pub on_paste: Callback<String>,
    pub on_files: Callback<Vec<web_sys::File>>,
    pub on_sample: Callback<()>,
}

#[function_component]
pub fn InputPanel(props: &InputPanelProps) -> Html {
    let on_input = props
        .on_paste
        .reform(|e: InputEvent| e.target_unchecked_into::<HtmlTextAreaElement>().value());
    let on_files = props.on_files.clone();
    let on_change = Callback::from(move |e: Event| {
        let input: HtmlInputElement = e.target_unchecked_into();
        on_files.emit(super::files::from_list(input.files()));
        // Let the same file be picked again after it changed on disk.
        input.set_value("");
    });
    let on_sample = props.on_sample.reform(|_: MouseEvent| ());
    html! {
        <section class="input-panel">
            <p class="lead">
                { "粘贴或拖入一份政府年度报告，即可看到它的结构和下一年度的工作清单。所有内容只在本机浏览器中处理，不会上传。" }
            </p>
            <div class="pickers">
                <label class="file-picker">
                    <input class="visually-hidden" type="file" accept=".txt,.text,.md,text/plain" multiple=true onchange={on_change} />
                    <strong>{ "选择文件" }</strong>
                    <span>{ ".txt 文本，可多选；也可以把文件拖到页面任意位置" }</span>
                </label>
                <button type="button" class="sample" onclick={on_sample}>{ "试用示例报告" }</button>
            </div>
            <label class="paste" for="paste-box">{ "粘贴报告全文" }</label>
            <textarea id="paste-box" rows="6" value={props.draft.clone()} oninput={on_input}
                placeholder="在此粘贴报告全文……" />
        </section>
    }
}
