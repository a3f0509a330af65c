//! The words of the regulations' catalog: a refused `THAMDINH_DATA_DIR` folder, and the list of regulations.

use super::Lang;
use crate::store::catalog::CatalogError;

/// Why the program does not start with the folder `THAMDINH_DATA_DIR` names.
pub fn catalog_error(error: &CatalogError, lang: Lang) -> String {
    match (error, lang) {
        (CatalogError::FolderMissing { folder }, Lang::Vi) => {
            format!("THAMDINH_DATA_DIR={}: không có thư mục này", folder.display())
        }
        (CatalogError::FolderMissing { folder }, Lang::En) => {
            format!("THAMDINH_DATA_DIR={}: no such folder", folder.display())
        }
        (CatalogError::NoRegulation { folder }, Lang::Vi) => format!(
            "THAMDINH_DATA_DIR={}: thư mục không chứa quy chế nào (mỗi quy chế là một thư mục con có regulation.toml)",
            folder.display()
        ),
        (CatalogError::NoRegulation { folder }, Lang::En) => format!(
            "THAMDINH_DATA_DIR={}: the folder holds no regulation (each is a sub-folder with regulation.toml)",
            folder.display()
        ),
        (CatalogError::Duplicate { id, folder }, Lang::Vi) => format!(
            "quy chế {id:?} vừa có sẵn trong chương trình (data/{id}) vừa có trong {}: đổi id của thư mục thêm vào",
            folder.display()
        ),
        (CatalogError::Duplicate { id, folder }, Lang::En) => format!(
            "regulation {id:?} is both built in (data/{id}) and in {}: give the added folder another id",
            folder.display()
        ),
    }
}

/// Where a regulation listed by `thamdinh regulations` comes from.
pub fn origin(lang: Lang, folder: Option<&std::path::Path>) -> String {
    match (folder, lang) {
        (None, Lang::Vi) => "có sẵn".to_string(),
        (None, Lang::En) => "built in".to_string(),
        (Some(folder), _) => folder.display().to_string(),
    }
}
