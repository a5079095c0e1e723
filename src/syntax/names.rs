//! Human names for grammar rules, for syntax errors. The match is exhaustive:
//! a new rule cannot go unnamed.

use super::parser::Rule;

/// How expected items are grouped in a message.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Group {
    /// Listed one by one.
    Single,
    /// `question`, `note`, `compute`… at the top of a section.
    Item,
    /// `yesno`, `one`, `many`…
    Type,
    /// `required`, `hint`, `when`…
    Attribute,
    /// `and`, `=`, `+`…
    Operator,
    /// What can start an expression: a name, a number, `not`, `(`…
    Operand,
    /// Never shown (internal rules).
    Hidden,
}

pub(super) struct Name {
    pub group: Group,
    pub text: &'static str,
}

const fn single(text: &'static str) -> Name {
    Name {
        group: Group::Single,
        text,
    }
}

const fn grouped(group: Group, text: &'static str) -> Name {
    Name { group, text }
}

const HIDDEN: Name = Name {
    group: Group::Hidden,
    text: "",
};

/// The human name of a rule, as shown after "expected".
pub(super) fn name(rule: Rule) -> Name {
    use Group::{Attribute, Item, Operand, Operator, Type};
    match rule {
        Rule::EOI => single("the end of the file"),
        Rule::file | Rule::questionnaire | Rule::k_questionnaire => single("`questionnaire`"),
        Rule::header => single("the header block `{ … }`"),
        Rule::field => single("a header line such as `lang fr`"),
        Rule::section | Rule::k_section => grouped(Item, "`section`"),
        Rule::intro | Rule::k_intro => grouped(Item, "`intro`"),
        Rule::note | Rule::k_note => grouped(Item, "`note`"),
        Rule::compute | Rule::k_compute => grouped(Item, "`compute`"),
        Rule::levels | Rule::k_levels => grouped(Item, "`levels`"),
        Rule::example | Rule::k_example => grouped(Item, "`example`"),
        Rule::question | Rule::k_question => grouped(Item, "`question`"),
        Rule::range | Rule::k_range => single("`range`"),
        Rule::decimals | Rule::k_decimals => single("`decimals`"),
        Rule::qtype => single("a question type such as `one`, `many`, `integer`"),
        Rule::k_yesno => grouped(Type, "`yesno`"),
        Rule::k_one => grouped(Type, "`one`"),
        Rule::k_many => grouped(Type, "`many`"),
        Rule::k_integer => grouped(Type, "`integer`"),
        Rule::k_decimal => grouped(Type, "`decimal`"),
        Rule::k_percent => grouped(Type, "`percent`"),
        Rule::k_text => grouped(Type, "`text`"),
        Rule::k_long => single("`long`"),
        Rule::k_date => grouped(Type, "`date`"),
        Rule::k_email => grouped(Type, "`email`"),
        Rule::k_url => grouped(Type, "`url`"),
        Rule::k_siret => grouped(Type, "`siret`"),
        Rule::options => single("`{`"),
        Rule::option => single("an option such as `oui \"Oui\" = 1`"),
        Rule::points => single("points such as `= 2`"),
        Rule::exclusive | Rule::k_exclusive => single("`exclusive`"),
        Rule::required | Rule::k_required => grouped(Attribute, "`required`"),
        Rule::hint | Rule::k_hint => grouped(Attribute, "`hint`"),
        Rule::when | Rule::k_when => grouped(Attribute, "`when`"),
        Rule::min | Rule::k_min => grouped(Attribute, "`min`"),
        Rule::max | Rule::k_max => grouped(Attribute, "`max`"),
        Rule::unit | Rule::k_unit => grouped(Attribute, "`unit`"),
        Rule::cap | Rule::k_cap => grouped(Attribute, "`cap`"),
        Rule::jury | Rule::k_jury => grouped(Attribute, "`jury`"),
        Rule::yes_points | Rule::k_yes => grouped(Attribute, "`yes`"),
        Rule::no_points | Rule::k_no => grouped(Attribute, "`no`"),
        Rule::bands | Rule::k_bands => grouped(Attribute, "`bands`"),
        Rule::k_score => grouped(Attribute, "`score`"),
        Rule::check | Rule::k_check => grouped(Attribute, "`check`"),
        Rule::band => single("a band such as `[10, 50) = 5`"),
        Rule::interval | Rule::lower_bracket => single("an interval such as `[0, 10)`"),
        Rule::upper_bracket => single("`)` or `]`"),
        Rule::infinity | Rule::k_inf => single("`∞`"),
        Rule::soft | Rule::k_soft => single("`soft`"),
        Rule::scheme | Rule::k_cumulative => single("`cumulative`"),
        Rule::k_independent => single("`independent`"),
        Rule::named | Rule::k_named => single("`named`"),
        Rule::fields => single("`{`"),
        Rule::unlabelled | Rule::k_none => single("`none`"),
        Rule::level | Rule::k_level => single("`level`"),
        Rule::mentions | Rule::k_mentions => single("`mentions`"),
        Rule::mention | Rule::k_mention => single("`mention`"),
        Rule::jury_decided => single("`jury`"),
        Rule::previous | Rule::k_previous => single("`previous`"),
        Rule::expect_mentions => single("`mentions`"),
        Rule::level_value | Rule::previous_value => grouped(Operand, "a name"),
        Rule::threshold | Rule::k_from => single("`from`"),
        Rule::gate | Rule::k_gate => single("`gate`"),
        Rule::description | Rule::k_description => single("`description`"),
        Rule::answers | Rule::k_answers => single("`answers`"),
        Rule::answer => single("an answer such as `S1 = deliberation`"),
        Rule::jury_scores => single("`jury`"),
        Rule::jury_score => single("a jury score such as `S5 = 4`"),
        Rule::expect | Rule::k_expect => single("`expect`"),
        Rule::expect_level => single("`level`"),
        Rule::expect_total => single("`total`"),
        Rule::k_total | Rule::total => grouped(Operand, "`total`"),
        Rule::expect_section => single("`section`"),
        Rule::expect_invalid | Rule::k_invalid => single("`invalid`"),
        Rule::expr | Rule::paren | Rule::name | Rule::section_score | Rule::call => {
            grouped(Operand, "a name")
        }
        Rule::not | Rule::k_not => grouped(Operand, "`not`"),
        Rule::neg => grouped(Operand, "`-`"),
        Rule::in_set | Rule::k_in => grouped(Operator, "`in`"),
        Rule::not_in_set => grouped(Operator, "`not in`"),
        Rule::has_any | Rule::has_option | Rule::k_has => grouped(Operator, "`has`"),
        Rule::k_any => single("`any`"),
        Rule::set => single("a set such as `{a, b}`"),
        Rule::or | Rule::k_or => grouped(Operator, "`or`"),
        Rule::and | Rule::k_and => grouped(Operator, "`and`"),
        Rule::eq => grouped(Operator, "`=`"),
        Rule::ne => grouped(Operator, "`!=`"),
        Rule::le => grouped(Operator, "`<=`"),
        Rule::ge => grouped(Operator, "`>=`"),
        Rule::lt => grouped(Operator, "`<`"),
        Rule::gt => grouped(Operator, "`>`"),
        Rule::add => grouped(Operator, "`+`"),
        Rule::sub => grouped(Operator, "`-`"),
        Rule::mul => grouped(Operator, "`*`"),
        Rule::div => grouped(Operator, "`/`"),
        Rule::ident => single("an identifier such as `S1`"),
        Rule::boolean => grouped(Operand, "`yes` or `no`"),
        Rule::integer => single("a whole number"),
        Rule::number => single("a number"),
        Rule::unsigned => grouped(Operand, "a number"),
        Rule::percent => grouped(Operand, "a percentage such as `50%`"),
        Rule::date => grouped(Operand, "a date such as `2024-03-15`"),
        Rule::text => single("a text in quotes `\"…\"`"),
        Rule::k_edition => single("`edition`"),
        Rule::reserved
        | Rule::WHITESPACE
        | Rule::COMMENT
        | Rule::BOM
        | Rule::item
        | Rule::field_value
        | Rule::section_item
        | Rule::question_part
        | Rule::compute_part
        | Rule::mention_part
        | Rule::attribute
        | Rule::upper_bound
        | Rule::levels_item
        | Rule::level_part
        | Rule::example_part
        | Rule::answer_value
        | Rule::expectation
        | Rule::prefix
        | Rule::postfix
        | Rule::infix
        | Rule::primary
        | Rule::ident_char
        | Rule::escape
        | Rule::quoted_text
        | Rule::block_text
        | Rule::text_char => HIDDEN,
    }
}

/// The names a rule stands for: a question type stands for every type
/// keyword, so that they are grouped and suggested like the others. Types
/// and attributes are both question parts, expected at the same places; the
/// grammar guards attributes by their first letter, so pest does not report
/// them itself.
pub(super) fn expand(rule: Rule) -> Vec<Name> {
    match rule {
        Rule::qtype => [
            Rule::k_required,
            Rule::k_when,
            Rule::k_min,
            Rule::k_max,
            Rule::k_bands,
            Rule::k_hint,
            Rule::k_check,
            Rule::k_unit,
            Rule::k_cap,
            Rule::k_yes,
            Rule::k_no,
            Rule::k_jury,
            Rule::k_yesno,
            Rule::k_one,
            Rule::k_many,
            Rule::k_integer,
            Rule::k_decimal,
            Rule::k_percent,
            Rule::k_text,
            Rule::k_date,
            Rule::k_email,
            Rule::k_url,
            Rule::k_siret,
        ]
        .into_iter()
        .map(name)
        .collect(),
        Rule::upper_bracket => vec![single("`)`"), single("`]`")],
        _ => vec![name(rule)],
    }
}

/// The group of a literal token that the grammar expected, such as `{`.
pub(super) fn token(token: &str) -> Option<Name> {
    let text = match token {
        "{" => "`{`",
        "}" => "`}`",
        "(" => return Some(grouped(Group::Operand, "`(`")),
        ")" => "`)`",
        "[" => "`[`",
        "]" => "`]`",
        "=" => "`=`",
        "," => "`,`",
        ".." => "`..`",
        "\"" | "\"\"\"" => "a text in quotes `\"…\"`",
        _ => return None,
    };
    Some(single(text))
}

/// How a group reads when several of its members are expected (operands
/// always read as one).
pub(super) fn group_summary(group: Group) -> Option<&'static str> {
    match group {
        Group::Item => Some("`question`, `note` or another item"),
        Group::Type => Some("a question type such as `yesno`, `one`, `many`, `integer`, `text`"),
        Group::Attribute => Some("an attribute such as `required`, `hint`, `when`, `min`"),
        Group::Operator => Some("an operator such as `and`, `or`, `=`, `>=`, `+`"),
        Group::Operand => Some("an expression such as `L2 > 0` or `S1 = deliberation`"),
        Group::Single | Group::Hidden => None,
    }
}
