//! PDF export: the SVG picture on a page, as vector graphics with the card font embedded
//! (text stays text: it can be selected and searched).
//!
//! krilla-svg draws each SVG picture on a krilla page. A big map's picture comes in several SVG
//! parts (see [`svg::write_parts`]), drawn one over the other on its page.

use super::{ExportError, ExportOptions, svg};
use crate::model::ArgumentMap;
use crate::render::page::Page;
use krilla::geom::Size;
use krilla::metadata::Metadata;
use krilla::page::PageSettings;
use krilla_svg::{SurfaceExt, SvgSettings};

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
    document.finish(&crate::render::clean::one_line(&map.title))
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
    document.finish(title)
}

/// A PDF being assembled.
struct Document {
    pdf: krilla::Document,
}

impl Document {
    fn new() -> Self {
        Self {
            pdf: krilla::Document::new(),
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
        let (w, h) = ((w / shrink).max(1.0), (h / shrink).max(1.0));
        let size = Size::from_wh(w, h)
            .ok_or_else(|| ExportError::Render(format!("cannot make a {w} × {h} PDF page")))?;
        let settings = PageSettings::from_wh(w, h)
            .ok_or_else(|| ExportError::Render(format!("cannot make a {w} × {h} PDF page")))?;
        let mut page = self.pdf.start_page_with(settings);
        let mut surface = page.surface();
        let mut failed = None;
        parts(&mut |part| {
            if failed.is_some() {
                return;
            }
            // Parsed one part at a time, so only one part's tree is held in memory.
            match svg::tree(&part) {
                Ok(tree) => {
                    if surface
                        .draw_svg(&tree, size, SvgSettings::default())
                        .is_none()
                    {
                        failed = Some(ExportError::Render(
                            "cannot draw the picture on the PDF page".into(),
                        ));
                    }
                }
                Err(e) => failed = Some(e),
            }
        });
        surface.finish();
        page.finish();
        failed.map_or(Ok(()), Err)
    }

    fn finish(mut self, title: &str) -> Result<Vec<u8>, ExportError> {
        let mut metadata = Metadata::new().producer("argmap".to_string());
        if !title.is_empty() {
            metadata = metadata.title(title.to_string());
        }
        self.pdf.set_metadata(metadata);
        self.pdf
            .finish()
            .map_err(|e| ExportError::Render(format!("cannot make the PDF: {e}")))
    }
}
