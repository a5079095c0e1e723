; Highlighting of grille files. No node matches two patterns: Helix keeps
; the first match and tree-sitter's highlighter the last.

(comment) @comment

(text) @string

(declaration
  name: (name) @function)

(entry
  name: (name) @variable.other.member)

(keyword) @keyword

(type) @type.builtin

(constant) @constant.builtin

[
  (number)
  (percent)
  (date)
] @constant.numeric

(operator) @operator

[
  "{"
  "}"
  "("
  ")"
  "["
  "]"
] @punctuation.bracket

"," @punctuation.delimiter

(identifier) @variable
