//! The `thamdinh` binary: the command line and, without a subcommand, the council's interface.

fn main() -> std::process::ExitCode {
    thamdinh::cli::run()
}
