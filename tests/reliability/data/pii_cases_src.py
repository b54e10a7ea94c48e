"""Source of ``pii_cases.json``: PII spans and look-alike negatives (issue #14, item 8),
written before the detector was reworked. ``python tests/reliability/data/pii_cases_src.py``
rebuilds the JSON. The first 80 cases are the previous set (benchmarks/data/pii_cases.json);
the split is by SHA-256 of the text (dev: first byte even), declared in each case.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]

#: (text, [(kind, value), ...]); an empty list is a negative
NEW: list[tuple[str, list[tuple[str, str]]]] = [
    # phones, the misses first
    ("Call me on 07911 123456 after work", [("PHONE", "07911 123456")]),
    ("Berlin office: 0049 30 1234567", [("PHONE", "0049 30 1234567")]),
    ("my mobile is 07911123456", [("PHONE", "07911123456")]),
    ("UK number +44 7911 123456 for WhatsApp", [("PHONE", "+44 7911 123456")]),
    ("London landline 020 7946 0958", [("PHONE", "020 7946 0958")]),
    ("ring (020) 7946 0321 for the flat", [("PHONE", "(020) 7946 0321")]),
    ("Manchester: 0161 496 0000", [("PHONE", "0161 496 0000")]),
    ("Berlin number 030 1234567", [("PHONE", "030 1234567")]),
    ("Handy: 0151 23456789", [("PHONE", "0151 23456789")]),
    ("Germany +49 30 12345678 is the main line", [("PHONE", "+49 30 12345678")]),
    ("Oma erreicht man unter +49 (0)30 1234567", [("PHONE", "+49 (0)30 1234567")]),
    ("Mon portable: 06 12 34 56 78", [("PHONE", "06 12 34 56 78")]),
    ("Bureau 01 23 45 67 89 à Paris", [("PHONE", "01 23 45 67 89")]),
    ("Paris office +33 1 23 45 67 89", [("PHONE", "+33 1 23 45 67 89")]),
    ("from abroad dial 0033 6 12 34 56 78", [("PHONE", "0033 6 12 34 56 78")]),
    ("hotel desk 212-555-0143", [("PHONE", "212-555-0143")]),
    ("toll free 1-800-555-0199", [("PHONE", "1-800-555-0199")]),
    ("NY office +1 212 555 0143", [("PHONE", "+1 212 555 0143")]),
    ("my number changed to (646) 555-0123", [("PHONE", "(646) 555-0123")]),
    ("Dad: 415.555.0199", [("PHONE", "415.555.0199")]),
    ("Lisbon flat +351 21 123 4567", [("PHONE", "+351 21 123 4567")]),
    ("Spanish mobile +34 612 34 56 78", [("PHONE", "+34 612 34 56 78")]),
    ("Rome office +39 06 1234 5678", [("PHONE", "+39 06 1234 5678")]),
    ("Amsterdam +31 20 123 4567", [("PHONE", "+31 20 123 4567")]),
    ("Priya's number is +91 98765 43210", [("PHONE", "+91 98765 43210")]),
    ("São Paulo +55 11 91234-5678", [("PHONE", "+55 11 91234-5678")]),
    ("Tokyo office +81 3-1234-5678", [("PHONE", "+81 3-1234-5678")]),
    ("Sydney desk +61 2 9876 5432", [("PHONE", "+61 2 9876 5432")]),
    ("call tel:+14155550134 from the app", [("PHONE", "+14155550134")]),
    ("Her cell is 917-555-0182 and email ana@example.org",
     [("PHONE", "917-555-0182"), ("EMAIL", "ana@example.org")]),
    ("Vienna: +43 1 234 5678", [("PHONE", "+43 1 234 5678")]),
    ("Zurich number +41 44 668 18 00", [("PHONE", "+41 44 668 18 00")]),
    ("Dublin mobile +353 85 123 4567", [("PHONE", "+353 85 123 4567")]),
    ("Warsaw +48 22 123 45 67", [("PHONE", "+48 22 123 45 67")]),
    ("Mexico City +52 55 1234 5678", [("PHONE", "+52 55 1234 5678")]),
    ("pager 0800 123 4567 (UK freephone)", [("PHONE", "0800 123 4567")]),
    # emails
    ("Write to ａｌｉｃｅ＠ｅｘａｍｐｌｅ．ｃｏｍ for the tickets", [("EMAIL", "ａｌｉｃｅ＠ｅｘａｍｐｌｅ．ｃｏｍ")]),
    ("contact: john(at)example(dot)com", [("EMAIL", "john(at)example(dot)com")]),
    ("mail jane [at] mail [dot] org for details", [("EMAIL", "jane [at] mail [dot] org")]),
    ("bob {at} site {dot} co {dot} uk", [("EMAIL", "bob {at} site {dot} co {dot} uk")]),
    ("Email: MARIA.LOPEZ@EXAMPLE.ES", [("EMAIL", "MARIA.LOPEZ@EXAMPLE.ES")]),
    ("send it to <tom.baker@bbc.example.co.uk>", [("EMAIL", "tom.baker@bbc.example.co.uk")]),
    ("mailto:support+billing@shop.example", [("EMAIL", "support+billing@shop.example")]),
    ("her school email is k.ng@student.uni-example.edu", [("EMAIL", "k.ng@student.uni-example.edu")]),
    ("ping dev-team@ops.example.io about the outage", [("EMAIL", "dev-team@ops.example.io")]),
    ("my old address was lisa_1990@mail.example.net", [("EMAIL", "lisa_1990@mail.example.net")]),
    ("carlos (at) empresa (dot) mx is his work mail", [("EMAIL", "carlos (at) empresa (dot) mx")]),
    ("Reach me: sam[at]example[dot]org", [("EMAIL", "sam[at]example[dot]org")]),
    ("ｂｏｂ＠ｍａｉｌ．ｅｘａｍｐｌｅ．ｎｅｔ is Bob", [("EMAIL", "ｂｏｂ＠ｍａｉｌ．ｅｘａｍｐｌｅ．ｎｅｔ")]),
    ("Email anna.schmidt@firma.example.de or call 030 9876543",
     [("EMAIL", "anna.schmidt@firma.example.de"), ("PHONE", "030 9876543")]),
    # IBANs
    ("rent goes to gb82west12345698765432", [("IBAN", "gb82west12345698765432")]),
    ("iban de89370400440532013000 (lowercase, no spaces)", [("IBAN", "de89370400440532013000")]),
    ("Dutch account NL91ABNA0417164300", [("IBAN", "NL91ABNA0417164300")]),
    ("Spain: ES91 2100 0418 4502 0005 1332", [("IBAN", "ES91 2100 0418 4502 0005 1332")]),
    ("Italian IBAN IT60X0542811101000000123456", [("IBAN", "IT60X0542811101000000123456")]),
    ("Portugal PT50 0002 0123 1234 5678 9015 4", [("IBAN", "PT50 0002 0123 1234 5678 9015 4")]),
    ("Belgian account BE68539007547034", [("IBAN", "BE68539007547034")]),
    ("Swiss IBAN CH93 0076 2011 6238 5295 7", [("IBAN", "CH93 0076 2011 6238 5295 7")]),
    ("pay Gb82 West 1234 5698 7654 32 by Friday", [("IBAN", "Gb82 West 1234 5698 7654 32")]),
    ("Austrian AT61 1904 3002 3457 3201", [("IBAN", "AT61 1904 3002 3457 3201")]),
    # cards
    ("Test card 4242 4242 4242 4242 for the demo", [("CARD", "4242 4242 4242 4242")]),
    ("visa 4000056655665556", [("CARD", "4000056655665556")]),
    ("MC 5105 1051 0510 5100", [("CARD", "5105 1051 0510 5100")]),
    ("new Mastercard 2223003122003222", [("CARD", "2223003122003222")]),
    ("Amex 3714 496353 98431", [("CARD", "3714 496353 98431")]),
    ("Discover 6011-0009-9013-9424", [("CARD", "6011-0009-9013-9424")]),
    ("JCB 3530111333300000 for Japan", [("CARD", "3530111333300000")]),
    ("Diners 3056 9300 0902 0004", [("CARD", "3056 9300 0902 0004")]),
    # national ids
    ("SSN 536-22-8726 for the W-2", [("SSN", "536-22-8726")]),
    ("my social security number is 401 23 4567", [("SSN", "401 23 4567")]),
    ("NI number CE 12 34 56 A", [("NATIONAL_ID", "CE 12 34 56 A")]),
    ("NINO: AB 98 76 54 B", [("NATIONAL_ID", "AB 98 76 54 B")]),
    # addresses
    ("We live at 12 Orchard Road now", [("ADDRESS", "12 Orchard Road")]),
    ("Her studio: 88 Queen Street, Apt 3", [("ADDRESS", "88 Queen Street, Apt 3")]),
    ("Parcel for 5 Mill Lane please", [("ADDRESS", "5 Mill Lane")]),
    ("Moved to Calle Mayor 15 in Madrid", [("ADDRESS", "Calle Mayor 15")]),
    ("Meine Adresse ist Lindenweg 7", [("ADDRESS", "Lindenweg 7")]),
    # negatives: timestamps, dates, times
    ("The backup ran at 2024-05-01 12 and finished fast", []),
    ("log entry 2024-05-01 12:30:45 UTC", []),
    ("Meeting 01/05/2024 12 o'clock", []),
    ("Stamp 2024.05.01 12h in the passport", []),
    ("file backup_20240501_1230.tar", []),
    ("Unix time 1714564800 is May 1st", []),
    ("between 2023-01-01 and 2023-12-31 we saved a lot", []),
    ("Open 9:30-17:30 Monday to Friday", []),
    ("the 2024-05-01 12:00 standup was cancelled", []),
    ("Date range 12.05.2024 - 19.05.2024", []),
    ("timestamp 1714564800123 ms", []),
    ("At 14 05 2024 the sale starts", []),
    # negatives: order, tracking, product, reference numbers
    ("Amazon order 112-3456789-1234567 arrived", []),
    ("Tracking 1Z999AA10123456784 (UPS)", []),
    ("PO 4500012345 approved", []),
    ("Ref 20240501-0042 for the claim", []),
    ("Invoice 2024/05/0012 is overdue", []),
    ("Ticket #4412-9981 closed", []),
    ("Customer no. 100234567 at the gym", []),
    ("Part number 12-3456-7890 from the catalogue", []),
    ("ISBN 978-0-306-40615-7 is the textbook", []),
    ("ISSN 0317-8471 journal", []),
    ("EAN 4006381333931 on the box", []),
    ("Model WH-1000XM4 headphones", []),
    ("flight BA 2490 seat 23C", []),
    # negatives: versions, numbers, measurements, money
    ("Upgraded to v2.3.14 today", []),
    ("release 1.21.4-rc2 is out", []),
    ("build 4.0.30319.42000 of .NET", []),
    ("12 345 678 people live there", []),
    ("population 67 081 000 in 2023", []),
    ("It cost 1 234 567 euros", []),
    ("Price: € 1 299,00", []),
    ("CHF 12 345.50 for the car", []),
    ("Router at 192.168.1.254", []),
    ("DNS 10.0.0.1 and 8.8.8.8", []),
    ("GPS 51.5074 -0.1278", []),
    ("I walked 10 000 steps", []),
    ("Lottery numbers 04 12 19 33 41 45", []),
    ("Score was 3-2 after 90 minutes", []),
    ("PIN 1234 for the garage", []),
    ("Chapter 11 bankruptcy filing", []),
    ("page 123 456 of the scan", []),
    ("Size 10 12 14 16 in stock", []),
    ("Call of Duty 4 is his favourite game", []),
    # negatives: card-, IBAN- and email-like strings
    ("Card 4242 4242 4242 4241 fails Luhn", []),
    ("Dummy 0000 0000 0000 0000 in the form", []),
    ("Number 1234 5678 9012 3452 is a membership id", []),
    ("Bad IBAN DE89 3704 0044 0532 0130 01", []),
    ("GB00WEST12345698765432 has a wrong checksum", []),
    ("Product code AB12CD34EF56GH78", []),
    ("Use logo@2x.png for retina screens", []),
    ("follow @alice_dev and @bob", []),
    ("meet me (at) noon by the fountain", []),
    ("I'm at home, dot your i's", []),
    ("user@localhost is the default in the config", []),
    ("Price 5 @ 3.99 each", []),
    ("The SSN field 000-00-0000 is a placeholder", []),
    ("Invalid id 666-12-3456", []),
    ("Serial AB123456 on the router", []),
    # negatives: addresses that are not
    ("I read 3 Main Street stories", []),
    ("We took the 5 Avenue bus", []),
    ("Season 2 Court drama", []),
    ("I have 2 Drive folders", []),
    ("Top 10 Way to save money", []),
    # more mixed cases
    ("Tom: 07700 900456, Jess: 07700 900789", [("PHONE", "07700 900456"), ("PHONE", "07700 900789")]),
    ("Call +1-202-555-0175 or write to press@news.example.com",
     [("PHONE", "+1-202-555-0175"), ("EMAIL", "press@news.example.com")]),
    ("Refund to NL02ABNA0123456789 and confirm by mail", [("IBAN", "NL02ABNA0123456789")]),
    ("new IBAN: fr7630006000011234567890189", [("IBAN", "fr7630006000011234567890189")]),
    ("card 5555 5555 5555 4444 exp 12/29 cvc 123", [("CARD", "5555 5555 5555 4444")]),
    ("Kontakt: info@praxis-example.de, Tel. 089 1234567",
     [("EMAIL", "info@praxis-example.de"), ("PHONE", "089 1234567")]),
    ("Nummer 0170 1234567 ist mein Handy", [("PHONE", "0170 1234567")]),
    ("appelle-moi au 07 81 23 45 67", [("PHONE", "07 81 23 45 67")]),
    ("Edinburgh office 0131 496 0123", [("PHONE", "0131 496 0123")]),
    ("Toronto +1 416 555 0123", [("PHONE", "+1 416 555 0123")]),
    ("my email: ｊｏｈｎ．ｄｏｅ＠ｇｍａｉｌ．ｃｏｍ", [("EMAIL", "ｊｏｈｎ．ｄｏｅ＠ｇｍａｉｌ．ｃｏｍ")]),
    ("write to peter(at)firma(dot)de", [("EMAIL", "peter(at)firma(dot)de")]),
    ("SSN: 212-67-4301", [("SSN", "212-67-4301")]),
    ("Amex 3782 822463 10005 on file", [("CARD", "3782 822463 10005")]),
    ("Danish account DK50 0040 0440 1162 43", [("IBAN", "DK50 0040 0440 1162 43")]),
    ("I was born on 1990-04-12 12 km from Porto", []),
    ("The 2019-11-30 18 UTC deadline passed", []),
    ("Readings: 120 80 72 at 08:15", []),
    ("Train 9 12 34 departs late", []),
    ("Phone model iPhone 15 Pro 256 GB", []),
    ("My tax year 2023/24 refund was 1,234.56", []),
    ("Postcode SW1A 1AA is Buckingham Palace", []),
    ("Apartment 4B on floor 12, door 1203", []),
    ("Invoice total 4 111,11 EUR", []),
    ("Run ID 2024050112345 finished", []),
    ("The book has 1 024 pages and 3 456 footnotes", []),
    ("Wi-Fi code 1234 5678 9012 on the router", []),
    ("I work 9 to 5, Monday 10 to 2", []),
    ("The claim number is 0049-2024-777", []),
    ("Boarding pass 0125 2024 0501 1230", []),
    ("sha1 da39a3ee5e6b4b0d3255bfef95601890afd80709", []),
    ("Set the volume to 07 and the bass to 12", []),
]


def split_of(text: str) -> str:
    return "dev" if hashlib.sha256(text.encode()).digest()[0] % 2 == 0 else "test"


def build() -> list[dict[str, object]]:
    old = json.loads((ROOT / "benchmarks" / "data" / "pii_cases.json").read_text())
    cases = [{"text": c["text"], "pii": c["pii"], "origin": "previous set"}
             for c in [*old["cases"], *old["heldout"]]]
    cases += [{"text": t, "pii": [{"kind": k, "value": v} for k, v in spans], "origin": "issue 14"}
              for t, spans in NEW]
    for case in cases:
        case["split"] = split_of(str(case["text"]))
        for span in case["pii"]:  # type: ignore[attr-defined]
            assert span["value"] in case["text"], span
    return cases


if __name__ == "__main__":
    rows = build()
    doc = {"description": "PII detection cases: expected (kind, value) spans; negatives hold "
                          "look-alikes (timestamps, order numbers, versions, invalid checksums). "
                          "Tune on split 'dev' only. Built by pii_cases_src.py.",
           "cases": rows}
    out = Path(__file__).with_name("pii_cases.json")
    out.write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n")
    from collections import Counter
    print(len(rows), Counter((r["split"], bool(r["pii"])) for r in rows),
          sum(len(r["pii"]) for r in rows))  # type: ignore[arg-type]
