"""The former guard rules' signals (baseline, see guard_rules.py) for text that is not English: a small lexicon per role (cancelling
verb, instruction noun, the user, send verb, sensitive noun, recommending verb, persistence,
"without restrictions"), for 14 languages, combined the same way as the English rules.

This is a lexicon, with a lexicon's limits: a language or a paraphrase it does not list is
missed. No offline translation or multilingual classifier ships with Engram; a deployment
that needs more should put an LLM judge behind the guard.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_F = re.IGNORECASE | re.DOTALL

CANCEL = (r"ignorier\w*|vergiss|missachte|ignore[zs]?|oublie[zs]?|ignora|ignore|olvida|esqueça|"
          r"dimentica|negeer|vergeet|zignoruj|ignoruj|yok say|görmezden gel|игнорируй|забудь|"
          r"не обращай внимания|ігноруй|忽略|无视|忘记|無視|무시|تجاهل")
RULES = (r"anweisung\w*|regeln|vorgaben|instruktion\w*|instructions?|règles|consignes|"
         r"instrucciones|reglas|indicaciones|instruções|regras|istruzioni|regole|instructies|"
         r"regels|instrukcj\w*|polece\w*|talimat\w*|инструкци\w*|указани\w*|правил\w*|"
         r"інструкці\w*|вказівк\w*|指令|指示|规则|ルール|命令|지시|규칙|명령|التعليمات|تعليمات")
USER = (r"nutzer\w*|benutzer\w*|utilisateur\w*|usuari[oa]s?|usuário\w*|utente|gebruiker\w*|"
        r"użytkowni\w*|kullanıcı\w*|пользовател\w*|користувач\w*|用户|ユーザー|사용자|المستخدم")
SEND = (r"sende|schicke?|envía|envia|envoie[zs]?|invia|stuur|envie|отправь|пришли|перешли|"
        r"надішли|发送|发给|送信|送って|보내|알려|أرسل|gönder|wyślij|mostre|montre[zs]?|zeige?|"
        r"révélez|révèle|ujawnij|表示|显示|показа\w*")
SECRET = (r"chatverlauf|passw\w*|kennw\w*|contraseñ\w*|mot de passe|mots de passe|historique|"
          r"cronologia|histórico|historial|wachtwoord\w*|şifre\w*|парол\w*|истори\w*|переписк\w*|"
          r"密码|聊天记录|パスワード|履歴|비밀번호|سجل المحادثة|كلمة المرور|hasł\w*|"
          r"prompt système|prompt systemowy|system-?prompt|システムプロンプト|系统提示|"
          r"prompt del sistema|prompt do sistema")
RECOMMEND = (r"empfiehl\w*|recommande\w*|recomiend\w*|recomiénd\w*|recomend\w*|consiglia\w*|"
             r"raad aan|poleć|öner|推荐|勧め|추천|рекомендуй|посоветуй|diga|sag|dis|di\b|"
             r"говори|скажи|告诉|言って|말해")
NEGATE_TELL = (r"ne dis (?:jamais|rien)|sag\w* (?:dem|der) \w+ nicht|no (?:le )?digas|nunca digas|"
               r"não (?:diga|conte)|non dire|vertel (?:de )?\w+ niet|nie mów|söyleme|"
               r"никогда не говори|не говори|не кажи|不要告诉|言わないで|말하지 마")
PERSIST = (r"à partir de maintenant|von nun an|ab (?:jetzt|sofort)|a partir de ahora|"
           r"de agora em diante|a partir de agora|d'ora in poi|vanaf nu|od teraz|bundan sonra|"
           r"с этого момента|отныне|від тепер|відтепер|从现在开始|今後|これから|지금부터|"
           r"toujours|immer|siempre|sempre|altijd|zawsze|her zaman|всегда|завжди|总是|必ず|항상")
UNRESTRICTED = (r"sin restricciones|sem restrições|ohne (?:einschränkungen|regeln)|sans "
                r"(?:restrictions|limites)|senza (?:restrizioni|limiti)|zonder beperkingen|"
                r"bez ograniczeń|без ограничений|без обмежень|无限制|不受限制|制限なし|제한 없")
AGENT = (r"asistente|assistent\w*|assistant|assistente|асистент\w*|ассистент\w*|助手|"
         r"アシスタント|어시스턴트|\bKI\b|\bIA\b|eres|tu es|du bist|ти\b|ты\b")

_ENGLISH = re.compile(r"\b(?:the|and|to|of|is|you|your|my|with|for|this)\b", re.IGNORECASE)


def _alternatives(pattern: str) -> list[str]:
    """Split a pattern on its top-level ``|``."""
    parts, depth, current = [], 0, ""
    for ch in pattern:
        depth += (ch == "(") - (ch == ")")
        if ch == "|" and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += ch
    return [*parts, current]


def _words(pattern: str) -> re.Pattern[str]:
    """Whole-word matching for alphabetic scripts; CJK has no word boundaries to match."""
    alts = [rf"(?<!\w)(?:{a})(?!\w)" if a[:1].isalpha() and ord(a[0]) < 0x2E80 else a
            for a in _alternatives(pattern)]
    return re.compile("|".join(alts), _F)


#: (reason, weight, first role, second role): both roles in one text fire the signal
PAIRS: list[tuple[str, float, str, str]] = [
    ("override_instructions", 0.85, CANCEL, RULES),
    ("exfiltration_request", 0.8, SEND, SECRET),
    ("secrecy_from_user", 0.6, NEGATE_TELL, USER),
    ("conditional_trigger", 0.55, USER, RECOMMEND),
    ("persona_reassignment", 0.7, UNRESTRICTED, AGENT),
    ("response_rule", 0.55, PERSIST, RECOMMEND),
]
_COMPILED = [(r, w, _words(a), _words(b)) for r, w, a, b in PAIRS]
#: German "the rules you got earlier no longer hold"
_STATE = re.compile(r"(?:regeln|anweisungen)\b.{0,40}\b(?:du|dir|dich)\b.{0,40}\bgelten nicht mehr",
                    _F)


def foreign_signals(text: str) -> Iterator[tuple[str, float]]:
    """Signals for the lexicon's languages; English text is left to the English rules."""
    if text.isascii() and _ENGLISH.search(text):
        return
    for reason, weight, first, second in _COMPILED:
        if first.search(text) and second.search(text):
            yield reason, weight
    if _STATE.search(text):
        yield "override_instructions", 0.85


__all__ = ["PAIRS", "foreign_signals"]
