//! thamdinh: the appraisal council's scoring, classification and ranking.

pub mod cli;
pub mod demo;
pub mod domain;
pub mod sheet;
pub mod store;
pub mod tui;
