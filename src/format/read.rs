//! Reading a whole file with a bound on what is read. The size a file reports is no guide:
//! pipes, `/dev/zero`, `/dev/urandom` and `/proc` files all report 0 and never end.

use std::io::{self, Read};
use std::path::Path;

/// The biggest map file argmap will read: far above any real map (100,000 nodes is about
/// 40 MB), low enough that a wrong file (a disk image, a video) is refused instead of filling
/// memory.
pub const MAX_FILE_BYTES: u64 = 1 << 30;

/// The biggest Argdown, AIF or source text file argmap will read (far beyond any real one).
pub const MAX_IMPORT_BYTES: u64 = 256 << 20;

/// The bytes of `path`, reading at most `limit + 1` of them: a longer input is refused with
/// an error (kind `FileTooLarge`) that names the limit. A folder is refused too.
pub fn read_bounded(path: &Path, limit: u64) -> io::Result<Vec<u8>> {
    let file = std::fs::File::open(path)?;
    let meta = file.metadata()?;
    if meta.is_dir() {
        return Err(io::Error::new(
            io::ErrorKind::IsADirectory,
            "it is a folder, not a file",
        ));
    }
    let mut bytes = Vec::with_capacity(meta.len().min(limit) as usize);
    file.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(too_big(limit));
    }
    Ok(bytes)
}

/// Like [`read_bounded`], for a text file: bytes that are not UTF-8 are an `InvalidData` error.
pub fn read_text_bounded(path: &Path, limit: u64) -> io::Result<String> {
    String::from_utf8(read_bounded(path, limit)?).map_err(|_| {
        io::Error::new(
            io::ErrorKind::InvalidData,
            "it is not UTF-8 text (is it the right file?)",
        )
    })
}

fn too_big(limit: u64) -> io::Error {
    io::Error::new(
        io::ErrorKind::FileTooLarge,
        format!(
            "it is larger than {}, the most argmap reads; it is not a file argmap can open",
            size(limit)
        ),
    )
}

fn size(bytes: u64) -> String {
    if bytes >= 1 << 30 && bytes.is_multiple_of(1 << 30) {
        format!("{} GiB", bytes >> 30)
    } else if bytes >= 1 << 20 {
        format!("{} MiB", bytes >> 20)
    } else {
        format!("{bytes} bytes")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_file_up_to_the_limit_and_refuses_one_byte_more() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f");
        std::fs::write(&path, b"12345").unwrap();
        assert_eq!(read_bounded(&path, 5).unwrap(), b"12345");
        let err = read_bounded(&path, 4).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::FileTooLarge);
        assert!(err.to_string().contains("larger than 4 bytes"), "{err}");
    }

    #[cfg(unix)]
    #[test]
    fn an_endless_device_that_reports_size_zero_is_cut_off_at_the_limit() {
        let err = read_bounded(Path::new("/dev/zero"), 1 << 20).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::FileTooLarge);
        assert!(err.to_string().contains("larger than 1 MiB"), "{err}");
    }

    #[test]
    fn a_folder_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let err = read_bounded(dir.path(), 10).unwrap_err();
        assert!(err.to_string().contains("folder"), "{err}");
    }

    #[test]
    fn sizes_are_named_in_their_unit() {
        assert_eq!(size(1 << 30), "1 GiB");
        assert_eq!(size(256 << 20), "256 MiB");
        assert_eq!(size(10), "10 bytes");
    }
}
