"""Find and read the figures news text writes: the lexical layer under the normaliser.

``find_quantities(text)`` scans a text once with one compiled pattern for number cores (digits
with separators, number words, vague amounts, multipliers) and reads the few characters either
side of each core: hedges before ("more than"), ranges, percent signs, currencies, units and
rates after. It knows nothing of articles, dates or matching; the normaliser adds the counted
noun, the period and the role.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace


@dataclass(frozen=True, slots=True)
class Quantity:
    """One number expression found in text, read as an interval."""

    start: int              # offsets into the scanned text; the span covers hedge words,
    end: int                # currency marks, magnitude words and percent signs
    text: str               # text[start:end]
    value: float            # as stated, in base units: "£240million" -> 240e6; range -> low end
    low: float | None       # interval the wording allows; None = unbounded on that side
    high: float | None
    bound: str              # exact | approx | lower | upper | range
    unit: str | None = None  # lexical unit when the text itself fixes it: ISO 4217 code
                             # ("GBP"), "percent", "percentage_point", or a physical unit
                             # ("km", "mile", "tonne", "hectare", "mph", "degree", ...);
                             # None when the counted thing is a noun the normaliser must find
    kind: str = "cardinal"  # cardinal | multiplier ("doubling" = 2) | fraction ("half" = 0.5)
    vague: bool = False     # "tens of thousands", "hundreds", "dozens", "millions of pounds"
    per: str | None = None  # rate denominator: "£3billion per year" -> "year"


# Hedged figures ("about 200") are read as this share either side.
APPROX_SHARE = 0.10

# --- vocabularies ------------------------------------------------------------------------

_SMALL = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen".split())}
_TENS = {w: 10 * (i + 2) for i, w in enumerate(
    "twenty thirty forty fifty sixty seventy eighty ninety".split())}
_SCALES = {"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_MAGNITUDE = {"trillion": 1e12, "tn": 1e12, "billion": 1e9, "bn": 1e9, "b": 1e9,
              "million": 1e6, "mn": 1e6, "mln": 1e6, "m": 1e6, "mm": 1e6, "thousand": 1e3, "k": 1e3,
              "hundred": 100, "dozen": 12, "dozens": 12, "lakh": 1e5, "lakhs": 1e5,
              "crore": 1e7, "crores": 1e7, "t": 1e12, "trn": 1e12, "lakh crore": 1e12,
              "lakh crores": 1e12, "mil": 1e6, "hundred thousand": 1e5, "hundred million": 1e8,
              "hundred billion": 1e11}  # "t": the letter T, "$2.1T"
_CURRENCY_SIGN = {"£": "GBP", "$": "USD", "€": "EUR", "¥": "JPY", "₹": "INR", "us$": "USD",
                  "元": "CNY", "₩": "KRW", "₽": "RUB", "₺": "TRY", "₦": "NGN", "₱": "PHP",
                  "₨": "PKR", "ரூ": "LKR", "රු": "LKR",
                  "₫": "VND", "₡": "CRC", "₾": "GEL", "₭": "LAK", "₿": "BTC", "usd$": "USD",
                  "mex$": "MXN", "mxn$": "MXN", "aud$": "AUD", "cad$": "CAD", "nzd$": "NZD",
                  "a$": "AUD", "au$": "AUD", "c$": "CAD", "ca$": "CAD", "nz$": "NZD",
                  "hk$": "HKD", "s$": "SGD"}
# Letters some outlets write before the figure: "Rs 500 crore", "RMB 10bn", "KSh 2bn".
_CURRENCY_PREFIX = {"rs": "INR", "rs.": "INR", "rmb": "CNY", "ksh": "KES", "rm": "MYR",
                    "rp": "IDR", "r$": "BRL",
                    "y=": "JPY"}  # "Y=590 billion": the yen sign as wire copy types it
_ISO = ("USD", "GBP", "EUR", "JPY", "CHF", "CAD", "AUD", "INR", "CNY", "NZD", "HKD", "SGD",
        "SEK", "NOK", "DKK", "ZAR", "RUB", "BRL", "MXN", "KRW", "TRY", "PLN")
_CURRENCY_WORD = {
    "pound": "GBP", "pounds": "GBP", "sterling": "GBP", "pence": "GBP", "quid": "GBP",
    "dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR", "yen": "JPY",
    "yuan": "CNY", "renminbi": "CNY", "rupee": "INR", "rupees": "INR", "rouble": "RUB",
    "roubles": "RUB", "ruble": "RUB", "rubles": "RUB", "franc": "CHF", "francs": "CHF",
    "markka": "FIM", "won": "KRW", "rand": "ZAR", "peso": "MXN", "pesos": "MXN",
    "real": "BRL", "reais": "BRL", "krona": "SEK", "kronor": "SEK", "krone": "NOK",
    "kroner": "NOK", "lira": "TRY", "zloty": "PLN", "shekel": "ILS", "shekels": "ILS",
    "bitcoin": "BTC", "bitcoins": "BTC", "btc": "BTC",
    "cent": "USD", "cents": "USD", "penny": "GBP", "sen": "MYR", "ringgit": "MYR", "guilder": "NLG", "guilders": "NLG",
    "peseta": "ESP", "pesetas": "ESP", "rmb": "CNY", "marks": "DEM", "deutsche marks": "DEM",
    "satoshi": "BTC", "satoshis": "BTC",
}
# Subunits, and how many make the currency ("470 pence" = £4.70, "2 satoshis" = 2e-8 BTC).
_SUBUNIT = {"pence": 100, "penny": 100, "cent": 100, "cents": 100, "sen": 100,
            "satoshi": 1e8, "satoshis": 1e8}
_DOLLAR_NATION = {"us": "USD", "u.s.": "USD", "american": "USD", "canadian": "CAD",
                  "australian": "AUD", "new zealand": "NZD", "hong kong": "HKD",
                  "singapore": "SGD", "taiwan": "TWD", "zimbabwean": "ZWL"}
_PHYSICAL = [  # (pattern, normalised unit); longest spellings first
    (r"-?magnitude|in\s+magnitude|on\s+the\s+(?:Richter|moment\s+magnitude)\s+scale",
     "magnitude"),
    (r"square\s+(?:kilometres?|kilometers?)|sq\.?\s*km|km2|km²", "km2"),
    (r"square\s+miles?|sq\.?\s*miles?", "mile2"),
    (r"square\s+(?:metres?|meters?)|sq\.?\s*m\b|m2|m²", "m2"),
    (r"square\s+feet|sq\.?\s*ft", "ft2"),
    (r"cubic\s+(?:metres?|meters?)|m3|m³", "m3"), (r"cubic\s+feet|cu\.?\s*ft", "ft3"),
    (r"kilometres?\s+(?:per|an)\s+hour|kilometers?\s+(?:per|an)\s+hour|km/hr?|kmph|kph|kmh", "km/h"),
    (r"miles?\s+(?:per|an)\s+hour|mph", "mph"),
    (r"kilometres?|kilometers?|kms?", "km"), (r"miles?", "mile"),
    (r"centimetres?|centimeters?|cm", "cm"), (r"millimetres?|millimeters?|mm", "mm"),
    (r"metres?|meters?|m(?=\s*(?:x|×|by)\s*\d)|(?<=(?:x|×)\s\d\s)m|(?<=(?:x|×)\s\d\d\s)m|(?<=by\s\d\s)m|(?<=by\s\d\d\s)m", "m"),
    (r"(?<=\d)t(?=[\s,.;)]|$)", "tonne"), (r"feet|foot|ft", "ft"), (r"inches|inch|″|\"(?=\s*(?:long|tall|wide|high|deep|thick)\b)", "inch"),
    (r"yards?", "yard"), (r"nautical\s+miles?", "nautical_mile"),
    (r"tonnes?|metric\s+tons?", "tonne"), (r"tons?", "ton"),
    (r"micrograms?|microgrammes?|[µμ]g|mcg", "microgram"),
    (r"milligrams?|milligrammes?|mg", "mg"), (r"kilogrammes?|kilograms?|kilos?|kg", "kg"), (r"grammes?|grams?|g(?=\b)", "g"),
    (r"lbs?(?![- ]?ft\b)", "lb"), (r"ounces?|oz", "oz"),  # "lb-ft" is torque
    (r"hectares?|ha", "hectare"), (r"acres?", "acre"),
    (r"millilitres?|milliliters?|ml", "ml"), (r"litres?|liters?", "litre"), (r"gallons?", "gallon"),
    (r"tablespoons?|tbsps?", "tablespoon"), (r"teaspoons?|tsps?", "teaspoon"), (r"cups?", "cup"), (r"barrels?", "barrel"),
    (r"°\s?C|deg\.?\s?C|degrees?\s+(?:Celsius|centigrade|C)\b", "degree_celsius"),
    (r"°\s?F|deg\.?\s?F|degrees?\s+(?:Fahrenheit|F)\b", "degree_fahrenheit"),
    (r"degrees?", "degree"), (r"megawatts?|MW", "MW"), (r"gigawatts?|GW", "GW"),
    (r"kilowatts?|kW", "kW"), (r"kilowatt[- ]hours?|kWh", "kWh"),
    (r"bits?", "bit"), (r"terabytes?|TBs?", "TB"), (r"gigabytes?|GBs?", "GB"), (r"megabytes?|MBs?", "MB"),
    (r"kilobytes?|KBs?", "KB"),  # "8GBs": the plural news sometimes writes
    (r"megabits?\s+(?:per|a)\s+second|Mbps|Mb/s", "Mbps"),
    (r"gigabits?\s+(?:per|a)\s+second|Gbps|Gb/s", "Gbps"),
    (r"kilobits?\s+(?:per|a)\s+second|kbps|kb/s", "kbps"),
    (r"gigahertz|GHz", "GHz"), (r"megahertz|MHz", "MHz"), (r"kilohertz|kHz", "kHz"),
    (r"milliamp[- ]hours?|mAh", "mAh"), (r"horsepower|hp|bhp", "hp"),
    (r"pound[- ](?:feet|foot)|lb[- ]?ft|foot[- ]pounds?", "lb_ft"),
    (r"newton[- ]met(?:re|er)s?|Nm", "Nm"),
    (r"revolutions\s+(?:per|a)\s+minute|rpm", "rpm"),
    # Written out, these are the counted noun the normaliser finds; abbreviated, a unit.
    (r"(?<=\d)minutes?|mins?", "minute"), (r"(?<=\d)hours?|hrs?", "hour"),
    (r"(?<=\d)seconds?|secs?", "second"),
    (r"decimet(?:re|er)s?|dm", "dm"),
]
_MONTHS = (r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
           r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?")

# --- the master pattern ------------------------------------------------------------------

_NUMWORD = ("zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
            "fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|"
            "sixty|seventy|eighty|ninety|hundred|thousand|million|billion|trillion")
_WORDNUM = (rf"(?:(?:a|an|one)\s+(?:hundred|thousand|million|billion|dozen)|(?:a\s+)?(?:half|"
            rf"quarter|three\s+quarters?)(?:\s+of)?(?:\s+a)?\s+(?:million|billion|dozen)|a\s+dozen|"
            rf"(?:{_NUMWORD}))"
            # "and" joins number words only after a scale word ("one hundred and five"): "ten and
            # fifteen" is two figures, as in "between negative ten and fifteen".
            rf"(?:(?:(?:(?<=hundred)|(?<=thousand)|(?<=million)|(?<=billion)|(?<=trillion))"
            rf"\s+and\s+|\s+|-)(?:{_NUMWORD}))*(?:\s+dozens?)?")
_DIGITS = (r"\d*[½¼¾⅓⅔⅛](?!\d)|\d{1,2}(?:,\d\d)+,\d{3}(?:\.\d+)?(?![\d,])|\d{1,3}(?:,\d{3})+(?:\.\d+)?|"
           r"\d+(?:\.\d+)?(?:[eE][+-]?\d{1,3}(?![\w.])|\s?(?:×|x(?=\s?10\^))\s?10\^?[-−]?\d{1,3}(?![\d.]))?"
           r"|\.\d+")  # Indian grouping ("12,34,567") first; then "1.2e6", "1.99×10−30"
_CUR = (r"(?:(?:(?i:usd|mxn|mex|aud|cad|nzd)\$|(?i:us|hk|nz|au|ca|c)\s?\$|U\.S\.\s?\$|A\$|S\$|R\$|Y=|"
        r"[£$€¥₹₩₽₺₦₱₫₡₾₭₿₨]|ரூ|රු)\s?|\b(?:(?i:rmb|usd|eur|gbp)|Rs\.?|RM|Rp|KSh|Ksh|M?(?:" + "|".join(_ISO)
        + r"))\s?"
        # "dollar 22.5 million", "euro 3bn": a currency word before a figure with a magnitude.
        r"|\b(?i:dollars?|euros?|pounds?|yen|yuan|rupees?)\s(?=\d[\d.,]*\s?(?i:million|billion|trillion|"
        r"bn|mn|m)\b))")
_MAG_WORD = (r"(?:\s*|-)(?i:trillion|billion|million|thousand|hundred(?:\s+(?:thousand|million|"
             r"billion))?|dozens?|lakh\s+crores?|lakhs?|crores?|mln|mil|bn|trn|tn|mn)\b"
             r"|\sB(?=\s+[a-z])")  # "8 B people": a spaced capital B is billions
_MAG_LETTER = r"(?:bn|tn|mn|MM|m|k|b|M|K|B|BN|T)(?![A-Za-z0-9])"
# Unit abbreviations news writes straight after the digits ("200lbs", "7.62mm", "75ml").
_ATTACHED_UNITS = (r"(?:元|M?(?:USD|EUR|GBP|AUD|CAD|JPY|CHF)|lbs?|ml|mm|cm|dm|km|kms|kg|mg|g|t|ft|mph|"
                   r"kph|kmph|oz|(?i:mw|gw|kw|kwh)|ha|m²|km²|m2|km2|m3|°[CF]|[CF]|[KMGT]Bs?|[kMG]bps|"
                   r"[KMG]b/s|[kMG]?Hz|mAh|hp|bhp|Nm|lb-ft|rpm|mins?|hrs?|secs?|deg[CF])")
_VAGUE = (r"(?i:\b(?:tens|hundreds|dozens)\s+of\s+(?:thousands|millions|billions)\b|"
          r"\b(?:dozens|hundreds|thousands|millions|billions|scores)\b(?=\s+of\b|\s+(?:more|have|"
          r"had|were|are|who|died|fled|attended|marched|gathered|protested|took|joined)\b))")
_MULT = (r"(?i:\b(?:doubl(?:ed|ing|es)|tripl(?:ed|ing|es)|trebl(?:ed|ing|es)|quadrupl(?:ed|ing|es)"
         r"|halv(?:ed|ing|es)|double(?=\s+(?:the|its|their|to|from)\b)"
         r"|twice(?=\s+(?:as\s+(?:many|much|high|large|big|likely|fast)|the|that|what)\b)))")
_TIMES = rf"(?i:\b(?P<tn>\d+(?:\.\d+)?|{_NUMWORD})\s+times\s+(?:as\s+(?:many|much|high|large|big)|more|higher|larger|bigger|greater|the)\b)"
# "an eighth", "a sixth", "four-quarter" are also ordinals ("an eighth term") and compounds:
# those read as fractions only before "of".
_FRACTION = (r"(?i:\b(?:(?:two|three|one|a)[-\s](?:thirds?|quarters?|fifths?)\b(?!-)|(?:two|three|"
             r"four|five|one|a|an)[-\s](?:thirds?|quarters?|fifths?|sixths?|eighths?|tenths?)\b"
             r"(?=\s+of\b)|(?<=by\s)(?:a|an|one)[-\s](?:sixth|eighth|tenth)\b(?!-))"
             r"(?!\s+(?:of\s+)?(?:a\s+)?(?:million|billion|dozen))|\bhalf\b(?!\s+a\s+(?:million|billion|dozen))(?=\s+(?:of|the|"
             r"its|their|all|a\b|an\b|that)|\s*[,.;)])|(?<=than |most |arly |over |bout |ound )half\b"
             r"(?!\s+a\s+(?:million|billion|dozen)))")

# The words a figure can start with (number words, vague amounts, multipliers, currency
# letters): the scanner tries its alternatives only where a digit, a sign or one of these starts,
# and skips every other word of the text at once.
_START_WORDS = sorted({*_SMALL, *_TENS, "a", "an", "half", "quarter", "tens", "scores", "u",
                       "s", "c", "us", "hk", "nz", "au", "ca", "rmb", "rs", "ksh", "mex", "rm", "rp", "r", "y",
                       "dollar", "dollars", "euro", "euros", "pound", "pounds", "yen", "yuan",
                       "rupee", "rupees", *(code.lower() for code in _ISO),
                       *("m" + code.lower() for code in _ISO)}, key=len, reverse=True)
_START_STEMS = ("hundred", "thousand", "million", "billion", "trillion", "dozen", "doubl", "tripl",
                "trebl", "quadrupl", "halv", "twice")
_STARTS = (r"(?=[\d.£$€¥₹元₩₽₺₦₱₫₡₾₭₿₨½¼¾⅓⅔⅛]|ரூ|රු|(?i:(?:" + "|".join(_START_WORDS) + r")(?![a-z])|"
           + "|".join(_START_STEMS) + "))")
_MASTER = re.compile(
    rf"(?<!\w){_STARTS}(?:(?P<times>{_TIMES})|(?P<vague>{_VAGUE})|(?P<mult>{_MULT})|(?P<frac>{_FRACTION})|"
    rf"(?<![\w.,/:#@&\-^])(?P<cur>{_CUR})?(?:(?P<dfrac>\b[1-9]/(?:16|[2348])(?![\d/]))|(?P<dig>{_DIGITS})|(?P<word>(?i:\b{_WORDNUM}\b)))"
    rf"(?P<mag>{_MAG_WORD}|{_MAG_LETTER}|p(?![A-Za-z0-9]))?(?![.,]\d|/\d|:\d)"
    rf"(?!(?!{_ATTACHED_UNITS}\b)\w))"
)
# The second end of a range ("10-20", "£1.5bn-£2bn") follows a dash, so no lookbehind.
_CORE = re.compile(
    rf"(?P<cur>{_CUR})?(?:(?P<dig>{_DIGITS})|(?P<word>(?i:\b{_WORDNUM}\b)))"
    rf"(?P<mag>{_MAG_WORD}|{_MAG_LETTER}|p(?![A-Za-z0-9]))?(?![.,]\d|/\d|:\d)"
    rf"(?!(?!{_ATTACHED_UNITS}\b)\w)")
# Things that look like numbers but are not claims; masked before the scan.
# Web addresses: masked only in texts that hold "://", "www." or "@" (a cheap test first).
_MASK_WEB = re.compile(r"https?://\S+|www\.\S+|[^\s@]+@\S+\.\w+")
# Every alternative below starts with a digit, a capital (postcodes), "+" or "(": the lookahead
# lets the scanner skip all other positions at once.
_MASK = re.compile(
    r"(?=[\d+(]|(?-i:[A-Z]))(?:"
    r"(?<!\d)(?:\+\d{1,3}[\s-]?)?\(?0\d{2,4}\)?[\s-]\d{3,4}[\s-]?\d{3,4}(?!\d)|"  # phone
    r"\+\d{1,3}[\s-]\d{2,4}[\s-]\d{3,4}[\s/-]\d{3,4}(?!\d)|"
    r"\b\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?|GMT|BST|CET|EST|ET|PT|UTC|hrs)\b|"  # times
    r"\b\d{1,2}:\d{2}(?::\d{2})?\b|\b[0-2]\d[0-5]\d\s?hrs\b|\b\d{1,2}\s*(?:[ap]\.m\.|[ap]m)(?![a-z])|"
    r"\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b|"               # dates in digits
    r"\b[A-Z]{1,4}\d{1,2}[A-Z]?\s\d[A-Z]{2}\b|"                         # UK postcodes
    r"\b\d+(?:st|nd|rd|th)\b|"                                          # ordinals
    r"\b\d+\s+/\s+\d+\b|"                                                # "41 / 2" (a broken ½)
    r"\b\d{1,3}-\d{1,3}\s+(?:[a-z]+\s+)?(?:wins?|loss(?:es)?|victor(?:y|ies)|defeats?|rout|"
    r"triumph|upset|draw|tie)\b|"                                     # a game's score
    r"\b(?:19|20)\d{2}s\b|\b(?:19|20)\d{2}[/–-]\d{2,4}\b)",             # decades, 2023/24
    re.IGNORECASE)

_HEDGE_BEFORE = re.compile(
    r"(?i)(?:\b(?P<lower>more\s+than|over|at\s+least|in\s+excess\s+of|upwards\s+of|north\s+of|"
    r"well\s+over|just\s+over|a\s+minimum\s+of|no\s+fewer\s+than|no\s+less\s+than|above|"
    r"exceed(?:s|ed|ing)?|surpass(?:es|ed|ing)?|tops|topped|topping|at\s+least\s+or\s+equal\s+to|"
    r"(?:(?:soar|climb|jump|ris|rose|push|mov|edg|surg|creep|crept|rocket|go|went|gone|"
    r"shot|shoot|leap|leapt)[a-z]*\s+)past|"
    r"greater\s+than(?:\s+or\s+equal\s+to)?|larger\s+than|bigger\s+than|higher\s+than|"
    r"(?:larger|bigger|higher|greater|more)\s+or\s+equal\s+(?:than|to)|not\s+less\s+than)|\b(?P<upper>almost|nearly|up\s+to|as\s+many\s+as|as\s+much\s+as|"
    r"fewer\s+than|less\s+than|under|below|just\s+under|no\s+more\s+than|at\s+most|a\s+maximum\s+"
    r"of|not\s+quite|shy\s+of|just\s+shy\s+of|smaller\s+than|lower\s+than|less\s+than\s+or\s+"
    r"equal\s+to|(?:smaller|lower|less)\s+or\s+equal\s+(?:than|to)|not\s+more\s+than)|\b(?P<approx>about|around|some|approximately|approx\."
    r"|roughly|an\s+estimated|estimated|close\s+to|circa|c\.|more\s+or\s+less|in\s+the\s+region\s+"
    r"of|getting\s+on\s+for)|(?P<tilde>~)|(?P<lower_sign>(?<![<=])>\s?=?|≥)|(?P<upper_sign>(?<![=])<(?!>)\s?=?|≤))\s*$")
_MOVED_UP_TO = re.compile(r"(?i)\b(?:go|goes|going|gone|went|move[sd]?|moving|climb(?:s|ed|ing)?|"
                          r"jump(?:s|ed|ing)?|shoot|shot|shoots|ris(?:e|es|ing)|rose|risen|"
                          r"edg(?:e|es|ed|ing)|inch(?:es|ed|ing)?|creep(?:s|ing)?|crept|"
                          r"tick(?:s|ed|ing)?|push(?:es|ed|ing)?|revis(?:e|es|ed|ing)|"
                          r"mark(?:s|ed|ing)?|scal(?:e|es|ed|ing)|ratchet(?:s|ed|ing)?)\s+"
                          r"up\s+to\s*$"
                          # ("revised the rate for October to December up to 5.1 per cent": a
                          # verb's object may come between, but "up to" right after "for" is a
                          # bound: "raised money for up to 500 families")
                          r"|\b(?:revis(?:e|es|ed|ing)|push(?:es|ed|ing)?|mark(?:s|ed|ing)?|"
                          r"scal(?:e|es|ed|ing)|ratchet(?:s|ed|ing)?)\s+"
                          r"(?:[\w'’-]+\s+){0,5}(?!(?:for|of|by|with|among)\s)[\w'’-]+\s+"
                          r"up\s+to\s*$")
_BETWEEN = re.compile(r"(?i)\b(?:between|from)\s*$")
_CHANGE_FROM = re.compile(
    r"(?i)\b(?:rose|rise|rising|risen|fell|fall|falling|fallen|increased?|increasing|decreased?|"
    r"decreasing|grew|grow|growing|dropped|drop|dropping|jumped|climbed|surged|soared|slumped|"
    r"plunged|declined?|declining|cut|reduced?|raised?|went|gone|up|down|moved?|changed?|"
    r"upgrad(?:e|es|ed|ing)|downgrad(?:e|es|ed|ing)|revis(?:e|es|ed|ing)|lift(?:s|ed|ing)?|"
    r"by)\b[^.;]{0,40}$")
# "-\s*to": a suspended hyphen, "a 10- to 15-year sentence" (or "an 8-to 12-week-old").
_RANGE_SEP = re.compile(r"\s*(?:-\s*to\b|-|–|—|−|~|to|and|through|thru)\s*")
_AFTER_PERCENT = re.compile(
    r"\s?(?:(?P<pp>percentage[- ]points?|pc\s?pts?|ppts?)|(?P<bp>basis[- ]points?|bps?\b)|%|"
    r"(?i:per\s?cents?|percents?|pct|percentage(?!\s*points?))\b)")
# "or more than 4500" starts a second figure; "200 or greater" ends this one.
_AFTER_POST_HEDGE = re.compile(r"(?i)\s*(?:(?P<lower>or\s+more|or\s+over|and\s+over|and\s+above|"
                               r"-?plus\b|\+|and\s+more|and\s+up|or\s+above|or\s+greater|"
                               r"or\s+higher)|(?P<upper>or\s+fewer|or\s+less|or\s+under|or\s+lower)|"
                               r"(?P<approx>or\s+so))(?!\s+than\s+\S)")
_AFTER_CURRENCY = re.compile(
    r"(?i)(?:\s+(?:of\s+)?|-(?!won|real|rand|marks?\b))(?P<nation>us|u\.s\.|american|canadian|australian|new\s+zealand|hong\s+"
    r"kong|singapore|taiwan|zimbabwean|swiss|dutch|[a-z]+(?:ish|ian|ese|can))?\s*(?P<word>" + "|".join(sorted(_CURRENCY_WORD, key=len,
                                                                        reverse=True))
    + r")\b(?![- ](?:feet|foot)\b)(?:\s+sterling)?")
_AFTER_SIGN = re.compile(r"\s?([£$€¥₹元₩₽₺₦₱₫₡₾₭₿₨]|ரூ|රු)(?![\w$£€])")
_AFTER_ISO = re.compile(r"\s?(?P<mega>M)?(?P<iso>" + "|".join(_ISO)
                        + r"|(?i:usd|eur|gbp|jpy|cny|aud|cad|chf|inr))\b(?P<mag>\s+(?:million|"
                        r"billion|thousand)\b)?")
_AFTER_PHYSICAL = re.compile(
    r"[\s-]?(?P<open>[(\[{<]\s?)?(?:" + "|".join(f"(?P<u{i}>{p})" for i, (p, _) in enumerate(_PHYSICAL))
    + r")(?(open)\s?[)\]}>])(?![A-Za-z0-9])",
    re.IGNORECASE)
# "£11.44 an hour", "£35,000-a-year", "$80 a barrel", "$12 a share": a rate, and what it is per.
_AFTER_PER = re.compile(r"(?i)[\s-]*(?:per|an?|each|every|/)[\s-]*(?P<per>year|annum|yr|month|"
                        r"week|day|night|hour|hr|minute|second|gallon|litre|liter|barrel|pint|"
                        r"kilo|kg|tonne|ton|ounce|oz|head|person|share|mile)\b"
                        # ("£4m a year earlier": a time back, no rate)
                        r"(?!\s+(?:earlier|ago|before|later|previously)\b)")
_DATE_BEFORE = re.compile(rf"(?i)\b(?:{_MONTHS})\.?\s*$")
_DATE_AFTER = re.compile(rf"(?i)^(?:st|nd|rd|th)?\s*(?:of\s+)?(?:{_MONTHS})\b")
_ID_BEFORE = re.compile(
    r"(?i)\b(?:page|pages|pp?\.|image|images|photo|photos|picture|slide|chapter|section|clause|"
    r"article|paragraph|no\.|nos\.|number|episode|season|round|stage|level|grade|category|tier|"
    r"zone|platform|gate|room|flat|apartment|route|bus|flight|channel|vol\.?|volume|issue|item|"
    r"rule|version|model|figure|fig\.|table|appendix|annex|district|ward|precinct|junction|exit|"
    r"interstate|highway|lot|box|suite|bill|resolution|proposition|amendment|case|building|block|row|seat|pier|terminal|part|act|verse|"
    r"week|day|game|match|race|leg|heat|lane|track|number|studio|floor|bay|cell|code|step|"
    r"phase|wave|type|class|band|grid|sector|area|region|division|league|formula|world\s+war)"
    r"\s*#?\s*$")
_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+")
_NEGATIVE_BEFORE = re.compile(r"(?:\bminus[\s-]+|\bnegative[\s-]+|−)$", re.IGNORECASE)
_CENTS_NUMBER = (r"\d{1,2}|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|"
                 r"three|four|five|six|seven|eight|nine)\b)?|one|two|three|four|five|six|seven|eight|"
                 r"nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|"
                 r"nineteen")
# The subunit after a whole amount: "3 dollars and 50 cents", "10 $ 30 cent".
_CENTS_NAMED = re.compile(rf"(?i)\s+(?:and\s+)?({_CENTS_NUMBER})\s*(?:cents?|pence|p)\b")
# Without its name ("thirteen dollars forty-five", "17 USD 25", "one dollar and one"), only
# where the number counts nothing of its own: at the end of a clause or before a word that
# joins or compares ("15 USD 50 more"), never before a noun ("$5 and 50 people").
_CENTS_UNNAMED = re.compile(rf"(?i)\s+(and\s+)?({_CENTS_NUMBER})"
                            r"(?=\s*[.,;!?)]|\s*$|\s+(?:and|or|but|more|less)\b)")
# "between 10 dollars and 20": the "and" closes the range; it does not join a subunit.
_OPEN_BETWEEN = re.compile(r"(?i)\bbetween\b(?!.*\band\b)[^.;]*$")
# Spoken amounts complete a whole of a few units; "2 million dollars and 50" is no price.
_MAX_SPOKEN_WHOLE = 1000
_SIGN_BEFORE_NEXT = re.compile(r"\s?\d[\d,.]*+(?!\s?[£$€¥₹元₩₽₺₦₱₫₡₾₭₿₨])")
_SMALLER_TIME = {
    "hour": re.compile(r"\s*(?:and\s+)?(\d{1,2})\s*(?:minutes?|mins?)\b", re.IGNORECASE),
    "minute": re.compile(r"\s*(?:and\s+)?(\d{1,2})\s*(?:seconds?|secs?)\b", re.IGNORECASE),
}
_INCHES_AFTER = re.compile(r"\s+(?:and\s+)?(\d{1,2}(?:\.\d+)?)\s*(?:inches|inch|in\b|\")")
_WEIGHT_BEFORE = re.compile(r"(?i)\b(?:(?:foot|feet)-\d{1,2}|"  # "5-foot-8, 135 pounds"
                            r"weigh|weighs|weighed|weighing|weight|lose|lost|losing|drop|"
                            r"dropped|gain|gained|heavy|heavier|lighter|baby|babies|newborn|born|"
                            r"tons?|tonnes?|kilos?|kilograms?|kg|ounces?|oz)\b(?:[^.;£$€]|\.\d){0,40}$")
_MONEY_VERB = re.compile(r"(?i)\b(?:cost|costs|costing|paid|pay|pays|paying|worth|price|priced|"
                         r"spen[dt]|spending|fund\w*|budget|sell|sold|bought|buy|fined?|charged?|"
                         r"raised?|earn\w*|wages?|salary|bill|revenues?|income|profits?|debts?|tax\w*)\b")
# "10 pounds of cocaine", "two pounds of beef": a weight of some stuff, not money.
_WEIGHT_AFTER = re.compile(r"(?i)\s+of\s+(?:[a-z]+\s+)?(?:cocaine|heroin|meth\w*|marijuana|cannabis|"
                           r"drugs?|explosives?|meat|beef|pork|chicken|fish|food|sugar|flour|butter|"
                           r"cheese|potatoes|rice|fruit|muscle|fat|body\s+weight|weight|trash|"
                           r"garbage|waste|plastic|ice|gold|silver|metal|steel|fertili[sz]er)\b")
_PERCENT_OF_BEFORE = re.compile(
    rf"(?i)(?:^|[^\w\s%]\s*|\b(?!(?:{_NUMWORD})\b)[a-z]+\s+)(?P<word>per\s?cents?|percents?)\s+of\s+$")
_CLAUSE_END = re.compile(r"\s*(?:[.,;!?)]|$)")
_MIXED_FRACTION = re.compile(r"\s+(\d)/(\d{1,2})(?![\d/])")
_LENGTH_AFTER = re.compile(r"\s+(?:tall|high|long|wide|deep|away|above|below|across|sprint|"
                           r"race|wall|fence|drop|in\s+(?:height|length|diameter|depth))\b")
# "falling about 60m from a ridge", "fell 200m down a gully": a bare "m" after a fall or a
# climb, before a direction, is metres.
_DIRECTION_AFTER = re.compile(r"\s+(?:from|down|up|into|onto|off|to\s+(?:the|a|his|her|their)\b|"
                              r"over|along|through|below|beneath)\b")
_FALL_BEFORE = re.compile(r"(?i)\b(?:fell|fall|falls|falling|fallen|plunged|plunging|plummet\w*|"
                          r"tumbl\w+|slid|slipped|sliding|climb\w*|descend\w*|swept|hurled|"
                          r"thrown|dropped|dropping)\b[^.;]{0,30}$")
_ID_AFTER = re.compile(r"(?i)^[\s-]*(?:caliber|calibre|gauge)\b")
_MAGNITUDE_BEFORE = re.compile(r"(?i)\bmagnitude[\s-]*(?:of\s+)?$")
_STREET_AFTER = re.compile(r"^\s+(?:[A-Z][a-z]+\s+){1,3}(?:Street|St|Road|Rd|Avenue|Ave|Lane|"
                           r"Drive|Place|Square|Way|Boulevard|Blvd|Terrace|Close|Crescent|Court)\b")
# Who a comma-less "2000" counts when it is a count, not a year ("2000 people marched").
_PEOPLE_AFTER = re.compile(r"\s+(?:people|men|women|children|residents|troops|soldiers|workers|"
                           r"students|protesters|migrants|refugees|families|homes|houses|"
                           r"passengers|patients|victims|police|officers|staff)\b")
_ODDS = re.compile(r"(?:\s+|-)(?:in|out\s+of)(?:\s+every)?(?:\s+|-)(?=\d|(?i:one|two|three|four|five|six|"
                   r"seven|eight|nine|ten|a\s+hundred|a\s+thousand)\b)")
# A model or code: "AK 47", "F 16", "A 380" (letters, then the number, then a name or nothing).
_MODEL_BEFORE = re.compile(r"\b[A-Z]{1,4}[- ]$")
_MODEL_AFTER = re.compile(r"^(?:\s+[A-Z]|\s*[,.;:)]|\s*$)")
_MODEL_CODE_BEFORE = re.compile(r"\b[A-Z]{2,4} $")  # "AK 47 rifles": a code, whatever follows
# ... but a party's tally after its initials: "gives the LNP 33 seats", "the SNP 9 per cent".
_TALLY_AFTER = re.compile(r"\s+(?:seats|votes|MPs|MSPs|TDs|councillors|senators|per\s+cent|"
                          r"percent)\b|%")
_VERSION_BEFORE = re.compile(r"\b[A-Z][A-Za-z]+\s$")
_VERSION_AFTER = re.compile(r"(?:\s*(?:[,;:)]|\.(?:\s|$))|\s+(?:to|and|or|is|was|as|in|for|via|"
                            r"users?|release|update)\b|\s*$)")
# A name with a number in it: "the S&P 500", "the Euro Stoxx 50", "an iPhone 14", "BlackBerry
# 10": a word with "&" or an inner capital, or a capitalised name after a determiner, then the
# number with no unit.
_NAME_BEFORE = re.compile(
    r"(?:\b[A-Za-z]+&[A-Za-z]+|\b(?!Mc|Mac)[a-z]{0,2}[A-Z]?[a-z]+[A-Z][A-Za-z]*|"
    r"(?P<det>\b(?i:the|a|an|its|their|his|her|new)\s+(?:[A-Z][\w&]*\s+){0,2}[A-Z][\w&]*))\s$")
# A plural name ("the Liberal Democrats") and a figure that a list goes on from.
_GAPPED = re.compile(r"[A-Z][a-z]{2,}s\s$")
_LIST_AFTER = re.compile(r"\s*(?:[,;]|and\b|$)")
# "told the Guardian 41 bodies": after a plain name, a plural noun says the number counts.
_PLURAL_AFTER = re.compile(r"\s+(?!(?:was|has|does|says|is)\b)[a-z]{3,}s\b")
_COUNTED_AFTER = re.compile(r"\s+(?:years?|months?|weeks?|days?|hours?|minutes?|times?|more|"
                            r"of\b)", re.IGNORECASE)


def _in_a_name(text: str, m: re.Match, dig: str, before: str, after: str) -> bool:
    """Whether a whole number is part of a name ("the S&P 500 fell", "an iPhone 14")."""
    if "," in dig or "." in dig or not (name := _NAME_BEFORE.search(before)):
        return False
    end = m.end()
    if name.group("det") and (_PLURAL_AFTER.match(after) or _GAPPED.search(name.group())
                              and _LIST_AFTER.match(after)):
        # "the Conservatives 121, the Liberal Democrats 71 and ...": a list that leaves out
        # the noun said once ("411 seats"), not a name with a number in it
        return False
    return not (_PEOPLE_AFTER.match(after) or _COUNTED_AFTER.match(after)
                or _AFTER_PERCENT.match(text, end) or _AFTER_PHYSICAL.match(text, end)
                or _AFTER_CURRENCY.match(text, end))


_SCORE_CONTEXT = re.compile(r"(?i)\b(?:won|win|wins|beat|beats|lost|lose|loses|drew|draw|"
                            r"defeat|defeated|victory|score|scored|lead|led|trail|trailing)\b")

_DIGIT = re.compile(r"[\d½¼¾⅓⅔⅛]")
# Word stems every non-digit figure contains; a text with none of them (and no digit) holds no
# figure, and a substring test is far cheaper than the scanner.
_NUMBER_STEMS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                 "eleven", "twelve", "teen", "twenty", "thirty", "forty", "fifty", "sixty",
                 "seventy", "eighty", "ninety", "hundred", "thousand", "million", "billion",
                 "trillion", "dozen", "half", "third", "quarter", "fifth", "doubl", "tripl",
                 "trebl", "quadrupl", "halv", "twice", "score", "zero")


def _may_hold_number(text: str) -> bool:
    """Cheap pre-check: a digit or a number word stem somewhere in the text."""
    if _DIGIT.search(text):
        return True
    low = text.lower()  # substring tests on lower case: far cheaper than a (?i) regex
    return any(stem in low for stem in _NUMBER_STEMS)
_VULGAR = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3, "⅛": 0.125}
_MAX_VALUE = 1e30  # anything larger is an id, a code or noise, not a figure in news


# --- small parsers -----------------------------------------------------------------------

def _words_value(s: str) -> float | None:
    """Value of number words: "one hundred and twenty" -> 120; None if not a number."""
    total, current, seen = 0.0, 0.0, False
    tokens = re.split(r"[\s-]+", s.lower().strip())
    for i, tok in enumerate(tokens):
        if tok in ("and", "of", ""):  # "one hundred and five", "a quarter of a million"
            continue
        if tok in ("a", "an"):
            current = current or 1.0
            seen = True
        elif tok == "half":
            current = 0.5
            seen = True
        elif tok in ("quarter", "quarters"):
            current = (current or 1) * 0.25
            seen = True
        elif tok in _SMALL:
            current += _SMALL[tok]
            seen = True
        elif tok in _TENS:
            current += _TENS[tok]
            seen = True
        elif tok in ("dozen", "dozens"):
            current = (current or 1) * 12
            seen = True
        elif tok == "hundred":
            current = (current or 1) * 100
            seen = True
        elif tok in _SCALES:
            total += (current or 1) * _SCALES[tok]
            current = 0.0
            seen = True
        else:
            return None
    return total + current if seen else None


def parse_number(s: str) -> float | None:
    """Read one number written as news writes it; None if it is not one.

    >>> parse_number("1,234"), parse_number("2.5bn"), parse_number("five"), parse_number("£240m")
    (1234.0, 2500000000.0, 5.0, 240000000.0)
    >>> parse_number("one hundred and twenty"), parse_number("2.316 million")
    (120.0, 2316000.0)
    >>> parse_number("foo") is None, parse_number("") is None
    (True, True)
    """
    qs = find_quantities(s.strip())
    if len(qs) == 1 and qs[0].kind == "cardinal":
        return qs[0].value
    return None


_TIMES_TEN = re.compile(r"\s?(?:×|x)\s?10\^?")


def _digits_value(digits: str) -> float | None:
    """Value of digits without separators, in scientific notation too.

    >>> _digits_value("1.2e6"), _digits_value("1.99×10−30"), _digits_value("3 x 10^8")
    (1200000.0, 1.99e-30, 300000000.0)
    """
    mantissa, _, exponent = _TIMES_TEN.sub("e", digits).replace("−", "-").partition("e")
    try:
        value = float(mantissa)
        if exponent:
            power = int(exponent.replace("E", ""))
            value = float(f"{mantissa}e{power}") if abs(power) <= 300 else math.inf
    except ValueError:
        return None
    return value


def _core_value(m: re.Match) -> float | None:
    """Value of a master-pattern core (digits or words, times the magnitude)."""
    if m.groupdict().get("dfrac"):
        num, den = m.group("dfrac").split("/")
        return int(num) / int(den)
    if m.group("dig") is not None:
        digits = m.group("dig").replace(",", "")
        if digits[-1:] in _VULGAR:
            # "2½", "¾": a whole number and a vulgar fraction.
            return float(digits[:-1] or 0) + _VULGAR[digits[-1]]
        if len(digits.split(".")[0]) > 30:
            return None
        value = _digits_value(digits)
        if value is None:
            return None
    else:
        value = _words_value(m.group("word"))
        if value is None:
            return None
    mag = m.group("mag")
    if mag:
        key = re.sub(r"\s+", " ", mag.strip(" \t\n-").lower())
        if key == "p":
            return value / 100.0
        value *= _MAGNITUDE.get(key, 1.0)
    if not math.isfinite(value) or value > _MAX_VALUE:
        return None
    return value


def _cents(words: str) -> float:
    """ "45" or "forty-five" cents as a share of the whole unit."""
    n = float(words) if words.isdigit() else _words_value(words) or 0.0
    return n / 100.0


# "MSEK 120", "MUSD 5": Nordic company reports write millions as an M before the code.
_MEGA_ISO = re.compile("M(?:" + "|".join(_ISO) + ")")


def _currency_of(cur: str | None) -> str | None:
    if not cur:
        return None
    c = cur.strip().lower().replace("u.s.", "us").replace(" ", "")
    if _MEGA_ISO.fullmatch(cur.strip()):
        return cur.strip()[1:]
    if c in _CURRENCY_WORD:
        return _CURRENCY_WORD[c]
    if c in _CURRENCY_SIGN:
        return _CURRENCY_SIGN[c]
    if c in _CURRENCY_PREFIX:
        return _CURRENCY_PREFIX[c]
    return cur.strip().upper() if cur.strip().upper() in _ISO else None


# --- the scanner -------------------------------------------------------------------------

def _is_not_a_claim(text: str, m: re.Match, value: float) -> bool:
    """Years, dates, ids, street numbers, list markers: digits that are not figures."""
    if m.group("cur") or m.group("mag"):
        return False
    start, end = m.start(), m.end()
    before = text[max(0, start - 24):start]
    after = text[end:end + 40]
    dig = m.group("dig")
    if dig is not None:
        if len(dig) > 1 and dig[0] == "0" and "." not in dig[:2]:
            return True  # "007", "02": codes
        if (len(dig) == 4 and dig.isdigit() and 1800 <= value <= 2100
                and (re.search(r"(?i)\b(?:in|constant)\s+$", before)  # "in 2006 dollars"
                     or not (_AFTER_PERCENT.match(text, end) or _AFTER_PHYSICAL.match(text, end)
                             or _AFTER_CURRENCY.match(text, end)
                             or _PEOPLE_AFTER.match(after)))):
            # A year: "in July 2016", "the 2004 tsunami", "several 2020 presidential
            # candidates". News writes a count this size with a comma ("2,020 people").
            return True
        if _DATE_BEFORE.search(before) and value <= 31 and "." not in dig:
            return True  # "November 2"
        if _DATE_AFTER.match(after.lstrip() if after[:1] == " " else after) and value <= 31:
            return True  # "2 November"
        if (_ID_BEFORE.search(before) and not _GROUPED.fullmatch(dig)) or _ID_AFTER.match(after):
            # (a figure grouped in thousands is no label: "Across the region 58,000 people")
            return True
        if (len(dig) == 4 and dig.isdigit() and re.search(r"(?i)\bat\s+$", before)
                and int(dig[:2]) <= 23 and int(dig[2:]) <= 59):
            return True  # "struck at 1353": a 24-hour time
        if "," not in dig and "." not in dig and (
                (_MODEL_BEFORE.search(before) and _MODEL_AFTER.match(after))
                or (_MODEL_CODE_BEFORE.search(before) and before.rstrip()[-3:].strip() not in _ISO
                    and not _TALLY_AFTER.match(after))):
            return True
        if "." in dig and _VERSION_BEFORE.search(before) and _VERSION_AFTER.match(after):
            return True  # "Firefox 3.05": a version
        if _in_a_name(text, m, dig, before, after):
            return True
        if _STREET_AFTER.match(after):
            return True
        line_start = text.rfind("\n", 0, start) + 1
        if not text[line_start:start].strip() and re.match(r"[.)]\s", after):
            return True  # "1. " list marker
    else:
        word = m.group("word").lower()
        if (_AFTER_CURRENCY.match(text, end) or _AFTER_PERCENT.match(text, end)
                or _AFTER_PHYSICAL.match(text, end)):
            return False  # "one penny", "a one-yen bid", "one per cent", "one mile"
        if word in ("one", "zero", "a dozen") and not re.match(r"\s+(?:[a-z]+\s+)?[a-z]+s\b",
                                                               after):
            return word != "a dozen"
        if word == "one":
            return True  # "one of the", "no one": rarely a figure, often noise
        if _DATE_AFTER.match(after.lstrip()):
            return True
    return False


def _interval(value: float, bound: str) -> tuple[float | None, float | None]:
    if bound == "lower":
        return value, None
    if bound == "upper":
        return None, value
    if bound == "approx":
        ends = (value * (1 - APPROX_SHARE), value * (1 + APPROX_SHARE))
        return min(ends), max(ends)
    return value, value


# "several hundred", "a few thousand": vague, from twice to ten times the scale word.
_FEW_BEFORE = re.compile(r"(?i)\b(?:several|a\s+few|a\s+couple\s+of|some\s+few)\s+$")
_BARE_SCALE = {"hundred": 100.0, "thousand": 1e3, "million": 1e6, "billion": 1e9}
# "two and a half years", "one and a half million", "five and a quarter", "three and two
# thirds": the part belongs to the figure.
_DENOMINATORS = {"half": 2, "halves": 2, "third": 3, "quarter": 4, "fourth": 4, "fifth": 5,
                 "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
                 "hundredth": 100, "thousandth": 1000}
_AND_A_HALF = re.compile(
    rf"(?i)\s+and\s+(?P<part>(?P<num>a|an|{_CENTS_NUMBER})[\s-]+"
    r"(?P<den>halves|half|thirds?|quarters?|fourths?|fifths?|sixths?|sevenths?|eighths?|ninths?"
    r"|tenths?|hundredths?|thousandths?))"
    r"\b(?:\s+(?P<mag>million|billion|trillion|thousand)\b)?")
# "30C", "86F", "-5 C": a bare letter is a temperature only where the sentence speaks of one.
_TEMP_LETTER = re.compile(r"\s?(?P<scale>[CF])(?![\w°])")
_TEMP_CONTEXT = re.compile(
    r"(?i)\b(?:temperatures?|degrees?|heat(?:wave)?|hot(?:ter|test)?|cold(?:er|est)?|"
    r"warm(?:er|est)?|cool(?:er|est)?|chill(?:y)?|freez(?:ing|e)|frost|thermometers?|mercury|"
    r"highs?|lows?|celsius|fahrenheit|weather|forecast|met\s+office)\b")
_TEMP_UNITS = {"C": "degree_celsius", "F": "degree_fahrenheit"}


def _temperature_talk(scan: str, start: int) -> bool:
    """Whether the words around a figure speak of temperature ("highs of 30C")."""
    return bool(_TEMP_CONTEXT.search(scan, max(0, start - 80), start + 40))


# A reading to a tenth of a degree, the letter straight after it ("reached 40.7C, the Met Office
# said"), is a temperature whatever the words around it (a code is "12C", not "40.7C"; nor is
# a code hedged, "nearly 41C").
_DECIMAL_READING = re.compile(r"-?\d{1,2}\.\d[CF]")


def _decimal_reading(scan: str, m: re.Match, pos: int) -> bool:
    """The figure is a reading to a tenth of a degree, the letter written straight after it,
    or is hedged ("hit nearly 41C": no code is hedged)."""
    return bool(_DECIMAL_READING.fullmatch(scan, m.start(), pos + 1)
                or scan[pos:pos + 1] in ("C", "F")
                and _HEDGE_BEFORE.search(scan, max(0, m.start() - 30), m.start()))


_VAGUE_RANGES = {"tens of thousands": (1e4, 1e5), "hundreds of thousands": (1e5, 1e6),
                 "tens of millions": (1e7, 1e8), "hundreds of millions": (1e8, 1e9),
                 "tens of billions": (1e10, 1e11), "hundreds of billions": (1e11, 1e12),
                 "dozens of thousands": (2.4e4, 1.44e5), "dozens": (24, 144),
                 "hundreds": (100, 1000), "thousands": (1e3, 1e4), "millions": (1e6, 1e9),
                 "billions": (1e9, 1e12), "scores": (40, 100)}
_MULTIPLIERS = {"doubl": 2.0, "twice": 2.0, "tripl": 3.0, "trebl": 3.0, "quadrupl": 4.0,
                "halv": 0.5}
# "a third" is a share before "of"/"as" or after "by"/"than" ("cut by nearly a third"); elsewhere
# it counts ("a third straight night", "wounding a third").
_SHARE_AFTER = re.compile(r"\s+(?:of|as)\b")
_SHARE_BEFORE = re.compile(r"(?i)\b(?:by|than)\s+(?:(?:nearly|almost|about|roughly|around|some|"
                           r"over|under|just|more\s+than|less\s+than)\s+)?$")
_FRACTIONS = {"half": 0.5, "third": 1 / 3, "quarter": 0.25, "fifth": 0.2, "sixth": 1 / 6,
              "eighth": 0.125, "tenth": 0.1}


# "a 6-foot, 200-pound black male", "a 500-pound bomb": a hyphenated pound describing a thing
# weighs it; money written so names what it pays ("a 50-pound fine", "a 20-pound note").
_ONE_DECIMAL_POUNDS = re.compile(r"(?<![\d.,])\d+\.\d\s*pounds?$", re.IGNORECASE)
_POUND_COMPOUND = re.compile(r"(?<=\d)-pounds?$", re.IGNORECASE)
_MONEY_NOUN_AFTER = re.compile(r"(?i)\s+(?:[a-z]+\s+)?(?:fines?|notes?|coins?|bills?|fees?|"
                               r"charges?|prizes?|tickets?|vouchers?|bonus(?:es)?|payments?|"
                               r"deals?|contracts?|budgets?|loans?|grants?|rewards?|bets?|sums?|"
                               r"salar(?:y|ies)|wages?|pensions?|rent|subsid(?:y|ies)|tax)\b")


def _weighs(text: str, pos: int) -> bool:
    """Whether "pounds" ending at ``pos`` is a weight: a weighing word before it with no word of
    money in between, "of" and some stuff after it, or a hyphenated "200-pound" before a
    noun that is not a payment."""
    if _WEIGHT_AFTER.match(text, pos):
        return True
    if _POUND_COMPOUND.search(text, max(0, pos - 8), pos) and not _MONEY_NOUN_AFTER.match(
            text, pos):
        return True
    if _ONE_DECIMAL_POUNDS.search(text, max(0, pos - 20), pos):
        return True  # "6.6 pounds": money has no tenths ("£6.60")
    w = _WEIGHT_BEFORE.search(text, max(0, pos - 60), pos)
    return bool(w) and not _MONEY_VERB.search(text, w.start(), pos)


def _suffix(text: str, pos: int, value: float, currency: str | None, has_mag: bool
            ) -> tuple[int, float, str | None, str | None, str | None]:
    """Read what follows a core: percent, currency word, unit, rate.

    Returns (end, value, unit, per, post_hedge).
    """
    unit = currency
    if currency:
        value, pos = _with_cents(text, pos, value, unnamed="and-word")
    else:
        unit, value, pos = _unit_after(text, pos, value, has_mag)
    if unit == "ft":
        inches = _INCHES_AFTER.match(text, pos)
        if inches:
            # "5 feet 2 inches", "12 ft 2 in": one length, in feet.
            value += float(inches.group(1)) / 12
            pos = inches.end()
    elif unit in _SMALLER_TIME:
        smaller = _SMALLER_TIME[unit].match(text, pos)
        if smaller:
            # "1hr 4 mins", "2 minutes 30 seconds": one duration, in the larger unit.
            value += float(smaller.group(1)) / 60
            pos = smaller.end()
    elif unit == "GBP" and not currency and _weighs(text, pos):
        unit = "lb"  # "drop 25 pounds", "weighing 200 pounds": weight, not money
    post = None
    mh = _AFTER_POST_HEDGE.match(text, pos)
    if mh:
        post = "lower" if mh.group("lower") else "upper" if mh.group("upper") else "approx"
        pos = mh.end()
    per = None
    if unit and unit not in ("percent", "percentage_point"):
        mr = _AFTER_PER.match(text, pos)
        if mr:
            per = {"annum": "year", "yr": "year", "hr": "hour", "liter": "litre", "kilo": "kg",
                   "oz": "ounce"}.get(mr.group("per").lower(), mr.group("per").lower())
            pos = mr.end()
    return pos, value, unit, per, post


def _unit_after(text: str, pos: int, value: float, has_mag: bool
                ) -> tuple[str | None, float, int]:
    """The unit written after a figure with no currency before it: percent, a currency word,
    sign or code (with its subunit: "3 dollars and 50 cents"), or a physical unit. Returns
    (unit, value in that unit's base, end)."""
    if m := _AFTER_PERCENT.match(text, pos):
        if m.group("bp"):
            return "percentage_point", value / 100, m.end()  # 12 basis points = 0.12 points
        return ("percentage_point" if m.group("pp") else "percent"), value, m.end()
    if mw := _AFTER_CURRENCY.match(text, pos):
        word = mw.group("word").lower()
        nation = re.sub(r"\s+", " ", (mw.group("nation") or "").lower())
        unit = _CURRENCY_WORD[word]
        if word.startswith("dollar") and nation:
            unit = _DOLLAR_NATION.get(nation, "USD")
        if word in _SUBUNIT:
            return unit, value / _SUBUNIT[word], mw.end()
        # "15 dollars 50", "3 dollars and 50 cents": the subunit completes the figure.
        return (unit, *_with_cents(text, mw.end(), value))
    if ms := _AFTER_SIGN.match(text, pos):
        if not _CENTS_NAMED.match(text, ms.end()) and _SIGN_BEFORE_NEXT.match(text, ms.end()):
            # "1 $ 10 dollars bill": a sign between two figures stands before the second, as
            # English writes it, unless the second has a sign after it too ("10 $ 30 $"); "10 $
            # 30 cent" is one amount, its subunit named.
            return None, value, pos
        return (_CURRENCY_SIGN[ms.group(1)], *_with_cents(text, ms.end(), value, unnamed=""))
    if mi := _AFTER_ISO.match(text, pos):
        if mi.group("mega"):
            value *= 1e6  # "30 MUSD", "120 MEUR": millions, in finance shorthand
        if mi.group("mag"):  # "75 USD million"
            return mi.group("iso").upper(), value * _MAGNITUDE[
                mi.group("mag").strip(" \t\n-").lower()], mi.end()
        return (mi.group("iso").upper(), *_with_cents(text, mi.end(), value))
    if not has_mag and (mp := _AFTER_PHYSICAL.match(text, pos)):
        idx = next(int(k[1:]) for k, v in mp.groupdict().items() if v is not None and k != "open")
        return _PHYSICAL[idx][1], value, mp.end()
    return None, value, pos


def _with_cents(text: str, pos: int, value: float, unnamed: str = "any"
                ) -> tuple[float, int]:
    """A whole amount completed by its subunit after it ("17 USD 25"): (value, end).

    ``unnamed`` says when the subunit may go unnamed: "any", "and-word" (after a sign or code
    before the figure, only in words: "$100 and fifty"; "$10 and 20" is two prices) or ""."""
    if not float(value).is_integer():
        return value, pos
    if named := _CENTS_NAMED.match(text, pos):
        return value + _cents(named.group(1)), named.end()
    spoken = _CENTS_UNNAMED.match(text, pos) if unnamed and value < _MAX_SPOKEN_WHOLE else None
    if (not spoken or _OPEN_BETWEEN.search(text, max(0, pos - 60), pos)
            or (unnamed == "and-word" and not (spoken.group(1) and spoken.group(2)[0].isalpha()))):
        return value, pos
    return value + _cents(spoken.group(2)), spoken.end()


def _blank(m: re.Match) -> str:
    return " " * len(m.group())


# A hyphen that starts a figure after a space ("growth of -0.5%", "(-5C)") is a minus sign;
# after a figure ("3 -1", "10 -20") it is a score or a range, and stays a hyphen.
_MINUS_HYPHEN = re.compile(r"-(?=\.?\d)")


_MINUS_WORD = re.compile(r"(?i)(?:minus|negative)$")
# "-1.3%" after a space: a change in a market list ("FTSE 100 -1.3%"), never a range's end,
# which news writes joined ("1.3-1.5%").
_SIGNED_PERCENT = re.compile(r"-\d{1,3}\.\d+\s?%")


def _minus_sign(m: re.Match) -> str:
    at = m.start()
    s = m.string
    if at and not (s[at - 1].isspace() or s[at - 1] in "([<>≤≥="):
        if _MINUS_WORD.search(s, max(0, at - 8), at):
            return " "  # "minus-130 degrees": the word is the sign, the hyphen joins it
        return "-"  # "COVID-19", "2020-21", "A-3": joined to the word before
    before = s[max(0, at - 12):at].rstrip()
    if (before[-1:].isdigit() or before[-1:] in ("%", ")")) and not _SIGNED_PERCENT.match(s, at):
        return "-"
    return "−"


def find_quantities(text: str) -> list[Quantity]:
    """Return the claim-worthy number expressions in ``text``, in order.

    >>> [(q.text, q.value, q.bound, q.unit) for q in find_quantities(
    ...     "More than 12,000 people crossed, up from 8,215 in 2023, at a cost of £240million.")]
    [('More than 12,000', 12000.0, 'lower', None), ('8,215', 8215.0, 'exact', None), \
('£240million', 240000000.0, 'exact', 'GBP')]
    >>> [(q.text, q.low, q.high) for q in find_quantities("between 10 and 20 boats, 1.5-2bn")]
    [('between 10 and 20', 10.0, 20.0), ('1.5-2bn', 1500000000.0, 2000000000.0)]
    >>> find_quantities("On November 2 at 10:30, the G7 met in 2023 (page 3).")
    []
    """
    if not text:
        return []
    if not _may_hold_number(text):
        # No digit and no number word: only "more than a week" and its kind can be a figure.
        return _with_special_forms(text, []) if _ONE_UNIT.search(text) else []
    # Mask things that are never figures with spaces, so offsets stay the same.
    scan = text
    if _DIGIT.search(text):
        if "://" in text or "www." in text or "@" in text:
            scan = _MASK_WEB.sub(_blank, scan)
        scan = _MASK.sub(_blank, scan)
    if "-" in scan:
        scan = _HEIGHT_COMMA.sub(" ", scan)
        scan = _MINUS_HYPHEN.sub(_minus_sign, scan)
    out: list[Quantity] = []
    pos = 0
    while (m := _MASTER.search(scan, pos)) is not None:
        pos = m.end()
        q = _read(scan, text, m)
        if q is None:
            continue
        if out and q.start < out[-1].end:
            continue
        q = _lend_magnitude(q, text)
        if out and _joins_bounds(out[-1], q, scan):
            q = _merge_bounds(out.pop(), q, text)
        elif out and _CONVERTED.fullmatch(text, out[-1].end, q.start) and _converts(out[-1], q):
            q = _hedged_as(q, out[-1].bound)
        out.append(q)
        # Scan on from where this figure's words end (a trailing "$" may start the next one).
        pos = max(q.end, m.start() + 1)
    if _SPECIAL_GATE.search(text) or _ONE_UNIT.search(text):
        out = _with_special_forms(text, out)
    return out


# "less than 25 km (15 miles)": a conversion in brackets right after a figure.
_CONVERTED = re.compile(r"\s*\(\s*")


def _converts(first: Quantity, second: Quantity) -> bool:
    """The bracketed figure restates a hedged one in another unit ("more than 10,000 hectares
    (25,000 acres)"), so the hedge holds for it too."""
    return (first.bound in ("lower", "upper", "approx") and second.bound == "exact"
            and first.unit is not None and second.unit is not None and first.unit != second.unit)


def _hedged_as(q: Quantity, bound: str) -> Quantity:
    """The figure with the hedge of the one it converts."""
    low, high = _interval(q.value, bound)
    return replace(q, bound=bound, low=low, high=high)


# Forms the master pattern does not read, each read by its own small pattern:
_SPECIAL = re.compile(
    # "4-1/2 months", "a 4-1 / 2-month term", "41 / 2 months" (a ½ lost in conversion)
    r"(?<![\d.,/])(?P<whole>\d{1,3})(?:-(?P<num>[13])\s?/\s?(?P<den>[24])|(?P<num2>[13])\s/\s"
    r"(?P<den2>[24])(?=\s+[a-z]))(?![\d/])"
    # "in her 60s", "in his early 50s": an age given by its decade
    r"|\bin\s+(?:his|her|their)\s+(?P<part>early|mid|late)?[\s-]*(?P<decade>[1-9]0)['’]?s\b"
    # "Capaldi's age-55"
    r"|\b(?i:age)-(?P<age>\d{1,3})\b"
    # "won by a 134-to-63 vote": the second figure of a tally
    r"|(?<=\d-to-)(?P<tally>\d{1,4})\b"
    # "Page married twice": a count of occurrences at the end of a clause
    r"|\b(?P<twice>(?i:twice))(?=\s*(?:[.,;:!?)]|$)|\s+(?:in|since|before|after|and|but|during|"
    r"this|last|over|while|with|for|already|so\s+far|before)\b)"
    # "nearly a quarter-century", "half a century"
    r"|\b(?P<century>(?i:(?:a\s+)?(?:quarter|half)[-\s]century|half\s+a\s+century))\b"
    # "a mile and a half", "an hour and a half"
    r"|\b(?P<a_unit>(?i:an?\s+(?P<unit_word>mile|kilometre|kilometer|metre|meter|foot|yard|inch|"
    r"hour|day|week|month|year|decade|century)\s+and\s+a\s+half|half\s+an?\s+(?P<half_of>mile|"
    r"kilometre|kilometer|metre|meter|foot|yard|inch|hour|day|week|month|year|decade|century)))\b"
    # "more than a week ago", "around an hour", "nearly a decade": one unit, hedged (a bare
    # "a week" says too little to be a claim)
    r"|(?:(?<=than\s)|(?<=over\s)|(?<=nearly\s)|(?<=almost\s)|(?<=about\s)|(?<=around\s)"
    r"|(?<=roughly\s)|(?<=under\s)|(?<=least\s))(?P<one_unit>(?i:an?\s+(?P<one_word>mile|"
    r"kilometre|kilometer|metre|meter|hour|week|month|year|decade|fortnight)))\b"
    r"(?!\s+and\s+a\s+half|-)"
    # "a magnitude-5.4 quake"
    r"|\b(?i:magnitude)-(?P<magnitude>\d(?:\.\d)?)\b"
    # "a sixfold rise", "a 10-fold increase": a multiplier
    rf"|\b(?P<fold>(?i:\d+(?:\.\d+)?|(?:{_NUMWORD})(?:-(?:{_NUMWORD}))?))[-\s]?(?i:fold)\b"
)
# "more than a week", "around an hour": the special form of one hedged unit, found cheaply.
_ONE_UNIT = re.compile(r"\b(?:[Tt]han|[Oo]ver|[Nn]early|[Aa]lmost|[Aa]bout|[Aa]round|[Rr]oughly|"
                       r"[Uu]nder|[Ll]east)\s+an?\s+(?:mile|kilomet|metre|meter|hour|week|month|"
                       r"year|decade|fortnight)")
_SPECIAL_GATE = re.compile(r"(?i:century|half|magnitude-|age-\d|twice|fold\b)|/|\d0['’]?s\b|-to-\d")
_DECADE_PART = {None: (0, 9), "early": (0, 3), "mid": (3, 6), "late": (6, 9)}
_UNIT_WORDS = {"mile": "mile", "kilometre": "km", "kilometer": "km", "metre": "m", "meter": "m",
               "foot": "ft", "yard": "yard", "inch": "inch"}


def _special_quantity(m: re.Match) -> Quantity | None:
    """One figure in a form the master pattern does not read (see ``_SPECIAL``)."""
    text, start, end = m.group(), m.start(), m.end()
    if m.group("whole"):
        num, den = m.group("num") or m.group("num2"), m.group("den") or m.group("den2")
        if int(num) >= int(den):
            return None
        v = int(m.group("whole")) + int(num) / int(den)
        return Quantity(start, end, text, v, v, v, "exact")
    if m.group("decade"):
        d = float(m.group("decade"))
        lo, hi = _DECADE_PART[m.group("part")]
        start = m.start("part") if m.group("part") else m.start("decade")
        return Quantity(start, end, m.string[start:end], d, d + lo, d + hi, "range", kind="age")
    if m.group("age"):
        v = float(m.group("age"))
        return Quantity(start, end, text, v, v, v, "exact", kind="age")
    if m.group("tally"):
        v = float(m.group("tally"))
        return Quantity(start, end, text, v, v, v, "exact")
    if m.group("twice"):
        return Quantity(start, end, text, 2.0, 2.0, 2.0, "exact", kind="occurrence")
    if m.group("century"):
        v = 25.0 if "quarter" in text.lower() else 50.0
        bound, qstart = _hedge(m.string, start)
        low, high = _interval(v, bound)
        return Quantity(qstart, end, m.string[qstart:end], v, low, high, bound, "year")
    if m.group("magnitude"):
        v = float(m.group("magnitude"))
        return Quantity(start, end, text, v, v, v, "exact", "magnitude")
    if m.group("fold"):
        fold = m.group("fold")
        v = float(fold) if fold[0].isdigit() else _words_value(fold)
        return Quantity(start, end, text, v, v, v, "exact", None, "multiplier") if v else None
    if m.group("one_word"):
        word = m.group("one_word").lower()
        bound, qstart = _hedge(m.string, start)
        low, high = _interval(1.0, bound)
        return Quantity(qstart, end, m.string[qstart:end], 1.0, low, high, bound,
                        _UNIT_WORDS.get(word, word))
    word = (m.group("unit_word") or m.group("half_of")).lower()
    v = 1.5 if m.group("unit_word") else 0.5
    bound, qstart = _hedge(m.string, start)
    low, high = _interval(v, bound)
    return Quantity(qstart, end, m.string[qstart:end], v, low, high, bound,
                    _UNIT_WORDS.get(word, word))


def _with_special_forms(text: str, found: list[Quantity]) -> list[Quantity]:
    """``found`` with the special forms added; a special form replaces figures inside it."""
    out = list(found)
    for m in _SPECIAL.finditer(text):
        q = _special_quantity(m)
        if q is None:
            continue
        inside = [f for f in out if q.start <= f.start and f.end <= q.end]
        if any(f.start < q.end and q.start < f.end for f in out if f not in inside):
            continue
        out = [f for f in out if f not in inside] + [q]
    return sorted(out, key=lambda f: f.start)


# "5-foot-8,135 pounds": a height, then a weight; the comma is not a thousands separator.
_HEIGHT_COMMA = re.compile(r"(?<=(?:foot|feet)-\d),(?=\d{3}\b)|(?<=(?:foot|feet)-\d\d),(?=\d{3}\b)")

_BOUND_JOIN = re.compile(r"\s*(?:,|,?\s*(?:and|but))\s*")


def _joins_bounds(a: Quantity, b: Quantity, scan: str) -> bool:
    """ "above 1000 and below 1500": a lower and an upper bound joined by "and" make a range."""
    return ({a.bound, b.bound} == {"lower", "upper"} and a.unit == b.unit and a.kind == b.kind
            and bool(_BOUND_JOIN.fullmatch(scan[a.end:b.start]))
            and (a.low if a.bound == "lower" else b.low) < (b.high if b.bound == "upper"
                                                            else a.high))


def _merge_bounds(a: Quantity, b: Quantity, text: str) -> Quantity:
    low = a.low if a.bound == "lower" else b.low
    high = b.high if b.bound == "upper" else a.high
    return Quantity(a.start, b.end, text[a.start:b.end], low, low, high, "range", a.unit,
                    a.kind, per=a.per or b.per)


def _read(scan: str, text: str, m: re.Match) -> Quantity | None:
    """Turn one master-pattern match into a Quantity (or None when it is not a claim): each
    form is read by the named step that knows it, tried in order."""
    if m.group("times") or m.group("mult") or m.group("frac") or m.group("vague"):
        return _read_word_form(scan, text, m)
    value = _core_value(m)
    if value is None:
        return None
    for step in (_read_few_scale, _read_written_fraction, _read_odds):
        q = step(scan, text, m, value)
        if q is not None:
            return q if q is not _NOT_A_CLAIM else None
    start, end = m.start(), m.end()
    value, end, half = _and_a_half(scan, m, value, end)
    if m.group("dfrac") or (not half and _is_not_a_claim(scan, m, value)):
        return None
    currency, value = _currency_before(m, value)
    mag = m.group("mag")
    if mag == "T" and not currency:
        return None  # "$2.1T" is trillions; a bare "5T" is a model or a grade
    if mag and mag.strip() == "p" and not currency:
        currency = "GBP"
    if _metres_not_millions(scan, m, currency):
        value = float(m.group("dig").replace(",", ""))
        return _plain_quantity(scan, text, start, end, value, "m")
    value, end = _mixed_fraction(scan, m, value, end)
    pos, value, unit, per, post = _suffix(scan, end, value, currency, _letter_magnitude(mag))
    unit, pos, refused = _unit_by_context(scan, m, unit, currency, pos)
    if refused:
        return None
    if unit is None and (pct := _PERCENT_OF_BEFORE.search(scan, max(0, start - 24), start)) \
            and _CLAUSE_END.match(scan, pos):
        # "per cent of twenty" with no figure before it: the figure is the percentage.
        return Quantity(pct.start("word"), pos, text[pct.start("word"):pos], value, value,
                        value, "exact", "percent")
    bound, qstart = _hedge(scan, start)
    f = _Figure(value, end, pos, unit, per, bound, qstart, post)
    neg = _NEGATIVE_BEFORE.search(scan, max(0, qstart - 12), qstart)  # "negative ": 9
    if neg and not currency and not _is_money(unit):
        f = _negative(scan, neg, f)
    ranged = _read_range(scan, text, m, f)
    if ranged is not None:
        return ranged if ranged is not _NOT_A_CLAIM else None
    low, high = _interval(f.value, f.post or f.bound)
    return Quantity(f.start, pos, text[f.start:pos], f.value, low, high, f.post or f.bound,
                    f.unit, per=f.per)


# A step's answer that the match is read, and is not a claim (a score, a written fraction
# without a unit): no later step may read it.
_NOT_A_CLAIM = Quantity(0, 0, "", 0.0, 0.0, 0.0, "exact")


def _is_money(unit: str | None) -> bool:
    """Whether a lexical unit is a currency (an ISO 4217 code): money is never below zero."""
    return unit is not None and len(unit) == 3 and unit.isupper()


@dataclass(frozen=True, slots=True)
class _Figure:
    """A figure read up to its unit, before a range may extend it."""

    value: float
    end: int             # where the number (with its magnitude) ends
    pos: int             # where its unit, rate and trailing hedge end
    unit: str | None
    per: str | None
    bound: str           # the hedge before it
    start: int           # where its span starts (hedge words included)
    post: str | None     # a hedge after it ("or more")


def _read_word_form(scan: str, text: str, m: re.Match) -> Quantity | None:
    """ "three times more", "doubling", "two-thirds of", "tens of thousands": figures that are
    words of their own kind."""
    start, end = m.start(), m.end()
    if m.group("times"):
        tn = m.group("tn")
        v = _words_value(tn) if not tn[0].isdigit() else float(tn)
        if not v:
            return None
        return Quantity(start, end, text[start:end], v, v, v, "exact", None, "multiplier")
    if m.group("mult"):
        word = m.group("mult").lower()
        v = 2.0 if word.startswith("double") else next(
            val for k, val in _MULTIPLIERS.items() if word.startswith(k))
        return Quantity(start, end, text[start:end], v, v, v, "exact", None, "multiplier")
    if m.group("frac"):
        word = m.group("frac").lower()
        if (re.match(r"an?\s", word) and not _SHARE_AFTER.match(scan, end)
                and not _SHARE_BEFORE.search(scan, max(0, start - 30), start)):
            return None
        v = next(val for k, val in _FRACTIONS.items() if k in word)
        v *= _SMALL.get(re.split(r"[-\s]", word)[0], 1)  # "three-quarters", "two-fifths"
        bound, hstart = _hedge(scan, start)
        low, high = _interval(v, bound)
        return Quantity(hstart, end, text[hstart:end], v, low, high, bound, None, "fraction")
    phrase = re.sub(r"\s+", " ", m.group("vague").lower())
    low, high = _VAGUE_RANGES.get(phrase, (None, None))
    if low is None:
        return None
    pos, _, unit, per, _ = _suffix(scan, end, low, None, True)
    return Quantity(start, pos, text[start:pos], low, low, high, "range", unit, vague=True,
                    per=per)


def _read_few_scale(scan: str, text: str, m: re.Match, value: float) -> Quantity | None:
    """ "several hundred years", "a few thousand people": vague, not 100 or 1,000."""
    start, end = m.start(), m.end()
    word = (m.group("word") or "").strip().lower()
    if word not in _BARE_SCALE or not (few := _FEW_BEFORE.search(scan, max(0, start - 16), start)):
        return None
    low, high = 2 * _BARE_SCALE[word], 10 * _BARE_SCALE[word]
    pos, _, unit, per, _ = _suffix(scan, end, low, None, True)
    return Quantity(few.start(), pos, text[few.start():pos], low, low, high, "range", unit,
                    vague=True, per=per)


def _and_a_half(scan: str, m: re.Match, value: float, end: int) -> tuple[float, int, bool]:
    """ "two and a half years", "one and a half million people", "five and a quarter": the
    part belongs to the figure. Returns (value, end, whether a part was read)."""
    half = _AND_A_HALF.match(scan, end) if not m.group("mag") else None
    if not half:
        return value, end, False
    part = _part(half.group("num"), half.group("den"))
    if part is None:
        return value, end, False
    value = (value + part) * (_MAGNITUDE[half.group("mag").lower()] if half.group("mag")
                              else 1.0)
    return value, half.end(), True


def _part(numerator: str, denominator: str) -> float | None:
    """ "a half" -> 0.5, "two thirds" -> 0.667, "fifty-four hundredths" -> 0.54; None when the
    part is not below one ("five thirds") or is "a" with an ordinal ("a sixth")."""
    num = 1.0 if numerator.lower() in ("a", "an") else (
        float(numerator) if numerator.isdigit() else _words_value(numerator))
    den_word = denominator.lower()
    den = _DENOMINATORS.get(den_word) or _DENOMINATORS.get(den_word[:-1]) or 2  # "halves"
    if numerator.lower() in ("a", "an") and den > 4:
        return None  # "five and a sixth straight win": an ordinal, not a part
    return num / den if num and num < den else None


def _read_written_fraction(scan: str, text: str, m: re.Match, value: float) -> Quantity | None:
    """ "a 1/4 mile oval", "1/2 cup": a written fraction is a figure only with a unit."""
    if not m.group("dfrac"):
        return None
    start = m.start()
    pos, value, unit, per, _ = _suffix(scan, m.end(), value, None, False)
    share = unit is None and _SHARE_AFTER.match(scan, pos)  # "more than 1/2 of the people"
    if (unit is None and not share) or unit in ("percent", "percentage_point"):
        return _NOT_A_CLAIM
    bound, qstart = _hedge(scan, start)
    if share:
        low, high = _interval(value, bound)
        return Quantity(qstart, pos, text[qstart:pos], value, low, high, bound, None, "fraction")
    low, high = _interval(value, bound)
    return Quantity(qstart, pos, text[qstart:pos], value, low, high, bound, unit, per=per)


def _read_odds(scan: str, text: str, m: re.Match, value: float) -> Quantity | None:
    """ "one in five", "2 in 3": odds, read as the fraction they state."""
    if not m.group("mag") and _AND_A_HALF.match(scan, m.end()):
        return None  # "two and a half in five" is not odds
    odds = _ODDS.match(scan, m.end())
    if not odds:
        return None
    m2 = _CORE.match(scan, odds.end())
    denom = _core_value(m2) if m2 else None
    if not (denom and value < denom <= 1000 and not m2.group("mag") and "," not in m2.group()):
        return None
    bound, qstart = _hedge(scan, m.start())
    end = m2.end()
    if post := _AFTER_POST_HEDGE.match(scan, end):  # "2 in 5 or more"
        bound = "lower" if post.group("lower") else "upper" if post.group("upper") else "approx"
        end = post.end()
    v = value / denom
    low, high = _interval(v, bound)
    return Quantity(qstart, end, text[qstart:end], v, low, high, bound, None, "fraction")


def _currency_before(m: re.Match, value: float) -> tuple[str | None, float]:
    """The currency written before the figure, and the value in its base unit ("MSEK 120" is
    millions)."""
    currency = _currency_of(m.group("cur"))
    if currency and _MEGA_ISO.fullmatch(m.group("cur").strip()) and not m.group("mag"):
        value *= 1e6
    return currency, value


# News mostly writes millions as "m"; the sentence decides when it is metres: a length word
# near it, another length or mass written in its units ("a 37m (121ft)-long skeleton", "100t
# and 48m"), a river's level, or a dimension adjective joined after it.
_LENGTH_TALK = re.compile(
    r"(?i)\b(?:tall|deep|wide|length|height|depth|width|outreach|reach|distance|altitude|"
    r"elevation|diameter|radius|wingspan)\b|\d\s?(?:ft|feet|foot|inch(?:es)?|cm|mm|dm|km|t)\b|"
    r"\b(?:(?:centi|milli|kilo)?(?:metres?|meters?))\b|"
    # a river's or the sea's level: "the Oder swelled to a record 8.75m", "the dykes"
    r"\b(?:high-water|water|river|dykes?|levees?|tide|crest(?:ed|s)?|swell(?:ed|s)?|swollen)\b")
_DIMENSION_JOINED = re.compile(r"(?:\s?\([^()]{1,20}\))?-(?:long|high|tall|wide|deep|thick)\b")


_WORD_AFTER = re.compile(r"\s+([a-z]+)\b")
_NOT_PLURALS = frozenset("as is was has its this across plus thus less unless".split())


def _metres_not_millions(scan: str, m: re.Match, currency: str | None) -> bool:
    """ "1.8m tall", "a 10m wall", "fell 200m down a gully", "a 37m (121ft)-long skeleton": a
    bare "m" that is metres, not millions."""
    if m.group("mag") != "m" or currency or m.group("dig") is None:
        return False
    start, end = m.start(), m.end()
    if _LENGTH_AFTER.match(scan, end) or _DIMENSION_JOINED.match(scan, end):
        return True
    if _DIRECTION_AFTER.match(scan, end) and _FALL_BEFORE.search(scan, 0, start):
        return True
    if _PEOPLE_AFTER.match(scan, end):
        return False  # "60m people": a count in millions
    noun = _WORD_AFTER.match(scan, end)
    if noun and noun.group(1).endswith("s") and noun.group(1) not in _NOT_PLURALS:
        return False  # "1.5m customers", "6.7m offences": a count in millions
    around = scan[max(0, start - 60):start] + " " + scan[end:end + 60]
    return "$" not in around and "£" not in around and "€" not in around and bool(
        _LENGTH_TALK.search(around))


def _mixed_fraction(scan: str, m: re.Match, value: float, end: int) -> tuple[float, int]:
    """ "10 1/2 miles": a whole number and a fraction."""
    mixed = _MIXED_FRACTION.match(scan, end) if m.group("dig") and not m.group("mag") else None
    if mixed and int(mixed.group(1)) < int(mixed.group(2)):
        return value + int(mixed.group(1)) / int(mixed.group(2)), mixed.end()
    return value, end


def _letter_magnitude(mag: str | None) -> bool:
    """A letter magnitude ("5m") leaves no room for a unit; a word one ("1.5 million gallons")
    does."""
    return bool(mag) and mag.strip(" \t\n-").lower() not in (
        "million", "billion", "trillion", "thousand", "lakh", "lakhs", "crore", "crores")


def _unit_by_context(scan: str, m: re.Match, unit: str | None, currency: str | None,
                     pos: int) -> tuple[str | None, int, bool]:
    """A unit the sentence gives a bare figure: "highs of 30C" (a temperature where the
    sentence speaks of one), "a magnitude 6.1 quake". Returns (unit, end, refused): "Room 12C"
    is a code, not a figure."""
    if unit is None and not currency and not m.group("mag"):
        letter = _TEMP_LETTER.match(scan, pos)
        if letter and (_temperature_talk(scan, m.start()) or _decimal_reading(scan, m, pos)):
            return _TEMP_UNITS[letter.group("scale")], letter.end(), False
        if letter and scan[pos] in "CF":  # written straight after the digits
            return None, pos, True
    if unit is None and _MAGNITUDE_BEFORE.search(scan, max(0, m.start() - 16), m.start()):
        return "magnitude", pos, False
    return unit, pos, False


def _negative(scan: str, neg: re.Match, f: _Figure) -> _Figure:
    """ "minus 0.5%", "−3°C", "minus-130 degrees": below zero, hedged by the words before the
    sign ("<-30")."""
    bound, qstart = _hedge(scan, neg.start())
    return replace(f, value=-f.value, bound=bound, start=min(qstart, neg.start()))


def _change_from(scan: str, text: str, m2: re.Match, f: _Figure,
                 between: re.Match | None) -> Quantity | None:
    """ "rose from 5 to 7 per cent", "grew from 13.5 to 14.0 mm": two stated values, the unit
    written once, after the second; the first takes it."""
    if f.unit is not None or between is None:
        return None
    second = _range_end(scan, m2, m2, f.value, None)
    if second is None or second[2] is None or second[2] == "percentage_point":
        return None
    low, high = _interval(f.value, f.post or f.bound)
    return Quantity(f.start, f.pos, text[f.start:f.pos], f.value, low, high, f.post or f.bound,
                    second[2], per=f.per)


def _range_separator(scan: str, f: _Figure) -> tuple[re.Match | None, bool]:
    """The separator of a second end after the figure ("10-20", "between 10 and 20") and
    whether it follows the unit ("10% to 15%", "25C-30C", "44 mg to 50 mg")."""
    sep = _RANGE_SEP.match(scan, f.end)
    if (not sep or not _CORE.match(scan, sep.end())) and f.unit and f.pos > f.end and not f.post:
        sep = _RANGE_SEP.match(scan, f.pos)
        return sep, sep is not None
    return sep, False


# Brackets that hold nothing but win-loss records: "(11-4)", "(5-9, 0-2)", after a team's name.
_RECORDS = re.compile(r"\s*\d{1,3}-\d{1,3}(?:\s*,\s*\d{1,3}-\d{1,3})*\s*")
_TEAM_BEFORE = re.compile(r"\b[A-Z][A-Za-z.'’]*\s*$")


def _in_records(scan: str, start: int, end: int) -> bool:
    """The figure from ``start`` to ``end`` sits in brackets that hold only records, right
    after a name ("The Jaguars (5-10)"; not "ages (18-30)")."""
    opened, closed = scan.rfind("(", max(0, start - 12), start), scan.find(")", end, end + 12)
    return (opened >= 0 and closed >= 0 and bool(_RECORDS.fullmatch(scan, opened + 1, closed))
            and bool(_TEAM_BEFORE.search(scan, max(0, opened - 40), opened)))


def _read_range(scan: str, text: str, m: re.Match, f: _Figure) -> Quantity | None:
    """A second end: "between 10 and 20", "10-20", "£1.5bn to £2bn". None when there is none;
    ``_NOT_A_CLAIM`` for a score ("won 3-1")."""
    sep, unit_first = _range_separator(scan, f)
    if not sep or f.post:
        return None
    start = f.start if f.value < 0 else m.start()
    word = re.sub(r"^-\s*to$", "-", sep.group().strip())
    between = _BETWEEN.search(scan, max(0, start - 12), start)
    m2 = _CORE.match(scan, sep.end())
    if not m2:
        return None
    from_to = word == "to" and (not between or between.group().strip().lower() == "from")
    if from_to and _CHANGE_FROM.search(scan, max(0, start - 50), start):
        return _change_from(scan, text, m2, f, between)
    if not (word in ("-", "–", "—", "−", "~", "through", "thru") or from_to
            or (word == "and" and between and between.group().strip().lower() == "between")):
        return None
    second = _range_end(scan, m, m2, f.value, f.unit)
    if second is None or (unit_first and second[2] != f.unit):
        return None  # "10% to 15 people": two figures, not one range
    v2, pos2, unit2, per2 = second
    if word == "-" and f.unit is None and unit2 is None and _in_records(scan, start, pos2):
        return _NOT_A_CLAIM  # a team's record, "The Jaguars (5-10)", "(5-9, 0-2)"
    if v2 > f.value:
        qstart = f.start
        if between and word != "-":
            qstart = between.start()
        return Quantity(qstart, pos2, text[qstart:pos2], f.value, f.value, v2, "range",
                        unit2 or f.unit, per=per2 or f.per)
    if word in ("-", "–", "—") and (f.unit is None and unit2 is None) and \
            _SCORE_CONTEXT.search(scan, max(0, start - 40), pos2 + 20):
        return _NOT_A_CLAIM  # a score, "won 3-1"
    return None


def _plain_quantity(scan: str, text: str, start: int, end: int, value: float,
                    unit: str) -> Quantity:
    """An unranged figure with a fixed unit, hedged by the words before it."""
    bound, qstart = _hedge(scan, start)
    low, high = _interval(value, bound)
    return Quantity(qstart, end, text[qstart:end], value, low, high, bound, unit)


# A threshold a figure is told past or short of: "passed the 5.5 million mark", "fell below the
# 5,000 mark".
_PAST_THE_MARK = re.compile(
    r"(?i)\b(?:(?P<lower>pass(?:es|ed|ing)?|cross(?:es|ed|ing)?|top(?:s|ped|ping)?|"
    r"surpass(?:es|ed|ing)?|exceed(?:s|ed|ing)?|break(?:s|ing)?(?:\s+through)?|"
    r"broke(?:n)?(?:\s+through)?|smash(?:es|ed|ing)?|breach(?:es|ed|ing)?|above|over|beyond)|"
    r"(?P<upper>below|under|short\s+of))\s+the\s+$")
_MARK_AFTER = re.compile(r"(?i)\S+[\s-]*(?:[a-z]+[\s-]+){0,2}(?:mark|milestone|barrier|"
                         r"threshold)\b")


def _hedge(scan: str, start: int) -> tuple[str, int]:
    """The bound the words before ``start`` give, and where the span then starts."""
    past = _PAST_THE_MARK.search(scan, max(0, start - 30), start)
    if past and _MARK_AFTER.match(scan, start):
        return ("lower" if past.group("lower") else "upper"), start
    h = _HEDGE_BEFORE.search(scan, max(0, start - 30), start)
    if not h or _MOVED_UP_TO.search(scan, max(0, h.start() - 60), h.end()):
        # ("will go up to 15 per cent", "rose up to 213": where a figure moved, not a bound.)
        return "exact", start
    if h.group("lower") or h.group("lower_sign"):
        return "lower", h.start()
    if h.group("upper") or h.group("upper_sign"):
        return "upper", h.start()
    return "approx", h.start()


def _range_end(scan: str, m1: re.Match, m2: re.Match, v1: float, unit1: str | None
               ) -> tuple[float, int, str | None, str | None] | None:
    """Read the second end of a range; it lends its magnitude/unit to the first if needed."""
    v2 = _core_value(m2)
    if v2 is None:
        return None
    cur2 = _currency_of(m2.group("cur"))
    pos, v2, unit2, per2, _ = _suffix(scan, m2.end(), v2, cur2, bool(m2.group("mag")))
    if (unit2 is None and (letter := _TEMP_LETTER.match(scan, pos))
            and _temperature_talk(scan, m1.start())):
        unit2, pos = _TEMP_UNITS[letter.group("scale")], letter.end()  # "25-30C"
    if unit1 and unit2 and unit1 != unit2:
        return None
    return v2, pos, unit2, per2


def _lend_magnitude(q: Quantity, text: str) -> Quantity:
    """ "1.5-2bn": the first end takes the second's magnitude when it has none."""
    if q.bound != "range" or q.high is None or q.low is None or q.low >= q.high / 1000:
        return q
    m = re.search(r"(?:trillion|billion|million|thousand|bn|tn|mn|m|k)\b", q.text, re.I)
    if not m:
        return q
    factor = _MAGNITUDE.get(m.group().lower(), 1.0)
    low = q.low * factor
    if low <= q.high:
        return replace(q, value=low, low=low)
    return q
