//! The end-of-run summary: ns/op, ops/s and the ratios the project tracks, computed from the
//! estimates criterion wrote during *this* run (older files are ignored, so a filtered run
//! never mixes in stale figures). Criterion has no API for its results, so this reads its
//! `estimates.json` files; the figure used is the one criterion prints as `time:` (the
//! linear-regression slope, or the mean when there is none).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};
use std::time::SystemTime;

static START: OnceLock<SystemTime> = OnceLock::new();
static RAN: Mutex<Vec<Bench>> = Mutex::new(Vec::new());
static NOTES: Mutex<Vec<String>> = Mutex::new(Vec::new());

#[derive(Clone, PartialEq)]
struct Bench {
    group: &'static str,
    function: &'static str,
    param: Option<u64>,
    elements: u64,
}

impl Bench {
    fn name(&self) -> String {
        match self.param {
            Some(param) => format!("{}/{}/{}", self.group, self.function, param),
            None => format!("{}/{}", self.group, self.function),
        }
    }
}

/// Call first thing in `main`.
pub fn mark_start() {
    // Criterion's file times have at least this resolution; one second of slack also
    // covers coarse filesystem timestamps.
    let start = SystemTime::now() - std::time::Duration::from_secs(1);
    let _ = START.set(start);
}

/// Records that a benchmark ran (criterion calls the closure only for benchmarks that
/// pass the filter). Called once per sample; recorded once.
pub fn ran(group: &'static str, function: &'static str, param: Option<u64>, elements: u64) {
    let bench = Bench {
        group,
        function,
        param,
        elements,
    };
    let mut ran = RAN.lock().unwrap_or_else(|e| e.into_inner());
    if !ran.contains(&bench) {
        ran.push(bench);
    }
}

/// A line printed with the summary (a skipped scenario, say).
pub fn note(line: String) {
    NOTES.lock().unwrap_or_else(|e| e.into_inner()).push(line);
}

/// A criterion estimate for one iteration, in nanoseconds.
#[derive(Clone, Copy)]
pub struct Figure {
    pub ns_per_iter: f64,
    low: f64,
    high: f64,
    elements: u64,
}

impl Figure {
    pub fn ns_per_op(&self) -> f64 {
        self.ns_per_iter / self.elements as f64
    }

    pub fn ops_per_sec(&self) -> f64 {
        1e9 * self.elements as f64 / self.ns_per_iter
    }
}

/// This run's figures, looked up by benchmark.
pub struct Figures(Vec<(Bench, Figure)>);

impl Figures {
    /// The figure of `group/function[/param]`, if it ran.
    pub fn get(&self, group: &str, function: &str, param: Option<u64>) -> Option<Figure> {
        self.0
            .iter()
            .find(|(b, _)| b.group == group && b.function == function && b.param == param)
            .map(|(_, f)| *f)
    }
}

/// Prints the summary to stdout: a table of every benchmark that ran, then what `ratios`
/// writes (each bench its own ratios and targets).
pub fn print(title: &str, ratios: impl FnOnce(&Figures, &mut String)) {
    let ran = RAN.lock().unwrap_or_else(|e| e.into_inner()).clone();
    let notes = NOTES.lock().unwrap_or_else(|e| e.into_inner()).clone();
    let Some(dir) = criterion_dir() else {
        if !ran.is_empty() {
            println!("summary: criterion's output directory not found; no summary");
        }
        return;
    };
    let start = START.get().copied().unwrap_or(SystemTime::UNIX_EPOCH);
    let figures: Vec<(Bench, Figure)> = ran
        .iter()
        .filter_map(|bench| Some((bench.clone(), read_figure(&dir, bench, start)?)))
        .collect();
    if figures.is_empty() {
        // `--test`, `--list`, or a filter that matched nothing: no estimates this run, but
        // the paired measurements, which run outside criterion, still report.
        if !notes.is_empty() {
            println!("\n==== embedis {title}: paired measurements (this run) ====");
            for line in &notes {
                println!("{line}");
            }
        }
        return;
    }

    let mut out = String::new();
    let _ = writeln!(out, "\n==== embedis {title} summary (this run) ====");
    for line in &notes {
        let _ = writeln!(out, "{line}");
    }
    let _ = writeln!(
        out,
        "{:<40} {:>12} {:>21} {:>14}",
        "benchmark", "ns/op", "95% CI ns/op", "ops/s"
    );
    for (bench, figure) in &figures {
        let per = bench.elements as f64;
        let _ = writeln!(
            out,
            "{:<40} {:>12.1} {:>21} {:>14}",
            bench.name(),
            figure.ns_per_op(),
            format!("[{:.1}, {:.1}]", figure.low / per, figure.high / per),
            si(figure.ops_per_sec()),
        );
    }
    ratios(&Figures(figures), &mut out);
    print!("{out}");
}

/// The lower quartile, median and upper quartile of `values` (sorted in place; not empty).
#[allow(dead_code)] // the paired measurements only
pub fn quartiles(values: &mut [f64]) -> (f64, f64, f64) {
    values.sort_by(f64::total_cmp);
    let at = |quarters: usize| values[values.len() * quarters / 4];
    (at(1), at(2), at(3))
}

pub fn verdict(met: bool) -> &'static str {
    if met {
        "met"
    } else {
        "MISSED"
    }
}

pub fn si(value: f64) -> String {
    if value >= 1e6 {
        format!("{:.2} M", value / 1e6)
    } else if value >= 1e3 {
        format!("{:.1} K", value / 1e3)
    } else {
        format!("{value:.0}")
    }
}

/// Where criterion writes: `$CRITERION_HOME`, else `<target dir>/criterion`.
fn criterion_dir() -> Option<PathBuf> {
    if let Some(home) = std::env::var_os("CRITERION_HOME") {
        return Some(PathBuf::from(home));
    }
    if let Some(target) = std::env::var_os("CARGO_TARGET_DIR") {
        return Some(Path::new(&target).join("criterion"));
    }
    // The bench binary lives in <target>[/<triple>]/<profile>/deps/.
    let exe = std::env::current_exe().ok()?;
    exe.ancestors()
        .map(|dir| dir.join("criterion"))
        .find(|dir| dir.is_dir())
}

fn read_figure(dir: &Path, bench: &Bench, start: SystemTime) -> Option<Figure> {
    let mut path = dir.join(bench.group).join(bench.function);
    if let Some(param) = bench.param {
        path.push(param.to_string());
    }
    path.push("new/estimates.json");
    let modified = std::fs::metadata(&path).ok()?.modified().ok()?;
    if modified < start {
        return None; // written by an earlier run
    }
    let json = std::fs::read_to_string(&path).ok()?;
    // criterion's "typical" estimate: the slope if there is one, else the mean.
    let section = match json.find("\"slope\":") {
        Some(at) if !json[at + 8..].trim_start().starts_with("null") => &json[at..],
        _ => &json[json.find("\"mean\":")?..],
    };
    Some(Figure {
        ns_per_iter: number_after(section, "\"point_estimate\":")?,
        low: number_after(section, "\"lower_bound\":")?,
        high: number_after(section, "\"upper_bound\":")?,
        elements: bench.elements,
    })
}

/// The JSON number right after the first `key` in `text`.
fn number_after(text: &str, key: &str) -> Option<f64> {
    let rest = text[text.find(key)? + key.len()..].trim_start();
    let end = rest
        .find(|c: char| !(c.is_ascii_digit() || matches!(c, '.' | '-' | '+' | 'e' | 'E')))
        .unwrap_or(rest.len());
    rest[..end].parse().ok()
}
