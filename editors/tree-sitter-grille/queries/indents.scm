; Indentation in Helix: one step inside each `{ … }`.

(block) @indent

"}" @outdent
