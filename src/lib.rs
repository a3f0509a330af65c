//! thamdinh: the appraisal council's scoring, classification and ranking.
#![warn(missing_docs)]

pub mod cli;
pub mod demo;
pub mod domain;
pub mod messages;
pub mod papers;
pub mod sftp;
pub mod sheet;
pub mod store;
pub mod tui;

/// mimalloc instead of the system allocator: reading a national round allocates a few million small
/// strings and records on two threads, where glibc spends a third of the time growing its heaps.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
