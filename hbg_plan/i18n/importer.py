"""Messages of `hbg-plan import`: progress, errors, the review notes it writes and its summary."""

MESSAGES: dict[str, dict[str, str]] = {
    "import.header": {
        "en": "Drafted by hbg-plan import from {source}: check every 'review' note, then delete it.",
        "sv": "Utkast från hbg-plan import av {source}: gå igenom varje 'review'-anteckning och ta sedan bort den.",
    },
    "import.written": {
        "en": "{path}: {topics} topics, {goals} goals drafted from {source}",
        "sv": "{path}: {topics} ämnen, {goals} mål skrivna från {source}",
    },
    "import.places": {
        "en": "{count} places to review:",
        "sv": "{count} ställen att granska:",
    },
    "import.no_places": {
        "en": "nothing to review",
        "sv": "inget att granska",
    },
    "import.next": {
        "en": "next: hbg-plan validate {path}",
        "sv": "nästa steg: hbg-plan validate {path}",
    },
    "import.unknown_parties": {
        "en": "{count} organisations not in {registry} (add them with --add-parties):",
        "sv": "{count} organisationer saknas i {registry} (lägg till dem med --add-parties):",
    },
    "import.parties_added": {
        "en": "{count} organisations appended to {registry}",
        "sv": "{count} organisationer tillagda i {registry}",
    },
    "import.extracted": {
        "en": "extracted text written to {path} ({lines} lines)",
        "sv": "den utdragna texten skrevs till {path} ({lines} rader)",
    },
    "import.page": {
        "en": "page {page} of {pages}",
        "sv": "sida {page} av {pages}",
    },
    "import.carried": {
        "en": "ids carried over from {plan}: {topics} of {total} topics",
        "sv": "id överförda från {plan}: {topics} av {total} ämnen",
    },
    # --- errors ------------------------------------------------------------------------
    "import.not_found": {
        "en": "{path}: no such file",
        "sv": "{path}: filen finns inte",
    },
    "import.not_regular": {
        "en": "{path}: not a regular file",
        "sv": "{path}: inte en vanlig fil",
    },
    "import.unreadable": {
        "en": "{path}: cannot read: {reason}",
        "sv": "{path}: kan inte läsas: {reason}",
    },
    "import.too_large": {
        "en": "{path}: the document is larger than {limit} bytes",
        "sv": "{path}: dokumentet är större än {limit} byte",
    },
    "import.unknown_format": {
        "en": "{path}: unknown document type; give a .txt, .docx or .pdf file",
        "sv": "{path}: okänd dokumenttyp; ange en .txt-, .docx- eller .pdf-fil",
    },
    "import.not_utf8": {
        "en": "{path}:{line}:{column}: the text is not valid UTF-8; save it as UTF-8",
        "sv": "{path}:{line}:{column}: texten är inte giltig UTF-8; spara den som UTF-8",
    },
    "import.no_template": {
        "en": "{path}:1:1: no heading of the plan template found (Fokusområde …, Kortsiktiga mål …, Långsiktiga mål, A:1 …); is this a plan?",
        "sv": "{path}:1:1: ingen rubrik ur planmallen hittades (Fokusområde …, Kortsiktiga mål …, Långsiktiga mål, A:1 …); är detta en plan?",
    },
    "import.docx_not_zip": {
        "en": "{path}: not a Word document (.docx is a zip archive; this file is not one)",
        "sv": "{path}: inget Word-dokument (.docx är ett zip-arkiv; det är inte den här filen)",
    },
    "import.docx_broken": {
        "en": "{path}: cannot read the Word document: {reason}",
        "sv": "{path}: kan inte läsa Word-dokumentet: {reason}",
    },
    "import.pdf_encrypted": {
        "en": "{path}: the PDF is encrypted; save an unprotected copy first",
        "sv": "{path}: PDF-filen är krypterad; spara först en oskyddad kopia",
    },
    "import.pdf_broken": {
        "en": "{path}: cannot read the PDF: {reason}",
        "sv": "{path}: kan inte läsa PDF-filen: {reason}",
    },
    "import.pdf_no_text": {
        "en": "{path}: no extractable text (a scanned PDF?); run OCR first",
        "sv": "{path}: ingen text att hämta ut (en inskannad PDF?); kör OCR först",
    },
    "import.bad_id": {
        "en": "'{id}' is not a valid plan id (lower-case letters, digits, '.', '_' and '-')",
        "sv": "'{id}' är inget giltigt plan-id (gemena bokstäver, siffror, '.', '_' och '-')",
    },
    "import.exists": {
        "en": "{path} exists; choose another -o (an import never overwrites a plan)",
        "sv": "{path} finns redan; välj en annan -o (en import skriver aldrig över en plan)",
    },
    "import.no_registry": {
        "en": "no parties.yaml found beside {path} or in a parent folder",
        "sv": "ingen parties.yaml hittades bredvid {path} eller i en överordnad mapp",
    },
    "import.bad_registry": {
        "en": "{path} is not a valid party registry; run hbg-plan validate {path}",
        "sv": "{path} är inget giltigt partsregister; kör hbg-plan validate {path}",
    },
    "import.unknown_issuer": {
        "en": "--issued-by {party}: not in {registry}",
        "sv": "--issued-by {party}: finns inte i {registry}",
    },
    "import.no_issuer": {
        "en": "{path}: the title names no party of {registry}; say who issued the plan with --issued-by PARTY",
        "sv": "{path}: titeln nämner ingen part i {registry}; ange vem som utfärdat planen med --issued-by PART",
    },
    "import.bad_from": {
        "en": "--from {ref}: no valid plan by that file or id; run hbg-plan validate on it",
        "sv": "--from {ref}: ingen giltig plan med den filen eller det id:t; kör hbg-plan validate på den",
    },
    "import.outside_repo": {
        "en": "{path}: the extracted text must be written inside the repository ({root})",
        "sv": "{path}: den utdragna texten måste skrivas inuti förrådet ({root})",
    },
    "import.write_failed": {
        "en": "{path}: cannot write: {reason}",
        "sv": "{path}: kan inte skriva: {reason}",
    },
    # --- review notes written into the draft -------------------------------------------
    "import.review.stray_heading": {
        "en": "indicator heading outside a goal block, or a second one in the same block",
        "sv": "indikatorrubrik utanför ett målblock, eller en andra i samma block",
    },
    "import.review.stray_saknas": {
        "en": "'Saknas' outside an indicator list",
        "sv": "'Saknas' utanför en indikatorlista",
    },
    "import.review.partial_saknas": {
        "en": "'Saknas' listed after stated indicators: recorded as a missing indicator beside them (one per goal text?)",
        "sv": "'Saknas' står efter angivna indikatorer: registrerad som en saknad indikator bredvid dem (en per måltext?)",
    },
    "import.review.stray_responsible": {
        "en": "responsibility line outside a goal",
        "sv": "ansvarsrad utanför ett mål",
    },
    "import.review.other_column": {
        "en": "text after an empty line in a two-column follow-up, left out: probably the other column's follow-up text",
        "sv": "text efter en tom rad i en uppföljning i två spalter, utelämnad: troligen den andra spaltens uppföljningstext",
    },
    "import.review.indicator_after_column": {
        "en": "short sentence closing the indicator block after the other column's text, read as this goal's indicator",
        "sv": "kort mening som avslutar indikatorblocket efter den andra spaltens text, läst som målets indikator",
    },
    "import.review.signature": {
        "en": "place, date and signature of the plan, left out",
        "sv": "ort, datum och underskrift för planen, utelämnad",
    },
    "import.review.after_saknas": {
        "en": "text after 'Saknas', left out",
        "sv": "text efter 'Saknas', utelämnad",
    },
    "import.review.trailing": {
        "en": "text after the last goal block, left out (signatures?)",
        "sv": "text efter det sista målblocket, utelämnad (underskrifter?)",
    },
    "import.review.no_focus_area": {
        "en": "topics before any focus area heading",
        "sv": "ämnen före första fokusområdesrubriken",
    },
    "import.review.no_topic_title": {
        "en": "no topic heading found before this goal block; the heading line stands in as title",
        "sv": "ingen ämnesrubrik hittades före detta målblock; rubrikraden används som titel",
    },
    "import.review.no_texts": {
        "en": "the goal block holds no text; its heading stands in",
        "sv": "målblocket innehåller ingen text; rubriken används i stället",
    },
    "import.review.not_verbatim": {
        "en": "text could not be cut verbatim from its lines (an interrupted line?), left out",
        "sv": "texten kunde inte klippas ordagrant ur sina rader (en avbruten rad?), utelämnad",
    },
    "import.review.empty_indicators": {
        "en": "indicator heading with no indicator under it",
        "sv": "indikatorrubrik utan indikator under",
    },
    "import.review.responsible_unplaced": {
        "en": "part of the responsibility line that names no registry party",
        "sv": "del av ansvarsraden som inte nämner någon part i registret",
    },
    "import.review.unknown_party": {
        "en": "organisation not in parties.yaml (suggested for --add-parties)",
        "sv": "organisation som saknas i parties.yaml (föreslagen för --add-parties)",
    },
    "import.review.no_title": {
        "en": "no document title found; the plan id stands in",
        "sv": "ingen dokumenttitel hittades; plan-id används i stället",
    },
    "import.review.no_period": {
        "en": "the document states no period; the first year found stands in",
        "sv": "dokumentet anger ingen period; det första årtalet som hittades används",
    },
    "import.review.title_changed": {
        "en": "title changed since {plan}, was",
        "sv": "titeln har ändrats sedan {plan}, var",
    },
}
