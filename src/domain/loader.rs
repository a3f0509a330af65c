//! Reads a regulation from the text of its data files (no I/O: the caller supplies the texts) and checks that it holds together.

use super::classification::ClassificationRules;
use super::error::{DataError, line_of};
use super::facts::{FactDefinition, FactKind};
use super::framework::{Component, Content, Criterion, Framework, SubCriterion};
use super::grades::{Grade, GradeScale};
use super::regulation::{Agency, Bloc, Group, QuotaRule, Regulation};
use super::self_assessment::SelfAssessmentRules;
use super::tie_keys::{QuotaBase, QuotaRounding, TieKey};
use rust_decimal::Decimal;
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use std::str::FromStr;
use toml::Spanned;

/// The texts of one regulation's files, by path inside its folder (`regulation.toml`, `frameworks/phu-luc-1.toml`).
pub type DataFiles = BTreeMap<String, String>;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RegulationFile {
    id: String,
    title: String,
    #[serde(default)]
    percent_input: bool,
    #[serde(default)]
    not_applicable_allowed: bool,
    official_decimals: u32,
    /// Shorthand for a chain of one further decimal (`tie_keys = ["decimals:3"]`).
    tiebreak_decimals: Option<u32>,
    /// The tie-break chain after the official total: `decimals:N`, `part:CODE`, `criterion:CODE`.
    tie_keys: Option<Vec<Spanned<String>>>,
    quota: QuotaFile,
    grades: Option<BTreeMap<String, Spanned<String>>>,
    /// Decimals a typed score may carry; the official decimals when absent.
    score_decimals: Option<u32>,
    #[serde(default)]
    self_assessment: SelfAssessmentRules,
    #[serde(default)]
    facts: Vec<FactFile>,
    classification: ClassificationRules,
    #[serde(default)]
    deadlines: super::calendar::Deadlines,
    /// The article of the two-years-not-completed rule, where the regulation has one (2610 Điều 11.2.d).
    #[serde(default)]
    two_years_not_completed: Option<String>,
    /// The article of re-rating a unit after its bloc's approval, where the regulation has one (2610 Điều 10.4).
    #[serde(default)]
    rerating: Option<String>,
    /// Bonus and penalty points outside the 100-point frame: their caps and the total's bounds.
    points: Option<PointsFile>,
    /// Who scores the leaders' criteria, in the regulation's words.
    leaders_name: Option<String>,
    /// The score sheet's title and column headers, in the regulation's words.
    #[serde(default)]
    sheet: SheetFile,
    /// The levels' names in the regulation's words.
    #[serde(default)]
    level_names: LevelNamesFile,
    /// The levels' English names.
    #[serde(default)]
    level_names_en: LevelNamesFile,
    /// Further articles cited beside what they rule.
    #[serde(default)]
    citations: CitationsFile,
    /// The levels' short names, for narrow columns and the chart's legend.
    #[serde(default)]
    level_short_names: LevelNamesFile,
    /// The levels' English short names.
    #[serde(default)]
    level_short_names_en: LevelNamesFile,
}

/// `[citations]`: articles of the regulation cited beside what they rule; each absent: no article there.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct CitationsFile {
    /// Where the facts recorded per unit come from.
    facts: Option<String>,
    /// The article fixing each part's points.
    part_points: Option<String>,
    /// The article asking the leadership collective to approve the self-assessment before it is sent.
    submission_approval: Option<String>,
}

/// `[level_names]` / `[level_names_en]`: each level's name as the regulation writes it; absent, the seeds' words.
/// `[level_short_names]` / `[level_short_names_en]` are read as the same four keys: each level's short name (at
/// most [`super::regulation::SHORT_LEVEL_COLUMNS`] columns); absent, derived from the full name.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct LevelNamesFile {
    /// *Hoàn thành xuất sắc nhiệm vụ* (short: *Xuất sắc*).
    excellent: Option<Spanned<String>>,
    /// *Hoàn thành tốt nhiệm vụ* (short: *Tốt*).
    good: Option<Spanned<String>>,
    /// *Hoàn thành nhiệm vụ* (short: *Hoàn thành*).
    completed: Option<Spanned<String>>,
    /// *Không hoàn thành nhiệm vụ* (short: *Không HT*).
    not_completed: Option<Spanned<String>>,
}

impl LevelNamesFile {
    /// In the order of `Level::ALL`; a blank name keeps the default.
    fn names(self) -> [Option<String>; 4] {
        [self.not_completed, self.completed, self.good, self.excellent]
            .map(|name| name.map(|n| n.into_inner().trim().to_string()).filter(|n| !n.is_empty()))
    }

    /// As short names, in the order of `Level::ALL`, a blank name keeping the default; a name wider than the
    /// narrow column is a problem naming its key (`table.key`).
    fn short_names(self, source: &Source<'_>, table: &str, problems: &mut Vec<DataError>) -> [Option<String>; 4] {
        use unicode_width::UnicodeWidthStr;
        let columns = super::regulation::SHORT_LEVEL_COLUMNS;
        let keyed = [
            ("not_completed", self.not_completed),
            ("completed", self.completed),
            ("good", self.good),
            ("excellent", self.excellent),
        ];
        keyed.map(|(key, name)| {
            let name = name?;
            let text = name.get_ref().trim();
            if text.width() > columns {
                problems.push(source.error(
                    &name,
                    format!(
                        "{table}.{key} {text:?} is {} columns wide; a short name fits the ranking's narrow column, {columns} columns",
                        text.width()
                    ),
                ));
                return None;
            }
            Some(text.to_string()).filter(|text| !text.is_empty())
        })
    }
}

/// `[sheet]`: the score sheet's title and column headers where the regulation names them; absent, the seeds'.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct SheetFile {
    /// The title, `{year}` standing for the round's year.
    title: Option<String>,
    /// The header of the criteria's names.
    criterion_header: Option<String>,
    /// The header of the max points.
    max_header: Option<String>,
    /// The header of the unit's own scores.
    self_score_header: Option<String>,
    /// The header of the council's scores.
    appraised_header: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PointsFile {
    /// Most bonus points a unit may earn.
    bonus_cap: Option<Spanned<String>>,
    /// Most penalty points a unit may lose.
    penalty_cap: Option<Spanned<String>>,
    /// Highest total (100).
    total_cap: Option<Spanned<String>>,
    /// Lowest total (0).
    total_floor: Option<Spanned<String>>,
    /// The article, cited where the points are shown.
    #[serde(default)]
    source: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct QuotaFile {
    rate: Spanned<String>,
    /// `eligible` (the default) or `all`.
    base: Option<Spanned<String>>,
    /// `down` (the default) or `up`.
    rounding: Option<Spanned<String>>,
    /// Most units of any bloc rated excellent.
    cap: Option<u32>,
    /// The article letting the chairman decide beyond the quota.
    chairman_exception: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FactFile {
    name: Spanned<String>,
    label: String,
    /// A short name for forms and reasons; the label when absent.
    title: Option<String>,
    kind: String,
    #[serde(default)]
    choices: Vec<String>,
    #[serde(default)]
    choice_labels: Vec<String>,
    at_most: Option<Spanned<String>>,
    /// Bonus points each (count) or once (bool).
    bonus: Option<Spanned<String>>,
    /// Penalty points each (count) or once (bool).
    penalty: Option<Spanned<String>>,
    /// The blocs where the fact is asked and counted; every bloc when absent.
    #[serde(default)]
    blocs: Vec<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AgenciesFile {
    agencies: Vec<AgencyFile>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AgencyFile {
    code: Spanned<String>,
    name: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct BlocsFile {
    blocs: Vec<BlocFile>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct BlocFile {
    code: Spanned<String>,
    name: String,
    #[serde(default)]
    parts: Vec<String>,
    excellent_cap: Option<u32>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GroupsFile {
    groups: Vec<GroupFile>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GroupFile {
    code: Spanned<String>,
    name: String,
    parts: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PartFile {
    title: String,
    source: String,
    contents: Vec<ContentFile>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ContentFile {
    code: Spanned<String>,
    name: String,
    max: Spanned<String>,
    criteria: Vec<CriterionFile>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CriterionFile {
    code: Spanned<String>,
    name: String,
    max: Spanned<String>,
    scored_by: Option<Spanned<String>>,
    agency_note: Option<String>,
    #[serde(default)]
    agencies: Vec<String>,
    transfer_to: Option<Spanned<String>>,
    #[serde(default)]
    components: Vec<ComponentFile>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ComponentFile {
    code: Spanned<String>,
    name: String,
    max: Spanned<String>,
    /// Required on a leaf; a sub-criterion with `components` puts them on its own leaves.
    #[serde(default)]
    agencies: Vec<String>,
    agency_note: Option<String>,
    /// A further level (B.2.1 › B.2.1.1): the sub-criterion's score is their sum.
    #[serde(default)]
    components: Vec<ComponentFile>,
}

/// One file being read: its name and text, for error positions.
struct Source<'a> {
    name: String,
    text: &'a str,
}

impl Source<'_> {
    fn error<T>(&self, spanned: &Spanned<T>, message: impl Into<String>) -> DataError {
        DataError::at(&self.name, line_of(self.text, spanned.span().start), message)
    }

    fn parse<T: for<'de> Deserialize<'de>>(&self) -> Result<T, DataError> {
        toml::from_str(self.text).map_err(|error| {
            let line = error.span().map(|span| line_of(self.text, span.start)).unwrap_or(1);
            DataError::at(&self.name, line, error.message().trim().to_string())
        })
    }

    fn decimal(&self, spanned: &Spanned<String>, what: &str) -> Result<Decimal, DataError> {
        let text = spanned.get_ref().trim();
        let valid = !text.is_empty() && text.chars().all(|c| c.is_ascii_digit() || c == '.');
        match Decimal::from_str(text) {
            Ok(value) if valid => Ok(value),
            _ => Err(self.error(spanned, format!("{what} {text:?} is not a decimal number like \"1.5\""))),
        }
    }
}

fn file<'a>(files: &'a DataFiles, regulation: &str, path: &str) -> Result<Source<'a>, DataError> {
    let name = format!("{regulation}/{path}");
    match files.get(path) {
        Some(text) => Ok(Source { name, text }),
        None => Err(DataError::Missing { file: name, message: "the regulation needs this file".into() }),
    }
}

/// Loads and validates a regulation from its files' texts. `folder` names it in errors: the first problem.
pub fn load_regulation(folder: &str, files: &DataFiles) -> Result<Regulation, DataError> {
    load_regulation_checked(folder, files).map_err(|mut problems| problems.swap_remove(0))
}

/// The problems found so far while loading, in the order found (never empty when returned).
#[derive(Default)]
struct Problems(Vec<DataError>);

impl Problems {
    /// The value, or None with its problem recorded.
    fn keep<T>(&mut self, result: Result<T, DataError>) -> Option<T> {
        result.map_err(|problem| self.0.push(problem)).ok()
    }
}

/// How many unknown keys of one file are reported before its reading stops.
const UNKNOWN_KEYS_SHOWN: usize = 20;

/// Parses a file, reporting every key its schema does not know (each on its line): the line of each is left
/// out and the file read again, so one misspelt key does not hide the next problem. Any other fault ends it.
fn parse_every_unknown<T: for<'de> Deserialize<'de>>(source: &Source<'_>, problems: &mut Problems) -> Option<T> {
    let mut text = source.text.to_string();
    for _ in 0..UNKNOWN_KEYS_SHOWN {
        let error = match toml::from_str::<T>(&text) {
            Ok(parsed) => return Some(parsed),
            Err(error) => error,
        };
        let line = error.span().map_or(1, |span| line_of(&text, span.start));
        problems.0.push(DataError::at(&source.name, line, error.message().trim().to_string()));
        if !error.message().contains("unknown field") {
            return None;
        }
        // The line left blank keeps every later line's number.
        text =
            text.lines().enumerate().map(|(at, l)| if at + 1 == line { "" } else { l }).collect::<Vec<_>>().join("\n");
    }
    None
}

/// Loads a regulation reporting every problem it can find at once (`regulations check`): each file is read
/// (every unknown key of it named), then each part of the regulation checked on its own — the quota, the grades,
/// the frameworks, the facts, the points, the tie chain — a part whose inputs failed left unchecked, so one
/// mistake is not reported again through another.
pub fn load_regulation_checked(folder: &str, files: &DataFiles) -> Result<Regulation, Vec<DataError>> {
    let mut problems = Problems::default();
    let source = file(files, folder, "regulation.toml").map_err(|problem| vec![problem])?;
    let raw: Option<RegulationFile> = parse_every_unknown(&source, &mut problems);
    let Structure { agencies, blocs, groups, frameworks, frameworks_failed } =
        load_structure(folder, files, &mut problems);
    let Some(mut raw) = raw else { return Err(problems.0) };
    let raw_facts = std::mem::take(&mut raw.facts);
    let grades = problems.keep(load_grades(&source, raw.grades.as_ref()));
    let quota = problems.keep(load_quota(&source, &raw.quota));
    let mut read_facts = load_facts(&source, raw_facts, blocs.as_deref());
    let facts_whole = blocs.is_some() && read_facts.problems.is_empty();
    problems.0.append(&mut read_facts.problems);
    let points =
        facts_whole.then(|| problems.keep(load_points(&source, raw.points.as_ref(), &read_facts.facts))).flatten();
    let tie_keys_listed = raw.tie_keys.is_some();
    let tie_keys = (blocs.is_some() && groups.is_some())
        .then(|| problems.keep(load_tie_keys(&source, raw.tiebreak_decimals, raw.tie_keys.as_deref(), &frameworks)))
        .flatten();
    let contents = (!frameworks_failed && blocs.is_some() && groups.is_some()).then_some(frameworks.as_slice());
    problems.0.extend(check_classification(
        &source,
        &raw.classification,
        blocs.as_deref(),
        &read_facts,
        contents,
        grades.as_ref().map(Option::is_some),
    ));
    let facts = facts_whole.then_some(read_facts.facts);
    let (
        Some(agencies),
        Some(blocs),
        Some(groups),
        Some(grades),
        Some(quota),
        Some(facts),
        Some(points),
        Some(tie_keys),
    ) = (agencies, blocs, groups, grades, quota, facts, points, tie_keys)
    else {
        return Err(problems.0);
    };
    if !problems.0.is_empty() {
        return Err(problems.0);
    }
    finish(
        folder,
        &source,
        raw,
        Parts { agencies, blocs, groups, frameworks, grades, quota, facts, points, tie_keys, tie_keys_listed },
    )
}

/// A bloc with no parts where no group chooses a framework: its units would have none.
fn bloc_without_framework(folder: &str, blocs: &[Bloc], groups: &[Group]) -> Option<DataError> {
    let bloc = blocs.iter().find(|b| b.framework.is_none()).filter(|_| groups.is_empty())?;
    Some(DataError::at(
        &format!("{folder}/blocs.toml"),
        1,
        format!("bloc {} has no parts and the regulation has no groups to choose a framework", bloc.code),
    ))
}

/// The classification's problems, checked against whatever parts were read (a part None is not checked
/// against, its own problem reported where it was read).
fn check_classification(
    source: &Source<'_>,
    rules: &ClassificationRules,
    blocs: Option<&[Bloc]>,
    facts: &ReadFacts,
    frameworks: Option<&[Framework]>,
    graded: Option<bool>,
) -> Vec<DataError> {
    let known = super::classification_check::Known {
        blocs,
        facts: Some(&facts.facts),
        broken_facts: &facts.broken,
        contents: frameworks
            .map(|built| built.iter().flat_map(|f| f.contents.iter().map(|c| c.code.as_str())).collect()),
        graded,
    };
    super::classification_check::check(&source.name, source.text, rules, &known)
}

/// The agencies, blocs, groups and the frameworks they name, each read on its own.
struct Structure {
    agencies: Option<Vec<Agency>>,
    blocs: Option<Vec<Bloc>>,
    groups: Option<Vec<Group>>,
    frameworks: Vec<Framework>,
    /// Some framework could not be built (its problem recorded).
    frameworks_failed: bool,
}

fn load_structure(folder: &str, files: &DataFiles, problems: &mut Problems) -> Structure {
    let agencies = problems.keep(load_agencies(folder, files));
    let mut frameworks = Frameworks {
        folder,
        files,
        agencies: agencies.iter().flatten().map(|a| a.code.clone()).collect(),
        built: Vec::new(),
        failed: Vec::new(),
    };
    let (blocs, groups) = match agencies {
        Some(_) => {
            let blocs = problems.keep(load_blocs(folder, files, &mut frameworks));
            let groups = problems.keep(load_groups(folder, files, &mut frameworks));
            (blocs, groups)
        }
        None => (None, None),
    };
    let frameworks_failed = !frameworks.failed.is_empty();
    problems.0.extend(frameworks.failed.drain(..).map(|(_, problem)| problem));
    if let (Some(blocs), Some(groups)) = (&blocs, &groups)
        && !frameworks_failed
    {
        problems.0.extend(bloc_without_framework(folder, blocs, groups));
    }
    Structure { agencies, blocs, groups, frameworks: frameworks.built, frameworks_failed }
}

/// What `load_regulation_checked` read, each part valid.
struct Parts {
    agencies: Vec<Agency>,
    blocs: Vec<Bloc>,
    groups: Vec<Group>,
    frameworks: Vec<Framework>,
    grades: Option<GradeScale>,
    quota: QuotaRule,
    facts: Vec<FactDefinition>,
    points: Option<super::regulation::PointsRule>,
    tie_keys: Vec<TieKey>,
    tie_keys_listed: bool,
}

/// The regulation from its valid parts, with the checks that need them all (its id, its deadline, its
/// classification, each reported).
fn finish(folder: &str, source: &Source<'_>, raw: RegulationFile, parts: Parts) -> Result<Regulation, Vec<DataError>> {
    let Parts { agencies, blocs, groups, frameworks, grades, quota, facts, points, tie_keys, tie_keys_listed } = parts;
    let mut problems = Vec::new();
    let tiebreak_decimals = tie_keys
        .iter()
        .find_map(|key| match key {
            TieKey::Decimals(decimals) => Some(*decimals),
            TieKey::Part(_) | TieKey::Criterion(_) => None,
        })
        .unwrap_or(raw.official_decimals);
    let regulation = Regulation {
        id: raw.id,
        title: raw.title,
        percent_input: raw.percent_input,
        not_applicable_allowed: raw.not_applicable_allowed,
        official_decimals: raw.official_decimals,
        tiebreak_decimals,
        tie_keys,
        tie_keys_listed,
        score_decimals: raw.score_decimals.unwrap_or(raw.official_decimals),
        self_assessment: raw.self_assessment,
        two_years_not_completed: raw.two_years_not_completed,
        rerating: raw.rerating,
        quota,
        agencies,
        blocs,
        groups,
        frameworks,
        grades,
        facts,
        classification: raw.classification,
        deadlines: raw.deadlines,
        points,
        leaders_name: raw.leaders_name,
        sheet: super::regulation::SheetNames {
            title: raw.sheet.title,
            criterion: raw.sheet.criterion_header,
            max: raw.sheet.max_header,
            self_score: raw.sheet.self_score_header,
            appraised: raw.sheet.appraised_header,
        },
        level_names: super::regulation::LevelNames {
            vietnamese: raw.level_names.names(),
            english: raw.level_names_en.names(),
            short_vietnamese: raw.level_short_names.short_names(source, "level_short_names", &mut problems),
            short_english: raw.level_short_names_en.short_names(source, "level_short_names_en", &mut problems),
        },
        citations: {
            let article = |text: Option<String>| text.map(|t| t.trim().to_string()).filter(|t| !t.is_empty());
            super::regulation::Citations {
                facts: article(raw.citations.facts),
                part_points: article(raw.citations.part_points),
                submission_approval: article(raw.citations.submission_approval),
            }
        },
    };
    if regulation.deadlines.submission.is_some() && regulation.deadlines.submission_in(2024).is_none() {
        problems.push(DataError::at(
            &source.name,
            1,
            "deadlines.submission must be a day of the year, MM-DD (\"11-25\")",
        ));
    }
    if regulation.id != folder {
        problems.push(DataError::at(
            &source.name,
            1,
            format!("id {:?} differs from its folder {folder:?}", regulation.id),
        ));
    }
    if problems.is_empty() { Ok(regulation) } else { Err(problems) }
}

/// The frameworks built so far, one per distinct list of parts, shared by the blocs and groups that name it.
struct Frameworks<'a> {
    folder: &'a str,
    files: &'a DataFiles,
    /// The agency codes a component may name.
    agencies: BTreeSet<String>,
    built: Vec<Framework>,
    /// The problem of each framework that could not be built, once per list of parts: the blocs and groups
    /// naming it are still read, so the facts and points that name them are checked too.
    failed: Vec<(String, DataError)>,
}

impl Frameworks<'_> {
    /// The index of the framework made of these parts, built on first use; None when it cannot be built (its
    /// problem recorded in `failed`).
    fn index_of(&mut self, parts: &[String]) -> Option<usize> {
        let key = parts.join("+");
        if let Some(index) = self.built.iter().position(|f| f.key == key) {
            return Some(index);
        }
        if self.failed.iter().any(|(failed, _)| *failed == key) {
            return None;
        }
        match build_framework(self.folder, self.files, parts, &self.agencies) {
            Ok(framework) => {
                self.built.push(framework);
                Some(self.built.len() - 1)
            }
            Err(problem) => {
                self.failed.push((key, problem));
                None
            }
        }
    }
}

/// `agencies.toml`: the appraising agencies, each code a slug listed once.
fn load_agencies(folder: &str, files: &DataFiles) -> Result<Vec<Agency>, DataError> {
    let source = file(files, folder, "agencies.toml")?;
    let agencies_file: AgenciesFile = source.parse()?;
    let mut agencies = Vec::new();
    for agency in agencies_file.agencies {
        check_slug(&source, &agency.code, "agency code")?;
        if agencies.iter().any(|a: &Agency| a.code == *agency.code.get_ref()) {
            return Err(source.error(&agency.code, format!("agency {} is listed twice", agency.code.get_ref())));
        }
        agencies.push(Agency { code: agency.code.into_inner(), name: agency.name });
    }
    Ok(agencies)
}

/// `blocs.toml`: the blocs units are ranked in, each with the framework its parts make (none: by group).
fn load_blocs(folder: &str, files: &DataFiles, frameworks: &mut Frameworks<'_>) -> Result<Vec<Bloc>, DataError> {
    let source = file(files, folder, "blocs.toml")?;
    let blocs_file: BlocsFile = source.parse()?;
    let mut blocs = Vec::new();
    for bloc in blocs_file.blocs {
        check_slug(&source, &bloc.code, "bloc code")?;
        if blocs.iter().any(|b: &Bloc| b.code == *bloc.code.get_ref()) {
            return Err(source.error(&bloc.code, format!("bloc {} is listed twice", bloc.code.get_ref())));
        }
        let framework = if bloc.parts.is_empty() { None } else { frameworks.index_of(&bloc.parts) };
        blocs.push(Bloc {
            code: bloc.code.into_inner().into(),
            name: bloc.name,
            framework,
            excellent_cap: bloc.excellent_cap,
        });
    }
    Ok(blocs)
}

/// `groups.toml`, when the regulation has one: the groups that choose a framework within a bloc.
fn load_groups(folder: &str, files: &DataFiles, frameworks: &mut Frameworks<'_>) -> Result<Vec<Group>, DataError> {
    let mut groups = Vec::new();
    if !files.contains_key("groups.toml") {
        return Ok(groups);
    }
    let source = file(files, folder, "groups.toml")?;
    let groups_file: GroupsFile = source.parse()?;
    for group in groups_file.groups {
        if groups.iter().any(|g: &Group| g.code == *group.code.get_ref()) {
            return Err(source.error(&group.code, format!("group {} is listed twice", group.code.get_ref())));
        }
        if group.parts.is_empty() {
            return Err(source.error(&group.code, "a group needs the parts of its framework"));
        }
        // A framework that cannot be built is reported by the caller; the group is still read.
        let framework = frameworks.index_of(&group.parts).unwrap_or(usize::MAX);
        groups.push(Group { code: group.code.into_inner(), name: group.name, framework });
    }
    Ok(groups)
}

/// `[quota]`: the rate (a share in [0, 1]) of its base, its rounding and its cap.
fn load_quota(source: &Source<'_>, raw: &QuotaFile) -> Result<QuotaRule, DataError> {
    let rate = source.decimal(&raw.rate, "quota rate")?;
    if rate > Decimal::ONE {
        return Err(source.error(&raw.rate, format!("quota.rate {rate} must be a share in [0, 1] (\"0.15\" for 15 %)")));
    }
    let base = match raw.base.as_ref().map(|b| (b, b.get_ref().as_str())) {
        None | Some((_, "eligible")) => QuotaBase::Eligible,
        Some((_, "all")) => QuotaBase::All,
        Some((spanned, other)) => {
            return Err(source.error(spanned, format!("quota.base must be \"eligible\" or \"all\", not {other:?}")));
        }
    };
    let rounding = match raw.rounding.as_ref().map(|r| (r, r.get_ref().as_str())) {
        None | Some((_, "down")) => QuotaRounding::Down,
        Some((_, "up")) => QuotaRounding::Up,
        Some((spanned, other)) => {
            return Err(source.error(spanned, format!("quota.rounding must be \"down\" or \"up\", not {other:?}")));
        }
    };
    Ok(QuotaRule { rate, base, rounding, cap: raw.cap, chairman_exception: raw.chairman_exception.clone() })
}

/// The tie-break chain: `tie_keys` as listed (each part and criterion in every framework), else one further
/// decimal when `tiebreak_decimals` is given, else none (the chairman follows the official total).
fn load_tie_keys(
    source: &Source<'_>,
    tiebreak_decimals: Option<u32>,
    listed: Option<&[Spanned<String>]>,
    frameworks: &[super::framework::Framework],
) -> Result<Vec<TieKey>, DataError> {
    let Some(listed) = listed else {
        return Ok(tiebreak_decimals.map(TieKey::Decimals).into_iter().collect());
    };
    if tiebreak_decimals.is_some() {
        return Err(DataError::at(
            &source.name,
            1,
            "tiebreak_decimals and tie_keys: write the further decimal in tie_keys (\"decimals:3\") only",
        ));
    }
    let mut keys = Vec::new();
    for spanned in listed {
        let key = TieKey::parse(spanned.get_ref()).ok_or_else(|| {
            source.error(
                spanned,
                format!(
                    "tie_keys: {:?} must be \"decimals:N\", \"part:CODE\" or \"criterion:CODE\"",
                    spanned.get_ref()
                ),
            )
        })?;
        let known = match &key {
            TieKey::Decimals(_) => true,
            TieKey::Part(code) => frameworks.iter().all(|f| f.contents.iter().any(|c| &c.code == code)),
            TieKey::Criterion(code) => frameworks.iter().all(|f| f.criterion(code).is_some()),
        };
        if !known {
            return Err(source.error(
                spanned,
                format!("tie_keys: {} names a part or criterion missing from some framework", key.slug()),
            ));
        }
        keys.push(key);
    }
    Ok(keys)
}

/// The quality grades' thresholds, best grade first, when the regulation grades criteria.
fn load_grades(
    source: &Source<'_>,
    table: Option<&BTreeMap<String, Spanned<String>>>,
) -> Result<Option<GradeScale>, DataError> {
    let Some(table) = table else { return Ok(None) };
    let mut thresholds = Vec::new();
    for (name, value) in table {
        let grade = Grade::from_str(name).map_err(|message| source.error(value, message))?;
        thresholds.push((grade, source.decimal(value, "grade ratio")?));
    }
    thresholds.sort_by_key(|(grade, _)| std::cmp::Reverse(*grade));
    Ok(Some(GradeScale { thresholds }))
}

/// The facts a unit's record may carry, each of a known kind; an `at_most` names another count. Every fact is
/// read: the ones refused are named (with their problems) beside the ones read.
struct ReadFacts {
    facts: Vec<FactDefinition>,
    broken: BTreeSet<String>,
    problems: Vec<DataError>,
}

fn load_facts(source: &Source<'_>, raw: Vec<FactFile>, blocs: Option<&[Bloc]>) -> ReadFacts {
    let mut read = ReadFacts { facts: Vec::new(), broken: BTreeSet::new(), problems: Vec::new() };
    for fact in raw {
        let name = fact.name.get_ref().clone();
        match load_fact(source, fact, blocs) {
            Ok(definition) => read.facts.push(definition),
            Err(problem) => {
                read.broken.insert(name);
                read.problems.push(problem);
            }
        }
    }
    for fact in &read.facts {
        if let Some(limit) = &fact.at_most {
            let both_counts = fact.kind == FactKind::Count
                && read.facts.iter().any(|other| &other.name == limit && other.kind == FactKind::Count);
            if !both_counts && !read.broken.contains(limit) {
                read.problems.push(DataError::at(
                    &source.name,
                    line_of(source.text, source.text.find(&format!("\"{}\"", fact.name)).unwrap_or(0)),
                    format!(
                        "fact {}: at_most must name another count fact, and {} must be a count",
                        fact.name, fact.name
                    ),
                ));
            }
        }
    }
    read
}

/// One `[[facts]]` entry: its blocs (when they could be read), points, kind and choices' words.
fn load_fact(source: &Source<'_>, fact: FactFile, blocs: Option<&[Bloc]>) -> Result<FactDefinition, DataError> {
    for bloc in fact.blocs.iter().filter(|_| blocs.is_some()) {
        if !blocs.unwrap_or_default().iter().any(|b| b.code == *bloc.get_ref()) {
            return Err(source.error(bloc, format!("fact blocs: {:?} is not a bloc of blocs.toml", bloc.get_ref())));
        }
    }
    let mut points = [None, None];
    for (slot, (spanned, what)) in points.iter_mut().zip([(&fact.bonus, "bonus"), (&fact.penalty, "penalty")]) {
        if let Some(spanned) = spanned {
            if !matches!(fact.kind.as_str(), "bool" | "count") {
                return Err(source.error(spanned, format!("fact {what}: only a bool or count fact earns points")));
            }
            *slot = Some(source.decimal(spanned, what)?);
        }
    }
    let [bonus, penalty] = points;
    let kind = match fact.kind.as_str() {
        "bool" => FactKind::Bool,
        "count" => FactKind::Count,
        "choice" if !fact.choices.is_empty() => FactKind::Choice(fact.choices),
        other => {
            return Err(source
                .error(&fact.name, format!("fact kind must be bool, count or choice (with choices), not {other:?}")));
        }
    };
    if !fact.choice_labels.is_empty() && !matches!(&kind, FactKind::Choice(c) if c.len() == fact.choice_labels.len()) {
        return Err(source.error(&fact.name, "choice_labels must name each of the choices, in their order"));
    }
    Ok(FactDefinition {
        name: fact.name.into_inner(),
        title: fact.title.unwrap_or_else(|| fact.label.clone()),
        label: fact.label,
        kind,
        choice_labels: fact.choice_labels,
        at_most: fact.at_most.map(Spanned::into_inner),
        bonus,
        penalty,
        blocs: fact.blocs.into_iter().map(Spanned::into_inner).collect(),
    })
}

/// `[points]`: each cap a decimal, and a cap only where some fact earns that kind of points.
fn load_points(
    source: &Source<'_>,
    raw: Option<&PointsFile>,
    facts: &[FactDefinition],
) -> Result<Option<super::regulation::PointsRule>, DataError> {
    let Some(raw) = raw else {
        if let Some(fact) = facts.iter().find(|f| f.bonus.is_some() || f.penalty.is_some()) {
            return Err(DataError::at(
                &source.name,
                1,
                format!("fact {} earns points: the regulation needs a [points] table", fact.name),
            ));
        }
        return Ok(None);
    };
    let read = |spanned: &Option<Spanned<String>>, what: &str| -> Result<Option<Decimal>, DataError> {
        spanned.as_ref().map(|s| source.decimal(s, what)).transpose()
    };
    for (cap, what, has) in [
        (&raw.bonus_cap, "points.bonus_cap", facts.iter().any(|f| f.bonus.is_some())),
        (&raw.penalty_cap, "points.penalty_cap", facts.iter().any(|f| f.penalty.is_some())),
    ] {
        if let Some(cap) = cap
            && !has
        {
            return Err(source.error(cap, format!("{what}: no fact earns these points (a cap without an item)")));
        }
    }
    Ok(Some(super::regulation::PointsRule {
        bonus_cap: read(&raw.bonus_cap, "points.bonus_cap")?,
        penalty_cap: read(&raw.penalty_cap, "points.penalty_cap")?,
        total_cap: read(&raw.total_cap, "points.total_cap")?,
        total_floor: read(&raw.total_floor, "points.total_floor")?,
        source: raw.source.clone(),
    }))
}

fn check_slug(source: &Source<'_>, code: &Spanned<String>, what: &str) -> Result<(), DataError> {
    let text = code.get_ref();
    let valid = !text.is_empty() && text.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if valid {
        Ok(())
    } else {
        Err(source.error(code, format!("{what} {text:?} must be lowercase letters, digits and '-'")))
    }
}

/// Roman numerals I … XXXIX, enough for any criteria list.
pub fn roman(number: usize) -> String {
    let tens = ["", "X", "XX", "XXX"];
    let ones = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"];
    format!("{}{}", tens.get(number / 10).unwrap_or(&""), ones[number % 10])
}

fn build_framework(
    folder: &str,
    files: &DataFiles,
    parts: &[String],
    agencies: &BTreeSet<String>,
) -> Result<Framework, DataError> {
    let mut contents = Vec::new();
    let mut titles = Vec::new();
    let mut sources: Vec<String> = Vec::new();
    let mut roman_count = 0;
    let mut codes = BTreeSet::new();
    let mut last_source_name = String::new();
    for part in parts {
        let source = file(files, folder, &format!("frameworks/{part}"))?;
        let raw: PartFile = source.parse()?;
        titles.push(raw.title);
        if !sources.contains(&raw.source) {
            sources.push(raw.source);
        }
        for content in raw.contents {
            let built = build_content(&source, content, agencies, &mut roman_count, &mut codes)?;
            contents.push(built);
        }
        last_source_name = source.name;
    }
    let framework =
        Framework { key: parts.join("+"), title: titles.join(" — "), source: sources.join(" — "), contents };
    let total = framework.max();
    if total != Decimal::ONE_HUNDRED {
        return Err(DataError::at(
            &last_source_name,
            1,
            format!("framework {} sums to {}, not 100", framework.key, total.normalize()),
        ));
    }
    Ok(framework)
}

fn build_content(
    source: &Source<'_>,
    raw: ContentFile,
    agencies: &BTreeSet<String>,
    roman_count: &mut usize,
    codes: &mut BTreeSet<String>,
) -> Result<Content, DataError> {
    let content_code = raw.code.get_ref().clone();
    if !codes.insert(content_code.clone()) {
        return Err(source.error(&raw.code, format!("code {content_code} appears twice in the framework")));
    }
    let max = source.decimal(&raw.max, "max")?;
    let mut criteria = Vec::new();
    for (index, criterion) in raw.criteria.into_iter().enumerate() {
        let code = criterion.code.get_ref().clone();
        let expected = if code.contains('.') {
            format!("{content_code}.{}", index + 1)
        } else {
            *roman_count += 1;
            roman(*roman_count)
        };
        if code != expected {
            return Err(
                source.error(&criterion.code, format!("criterion code {code} out of sequence: expected {expected}"))
            );
        }
        if !codes.insert(code.clone()) {
            return Err(source.error(&criterion.code, format!("code {code} appears twice in the framework")));
        }
        criteria.push(build_criterion(source, criterion, agencies, codes)?);
    }
    let sum: Decimal = criteria.iter().map(|(_, c)| c.max).sum();
    if sum != max {
        return Err(source.error(
            &raw.max,
            format!("criteria of {content_code} sum to {}, but its max is {}", sum.normalize(), max.normalize()),
        ));
    }
    let criteria = resolve_transfers(source, &content_code, criteria)?;
    Ok(Content { code: content_code, name: raw.name, max, criteria })
}

/// One criterion whose code is checked, with the criterion its points move to (453) still as written.
fn build_criterion(
    source: &Source<'_>,
    criterion: CriterionFile,
    agencies: &BTreeSet<String>,
    codes: &mut BTreeSet<String>,
) -> Result<(Option<Spanned<String>>, Criterion), DataError> {
    let code = criterion.code.get_ref().clone();
    let criterion_max = source.decimal(&criterion.max, "max")?;
    let scored_by_leaders = match &criterion.scored_by {
        None => false,
        Some(by) if by.get_ref() == "leaders" => true,
        Some(by) => return Err(source.error(by, format!("scored_by must be \"leaders\", not {:?}", by.get_ref()))),
    };
    let is_leaf = criterion.components.is_empty();
    let mut subcriteria = Vec::new();
    let components = if is_leaf {
        check_agencies(source, &criterion.code, &criterion.agencies, agencies)?;
        vec![Component {
            code: code.as_str().into(),
            name: criterion.name.clone(),
            max: criterion_max,
            agencies: criterion.agencies.clone(),
            agency_note: criterion.agency_note.clone(),
        }]
    } else {
        if !criterion.agencies.is_empty() {
            return Err(source.error(
                &criterion.code,
                format!("criterion {code} has components: put its agencies on each component"),
            ));
        }
        let mut levels = Levels { agencies, codes, subcriteria: Vec::new() };
        let components = build_components(source, &code, &criterion.max, criterion.components, &mut levels, 1)?;
        subcriteria = levels.subcriteria;
        components
    };
    Ok((
        criterion.transfer_to,
        Criterion {
            code,
            name: criterion.name,
            max: criterion_max,
            scored_by_leaders,
            agency_note: criterion.agency_note,
            transfer_to: None,
            components,
            is_leaf,
            subcriteria,
        },
    ))
}

/// What the levels below a criterion are checked against, and the sub-criteria found there.
struct Levels<'a> {
    agencies: &'a BTreeSet<String>,
    codes: &'a mut BTreeSet<String>,
    subcriteria: Vec<SubCriterion>,
}

/// The scored leaves under `code` (a criterion or a sub-criterion), numbered in sequence under it, each with
/// its appraising agencies; a child with children of its own is a sub-criterion (B.2.1 › B.2.1.1) whose
/// children sum to its max, kept in `levels.subcriteria`. The children sum to `max` (the parent's).
fn build_components(
    source: &Source<'_>,
    code: &str,
    max: &Spanned<String>,
    raw: Vec<ComponentFile>,
    levels: &mut Levels<'_>,
    depth: usize,
) -> Result<Vec<Component>, DataError> {
    let parent_max = source.decimal(max, "max")?;
    let mut components = Vec::new();
    let mut sum = Decimal::ZERO;
    for (position, component) in raw.into_iter().enumerate() {
        let component_code = component.code.get_ref().clone();
        let expected = format!("{code}.{}", position + 1);
        if component_code != expected {
            return Err(source.error(
                &component.code,
                format!("component code {component_code} out of sequence: expected {expected}"),
            ));
        }
        if !levels.codes.insert(component_code.clone()) {
            return Err(source.error(&component.code, format!("code {component_code} appears twice in the framework")));
        }
        let component_max = source.decimal(&component.max, "max")?;
        sum += component_max;
        if component.components.is_empty() {
            check_agencies(source, &component.code, &component.agencies, levels.agencies)?;
            components.push(Component {
                code: component_code.into(),
                name: component.name,
                max: component_max,
                agencies: component.agencies,
                agency_note: component.agency_note,
            });
            continue;
        }
        if !component.agencies.is_empty() {
            return Err(source
                .error(&component.code, format!("{component_code} has components: put its agencies on each of them")));
        }
        let place = levels.subcriteria.len();
        levels.subcriteria.push(SubCriterion {
            code: component_code.clone(),
            name: component.name,
            max: component_max,
            depth,
            leaves: Vec::new(),
        });
        let leaves =
            build_components(source, &component_code, &component.max, component.components, levels, depth + 1)?;
        if let Some(sub) = levels.subcriteria.get_mut(place) {
            sub.leaves = leaves.iter().map(|leaf| leaf.code.clone()).collect();
        }
        components.extend(leaves);
    }
    if sum != parent_max {
        return Err(source.error(
            max,
            format!("components of {code} sum to {}, but its max is {}", sum.normalize(), parent_max.normalize()),
        ));
    }
    Ok(components)
}

/// Each `transfer_to` names another criterion of the same content (453 part C: where a wholly not-applicable
/// criterion's points go).
fn resolve_transfers(
    source: &Source<'_>,
    content_code: &str,
    criteria: Vec<(Option<Spanned<String>>, Criterion)>,
) -> Result<Vec<Criterion>, DataError> {
    let criterion_codes: Vec<String> = criteria.iter().map(|(_, c)| c.code.clone()).collect();
    let mut built = Vec::new();
    for (transfer_to, mut criterion) in criteria {
        if let Some(target) = transfer_to {
            if !criterion_codes.contains(target.get_ref()) || *target.get_ref() == criterion.code {
                return Err(source.error(
                    &target,
                    format!("transfer_to {} must name another criterion of {content_code}", target.get_ref()),
                ));
            }
            criterion.transfer_to = Some(target.into_inner());
        }
        built.push(criterion);
    }
    Ok(built)
}

fn check_agencies(
    source: &Source<'_>,
    code: &Spanned<String>,
    listed: &[String],
    known: &BTreeSet<String>,
) -> Result<(), DataError> {
    if listed.is_empty() {
        return Err(source.error(code, format!("{} has no appraising agency", code.get_ref())));
    }
    match listed.iter().find(|agency| !known.contains(*agency)) {
        Some(unknown) => {
            Err(source.error(code, format!("{}: agency {unknown} is not in agencies.toml", code.get_ref())))
        }
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::roman;

    #[test]
    fn roman_numerals() {
        let expected = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XVII"];
        let got: Vec<String> = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 17].iter().map(|&n| roman(n)).collect();
        assert_eq!(got, expected);
    }
}
