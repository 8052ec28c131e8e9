//! `RateLimiter` under `ManualClock`: the exact allowance over time, check_n edges, quota
//! changes, threads hammering one limiter, and a property test against a reference bucket.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant, UNIX_EPOCH};

use embedis::{Clock, Engine, ManualClock, Quota, RateLimitError, RateLimiter};
use proptest::prelude::*;

const MS: Duration = Duration::from_millis(1);

fn limiter(quota: Quota) -> (RateLimiter, ManualClock) {
    let clock = ManualClock::new();
    (RateLimiter::with_clock(quota, clock.clone()), clock)
}

fn not_until(result: Result<(), RateLimitError>) -> Duration {
    match result {
        Err(RateLimitError::NotUntil(when)) => when.retry_after(),
        other => panic!("expected NotUntil, got {other:?}"),
    }
}

#[test]
fn a_full_burst_then_one_per_interval_then_refill_after_idle() {
    // 10 a second (one per 100 ms), bursts of 4.
    let (limiter, clock) = limiter(Quota::per_second(10).unwrap().with_burst(4).unwrap());
    for _ in 0..4 {
        assert_eq!(limiter.check(), Ok(()));
    }
    assert_eq!(not_until(limiter.check()), 100 * MS);
    for step in 0..50 {
        clock.advance(99 * MS);
        assert_eq!(not_until(limiter.check()), MS, "step {step}");
        clock.advance(MS);
        assert_eq!(limiter.check(), Ok(()), "step {step}");
        assert_eq!(not_until(limiter.check()), 100 * MS, "step {step}");
    }
    // Idle for 250 ms: two cells back (and half of a third).
    clock.advance(250 * MS);
    let s = limiter.snapshot();
    assert_eq!((s.limit, s.remaining), (4, 2));
    assert_eq!(s.reset_after, 150 * MS);
    assert_eq!(limiter.check_n(2), Ok(()));
    assert_eq!(not_until(limiter.check()), 50 * MS);
    // Idle for a day: one burst, never more.
    clock.advance(Duration::from_secs(86_400));
    let s = limiter.snapshot();
    assert_eq!(
        (s.remaining, s.reset_after, s.retry_after),
        (4, Duration::ZERO, Duration::ZERO)
    );
    assert_eq!(limiter.check_n(4), Ok(()));
    assert_eq!(not_until(limiter.check()), 100 * MS);
}

#[test]
fn not_until_reports_the_instant_on_the_limiters_clock() {
    let (limiter, clock) = limiter(Quota::with_period(Duration::from_secs(2)).unwrap());
    assert_eq!(limiter.check(), Ok(()));
    match limiter.check() {
        Err(RateLimitError::NotUntil(when)) => {
            assert_eq!(when.retry_after(), Duration::from_secs(2));
            assert_eq!(when.earliest(), clock.now() + Duration::from_secs(2));
        }
        other => panic!("{other:?}"),
    }
    let text = limiter.check().unwrap_err().to_string();
    assert!(text.contains("retry after"), "{text}");
}

#[test]
fn check_n_edge_cases() {
    let (limiter, clock) = limiter(Quota::per_second(2).unwrap().with_burst(3).unwrap());
    let never = Err(RateLimitError::InsufficientCapacity { burst: 3 });
    // n = 0 is always admitted and takes nothing.
    assert_eq!(limiter.check_n(0), Ok(()));
    assert_eq!(limiter.snapshot().remaining, 3);
    // n = burst + 1 (and beyond) never fits, on a full bucket too.
    assert_eq!(limiter.check_n(4), never);
    assert_eq!(limiter.check_n(u32::MAX), never);
    assert_eq!(limiter.snapshot().remaining, 3, "a refusal takes nothing");
    // n = burst fits a full bucket exactly.
    assert_eq!(limiter.check_n(3), Ok(()));
    assert_eq!(limiter.check_n(0), Ok(()));
    assert_eq!(not_until(limiter.check_n(1)), 500 * MS);
    assert_eq!(not_until(limiter.check_n(3)), 1500 * MS);
    assert_eq!(
        limiter.check_n(4),
        never,
        "never stays never on an empty bucket"
    );
    // Partial refill: 2 cells after 1 s, but not 3.
    clock.advance(Duration::from_secs(1));
    assert_eq!(not_until(limiter.check_n(3)), 500 * MS);
    assert_eq!(limiter.check_n(2), Ok(()));
    assert_eq!(limiter.snapshot().remaining, 0);
    // wait_n never blocks on what can never fit.
    assert_eq!(limiter.wait_n(4), never);
    assert_eq!(limiter.wait_n(0), Ok(()));
}

#[test]
fn per_minute_per_hour_and_custom_periods() {
    let (minute, clock_m) = limiter(Quota::per_minute(2).unwrap());
    assert_eq!(minute.check_n(2), Ok(()));
    assert_eq!(not_until(minute.check()), Duration::from_secs(30));
    clock_m.advance(Duration::from_secs(30));
    assert_eq!(minute.check(), Ok(()));

    let (hour, _) = limiter(Quota::per_hour(1).unwrap());
    assert_eq!(hour.check(), Ok(()));
    assert_eq!(not_until(hour.check()), Duration::from_secs(3600));

    // 3 a second: 333,333,333 ns apart, exact in nanoseconds even on a µs clock.
    let (third, clock_t) = limiter(Quota::per_second(3).unwrap().with_burst(1).unwrap());
    assert_eq!(third.check(), Ok(()));
    clock_t.advance(Duration::from_micros(333_333));
    assert_eq!(not_until(third.check()), Duration::from_nanos(333));
    clock_t.advance(Duration::from_micros(1));
    assert_eq!(third.check(), Ok(()));
}

#[test]
fn zero_quotas_are_typed_errors() {
    use embedis::QuotaError;
    assert_eq!(Quota::per_second(0), Err(QuotaError::ZeroRate));
    assert_eq!(Quota::per_minute(0), Err(QuotaError::ZeroRate));
    assert_eq!(Quota::per_hour(0), Err(QuotaError::ZeroRate));
    assert_eq!(
        Quota::with_period(Duration::ZERO),
        Err(QuotaError::ZeroRate)
    );
    assert_eq!(
        Quota::per_second(5).unwrap().with_burst(0),
        Err(QuotaError::ZeroBurst)
    );
    assert_eq!(
        Quota::with_period(Duration::from_nanos(1)).map(|q| q.burst()),
        Ok(1)
    );
}

#[test]
fn the_quota_changes_at_run_time() {
    let (limiter, clock) = limiter(Quota::per_second(1).unwrap());
    assert_eq!(limiter.check(), Ok(()));
    assert_eq!(not_until(limiter.check()), Duration::from_secs(1));

    // A larger burst has room at once; the cell already admitted still counts, as the
    // second it owes: ten cells at the new rate.
    let bigger = Quota::per_second(10).unwrap().with_burst(20).unwrap();
    limiter.set_quota(bigger);
    assert_eq!(limiter.quota(), bigger);
    let s = limiter.snapshot();
    assert_eq!((s.limit, s.remaining), (20, 10));
    assert_eq!(limiter.check_n(10), Ok(()));
    assert_eq!(not_until(limiter.check()), 100 * MS, "the new rate refills");
    clock.advance(100 * MS);
    assert_eq!(limiter.check(), Ok(()));

    // A smaller quota with a debt beyond its burst reads as an empty bucket, no worse.
    let smaller = Quota::per_second(100).unwrap().with_burst(1).unwrap();
    limiter.set_quota(smaller);
    assert_eq!(limiter.snapshot().remaining, 0);
    assert_eq!(not_until(limiter.check()), 10 * MS);
    clock.advance(10 * MS);
    assert_eq!(limiter.check(), Ok(()));
    assert_eq!(
        limiter.check_n(2),
        Err(RateLimitError::InsufficientCapacity { burst: 1 })
    );

    // And back: the original quota applies from its own burst.
    limiter.set_quota(Quota::per_second(1).unwrap());
    clock.advance(Duration::from_secs(1));
    assert_eq!(limiter.check(), Ok(()));
    assert!(limiter.check().is_err());
}

#[test]
fn set_quota_races_with_checks_without_mixing_quotas() {
    let (limiter, _clock) = limiter(Quota::per_second(10).unwrap());
    let limiter = Arc::new(limiter);
    let a = Quota::per_second(10).unwrap();
    let b = Quota::per_hour(1000).unwrap().with_burst(1).unwrap();
    let stop = Arc::new(AtomicBool::new(false));
    let readers: Vec<_> = (0..2)
        .map(|_| {
            let (limiter, stop) = (Arc::clone(&limiter), Arc::clone(&stop));
            std::thread::spawn(move || {
                while !stop.load(Ordering::Relaxed) {
                    let q = limiter.quota();
                    assert!(q == a || q == b, "a torn quota: {q:?}");
                    let _ = limiter.check();
                }
            })
        })
        .collect();
    for i in 0..20_000 {
        limiter.set_quota(if i % 2 == 0 { b } else { a });
    }
    stop.store(true, Ordering::Relaxed);
    for reader in readers {
        reader.join().unwrap();
    }
}

#[test]
fn the_engine_limiter_follows_the_engine_clock() {
    let clock = ManualClock::new();
    let engine = Engine::builder().clock(clock.clone()).build();
    let limiter = engine.rate_limiter(Quota::per_second(5).unwrap());
    assert_eq!(limiter.check_n(5), Ok(()));
    assert_eq!(not_until(limiter.check()), 200 * MS);
    clock.advance(200 * MS);
    assert_eq!(limiter.check(), Ok(()));
    // The limiter keeps working after the engine stops: it needs only the clock.
    engine.shutdown();
    clock.advance(Duration::from_secs(1));
    assert_eq!(limiter.check_n(5), Ok(()));
}

#[test]
fn wait_returns_once_another_thread_advances_the_manual_clock() {
    let (limiter, clock) = limiter(Quota::per_minute(1).unwrap());
    let limiter = Arc::new(limiter);
    assert_eq!(limiter.wait(), Ok(()), "a full bucket does not wait");
    let done = Arc::new(AtomicBool::new(false));
    let waiter = {
        let (limiter, done) = (Arc::clone(&limiter), Arc::clone(&done));
        std::thread::spawn(move || {
            let result = limiter.wait();
            done.store(true, Ordering::SeqCst);
            result
        })
    };
    std::thread::sleep(Duration::from_millis(30));
    assert!(!done.load(Ordering::SeqCst), "it must wait for the clock");
    clock.advance(Duration::from_secs(59));
    std::thread::sleep(Duration::from_millis(30));
    assert!(!done.load(Ordering::SeqCst), "59 s are not enough");
    let started = Instant::now();
    clock.advance(Duration::from_secs(1));
    assert_eq!(waiter.join().unwrap(), Ok(()));
    assert!(started.elapsed() < Duration::from_secs(1));
    assert!(limiter.check().is_err(), "wait took the cell");
}

#[test]
fn wait_on_the_system_clock_sleeps_about_the_interval() {
    let limiter = RateLimiter::new(Quota::per_second(100).unwrap().with_burst(1).unwrap());
    let started = Instant::now();
    for _ in 0..4 {
        limiter.wait().unwrap();
    }
    // Three waits of 10 ms after the first cell.
    let took = started.elapsed();
    assert!(took >= Duration::from_millis(29), "{took:?}");
    assert!(took < Duration::from_secs(2), "{took:?}");
}

#[test]
fn the_limiter_is_send_and_sync() {
    fn assert_send_sync<T: Send + Sync + 'static>() {}
    assert_send_sync::<RateLimiter>();
    assert_send_sync::<RateLimitError>();
}

/// One run: `threads` threads hammer one limiter while another thread advances the clock in
/// random steps, waiting for the bucket to drain before each step. Admitted cells never
/// exceed burst + elapsed / interval at any moment, and equal it at the end.
fn hammer_once(threads: usize, seed: u64) {
    let burst = 8u32;
    let interval = Duration::from_micros(500);
    let quota = Quota::with_period(interval)
        .unwrap()
        .with_burst(burst)
        .unwrap();
    let clock = ManualClock::new();
    let start = clock.now_micros();
    let limiter = Arc::new(RateLimiter::with_clock(quota, clock.clone()));
    let admitted = Arc::new(AtomicU64::new(0));
    let stop = Arc::new(AtomicBool::new(false));
    let bound = |admitted: u64, now: u64| {
        let elapsed = now - start;
        assert!(
            admitted <= u64::from(burst) + elapsed / 500,
            "admitted {admitted} cells in {elapsed} µs"
        );
    };
    let workers: Vec<_> = (0..threads)
        .map(|t| {
            let (limiter, admitted, stop) = (
                Arc::clone(&limiter),
                Arc::clone(&admitted),
                Arc::clone(&stop),
            );
            std::thread::spawn(move || {
                let mut n = (t % 3) as u32 + 1;
                while !stop.load(Ordering::SeqCst) {
                    if limiter.check_n(n).is_ok() {
                        admitted.fetch_add(u64::from(n), Ordering::SeqCst);
                    }
                    n = n % 3 + 1;
                }
            })
        })
        .collect();
    let mut rng = seed;
    for _ in 0..100 {
        // Wait until the workers drained the bucket, so none of it is wasted.
        let deadline = Instant::now() + Duration::from_secs(2);
        while limiter.snapshot().remaining > 0 && Instant::now() < deadline {
            std::thread::yield_now();
        }
        bound(admitted.load(Ordering::SeqCst), clock.now_micros());
        rng = rng
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        // Steps of 1 µs to 3.5 ms: less than a burst's refill (8 × 500 µs) minus the
        // partial cell a drained bucket may hold, so no refill is lost to the cap.
        clock.advance(Duration::from_micros((rng >> 33) % 3500 + 1));
    }
    let deadline = Instant::now() + Duration::from_secs(2);
    while limiter.snapshot().remaining > 0 && Instant::now() < deadline {
        std::thread::yield_now();
    }
    stop.store(true, Ordering::SeqCst);
    for worker in workers {
        worker.join().unwrap();
    }
    let total = admitted.load(Ordering::SeqCst);
    let now = clock.now_micros();
    bound(total, now);
    assert_eq!(
        total,
        u64::from(burst) + (now - start) / 500,
        "a drained bucket admitted exactly its allowance"
    );
}

#[test]
fn threads_hammering_one_limiter_never_exceed_burst_plus_rate_times_elapsed() {
    let started = Instant::now();
    let mut runs = 0u64;
    while runs < 60 && started.elapsed() < Duration::from_secs(3) {
        hammer_once(2 + (runs % 3) as usize, runs + 1);
        runs += 1;
    }
    assert!(runs >= 3, "only {runs} runs");
}

/// The bucket as tokens: capacity in nanoseconds of refill, filled by elapsed time, capped
/// at a full burst, drained by n intervals per admitted request.
#[derive(Debug)]
struct ModelBucket {
    interval: u64,
    burst: u32,
    tokens: u64,
}

impl ModelBucket {
    fn tau(&self) -> u64 {
        self.interval * u64::from(self.burst)
    }
    fn advance(&mut self, nanos: u64) {
        self.tokens = (self.tokens + nanos).min(self.tau());
    }
    /// `Ok(())`, `Err(Some(wait_ns))`, or `Err(None)` for never.
    fn check_n(&mut self, n: u32) -> Result<(), Option<u64>> {
        if n > self.burst {
            return Err(None);
        }
        let need = self.interval * u64::from(n);
        if self.tokens >= need {
            self.tokens -= need;
            Ok(())
        } else {
            Err(Some(need - self.tokens))
        }
    }
    fn remaining(&self) -> u32 {
        (self.tokens / self.interval) as u32
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn the_limiter_matches_a_reference_bucket(
        rate in 1u32..2000,
        burst in 1u32..12,
        ops in proptest::collection::vec((prop_oneof![
            3 => 0u64..2_000,
            2 => 0u64..100_000,
            1 => 0u64..5_000_000,
        ], 0u32..14), 1..120),
    ) {
        let quota = Quota::per_second(rate).unwrap().with_burst(burst).unwrap();
        let clock = ManualClock::new();
        let limiter = RateLimiter::with_clock(quota, clock.clone());
        let interval = 1_000_000_000 / u64::from(rate);
        prop_assert_eq!(quota.emission_interval(), Duration::from_nanos(interval));
        let mut model = ModelBucket { interval, burst, tokens: interval * u64::from(burst) };
        for (advance_us, n) in ops {
            clock.advance(Duration::from_micros(advance_us));
            model.advance(advance_us * 1000);
            let got = limiter.check_n(n);
            match model.check_n(n) {
                Ok(()) => prop_assert_eq!(got, Ok(())),
                Err(None) => prop_assert_eq!(got, Err(RateLimitError::InsufficientCapacity { burst })),
                Err(Some(wait)) => {
                    let now = UNIX_EPOCH + Duration::from_micros(clock.now_micros());
                    let Err(RateLimitError::NotUntil(when)) = got else {
                        return Err(TestCaseError::fail(format!("expected NotUntil, got {got:?}")));
                    };
                    prop_assert_eq!(when.retry_after(), Duration::from_nanos(wait));
                    prop_assert_eq!(when.earliest(), now + Duration::from_nanos(wait));
                }
            }
            let s = limiter.snapshot();
            prop_assert_eq!(s.limit, burst);
            prop_assert_eq!(s.remaining, model.remaining());
            prop_assert_eq!(s.reset_after, Duration::from_nanos(model.tau() - model.tokens));
            let retry = if model.remaining() == 0 { interval - model.tokens } else { 0 };
            prop_assert_eq!(s.retry_after, Duration::from_nanos(retry));
        }
    }
}

mod keyed {
    use super::*;
    use embedis::KeyedRateLimiter;

    fn keyed(quota: Quota) -> (KeyedRateLimiter<String>, ManualClock) {
        let clock = ManualClock::new();
        (KeyedRateLimiter::with_clock(quota, clock.clone()), clock)
    }

    #[test]
    fn every_key_has_its_own_exact_bucket() {
        let (limiter, clock) = keyed(Quota::per_second(10).unwrap().with_burst(3).unwrap());
        for key in ["a", "b", "c"] {
            assert_eq!(limiter.check_key_n(key, 3), Ok(()));
            assert_eq!(not_until(limiter.check_key(key)), 100 * MS);
        }
        clock.advance(100 * MS);
        assert_eq!(limiter.check_key("a"), Ok(()));
        assert!(limiter.check_key("a").is_err());
        assert_eq!(limiter.check_key("b"), Ok(()));
        let s = limiter.snapshot_key("c");
        assert_eq!((s.limit, s.remaining, s.reset_after), (3, 1, 200 * MS));
        assert_eq!(limiter.len(), 3);
    }

    #[test]
    fn check_n_edges_per_key() {
        let (limiter, _clock) = keyed(Quota::per_second(2).unwrap());
        assert_eq!(limiter.check_key_n("k", 0), Ok(()));
        assert_eq!(
            limiter.check_key_n("k", 3),
            Err(RateLimitError::InsufficientCapacity { burst: 2 })
        );
        assert!(
            limiter.is_empty(),
            "a refused or empty request tracks nothing"
        );
        assert_eq!(limiter.check_key_n("k", 2), Ok(()));
        assert_eq!(
            not_until(limiter.check_key_n("k", 2)),
            Duration::from_secs(1)
        );
        assert_eq!(
            limiter.wait_key_n("k", 3),
            Err(RateLimitError::InsufficientCapacity { burst: 2 })
        );
    }

    #[test]
    fn full_buckets_are_evicted_without_being_asked() {
        let (limiter, clock) = keyed(Quota::per_second(1000).unwrap().with_burst(1).unwrap());
        // 100,000 one-off keys, 1 ms apart in groups: each is full again 1 ms later.
        for round in 0..100u32 {
            for i in 0..1000u32 {
                assert_eq!(limiter.check_key(&format!("{round}:{i}")), Ok(()));
            }
            clock.advance(MS);
        }
        // Memory stays bounded by the keys still refilling (≤ 1,000) plus the slack of
        // the per-shard sweeps, not by the 100,000 keys seen.
        assert!(limiter.len() < 20_000, "{} keys tracked", limiter.len());
        // The last round's keys are full once their millisecond has passed.
        let tracked = limiter.len();
        assert_eq!(limiter.evict_full(), tracked);
        assert!(limiter.is_empty());
    }

    #[test]
    fn the_maximum_key_count_evicts_full_buckets_first() {
        let clock = ManualClock::new();
        let limiter: KeyedRateLimiter<u32> =
            KeyedRateLimiter::with_clock(Quota::per_second(1).unwrap(), clock.clone())
                .with_max_keys(3);
        for key in 0..3 {
            assert_eq!(limiter.check_key(&key), Ok(()));
        }
        assert_eq!(
            limiter.check_key(&3),
            Err(RateLimitError::TooManyKeys { max_keys: 3 })
        );
        assert_eq!(
            limiter.check_key(&0).map_err(|_| ()),
            Err(()),
            "known keys still work"
        );
        assert_eq!(limiter.len(), 3);
        // Once the buckets are full again there is room: they are evicted on demand.
        clock.advance(Duration::from_secs(1));
        assert_eq!(limiter.check_key(&3), Ok(()));
        assert_eq!(limiter.len(), 1);
        let text = RateLimitError::TooManyKeys { max_keys: 3 }.to_string();
        assert!(text.contains('3'), "{text}");
    }

    #[test]
    fn the_keyed_quota_changes_at_run_time() {
        let (limiter, clock) = keyed(Quota::per_second(1).unwrap());
        assert_eq!(limiter.check_key("k"), Ok(()));
        assert!(limiter.check_key("k").is_err());
        limiter.set_quota(Quota::per_second(1).unwrap().with_burst(3).unwrap());
        assert_eq!(limiter.quota().burst(), 3);
        assert_eq!(limiter.check_key_n("k", 2), Ok(()));
        assert!(limiter.check_key("k").is_err());
        limiter.set_quota(Quota::per_second(100).unwrap().with_burst(1).unwrap());
        assert_eq!(
            not_until(limiter.check_key("k")),
            10 * MS,
            "debt cut to one burst"
        );
        clock.advance(10 * MS);
        assert_eq!(limiter.check_key("k"), Ok(()));
    }

    #[test]
    fn threads_on_shared_keys_never_exceed_the_allowance() {
        let clock = ManualClock::new();
        let start = clock.now_micros();
        let limiter: Arc<KeyedRateLimiter<u8>> = Arc::new(
            KeyedRateLimiter::with_clock(
                Quota::with_period(Duration::from_micros(200))
                    .unwrap()
                    .with_burst(4)
                    .unwrap(),
                clock.clone(),
            )
            .with_max_keys(8),
        );
        let admitted: Arc<Vec<AtomicU64>> = Arc::new((0..4).map(|_| AtomicU64::new(0)).collect());
        let stop = Arc::new(AtomicBool::new(false));
        let workers: Vec<_> = (0..3u8)
            .map(|t| {
                let (limiter, admitted, stop) = (
                    Arc::clone(&limiter),
                    Arc::clone(&admitted),
                    Arc::clone(&stop),
                );
                std::thread::spawn(move || {
                    let mut key = t % 4;
                    while !stop.load(Ordering::SeqCst) {
                        if limiter.check_key(&key).is_ok() {
                            admitted[usize::from(key)].fetch_add(1, Ordering::SeqCst);
                        }
                        key = (key + 1) % 4;
                    }
                })
            })
            .collect();
        for step in 0..300u64 {
            std::thread::yield_now();
            let elapsed = clock.now_micros() - start;
            for count in admitted.iter() {
                assert!(
                    count.load(Ordering::SeqCst) <= 4 + elapsed / 200,
                    "step {step}"
                );
            }
            clock.advance(Duration::from_micros(step % 7 * 50 + 1));
        }
        stop.store(true, Ordering::SeqCst);
        for worker in workers {
            worker.join().unwrap();
        }
        let elapsed = clock.now_micros() - start;
        for count in admitted.iter() {
            assert!(count.load(Ordering::SeqCst) <= 4 + elapsed / 200);
        }
        assert!(limiter.len() <= 8);
    }
}
