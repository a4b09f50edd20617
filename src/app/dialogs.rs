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
            .add_filter("argmap maps", &["ron"])
            .add_filter("All files", &["*"]);
        if let Some(folder) = folder {
            dialog = dialog.set_directory(folder);
        }
        dialog.pick_file()
    }

    fn save_map(&self, folder: Option<&Path>, name: &str) -> Option<PathBuf> {
        let mut dialog = rfd::FileDialog::new()
            .set_title("Save argument map")
            .add_filter("argmap maps", &["ron"])
            .set_file_name(name);
        if let Some(folder) = folder {
            dialog = dialog.set_directory(folder);
        }
        dialog.save_file().map(|p| {
            if p.extension().is_none() {
                p.with_extension("ron")
            } else {
                p
            }
        })
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
        if let Some(folder) = folder {
            dialog = dialog.set_directory(folder);
        }
        dialog.save_file().map(|p| {
            if p.extension().is_none() {
                p.with_extension(format.extension())
            } else {
                p
            }
        })
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
        if let Some(folder) = folder {
            dialog = dialog.set_directory(folder);
        }
        dialog.pick_file()
    }

    fn pick_folder(&self, folder: Option<&Path>) -> Option<PathBuf> {
        let mut dialog = rfd::FileDialog::new().set_title("Folder for the step pictures");
        if let Some(folder) = folder {
            dialog = dialog.set_directory(folder);
        }
        dialog.pick_folder()
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

impl FileDialogs for ScriptedDialogs {
    fn open_map(&self, _folder: Option<&Path>) -> Option<PathBuf> {
        self.asked.borrow_mut().push("open".into());
        self.answers.borrow_mut().pop_front().flatten()
    }

    fn save_map(&self, _folder: Option<&Path>, name: &str) -> Option<PathBuf> {
        self.asked.borrow_mut().push(format!("save {name}"));
        self.answers.borrow_mut().pop_front().flatten()
    }

    fn open_text(&self) -> Option<PathBuf> {
        self.asked.borrow_mut().push("text".into());
        self.answers.borrow_mut().pop_front().flatten()
    }

    fn save_export(
        &self,
        _folder: Option<&Path>,
        name: &str,
        _format: ExportFormat,
    ) -> Option<PathBuf> {
        self.asked.borrow_mut().push(format!("export {name}"));
        self.answers.borrow_mut().pop_front().flatten()
    }

    fn open_import(&self, _folder: Option<&Path>) -> Option<PathBuf> {
        self.asked.borrow_mut().push("import".into());
        self.answers.borrow_mut().pop_front().flatten()
    }

    fn pick_folder(&self, _folder: Option<&Path>) -> Option<PathBuf> {
        self.asked.borrow_mut().push("folder".into());
        self.answers.borrow_mut().pop_front().flatten()
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
