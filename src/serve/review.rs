//! What the jury's work makes of an application: each juror's marks and
//! decisions kept, the marks that count (the president's agreed ones, else
//! the jurors' exact mean), the decisions that count (the agreed one, else
//! the jurors' majority), and the answers the engine scores with them.
//! The server's pages, its results and `grille results` all read them here.

use super::store::{Comment, Work};
use crate::engine::answers::Read;
use crate::engine::Answers;
use crate::model::{Answer, Model, Scoring};
use crate::num::Num;
use std::collections::BTreeMap;

/// One question's marks.
#[derive(Clone, Debug, Default)]
pub struct QuestionMarks {
    /// Each juror's mark, by name.
    pub by_juror: BTreeMap<String, Num>,
    /// The president's agreed mark.
    pub agreed: Option<Num>,
}

impl QuestionMarks {
    /// The jurors' exact mean, when one marked.
    pub fn mean(&self) -> Option<Num> {
        let count = i64::try_from(self.by_juror.len()).ok().filter(|c| *c > 0)?;
        let sum: Num = self.by_juror.values().cloned().sum();
        sum.checked_div(&Num::from_int(count))
    }

    /// The lowest and the highest mark.
    pub fn spread(&self) -> Option<(Num, Num)> {
        let low = self.by_juror.values().min()?;
        let high = self.by_juror.values().max()?;
        Some((low.clone(), high.clone()))
    }

    /// The mark that counts: the agreed one, else the mean.
    pub fn counted(&self) -> Option<Num> {
        self.agreed.clone().or_else(|| self.mean())
    }
}

/// One mention's decisions.
#[derive(Clone, Debug, Default)]
pub struct MentionVotes {
    pub by_juror: BTreeMap<String, bool>,
    pub agreed: Option<bool>,
}

impl MentionVotes {
    /// The decision that counts: the agreed one, else the jurors'
    /// majority (none on a tie).
    pub fn counted(&self) -> Option<bool> {
        if self.agreed.is_some() {
            return self.agreed;
        }
        let yes = self.by_juror.values().filter(|v| **v).count();
        let no = self.by_juror.len() - yes;
        match yes.cmp(&no) {
            std::cmp::Ordering::Greater => Some(true),
            std::cmp::Ordering::Less => Some(false),
            std::cmp::Ordering::Equal => None,
        }
    }
}

/// The jury's work on one application.
#[derive(Clone, Debug, Default)]
pub struct Review {
    /// By question id (jury-scored questions only).
    pub marks: BTreeMap<String, QuestionMarks>,
    /// By mention id (jury-decided mentions only).
    pub mentions: BTreeMap<String, MentionVotes>,
    pub comments: Vec<Comment>,
}

impl Review {
    /// The work on application `id`: the latest row of each juror,
    /// question (mention) and kind counts.
    pub fn of(id: i64, work: &Work) -> Review {
        let mut review = Review::default();
        for m in work.marks.iter().filter(|m| m.application == id) {
            let marks = review.marks.entry(m.question.clone()).or_default();
            let value = Num::parse(&m.value);
            match (m.agreed, value) {
                (true, value) => marks.agreed = value,
                (false, Some(v)) => {
                    marks.by_juror.insert(m.juror.clone(), v);
                }
                (false, None) => {
                    marks.by_juror.remove(&m.juror);
                }
            }
        }
        for d in work.decisions.iter().filter(|d| d.application == id) {
            let votes = review.mentions.entry(d.mention.clone()).or_default();
            let value = (d.awarded >= 0).then_some(d.awarded == 1);
            match (d.agreed, value) {
                (true, value) => votes.agreed = value,
                (false, Some(v)) => {
                    votes.by_juror.insert(d.juror.clone(), v);
                }
                (false, None) => {
                    votes.by_juror.remove(&d.juror);
                }
            }
        }
        review.comments = work
            .comments
            .iter()
            .filter(|c| c.application == id)
            .cloned()
            .collect();
        review
    }

    /// A juror's own mark of a question.
    pub fn mark_of(&self, question: &str, juror: &str) -> Option<&Num> {
        self.marks.get(question)?.by_juror.get(juror)
    }

    /// A juror's own decision on a mention.
    pub fn decision_of(&self, mention: &str, juror: &str) -> Option<bool> {
        self.mentions.get(mention)?.by_juror.get(juror).copied()
    }

    /// The jurors who marked or decided something, by name.
    pub fn jurors(&self) -> std::collections::BTreeSet<&str> {
        self.marks
            .values()
            .flat_map(|m| m.by_juror.keys())
            .chain(self.mentions.values().flat_map(|m| m.by_juror.keys()))
            .map(String::as_str)
            .collect()
    }

    /// Whether the president agreed every mark and decision the
    /// questionnaire leaves to the jury.
    pub fn agreed(&self, model: &Model) -> bool {
        jury_questions(model).all(|(id, _)| self.marks.get(id).is_some_and(|m| m.agreed.is_some()))
            && jury_mentions(model)
                .all(|id| self.mentions.get(id).is_some_and(|m| m.agreed.is_some()))
    }

    /// The answers read from the application's answers file, with the
    /// marks and decisions that count.
    pub fn answers(&self, model: &Model, answers_file: &str) -> Read {
        let mut read = crate::engine::answers::from_json(model, answers_file);
        for (id, _) in jury_questions(model) {
            match self.marks.get(id).and_then(QuestionMarks::counted) {
                Some(mark) => read.answers.jury.insert(id.to_owned(), mark),
                None => read.answers.jury.remove(id),
            };
        }
        for id in jury_mentions(model) {
            match self.mentions.get(id).and_then(MentionVotes::counted) {
                Some(awarded) => read.answers.decisions.insert(id.to_owned(), awarded),
                None => read.answers.decisions.remove(id),
            };
        }
        read
    }
}

/// What the questionnaire's `campaign { … }` says of an application: its
/// name, who carries it, its respondent type (id and label), its key.
#[derive(Clone, Debug, Default)]
pub struct Identity {
    pub name: Option<String>,
    pub carrier: Option<String>,
    pub kind: Option<String>,
    pub kind_label: Option<String>,
    pub key: Option<String>,
}

impl Identity {
    pub fn of(model: &Model, answers: &Answers) -> Identity {
        let campaign = &model.meta.campaign;
        let text = |id: &Option<String>| match answers.values.get(id.as_deref()?)? {
            Answer::Text(t) => Some(t.trim().to_owned()).filter(|t| !t.is_empty()),
            other => Some(crate::words::answer(model, id.as_deref()?, other)),
        };
        let kind = campaign
            .kind
            .as_deref()
            .and_then(|id| match answers.values.get(id)? {
                Answer::Choice(c) => Some(c.clone()),
                _ => None,
            });
        let kind_label = kind.as_deref().and_then(|k| {
            kinds(model)
                .into_iter()
                .find(|(id, _)| id == k)
                .map(|(_, label)| label)
        });
        Identity {
            name: text(&campaign.name),
            carrier: text(&campaign.carrier),
            kind,
            kind_label,
            key: text(&campaign.key).map(|k| key_of(&k)),
        }
    }
}

/// A key as matched between editions: without spaces, in lower case
/// (« 732 829 320 00074 » is « 73282932000074 »).
pub fn key_of(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The respondent types: the options of the campaign's `type` question.
pub fn kinds(model: &Model) -> Vec<(String, String)> {
    model
        .meta
        .campaign
        .kind
        .as_deref()
        .and_then(|id| model.question(id))
        .map(|q| {
            q.kind
                .options()
                .iter()
                .map(|o| (o.id.clone(), o.label.clone()))
                .collect()
        })
        .unwrap_or_default()
}

/// The questions the jury scores, with their maximum.
pub fn jury_questions(model: &Model) -> impl Iterator<Item = (&str, &Num)> {
    model
        .sections
        .iter()
        .flat_map(|s| s.questions())
        .filter_map(|q| match &q.scoring {
            Scoring::Jury { max } => Some((q.id.as_str(), max)),
            _ => None,
        })
}

/// The mentions the jury decides.
pub fn jury_mentions(model: &Model) -> impl Iterator<Item = &str> {
    model
        .mentions
        .iter()
        .filter(|m| m.jury)
        .map(|m| m.id.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::serve::store::{Decision, Mark};

    fn mark(juror: &str, value: &str, agreed: bool) -> Mark {
        Mark {
            application: 1,
            juror: juror.to_owned(),
            question: "S5".to_owned(),
            value: value.to_owned(),
            agreed,
        }
    }

    fn vote(juror: &str, awarded: i64) -> Decision {
        Decision {
            application: 1,
            juror: juror.to_owned(),
            mention: "coeur".to_owned(),
            awarded,
            agreed: false,
        }
    }

    #[test]
    fn the_mean_is_exact_the_latest_mark_counts_and_the_agreed_one_wins() {
        let work = Work {
            marks: vec![
                mark("Ana", "4", false),
                mark("Bo", "1", false),
                mark("Cy", "2", false),
                mark("Bo", "2", false),
                mark("Dee", "5", false),
                mark("Dee", "", false),
            ],
            ..Work::default()
        };
        let review = Review::of(1, &work);
        let s5 = &review.marks["S5"];
        assert_eq!(s5.by_juror.len(), 3, "Dee took hers back");
        // (4 + 2 + 2) / 3, exactly.
        assert_eq!(s5.mean().map(|m| m.to_fraction()), Some("8/3".to_owned()));
        assert_eq!(s5.spread(), Some((Num::from_int(2), Num::from_int(4))));
        assert!(
            Review::of(2, &work).marks.is_empty(),
            "another application's"
        );
        let mut agreed = work.clone();
        agreed.marks.push(mark("Ana", "3", true));
        assert_eq!(
            Review::of(1, &agreed).marks["S5"].counted(),
            Some(Num::from_int(3))
        );
    }

    #[test]
    fn a_mention_goes_by_majority_and_a_tie_is_undecided() {
        let mut work = Work {
            decisions: vec![vote("Ana", 1), vote("Bo", 0), vote("Cy", 1)],
            ..Work::default()
        };
        assert_eq!(Review::of(1, &work).mentions["coeur"].counted(), Some(true));
        work.decisions.push(vote("Cy", -1));
        assert_eq!(Review::of(1, &work).mentions["coeur"].counted(), None);
        work.decisions.push(vote("Cy", 0));
        assert_eq!(
            Review::of(1, &work).mentions["coeur"].counted(),
            Some(false)
        );
    }
}
