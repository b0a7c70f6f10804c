"""Quote attribution: who is named in an article body, who said what, by deterministic rules.

After Muzny et al. (EACL 2017), "A two-stage sieve approach for quote attribution"; no model and
no network (the gazetteer is only read to tell places from people). Each module holds one stage
or what the stages share, and imports only from the modules listed above it:

    lexicon      the vocabulary of roles and the writing rules the stages share
    cues         verbs and marks that introduce a statement; the text around them
    spans        where the quotations and sentences lie
    turns        the turns of a transcript ("PENCE: ...")
    names        what a name is made of: tokens, initials, suffix, surname
    titles       the title or role written in front of a name
    mentions     1. person-name mentions, with role and evidence
    sources      subjects that name no person: organisations, documents, anonymous sources
    linking      2. each cue to the mention, pronoun or role phrase that speaks through it
    clustering   3. mentions into people; pronouns to people
    organisations  3b. names that the article shows to be organisations speak as such
    exclusion    4. people found but not reported (credits, places, organisations)
    roles        5. role phrases ("the Russian president said") to the person holding the role
    statements   6. what each person said, cut from the text
    weights      the confidence model's weights, learnt by bench/train_confidence.py
    confidence   how sure each attribution is
    quotes       7. each statement as a quote: type, context, speaker, confidence
    attribute    runs the stages: find_people

The words of names and of writing that the gazetteer reads too (given names, titles, the
possessive) live beside this package in search.extract.vocabulary. The package imports nothing
on its own: find_people is imported from its module.
"""
