//! PDF export: the SVG picture on one page, as vector graphics with the card font embedded
//! (text stays text: it can be selected and searched).

use super::{ExportError, ExportOptions, svg};
use crate::model::ArgumentMap;

/// One map unit is one CSS pixel (1/96 inch), as on screen at 100%.
const DPI: f32 = 96.0;
/// PDF viewers handle pages up to 200 inches (14,400 points); larger maps are scaled down.
const MAX_PAGE_POINTS: f32 = 14_400.0;

pub fn to_pdf(map: &ArgumentMap, options: &ExportOptions) -> Result<Vec<u8>, ExportError> {
    let svg = svg::to_svg(map, options);
    let tree = svg::tree(&svg)?;
    let size = tree.size();
    let points = size.width().max(size.height()) * 72.0 / DPI;
    let dpi = DPI * (points / MAX_PAGE_POINTS).max(1.0);
    svg2pdf::to_pdf(
        &tree,
        svg2pdf::ConversionOptions::default(),
        svg2pdf::PageOptions { dpi },
    )
    .map_err(|e| ExportError::Render(format!("cannot make the PDF: {e}")))
}

/// Handout pages (see [`crate::render::page`]) as one PDF, a page each, in order, as vector
/// graphics with the card font embedded. Each page is its SVG converted by svg2pdf into a
/// form XObject (`to_chunk`), placed full size on a PDF page with pdf-writer.
pub fn pages_to_pdf(
    pages: &[crate::render::page::Page],
    options: &ExportOptions,
    title: &str,
) -> Result<Vec<u8>, ExportError> {
    use pdf_writer::{Content, Finish, Name, Pdf, Rect, Ref, TextStr};
    use std::collections::HashMap;

    let failed =
        |e: svg2pdf::ConversionError| ExportError::Render(format!("cannot make the PDF: {e}"));
    let mut alloc = Ref::new(1);
    let catalog = alloc.bump();
    let tree_ref = alloc.bump();
    let mut pdf = Pdf::new();
    let mut kids = Vec::with_capacity(pages.len());
    for page in pages {
        let tree = svg::tree(&svg::write_page(page, options.background))?;
        let (chunk, picture) =
            svg2pdf::to_chunk(&tree, svg2pdf::ConversionOptions::default()).map_err(failed)?;
        // The chunk numbers its objects from 1: move them after the ones already written.
        let mut renumbered = HashMap::new();
        let chunk = chunk.renumber(|old| *renumbered.entry(old).or_insert_with(|| alloc.bump()));
        let picture = renumbered[&picture];
        let (page_ref, content_ref) = (alloc.bump(), alloc.bump());
        let (w, h) = (page.width * 72.0 / DPI, page.height * 72.0 / DPI);
        let name = Name(b"Step");
        let mut pdf_page = pdf.page(page_ref);
        pdf_page
            .media_box(Rect::new(0.0, 0.0, w, h))
            .parent(tree_ref)
            .contents(content_ref);
        pdf_page.resources().x_objects().pair(name, picture);
        pdf_page.finish();
        // The picture is a 1 × 1 point form: stretched over the whole page.
        let mut content = Content::new();
        content
            .save_state()
            .transform([w, 0.0, 0.0, h, 0.0, 0.0])
            .x_object(name)
            .restore_state();
        pdf.stream(content_ref, &content.finish());
        pdf.extend(&chunk);
        kids.push(page_ref);
    }
    pdf.catalog(catalog).pages(tree_ref);
    pdf.pages(tree_ref)
        .kids(kids.iter().copied())
        .count(kids.len() as i32);
    let info = alloc.bump();
    let mut document = pdf.document_info(info);
    if !title.is_empty() {
        document.title(TextStr(title));
    }
    document.producer(TextStr("argmap"));
    document.finish();
    Ok(pdf.finish())
}
