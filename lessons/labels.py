"""The words of the teacher guide in Danish and English.

Lesson files carry their own texts; this module holds what every guide shares:
headings, the names of phases and subjects, and plain explanations of each vote
method and weighting so a teacher can explain the count to the class.
"""

from __future__ import annotations

from lessons.schema import PhaseKind, Subject
from lessons.vote_methods import VoteMethod, VoteWeights

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
    "ties_and_blanks": {
        "da": "Blanke stemmer tælles ikke med. Står det lige, trækkes der lod.",
        "en": "Blank votes are not counted. A tie is settled by drawing lots.",
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
        "da": "Almindeligt flertal: hver stemme går til én mulighed, og flest stemmer vinder.",
        "en": "Plurality: each vote goes to one option, and the most votes wins.",
    },
    VoteMethod.APPROVAL: {
        "da": "Godkendelsesafstemning: sæt kryds ved alle de muligheder, du kan støtte; "
        "flest krydser vinder.",
        "en": "Approval voting: tick every option you can support; the most ticks wins.",
    },
    VoteMethod.RANKED: {
        "da": "Præferencevalg (instant run-off): eleverne sætter mulighederne i rækkefølge. "
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

WEIGHTS: dict[VoteWeights, Bilingual] = {
    VoteWeights.PER_PUPIL: {"da": "Én stemme pr. elev.", "en": "One vote per pupil."},
    VoteWeights.PER_HOUSEHOLD: {
        "da": "2 stemmer pr. husstand, uanset hvor mange der bor der (som på afdelingsmødet).",
        "en": "2 votes per household, however many live there (as at the department meeting).",
    },
}


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
