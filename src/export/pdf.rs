//! PDF export: the SVG picture on a page, as vector graphics with the card font embedded
//! (text stays text: it can be selected and searched).
//!
//! svg2pdf converts each SVG picture into a form XObject (`to_chunk`); pdf-writer places them
//! on pages. A big map's picture comes in several SVG parts (see [`svg::write_parts`]), drawn
//! one over the other on its page.

use super::{ExportError, ExportOptions, svg};
use crate::model::ArgumentMap;
use crate::render::page::Page;
use pdf_writer::{Content, Finish, Name, Pdf, Rect, Ref, TextStr};
use std::collections::HashMap;

/// One map unit is one CSS pixel (1/96 inch), as on screen at 100%.
const DPI: f32 = 96.0;
/// PDF viewers handle pages up to 200 inches (14,400 points); larger maps are scaled down.
const MAX_PAGE_POINTS: f32 = 14_400.0;

/// The map on one page.
pub fn to_pdf(map: &ArgumentMap, options: &ExportOptions) -> Result<Vec<u8>, ExportError> {
    let scene = crate::render::build(map, options.legend);
    let mut document = Document::new();
    document.page(scene.view.width(), scene.view.height(), &mut |part| {
        svg::write_parts(&scene, options.background, svg::PART_ELEMENTS, part);
    })?;
    Ok(document.finish(&crate::render::clean::one_line(&map.title)))
}

/// Handout pages (see [`crate::render::page`]) as one PDF, a page each, in order.
pub fn pages_to_pdf(
    pages: &[Page],
    options: &ExportOptions,
    title: &str,
) -> Result<Vec<u8>, ExportError> {
    let mut document = Document::new();
    for page in pages {
        document.page(page.width, page.height, &mut |part| {
            svg::write_page_parts(page, options.background, svg::PART_ELEMENTS, part);
        })?;
    }
    Ok(document.finish(title))
}

/// A PDF being assembled.
struct Document {
    pdf: Pdf,
    alloc: Ref,
    catalog: Ref,
    tree: Ref,
    kids: Vec<Ref>,
}

impl Document {
    fn new() -> Self {
        let mut alloc = Ref::new(1);
        let catalog = alloc.bump();
        let tree = alloc.bump();
        Self {
            pdf: Pdf::new(),
            alloc,
            catalog,
            tree,
            kids: Vec::new(),
        }
    }

    /// A page for a picture of `width` × `height` units (scaled down to fit
    /// [`MAX_PAGE_POINTS`]), with the SVG parts that `parts` writes drawn on it in order.
    fn page(
        &mut self,
        width: f32,
        height: f32,
        parts: &mut svg::WriteParts<'_>,
    ) -> Result<(), ExportError> {
        let (w, h) = (width * 72.0 / DPI, height * 72.0 / DPI);
        let shrink = (w.max(h) / MAX_PAGE_POINTS).max(1.0);
        let (w, h) = (w / shrink, h / shrink);
        let mut pictures = Vec::new();
        let mut failed = None;
        parts(&mut |part| {
            if failed.is_some() {
                return;
            }
            match self.picture(&part) {
                Ok(picture) => pictures.push(picture),
                Err(e) => failed = Some(e),
            }
        });
        if let Some(e) = failed {
            return Err(e);
        }
        let (page_ref, content_ref) = (self.alloc.bump(), self.alloc.bump());
        let names: Vec<String> = (0..pictures.len()).map(|i| format!("P{i}")).collect();
        let mut page = self.pdf.page(page_ref);
        page.media_box(Rect::new(0.0, 0.0, w, h))
            .parent(self.tree)
            .contents(content_ref);
        let mut resources = page.resources();
        let mut x_objects = resources.x_objects();
        for (name, picture) in names.iter().zip(&pictures) {
            x_objects.pair(Name(name.as_bytes()), *picture);
        }
        x_objects.finish();
        resources.finish();
        page.finish();
        // Each picture is a 1 × 1 point form: stretched over the whole page.
        let mut content = Content::new();
        for name in &names {
            content
                .save_state()
                .transform([w, 0.0, 0.0, h, 0.0, 0.0])
                .x_object(Name(name.as_bytes()))
                .restore_state();
        }
        self.pdf.stream(content_ref, &content.finish());
        self.kids.push(page_ref);
        Ok(())
    }

    /// One SVG picture converted into a form XObject in the document.
    fn picture(&mut self, svg: &str) -> Result<Ref, ExportError> {
        let tree = svg::tree(svg)?;
        let (chunk, picture) = svg2pdf::to_chunk(&tree, svg2pdf::ConversionOptions::default())
            .map_err(|e| ExportError::Render(format!("cannot make the PDF: {e}")))?;
        // The chunk numbers its objects from 1: move them after the ones already written.
        let mut renumbered = HashMap::new();
        let alloc = &mut self.alloc;
        let chunk = chunk.renumber(|old| *renumbered.entry(old).or_insert_with(|| alloc.bump()));
        self.pdf.extend(&chunk);
        Ok(renumbered[&picture])
    }

    fn finish(mut self, title: &str) -> Vec<u8> {
        self.pdf.catalog(self.catalog).pages(self.tree);
        self.pdf
            .pages(self.tree)
            .kids(self.kids.iter().copied())
            .count(self.kids.len() as i32);
        let info = self.alloc.bump();
        let mut document = self.pdf.document_info(info);
        if !title.is_empty() {
            document.title(TextStr(title));
        }
        document.producer(TextStr("argmap"));
        document.finish();
        self.pdf.finish()
    }
}
