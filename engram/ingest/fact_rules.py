"""The heuristic extractor's first-person patterns, as data.

Each :class:`Rule` reads one sentence (already split by :mod:`engram.ingest.sentences`,
so a period inside a value is an abbreviation or a decimal, never a boundary) and yields
one fact per :class:`Out`. Negations and closings come first: a span read by an earlier
rule is not read again ("I don't live in Lisbon anymore" is not also "live in Lisbon").

An ``Out`` whose ``group`` is empty closes a slot without naming the old value ("I quit",
"we broke up", "I moved out"): the update decider then retires the slot's current value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from engram.ingest.sentences import BOUNDARY_DOT

_I = re.IGNORECASE

# A value runs lazily up to a clause boundary: a comma or other mark, a period that ends
# the sentence (sentences arrive pre-split, so "St." and "72.5" are not boundaries), a
# conjunction or a time/manner word that starts a new clause.
VAL = r"(?P<v>[\w'’&./$€£, -]{1,80}?)"
# a place may carry its region: "Austin, Texas", "Washington, D.C." (case-sensitive part)
PLACE = r"(?P<v>[\w'’&./ -]{1,60}?(?:,\s*(?-i:[A-Z])[\w'’.-]*(?:\s+(?-i:[A-Z])[\w'’.-]*)*)?)"
_DATE_WORD = (r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?"
              r"|\d{1,4}\b|spring|summer|fall|autumn|winter|early|late|mid")
END = (r"(?=\s*(?:,(?!\d)|[!?;:()\"“”\n]|" + BOUNDARY_DOT + r"(?=\s)|\.+\s*$|"
       r"\s(?:in|on|since|from|until|by|around)\s+(?:" + _DATE_WORD + r")|"
       r"\s(?:and|but|so|because|since|which|who|if|as|now|anymore|"
       r"any more|instead|last|next|this|for|with|after|before|ago|yesterday|today|recently|again|"
       r"over|during|near|in the|these days|full[- ]time|part[- ]time|though|too)\b|\s*$))")
ADV = r"(?:(?:just|recently|finally|actually|now|currently|still|also|really|officially|already)\s+)*"
NEG = r"(?:don't|do not|no longer|never|can't|cannot|won't|am not|'m not|’m not)\s+"
ORG_NAME = r"(?P<e>[A-Z0-9][\w'’&. -]{0,60}?)"
ORG = ORG_NAME + END
ROLE = r"(?:(?P<a>an?)\s+)?(?P<v>[a-z][\w'. -]{1,40}?)"
# where a quit/retire/layoff sentence may go on ("I retired in May", "I quit last month")
CLAUSE = (r"(?=\s*(?:[,.!?;:]|\s+(?:in|on|at|last|this|after|before|because|and|but|so|yesterday|today|"
          r"recently|a\s+(?:week|month|year)|two|three|when|to|for)\b|$))")
NUM = (r"(?P<v>\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
       r"thirteen|fourteen|fifteen|twenty|a dozen)")
PETS = r"(?:dog|cat|puppy|kitten|parrot|rabbit|bunny|hamster|horse|guinea pig|turtle|tortoise|fish|budgie)"
THINGS = (r"(?:car|bike|bicycle|motorcycle|motorbike|scooter|house|home|apartment|flat|condo|boat|"
          r"van|truck|piano|guitar|camera|laptop)")
DIETS = r"(?P<v>vegetarian|vegan|pescatarian|gluten[- ]free|lactose[- ]intolerant|keto|paleo)"
PARTNERS = r"(?:boyfriend|girlfriend|husband|wife|partner|fianc[eé]e?|spouse)"


@dataclass(frozen=True)
class Out:
    """One fact a rule yields: ``attribute`` ("{k}" → group k), the value ``group`` (""
    closes the slot), the statement template (groups by name, ``{s}`` the subject)."""

    attribute: str
    group: str
    statement: str
    cardinality: Literal["one", "many"] = "one"
    negated: bool = False
    optional: bool = False  # skipped when its group did not match
    value: str = ""  # a template for the stored value ("teacher of {v}"); default: the group
    depends: tuple[str, str] | None = None  # (attribute, group) of the fact this one is stated through


@dataclass(frozen=True)
class Rule:
    pattern: re.Pattern[str]
    outs: tuple[Out, ...]


def _r(regex: str, *outs: Out, flags: int = _I) -> Rule:
    return Rule(re.compile(regex, flags), outs)


def _closed(attribute: str, statement: str, cardinality: Literal["one", "many"] = "one") -> Out:
    return Out(attribute, "", statement, cardinality, negated=True)


_EMPLOYER = ("employer", "e")
_JOB = Out("job_title", "v", "{s} works as {a} {v} at {e}.", optional=True, depends=_EMPLOYER)
_AT = Out("employer", "e", "{s} works at {e}.")
_QUIT = (_closed("employer", "{s} quit their job."), _closed("job_title", "{s} quit their job."))
_I_ = r"\bI\s+" + ADV

RULES: tuple[Rule, ...] = (
    # -- negations and closings --------------------------------------------------------
    _r(_I_ + NEG + r"(?:live|reside)\s+in\s+" + PLACE + END,
       Out("location", "v", "{s} no longer lives in {v}.", negated=True)),
    _r(r"\b(?:I|we)\s+" + ADV + r"(?:have\s+|'ve\s+|’ve\s+)?moved\s+out(?:\s+of\s+"
       + VAL + END + r")?", Out("location", "v", "{s} moved out of {v}.", negated=True, optional=True),
       _closed("location", "{s} moved out.")),
    _r(_I_ + NEG + r"work\s+(?:at|for)\s+" + ORG, Out("employer", "e", "{s} no longer works at {e}.",
                                                    negated=True)),
    _r(_I_ + NEG + r"work\s+as\s+" + ROLE + END, Out("job_title", "v", "{s} no longer works as {a} {v}.",
                                                   negated=True)),
    _r(r"\bI(?:'m|’m| am)\s+(?:not|no longer)\s+(?:an?\s+)?" + DIETS,
       Out("diet", "v", "{s} is no longer {v}.", negated=True)),
    _r(_I_ + r"(?:quit\s+(?:my\s+(?:job|position)\s+(?:at|with)\s+)?|left\s+my\s+(?:job|position)\s+"
       r"(?:at|with)\s+|resigned\s+from\s+|stopped\s+working\s+(?:at|for)\s+)" + ORG, Out("employer", "e", "{s} no longer works at {e}.", negated=True),
       _closed("job_title", "{s} no longer works at {e}."), flags=0),
    _r(_I_ + r"(?:quit|resigned|retired)(?:\s+(?:my|from\s+my)\s+(?:job|position|work))?" + CLAUSE, *_QUIT),
    _r(_I_ + r"(?:got\s+fired|was\s+fired|got\s+laid\s+off|was\s+laid\s+off|was\s+let\s+go|lost\s+my\s+job"
       r"|left\s+my\s+job)", *_QUIT),
    _r(r"\b(?:we|I)\s+" + ADV + r"(?:broke\s+up|split\s+up|separated|(?:got\s+)?divorced)"
       r"(?:\s+with\s+" + VAL + END + r")?",
       Out("partner", "v", "{s} broke up with {v}.", negated=True, optional=True),
       _closed("partner", "{s} and their partner broke up.")),
    _r(r"\bI(?:'m|’m| am)\s+(?:not|no longer)\s+(?:dating|seeing|with|married\s+to|engaged\s+to)\s+"
       + VAL + END, Out("partner", "v", "{s} is no longer with {v}.", negated=True)),
    _r(r"\b(?:I|we)\s+" + ADV + r"(?:sold|gave\s+away|got\s+rid\s+of|traded\s+in)\s+(?:my\s+|our\s+|the\s+)?"
       r"(?P<v>" + THINGS + r"|it)\b", Out("owns", "v", "{s} sold {v}.", "many", negated=True)),
    _r(r"\b(?:my|our)\s+(?P<v>" + PETS + r"(?:\s+[A-Z][\w'-]+)?)\s+(?:died|passed\s+away|ran\s+away)",
       Out("pet", "v", "{s}'s {v} died.", "many", negated=True)),
    _r(r"\b(?:I|we)\s+" + ADV + r"(?:gave\s+away|rehomed|gave\s+up)\s+(?:my\s+|our\s+)?(?P<v>" + PETS
       + r"(?:\s+[A-Z][\w'-]+)?)", Out("pet", "v", "{s} gave away {v}.", "many", negated=True)),
    _r(_I_ + NEG + r"(?:really\s+)?(?:like|love|enjoy|eat|drink)\s+" + VAL + END,
       Out("likes", "v", "{s} no longer likes {v}.", "many", negated=True)),
    # -- work ------------------------------------------------------------------------
    _r(r"\bI\s*" + ADV + r"(?:work|am working|'m working|’m working)\s+as\s+" + ROLE + r"\s+(?:at|for|in)\s+"
       + ORG, _JOB, _AT),
    _r(r"\bI\s*" + ADV + r"(?:work|am working|'m working|’m working)\s+(?:at|for)\s+" + ORG_NAME
       + r"\s+as\s+" + ROLE + END, _AT, Out("job_title", "v", "{s} works as {a} {v} at {e}.", depends=_EMPLOYER)),
    _r(_I_ + r"teach\s+(?P<v>[\w' -]{2,40}?)\s+(?:at|in)\s+" + ORG,
       Out("job_title", "v", "{s} teaches {v} at {e}.", value="teacher of {v}", depends=_EMPLOYER), _AT),
    _r(r"\bI(?:'m|’m| am)\s+" + ADV + r"(?:an?)\s+(?P<v>[a-z][\w' -]{1,40}?)\s+(?:at|for)\s+" + ORG,
       Out("job_title", "v", "{s} is a {v} at {e}.", depends=_EMPLOYER), _AT, flags=0),
    _r(r"\bI\s*" + ADV + r"(?:work|am working|'m working|’m working|'ve worked|’ve worked|have worked|"
       r"'ve been working|have been working)\s+(?:at|for)\s+" + ORG, _AT),
    _r(_I_ + r"(?:joined|started\s+(?:a\s+new\s+job\s+|working\s+)?at|got\s+a\s+(?:new\s+)?job\s+at|"
       r"accepted\s+an\s+offer\s+from|took\s+a\s+job\s+at)\s+" + ORG, _AT),
    _r(_I_ + r"(?:work\s+as|got\s+promoted\s+to|was\s+promoted\s+to|became)\s+" + ROLE + END,
       Out("job_title", "v", "{s} works as {a} {v}.")),
    _r(r"\bmy\s+(?:new\s+)?job\s+is\s+(?:as\s+)?" + ROLE + END, Out("job_title", "v", "{s} works as {a} {v}.")),
    # -- home, partner, pets, possessions, counts -------------------------------------
    _r(_I_ + r"(?:live|reside)\s+in\s+" + PLACE + END, Out("location", "v", "{s} lives in {v}.")),
    _r(r"\bI(?:'m|’m| am|'ve been|’ve been| have been)\s+" + ADV + r"(?:living|based|staying)\s+in\s+"
       + PLACE + END, Out("location", "v", "{s} lives in {v}.")),
    _r(r"\b(?:I|we)\s+" + ADV + r"(?:have\s+|'ve\s+|’ve\s+)?(?:moved|relocated)\s+(?:back\s+)?to\s+" + PLACE
       + END, Out("location", "v", "{s} lives in {v}.")),
    _r(r"\bI(?:'m|’m| am)\s+" + ADV + r"(?:dating|married\s+to|engaged\s+to|seeing|together\s+with)\s+"
       + VAL + END, Out("partner", "v", "{s}'s partner is {v}.")),
    _r(_I_ + r"(?:got\s+)?married\s+(?:to\s+)?(?P<v>[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?)",
       Out("partner", "v", "{s} married {v}."), flags=0),
    _r(r"\b[Mm]y\s+(?:new\s+)?" + PARTNERS + r"(?:'s|’s)?(?:\s+name)?\s+is\s+(?:called\s+|named\s+)?"
       r"(?P<v>[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?)", Out("partner", "v", "{s}'s partner is {v}."), flags=0),
    _r(_I_ + r"(?:adopted|got|have|own|rescued)\s+(?P<v>(?:a|an|two|three)\s+(?:new\s+)?" + PETS
       + r"s?(?:\s+(?:named|called)\s+[A-Z][\w'-]+)?)", Out("pet", "v", "{s} has {v}.", "many")),
    _r(_I_ + r"(?:bought|got|have|own|purchased)\s+(?P<v>(?:a|an)\s+(?:new\s+|used\s+|red\s+|blue\s+)?"
       + THINGS + r")\b", Out("owns", "v", "{s} has {v}.", "many")),
    _r(r"\bI(?:'ve|’ve| have)\s+" + ADV + r"(?P<p>(?:[a-z]+ed|run|read|seen|done|written|won|been\s+to|"
       r"ridden|flown|swum|climbed)\s+)?" + NUM + r"\s+(?P<k>[a-z]+s)\b",
       Out("number_of_{k}", "v", "{s} has {p} {v} {k}.")),
    # -- person, tastes, plans ---------------------------------------------------------
    _r(r"\bI(?:'m|’m| am)\s+" + ADV + r"(?:an?\s+)?" + DIETS + r"\b", Out("diet", "v", "{s} is {v}.")),
    _r(_I_ + r"(?:went|became|turned)\s+" + DIETS, Out("diet", "v", "{s} is {v}.")),
    _r(r"\bmy\s+(?:new\s+|current\s+|all[- ]time\s+)?favou?rite\s+(?P<k>[a-z][\w ]{1,30}?)\s+"
       r"(?:is|are)\s+(?:now\s+|still\s+)?" + VAL + END,
       Out("favorite_{k}", "v", "{s}'s favorite {k} is {v}.")),
    _r(r"\bI(?:'m|’m| am)\s+(?P<v>\d{1,3})(?:\s+years?\s+old)?\b", Out("age", "v", "{s} is {v} years old.")),
    _r(r"\bI\s+(?:just\s+)?turned\s+(?P<v>\d{1,3})\b", Out("age", "v", "{s} is {v} years old.")),
    _r(r"\bmy\s+(?P<k>(?!favou?rite)[a-z][\w ]{1,24}?)(?:'s|’s)?(?:\s+name)?\s+(?:is|are)\s+"
       r"(?:now\s+|actually\s+|called\s+|named\s+)*" + VAL + END, Out("{k}", "v", "{s}'s {k} is {v}.")),
    _r(_I_ + r"(?:really\s+)?(?:like|love|enjoy|adore)\s+" + VAL + END,
       Out("likes", "v", "{s} likes {v}.", "many")),
    _r(_I_ + r"(?:hate|dislike|can't stand|cannot stand)\s+" + VAL + END,
       Out("dislikes", "v", "{s} dislikes {v}.", "many")),
    _r(r"\bI(?:'m|’m| am)?\s+" + ADV + r"(?:planning|plan|going|intend|hoping|hope)\s+to\s+"
       r"(?P<v>(?!be\b|go\b|have\b|do\b|say\b|ask\b|make\b|get\b)[\w'’ -]{3,60}?)" + END,
       Out("plan", "v", "{s} plans to {v}.", "many")),
)

# relation words that name one slot ("my boyfriend's name is Sam" → partner)
ALIASES = {"boyfriend": "partner", "girlfriend": "partner", "husband": "partner", "wife": "partner",
           "fiance": "partner", "fiancé": "partner", "fiancee": "partner", "fiancée": "partner",
           "spouse": "partner", "job": "job_title", "occupation": "job_title", "home": "location",
           "hometown": "hometown", "employer": "employer", "company": "employer"}
SLOT_WORDS = frozenset(["a", "an", "the", "this", "that", "it", "there", "what", "which", "who", "how",
                        "when", "where", "i", "me", "you", "we", "they", "he", "she", "favorite",
                        "favourite", "new", "job"])
# a value that only points back at the conversation ("I like those suggestions", "I love it")
VAGUE = frozenset({"it", "its", "this", "that", "these", "those", "them", "they", "you", "your", "yours",
                   "one", "ones", "idea", "sound", "way", "what", "how", "when", "where", "doing"})
EVENT = re.compile(r"\bI\s+(?:just\s+|finally\s+)?(?:got|graduated|ran|finished|started|visited|"
                   r"celebrated|married|travel(?:l)?ed|went|had|attended|completed|won|passed)\b.{3,160}", _I)
