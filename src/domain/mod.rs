//! The council's rules as pure functions over plain data: frameworks, scores, grades, classification, ranking. No I/O.

pub mod appraisal;
pub mod calendar;
pub mod classification;
pub mod code;
pub mod entries;
pub mod error;
pub mod evaluate;
pub mod evidence;
pub mod facts;
pub mod framework;
pub mod grades;
pub mod loader;
pub mod permissions;
pub mod previous_year;
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
