# grille's own words in English. Every text the outputs write around the
# questionnaire's own texts comes from here (`src/words/mod.rs`); `fr.ftl`
# has the same messages. A questionnaire may replace a `term-*` message with
# its own wording: `terms { submit "Send my application" }`.

## Terms a questionnaire may choose

# What the form and the PDF call the questionnaire.
term-document = Questionnaire
# The form's button that sends the answers.
term-submit = Send my answers
# The name of level 0 when the levels give none (`none "…"`).
term-no-level = no level

## Common

yes = Yes
no = No
quoted = “{ $text }”
points = { $n ->
    [one] { $n } point
   *[other] { $n } points
}
date = { $day } { $month ->
    [1] January
    [2] February
    [3] March
    [4] April
    [5] May
    [6] June
    [7] July
    [8] August
    [9] September
    [10] October
    [11] November
   *[12] December
} { $year }
required = (required)

## Conditions, as clauses: "If you answered “Yes” to question 1.8."

cond-if = If { $condition }.
cond-always = always
cond-never = never
cond-and = and
cond-or = or
cond-nor = nor
cond-question = question { $number }
cond-value = the value { $name }
cond-answered = you answered { $options } to { $question }
cond-not-answered = you did not answer { $option } to { $question }
cond-answered-none-of = you answered neither { $options } to { $question }
cond-ticked = you ticked { $option } for { $question }
cond-not-ticked = you did not tick { $option } for { $question }
cond-ticked-any = you ticked at least one answer for { $question }
cond-ticked-none = you ticked no answer for { $question }
cond-not = it is not true that { $condition }
cond-answer-to = the answer to { $question }
cond-section-score = the score of the part { $title }
cond-total = the total score
cond-level = the level awarded
cond-previous-level = the level awarded in the previous edition
cond-previous-total = the total score in the previous edition
cond-level-compared = the level awarded
cond-previous-level-compared = the level awarded in the previous edition
cond-previous-total-compared = the total score in the previous edition
cond-minus = minus { $value }
cond-count = the number of these conditions that hold: { $conditions }
cond-count-answered = the number of { $options } answers to questions { $questions }
cond-length = the number of characters of { $text }
cond-contains = { $text } contains { $part }
cond-starts-with = { $text } starts with { $part }
cond-contains-url = { $text } contains a web address
cond-compare = { $subject } { $kind ->
    [date] { $op ->
        [lt] is before
        [le] is on or before
        [gt] is after
        [ge] is on or after
        [eq] is
       *[ne] is not
    }
   *[other] { $op ->
        [eq] is
        [ne] is not
        [lt] is less than
        [le] is at most
        [gt] is more than
       *[ge] is at least
    }
} { $value }

## What an answer looks like

number-between = { $kind ->
    [integer] Whole number
    [percent] Percentage
   *[decimal] Number
} from { $lo } to { $hi }
number-positive = { $kind ->
    [integer] Whole number
    [percent] Percentage
   *[decimal] Number
}, zero or more
number-at-least = { $kind ->
    [integer] Whole number
    [percent] Percentage
   *[decimal] Number
} of at least { $lo }
number-at-most = { $kind ->
    [integer] Whole number
    [percent] Percentage
   *[decimal] Number
} of at most { $hi }
number-any = { $kind ->
    [integer] Whole number
    [percent] Percentage
   *[decimal] Number
}
choices-exactly = Tick { $count } { $count ->
    [one] answer
   *[other] answers
}.
choices-between = Tick { $lo } to { $count } answers.
choices-at-least = Tick at least { $count } { $count ->
    [one] answer
   *[other] answers
}.
choices-at-most = { $count ->
    [one] Tick one answer at most.
   *[other] Tick at most { $count } answers.
}
choices-any = Several answers possible.

## The form (formulaire.html)

form-title = { $title } — questionnaire { $edition }
form-document = { $document } { $edition }
form-skip = Skip to the questions
deadline = Answers due by { $date }
contents = Contents
colon = :{ " " }
form-draft = Draft
form-draft-text = this questionnaire is not published yet.
form-nojs-title = JavaScript is off.
form-nojs = Every question is shown, each with the condition in which it applies. { $action ->
    [yes] Your answers are not saved in this browser.
   *[no] Your answers are not saved in this browser and cannot be downloaded: turn JavaScript on to answer online.
}
form-saved = Your answers are saved in this browser as you go.
form-download = Download my answers
form-restore = Resume from an answers file
form-clear = Clear all my answers
form-errors-title = Your questionnaire cannot be sent yet
form-legend-required = Questions followed by “{ $required }” must be answered.
form-file-name = answers-{ $id }-{ $edition }.json
form-check-download = Check and download my answers
form-footer = { $title }, questionnaire { $edition }.
form-footer-by = { $title }, questionnaire { $edition }, { $organiser }.
contact = Contact
form-clear-answer = Clear my answer to question { $number }
form-computing = computed from your answers
form-number = { $what }.
form-number-in = { $what }, in { $unit }.
form-decimals = Use a point for decimals.
format-siret = SIRET number, 14 digits.
form-email = Email address, for example name@example.org.
form-url = Web address starting with https://.
form-exclusive = { $label } cannot be combined with other answers.

## The form's script (form.js): `{name}` stands for an argument; a message
## that depends on `$count` has a text for each plural category.

script-exclusive = “{ $label }” cannot be combined with other answers.
script-min-choices = Tick at least { $count } { $count ->
    [one] answer
   *[other] answers
}.
script-max-choices = { $count ->
    [one] Tick one answer at most.
   *[other] Tick at most { $count } answers.
}
script-not-integer = Enter a whole number, for example 12.
script-not-number = Enter a number, for example 12.5.
script-not-whole = Enter a whole number, without decimals.
script-out-of-range = Enter a number { $range }.
script-range-between = from { $lo } to { $hi }
script-range-at-least = of at least { $lo }
script-range-at-most = of at most { $hi }
script-not-date = Enter a date, for example 2024-03-15.
script-incomplete-date = Enter a complete date (day, month and year).
script-not-email = Enter an email address, for example name@example.org.
script-not-url = Enter a web address starting with https:// or http://.
script-url-space = A web address holds no space and names a site after https://.
script-siret-length = A SIRET number has 14 digits.
script-siret-invalid = This SIRET number is not valid: check its digits.
script-not-option = Choose among the answers offered.
script-required = Answer this question: it is required.
script-warning = Warning: { $message }
script-error = Error: { $message }
script-about = { $what } — { $text }
script-computed-out = “{ $label }” is { $value }, outside { $range }: check the answers it depends on.
script-pending = waiting for your answers
# A computed value and its unit, with a no-break space between.
script-unit = { $value }{"\u00A0"}{ $unit }
script-yes = yes
script-no = no
script-not-applicable = Does not apply to your situation
script-progress = { $answers } out of { $questions }
script-answers = { $count } { $count ->
    [one] answer
   *[other] answers
}
script-questions = { $count } { $count ->
    [one] question
   *[other] questions
}
script-cannot-save = Your answers cannot be saved in this browser: download them regularly with “{ form-download }”.
script-downloaded = Your answers are complete. The file “{ $name }” was downloaded: it is the one to send.
script-file-count = The file “{ $name }” holds { $count } { $count ->
    [one] answer
   *[other] answers
}.
script-skipped = Answers to correct, left out: { $count }.
script-not-json = The file “{ $name }” is not an answers file: its content is not readable JSON.
script-no-answers = The file “{ $name }” holds no answers (it has no “answers” part).
script-other-questionnaire = The file “{ $name }” answers the questionnaire “{ $id }”, not this one.
script-unknown-question = “{ $id }” (unknown question)
script-unrecognised = { $number } (answer not recognised)
script-replace = Replace your current answers with those of the file “{ $name }”?
script-resumed = Answers resumed from the file “{ $name }”: { $count }.
script-other-edition = This file comes from the edition { $edition }.
script-left = Not resumed: { $list }.
script-unreadable = The file “{ $name }” cannot be read.
script-clear-confirm = Clear all your answers, in this form and in this browser?
script-cleared = Your answers were cleared.
script-restored = Answers restored from this browser: { $count }.

## The PDFs (questions.typ and src/pdf/data.rs)

pdf-jury-subtitle = Questionnaire { $edition } — jury edition
pdf-jury = jury
pdf-page = page
pdf-colon-end = :
pdf-band-or-more = { $lo } or more
pdf-band-more-than = more than { $lo }
pdf-band-exactly = exactly { $lo }
pdf-band-closed = from { $lo } to { $hi }
pdf-band-closed-open = from { $lo } to less than { $hi }
pdf-band-open-closed = more than { $lo } and up to { $hi }
pdf-band-open = more than { $lo } and less than { $hi }
pdf-one = One answer only.
pdf-date = Day, month and year.
pdf-email = Email address.
pdf-url = Web address (https://…).
pdf-excludes = (excludes the other answers)
pdf-sum = The points of the ticked answers add up.
pdf-cap = Cap: { $points }.
pdf-answer = Answer
pdf-jury-mark = Jury’s mark: from 0 to { $points }, depending on the answer.
pdf-no-points = no points
pdf-out-of = out of { $points }
pdf-section-no-points = This part earns no points.
pdf-section-max = Maximum for the part: { $points }
pdf-computed = Computed from your answers: { $label }.
pdf-computed-unit = Computed from your answers: { $label }, in { $unit }.
pdf-draft = Draft: this document is not published yet.
pdf-jury-intro = Jury edition: it gives the points of each answer, the caps, the bands and the conditions of each level.
pdf-maximum = Maximum
pdf-intro = This document lets you prepare your answers before filling in the questionnaire online.
pdf-levels = Levels
pdf-cumulative = Levels are cumulative: a level requires its threshold, its conditions and those of every lower level.
pdf-independent = Levels are independent: a level requires its threshold and its own conditions.
pdf-below-first = Below the first level: “{ $name }”.
pdf-level = Level
pdf-name = Name
pdf-threshold = Threshold
pdf-conditions = Conditions
pdf-threshold-percent = { $percent }% of the maximum, that is { $points }
pdf-by-conditions = none: the conditions alone
pdf-website = Website
pdf-mentions = Mentions
pdf-mention-rule = Awarded if { $condition }.
pdf-mention-jury = Decided by the jury.

## Explanations (`grille score --explain`, `grille test`)

# Between the items of a list of reasons or values.
explain-separator = {"; "}
explain-share = { $percent }%
explain-section-value = section `{ $id }`: { $score } / { $max } ({ $share })
explain-total-value = total: { $score } / { $max }
explain-answer-value = `{ $id }`: { $answer }
explain-level-value = level: { $value }
explain-previous-level-value = previous level: { $value }
explain-previous-total-value = previous total: { $value }
explain-not-given = not given
explain-count-value = { $held ->
    [0] none of the { $count } counted conditions holds
    [one] { $held } of the { $count } counted conditions holds
   *[other] { $held } of the { $count } counted conditions hold
}
explain-level = level { $number } { $name }
explain-level-none = level 0 ({ $name })
explain-level-number = level { $number }
explain-total = Total: { $total } / { $max } — { $level }
explain-provisional = Provisional result: the jury’s mark is missing for { $missing }; with the highest mark, { $level } at most ({ $points }).
explain-section-hidden = (section not shown)
explain-levels = Levels:
explain-level-status = { $level } (≥ { $points }): { $status }
explain-level-status-gates = { $level } (conditions only): { $status }
explain-reached = reached
explain-not-reached = not reached
explain-gate = condition `{ $source }`: { $state }
explain-gate-holds = met
explain-gate-fails = not met
explain-gate-unknown = unknown (answers missing)
explain-missing = { $points } missing ({ $required } needed)
explain-gate-not-met = the condition `{ $source }` is not met
explain-gate-not-known = the condition `{ $source }` is not established
explain-mentions = Mentions:
explain-mention = { $label } ({ $how }): { $state }
explain-mention-rule = when `{ $source }`
explain-mention-jury = decided by the jury
explain-mention-awarded = awarded
explain-mention-not-awarded = not awarded
explain-mention-refused = not awarded by the jury
explain-mention-pending = for the jury to decide
explain-next = { $level }: { $reasons }.
explain-hidden = not shown (condition not met)
explain-unanswered = unanswered
explain-unknown = unknown value (answers missing)
explain-yes = yes
explain-no = no
explain-none = none
explain-no-option = no option
explain-capped = { $list } = { $sum } → cap { $cap }
explain-band = { $value } → band { $band }
explain-band-of = { $of } = { $value } → band { $band }
explain-no-band = { $value } → outside the bands
explain-jury = jury’s mark { $mark }
explain-jury-pending = jury’s mark pending
score-provisional = (provisional)
score-mention-pending = (for the jury to decide)

## What changed between two editions (`grille diff`)

diff-exclusive = (exclusive)
diff-yes-no = yes = { $yes }, no = { $no }
diff-choices = points of the answers
diff-choices-cap = points of the answers, cap { $cap }
diff-bands-of = bands of { $value }: { $list }
diff-bands = bands: { $list }
diff-jury = jury’s mark from 0 to { $max }
diff-part = part { $number } { $title }
diff-part-head = Part { $number } { $title }
diff-moved = moved
diff-number = number
diff-label = label
diff-hint = hint
diff-required = required
diff-type = type
diff-option-removed = option removed
diff-option-added = option added
diff-option-label = label of the option `{ $id }`
diff-option-points = points of the option `{ $id }`
diff-option-exclusive = option `{ $id }` exclusive
diff-scoring = scoring
diff-condition = condition
diff-checks = checks
diff-maximum = maximum
diff-summary-max = maximum { $points }
diff-title = title
diff-intro = introduction
diff-notes = notes
diff-added = added
diff-removed = removed
diff-added-mark = (added)
diff-removed-mark = (removed)
diff-computed = computed value `{ $id }`
diff-computed-added = computed value `{ $id }` added
diff-computed-removed = computed value `{ $id }` removed
diff-computed-range = range of `{ $id }`
diff-computed-unit = unit of `{ $id }`
diff-computed-decimals = decimals of `{ $id }`
diff-computed-title = Computed values
diff-mention-added = mention `{ $id }` added
diff-mention-removed = mention `{ $id }` removed
diff-mention-label = name of mention `{ $id }`
diff-mention-how = how mention `{ $id }` is awarded
diff-mention-rule = when `{ $source }`
diff-levels = levels
diff-threshold-percent = { $percent }% ({ $points })
diff-level-removed = level { $number } removed
diff-level-added = level { $number } added
diff-level-value = { $name }, threshold { $threshold }
diff-level-name = name of level { $number }
diff-level-threshold = threshold of level { $number }
diff-level-gates = conditions of level { $number }
diff-level-description = description of level { $number }
diff-refused = answers refused
diff-before = before
diff-after = after
diff-draft = (draft)
diff-no-change = No change.
diff-renumbered = renumbered
diff-regrade = Regrading: { $count } { $count ->
    [one] answer set
   *[other] answer sets
}
diff-regrade-title = Regrading
diff-answers = answers
diff-dropped = { $name }: answers to questions that no longer exist, set aside: { $list }
diff-refused-by = { $name }: refused by { $edition }: { $problem }
diff-refused-md = { $name }: refused: { $problem }
diff-summary = Summary
diff-moves = { $count } { $count ->
    [one] answer set moves
   *[other] answer sets move
} from level { $from } to level { $to }.
diff-kept = { $count } { $count ->
    [one] answer set keeps its
   *[other] answer sets keep their
} level.
diff-refused-now = { $count } { $count ->
    [one] answer set
   *[other] answer sets
}: answers refused by the new edition.
diff-accepted-now = { $count } { $count ->
    [one] answer set
   *[other] answer sets
}: answers refused by the old edition, accepted by the new one.
diff-refused-both = { $count } { $count ->
    [one] answer set
   *[other] answer sets
}: answers refused by both editions.

## The campaign's pages (`grille serve`)

serve-save = Save without sending
serve-link = Your private link
serve-link-help = Keep this link: it brings you back to your application, from any browser, to complete or change it. Do not share it: it gives access to your answers.
serve-at = { $date } at { $time }
serve-status-draft = Draft saved on { $at }, not sent yet.
serve-status-sent = Application sent on { $at }.
serve-status-changed = Changes saved on { $at }, not sent yet: the application received is still the one of { $sent }.
serve-status-until = You may change it and send it again until { $date } included.
serve-receipt-link = See the receipt
serve-receipt-title = Receipt
serve-receipt-sent = Your application was received on { $at } (version { $version }).
serve-receipt-result = Provisional result, before the jury's review: { $total } of { $max } points, { $level }.
serve-receipt-answers = Your answers
serve-receipt-edit = Change my application
serve-not-open-title = The questionnaire is not open yet
serve-not-open = Applications will be received from { $date }.
serve-closed-title = Applications are closed
serve-closed = Applications were received until { $date } included.
serve-not-found-title = Page not found
serve-not-found = This address leads to no page. If it is your private link, check that it is complete.
serve-too-many-title = Too many attempts
serve-too-many = Too many unknown addresses were asked for from your connection. Try again in a minute.
serve-unavailable-title = Cannot save for the moment
serve-unavailable = The server cannot save your answers for the moment: nothing was saved. Go back to the previous page (your answers are still there) and try again in a few minutes.
serve-too-large-title = Too large
serve-too-large = What was sent is over { $size }: nothing was saved.
serve-bad-request-title = Unreadable
serve-bad-request = What was sent is not a form of this questionnaire: nothing was saved.
serve-home = Go to the questionnaire
serve-invalid-answer = This answer does not fit.
serve-invalid-answer-format = This answer does not fit: { $format }
serve-check-failed = These answers are not consistent.
serve-unknown-question = An answer to a question this questionnaire does not have was sent: reload the page.
serve-status-completing = The jury asks you to complete your application: you may change it and send it again until { $date } included.
serve-reviewed-title = Application under review
serve-reviewed = The jury is reviewing your application: it can no longer be changed, unless the jury asks you to complete it.

## The jury's pages (`/jury/`).
jury-nav = Jury area
jury-signed-in = Signed in: { $name } ({ $role })
jury-role-juror = juror
jury-role-president = jury president
jury-logout = Sign out
jury-login-title = Jury area
jury-login-intro = Sign in with the name and password the jury's president gave you.
jury-login-name = Name
jury-login-password = Password
jury-login-submit = Sign in
jury-login-wrong = Wrong name or password.
jury-login-expired = The sign-in page expired: enter your name and password again.
jury-login-too-many = Too many sign-ins failed. Try again in five minutes.
jury-refused-title = Not allowed
jury-refused-expired = This page expired or does not come from this site: nothing was saved. Reload the page and try again.
jury-refused-president = Only the jury's president may do this: nothing was saved.
jury-not-found = No application received has this number.
jury-list-title = Applications
jury-list-intro = { $count ->
    [0] No application has been received yet.
    [one] One application received.
   *[other] { $count } applications received.
}
jury-list-caption = { $count ->
    [one] One application shown
   *[other] { $count } applications shown
}
jury-list-empty = No application matches these criteria.
jury-filter-legend = Filter and sort
jury-filter-all = All
jury-filter-submit = Show
jury-sort = Sort by
jury-sort-received = order received
jury-sort-name = name
jury-sort-total = points
jury-sort-state = state
jury-column-name = Application
jury-column-type = Type
jury-column-automatic = Points without the jury
jury-column-total = Points
jury-column-level = Level
jury-column-state = State
jury-column-jurors = Jurors who marked
jury-points = { $total } / { $max }
jury-level-range = level { $low } to { $high } (provisional, jury marks are missing)
jury-cannot-score = cannot be scored
jury-cannot-score-why = Cannot be scored: { $why }
jury-state-draft = Draft
jury-state-sent = Received
jury-state-being-reviewed = Being reviewed
jury-state-needs-completing = To be completed by the candidate
jury-state-reviewed = Reviewed
jury-state-validated = Validated
jury-state-until = { $state }, until { $date } included
jury-publish-title = Publishing the results
jury-publish-nothing = No application has been received: there is nothing to publish.
jury-publish-waiting = { $count ->
    [one] One application is not validated yet: the results can be published once all are.
   *[other] { $count } applications are not validated yet: the results can be published once all are.
}
jury-publish-ready = { $count ->
    [one] The application is validated: the results can be published. The results page will be public.
   *[other] The { $count } applications are validated: the results can be published. The results page will be public.
}
jury-publish-submit = Publish the results
jury-application-number = Application no. { $id }
jury-carrier = Carried by
jury-received = Received
jury-received-at = on { $at } (version { $version })
jury-previous = Edition { $edition }
jury-previous-result = { $level }, { $total } points
jury-previous-regraded = { $result }; its answers then, scored with this edition's questionnaire: { $total } points, { $level }
jury-summary-title = Current result
jury-mentions = Mentions
jury-mentions-none = none so far
jury-saved = Saved.
jury-problems = Nothing was saved: correct what is shown below.
jury-conflict = Nothing was saved: this application was changed in the meantime (by another juror or by the candidate). The page now shows it as it is, with what you typed kept in the form: check it and save again.
jury-mine-title = Your review
jury-mine-intro = Your marks stay yours: the mark that counts is the mean of the jury's, until the president agrees the marks.
jury-mine-submit = Save my review
jury-agree-title = Marks agreed by the president
jury-agree-intro = Agreed marks replace the jury's mean; the application can be validated only once every mark and decision is agreed.
jury-agree-submit = Agree these marks
jury-mark-hint = A whole number from 0 to { $max }. Leave empty not to mark.
jury-mark-wrong = Enter a whole number from 0 to { $max }.
jury-mean = Mean
jury-mean-spread = { $mean } (from { $low } to { $high })
jury-agreed = Agreed mark
jury-votes = { $yes } for, { $no } against
jury-undecided = No opinion
jury-comment = Comment
jury-comment-hint = Seen by the other jurors only. Every comment saved is kept.
jury-comment-long = A comment has at most { $limit } characters.
jury-comment-by = { $name }, on { $at }
jury-comments-title = The jury's comments
jury-state-title = The application's state
jury-state-legend = New state
jury-state-choose = Choose a state.
jury-state-completing = To ask the candidate to complete the application, give a day (today or later) and what to complete.
jury-state-agree-first = An application can be validated only once the president has agreed all its marks and decisions.
jury-until = Last day to complete
jury-until-hint = Only for “To be completed by the candidate”: the candidate may change the application until this day included, even after the deadline.
jury-note = Message to the candidate
jury-note-hint = Only for “To be completed by the candidate”: what to complete. The candidate reads it on the application, through the private link.
jury-state-submit = Change the state
jury-answers-title = Answers
jury-answers-question = Question
jury-answers-answer = Answer
jury-answers-points = Points
jury-answers-why = Why
jury-unanswered = no answer
jury-history-title = History
jury-history-at = When
jury-history-who = Who
jury-history-what = What
jury-history-before = Before
jury-history-after = After
jury-history-candidate = the candidate
jury-history-mark = Mark of { $number }
jury-history-agreed-mark = Agreed mark of { $number }
jury-history-decision = Opinion on { $mention }
jury-history-agreed-decision = Agreed decision on { $mention }
jury-history-send = Application sent
jury-history-save = Draft saved

## The results (`/results`, `/a/…/result`).
results-title = Results
results-heading = Results — { $title } { $edition }
results-not-yet = The results are not published yet.
results-published = Results published on { $at }.
results-count = { $count ->
    [0] No application.
    [one] One application.
   *[other] { $count } applications.
}
results-nobody = no candidate
results-carried = { $name } – carried by { $carrier }
results-with-mentions = { $name } ({ $mentions })
results-no-level = { $count ->
    [one] One application reaches no level.
   *[other] { $count } applications reach no level.
}
results-no-level-label = No level
results-figures = In figures
results-chart-levels = Applications by level
results-chart-levels-desc = { $count ->
    [one] Number of applications that reached each level, out of one application.
   *[other] Number of applications that reached each level, out of { $count } applications.
}
results-chart-types = Applications by type
results-chart-types-desc = { $count ->
    [one] Number of applications of each type, out of one application.
   *[other] Number of applications of each type, out of { $count } applications.
}
results-chart-sections = Average by section
results-chart-sections-desc = Mean points earned in each section, against the section's maximum.
results-column-level = Level
results-column-type = Type
results-column-count = Applications
results-column-section = Section
results-column-average = Average
results-column-score = Points
results-column-max = Maximum
results-sheet-title = Your result
results-sheet-link = See my result
results-sheet-pdf = Download this result as a PDF
results-sheet-pdf-failed-title = PDF unavailable
results-sheet-pdf-failed = The PDF of this result cannot be made for the moment. The result page itself is still there, through your private link.
results-sheet-not-yet = The results are not published yet: your result will be here once they are.
results-sheet-none = This application was not sent before the deadline: it has no result.
results-sheet-of = Application: { $name }.
results-sheet-level = Result: { $level }, with { $total } points out of { $max }.
results-sheet-mentions = Mentions: { $mentions }.
results-sheet-previous = In the previous edition: { $level }, with { $total } points.
results-sheet-previous-level = In the previous edition: { $level }.
results-sheet-sections = Your points by section
results-sheet-sections-desc = Points earned in each section, against the section's maximum.
results-progress = Ways to progress
results-sheet-top = You reached the highest level.
results-back = Back to my application
results-all = See all the results

## `grille preview`.
preview-title = Preview — { $name }
preview-ok = { $path }: no error. The form and the PDFs are this version's; the page is updated each time the file is saved.
preview-errors = { $path } has errors: here they are. The last form without errors is still there through the link below; the page is updated each time the file is saved.
preview-errors-first = { $path } has errors: here they are. The form will show once the file has none; the page is updated each time the file is saved.
preview-form = The form alone
preview-pdf = The questions PDF
preview-pdf-jury = The jury's PDF
preview-frame = The form
