//! The window's icon (taskbar, Alt+Tab): argmap's 256 px icon, built into the binary so the
//! window has it however argmap was installed. Desktops that read the desktop entry show the
//! installed hicolor icons instead, which include a version drawn for 16 px.

use egui::IconData;

const ICON_PNG: &[u8] = include_bytes!("../../assets/icons/hicolor/256x256/apps/argmap.png");

/// The decoded icon; empty (the desktop's default icon) if the built-in PNG would not decode,
/// which the test below rules out.
pub fn window_icon() -> IconData {
    eframe::icon_data::from_png_bytes(ICON_PNG).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_icon_decodes_to_256_square_rgba_pixels() {
        let icon = window_icon();
        assert_eq!((icon.width, icon.height), (256, 256));
        assert_eq!(icon.rgba.len(), 256 * 256 * 4);
        // Transparent corners, opaque middle: it is the icon, not a blank square.
        assert_eq!(icon.rgba[3], 0);
        let middle = (128 * 256 + 128) * 4;
        assert_eq!(icon.rgba[middle + 3], 255);
    }
}
