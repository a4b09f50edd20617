//! Presentation handouts: the talk's steps as pages, each as it looks in presentation mode —
//! later steps hidden, the step's nodes highlighted, earlier ones dimmed, framed as the
//! presentation camera frames the step, with the step counter, the step's title and the source
//! line. One PDF with a page per step, or numbered SVG/PNG pictures (`step-01.png`, …).
//!
//! The steps are the map's saved presentation, or the default walk through the argument
//! ([`ArgumentMap::steps`]); the pages are laid out by [`crate::render::page`] and drawn by the
//! same SVG, PNG and PDF code as the whole-map exports.

use super::{ExportError, ExportFormat, ExportOptions, pdf, png, svg};
use crate::model::ArgumentMap;
use crate::render::page::{self, Page};

/// Whether `format` can hold a talk's pages (PDF pages, or one picture per step).
pub fn has_pages(format: ExportFormat) -> bool {
    matches!(
        format,
        ExportFormat::Pdf | ExportFormat::Png | ExportFormat::Svg
    )
}

/// The file name of step `k` (counted from 1) of `count` in `format`: `step-01.png`, with as
/// many digits as the last step needs (at least two), so the names sort in talk order.
pub fn step_file_name(k: usize, count: usize, format: ExportFormat) -> String {
    let digits = count.max(1).to_string().len().max(2);
    format!("step-{k:0digits$}.{}", format.extension())
}

/// The talk's pages, one per step.
fn talk_pages(map: &ArgumentMap) -> Result<Vec<Page>, ExportError> {
    let steps = map.steps();
    if steps.is_empty() {
        return Err(ExportError::Render(
            "there is nothing to present: the map is empty".to_owned(),
        ));
    }
    Ok(page::pages(map, &steps))
}

/// The handout as one PDF: a page per step, in talk order, as vector graphics with text.
/// `options.background` applies; the scale and legend do not (pages have a fixed size, and
/// presentation mode shows no legend).
pub fn steps_pdf(map: &ArgumentMap, options: &ExportOptions) -> Result<Vec<u8>, ExportError> {
    let pages = talk_pages(map)?;
    pdf::pages_to_pdf(&pages, options, &crate::render::clean::one_line(&map.title))
}

/// Each step as an SVG document, in talk order.
pub fn step_svgs(map: &ArgumentMap, options: &ExportOptions) -> Result<Vec<String>, ExportError> {
    Ok(talk_pages(map)?
        .iter()
        .map(|p| svg::write_page(p, options.background))
        .collect())
}

/// Each step as a picture file, `(file name, bytes)` in talk order: `step-01.svg`, … for
/// [`ExportFormat::Svg`], `step-01.png`, … for [`ExportFormat::Png`] (`options.scale` pixels
/// per page unit; pages are 1280 × 800 units). A PDF is one file, `steps.pdf`, with a page per
/// step. Formats without pages are refused.
pub fn step_pictures(
    map: &ArgumentMap,
    format: ExportFormat,
    options: &ExportOptions,
) -> Result<Vec<(String, Vec<u8>)>, ExportError> {
    if !has_pages(format) {
        return Err(ExportError::Render(format!(
            "{} has no pages; presentation steps export to pdf, png or svg",
            format.extension()
        )));
    }
    if format == ExportFormat::Pdf {
        return Ok(vec![("steps.pdf".to_owned(), steps_pdf(map, options)?)]);
    }
    let pages = talk_pages(map)?;
    let count = pages.len();
    pages
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let bytes = match format {
                ExportFormat::Png => png::page_to_png(p, options)?,
                _ => svg::write_page(p, options.background).into_bytes(),
            };
            Ok((step_file_name(i + 1, count, format), bytes))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_sort_in_talk_order() {
        assert_eq!(step_file_name(1, 17, ExportFormat::Png), "step-01.png");
        assert_eq!(step_file_name(17, 17, ExportFormat::Svg), "step-17.svg");
        assert_eq!(step_file_name(7, 120, ExportFormat::Png), "step-007.png");
        assert_eq!(step_file_name(1, 1, ExportFormat::Png), "step-01.png");
    }

    #[test]
    fn only_picture_formats_have_pages() {
        let with: Vec<_> = ExportFormat::ALL
            .into_iter()
            .filter(|f| has_pages(*f))
            .collect();
        assert_eq!(
            with,
            [ExportFormat::Svg, ExportFormat::Png, ExportFormat::Pdf]
        );
        let map = crate::bundled::article_map();
        let refused = step_pictures(&map, ExportFormat::Json, &ExportOptions::default());
        assert!(
            refused
                .unwrap_err()
                .to_string()
                .contains("json has no pages")
        );
    }

    #[test]
    fn an_empty_map_has_no_handout() {
        let empty = ArgumentMap::new("Nothing yet");
        let e = steps_pdf(&empty, &ExportOptions::default()).unwrap_err();
        assert!(e.to_string().contains("nothing to present"));
    }
}
