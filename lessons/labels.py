"""The words of the teacher guide in Danish and English.

Lesson files carry their own texts; this module holds what every guide shares:
headings, the names of phases and subjects, and plain explanations of each vote
method and weighting so a teacher can explain the count to the class.
"""

from __future__ import annotations

from lessons.schema import PhaseKind, RoleKind, Subject
from lessons.vote_methods import DecisionKind, VoteMethod, VoteWeights

Bilingual = dict[str, str]

HEADINGS: dict[str, Bilingual] = {
    "guide": {"da": "Lærervejledning", "en": "Teacher's guide"},
    "grades": {"da": "Klassetrin", "en": "Grades"},
    "duration": {"da": "Varighed", "en": "Duration"},
    "subjects": {"da": "Fag", "en": "Subjects"},
    "estate": {"da": "Bebyggelse", "en": "Estate"},
    "goals": {"da": "Læringsmål", "en": "Learning goals"},
    "preparation": {"da": "Forberedelse", "en": "Preparation"},
    "materials": {"da": "Materialer", "en": "Materials"},
    "timetable": {"da": "Tidsplan", "en": "Timetable"},
    "phase": {"da": "Fase", "en": "Phase"},
    "time": {"da": "Tid", "en": "Time"},
    "minutes": {"da": "min", "en": "min"},
    "in_the_game": {"da": "I spillet", "en": "In the game"},
    "roles": {"da": "Roller", "en": "Roles"},
    "rules": {"da": "Reglerne, vi bygger på", "en": "The rules we rely on"},
    "teacher": {"da": "Læreren", "en": "Teacher"},
    "pupils": {"da": "Eleverne", "en": "Pupils"},
    "questions": {"da": "Spørgsmål til klassen", "en": "Questions for the class"},
    "build": {"da": "Byg i spillet", "en": "Build in the game"},
    "vote": {"da": "Afstemning", "en": "Vote"},
    "options": {"da": "Valgmuligheder", "en": "Options"},
    "method": {"da": "Metode", "en": "Method"},
    "votes": {"da": "Stemmer", "en": "Votes"},
    "ballot": {"da": "Stemmesedler", "en": "Ballots"},
    "compare": {"da": "Sammenlign med", "en": "Compare with"},
    "click": {"da": "Hvad du klikker", "en": "What to click"},
    "teacher_notes": {"da": "Baggrund til læreren", "en": "Background for the teacher"},
    "preview_missing": {
        "da": "Billede af bebyggelsen: kør `jagten preview {estate} -o bebyggelse.png`.",
        "en": "Picture of the estate: run `jagten preview {estate} -o estate.png`.",
    },
    "plots_for_groups": {"da": "Byggefelter til grupperne", "en": "Plots for the groups"},
    "variants_built": {"da": "Disse varianter bygges", "en": "These variants are built"},
    "click_build": {
        "da": "I portalen: tryk **Byg** i denne fase og vent, til bjælken er fuld. "
        "Uden portal: `{command}`",
        "en": "In the portal: press **Build** in this phase and wait for the bar to fill. "
        "Without the portal: `{command}`",
    },
    "click_vote": {
        "da": "I portalen: tryk **Åbn afstemning** i denne fase. Eleverne stemmer på deres "
        "telefon (eller i spillets chat, fx `!stem 2` for mulighed nr. 2). Tryk **Luk**, når alle "
        "har stemt.",
        "en": "In the portal: press **Open vote** in this phase. Pupils vote on their phones "
        "(or in the game chat, e.g. `!vote 2` for option 2). Press **Close** when everyone has "
        "voted.",
    },
    "click_vote_builds": {
        "da": "Når du lukker afstemningen, bygges den vindende variant i spillet.",
        "en": "When you close the vote, the winning variant is built in the game.",
    },
    "click_vote_builds_plot": {
        "da": "Før afstemningen: tryk **Fotografér alle felter** i portalen, så hvert forslag får "
        "sit billede. Når du lukker afstemningen, kopieres vindergruppens byggeri til "
        "{site}.",
        "en": "Before the vote: press **Capture all plots** in the portal, so every proposal "
        "gets its picture. When you close the vote, the winning group's build is copied into "
        "{site}.",
    },
    "options_site": {"da": "Valgmuligheder – {site}", "en": "Options – {site}"},
    "options_plots": {"da": "Gruppernes byggefelter", "en": "The groups' plots"},
    "secret": {
        "da": "Hemmelig afstemning: ingen, heller ikke læreren, kan se, hvem der stemte hvad.",
        "en": "Secret ballot: nobody, not even the teacher, can see who voted for what.",
    },
    "open": {
        "da": "Åben afstemning: det kan ses, hvem der stemte hvad.",
        "en": "Open vote: everyone can see who voted for what.",
    },
    "quorum": {
        "da": "Resultatet gælder kun, hvis mindst {percent} % har stemt.",
        "en": "The result only counts if at least {percent}% have voted.",
    },
    "blanks": {
        "da": "Blanke stemmer tælles ikke med.",
        "en": "Blank votes are not counted.",
    },
    "condorcet_table": {
        "da": "Condorcet-tabellen viser hvert opgør én mod én: hvor mange foretrækker rækkens "
        "mulighed frem for kolonnens. Slår én mulighed alle de andre, er den Condorcet-vinder. "
        "Slår A B, B C og C A, er der en cyklus og ingen Condorcet-vinder; Schulze-metodens "
        "vinder er så ikke en Condorcet-vinder.",
        "en": "The Condorcet table shows every head-to-head contest: how many prefer the row's "
        "option to the column's. An option that beats all the others is the Condorcet winner. "
        "If A beats B, B beats C and C beats A, there is a cycle and no Condorcet winner; the "
        "Schulze method's winner is then not a Condorcet winner.",
    },
    "curriculum": {"da": "Fælles Mål", "en": "Curriculum goals (Fælles Mål)"},
    "purpose": {"da": "Folkeskolens formål", "en": "The aim of the folkeskole"},
    "area": {"da": "Kompetenceområde", "en": "Competence area"},
    "focus": {"da": "Færdigheds- og vidensområde", "en": "Skill and knowledge area"},
    "skill": {"da": "Færdighedsmål", "en": "Skill goal"},
    "knowledge": {"da": "Vidensmål", "en": "Knowledge goal"},
    "differentiation": {"da": "Differentiering", "en": "Differentiation"},
    "younger": {"da": "5.–6. klasse", "en": "Grades 5–6"},
    "older": {"da": "9.–10. klasse", "en": "Grades 9–10"},
    "sessions": {"da": "Som 45-minutters lektioner", "en": "As 45-minute lessons"},
    "session": {"da": "Lektion {number}", "en": "Lesson {number}"},
    "session_note": {
        "da": "Start hver ny lektion med et kort resumé: Hvad besluttede vi sidst, og hvad står "
        "i spillet nu? Byggerier og afstemninger bliver gemt imellem lektionerne.",
        "en": "Start each new lesson with a short recap: what did we decide last time, and "
        "what stands in the game now? Builds and votes are kept between lessons.",
    },
    "exit_ticket": {"da": "Tegn på læring (exit-seddel)", "en": "Signs of learning (exit ticket)"},
    "glossary": {"da": "Ordliste", "en": "Glossary"},
    "agenda": {"da": "Dagsorden", "en": "Agenda"},
    "printables": {
        "da": "Print til eleverne: `jagten lessons printables {lesson} -o print.pdf` "
        "(rollekort, dagsorden, stemmesedler, ark, ordliste og exit-sedler).",
        "en": "Printables for the pupils: `jagten lessons printables {lesson} --lang en -o "
        "print.pdf` (role cards, agenda, ballots, sheets, glossary and exit tickets).",
    },
    "paper_vote": {
        "da": "Telefonfri klasse: del de printede stemmesedler ud, tæl op, og tast stemmetallene "
        "ind i portalen, eller tæl dem med `{command}`.",
        "en": "Phone-free class: hand out the printed ballots, count them, and type the counts "
        "into the portal, or count them with `{command}`.",
    },
    "generated_from": {"da": "Lavet ud fra", "en": "Generated from"},
    "source": {"da": "Kilde", "en": "Source"},
}

PHASE_KINDS: dict[PhaseKind, Bilingual] = {
    PhaseKind.INTRO: {"da": "Introduktion", "en": "Introduction"},
    PhaseKind.EXPLORE: {"da": "Udforsk", "en": "Explore"},
    PhaseKind.DISCUSS: {"da": "Drøft", "en": "Discuss"},
    PhaseKind.BUILD: {"da": "Byg", "en": "Build"},
    PhaseKind.PROPOSE: {"da": "Forslag", "en": "Propose"},
    PhaseKind.VOTE: {"da": "Afstemning", "en": "Vote"},
    PhaseKind.REFLECT: {"da": "Refleksion", "en": "Reflect"},
    PhaseKind.PRESENT: {"da": "Fremlæggelse", "en": "Present"},
}

SUBJECTS: dict[Subject, Bilingual] = {
    Subject.SAMFUNDSFAG: {"da": "samfundsfag", "en": "social studies"},
    Subject.DANSK: {"da": "dansk", "en": "Danish"},
    Subject.BILLEDKUNST: {"da": "billedkunst", "en": "visual arts"},
    Subject.HAANDVAERK_OG_DESIGN: {"da": "håndværk og design", "en": "crafts and design"},
    Subject.MATEMATIK: {"da": "matematik", "en": "mathematics"},
    Subject.HISTORIE: {"da": "historie", "en": "history"},
    Subject.ENGELSK: {"da": "engelsk", "en": "English"},
    Subject.NATUR_TEKNOLOGI: {"da": "natur/teknologi", "en": "science and technology"},
    Subject.TEKNOLOGIFORSTAAELSE: {"da": "teknologiforståelse", "en": "technology literacy"},
    Subject.KRISTENDOMSKUNDSKAB: {"da": "kristendomskundskab", "en": "religious studies"},
}

METHODS: dict[VoteMethod, Bilingual] = {
    VoteMethod.PLURALITY: {
        "da": "Relativt flertal (flest stemmer): hver stemme går til én mulighed, og den med "
        "flest stemmer vinder.",
        "en": "Plurality (most votes): each vote goes to one option, and the one with the most "
        "votes wins.",
    },
    VoteMethod.APPROVAL: {
        "da": "Godkendelsesafstemning: sæt kryds ved alle de muligheder, du kan støtte; "
        "flest krydser vinder.",
        "en": "Approval voting: tick every option you can support; the most ticks wins.",
    },
    VoteMethod.RANKED: {
        "da": "Præferencevalg: eleverne sætter mulighederne i rækkefølge. "
        "Den med færrest førstepladser udgår, og dens stemmer går videre til næste valg, "
        "indtil én har over halvdelen.",
        "en": "Ranked choice (instant run-off): pupils put the options in order. The one "
        "with the fewest first choices drops out and its votes pass to the next choice, "
        "until one has more than half.",
    },
    VoteMethod.BORDA: {
        "da": "Borda-tælling: eleverne sætter mulighederne i rækkefølge; sidstepladsen giver "
        "0 point, næstsidst 1 point og så videre. Flest point vinder.",
        "en": "Borda count: pupils put the options in order; last place scores 0 points, "
        "second to last 1 point and so on. The most points wins.",
    },
    VoteMethod.CONDORCET: {
        "da": "Condorcet (Schulze): eleverne sætter mulighederne i rækkefølge; den mulighed, "
        "der slår hver af de andre én mod én, vinder. Schulze-metoden afgør det, hvis ingen gør.",
        "en": "Condorcet (Schulze): pupils put the options in order; the option that beats "
        "each other option head to head wins. The Schulze method decides when none does.",
    },
    VoteMethod.BLOC: {
        "da": "Valg til {seats} pladser: hver vælger sætter højst {seats} krydser. De {seats} "
        "med flest stemmer er valgt; de næste bliver suppleanter i rækkefølge efter stemmetal.",
        "en": "Election for {seats} seats: each voter ticks at most {seats} candidates. The "
        "{seats} with the most votes are elected; the next become deputies in order of votes.",
    },
}

DECISIONS: dict[DecisionKind, Bilingual] = {
    DecisionKind.PROPOSAL: {
        "da": "Forslaget er vedtaget, hvis der er flere ja- end nej-stemmer. Står det lige, er "
        "forslaget faldet – der trækkes ikke lod.",
        "en": "The proposal is adopted if there are more yes than no votes. On a tie the "
        "proposal falls – no lots are drawn.",
    },
    DecisionKind.CHOICE: {
        "da": "Står to muligheder lige om sejren, er intet besluttet: stem igen mellem dem. Der "
        "trækkes ikke lod om en beslutning.",
        "en": "If two options tie for the win, nothing is decided: vote again between them. No "
        "lots are drawn for a decision.",
    },
    DecisionKind.ELECTION: {
        "da": "Står kandidater lige om en plads eller en suppleantplads, trækkes der lod; "
        "lodtrækningen gemmes i resultatet.",
        "en": "If candidates tie for a seat or a deputy place, it is settled by drawing lots; "
        "the draw is kept in the result.",
    },
    DecisionKind.RANKING: {
        "da": "Resultatet er en rækkefølge. Står to lige om en plads, trækkes der lod om "
        "rækkefølgen; lodtrækningen gemmes i resultatet.",
        "en": "The result is an order. If two tie for a place, the order is settled by drawing "
        "lots; the draw is kept in the result.",
    },
}

ROLE_KINDS: dict[RoleKind, Bilingual] = {
    RoleKind.RESIDENT: {"da": "Beboer", "en": "Resident"},
    RoleKind.CANDIDATE: {"da": "Kandidat", "en": "Candidate"},
    RoleKind.OFFICE: {"da": "Rolle", "en": "Role"},
    RoleKind.GROUP: {"da": "Gruppe", "en": "Group"},
}

WEIGHTS: dict[VoteWeights, Bilingual] = {
    VoteWeights.PER_PUPIL: {"da": "Én stemme pr. elev.", "en": "One vote per pupil."},
    VoteWeights.PER_HOUSEHOLD: {
        "da": "2 stemmer pr. husstand, uanset hvor mange der bor der (som på afdelingsmødet).",
        "en": "2 votes per household, however many live there (as at the department meeting).",
    },
}


def role_name(name: str, age: int | None, lang: str) -> str:
    """``Fatima``, 38 → ``Fatima, 38 år`` / ``Fatima, 38``."""
    if age is None:
        return name
    return f"{name}, {age} år" if lang == "da" else f"{name}, {age}"


def grades_text(grades: list[int], lang: str) -> str:
    """``[5, 6, 7, 8]`` → ``5.–8. klasse`` / ``grades 5–8``."""
    ordered = sorted(set(grades))
    contiguous = ordered == list(range(ordered[0], ordered[-1] + 1))
    if lang == "en":
        numbers = [str(grade) for grade in ordered]
        span = (
            f"{numbers[0]}–{numbers[-1]}" if contiguous and len(ordered) > 1 else ", ".join(numbers)
        )
        return f"grades {span}"
    numbers = [f"{grade}." for grade in ordered]
    span = f"{numbers[0]}–{numbers[-1]}" if contiguous and len(ordered) > 1 else ", ".join(numbers)
    return f"{span} klasse"
