//! A regulation as plain data: blocs, groups, agencies, frameworks, facts, grades, quota and classification rules.

use super::classification::{ClassificationRules, Level};
use super::code::BlocCode;
use super::facts::FactDefinition;
use super::framework::Framework;
use super::grades::GradeScale;
use super::score::ScoreRule;
use super::self_assessment::SelfAssessmentRules;
use rust_decimal::Decimal;

/// One regulation, loaded from `data/<id>/` (a regulation is data, not code): everything the rules read to score,
/// grade, classify and rank a round.
#[derive(Debug, Clone, PartialEq)]
pub struct Regulation {
    /// The short id the data folder and `init --regulation` use (`thai-nguyen-2024`, `bac-giang-453`).
    pub id: String,
    /// The regulation's title as issued (*Quyết định 2610/QĐ-UBND …*), printed on the papers.
    pub title: String,
    /// Scores may be typed as a percentage of plan (`80%` = 0.8 × max).
    pub percent_input: bool,
    /// A component outside a unit's functions may be marked not applicable.
    pub not_applicable_allowed: bool,
    /// Decimals of the official total that thresholds and quotas compare (2: 2610 Điều 6.4.c; 1 in the synthetic
    /// regulation).
    pub official_decimals: u32,
    /// The decimals of the total a further tie key counts (2610: three); the official decimals when none does.
    pub tiebreak_decimals: u32,
    /// The tie-break chain after the official total, before the chairman (Điều 6.4.c of 2610: three decimals).
    pub tie_keys: Vec<super::tie_keys::TieKey>,
    /// The data lists its chain (`tie_keys`): the ranking then says which key decided each tie.
    pub tie_keys_listed: bool,
    /// Decimals a typed score may carry (Thái Nguyên Điều 6.4.c: two); computed figures stay exact.
    pub score_decimals: u32,
    /// What the unit's self-assessment file must hold, and what a gap does.
    pub self_assessment: SelfAssessmentRules,
    /// The article of the rule flagging a unit not completed two years running (2610 Điều 11.2.d); None where
    /// the regulation has no such rule (453).
    pub two_years_not_completed: Option<String>,
    /// The article of re-rating a unit after its bloc's approval (2610 Điều 10.4), cited in the re-rated unit's
    /// reasons; None where the regulation has no such article (453, the synthetic text): the reasons cite none.
    pub rerating: Option<String>,
    /// How many units of a bloc may be excellent.
    pub quota: QuotaRule,
    /// The appraising agencies (*cơ quan thẩm định*) the frameworks name.
    pub agencies: Vec<Agency>,
    /// The blocs (*khối*), the pools units are ranked in.
    pub blocs: Vec<Bloc>,
    /// The groups (*nhóm*, 453's 17) that choose a unit's framework; empty where each bloc has one framework.
    pub groups: Vec<Group>,
    /// The criteria trees (*phụ lục*), indexed by `Bloc::framework` and `Group::framework`.
    pub frameworks: Vec<Framework>,
    /// The criteria's grade thresholds (2610 Điều 6.3); None where criteria carry no grade (453).
    pub grades: Option<GradeScale>,
    /// The facts the council records per unit (discipline, outstanding …) and their defaults.
    pub facts: Vec<FactDefinition>,
    /// The level conditions (2610 Điều 7, 453 Điều 6).
    pub classification: ClassificationRules,
    /// The submission deadline and the appraisal period, where the regulation states them.
    pub deadlines: super::calendar::Deadlines,
    /// Bonus and penalty points outside the 100-point frame, and the total's bounds (synthetic Điều 2.2, 4);
    /// None where the regulation has none (both seeds).
    pub points: Option<PointsRule>,
    /// The regulation's words for who scores the leaders' criteria (*Thường trực Huyện ủy, HĐND, lãnh đạo
    /// UBND huyện*); None: the seeds' *Lãnh đạo UBND tỉnh*.
    pub leaders_name: Option<String>,
    /// The score sheet's title and column headers in the regulation's words (`[sheet]`); None: the seeds'.
    pub sheet: SheetNames,
    /// The levels' names in the regulation's words (`[level_names]`, `[level_names_en]`); None: the seeds'.
    pub level_names: LevelNames,
    /// Further articles the interface and the refusals cite (`[citations]`); each None: no article cited there.
    pub citations: Citations,
}

/// Articles of the regulation cited beside what they rule (`[citations]` of `regulation.toml`, issue 26): each
/// the regulation's own, None where its data names none (then the sentence cites no article, never another
/// regulation's).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Citations {
    /// Where the facts recorded per unit come from (2610 *Điều 7*): the unit's file heads its facts with it.
    pub facts: Option<String>,
    /// The article fixing each part's points (453 *Điều 4.1*): cited when marking a whole part not applicable is
    /// refused.
    pub part_points: Option<String>,
    /// The article asking the leadership collective to approve the self-assessment before it is sent (2610
    /// *Điều 8.1.b*): cited when a submission lacks the approval's date or the minutes' number.
    pub submission_approval: Option<String>,
}

/// The four levels' names as the regulation writes them, in Vietnamese and (optionally) in English, in full and
/// short (`[level_short_names]`, for narrow columns and the chart's legend); each None keeps the seeds' words
/// (*Hoàn thành tốt nhiệm vụ*, *Tốt*; `good`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LevelNames {
    /// By level, in the order of [`Level::ALL`]: the Vietnamese name.
    pub vietnamese: [Option<String>; 4],
    /// By level, in the same order: the English name.
    pub english: [Option<String>; 4],
    /// By level, in the same order: the Vietnamese short name the data gives (at most [`SHORT_LEVEL_COLUMNS`]).
    pub short_vietnamese: [Option<String>; 4],
    /// By level, in the same order: the English short name the data gives.
    pub short_english: [Option<String>; 4],
}

/// The widest a level's short name may be, in display columns: the ranking's narrow level column, as wide as the
/// widest word it already holds (*Chờ Chủ tịch*, a tie awaiting the chairman).
pub const SHORT_LEVEL_COLUMNS: usize = 12;

/// A level's full name made short enough for the narrow column: the name itself where it fits
/// [`SHORT_LEVEL_COLUMNS`], else its first words that fit one column less, then `…` (a first word too long is
/// cut).
pub fn shortened(full: &str) -> String {
    use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};
    if full.width() <= SHORT_LEVEL_COLUMNS {
        return full.to_string();
    }
    let room = SHORT_LEVEL_COLUMNS - 1;
    let mut kept = String::new();
    for word in full.split_whitespace() {
        let next = if kept.is_empty() { word.to_string() } else { format!("{kept} {word}") };
        if next.width() > room {
            break;
        }
        kept = next;
    }
    if kept.is_empty() {
        for c in full.chars() {
            if kept.width() + c.width().unwrap_or(0) > room {
                break;
            }
            kept.push(c);
        }
    }
    kept + "…"
}

impl LevelNames {
    fn at(level: Level) -> usize {
        Level::ALL.iter().position(|l| *l == level).unwrap_or(0)
    }

    /// The level in Vietnamese as the regulation writes it (the seeds' *Hoàn thành tốt nhiệm vụ* by default).
    pub fn vietnamese(&self, level: Level) -> &str {
        self.vietnamese[Self::at(level)].as_deref().unwrap_or_else(|| level.vietnamese())
    }

    /// The level's English name the regulation's data gives, if any.
    pub fn english(&self, level: Level) -> Option<&str> {
        self.english[Self::at(level)].as_deref()
    }

    /// The level's Vietnamese short name: the data's (`[level_short_names]`), else its own full name made short
    /// ([`shortened`]); None where the regulation keeps the seeds' full name (the seeds' short word then).
    pub fn short_vietnamese(&self, level: Level) -> Option<String> {
        let at = Self::at(level);
        self.short_vietnamese[at]
            .clone()
            .or_else(|| self.vietnamese[at].as_deref().filter(|full| *full != level.vietnamese()).map(shortened))
    }

    /// The level's English short name: the data's (`[level_short_names_en]`), else the data's English full name
    /// made short; None: the seeds' short word.
    pub fn short_english(&self, level: Level) -> Option<String> {
        let at = Self::at(level);
        self.short_english[at].clone().or_else(|| self.english[at].as_deref().map(shortened))
    }
}

impl Regulation {
    /// The level as the regulation writes it in Vietnamese (the seeds' *Hoàn thành tốt nhiệm vụ* by default).
    pub fn level_vi(&self, level: Level) -> &str {
        self.level_names.vietnamese(level)
    }

    /// A unit's outcome in the council's words: its level as the regulation writes it, or a pending tie.
    pub fn outcome_vi(&self, outcome: super::ranking::Outcome) -> &str {
        match outcome {
            super::ranking::Outcome::Level(level) => self.level_vi(level),
            super::ranking::Outcome::TiePending => outcome.vietnamese(),
        }
    }

    /// The level's English name where the regulation's data gives one.
    pub fn level_en(&self, level: Level) -> Option<&str> {
        self.level_names.english(level)
    }
}

/// Points outside the parts' frame: the total is the parts + bonus − penalty, each capped, then the total kept
/// within its bounds.
#[derive(Debug, Clone, PartialEq)]
pub struct PointsRule {
    /// The most bonus points counted (synthetic Điều 4.1: 5); none: no cap.
    pub bonus_cap: Option<Decimal>,
    /// The most penalty points counted (synthetic Điều 4.2: 10); none: no cap.
    pub penalty_cap: Option<Decimal>,
    /// The highest total (100); none: no bound.
    pub total_cap: Option<Decimal>,
    /// The lowest total (0); none: no bound.
    pub total_floor: Option<Decimal>,
    /// The article, cited where the points are shown.
    pub source: String,
}

/// A unit's bonus and penalty, each after its cap, and the total they make.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Points {
    /// Bonus points after the cap.
    pub bonus: Decimal,
    /// Penalty points after the cap.
    pub penalty: Decimal,
}

impl Regulation {
    /// The unit's bonus and penalty from its facts (those of its bloc), each capped; None without points.
    pub fn points_of(&self, bloc: &BlocCode, facts: &super::facts::Facts) -> Option<Points> {
        let rule = self.points.as_ref()?;
        let mut bonus = Decimal::ZERO;
        let mut penalty = Decimal::ZERO;
        for fact in self.facts.iter().filter(|fact| fact.applies_to(bloc)) {
            let value = facts.get(&fact.name).cloned().unwrap_or_else(|| fact.default_value());
            if let Some(each) = fact.bonus {
                bonus += fact.points_of(&value, each);
            }
            if let Some(each) = fact.penalty {
                penalty += fact.points_of(&value, each);
            }
        }
        Some(Points {
            bonus: rule.bonus_cap.map_or(bonus, |cap| bonus.min(cap)),
            penalty: rule.penalty_cap.map_or(penalty, |cap| penalty.min(cap)),
        })
    }

    /// The parts' total with the points added and the bounds applied (exact: rounded where shown).
    pub fn total_with(&self, parts: Decimal, points: Option<Points>) -> Decimal {
        let (Some(rule), Some(points)) = (&self.points, points) else { return parts };
        let mut total = parts + points.bonus - points.penalty;
        if let Some(cap) = rule.total_cap {
            total = total.min(cap);
        }
        if let Some(floor) = rule.total_floor {
            total = total.max(floor);
        }
        total
    }
}

/// The share of a bloc's units that may be rated excellent: the rate of its base, rounded, before the caps.
#[derive(Debug, Clone, PartialEq)]
pub struct QuotaRule {
    /// The share of the base that may be excellent, as a fraction (`0.2`; synthetic: `0.15`).
    pub rate: Decimal,
    /// Eligible units (both seeds) or every unit of the bloc.
    pub base: super::tie_keys::QuotaBase,
    /// Down (*không vượt quá*) or up (*số lẻ được làm tròn lên*).
    pub rounding: super::tie_keys::QuotaRounding,
    /// Most units of any bloc; a bloc's own `excellent_cap` applies too.
    pub cap: Option<u32>,
    /// The article letting the chairman rate a unit excellent beyond the quota (synthetic Điều 7.2); None: no
    /// exception (both seeds).
    pub chairman_exception: Option<String>,
}

/// An appraising agency (*cơ quan thẩm định*: Sở Nội vụ, Thanh tra tỉnh …), whose members appraise the components the
/// framework assigns it.
#[derive(Debug, Clone, PartialEq)]
pub struct Agency {
    /// The agency's code, as the frameworks and `users add --agency` name it (`snv`).
    pub code: String,
    /// The agency's name (*Sở Nội vụ*).
    pub name: String,
}

/// Khối: a ranking pool; quotas apply per bloc.
#[derive(Debug, Clone, PartialEq)]
pub struct Bloc {
    /// The bloc's code (`so-nganh`).
    pub code: BlocCode,
    /// The bloc's name, as the papers print it.
    pub name: String,
    /// The framework of the bloc's units when the regulation has no groups.
    pub framework: Option<usize>,
    /// Most units of this bloc that may be rated excellent; none = no cap.
    pub excellent_cap: Option<u32>,
}

/// Nhóm: chooses which framework applies to a unit.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    /// The group's code (`I` … `XVII` in 453).
    pub code: String,
    /// The group's name.
    pub name: String,
    /// The index in `Regulation::frameworks` of the framework its units are scored on.
    pub framework: usize,
}

impl Regulation {
    /// The bloc with this code, if the regulation has it.
    pub fn bloc(&self, code: &str) -> Option<&Bloc> {
        self.blocs.iter().find(|bloc| bloc.code == code)
    }

    /// The group with this code, if the regulation has it.
    pub fn group(&self, code: &str) -> Option<&Group> {
        self.groups.iter().find(|group| group.code == code)
    }

    /// The appraising agency with this code, if the regulation has it.
    pub fn agency(&self, code: &str) -> Option<&Agency> {
        self.agencies.iter().find(|agency| agency.code == code)
    }

    /// What a typed score of a component with this max must respect.
    pub fn score_rule(&self, max: Decimal) -> ScoreRule {
        ScoreRule { max, percent_of_plan: self.percent_input, decimals: self.score_decimals }
    }

    /// The fact with this name, if the regulation defines it.
    pub fn fact(&self, name: &str) -> Option<&FactDefinition> {
        self.facts.iter().find(|fact| fact.name == name)
    }

    /// Some criterion is scored by the provincial leaders (group I of Thái Nguyên), so the leader role exists.
    pub fn frameworks_have_leader_criteria(&self) -> bool {
        self.frameworks.iter().any(|f| f.criteria().any(|(_, criterion)| criterion.scored_by_leaders))
    }

    /// The agency is named on some component that members appraise (not only on criteria the leaders score).
    pub fn agency_appraises_components(&self, agency: &str) -> bool {
        self.frameworks.iter().any(|f| {
            f.components().any(|p| !p.criterion.scored_by_leaders && p.component.agencies.iter().any(|a| a == agency))
        })
    }

    /// Units belong to a group as well as a bloc (453), so `import units` needs the `group` column.
    pub fn has_groups(&self) -> bool {
        !self.groups.is_empty()
    }

    /// The framework that applies to a unit of this bloc and group, if the pair is valid.
    pub fn framework_for(&self, bloc: &BlocCode, group: Option<&str>) -> Option<&Framework> {
        self.frameworks.get(self.framework_index_for(bloc, group)?)
    }

    /// The position in `frameworks` of the framework that applies to a unit of this bloc and group.
    pub fn framework_index_for(&self, bloc: &BlocCode, group: Option<&str>) -> Option<usize> {
        match group {
            Some(group) => Some(self.group(group)?.framework),
            None => self.bloc(bloc)?.framework,
        }
    }
}

/// The score sheet's title (`{year}` for the year) and column headers as the regulation names them; each None
/// keeps the seeds' words.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SheetNames {
    /// The sheet's title (`{year}` stands for the year).
    pub title: Option<String>,
    /// The criterion column's header.
    pub criterion: Option<String>,
    /// The max points column's header (*Điểm tối đa* / *Điểm chuẩn*).
    pub max: Option<String>,
    /// The self-score column's header.
    pub self_score: Option<String>,
    /// The appraised score column's header.
    pub appraised: Option<String>,
}
