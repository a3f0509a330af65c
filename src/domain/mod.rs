//! The council's rules as pure functions over plain data: frameworks, scores, grades, classification, ranking. No I/O.
#![warn(missing_docs)]

pub mod appraisal;
pub mod calendar;
pub mod check;
pub mod classification;
pub mod classification_check;
pub mod code;
pub mod entries;
pub mod error;
pub mod evaluate;
pub mod evidence;
pub mod facts;
pub mod framework;
pub mod gates;
pub mod grades;
pub mod holidays;
pub mod loader;
pub mod permissions;
pub mod previous_year;
pub mod published;
pub mod quota_exception;
pub mod ranking;
pub mod reasons;
pub mod regulation;
pub mod score;
pub mod scoring;
pub mod search;
pub mod self_assessment;
pub mod standing;
pub mod text;
pub mod tie_keys;
pub mod validate;
pub mod vn_time;
