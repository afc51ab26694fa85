//! What `hui serve` adds to served HTML: the reload script and, after a
//! failed build, an overlay with the build's errors. Nothing here is ever
//! part of a built site.

/// Where pages listen for "reload": the server's event stream.
pub const EVENTS_PATH: &str = "/__hui/events";

/// Where pages get the reload script and the overlay's styles: files, not
/// inline, so that the pages' Content-Security-Policy allows them.
pub const SCRIPT_PATH: &str = "/__hui/live.js";
pub const STYLE_PATH: &str = "/__hui/overlay.css";

/// Reloads the page when the server says the site was rebuilt. EventSource
/// reconnects by itself when the server restarts.
pub fn reload_script() -> String {
    format!("(function(){{var s=new EventSource(\"{EVENTS_PATH}\");s.onmessage=function(){{location.reload()}};}})();\n")
}

/// The overlay's styles.
pub const OVERLAY_CSS: &str = "#hui-errors{position:fixed;inset:0;z-index:2147483647;overflow:auto;padding:24px;background:#14181c;color:#f6f7f8;text-align:left;font:14px/1.55 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}\n\
#hui-errors .hui-title{margin:0 0 4px;color:#ff8a80;font:700 18px/1.4 system-ui,sans-serif}\n\
#hui-errors .hui-note{margin:0 0 16px;font:14px/1.5 system-ui,sans-serif;color:#cfd6dc}\n\
#hui-errors pre{margin:0;padding:16px;border:1px solid #3a4148;border-radius:8px;background:#0b0e11;color:#f6f7f8;font:13px/1.55 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;white-space:pre-wrap;overflow-wrap:anywhere}\n";

/// The errors as a panel over the page, as the CLI prints them.
fn overlay(errors: &str) -> String {
    format!(
        "<link rel=\"stylesheet\" href=\"{STYLE_PATH}\"><div id=\"hui-errors\" role=\"alert\">\
<p class=\"hui-title\">hui: the build failed — this page is the last good build</p>\
<p class=\"hui-note\">Fix the problems below and save; the page reloads by itself. (Only hui serve shows this panel.)</p>\
<pre>{}</pre></div>",
        escape(errors)
    )
}

/// Adds the reload script (and the overlay) before `</body>`.
pub fn inject(html: &str, errors: Option<&str>) -> String {
    let mut extra = String::new();
    if let Some(errors) = errors {
        extra.push_str(&overlay(errors));
    }
    extra.push_str(&format!("<script src=\"{SCRIPT_PATH}\"></script>"));
    match html.rfind("</body>") {
        Some(i) => format!("{}{extra}{}", &html[..i], &html[i..]),
        None => format!("{html}{extra}"),
    }
}

/// A page for when there is nothing to serve yet (the first build failed).
pub fn empty() -> String {
    "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>hui serve</title></head><body><p>The site has not been built yet.</p></body></html>".to_owned()
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_are_shown_as_text() {
        let page = inject(
            "<html><body><p>x</p></body></html>",
            Some("error: a.md:1:1: <script>bad</script>"),
        );
        assert!(page.contains("&lt;script&gt;bad"));
        assert!(page.find("hui-errors").unwrap() < page.find("</body>").unwrap());
        assert!(page.contains(SCRIPT_PATH), "{page}");
        assert!(
            !page.contains("<script>"),
            "inline scripts break the pages' CSP"
        );
        assert!(
            !page.contains("style=\""),
            "inline styles break the pages' CSP"
        );
        assert!(reload_script().contains(EVENTS_PATH));
    }
}
