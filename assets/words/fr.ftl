# grille's own words in French. Every text the outputs write around the
# questionnaire's own texts comes from here (`src/words/mod.rs`); `en.ftl`
# has the same messages. A questionnaire may replace a `term-*` message with
# its own wording: `terms { submit "Envoyer ma candidature" }`.

## Terms a questionnaire may choose

# What the form and the PDF call the questionnaire.
term-document = Questionnaire
# The form's button that sends the answers.
term-submit = Envoyer mes réponses
# The name of level 0 when the levels give none (`none "…"`).
term-no-level = aucun niveau

## Common

yes = Oui
no = Non
quoted = « { $text } »
points = { $n ->
    [one] { $n } point
   *[other] { $n } points
}
date = { $day ->
    [1] 1er
   *[other] { $day }
} { $month ->
    [1] janvier
    [2] février
    [3] mars
    [4] avril
    [5] mai
    [6] juin
    [7] juillet
    [8] août
    [9] septembre
    [10] octobre
    [11] novembre
   *[12] décembre
} { $year }
required = (obligatoire)

## Conditions, as clauses: « Si vous avez répondu « Oui » à la question 1.8. »

cond-if = Si { $condition }.
cond-always = toujours
cond-never = jamais
cond-and = et
cond-or = ou
cond-nor = ni
cond-question = la question { $number }
cond-value = la valeur { $name }
cond-answered = vous avez répondu { $options } à { $question }
cond-not-answered = vous n’avez pas répondu { $option } à { $question }
cond-answered-none-of = vous n’avez répondu ni { $options } à { $question }
cond-ticked = vous avez coché { $option } à { $question }
cond-not-ticked = vous n’avez pas coché { $option } à { $question }
cond-ticked-any = vous avez coché au moins une réponse à { $question }
cond-ticked-none = vous n’avez coché aucune réponse à { $question }
cond-not = il n’est pas vrai que { $condition }
cond-answer-to = la réponse à { $question }
cond-section-score = le score de la partie { $title }
cond-total = le score total
cond-level = le niveau obtenu
cond-previous-level = le niveau obtenu à l’édition précédente
cond-previous-total = le score total obtenu à l’édition précédente
cond-level-compared = celui obtenu
cond-previous-level-compared = celui obtenu à l’édition précédente
cond-previous-total-compared = celui obtenu à l’édition précédente
cond-minus = moins { $value }
cond-count = le nombre de conditions remplies parmi celles-ci : { $conditions }
cond-count-answered = le nombre de réponses { $options } aux questions { $questions }
cond-length = le nombre de caractères de { $text }
cond-contains = { $text } contient { $part }
cond-starts-with = { $text } commence par { $part }
cond-contains-url = { $text } contient une adresse web
# « le score » is masculine, « la réponse » and « la valeur » feminine.
cond-compare = { $subject } { $kind ->
    [date] { $op ->
        [lt] est antérieure au
        [le] est au plus tard le
        [gt] est postérieure au
        [ge] est au plus tôt le
        [eq] est le
       *[ne] n’est pas le
    }
    [score] { $op ->
        [eq] est égal à
        [ne] est différent de
        [lt] est inférieur à
        [le] est inférieur ou égal à
        [gt] est supérieur à
       *[ge] est supérieur ou égal à
    }
   *[value] { $op ->
        [eq] est égale à
        [ne] est différente de
        [lt] est inférieure à
        [le] est inférieure ou égale à
        [gt] est supérieure à
       *[ge] est supérieure ou égale à
    }
} { $value }

## What an answer looks like

number-between = { $kind ->
    [integer] Nombre entier
    [percent] Pourcentage
   *[decimal] Nombre
} de { $lo } à { $hi }
number-positive = { $kind ->
    [integer] Nombre entier
    [percent] Pourcentage
   *[decimal] Nombre
} positif ou nul
number-at-least = { $kind ->
    [integer] Nombre entier
    [percent] Pourcentage
   *[decimal] Nombre
} supérieur ou égal à { $lo }
number-at-most = { $kind ->
    [integer] Nombre entier
    [percent] Pourcentage
   *[decimal] Nombre
} inférieur ou égal à { $hi }
number-any = { $kind ->
    [integer] Nombre entier
    [percent] Pourcentage
   *[decimal] Nombre
}
choices-exactly = Cochez { $count } { $count ->
    [one] réponse
   *[other] réponses
}.
choices-between = Cochez de { $lo } à { $count } réponses.
choices-at-least = Cochez au moins { $count } { $count ->
    [one] réponse
   *[other] réponses
}.
choices-at-most = { $count ->
    [one] Cochez une réponse au plus.
   *[other] Cochez au plus { $count } réponses.
}
choices-any = Plusieurs réponses possibles.

## The form (formulaire.html)

form-title = { $title } — questionnaire { $edition }
form-document = { $document } { $edition }
form-skip = Aller aux questions
deadline = Date limite de réponse : { $date }
contents = Sommaire
colon = { " " }:{ " " }
form-draft = Version de travail
form-draft-text = ce questionnaire n’est pas encore publié.
form-nojs-title = JavaScript est désactivé.
form-nojs = Toutes les questions sont affichées, chacune avec la condition dans laquelle elle s’applique. { $action ->
    [yes] Vos réponses ne sont pas enregistrées dans ce navigateur.
   *[no] Vos réponses ne sont pas enregistrées dans ce navigateur et ne peuvent pas être téléchargées : activez JavaScript pour répondre en ligne.
}
form-saved = Vos réponses sont enregistrées dans ce navigateur au fur et à mesure.
form-download = Télécharger mes réponses
form-restore = Reprendre un fichier de réponses
form-clear = Effacer toutes mes réponses
form-errors-title = Votre questionnaire ne peut pas encore être envoyé
form-legend-required = Les questions suivies de « { $required } » doivent recevoir une réponse.
form-file-name = reponses-{ $id }-{ $edition }.json
form-check-download = Vérifier et télécharger mes réponses
form-footer = { $title }, questionnaire { $edition }.
form-footer-by = { $title }, questionnaire { $edition }, { $organiser }.
contact = Contact
form-clear-answer = Effacer ma réponse à la question { $number }
form-computing = calcul automatique
form-number = { $what }.
form-number-in = { $what }, en { $unit }.
form-decimals = Décimales avec une virgule.
format-siret = Numéro SIRET à 14 chiffres.
form-email = Adresse électronique, par exemple nom@exemple.fr.
form-url = Adresse web commençant par https://.
form-exclusive = { $label } ne se combine pas avec les autres réponses.

## The form's script (form.js): `{name}` stands for an argument; a message
## that depends on `$count` has a text for each plural category.

script-exclusive = « { $label } » ne se combine pas avec les autres réponses.
script-min-choices = Cochez au moins { $count } { $count ->
    [one] réponse
   *[other] réponses
}.
script-max-choices = { $count ->
    [one] Cochez une réponse au plus.
   *[other] Cochez au plus { $count } réponses.
}
script-not-integer = Saisissez un nombre entier, par exemple 12.
script-not-number = Saisissez un nombre, par exemple 12,5.
script-not-whole = Saisissez un nombre entier, sans décimales.
script-out-of-range = Saisissez un nombre { $range }.
script-range-between = de { $lo } à { $hi }
script-range-at-least = supérieur ou égal à { $lo }
script-range-at-most = inférieur ou égal à { $hi }
script-not-date = Saisissez une date, par exemple 15/03/2024.
script-incomplete-date = Saisissez une date complète (jour, mois et année).
script-not-email = Saisissez une adresse électronique, par exemple nom@exemple.fr.
script-not-url = Saisissez une adresse web commençant par https:// ou http://.
script-url-space = Une adresse web ne contient pas d’espace et donne le nom d’un site après https://.
script-siret-length = Un numéro SIRET compte 14 chiffres.
script-siret-invalid = Ce numéro SIRET n’est pas valide : vérifiez les chiffres.
script-not-option = Choisissez parmi les réponses proposées.
script-required = Répondez à cette question : elle est obligatoire.
script-warning = Attention : { $message }
script-error = Erreur : { $message }
script-about = { $what } : { $text }
script-computed-out = « { $label } » vaut { $value }, hors de { $range } : vérifiez les réponses dont elle dépend.
script-pending = en attente de vos réponses
# A computed value and its unit, with a no-break space between.
script-unit = { $value }{"\u00A0"}{ $unit }
script-yes = oui
script-no = non
script-not-applicable = Ne s’applique pas à votre situation
script-progress = { $answers } sur { $questions }
script-answers = { $count } { $count ->
    [one] réponse
   *[other] réponses
}
script-questions = { $count } { $count ->
    [one] question
   *[other] questions
}
script-cannot-save = Vos réponses ne peuvent pas être enregistrées dans ce navigateur : téléchargez-les régulièrement avec « { form-download } ».
script-downloaded = Vos réponses sont complètes. Le fichier « { $name } » a été téléchargé : c’est lui qu’il faut envoyer.
script-file-count = Le fichier « { $name } » contient { $count } { $count ->
    [one] réponse
   *[other] réponses
}.
script-skipped = Réponses à corriger, laissées de côté : { $count }.
script-not-json = Le fichier « { $name } » n’est pas un fichier de réponses : son contenu n’est pas du JSON lisible.
script-no-answers = Le fichier « { $name } » ne contient pas de réponses (il n’a pas de partie « answers »).
script-other-questionnaire = Le fichier « { $name } » répond au questionnaire « { $id } », pas à celui-ci.
script-unknown-question = « { $id } » (question inconnue)
script-unrecognised = { $number } (réponse non reconnue)
script-replace = Remplacer vos réponses actuelles par celles du fichier « { $name } » ?
script-resumed = Réponses reprises du fichier « { $name } » : { $count }.
script-other-edition = Ce fichier vient de l’édition { $edition }.
script-left = Non reprises : { $list }.
script-unreadable = Le fichier « { $name } » ne peut pas être lu.
script-clear-confirm = Effacer toutes vos réponses, dans ce formulaire et dans ce navigateur ?
script-cleared = Vos réponses ont été effacées.
script-restored = Réponses restaurées depuis ce navigateur : { $count }.

## The PDFs (questions.typ and src/pdf/data.rs)

pdf-jury-subtitle = Questionnaire { $edition } — édition du jury
pdf-jury = jury
pdf-page = page
pdf-colon-end = { " " }:
pdf-band-or-more = { $lo } ou plus
pdf-band-more-than = plus de { $lo }
pdf-band-exactly = exactement { $lo }
pdf-band-closed = de { $lo } à { $hi }
pdf-band-closed-open = de { $lo } à moins de { $hi }
pdf-band-open-closed = plus de { $lo } et jusqu’à { $hi }
pdf-band-open = plus de { $lo } et moins de { $hi }
pdf-one = Une seule réponse.
pdf-date = Jour, mois et année.
pdf-email = Adresse électronique.
pdf-url = Adresse web (https://…).
pdf-excludes = (exclut les autres réponses)
pdf-sum = Les points des réponses cochées s’additionnent.
pdf-cap = Plafond : { $points }.
pdf-answer = Réponse
pdf-jury-mark = Note du jury : de 0 à { $points }, selon la réponse.
pdf-no-points = sans points
pdf-out-of = sur { $points }
pdf-section-no-points = Cette partie ne rapporte pas de points.
pdf-section-max = Maximum de la partie : { $points }
pdf-computed = Calculé à partir de vos réponses : { $label }.
pdf-computed-unit = Calculé à partir de vos réponses : { $label }, en { $unit }.
pdf-draft = Version de travail : ce document n’est pas encore publié.
pdf-jury-intro = Édition du jury : elle indique les points de chaque réponse, les plafonds, les tranches et les conditions de chaque niveau.
pdf-maximum = Maximum
pdf-intro = Ce document permet de préparer vos réponses avant de remplir le questionnaire en ligne.
pdf-levels = Niveaux
pdf-cumulative = Les niveaux sont cumulatifs : un niveau exige son seuil, ses conditions et celles de tous les niveaux inférieurs.
pdf-independent = Les niveaux sont indépendants : un niveau exige son seuil et ses propres conditions.
pdf-below-first = En dessous du premier niveau : « { $name } ».
pdf-level = Niveau
pdf-name = Nom
pdf-threshold = Seuil
pdf-conditions = Conditions
pdf-threshold-percent = { $percent } % du maximum, soit { $points }
pdf-by-conditions = aucun : les conditions seules
pdf-website = Site web
pdf-mentions = Mentions
pdf-mention-rule = Attribuée si { $condition }.
pdf-mention-jury = Décidée par le jury.

## Explanations (`grille score --explain`, `grille test`)

# Between the items of a list of reasons or values.
explain-separator = {" ; "}
explain-share = { $percent } %
explain-section-value = section `{ $id }` : { $score } / { $max } ({ $share })
explain-total-value = total : { $score } / { $max }
explain-answer-value = `{ $id }` : { $answer }
explain-level-value = niveau : { $value }
explain-previous-level-value = niveau précédent : { $value }
explain-previous-total-value = total précédent : { $value }
explain-not-given = non donné
explain-count-value = { $held ->
    [0] aucune des { $count } conditions comptées n’est remplie
    [one] { $held } des { $count } conditions comptées est remplie
   *[other] { $held } des { $count } conditions comptées sont remplies
}
explain-level = niveau { $number } { $name }
explain-level-none = niveau 0 ({ $name })
explain-level-number = niveau { $number }
explain-total = Total : { $total } / { $max } — { $level }
explain-provisional = Résultat provisoire : la note du jury manque pour { $missing } ; avec la note maximale, { $level } au plus ({ $points }).
explain-section-hidden = (section non affichée)
explain-levels = Niveaux :
explain-level-status = { $level } (≥ { $points }) : { $status }
explain-level-status-gates = { $level } (conditions seules) : { $status }
explain-reached = atteint
explain-not-reached = non atteint
explain-gate = condition `{ $source }` : { $state }
explain-gate-holds = remplie
explain-gate-fails = non remplie
explain-gate-unknown = inconnue (réponses manquantes)
explain-missing = il manque { $points } ({ $required } requis)
explain-gate-not-met = la condition `{ $source }` n’est pas remplie
explain-gate-not-known = la condition `{ $source }` n’est pas établie
explain-mentions = Mentions :
explain-mention = { $label } ({ $how }) : { $state }
explain-mention-rule = si `{ $source }`
explain-mention-jury = décidée par le jury
explain-mention-awarded = attribuée
explain-mention-not-awarded = non attribuée
explain-mention-refused = non attribuée par le jury
explain-mention-pending = à décider par le jury
explain-next = { $level } : { $reasons }.
explain-hidden = non affichée (condition non remplie)
explain-unanswered = sans réponse
explain-unknown = valeur inconnue (réponses manquantes)
explain-yes = oui
explain-no = non
explain-none = aucune
explain-no-option = aucune option
explain-capped = { $list } = { $sum } → plafond { $cap }
explain-band = { $value } → tranche { $band }
explain-band-of = { $of } = { $value } → tranche { $band }
explain-no-band = { $value } → hors tranches
explain-jury = note du jury { $mark }
explain-jury-pending = note du jury en attente
score-provisional = (provisoire)
score-mention-pending = (à décider par le jury)

## What changed between two editions (`grille diff`)

diff-exclusive = (exclusive)
diff-yes-no = oui = { $yes }, non = { $no }
diff-choices = points des réponses
diff-choices-cap = points des réponses, plafond { $cap }
diff-bands-of = tranches de { $value } : { $list }
diff-bands = tranches : { $list }
diff-jury = note du jury de 0 à { $max }
diff-part = partie { $number } { $title }
diff-part-head = Partie { $number } { $title }
diff-moved = déplacée
diff-number = numéro
diff-label = libellé
diff-hint = aide
diff-required = obligatoire
diff-type = type
diff-option-removed = option retirée
diff-option-added = option ajoutée
diff-option-label = libellé de l’option `{ $id }`
diff-option-points = points de l’option `{ $id }`
diff-option-exclusive = option `{ $id }` exclusive
diff-scoring = barème
diff-condition = condition
diff-checks = contrôles
diff-maximum = maximum
diff-summary-max = maximum { $points }
diff-title = titre
diff-intro = introduction
diff-notes = notes
diff-added = ajoutée
diff-removed = retirée
diff-added-mark = (ajoutée)
diff-removed-mark = (retirée)
diff-computed = valeur calculée `{ $id }`
diff-computed-added = valeur calculée `{ $id }` ajoutée
diff-computed-removed = valeur calculée `{ $id }` retirée
diff-computed-range = intervalle de `{ $id }`
diff-computed-unit = unité de `{ $id }`
diff-computed-decimals = décimales de `{ $id }`
diff-computed-title = Valeurs calculées
diff-mention-added = mention `{ $id }` ajoutée
diff-mention-removed = mention `{ $id }` retirée
diff-mention-label = nom de la mention `{ $id }`
diff-mention-how = attribution de la mention `{ $id }`
diff-mention-rule = si `{ $source }`
diff-levels = niveaux
diff-threshold-percent = { $percent } % ({ $points })
diff-level-removed = niveau { $number } retiré
diff-level-added = niveau { $number } ajouté
diff-level-value = { $name }, seuil { $threshold }
diff-level-name = nom du niveau { $number }
diff-level-threshold = seuil du niveau { $number }
diff-level-gates = conditions du niveau { $number }
diff-level-description = description du niveau { $number }
diff-refused = réponses refusées
diff-before = avant
diff-after = après
diff-draft = (version de travail)
diff-no-change = Aucun changement.
diff-renumbered = renumérotées
diff-regrade = Réévaluation : { $count } { $count ->
    [one] jeu
   *[other] jeux
} de réponses
diff-regrade-title = Réévaluation
diff-answers = réponses
diff-dropped = { $name } : réponses à des questions qui n’existent plus, mises de côté : { $list }
diff-refused-by = { $name } : refusé par { $edition } : { $problem }
diff-refused-md = { $name } : refusé : { $problem }
diff-summary = Résumé
diff-moves = { $count } { $count ->
    [one] jeu de réponses passe
   *[other] jeux de réponses passent
} du niveau { $from } au niveau { $to }.
diff-kept = { $count } { $count ->
    [one] jeu de réponses garde son
   *[other] jeux de réponses gardent leur
} niveau.
diff-refused-now = { $count } { $count ->
    [one] jeu
   *[other] jeux
} de réponses : réponses refusées par la nouvelle édition.
diff-accepted-now = { $count } { $count ->
    [one] jeu
   *[other] jeux
} de réponses : réponses refusées par l’ancienne édition, acceptées par la nouvelle.
diff-refused-both = { $count } { $count ->
    [one] jeu
   *[other] jeux
} de réponses : réponses refusées par les deux éditions.

## The campaign's pages (`grille serve`)

serve-save = Enregistrer sans envoyer
serve-link = Votre lien privé
serve-link-help = Gardez ce lien : il permet de revenir à votre candidature, depuis n’importe quel navigateur, pour la compléter ou la modifier. Ne le communiquez pas : il donne accès à vos réponses.
serve-at = { $date } à { $time }
serve-status-draft = Brouillon enregistré le { $at }, pas encore envoyé.
serve-status-sent = Candidature envoyée le { $at }.
serve-status-changed = Modifications enregistrées le { $at }, pas encore envoyées : la candidature reçue reste celle du { $sent }.
serve-status-until = Vous pouvez la modifier et l’envoyer à nouveau jusqu’au { $date } inclus.
serve-receipt-link = Voir l’accusé de réception
serve-receipt-title = Accusé de réception
serve-receipt-sent = Votre candidature a été reçue le { $at } (version { $version }).
serve-receipt-result = Résultat provisoire, avant l’examen du jury : { $total } sur { $max } points, { $level }.
serve-receipt-answers = Vos réponses
serve-receipt-edit = Modifier ma candidature
serve-not-open-title = Le questionnaire n’est pas encore ouvert
serve-not-open = Les candidatures seront reçues à partir du { $date }.
serve-closed-title = Les candidatures sont closes
serve-closed = Les candidatures étaient reçues jusqu’au { $date } inclus.
serve-not-found-title = Page introuvable
serve-not-found = Cette adresse ne mène à aucune page. Si c’est votre lien privé, vérifiez qu’il est complet.
serve-too-many-title = Trop de tentatives
serve-too-many = Trop d’adresses inconnues ont été demandées depuis votre connexion. Réessayez dans une minute.
serve-unavailable-title = Enregistrement impossible pour le moment
serve-unavailable = Le serveur ne peut pas enregistrer vos réponses pour le moment : rien n’a été enregistré. Revenez à la page précédente (vos réponses y sont toujours) et réessayez dans quelques minutes.
serve-too-large-title = Envoi trop volumineux
serve-too-large = Ce qui a été envoyé dépasse { $size } : rien n’a été enregistré.
serve-bad-request-title = Envoi illisible
serve-bad-request = Ce qui a été envoyé n’est pas un formulaire de ce questionnaire : rien n’a été enregistré.
serve-home = Aller au questionnaire
serve-invalid-answer = Cette réponse ne convient pas.
serve-invalid-answer-format = Cette réponse ne convient pas : { $format }
serve-check-failed = Ces réponses ne sont pas cohérentes.
serve-unknown-question = Une réponse à une question que ce questionnaire n’a pas a été envoyée : rechargez la page.
serve-status-completing = Le jury vous demande de compléter votre candidature : vous pouvez la modifier et l’envoyer à nouveau jusqu’au { $date } inclus.
serve-reviewed-title = Candidature en cours d’examen
serve-reviewed = Le jury examine votre candidature : elle ne peut plus être modifiée, sauf s’il vous demande de la compléter.

## The jury's pages (`/jury/`).
jury-nav = Espace du jury
jury-signed-in = Connecté·e : { $name } ({ $role })
jury-role-juror = juré·e
jury-role-president = présidence du jury
jury-logout = Se déconnecter
jury-login-title = Espace du jury
jury-login-intro = Connectez-vous avec le nom et le mot de passe que la présidence du jury vous a donnés.
jury-login-name = Nom
jury-login-password = Mot de passe
jury-login-submit = Se connecter
jury-login-wrong = Nom ou mot de passe incorrect.
jury-login-expired = La page de connexion a expiré : saisissez à nouveau votre nom et votre mot de passe.
jury-login-too-many = Trop de tentatives de connexion ont échoué. Réessayez dans cinq minutes.
jury-refused-title = Action refusée
jury-refused-expired = Cette page a expiré ou ne vient pas de ce site : rien n’a été enregistré. Rechargez la page et recommencez.
jury-refused-president = Cette action est réservée à la présidence du jury : rien n’a été enregistré.
jury-not-found = Aucune candidature reçue ne porte ce numéro.
jury-list-title = Candidatures
jury-list-intro = { $count ->
    [0] Aucune candidature n’a encore été reçue.
    [one] Une candidature reçue.
   *[other] { $count } candidatures reçues.
}
jury-list-caption = { $count ->
    [one] Une candidature affichée
   *[other] { $count } candidatures affichées
}
jury-list-empty = Aucune candidature ne correspond à ces critères.
jury-filter-legend = Filtrer et trier
jury-filter-all = Toutes
jury-filter-submit = Afficher
jury-sort = Trier par
jury-sort-received = ordre de réception
jury-sort-name = nom
jury-sort-total = points
jury-sort-state = état
jury-column-name = Candidature
jury-column-type = Type
jury-column-automatic = Points sans le jury
jury-column-total = Points
jury-column-level = Niveau
jury-column-state = État
jury-column-jurors = Juré·es ayant noté
jury-points = { $total } / { $max }
jury-level-range = niveau { $low } à { $high } (provisoire, des notes du jury manquent)
jury-cannot-score = non calculable
jury-cannot-score-why = Non calculable : { $why }
jury-state-draft = Brouillon
jury-state-sent = Reçue
jury-state-being-reviewed = En cours d’examen
jury-state-needs-completing = À compléter par le candidat
jury-state-reviewed = Examinée
jury-state-validated = Validée
jury-state-until = { $state }, jusqu’au { $date } inclus
jury-publish-title = Publication des résultats
jury-publish-nothing = Aucune candidature n’a été reçue : il n’y a rien à publier.
jury-publish-waiting = { $count ->
    [one] Une candidature n’est pas encore validée : les résultats pourront être publiés quand toutes le seront.
   *[other] { $count } candidatures ne sont pas encore validées : les résultats pourront être publiés quand toutes le seront.
}
jury-publish-ready = { $count ->
    [one] La candidature est validée : les résultats peuvent être publiés. La page des résultats sera publique.
   *[other] Les { $count } candidatures sont validées : les résultats peuvent être publiés. La page des résultats sera publique.
}
jury-publish-submit = Publier les résultats
jury-application-number = Candidature n° { $id }
jury-carrier = Dossier porté par
jury-received = Reçue
jury-received-at = le { $at } (version { $version })
jury-previous = Édition { $edition }
jury-previous-result = { $level }, { $total } points
jury-previous-regraded = { $result } ; ses réponses d’alors, notées avec le questionnaire de cette édition : { $total } points, { $level }
jury-summary-title = Résultat actuel
jury-mentions = Mentions
jury-mentions-none = aucune pour l’instant
jury-saved = Enregistré.
jury-problems = Rien n’a été enregistré : corrigez ce qui est signalé ci-dessous.
jury-conflict = Rien n’a été enregistré : cette candidature a été modifiée entre-temps (par un autre membre du jury ou par le candidat). La page montre maintenant son état actuel, avec vos saisies conservées dans le formulaire : vérifiez-les et enregistrez à nouveau.
jury-mine-title = Votre évaluation
jury-mine-intro = Vos notes restent les vôtres : la note retenue est la moyenne de celles du jury, jusqu’à ce que la présidence arrête les notes.
jury-mine-submit = Enregistrer mon évaluation
jury-agree-title = Notes arrêtées par la présidence
jury-agree-intro = Les notes arrêtées remplacent la moyenne du jury ; la candidature ne peut être validée qu’une fois toutes les notes et décisions arrêtées.
jury-agree-submit = Arrêter ces notes
jury-mark-hint = Un nombre entier de 0 à { $max }. Laissez vide pour ne pas noter.
jury-mark-wrong = Saisissez un nombre entier de 0 à { $max }.
jury-mean = Moyenne
jury-mean-spread = { $mean } (de { $low } à { $high })
jury-agreed = Note arrêtée
jury-votes = { $yes } pour, { $no } contre
jury-undecided = Sans avis
jury-comment = Commentaire
jury-comment-hint = Visible des autres membres du jury seulement. Chaque commentaire enregistré est conservé.
jury-comment-long = Un commentaire compte au plus { $limit } caractères.
jury-comment-by = { $name }, le { $at }
jury-comments-title = Commentaires du jury
jury-state-title = État de la candidature
jury-state-legend = Nouvel état
jury-state-choose = Choisissez un état.
jury-state-completing = Pour demander au candidat de compléter sa candidature, indiquez une date (aujourd’hui ou plus tard) et ce qu’il doit compléter.
jury-state-agree-first = Une candidature ne peut être validée qu’une fois toutes ses notes et décisions arrêtées par la présidence.
jury-until = Date limite pour compléter
jury-until-hint = Seulement pour « À compléter par le candidat » : le candidat peut modifier sa candidature jusqu’à ce jour inclus, même après la clôture.
jury-note = Message au candidat
jury-note-hint = Seulement pour « À compléter par le candidat » : ce qu’il doit compléter. Il le lit sur sa candidature, par son lien privé.
jury-state-submit = Changer l’état
jury-answers-title = Réponses
jury-answers-question = Question
jury-answers-answer = Réponse
jury-answers-points = Points
jury-answers-why = Pourquoi
jury-unanswered = sans réponse
jury-history-title = Historique
jury-history-at = Quand
jury-history-who = Qui
jury-history-what = Quoi
jury-history-before = Avant
jury-history-after = Après
jury-history-candidate = le candidat
jury-history-mark = Note de { $number }
jury-history-agreed-mark = Note arrêtée de { $number }
jury-history-decision = Avis sur { $mention }
jury-history-agreed-decision = Décision arrêtée sur { $mention }
jury-history-send = Candidature envoyée
jury-history-save = Brouillon enregistré

## The results (`/results`, `/a/…/result`).
results-title = Résultats
results-heading = Résultats — { $title } { $edition }
results-not-yet = Les résultats ne sont pas encore publiés.
results-published = Résultats publiés le { $at }.
results-count = { $count ->
    [0] Aucune candidature.
    [one] Une candidature.
   *[other] { $count } candidatures.
}
results-nobody = aucun candidat
results-carried = { $name } – dossier porté par { $carrier }
results-with-mentions = { $name } ({ $mentions })
results-no-level = { $count ->
    [one] Une candidature n’atteint aucun niveau.
   *[other] { $count } candidatures n’atteignent aucun niveau.
}
results-no-level-label = Aucun niveau
results-figures = En chiffres
results-chart-levels = Candidatures par niveau
results-chart-levels-desc = { $count ->
    [one] Nombre de candidatures ayant obtenu chaque niveau, sur une candidature.
   *[other] Nombre de candidatures ayant obtenu chaque niveau, sur { $count } candidatures.
}
results-chart-types = Candidatures par type
results-chart-types-desc = { $count ->
    [one] Nombre de candidatures de chaque type, sur une candidature.
   *[other] Nombre de candidatures de chaque type, sur { $count } candidatures.
}
results-chart-sections = Moyenne par section
results-chart-sections-desc = Points moyens obtenus dans chaque section, rapportés au maximum de la section.
results-column-level = Niveau
results-column-type = Type
results-column-count = Candidatures
results-column-section = Section
results-column-average = Moyenne
results-column-score = Points
results-column-max = Maximum
results-sheet-title = Votre résultat
results-sheet-link = Voir mon résultat
results-sheet-pdf = Télécharger ce résultat en PDF
results-sheet-pdf-failed-title = PDF indisponible
results-sheet-pdf-failed = Le PDF de ce résultat ne peut pas être produit pour le moment. La page du résultat, elle, reste disponible par votre lien privé.
results-sheet-not-yet = Les résultats ne sont pas encore publiés : votre résultat sera ici dès leur publication.
results-sheet-none = Cette candidature n’a pas été envoyée avant la clôture : elle n’a pas de résultat.
results-sheet-of = Candidature : { $name }.
results-sheet-level = Résultat : { $level }, avec { $total } points sur { $max }.
results-sheet-mentions = Mentions : { $mentions }.
results-sheet-previous = À l’édition précédente : { $level }, avec { $total } points.
results-sheet-previous-level = À l’édition précédente : { $level }.
results-sheet-sections = Vos points par section
results-sheet-sections-desc = Points obtenus dans chaque section, rapportés au maximum de la section.
results-progress = Pistes de progression
results-sheet-top = Vous avez obtenu le plus haut niveau.
results-back = Revenir à ma candidature
results-all = Voir tous les résultats

## `grille preview`.
preview-title = Aperçu — { $name }
preview-ok = { $path } : aucune erreur. Le formulaire et les PDF sont ceux de cette version ; la page se met à jour à chaque enregistrement du fichier.
preview-errors = { $path } a des erreurs : les voici. Le dernier formulaire sans erreur reste accessible par le lien ci-dessous ; la page se met à jour à chaque enregistrement du fichier.
preview-errors-first = { $path } a des erreurs : les voici. Le formulaire s’affichera dès que le fichier n’en aura plus ; la page se met à jour à chaque enregistrement du fichier.
preview-form = Le formulaire seul
preview-pdf = Le PDF des questions
preview-pdf-jury = Le PDF du jury
preview-frame = Le formulaire
