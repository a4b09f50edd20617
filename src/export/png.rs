//! PNG export: the SVG picture rasterised with resvg, `scale` pixels per map unit.

use super::{ExportError, ExportOptions, svg};
use crate::model::ArgumentMap;
use resvg::tiny_skia::{Pixmap, Transform};

/// The largest picture drawn, in pixels (about 1.6 GB of memory while drawing).
pub const MAX_PIXELS: u64 = 400_000_000;

pub fn to_png(map: &ArgumentMap, options: &ExportOptions) -> Result<Vec<u8>, ExportError> {
    let scale = options.scale;
    check_scale(scale)?;
    let scene = crate::render::build(map, options.legend);
    let (width, height) = (scene.view.width(), scene.view.height());
    check_size(width, height, scale)?;
    draw(width, height, scale, &mut |part| {
        svg::write_parts(&scene, options.background, svg::PART_ELEMENTS, part);
    })
}

/// A handout page (see [`crate::render::page`]) as a PNG, `options.scale` pixels per page
/// unit.
pub fn page_to_png(
    page: &crate::render::page::Page,
    options: &ExportOptions,
) -> Result<Vec<u8>, ExportError> {
    let scale = options.scale;
    check_scale(scale)?;
    check_size(page.width, page.height, scale)?;
    draw(page.width, page.height, scale, &mut |part| {
        svg::write_page_parts(page, options.background, svg::PART_ELEMENTS, part);
    })
}

fn check_scale(scale: f32) -> Result<(), ExportError> {
    if scale.is_finite() && scale > 0.0 {
        Ok(())
    } else {
        Err(ExportError::Render(format!(
            "the scale must be a positive number, not {scale}"
        )))
    }
}

/// Refuses, before anything is drawn, a picture of more than [`MAX_PIXELS`], naming the
/// largest scale that fits.
fn check_size(width: f32, height: f32, scale: f32) -> Result<(), ExportError> {
    let (w, h) = pixel_size(width, height, scale);
    if w.saturating_mul(h) <= MAX_PIXELS {
        return Ok(());
    }
    let hint = match largest_scale(width, height) {
        Some(fits) => format!("the largest scale that fits is {fits} (--scale {fits})"),
        None => "the map is too spread out for any scale; bring its cards closer \
                 together (Arrange), or export SVG or PDF"
            .to_owned(),
    };
    Err(ExportError::Render(format!(
        "the picture would be {w} × {h} pixels, too large (at most {} megapixels); {hint}",
        MAX_PIXELS / 1_000_000
    )))
}

/// The largest scale, rounded down to two significant digits, at which a picture of
/// `width` × `height` map units fits in [`MAX_PIXELS`]; `None` when that is below what a
/// scale can usefully be.
fn largest_scale(width: f32, height: f32) -> Option<f32> {
    let exact =
        (MAX_PIXELS as f64 / (f64::from(width.max(1.0)) * f64::from(height.max(1.0)))).sqrt();
    if !exact.is_finite() || exact < 1e-7 {
        return None;
    }
    // Two significant digits, rounded down, then down again while the whole pixels overrun.
    let unit = 10f64.powf(exact.log10().floor() - 1.0);
    let mut steps = (exact / unit).floor();
    while steps > 1.0 {
        let scale = (steps * unit) as f32;
        let (w, h) = pixel_size(width, height, scale);
        if w.saturating_mul(h) <= MAX_PIXELS {
            // Printed as a short decimal: round away the binary noise.
            return format!("{:.*}", (-unit.log10()).max(0.0) as usize, steps * unit)
                .parse()
                .ok();
        }
        steps -= 1.0;
    }
    None
}

/// The picture drawn on `width` × `height` map units at `scale`, from the SVG parts that
/// `parts` writes (one over the other, see [`svg::write_parts`]), encoded as PNG.
fn draw(
    width: f32,
    height: f32,
    scale: f32,
    parts: &mut svg::WriteParts<'_>,
) -> Result<Vec<u8>, ExportError> {
    let (w, h) = pixel_size(width, height, scale);
    let too_large = || ExportError::Render(format!("{w} × {h} pixels is too large"));
    let mut pixmap = Pixmap::new(
        u32::try_from(w).map_err(|_| too_large())?,
        u32::try_from(h).map_err(|_| too_large())?,
    )
    .ok_or_else(too_large)?;
    let mut failed = None;
    parts(&mut |svg| {
        if failed.is_some() {
            return;
        }
        match svg::tree(&svg) {
            Ok(tree) => {
                let size = tree.size();
                let transform =
                    Transform::from_scale(w as f32 / size.width(), h as f32 / size.height());
                resvg::render(&tree, transform, &mut pixmap.as_mut());
            }
            Err(e) => failed = Some(e),
        }
    });
    if let Some(e) = failed {
        return Err(e);
    }
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

    #[test]
    fn too_large_pictures_name_the_largest_scale_that_fits() {
        let e = check_size(100_000.0, 100_000.0, 2.0)
            .unwrap_err()
            .to_string();
        assert!(e.contains("200000 × 200000 pixels"), "{e}");
        assert!(e.contains("--scale 0.2"), "{e}");
        assert!(check_size(100_000.0, 100_000.0, 0.2).is_ok());
        for (w, h) in [(240.0, 13_000_000.0), (31_234.5, 77_777.7), (2.0e9, 2.0e9)] {
            let fits = largest_scale(w, h).unwrap();
            assert!(check_size(w, h, fits).is_ok(), "{w} × {h} at {fits}");
            assert!(check_size(w, h, fits * 1.2).is_err(), "{w} × {h} at {fits}");
        }
        assert_eq!(largest_scale(1.0e30, 1.0e30), None);
        let e = check_size(1.0e30, 1.0e30, 1.0).unwrap_err().to_string();
        assert!(e.contains("too spread out"), "{e}");
    }
}
