//! Saving without ever leaving a half-written file behind.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Writes `bytes` to `path` through a temporary file in the same folder, flushed to disk and
/// then renamed over the target. Readers see the old file or the new one, never a mix.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_atomically_with(path, |file| file.write_all(bytes))
}

/// Like [`write_atomically`], with the writing done by `write`: tests use it to fail mid-way.
///
/// A save through a symbolic link (even a dangling one) writes the file the link points to and
/// keeps the link. A file the user may not write (mode 0444, or another user's) is refused, not
/// replaced: renaming into a writable folder would otherwise get round its permissions. The
/// replaced file keeps its permissions and its owner.
pub fn write_atomically_with(
    path: &Path,
    write: impl FnOnce(&mut std::fs::File) -> io::Result<()>,
) -> io::Result<()> {
    let target = resolve_links(path)?;
    let existing = std::fs::metadata(&target).ok();
    if let Some(meta) = &existing {
        refuse_unwritable(&target, meta)?;
    }
    let dir = match target.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_owned(),
        _ => PathBuf::from("."),
    };
    // A short name, not one built from the target's: a name near the 255-byte limit must
    // still save.
    let mut temp = tempfile::Builder::new()
        .prefix(".argmap-")
        .suffix(".tmp")
        .tempfile_in(&dir)?;
    // On any error below, `temp` is dropped and deletes itself: no litter, old file untouched.
    write(temp.as_file_mut())?;
    temp.as_file_mut().flush()?;
    if let Some(meta) = &existing {
        keep_owner(meta, temp.as_file())?;
    }
    keep_permissions(existing.as_ref(), temp.as_file())?;
    temp.as_file().sync_all()?;
    temp.persist(&target).map_err(|e| e.error)?;
    sync_dir(&dir);
    Ok(())
}

/// Following symbolic links far enough for any real chain, and no further (a loop ends here).
const MAX_LINK_HOPS: usize = 40;

/// The file a save to `path` should replace: `path` itself, or the end of its chain of
/// symbolic links, whether or not that file exists yet.
fn resolve_links(path: &Path) -> io::Result<PathBuf> {
    let mut at = path.to_owned();
    for _ in 0..MAX_LINK_HOPS {
        match std::fs::symlink_metadata(&at) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let points_to = std::fs::read_link(&at)?;
                // A relative link is relative to the folder holding the link.
                at = match at.parent() {
                    Some(folder) if points_to.is_relative() => folder.join(points_to),
                    _ => points_to,
                };
            }
            _ => return Ok(at),
        }
    }
    Err(io::Error::other(format!(
        "it is a symbolic link that leads through more than {MAX_LINK_HOPS} links (a loop?)"
    )))
}

/// Refuses to replace a file its permissions say the user may not write. Root may write
/// anything, so for root the test is whether anyone may: a file with no write bit (0444) is
/// meant to be left alone.
fn refuse_unwritable(target: &Path, meta: &std::fs::Metadata) -> io::Result<()> {
    #[cfg(unix)]
    let (read_only, mode) = {
        use std::os::unix::fs::PermissionsExt;
        let mode = meta.permissions().mode();
        // The kernel knows the user's groups and any access lists: ask it, by opening the file
        // for writing without changing it (only for plain files: opening a pipe could block).
        let denied = meta.is_file()
            && std::fs::OpenOptions::new()
                .write(true)
                .open(target)
                .is_err_and(|e| e.kind() == io::ErrorKind::PermissionDenied);
        (
            mode & 0o222 == 0 || denied,
            format!(" (mode {:04o})", mode & 0o7777),
        )
    };
    #[cfg(not(unix))]
    let (read_only, mode) = {
        let _ = target;
        (meta.permissions().readonly(), String::new())
    };
    if read_only {
        return Err(io::Error::new(
            io::ErrorKind::PermissionDenied,
            format!(
                "the file is read-only{mode}; argmap does not replace it. Save under another \
                 name, or make the file writable first"
            ),
        ));
    }
    Ok(())
}

/// Gives the new file the old one's owner and group. Only root can give a file away: when
/// this user cannot, the save is refused rather than quietly taking the file over.
fn keep_owner(old: &std::fs::Metadata, temp: &std::fs::File) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let new = temp.metadata()?;
        if (new.uid(), new.gid()) == (old.uid(), old.gid()) {
            return Ok(());
        }
        std::os::unix::fs::fchown(temp, Some(old.uid()), Some(old.gid())).map_err(|_| {
            io::Error::new(
                io::ErrorKind::PermissionDenied,
                format!(
                    "the file belongs to user {} (group {}), and saving would make it yours; \
                     save under another name instead",
                    old.uid(),
                    old.gid()
                ),
            )
        })
    }
    #[cfg(not(unix))]
    {
        let _ = (old, temp);
        Ok(())
    }
}

/// A temporary file is created private (0600); the saved map should keep the permissions the
/// old file had, or get ordinary ones for a new file.
fn keep_permissions(old: Option<&std::fs::Metadata>, temp: &std::fs::File) -> io::Result<()> {
    match old {
        Some(meta) => temp.set_permissions(meta.permissions()),
        None => {
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                temp.set_permissions(std::fs::Permissions::from_mode(0o644))
            }
            #[cfg(not(unix))]
            {
                Ok(())
            }
        }
    }
}

/// Makes the rename itself durable. Best effort: not every platform can open a folder.
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_the_file_and_keeps_its_permissions() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("m.ron");
        std::fs::write(&path, "old").unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
        }
        write_atomically(&path, b"new").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o640);
        }
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn saving_through_a_symlink_keeps_the_link() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.ron");
        let link = dir.path().join("link.ron");
        std::fs::write(&real, "old").unwrap();
        std::os::unix::fs::symlink(&real, &link).unwrap();
        write_atomically(&link, b"new").unwrap();
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(std::fs::read_to_string(&real).unwrap(), "new");
    }

    #[cfg(unix)]
    #[test]
    fn saving_through_a_dangling_symlink_creates_the_target_and_keeps_the_link() {
        let dir = tempfile::tempdir().unwrap();
        let link = dir.path().join("link.ron");
        std::os::unix::fs::symlink("missing.ron", &link).unwrap();
        write_atomically(&link, b"new").unwrap();
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(
            std::fs::read_to_string(dir.path().join("missing.ron")).unwrap(),
            "new"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_loop_of_links_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (dir.path().join("a.ron"), dir.path().join("b.ron"));
        std::os::unix::fs::symlink("b.ron", &a).unwrap();
        std::os::unix::fs::symlink("a.ron", &b).unwrap();
        let err = write_atomically(&a, b"new").unwrap_err();
        assert!(err.to_string().contains("a loop?"), "{err}");
        assert!(
            std::fs::symlink_metadata(&a)
                .unwrap()
                .file_type()
                .is_symlink()
        );
    }

    #[test]
    fn a_name_at_the_length_limit_saves() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(format!("{}.ron", "n".repeat(251)));
        write_atomically(&path, b"first").unwrap();
        write_atomically(&path, b"second").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "second");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn a_read_only_file_is_refused_even_for_root() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("m.ron");
        std::fs::write(&path, "old").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
        let err = write_atomically(&path, b"new").unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::PermissionDenied);
        assert!(err.to_string().contains("read-only (mode 0444)"), "{err}");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "old");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_failure_mid_write_leaves_the_old_file_and_no_litter() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("m.ron");
        std::fs::write(&path, "old contents").unwrap();
        let err = write_atomically_with(&path, |f| {
            f.write_all(b"half")?;
            Err(io::Error::other("disk full"))
        })
        .unwrap_err();
        assert_eq!(err.to_string(), "disk full");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "old contents");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
