//! Where the map is on screen: pan and zoom, and the transforms between map and screen.

use egui::{Pos2, Rect, Vec2};

/// Far enough out that "Fit map" shows the whole of a 100,000-node tree (about 7 million map
/// units wide) in a canvas narrowed by both side panels; cards are plain blocks long before.
pub const MIN_ZOOM: f32 = 0.00005;
pub const MAX_ZOOM: f32 = 4.0;

/// The view onto the map. A map point `p` appears on screen at `origin + p * zoom`, where
/// `origin` is relative to the canvas' top-left corner (so resizing the window does not move
/// the map).
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Camera {
    pub origin: Vec2,
    pub zoom: f32,
}

impl Default for Camera {
    fn default() -> Self {
        Self {
            origin: Vec2::ZERO,
            zoom: 1.0,
        }
    }
}

/// The zoom as people read it: "250%", "4%", "0.62%", "0.0091%" (two significant digits below
/// 10%, so a far-out zoom never reads as "0%").
pub fn zoom_percent(zoom: f32) -> String {
    let percent = zoom * 100.0;
    if percent >= 10.0 {
        format!("{percent:.0}%")
    } else {
        let decimals = (1.0 - percent.log10().floor()).clamp(0.0, 6.0) as usize;
        format!("{percent:.decimals$}%")
    }
}

impl Camera {
    pub fn to_screen(&self, canvas: Rect, p: Pos2) -> Pos2 {
        canvas.min + self.origin + p.to_vec2() * self.zoom
    }

    pub fn to_map(&self, canvas: Rect, p: Pos2) -> Pos2 {
        ((p - canvas.min - self.origin) / self.zoom).to_pos2()
    }

    pub fn rect_to_screen(&self, canvas: Rect, r: Rect) -> Rect {
        Rect::from_min_max(self.to_screen(canvas, r.min), self.to_screen(canvas, r.max))
    }

    /// The part of the map the canvas shows, in map units.
    pub fn visible_map_rect(&self, canvas: Rect) -> Rect {
        Rect::from_min_max(
            self.to_map(canvas, canvas.min),
            self.to_map(canvas, canvas.max),
        )
    }

    pub fn pan(&mut self, screen_delta: Vec2) {
        self.origin += screen_delta;
    }

    /// Zooms by `factor` keeping the map point under `anchor` (a screen point) where it is.
    pub fn zoom_around(&mut self, canvas: Rect, anchor: Pos2, factor: f32) {
        let before = self.to_map(canvas, anchor);
        self.zoom = (self.zoom * factor).clamp(MIN_ZOOM, MAX_ZOOM);
        let after = self.to_screen(canvas, before);
        self.origin += anchor - after;
    }

    /// The camera that shows all of `bounds` (map units) centred in the canvas with a margin,
    /// never zoomed in past `max_zoom`.
    pub fn fitting(canvas: Rect, bounds: Rect, max_zoom: f32) -> Self {
        let margin = 32.0;
        let avail = (canvas.size() - Vec2::splat(2.0 * margin)).max(Vec2::splat(1.0));
        let size = bounds.size().max(Vec2::splat(1.0));
        let zoom = (avail.x / size.x)
            .min(avail.y / size.y)
            .clamp(MIN_ZOOM, max_zoom.min(MAX_ZOOM));
        let origin = canvas.size() / 2.0 - bounds.center().to_vec2() * zoom;
        Self { origin, zoom }
    }

    /// Moves the view so `point` (map units) is at the canvas centre, keeping the zoom.
    pub fn centre_on(&mut self, canvas: Rect, point: Pos2) {
        self.origin = canvas.size() / 2.0 - point.to_vec2() * self.zoom;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::pos2;

    fn canvas() -> Rect {
        Rect::from_min_size(pos2(100.0, 50.0), Vec2::new(800.0, 600.0))
    }

    #[test]
    fn screen_and_map_transforms_are_inverse() {
        let cam = Camera {
            origin: Vec2::new(30.0, -20.0),
            zoom: 2.5,
        };
        let p = pos2(-17.0, 42.5);
        let s = cam.to_screen(canvas(), p);
        assert_eq!(s, pos2(100.0 + 30.0 - 42.5, 50.0 - 20.0 + 106.25));
        let back = cam.to_map(canvas(), s);
        assert!((back - p).length() < 1e-4);
    }

    #[test]
    fn zooming_keeps_the_point_under_the_pointer() {
        let mut cam = Camera::default();
        let anchor = pos2(400.0, 300.0);
        let under = cam.to_map(canvas(), anchor);
        cam.zoom_around(canvas(), anchor, 3.0);
        assert_eq!(cam.zoom, 3.0);
        assert!((cam.to_screen(canvas(), under) - anchor).length() < 1e-3);
        cam.zoom_around(canvas(), anchor, 1000.0);
        assert_eq!(cam.zoom, MAX_ZOOM);
    }

    #[test]
    fn zoom_percent_never_rounds_a_far_out_zoom_to_nothing() {
        assert_eq!(zoom_percent(2.5), "250%");
        assert_eq!(zoom_percent(1.0), "100%");
        assert_eq!(zoom_percent(0.04), "4.0%");
        assert_eq!(zoom_percent(0.0062), "0.62%");
        assert_eq!(zoom_percent(0.000091), "0.0091%");
    }

    #[test]
    fn fitting_shows_the_whole_bounds_centred() {
        let bounds = Rect::from_min_max(pos2(-1000.0, 0.0), pos2(1000.0, 500.0));
        let cam = Camera::fitting(canvas(), bounds, 1.0);
        let shown = cam.rect_to_screen(canvas(), bounds);
        assert!(canvas().contains_rect(shown));
        assert!((shown.center() - canvas().center()).length() < 1e-3);
        // The binding dimension (width) fills the canvas less the margin.
        assert!((shown.width() - (800.0 - 64.0)).abs() < 1e-3);
        // A tiny map is not blown up past the maximum zoom.
        let small = Rect::from_min_size(pos2(0.0, 0.0), Vec2::new(10.0, 10.0));
        assert_eq!(Camera::fitting(canvas(), small, 1.0).zoom, 1.0);
    }

    #[test]
    fn visible_rect_is_the_canvas_in_map_units() {
        let cam = Camera {
            origin: Vec2::new(400.0, 300.0),
            zoom: 2.0,
        };
        let r = cam.visible_map_rect(canvas());
        assert_eq!(
            r,
            Rect::from_min_max(pos2(-200.0, -150.0), pos2(200.0, 150.0))
        );
    }
}
