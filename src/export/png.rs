//! PNG export: the SVG picture rasterised with resvg, `scale` pixels per map unit.

use super::{ExportError, ExportOptions, svg};
use crate::model::ArgumentMap;
use resvg::tiny_skia::{Pixmap, Transform};

/// The largest picture drawn, in pixels (about 1.6 GB of memory while drawing).
pub const MAX_PIXELS: u64 = 400_000_000;

pub fn to_png(map: &ArgumentMap, options: &ExportOptions) -> Result<Vec<u8>, ExportError> {
    let scale = options.scale;
    if !(scale.is_finite() && scale > 0.0) {
        return Err(ExportError::Render(format!(
            "the scale must be a positive number, not {scale}"
        )));
    }
    let scene = crate::render::build(map, options.legend);
    let (width, height) = pixel_size(scene.view.width(), scene.view.height(), scale);
    check_size(width, height)?;
    draw(&svg::write(&scene, options.background), width, height)
}

/// A handout page (see [`crate::render::page`]) as a PNG, `options.scale` pixels per page
/// unit.
pub fn page_to_png(
    page: &crate::render::page::Page,
    options: &ExportOptions,
) -> Result<Vec<u8>, ExportError> {
    let scale = options.scale;
    if !(scale.is_finite() && scale > 0.0) {
        return Err(ExportError::Render(format!(
            "the scale must be a positive number, not {scale}"
        )));
    }
    let (width, height) = pixel_size(page.width, page.height, scale);
    check_size(width, height)?;
    draw(&svg::write_page(page, options.background), width, height)
}

fn check_size(width: u64, height: u64) -> Result<(), ExportError> {
    if width.saturating_mul(height) > MAX_PIXELS {
        return Err(ExportError::Render(format!(
            "the picture would be {width} × {height} pixels, too large (at most {} megapixels); \
             lower the scale (--scale)",
            MAX_PIXELS / 1_000_000
        )));
    }
    Ok(())
}

/// `svg` drawn on `width` × `height` pixels and encoded as PNG.
fn draw(svg: &str, width: u64, height: u64) -> Result<Vec<u8>, ExportError> {
    let tree = svg::tree(svg)?;
    let too_large = || ExportError::Render(format!("{width} × {height} pixels is too large"));
    let mut pixmap = Pixmap::new(
        u32::try_from(width).map_err(|_| too_large())?,
        u32::try_from(height).map_err(|_| too_large())?,
    )
    .ok_or_else(too_large)?;
    let size = tree.size();
    let transform =
        Transform::from_scale(width as f32 / size.width(), height as f32 / size.height());
    resvg::render(&tree, transform, &mut pixmap.as_mut());
    pixmap
        .encode_png()
        .map_err(|e| ExportError::Render(format!("cannot encode the PNG: {e}")))
}

/// Whole pixels covering `width` × `height` map units at `scale`, at least 1 × 1.
fn pixel_size(width: f32, height: f32, scale: f32) -> (u64, u64) {
    let px = |v: f32| ((v * scale).ceil() as u64).max(1);
    (px(width), px(height))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pixel_sizes_round_up() {
        assert_eq!(pixel_size(100.0, 50.0, 2.0), (200, 100));
        assert_eq!(pixel_size(100.0, 50.0, 0.333), (34, 17));
        assert_eq!(pixel_size(0.0, 0.0, 1.0), (1, 1));
        assert_eq!(pixel_size(f32::MAX, 1.0, 32.0).0, u64::MAX);
    }
}
