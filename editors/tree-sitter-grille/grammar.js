/**
 * A tree-sitter grammar of grille questionnaire files, for the editors that
 * highlight and indent with tree-sitter (Helix). It knows the words, the
 * texts, the blocks and what names what; the syntax itself is checked by
 * `grille check` and `grille lsp`, which report every mistake in words.
 * Any text parses, so a half-typed file is highlighted as far as it goes.
 *
 * @file grille grammar for tree-sitter
 * @license EUPL-1.2
 */

/// <reference types="tree-sitter-cli/dsl" />
// @ts-check

// The words that begin a declaration, followed by the id they declare
// (`section` also names a section in a gate: `gate section donnees >= 40%`;
// a `note` may have no id: `note "…"`).
const DECLARING = ['questionnaire', 'section', 'question', 'compute', 'mention', 'example', 'note'];

// The other keywords of grammar/grille.pest, and the header's fields.
const KEYWORDS = [
  'edition', 'intro', 'note', 'range', 'decimals', 'exclusive', 'required', 'hint', 'when',
  'min', 'max', 'unit', 'cap', 'jury', 'score', 'bands', 'check', 'soft', 'levels',
  'cumulative', 'independent', 'none', 'named', 'level', 'mentions', 'previous', 'from',
  'gate', 'description', 'answers', 'expect', 'total', 'invalid', 'not', 'in', 'has', 'any',
  'or', 'and',
  'lang', 'organiser', 'contact', 'website', 'deadline', 'opens', 'receipt', 'notice',
  'status', 'action', 'terms', 'campaign',
];

// The types of a question's answer (`date` is also a header field).
const TYPES = [
  'yesno', 'one', 'many', 'integer', 'decimal', 'percent', 'text', 'long', 'date', 'email',
  'url', 'siret',
];

const CONSTANTS = ['yes', 'no', 'true', 'false', 'inf', '∞', '+∞'];

const OPERATORS = [
  '>=', '<=', '!=', '==', '=', '<', '>', '+', '-', '*', '/', '..', '≤', '≥', '≠', '×',
];

module.exports = grammar({
  name: 'grille',

  extras: $ => [/\s/, $.comment],

  word: $ => $.identifier,

  rules: {
    source_file: $ => repeat($._item),

    _item: $ => choice(
      $.block,
      $.declaration,
      $.entry,
      $.keyword,
      $.type,
      $.constant,
      $.text,
      $.date,
      $.percent,
      $.number,
      $.operator,
      $.punctuation,
      $.identifier,
      $.other,
    ),

    /** `{ … }`: a header, a section, a question's options, a block of bands… */
    block: $ => seq('{', repeat($._item), '}'),

    /** `question S1`, `section strategie`: a word and the id it declares. */
    declaration: $ => prec(1, seq(
      field('keyword', alias(choice(...DECLARING), $.keyword)),
      field('name', alias($.identifier, $.name)),
    )),

    /** `commune "Commune"`, `submit "Envoyer"`: an option or a term and its text. */
    entry: $ => prec(1, seq(field('name', alias($.identifier, $.name)), $.text)),

    keyword: _ => choice(...KEYWORDS),

    type: _ => choice(...TYPES),

    constant: _ => choice(...CONSTANTS),

    /** `"…"` on one line (to the end of the line while unclosed), or `"""…"""`. */
    text: _ => choice(
      token(seq('"""', repeat(choice(/[^"]/, /"[^"]/, /""[^"]/)), '"""')),
      token(seq('"', repeat(choice(/[^"\\\n]/, /\\./)), optional('"'))),
    ),

    date: _ => token(/\d{4}-\d{2}-\d{2}/),

    percent: _ => token(/\d+(\.\d+)?%/),

    number: _ => token(/\d+(\.\d+)?/),

    operator: _ => choice(...OPERATORS),

    punctuation: _ => choice('(', ')', '[', ']', ','),

    identifier: _ => /[A-Za-z_][A-Za-z0-9_]*/,

    /** Any other character: `grille check` says what is wrong with it. */
    other: _ => token(prec(-1, /[^\s]/)),

    comment: _ => token(seq('#', /[^\n]*/)),
  },
});
