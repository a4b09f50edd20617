//! File dialogs behind a trait, so tests never open a real one.

use crate::export::ExportFormat;
use std::cell::RefCell;
use std::collections::VecDeque;
use std::path::{Path, PathBuf};

pub trait FileDialogs {
    /// Asks for a map to open; `None` when cancelled.
    fn open_map(&self, folder: Option<&Path>) -> Option<PathBuf>;
    /// Asks where to save a map, suggesting `name`; `None` when cancelled.
    fn save_map(&self, folder: Option<&Path>, name: &str) -> Option<PathBuf>;
    /// Asks for a plain-text file (a source's full text); `None` when cancelled.
    fn open_text(&self) -> Option<PathBuf>;
    /// Asks where to write an export in `format`, suggesting `name`; `None` when cancelled.
    fn save_export(
        &self,
        folder: Option<&Path>,
        name: &str,
        format: ExportFormat,
    ) -> Option<PathBuf>;
    /// Asks for an Argdown (`.argdown`, `.ad`) or AIF (`.json`, `.aif`) file to import;
    /// `None` when cancelled.
    fn open_import(&self, folder: Option<&Path>) -> Option<PathBuf>;
    /// Asks for a folder to write several files into (a handout's step pictures); `None`
    /// when cancelled.
    fn pick_folder(&self, folder: Option<&Path>) -> Option<PathBuf>;
}

/// The filter for map files in the open and save dialogs. Maps are `.ron` files (also those
/// named `*.argmap.ron`, the name assets/argmap.xml recognises maps by); rfd filters by
/// extension only, not by the MIME type that recognises maps by their content.
pub const MAP_FILTER: (&str, &[&str]) = ("argmap maps (.ron)", &["ron"]);

/// The extensions `argmap` imports, with the dialog filter's name.
pub const IMPORT_FILTERS: [(&str, &[&str]); 2] = [
    ("Argdown", &["argdown", "ad"]),
    ("AIF JSON (OVA, AIFdb)", &["json", "aif"]),
];

/// The platform's own dialogs (through the XDG desktop portal on Linux).
pub struct NativeDialogs;

impl FileDialogs for NativeDialogs {
    fn open_map(&self, folder: Option<&Path>) -> Option<PathBuf> {
        let mut dialog = rfd::FileDialog::new()
            .set_title("Open argument map")
            .add_filter(MAP_FILTER.0, MAP_FILTER.1)
            .add_filter("All files", &["*"]);
        dialog = in_folder(dialog, folder);
        dialog.pick_file()
    }

    fn save_map(&self, folder: Option<&Path>, name: &str) -> Option<PathBuf> {
        let mut dialog = rfd::FileDialog::new()
            .set_title("Save argument map")
            .add_filter(MAP_FILTER.0, MAP_FILTER.1)
            .set_file_name(name);
        dialog = in_folder(dialog, folder);
        dialog.save_file().map(|p| with_extension(p, "ron"))
    }

    fn open_text(&self) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title("Load the source's text")
            .add_filter("Text", &["txt", "md", "markdown"])
            .add_filter("All files", &["*"])
            .pick_file()
    }

    fn save_export(
        &self,
        folder: Option<&Path>,
        name: &str,
        format: ExportFormat,
    ) -> Option<PathBuf> {
        let mut dialog = rfd::FileDialog::new()
            .set_title("Export argument map")
            .add_filter(format.description(), &[format.extension()])
            .set_file_name(name);
        dialog = in_folder(dialog, folder);
        dialog
            .save_file()
            .map(|p| with_extension(p, format.extension()))
    }

    fn open_import(&self, folder: Option<&Path>) -> Option<PathBuf> {
        let all: Vec<&str> = IMPORT_FILTERS
            .iter()
            .flat_map(|(_, e)| *e)
            .copied()
            .collect();
        let mut dialog = rfd::FileDialog::new()
            .set_title("Import Argdown or AIF")
            .add_filter("Argdown and AIF", &all);
        for (name, extensions) in IMPORT_FILTERS {
            dialog = dialog.add_filter(name, extensions);
        }
        dialog = dialog.add_filter("All files", &["*"]);
        dialog = in_folder(dialog, folder);
        dialog.pick_file()
    }

    fn pick_folder(&self, folder: Option<&Path>) -> Option<PathBuf> {
        let mut dialog = rfd::FileDialog::new().set_title("Folder for the step pictures");
        dialog = in_folder(dialog, folder);
        dialog.pick_folder()
    }
}

fn in_folder(dialog: rfd::FileDialog, folder: Option<&Path>) -> rfd::FileDialog {
    match folder {
        Some(folder) => dialog.set_directory(folder),
        None => dialog,
    }
}

/// A name typed without an extension gets the format's.
fn with_extension(path: PathBuf, extension: &str) -> PathBuf {
    if path.extension().is_none() {
        path.with_extension(extension)
    } else {
        path
    }
}

/// Answers dialogs from a script, in order; an empty script answers "cancelled".
#[derive(Default)]
pub struct ScriptedDialogs {
    pub answers: RefCell<VecDeque<Option<PathBuf>>>,
    /// Every dialog asked for, as "open", "save NAME", "text", "export NAME", "import" or "folder".
    pub asked: RefCell<Vec<String>>,
}

impl ScriptedDialogs {
    pub fn answering(answers: impl IntoIterator<Item = Option<PathBuf>>) -> Self {
        Self {
            answers: RefCell::new(answers.into_iter().collect()),
            asked: RefCell::default(),
        }
    }
}

impl ScriptedDialogs {
    /// Records that `asked` was asked and gives the next scripted answer.
    fn answer(&self, asked: impl Into<String>) -> Option<PathBuf> {
        self.asked.borrow_mut().push(asked.into());
        self.answers.borrow_mut().pop_front().flatten()
    }
}

impl FileDialogs for ScriptedDialogs {
    fn open_map(&self, _folder: Option<&Path>) -> Option<PathBuf> {
        self.answer("open")
    }

    fn save_map(&self, _folder: Option<&Path>, name: &str) -> Option<PathBuf> {
        self.answer(format!("save {name}"))
    }

    fn open_text(&self) -> Option<PathBuf> {
        self.answer("text")
    }

    fn save_export(
        &self,
        _folder: Option<&Path>,
        name: &str,
        _format: ExportFormat,
    ) -> Option<PathBuf> {
        self.answer(format!("export {name}"))
    }

    fn open_import(&self, _folder: Option<&Path>) -> Option<PathBuf> {
        self.answer("import")
    }

    fn pick_folder(&self, _folder: Option<&Path>) -> Option<PathBuf> {
        self.answer("folder")
    }
}

impl<T: FileDialogs + ?Sized> FileDialogs for std::rc::Rc<T> {
    fn open_map(&self, folder: Option<&Path>) -> Option<PathBuf> {
        (**self).open_map(folder)
    }

    fn save_map(&self, folder: Option<&Path>, name: &str) -> Option<PathBuf> {
        (**self).save_map(folder, name)
    }

    fn open_text(&self) -> Option<PathBuf> {
        (**self).open_text()
    }

    fn save_export(
        &self,
        folder: Option<&Path>,
        name: &str,
        format: ExportFormat,
    ) -> Option<PathBuf> {
        (**self).save_export(folder, name, format)
    }

    fn open_import(&self, folder: Option<&Path>) -> Option<PathBuf> {
        (**self).open_import(folder)
    }

    fn pick_folder(&self, folder: Option<&Path>) -> Option<PathBuf> {
        (**self).pick_folder(folder)
    }
}
