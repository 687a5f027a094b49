//! The pool that runs the probes: [`THREADS`] threads (the work is waiting
//! on the network, not the CPU), each taking the first address waiting
//! whose host (name and port) has fewer than [`PER_HOST`] probes running,
//! so that no site is sent more than that many requests at a time, however
//! many of its pages the site links to.

use std::collections::{HashMap, VecDeque};
use std::sync::{Condvar, Mutex, PoisonError};

/// How many probes of one host run at a time.
pub const PER_HOST: usize = 2;
/// How many probes run at a time in all.
const THREADS: usize = 16;

/// What is waiting and what is running.
struct State {
    /// The addresses waiting, by their place in the list.
    waiting: VecDeque<usize>,
    /// How many probes of each host are running.
    running: HashMap<String, usize>,
}

/// Runs `probe` on every address of `urls` (absolute http(s) addresses)
/// and gives the answers in their order.
pub fn run<T: Send>(urls: &[&str], probe: impl Fn(&str) -> T + Sync) -> Vec<T> {
    let hosts: Vec<String> = urls.iter().map(|url| host(url)).collect();
    let state = Mutex::new(State {
        waiting: (0..urls.len()).collect(),
        running: HashMap::new(),
    });
    let turn = Condvar::new();
    let answers: Mutex<Vec<Option<T>>> = Mutex::new((0..urls.len()).map(|_| None).collect());
    std::thread::scope(|scope| {
        for _ in 0..THREADS.min(urls.len()) {
            scope.spawn(|| {
                loop {
                    // The next address whose host has room, if any is left.
                    let next = {
                        let mut state = lock(&state);
                        loop {
                            if state.waiting.is_empty() {
                                break None;
                            }
                            let free = |i: &usize| {
                                state.running.get(&hosts[*i]).copied().unwrap_or(0) < PER_HOST
                            };
                            if let Some(at) = state.waiting.iter().position(free) {
                                let i = state.waiting.remove(at).unwrap_or_default();
                                *state.running.entry(hosts[i].clone()).or_default() += 1;
                                break Some(i);
                            }
                            state = turn.wait(state).unwrap_or_else(PoisonError::into_inner);
                        }
                    };
                    let Some(i) = next else { return };
                    let answer = probe(urls[i]);
                    answers.lock().unwrap_or_else(PoisonError::into_inner)[i] = Some(answer);
                    if let Some(running) = lock(&state).running.get_mut(&hosts[i]) {
                        *running -= 1;
                    }
                    turn.notify_all();
                }
            });
        }
    });
    let answers = answers.into_inner().unwrap_or_else(PoisonError::into_inner);
    answers.into_iter().flatten().collect()
}

/// The state, even if a thread panicked holding it (it is consistent
/// between any two statements).
fn lock(state: &Mutex<State>) -> std::sync::MutexGuard<'_, State> {
    state.lock().unwrap_or_else(PoisonError::into_inner)
}

/// The host and port of `url`, which the limit is per.
fn host(url: &str) -> String {
    match url::Url::parse(url) {
        Ok(url) => format!(
            "{}:{}",
            url.host_str().unwrap_or_default(),
            url.port_or_known_default().unwrap_or_default()
        ),
        Err(_) => url.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};

    use super::{PER_HOST, run};

    #[test]
    fn every_address_is_probed_once_in_order_and_a_host_at_most_per_host_at_a_time() {
        let urls: Vec<String> = (0..40)
            .map(|i| format!("https://h{}.example/{i}", i % 3))
            .collect();
        let urls: Vec<&str> = urls.iter().map(String::as_str).collect();
        let running: [AtomicUsize; 3] = Default::default();
        let most: [AtomicUsize; 3] = Default::default();
        let answers = run(&urls, |url| {
            let host = usize::from(url.as_bytes()[9] - b'0');
            let now = running[host].fetch_add(1, Ordering::SeqCst) + 1;
            most[host].fetch_max(now, Ordering::SeqCst);
            std::thread::yield_now();
            running[host].fetch_sub(1, Ordering::SeqCst);
            url.to_string()
        });
        assert_eq!(answers, urls);
        for most in &most {
            assert!(most.load(Ordering::SeqCst) <= PER_HOST);
        }
    }
}
