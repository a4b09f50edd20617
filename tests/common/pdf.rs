//! Reading PDF output in tests without a PDF library: counting page objects.

/// The number of pages in a PDF: page objects (`/Type /Page`, not `/Pages`), however the
/// writer spaces the name (`/Type /Page` or `/Type/Page`).
pub fn pdf_pages(pdf: &[u8]) -> usize {
    let text = String::from_utf8_lossy(pdf);
    text.match_indices("/Type")
        .filter(|(i, m)| {
            let rest = text[i + m.len()..].trim_start();
            rest.starts_with("/Page") && !rest["/Page".len()..].starts_with('s')
        })
        .count()
}
