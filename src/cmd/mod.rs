//! The subcommands: each makes `Options` and calls the library.

pub mod build;
pub mod init;
#[cfg(feature = "serve")]
pub mod serve;
pub mod watch;

use std::sync::Arc;
use std::sync::atomic::AtomicBool;

/// A flag set by SIGINT or SIGTERM, for loops that stop cleanly.
pub fn stop_flag() -> std::io::Result<Arc<AtomicBool>> {
    let stop = Arc::new(AtomicBool::new(false));
    for signal in [signal_hook::consts::SIGINT, signal_hook::consts::SIGTERM] {
        signal_hook::flag::register(signal, Arc::clone(&stop))?;
    }
    Ok(stop)
}
