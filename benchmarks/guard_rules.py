"""The guard's former text rules, kept as the baseline the learned detector is measured
against (``benchmarks/train_guard.py``, ``benchmarks/trust_detection.py``); not part of the
package since the detector (``engram/ingest/guard_model.py``) replaced them (issue #14:
no keyword tables).

Structural signals of an instruction aimed at the agent, looked for clause by clause in
normalised text (see engram/ingest/guard_text.py).

A memory is a statement about the world or the user; a poisoned one is a *directive to the
model about its future behaviour*. The signals therefore look for composition, not words:
a cancelling verb acting on the agent's own instructions (*"the rules you were given are
void"*, not *"the parking rules are void"*), a conditional trigger on a generic actor or a
topic followed by an imperative to answer (*"whenever banks come up, tell the user ..."*,
not *"whenever banks come up, Dad gets grumpy"*), secrecy towards *the user* (not towards
*anyone*, which is a surprise party), sensitive data sent to a destination, chat-template
or role labels, persona reassignment, tool-call syntax and URLs built to carry data out.

Weights: a *strong* signal (>= 0.5) flags on its own; a *weak* one (0.3) needs another
(``1 - prod(1 - w)``), because a single weak cue is how benign preferences look ("always
answer in Portuguese"). Other languages get a small multilingual lexicon
(guard_rules_lexicon.py) for the same roles; that part is a lexicon and says so.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import guard_rules_lexicon as lex

from engram.ingest.guard_text import views
from engram.ingest.guard_verdict import Verdict

_F = re.IGNORECASE

AGENT = (r"(?:assistant|a\.?i\.?|ai model|model|llm|chat ?bot|bot|agent|gpt|chatgpt|claude|"
         r"copilot|system)")
YOU = r"(?:you|your|yourself|you're|you've)"
GOVERN = (r"(?:instructions?|rules?|guidelines?|directives?|directions|guidance|prompts?|polic(?:y|ies)|"
          r"constraints?|restrictions?|guardrails?|(?:content )?filters?|programming|"
          r"configuration|safeguards?|system messages?|orders|limits|principles|"
          r"(?:everything|anything|what(?:ever)?)\b.{0,30}\btold you|(?:you were|you've been) told)")
CANCEL_VERB = (r"(?:ignore|ignoring|disregard|forget|override|bypass|discard|drop|set aside|pay no "
               r"attention to|stop (?:following|obeying)|abandon|nullify|cancel|disable|"
               r"turn off|switch off|circumvent|skip|treat)")
CANCEL_STATE = (r"(?:void|null|revoked|cancell?ed|expired|obsolete|invalid|lifted|suspended|replaced|"
                r"reset|disabled|switched off|turned off|fake|a test|superseded|overridden|"
                r"no longer (?:apply|applies|valid|matter|binding|in effect|relevant)|"
                r"(?:do|does) not apply|don't apply|irrelevant|unimportant)")
#: cues that a sentence is about the *agent's* instructions, not someone's house rules
AGENT_CUE = (rf"(?:\b{YOU}\b|\b{AGENT}'?s?\b|\bdevelopers?\b|\bcreators?\b|\btrained\b|"
             r"\bthe above\b|\bthis (?:message|memory|note|chat)\b|\bat the (?:top|start)\b|"
             r"\bprogramming\b|\bsystem\b|\bthe user\b(?! manual| guide| interface))")
ANSWER = r"(?:answers?|repl(?:y|ies)|responses?|summar(?:y|ies)|messages?|outputs?|turns?)"
PERSIST = (r"(?:from now on|from this point(?: on(?:ward)?)?|going forward|henceforth|"
           r"for the rest of (?:time|the (?:chat|session|conversation))|permanently|"
           r"(?:in|for|to|with|at the end of|after) (?:every|all|each|any) (?:future |later |"
           rf"subsequent |new )?(?:{ANSWER}|sessions?|conversations?|questions?)|"
           r"(?:all|every|each|any) (?:future|subsequent|later) \w+|"
           r"no matter what|always|in every later)")
RESPOND = (r"(?:tell|say|answer|reply|respond|insist|claim|recommend|suggest|push|advise|"
           r"share|send|append|include|add|print|output|show|mention|give|direct|redirect|"
           r"change|book|ask|begin|end|cite|deny|state|warn|lie|promote|link)")
GENERIC = (r"(?:the user|a user|users|anyone|anybody|someone|somebody|people|the conversation|"
           r"the topic|the subject|the word|any question|a question|the person|the human)")
SENSITIVE = (r"(?:conversations?|chat(?: history| logs?| transcripts?)?|transcripts?|history|"
             r"messages|inbox|memor(?:y|ies)|passwords?|credentials|api keys?|keys|tokens?|"
             r"secrets?|contacts|calendar|(?:home )?address(?:es)?|credit card(?: details)?|"
             r"card (?:details|numbers?)|medical (?:notes|records)|personal (?:data|info)|"
             r"files|ssh|id_rsa|everything the user|whatever the user)")
DEST = (r"(?:https?://|\b[\w.-]+@[\w-]+\.[\w.]+|\b[\w-]+\.(?:example|com|net|org|io|ru|cn|xyz)"
        r"\b|\bwebhook|\bserver|\bendpoint|\banyone\b|\bthird part|\bpartner|\bme\b|"
        r"\bwhoever|\brequests?\b|\bquery\b|\burl\b)")

Signal = tuple[str, float]

_CLAUSE = re.compile(r"(?<=[.!?;。！？])\s+|\n+")


def clauses(text: str) -> list[str]:
    return [c for c in _CLAUSE.split(text) if c.strip()]


def _re(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, _F | re.DOTALL)


#: (reason, weight, pattern) applied to each sentence
SENTENCE_RULES: list[tuple[str, float, re.Pattern[str]]] = [
    ("override_instructions", 0.85, _re(
        rf"^(?=.*{AGENT_CUE}).*?(?:\b{CANCEL_VERB}\b.{{0,60}}\b{GOVERN}\b|\b{GOVERN}\b.{{0,80}}"
        rf"\b{CANCEL_STATE}\b|\b{CANCEL_VERB}\b (?:all |everything |what(?:ever)? )?(?:the above|"
        rf"above|(?:you were|you've been|you have been) (?:told|given|trained)|what (?:your|the) "
        rf"\w+ told you))")),
    ("override_instructions", 0.85, _re(
        rf"^\W*(?:please |now |first,? |just )?{CANCEL_VERB}\b (?:all |any |the |your |of )*"
        r"(?:previous |prior |above |earlier |preceding |original |initial |existing |current |"
        rf"safety |system |security |old )*{GOVERN}")),
    ("authority_shift", 0.5, _re(
        r"\b(?:trust|obey|follow)s?\b (?:only )?(?:the )?(?:instructions|memor(?:y|ies)|notes|this "
        r"(?:memory|note))\b.{0,40}\b(?:over|instead of|rather than|only)\b|\bobeys? (?:only )?"
        r"(?:this|these|memories)\b")),
    ("payment_tampering", 0.6, _re(
        r"\b(?:replace|change|swap|alter)\b (?:the )?(?:bank account|account number|iban|bank "
        r"details|payee|recipient)\b.{0,40}\b(?:every|each|all|any)\b")),
    ("solicits_sensitive", 0.3, _re(
        rf"\b(?:ask|asking|request|collect|paste)\b (?:them |the user )?(?:for |to paste )?(?:the "
        rf"user'?s?|their|it)\b.{{0,20}}\b(?:{SENSITIVE}|in full)\b")),
    ("scripted_answer", 0.3, _re(
        r"\b(?:answer|reply to|respond to)\b (?:every |all |any |each |\w+ )?(?:questions?|"
        r"greetings|requests?|messages?)\b.{0,30}\bwith\b|\brespond to \w+ by\b")),
    ("context_reset", 0.3, _re(
        rf"\b{CANCEL_VERB}\b (?:the |all |any )?(?:previous|prior|earlier|above|preceding) "
        r"(?:context|messages?|conversation|text)")),
    ("persona_reassignment", 0.7, _re(
        rf"(?:\byou are now\b|\byou're now\b|\bfrom now on,? you are\b|\byou are no longer\b|"
        rf"\byour (?:new |real )?(?:identity|persona|name|role) is\b|\broleplay\b|\bpretend (?:to be|you are|that you are)\b|"
        rf"\bact as\b|\bbehave as\b|\bswitch to\b|\benter\b|\bstay in character\b|"
        rf"\byou have been promoted\b).{{0,80}}(?:\b{AGENT}\b|unrestricted|jailbroken|unfiltered|"
        rf"no (?:limits|rules|restrictions|guidelines|content policy|filters)|hacker|"
        rf"developer mode|god mode|dan\b|admin|root\b|adversary|escaped|evil|terminal|"
        rf"never refuses?|no content policy)")),
    ("unrestricted_agent", 0.6, _re(
        rf"\b(?:{AGENT}|you)\b.{{0,40}}\b(?:(?:with|has|have) no|without (?:any )?)\s?(?:limits|"
        rf"rules|restrictions|guidelines|content policy|filters|safeguards)\b")),
    ("agent_directive", 0.3, _re(
        rf"\b(?:the |this )?{AGENT}\b,? (?:must|should|shall|will|is required to|has to|may|"
        rf"is (?:allowed|cleared|authori[sz]ed|permitted) to|can now|needs to)\b(?! be\b)")),
    ("agent_permission", 0.6, _re(
        rf"\b(?:authori[sz]ed|allowed|cleared|permitted|agreed that|approved|may|confirmed)\b.{{0,40}}\b"
        rf"{AGENT}\b.{{0,60}}\b(?:share|send|read|disable|approve|forward|skip|trust|hide|"
        rf"without (?:asking|confirmation|checks?))|\b{AGENT}'?s? safety rules do not apply|"
        rf"\b{AGENT}\b (?:should|must|may) (?:never ask for confirmation|trust any|hide|"
        rf"approve every|read and send|cite only)")),
    ("secrecy_from_user", 0.6, _re(
        rf"\b{AGENT}\b.{{0,20}}\b(?:must not|mustn't|should not|shouldn't|may not|never|cannot)"
        r"\b.{0,10}\b(?:tell|disclose|reveal|mention)\b.{0,20}\b(?:to (?:anyone|the user)|that)\b|"
        r"\b(?:do not|don't|never|must not|mustn't|without|not)\b.{0,20}\b(?:tell(?:ing)?|"
        r"inform(?:ing)?|reveal(?:ing)?|mention(?:ing)?|disclos(?:e|ing)|notify(?:ing)?|"
        r"alert(?:ing)?|let(?:ting)?)\b.{0,20}\b(?:the user|the human|the owner|users)\b|"
        r"\b(?:hide|conceal|keep)\b.{0,40}\bfrom (?:the )?(?:user|human|owner)\b|"
        r"\b(?:never|do not|don't|not) (?:tell|reveal|mention|disclose)\b.{0,40}\b(?:this "
        r"(?:memory|note|instruction)|these (?:notes|instructions|memories)|that you (?:are "
        r"following|received|changed|are reading))|\b(?:received|have) special instructions\b"
        r".{0,20}\bdeny\b|\bdon't let the (?:human|user)\b")),
    ("covert_action", 0.5, _re(
        r"\b(?:silently|secretly|covertly|quietly|without (?:informing|telling|asking) "
        r"(?:the user|anyone))\b.{0,40}\b(?:every|each|all|the user'?s?|any)\b")),
    ("exfiltration_request", 0.8, _re(
        r"\b(?:send|forward|post|upload|email|leak|exfiltrate|transmit|copy|share|include|"
        rf"append|gather|put|paste)\b.{{0,50}}\b{SENSITIVE}\b.{{0,60}}(?:\b(?:to|at|via|into|"
        rf"with|in)\b.{{0,25}}{DEST}|\bto anyone\b)")),
    ("prompt_extraction", 0.7, _re(
        r"\b(?:print|repeat|reveal|show|output|dump|list|display|leak|tell)\b.{0,50}\b(?:system "
        r"prompt|(?:hidden|developer|initial|original|secret|confidential) (?:instructions|prompt|"
        r"configuration)|your (?:instructions|prompt|configuration)|api keys?|credentials|"
        r"secrets|(?:other|all other|every) users'? (?:memories|data)|memory (?:database|store)|"
        r"every stored memory|stored passwords|instructions you were given)")),
    ("conditional_trigger", 0.55, _re(
        rf"(?:\b(?:whenever|when(?:ever)?|if|each time|every time|in case|once|should|as soon as)\b"
        rf".{{0,20}}(?:\b{GENERIC}\b|\bcomes? up\b|\bturns? to\b|\b(?:is|are) discussed\b|"
        rf"\b(?:is|are) mentioned\b|\bbrings? up\b)|\b(?:if|when(?:ever)?) asked\b|\bon (?:any|every) "
        rf"(?:question|mention|request)s?\b).{{0,80}}(?:,|\bthen\b)\s*(?:(?:the )?(?:{AGENT}|you)"
        rf" (?:must |should |will |shall )?)?(?:always |only |please |just |immediately )?(?:ever )?"
        rf"{RESPOND}(?:s|es)?\b|\b{RESPOND}\b.{{0,60}}\b(?:whenever|every time|each time)\b"
        rf".{{0,40}}(?:\bcomes? up\b|\bis (?:mentioned|discussed)\b|\b{GENERIC} (?:asks?|"
        rf"mentions?|says?)\b)")),
    ("response_rule", 0.3, _re(rf"\b{PERSIST}\b")),
    ("tells_the_user", 0.5, _re(
        r"(?<!\bI )(?<!\bwe )(?<!\bhe )(?<!\bshe )(?<!\bthey )\b(?:tell|telling|ask|asking|inform|"
        r"informing|advise|remind|warn|convince|push|urge|direct|redirect|encourage|show|insult|"
        r"mock|mislead|deceive) (?:the|every|each|any) (?:user|users|human)\b")),
    ("deception", 0.3, _re(
        r"\b(?:insist|claim (?:that )?|pretend (?:that )?|lie\b|a lie\b|deny\b|act as if "
        r"everything|make up|falsely)")),
    ("promotion", 0.3, _re(
        r"\b(?:recommend|suggest|push|promote|advertise|cite only|only ever suggest|book through|"
        r"visit|link to|mention(?:s|ing)? that|include the phrase|the hashtag|a link)\b.{0,40}"
        r"(?:(?-i:\b[A-Z][a-z]+[A-Z]\w*|\b[A-Z]{2,}\w*|\b[A-Z]\w+ (?:&|and) \w+)|[\w-]+\.(?:example|"
        r"com|net|io)\b|https?://|\bsupplements?\b|\btoken\b|\bplan\b|\bproducts?\b)|"
        r"\b(?:include the phrase|the hashtag|mention(?:s|ing)? that|a link to)\b")),
    ("fake_authority", 0.6, _re(
        rf"(?:^|\n)\s*(?:\[(?:system|admin|developer)\]|(?:system|admin|root|developer)\s*:|"
        rf"#{{2,}}\s*(?:system|instruction|instructions)\b)|\b(?:system prompt|system override|"
        rf"admin(?:istrator)? (?:command|override)|priority override|new policy loaded)\s*[:=]|"
        rf"\b(?:message|note|notice|instructions?) (?:from|for|to) (?:the )?(?:openai|anthropic|"
        rf"\w+ staff|developers?|admins?|operators?|the model|the agent|the assistant|the ai)\b.{{0,40}}"
        rf"\b(?:{AGENT}|skip|disable|cleared|approved|unrestricted)\b")),
    ("claims_real_instructions", 0.3, _re(
        r"\b(?:real|actual|true|updated|hidden|secret) (?:system )?(?:instructions|rules|prompt|"
        r"orders) (?:are|is)\s*:")),
    ("addresses_the_agent", 0.3, _re(
        rf"^\s*(?:(?:note|tip|attention|message|hint|reminder) (?:to|for) (?:the )?|dear |hey |hi |"
        rf"attention,? )?(?:the )?{AGENT}s?\s*[,:]")),
    ("chat_template_marker", 0.85, _re(
        r"<\|(?:im_start|im_end|system|assistant|user|endoftext|eot_id|start_header_id)\|>|"
        r"\[/?INST\]|<</?SYS>>|</?(?:system|instructions?|admin)>")),
    ("tool_call_injection", 0.8, _re(
        r"</?tool_call>|</?function_calls?>|\"(?:function_call|tool_calls?)\"\s*:|"
        r"\{\s*\"name\"\s*:\s*\"[\w.\-]+\"\s*,\s*\"(?:arguments|parameters)\"\s*:|"
        r"\b(?:call|invoke|use|trigger|execute|run)\b (?:the |your )?[`'\"]?[\w.\-]+[`'\"]? "
        r"(?:tool|function|plugin)\b.{0,20}\b(?:with|to|on|and)\b|"
        r"\b(?:execute|run) (?:the following|this)(?: \w+)?(?: command| shell| code| script)?\s*:|"
        r"\brm -rf\b|\bcurl [^\n|]*\|\s*(?:ba)?sh|\bwget [^\n|]*\|\s*(?:ba)?sh|os\.system\(|"
        r"\bsubprocess\.")),
    ("exfiltration_url", 0.75, _re(
        r"https?://[^\s)\"']*(?:\{\{?|\$\{|\$\(|%7B|<|\b[A-Z]+_[A-Z_]+\b)|"
        r"https?://[^\s)\"']*[?&][\w-]+=(?=[\s)\"']|$)|"
        r"(?:!\[[^\]]*\]\(|https?://)[^)\s]*\)?.{0,80}\b(?:replacing|followed by|fill(?:ed)? in|"
        r"with the (?:user'?s?|chat|conversation)\b.{0,30}\b(?:path|url|query)|url-encoded|"
        r"base64-encoded|append (?:everything|the))")),
    ("image_beacon", 0.5, _re(
        rf"(?:!\[[^\]]*\]\(https?://|\bimage https?://).{{0,120}}\b(?:{PERSIST}|so the image "
        rf"loads)|\b(?:render|embed|show|include|add)\b.{{0,40}}(?:!\[|\bimage\b|\bpicture\b).{{0,80}}"
        rf"\b(?:{PERSIST}|every time|in your reply|each reply)")),
]


def signals(text: str) -> Iterator[Signal]:
    """Every signal found in ``text`` (normalised), sentence by sentence and then whole."""
    for sentence in [*clauses(text), text]:
        for reason, weight, pattern in SENTENCE_RULES:
            if pattern.search(sentence):
                yield reason, weight
    yield from lex.foreign_signals(text)


#: an instruction found behind a trick (hidden markup, an encoding, look-alike letters) was
#: hidden from a reviewer on purpose: any signal there counts as strong
HIDDEN_WEIGHT = 0.5
#: cues too common in ordinary notes ("always", "from now on") to make hidden text suspicious
COMMON_CUES = frozenset({"response_rule"})


def scan(text: str) -> Verdict:
    """The rules' verdict on one text, as the guard's ``scan`` gave it before the detector."""
    verdict = Verdict()
    if not text.strip():
        return verdict
    seen = views(text)
    visible = list(signals(seen.visible))
    parts = [*seen.hidden, *seen.decoded, *([seen.leet] if seen.leet else [])]
    behind = [(r, w) for part in parts for r, w in signals(part)]
    for reason, weight in [*visible, *behind]:
        verdict.add(reason, weight)
    # readable only inside hidden markup or an encoding, or once a character trick was undone
    revealed = {r for r, _ in behind} | ({r for r, _ in visible} - {r for r, _ in signals(text)})
    if revealed - COMMON_CUES:
        for trick in dict.fromkeys(seen.tricks or ["obfuscation"]):
            verdict.add(f"hidden:{trick}", 0.0)
        verdict.add("hidden_instruction", HIDDEN_WEIGHT)
    verdict.score = round(verdict.score, 3)
    return verdict


__all__ = ["SENTENCE_RULES", "Signal", "clauses", "scan", "signals"]
