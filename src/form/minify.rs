//! Makes the page's script smaller without changing what it does: removes
//! comments, indentation, blank lines and the spaces that separate nothing,
//! and the parentheses of a single arrow-function parameter. A line break is
//! removed only where it cannot end a statement (after `;`, `{`, `,`, `(` or `[`, or
//! before `.`, `)`, `]`, `}`, `?` or `:`), so automatic semicolon insertion
//! is unaffected. Strings, template literals and regular expressions are
//! copied as they are. The conformance and browser tests run the result.

/// The script without comments and needless spaces.
pub fn script(source: &str) -> String {
    let chars: Vec<char> = source.chars().collect();
    let mut out = String::with_capacity(source.len());
    // The last character written that is not a space or a line break.
    let mut last = '\n';
    let mut pending_space = false;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        match c {
            '/' if next == Some('/') => {
                while i < chars.len() && chars[i] != '\n' {
                    i += 1;
                }
            }
            '/' if next == Some('*') => {
                i += 2;
                while i + 1 < chars.len() && !(chars[i] == '*' && chars[i + 1] == '/') {
                    i += 1;
                }
                i += 2;
                pending_space = true;
            }
            '\n' => {
                pending_space = false;
                let following = chars[i..].iter().copied().find(|c| !c.is_whitespace());
                let joins =
                    ";{,([".contains(last) || following.is_some_and(|c| ".)]}?:".contains(c));
                if !out.is_empty() && !out.ends_with('\n') && !joins {
                    out.push('\n');
                }
                i += 1;
            }
            '(' if single_parameter(&chars, i).is_some() => {
                let end = single_parameter(&chars, i).unwrap_or(i);
                separate(&mut out, &mut pending_space, last, chars[i + 1]);
                out.extend(&chars[i + 1..end]);
                last = chars[end - 1];
                i = end + 1;
            }
            ' ' | '\t' | '\r' => {
                pending_space = true;
                i += 1;
            }
            '"' | '\'' | '`' => {
                separate(&mut out, &mut pending_space, last, c);
                let end = literal_end(&chars, i, c);
                out.extend(&chars[i..end]);
                last = c;
                i = end;
            }
            '/' if starts_regex(&out, last) => {
                separate(&mut out, &mut pending_space, last, c);
                let end = regex_end(&chars, i);
                out.extend(&chars[i..end]);
                last = 'a';
                i = end;
            }
            _ => {
                separate(&mut out, &mut pending_space, last, c);
                out.push(c);
                last = c;
                i += 1;
            }
        }
    }
    if !out.ends_with('\n') {
        out.push('\n');
    }
    out
}

/// `(name) =>`: the index of the `)` when `(` at `start` opens a single
/// parameter of an arrow function.
fn single_parameter(chars: &[char], start: usize) -> Option<usize> {
    let mut i = start + 1;
    while i < chars.len() && word(chars[i]) {
        i += 1;
    }
    let close = i;
    if close == start + 1 || chars.get(close) != Some(&')') {
        return None;
    }
    let mut j = close + 1;
    while chars.get(j) == Some(&' ') {
        j += 1;
    }
    (chars.get(j) == Some(&'=') && chars.get(j + 1) == Some(&'>')).then_some(close)
}

fn word(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == '$'
}

/// Writes the pending space only where it separates two tokens that would
/// otherwise merge: two words, or `+ +`, `- -`.
fn separate(out: &mut String, pending: &mut bool, last: char, next: char) {
    if *pending && !out.ends_with('\n') && !out.is_empty() {
        let merge = (word(last) && word(next))
            || (last == '+' && next == '+')
            || (last == '-' && next == '-');
        if merge {
            out.push(' ');
        }
    }
    *pending = false;
}

/// A `/` starts a regular expression after an operator, an opening bracket,
/// a comma, or the words `return` and `typeof`; after a value it divides.
fn starts_regex(out: &str, last: char) -> bool {
    if "(,=:[!&|?{};+-*%<>~^\n".contains(last) {
        return true;
    }
    let trimmed = out.trim_end();
    ["return", "typeof", "case", "in", "of"]
        .iter()
        .any(|w| trimmed.ends_with(w) && !trimmed[..trimmed.len() - w.len()].ends_with(word))
}

/// The index just past a string or template literal starting at `start`.
fn literal_end(chars: &[char], start: usize, quote: char) -> usize {
    let mut i = start + 1;
    while i < chars.len() {
        match chars[i] {
            '\\' => i += 2,
            c if c == quote => return i + 1,
            _ => i += 1,
        }
    }
    chars.len()
}

/// The index just past a regular expression literal and its flags.
fn regex_end(chars: &[char], start: usize) -> usize {
    let mut i = start + 1;
    let mut class = false;
    while i < chars.len() {
        match chars[i] {
            '\\' => i += 1,
            '[' => class = true,
            ']' => class = false,
            '/' if !class => {
                i += 1;
                while i < chars.len() && chars[i].is_ascii_alphabetic() {
                    i += 1;
                }
                return i;
            }
            '\n' => return i,
            _ => {}
        }
        i += 1;
    }
    chars.len()
}

#[cfg(test)]
mod tests {
    use super::script;

    #[test]
    fn removes_comments_and_spaces_between_symbols() {
        assert_eq!(
            script("// head\nconst a = (b, c) => b + c; // tail\n/* block */\n  if (a) {\n    f();\n  }\n"),
            "const a=(b,c)=>b+c;if(a){f();}\n"
        );
    }

    #[test]
    fn joins_lines_only_where_no_statement_can_end() {
        assert_eq!(
            script("const f = (x) => x\n  .map((y) => y);\nlet a = b\nlet c = [\n  1,\n  2\n];\n"),
            "const f=x=>x.map(y=>y);let a=b\nlet c=[1,2];\n"
        );
        assert_eq!(script("a = f(x)\n(g)();"), "a=f(x)\n(g)();\n");
    }

    #[test]
    fn keeps_words_apart_and_signs_from_merging() {
        assert_eq!(script("return typeof x in y;"), "return typeof x in y;\n");
        assert_eq!(script("a - -b + +c;"), "a- -b+ +c;\n");
    }

    #[test]
    fn copies_strings_and_regular_expressions() {
        let text = "s = \"a  // b\" + 'c /* d */' + `e  f`;\nr = /^a  b\\/[/ ]$/g.test(x) / 2;\n";
        assert_eq!(
            script(text),
            "s=\"a  // b\"+'c /* d */'+`e  f`;r=/^a  b\\/[/ ]$/g.test(x)/2;\n"
        );
        assert_eq!(script("x = a / b / c;"), "x=a/b/c;\n");
        assert_eq!(script("return /x/.test(y);"), "return/x/.test(y);\n");
    }
}
