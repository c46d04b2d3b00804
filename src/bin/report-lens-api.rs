//! The JavaScript API: an ES module, `report-lens-api.js` (with `report-lens-api_bg.wasm`)
//! in dist/ beside the page, for other pages to call the same readers, analysis and
//! checklist exports as the page, with nothing leaving the browser. Trunk builds it with
//! wasm-bindgen's `web` target (index.html); the page itself never loads it. Values cross
//! as plain JavaScript objects (serde-wasm-bindgen), shaped like the command line's JSON;
//! README documents each function, and examples/api.html calls them.

#[cfg(target_arch = "wasm32")]
mod api {
    use js_sys::{ArrayBuffer, Uint8Array};
    use serde::Serialize;
    use wasm_bindgen::prelude::*;

    use report_lens::analysis;
    use report_lens::checklist::Checklist;
    use report_lens::export;
    use report_lens::i18n::Lang;
    use report_lens::ingest;

    /// Plain objects for maps and `null` for absent values, as JSON would have them.
    fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
        let serializer = serde_wasm_bindgen::Serializer::json_compatible();
        value.serialize(&serializer).map_err(JsError::from)
    }

    /// The analysis of a report's text: its metadata, outline, parts, plan and
    /// commitments. Spans are UTF-8 byte ranges of `text`.
    #[wasm_bindgen]
    pub fn analyze(text: &str) -> Result<JsValue, JsError> {
        to_js(&analysis::analyze(text))
    }

    /// The text of a file's bytes (a `Uint8Array` or an `ArrayBuffer`): `{ text, format,
    /// encoding }`, with `format` one of `Text`, `Html`, `Mht`, `Docx`, `Pdf`. Throws an
    /// `Error` saying why a file cannot be read (a scanned PDF, a legacy `.doc`, …).
    #[wasm_bindgen]
    pub fn read(
        bytes: JsValue,
        #[wasm_bindgen(js_name = fileName)] file_name: &str,
    ) -> Result<JsValue, JsError> {
        let bytes = if let Some(buffer) = bytes.dyn_ref::<ArrayBuffer>() {
            Uint8Array::new(buffer)
        } else if let Some(array) = bytes.dyn_ref::<Uint8Array>() {
            array.clone()
        } else {
            return Err(JsError::new(
                "read(bytes, fileName): bytes must be a Uint8Array or an ArrayBuffer",
            ));
        };
        let ingested =
            ingest::read(file_name, &bytes.to_vec()).map_err(|e| JsError::new(&e.to_string()))?;
        to_js(&ingested)
    }

    /// The checklist of a report's text: one item per commitment of its plan, as the page
    /// starts it.
    #[wasm_bindgen]
    pub fn checklist(text: &str) -> Result<JsValue, JsError> {
        to_js(&Checklist::from_report(&analysis::analyze(text)))
    }

    /// A checklist object (from `checklist`, possibly changed) back in Rust, within the
    /// bounds the page applies to anything from outside.
    fn from_js(list: JsValue) -> Result<Checklist, JsError> {
        let list: Checklist = serde_wasm_bindgen::from_value(list)?;
        Ok(list.bounded())
    }

    /// The language of an export's words: `"zh"` (the default) or `"en"`.
    fn lang(code: Option<String>) -> Result<Lang, JsError> {
        match code.as_deref() {
            None | Some("zh") => Ok(Lang::Zh),
            Some("en") => Ok(Lang::En),
            Some(other) => Err(JsError::new(&format!(
                "unknown language {other:?}: use \"zh\" or \"en\""
            ))),
        }
    }

    /// The checklist as Markdown, as the page's Markdown export writes it.
    #[wasm_bindgen]
    pub fn markdown(list: JsValue, lang_code: Option<String>) -> Result<String, JsError> {
        Ok(export::markdown(&from_js(list)?, lang(lang_code)?.texts()))
    }

    /// The checklist as CSV for Excel (UTF-8 with a byte-order mark, formulas neutralised).
    #[wasm_bindgen]
    pub fn csv(list: JsValue, lang_code: Option<String>) -> Result<String, JsError> {
        Ok(export::csv(&from_js(list)?, lang(lang_code)?.texts()))
    }

    /// The checklist as the JSON the page exports and imports.
    #[wasm_bindgen]
    pub fn json(list: JsValue) -> Result<String, JsError> {
        Ok(export::json(&from_js(list)?))
    }

    /// This build's version of report-lens.
    #[wasm_bindgen]
    pub fn version() -> String {
        env!("CARGO_PKG_VERSION").to_string()
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    eprintln!("report-lens-api is a JavaScript module for the browser (README: JavaScript API); on the command line use `report-lens analyze FILE`");
    std::process::ExitCode::from(2)
}
