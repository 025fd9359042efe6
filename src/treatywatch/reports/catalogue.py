"""The words of reports and factsheets in English, French and Spanish.

Kept here rather than in the site's .po files: reports are documents with their own
vocabulary, and a missing translation must fail a test, not fall back silently.
Titles of events and documents stay as their sources give them.
"""

from __future__ import annotations

from datetime import date

from babel.dates import format_date
from babel.numbers import format_decimal

from treatywatch.core.records import EntryIntoForceRule

__all__ = [
    "LANGUAGES",
    "MESSAGES",
    "Labels",
    "describe_rule",
    "format_day",
    "format_number",
    "labels",
    "language_name",
]

LANGUAGES = ("en", "fr", "es")
_LOCALES = {"en": "en_GB", "fr": "fr", "es": "es"}

# key: (English, French, Spanish)
MESSAGES: dict[str, tuple[str, str, str]] = {
    # Title block and the pledge-report form
    "report_title": (
        "Progress report on the pledge",
        "Rapport d'avancement sur l'engagement",
        "Informe de progreso sobre el compromiso",
    ),
    "report_subtitle": (
        "Support for the Ljubljana – The Hague Convention",
        "Soutien à la Convention de Ljubljana – La Haye",
        "Apoyo a la Convención de Liubliana – La Haya",
    ),
    "period": ("Reporting period", "Période couverte", "Período del informe"),
    "period_value": ("{start} to {end}", "du {start} au {end}", "del {start} al {end}"),
    "generated": (
        "Generated on {today} from the TreatyWatch record as known on that day.",
        "Établi le {today} à partir des données TreatyWatch connues à cette date.",
        "Elaborado el {today} a partir de los datos de TreatyWatch conocidos en esa fecha.",
    ),
    "form_section": (
        "Pledge details",
        "Informations sur l'engagement",
        "Datos del compromiso",
    ),
    "form_note": (
        "The sections follow the reporting form of the International Conference of the Red Cross "
        "and Red Crescent: title, submitter and focal person, actions taken including challenges, "
        "concrete examples, and indicators.",
        "Les sections suivent le formulaire de rapport de la Conférence internationale de la "
        "Croix-Rouge et du Croissant-Rouge : titre, auteur et point focal, actions menées y "
        "compris les difficultés, exemples concrets et indicateurs.",
        "Las secciones siguen el formulario de informe de la Conferencia Internacional de la Cruz "
        "Roja y de la Media Luna Roja: título, autor y punto focal, medidas adoptadas incluidas "
        "las dificultades, ejemplos concretos e indicadores.",
    ),
    "pledge_title": ("Title of the pledge", "Titre de l'engagement", "Título del compromiso"),
    "submitter": ("Submitted by", "Présenté par", "Presentado por"),
    "focal_person": ("Focal person", "Point focal", "Punto focal"),
    "to_complete": ("to be completed", "à compléter", "por completar"),
    "summary": ("Summary", "Résumé", "Resumen"),
    "summary_text": (
        "Between {start} and {end}, the number of signatory States went from {sig_start} to "
        "{sig_end} and the number of States that deposited an instrument of consent from "
        "{con_start} to {con_end}. {events} events and {references} references to the Convention "
        "are recorded for the period.",
        "Entre le {start} et le {end}, le nombre d'États signataires est passé de {sig_start} à "
        "{sig_end} et celui des États ayant déposé un instrument de consentement de {con_start} "
        "à {con_end}. {events} événements et {references} références à la Convention sont "
        "enregistrés pour la période.",
        "Entre el {start} y el {end}, el número de Estados signatarios pasó de {sig_start} a "
        "{sig_end} y el de Estados que depositaron un instrumento de consentimiento de "
        "{con_start} a {con_end}. Se registran {events} eventos y {references} referencias a la "
        "Convención en el período.",
    ),
    # Indicators
    "indicators": ("Indicators", "Indicateurs", "Indicadores"),
    "indicator": ("Indicator", "Indicateur", "Indicador"),
    "at_start": ("At the start", "Au début", "Al inicio"),
    "at_end": ("At the end", "À la fin", "Al final"),
    "change": ("Change", "Évolution", "Variación"),
    "pending_review": ("pending review", "en attente de vérification", "pendientes de revisión"),
    "indicator_signatories": (
        "States that have signed",
        "États ayant signé",
        "Estados que han firmado",
    ),
    "indicator_consenting": (
        "States that have ratified (or otherwise consented)",
        "États ayant ratifié (ou autrement consenti)",
        "Estados que han ratificado (u otorgado su consentimiento)",
    ),
    "indicator_events": (
        "Events in international, regional or national fora",
        "Événements dans des enceintes internationales, régionales ou nationales",
        "Eventos en foros internacionales, regionales o nacionales",
    ),
    "indicator_adopted_documents": (
        "References in adopted documents",
        "Références dans des documents adoptés",
        "Referencias en documentos adoptados",
    ),
    "indicator_public_domain": (
        "References in the public domain",
        "Références dans le domaine public",
        "Referencias en el dominio público",
    ),
    "definition_signatories": (
        "States that signed on or before the date, whatever they did next.",
        "États ayant signé à la date ou avant, quelle que soit la suite.",
        "Estados que firmaron en la fecha o antes, con independencia de lo que hicieran después.",
    ),
    "definition_consenting": (
        "States whose instrument of ratification, acceptance, approval or accession was "
        "deposited on or before the date and not denounced.",
        "États dont l'instrument de ratification, d'acceptation, d'approbation ou d'adhésion "
        "a été déposé à la date ou avant et n'a pas été dénoncé.",
        "Estados cuyo instrumento de ratificación, aceptación, aprobación o adhesión se "
        "depositó en la fecha o antes y no fue denunciado.",
    ),
    "definition_events": (
        "Confirmed events about the Convention (or the initiative that prepared it) that "
        "started on or before the date.",
        "Événements confirmés consacrés à la Convention (ou à l'initiative qui l'a préparée) "
        "ayant commencé à la date ou avant.",
        "Eventos confirmados sobre la Convención (o la iniciativa que la preparó) que "
        "comenzaron en la fecha o antes.",
    ),
    "definition_adopted_documents": (
        "Confirmed references in resolutions, conclusions, laws and official records published "
        "on or before the date; copies of one text count once.",
        "Références confirmées dans des résolutions, conclusions, lois et documents officiels "
        "publiés à la date ou avant ; les copies d'un même texte comptent une fois.",
        "Referencias confirmadas en resoluciones, conclusiones, leyes y documentos oficiales "
        "publicados en la fecha o antes; las copias de un mismo texto cuentan una vez.",
    ),
    "definition_public_domain": (
        "Confirmed references in news, blogs, statements and other public texts published on "
        "or before the date; copies of one text count once.",
        "Références confirmées dans la presse, des blogs, des déclarations et d'autres textes "
        "publics publiés à la date ou avant ; les copies d'un même texte comptent une fois.",
        "Referencias confirmadas en noticias, blogs, declaraciones y otros textos públicos "
        "publicados en la fecha o antes; las copias de un mismo texto cuentan una vez.",
    ),
    "denominator": (
        "Denominator: {size} entities (UN members, UN observer States and entities whose "
        "signature a depositary accepted).",
        "Dénominateur : {size} entités (membres de l'ONU, États observateurs et entités dont "
        "le dépositaire a accepté la signature).",
        "Denominador: {size} entidades (miembros de la ONU, Estados observadores y entidades "
        "cuya firma aceptó un depositario).",
    ),
    "chart_indicators": (
        "Indicators at the start and at the end of the period",
        "Indicateurs au début et à la fin de la période",
        "Indicadores al inicio y al final del período",
    ),
    "chart_timeline": (
        "Signatory and consenting States, month by month",
        "États signataires et États ayant consenti, mois par mois",
        "Estados signatarios y Estados que consintieron, mes a mes",
    ),
    "chart_map": (
        "Status of every State at the end of the period, by UN regional group (one square per "
        "State)",
        "Situation de chaque État à la fin de la période, par groupe régional de l'ONU (un carré "
        "par État)",
        "Situación de cada Estado al final del período, por grupo regional de la ONU (un "
        "cuadrado por Estado)",
    ),
    "chart_alt_indicators": (
        "Bar chart. {items}.",
        "Diagramme en barres. {items}.",
        "Gráfico de barras. {items}.",
    ),
    "chart_alt_timeline": (
        "Line chart from {first} to {last}: {signatories} signatory States and {consenting} "
        "consenting States at the end.",
        "Courbes de {first} à {last} : {signatories} États signataires et {consenting} États "
        "ayant consenti à la fin.",
        "Gráfico de líneas de {first} a {last}: {signatories} Estados signatarios y "
        "{consenting} Estados que consintieron al final.",
    ),
    "chart_alt_map": (
        "Tile map. {counts}. The same data is listed in the evidence section.",
        "Carte en carrés. {counts}. Les mêmes données figurent dans la partie sur les preuves.",
        "Mapa de cuadrados. {counts}. Los mismos datos figuran en la sección de pruebas.",
    ),
    "signatories": ("signatories", "signataires", "signatarios"),
    "consenting": ("consenting", "ayant consenti", "con consentimiento"),
    # Statuses, steps, regions
    "status_none": ("not signed", "non signataire", "no firmante"),
    "status_signed": ("signed", "signataire", "firmante"),
    "status_consented": (
        "instrument deposited",
        "instrument déposé",
        "instrumento depositado",
    ),
    "status_in_force": ("in force", "en vigueur", "en vigor"),
    "status_withdrawn": ("withdrawn", "retiré", "retirado"),
    "step_sign": ("sign", "signer", "firmar"),
    "step_ratify": ("ratify", "ratifier", "ratificar"),
    "step_encourage_others": (
        "encourage others",
        "encourager les autres",
        "alentar a otros",
    ),
    "step_use_convention": (
        "use the Convention",
        "utiliser la Convention",
        "utilizar la Convención",
    ),
    "region_african": ("African States", "États d'Afrique", "Estados de África"),
    "region_asia_pacific": (
        "Asia-Pacific States",
        "États d'Asie-Pacifique",
        "Estados de Asia y el Pacífico",
    ),
    "region_eastern_european": (
        "Eastern European States",
        "États d'Europe orientale",
        "Estados de Europa Oriental",
    ),
    "region_latin_american_caribbean": (
        "Latin American and Caribbean States",
        "États d'Amérique latine et des Caraïbes",
        "Estados de América Latina y el Caribe",
    ),
    "region_western_european_others": (
        "Western European and other States",
        "États d'Europe occidentale et autres États",
        "Estados de Europa Occidental y otros Estados",
    ),
    "region_none": ("Outside the UN groups", "Hors groupes de l'ONU", "Fuera de los grupos"),
    # Actions taken
    "actions_taken": ("Actions taken", "Actions menées", "Medidas adoptadas"),
    "treaty_actions": (
        "New signatures and instruments of consent",
        "Nouvelles signatures et nouveaux instruments de consentement",
        "Nuevas firmas e instrumentos de consentimiento",
    ),
    "no_treaty_actions": (
        "No signature or instrument was recorded in the period.",
        "Aucune signature ni aucun instrument n'a été enregistré pendant la période.",
        "No se registró ninguna firma ni instrumento en el período.",
    ),
    "date": ("Date", "Date", "Fecha"),
    "state": ("State", "État", "Estado"),
    "act": ("Act", "Acte", "Acto"),
    "place": ("Place", "Lieu", "Lugar"),
    "source": ("Source", "Source", "Fuente"),
    "sources": ("Sources", "Sources", "Fuentes"),
    "act_signature": ("signature", "signature", "firma"),
    "act_ratification": ("ratification", "ratification", "ratificación"),
    "act_acceptance": ("acceptance", "acceptation", "aceptación"),
    "act_approval": ("approval", "approbation", "aprobación"),
    "act_accession": ("accession", "adhésion", "adhesión"),
    "act_succession": ("succession", "succession", "sucesión"),
    "act_definitive_signature": (
        "definitive signature",
        "signature définitive",
        "firma definitiva",
    ),
    "act_provisional_application": (
        "provisional application",
        "application provisoire",
        "aplicación provisional",
    ),
    "act_withdrawal_of_signature": (
        "withdrawal of signature",
        "retrait de signature",
        "retiro de la firma",
    ),
    "act_denunciation": ("denunciation", "dénonciation", "denuncia"),
    "events": ("Events", "Événements", "Eventos"),
    "no_events": (
        "No confirmed event is recorded in the period.",
        "Aucun événement confirmé n'est enregistré pour la période.",
        "No se registra ningún evento confirmado en el período.",
    ),
    "event": ("Event", "Événement", "Evento"),
    "level": ("Level", "Niveau", "Nivel"),
    "audiences": ("Audiences", "Publics", "Públicos"),
    "level_international": ("international", "international", "internacional"),
    "level_regional": ("regional", "régional", "regional"),
    "level_national": ("national", "national", "nacional"),
    "role_judges": ("judges", "juges", "jueces"),
    "role_prosecutors": ("prosecutors", "procureurs", "fiscales"),
    "role_central_authority_staff": (
        "central-authority staff",
        "personnel des autorités centrales",
        "personal de autoridades centrales",
    ),
    "role_diplomats": ("diplomats", "diplomates", "diplomáticos"),
    "role_parliamentarians": ("parliamentarians", "parlementaires", "parlamentarios"),
    "role_civil_society": ("civil society", "société civile", "sociedad civil"),
    "role_general_public": ("general public", "grand public", "público general"),
    "role_academics": ("academics", "universitaires", "académicos"),
    "role_officials": ("officials", "fonctionnaires", "funcionarios"),
    "references": ("References", "Références", "Referencias"),
    "references_text": (
        "{adopted} references in adopted documents and {public} in the public domain were "
        "published in the period (confirmed, copies counted once).",
        "{adopted} références dans des documents adoptés et {public} dans le domaine public ont "
        "été publiées pendant la période (confirmées, copies comptées une fois).",
        "Se publicaron en el período {adopted} referencias en documentos adoptados y {public} "
        "en el dominio público (confirmadas, copias contadas una vez).",
    ),
    "document": ("Document", "Document", "Documento"),
    "forum": ("Forum or body", "Enceinte ou organe", "Foro u órgano"),
    "language": ("Language", "Langue", "Idioma"),
    "date_unknown": (
        "date unknown (read {read})",
        "date inconnue (lu le {read})",
        "fecha desconocida (leído el {read})",
    ),
    "public_by_language": (
        "Public-domain references published in the period, by language; each is listed in "
        "the evidence section.",
        "Références dans le domaine public publiées pendant la période, par langue ; chacune "
        "figure dans la partie sur les preuves.",
        "Referencias en el dominio público publicadas en el período, por idioma; cada una "
        "figura en la sección de pruebas.",
    ),
    "kind": ("Kind", "Type", "Tipo"),
    "kind_adopted-document": ("adopted document", "document adopté", "documento adoptado"),
    "kind_public-domain": ("public domain", "domaine public", "dominio público"),
    "outreach": ("Outreach", "Démarches", "Gestiones"),
    "outreach_text": (
        "{total} contacts with States were logged in the period; {public} of them are public "
        "and listed below. The others are counted by channel only.",
        "{total} contacts avec des États ont été consignés pendant la période ; {public} sont "
        "publics et figurent ci-dessous. Les autres ne sont comptés que par canal.",
        "Se registraron {total} contactos con Estados en el período; {public} son públicos y "
        "figuran a continuación. Los demás solo se cuentan por canal.",
    ),
    "channel": ("Channel", "Canal", "Canal"),
    "count": ("Number", "Nombre", "Número"),
    "actor": ("By", "Par", "Por"),
    "target": ("Towards", "Auprès de", "Ante"),
    "outcome": ("Outcome", "Résultat", "Resultado"),
    "channel_bilateral_meeting": (
        "bilateral meeting",
        "réunion bilatérale",
        "reunión bilateral",
    ),
    "channel_demarche": ("démarche", "démarche", "gestión diplomática"),
    "channel_letter": ("letter", "lettre", "carta"),
    "channel_statement_in_forum": (
        "statement in a forum",
        "déclaration dans une enceinte",
        "declaración en un foro",
    ),
    "channel_workshop": ("workshop", "atelier", "taller"),
    "channel_media": ("media", "médias", "medios"),
    "outcome_pending": ("pending", "en attente", "pendiente"),
    "outcome_no_response": ("no response", "pas de réponse", "sin respuesta"),
    "outcome_acknowledged": ("acknowledged", "pris acte", "acuse de recibo"),
    "outcome_interest": ("interest expressed", "intérêt exprimé", "interés expresado"),
    "outcome_commitment": ("commitment", "engagement", "compromiso"),
    "outcome_declined": ("declined", "refus", "rechazo"),
    "challenges": ("Challenges", "Difficultés", "Dificultades"),
    "challenge_rule": (
        "The entry-into-force rule has not been checked against the treaty text: sources give "
        "{thresholds} instruments. Dates that depend on it are provisional.",
        "La règle d'entrée en vigueur n'a pas été vérifiée dans le texte du traité : les "
        "sources indiquent {thresholds} instruments. Les dates qui en dépendent sont provisoires.",
        "La regla de entrada en vigor no se ha comprobado en el texto del tratado: las fuentes "
        "indican {thresholds} instrumentos. Las fechas que dependen de ella son provisionales.",
    ),
    "challenge_pace": (
        "{deposits} instrument(s) of consent in the last {months} months; {waiting} signatory "
        "States have not yet deposited one.",
        "{deposits} instrument(s) de consentement au cours des {months} derniers mois ; "
        "{waiting} États signataires n'en ont pas encore déposé.",
        "{deposits} instrumento(s) de consentimiento en los últimos {months} meses; {waiting} "
        "Estados signatarios aún no han depositado ninguno.",
    ),
    "challenge_pending": (
        "{count} item(s) await review and are not counted.",
        "{count} élément(s) attendent une vérification et ne sont pas comptés.",
        "{count} elemento(s) esperan revisión y no se cuentan.",
    ),
    "challenge_undated": (
        "{count} recorded event(s) have no known date; they count from the day they were read.",
        "{count} événement(s) enregistré(s) n'ont pas de date connue ; ils comptent à partir "
        "du jour de leur lecture.",
        "{count} evento(s) registrado(s) no tienen fecha conocida; cuentan desde el día en que "
        "se leyeron.",
    ),
    "challenge_reported": (
        "The depositary record puts the Convention in force for {state} on {reported}; the "
        "recorded instruments and the rule give {computed}. The record may lack instruments, "
        "or the rule may be wrong.",
        "Les données du dépositaire indiquent l'entrée en vigueur à l'égard de l'État {state} "
        "le {reported} ; les instruments enregistrés et la règle donnent : {computed}. Des "
        "instruments manquent peut-être, ou la règle est inexacte.",
        "Los datos del depositario indican la entrada en vigor para {state} el {reported}; los "
        "instrumentos registrados y la regla dan: {computed}. Quizá falten instrumentos o la "
        "regla sea inexacta.",
    ),
    "examples": ("Concrete examples", "Exemples concrets", "Ejemplos concretos"),
    "no_examples": (
        "No event or public contact in the period to give as an example.",
        "Aucun événement ni contact public pendant la période à citer en exemple.",
        "Ningún evento ni contacto público en el período para citar como ejemplo.",
    ),
    "example_participants": (
        "{count} participants",
        "{count} participants",
        "{count} participantes",
    ),
    "example_states": (
        "States involved: {states}",
        "États concernés : {states}",
        "Estados participantes: {states}",
    ),
    # What comes next
    "next": ("What comes next", "Prochaines étapes", "Próximos pasos"),
    "targets_ratify": (
        "Signatory States to encourage to ratify (highest priority first)",
        "États signataires à encourager à ratifier (priorité la plus haute d'abord)",
        "Estados signatarios a los que alentar a ratificar (mayor prioridad primero)",
    ),
    "targets_sign": (
        "States to encourage to sign (highest priority first)",
        "États à encourager à signer (priorité la plus haute d'abord)",
        "Estados a los que alentar a firmar (mayor prioridad primero)",
    ),
    "score": ("Score", "Score", "Puntuación"),
    "factors": ("Main factors", "Principaux facteurs", "Factores principales"),
    "targets_note": (
        "The score adds up named factors (value × weight, rounded); the weights are published "
        "with TreatyWatch (data/targets.yaml).",
        "Le score additionne des facteurs nommés (valeur × poids, arrondi) ; les poids sont "
        "publiés avec TreatyWatch (data/targets.yaml).",
        "La puntuación suma factores con nombre (valor × peso, redondeado); los pesos se "
        "publican con TreatyWatch (data/targets.yaml).",
    ),
    "factor_stage": ("stage", "étape", "etapa"),
    "factor_diplomatic_conference": (
        "at the 2023 Conference",
        "présent à la Conférence de 2023",
        "presente en la Conferencia de 2023",
    ),
    "factor_rome_statute_party": (
        "Rome Statute party",
        "partie au Statut de Rome",
        "parte en el Estatuto de Roma",
    ),
    "factor_regional_peers_signed": (
        "regional peers signed",
        "pairs régionaux signataires",
        "pares regionales firmantes",
    ),
    "factor_months_signed_without_consent": (
        "months since signature",
        "mois depuis la signature",
        "meses desde la firma",
    ),
    "factor_pledged_to_consider_ratification": (
        "pledge to consider ratification",
        "engagement à envisager la ratification",
        "compromiso de considerar la ratificación",
    ),
    "factor_recent_statements": (
        "recent events and references",
        "événements et références récents",
        "eventos y referencias recientes",
    ),
    "factor_stated_intent_in_outreach": (
        "intent stated in outreach",
        "intention exprimée lors d'une démarche",
        "intención expresada en una gestión",
    ),
    "factor_recent_outreach": (
        "recently approached",
        "approché récemment",
        "contactado recientemente",
    ),
    "factor_follow_up_due": ("follow-up due", "suivi à faire", "seguimiento pendiente"),
    "outlook": (
        "Entry-into-force outlook",
        "Perspectives d'entrée en vigueur",
        "Perspectivas de entrada en vigor",
    ),
    "outlook_text": (
        "Projections under the rule recorded ({rule}), which is not verified against the "
        "treaty text, and under each other threshold a source states.",
        "Projections selon la règle enregistrée ({rule}), non vérifiée dans le texte du traité, "
        "et selon chaque autre seuil cité par une source.",
        "Proyecciones según la regla registrada ({rule}), no comprobada en el texto del "
        "tratado, y según cada otro umbral que cita una fuente.",
    ),
    "rule_description": (
        "{threshold} instruments of consent; entry into force on the first day of the month "
        "after {months} months from the last of them",
        "{threshold} instruments de consentement ; entrée en vigueur le premier jour du mois "
        "suivant un délai de {months} mois après le dernier",
        "{threshold} instrumentos de consentimiento; entrada en vigor el primer día del mes "
        "siguiente a un plazo de {months} meses tras el último",
    ),
    "rule_description_end": (
        "{threshold} instruments of consent; entry into force {months} months after the last "
        "of them",
        "{threshold} instruments de consentement ; entrée en vigueur {months} mois après le "
        "dernier",
        "{threshold} instrumentos de consentimiento; entrada en vigor {months} meses después "
        "del último",
    ),
    "scenario": ("Scenario", "Scénario", "Escenario"),
    "threshold": ("Threshold", "Seuil", "Umbral"),
    "expected_eif": (
        "Expected entry into force",
        "Entrée en vigueur attendue",
        "Entrada en vigor prevista",
    ),
    "scenario_pace": (
        "current pace ({rate} a month over {months} months)",
        "rythme actuel ({rate} par mois sur {months} mois)",
        "ritmo actual ({rate} al mes en {months} meses)",
    ),
    "not_in_sight": ("not in sight", "pas en vue", "no previsible"),
    # Evidence and method
    "evidence": ("Evidence", "Preuves", "Pruebas"),
    "evidence_text": (
        "Every count above is the number of rows below, as of {end}. Each row gives the page "
        "it was read from.",
        "Chaque chiffre ci-dessus est le nombre de lignes ci-dessous, au {end}. Chaque ligne "
        "indique la page où l'information a été lue.",
        "Cada cifra anterior es el número de filas siguientes, a {end}. Cada fila indica la "
        "página en la que se leyó la información.",
    ),
    "evidence_for": (
        "Evidence for indicator {number}: {title} ({count})",
        "Preuves de l'indicateur {number} : {title} ({count})",
        "Pruebas del indicador {number}: {title} ({count})",
    ),
    "title_as_source": (
        "Titles are given as in their source.",
        "Les titres sont donnés tels que dans leur source.",
        "Los títulos figuran como en su fuente.",
    ),
    "method": ("Method and limitations", "Méthode et limites", "Método y limitaciones"),
    "method_text": (
        "Counts come from the TreatyWatch status engine over the depositary record and from "
        "the reviewed registers of events and references. Only items a reviewer confirmed are "
        "counted; an event without a known day counts from the day it was read.",
        "Les chiffres proviennent du moteur de statut de TreatyWatch appliqué aux données du "
        "dépositaire et des registres vérifiés d'événements et de références. Seuls les "
        "éléments confirmés sont comptés ; un événement sans date connue compte à partir du "
        "jour où il a été lu.",
        "Las cifras proceden del motor de estado de TreatyWatch aplicado a los datos del "
        "depositario y de los registros revisados de eventos y referencias. Solo se cuentan los "
        "elementos confirmados; un evento sin fecha conocida cuenta desde el día en que se leyó.",
    ),
    "page": ("Page", "Page", "Página"),
    "of": ("of", "sur", "de"),
    # Factsheet
    "factsheet_title": (
        "The Ljubljana – The Hague Convention: {state}",
        "La Convention de Ljubljana – La Haye : {state}",
        "La Convención de Liubliana – La Haya: {state}",
    ),
    "factsheet_as_of": ("Situation on {day}", "Situation au {day}", "Situación al {day}"),
    "factsheet_status": ("Where it stands", "Situation", "Situación"),
    "signed_on": ("Signed on", "Signée le", "Firmada el"),
    "consented_on": (
        "Instrument deposited on",
        "Instrument déposé le",
        "Instrumento depositado el",
    ),
    "in_force_on": (
        "In force for it from",
        "En vigueur à son égard depuis",
        "En vigor para este Estado desde",
    ),
    "not_yet": ("not yet", "pas encore", "todavía no"),
    "recommended_step": (
        "Recommended next step",
        "Prochaine étape recommandée",
        "Próximo paso recomendado",
    ),
    "priority": ("Priority score", "Score de priorité", "Puntuación de prioridad"),
    "region": ("UN regional group", "Groupe régional de l'ONU", "Grupo regional de la ONU"),
    "peers_signed": (
        "{signed} of the {total} other States of the group have signed.",
        "{signed} des {total} autres États du groupe ont signé.",
        "{signed} de los otros {total} Estados del grupo han firmado.",
    ),
    "rome_party": (
        "Party to the Rome Statute",
        "Partie au Statut de Rome",
        "Parte en el Estatuto de Roma",
    ),
    "yes": ("yes", "oui", "sí"),
    "no": ("no", "non", "no"),
    "key_facts": ("The Convention in brief", "La Convention en bref", "La Convención en breve"),
    "fact_adopted": (
        "Adopted by consensus in Ljubljana on 26 May 2023; opened for signature in The Hague "
        "on 14 February 2024.",
        "Adoptée par consensus à Ljubljana le 26 mai 2023 ; ouverte à la signature à La Haye le "
        "14 février 2024.",
        "Adoptada por consenso en Liubliana el 26 de mayo de 2023; abierta a la firma en La "
        "Haya el 14 de febrero de 2024.",
    ),
    "fact_scope": (
        "A framework for mutual legal assistance and extradition between States for genocide, "
        "crimes against humanity and war crimes, with optional annexes for other crimes.",
        "Un cadre d'entraide judiciaire et d'extradition entre États pour le génocide, les "
        "crimes contre l'humanité et les crimes de guerre, avec des annexes facultatives pour "
        "d'autres crimes.",
        "Un marco de asistencia judicial recíproca y extradición entre Estados para el "
        "genocidio, los crímenes de lesa humanidad y los crímenes de guerra, con anexos "
        "opcionales para otros crímenes.",
    ),
    "fact_counts": (
        "{signatories} signatory States and {consenting} instrument(s) of consent on {day}.",
        "{signatories} États signataires et {consenting} instrument(s) de consentement au {day}.",
        "{signatories} Estados signatarios y {consenting} instrumento(s) de consentimiento al "
        "{day}.",
    ),
    "talking_points": ("Talking points", "Points à aborder", "Puntos de conversación"),
    "talk_sign": (
        "Signing expresses support and opens the way to ratification; any State can join.",
        "La signature exprime un soutien et ouvre la voie à la ratification ; tout État peut "
        "y participer.",
        "La firma expresa apoyo y abre el camino a la ratificación; cualquier Estado puede "
        "sumarse.",
    ),
    "talk_ratify": (
        "Each instrument of consent brings entry into force closer; ask about the domestic "
        "procedure and its timetable.",
        "Chaque instrument de consentement rapproche l'entrée en vigueur ; s'enquérir de la "
        "procédure interne et de son calendrier.",
        "Cada instrumento de consentimiento acerca la entrada en vigor; preguntar por el "
        "procedimiento interno y su calendario.",
    ),
    "talk_encourage_others": (
        "As a State that has consented, it can encourage its region and partners to join.",
        "En tant qu'État ayant consenti, il peut encourager sa région et ses partenaires à "
        "rejoindre la Convention.",
        "Como Estado que ha consentido, puede alentar a su región y a sus socios a sumarse.",
    ),
    "talk_use_convention": (
        "The Convention is in force for it: designate the central authority and use it in "
        "requests for assistance and extradition.",
        "La Convention est en vigueur à son égard : désigner l'autorité centrale et l'utiliser "
        "dans les demandes d'entraide et d'extradition.",
        "La Convención está en vigor para este Estado: designar la autoridad central y "
        "utilizarla en las solicitudes de asistencia y extradición.",
    ),
    "talk_peers": (
        "Regional peers that signed: {names}.",
        "Pairs régionaux signataires : {names}.",
        "Pares regionales firmantes: {names}.",
    ),
    "talk_pledge": (
        "Covered by a public pledge to consider ratification ({pledge}).",
        "Concerné par un engagement public à envisager la ratification ({pledge}).",
        "Incluido en un compromiso público de considerar la ratificación ({pledge}).",
    ),
    "involving": (
        "Events and references involving the State",
        "Événements et références concernant l'État",
        "Eventos y referencias relativos al Estado",
    ),
    "undated": ("date unknown", "date inconnue", "fecha desconocida"),
    "nothing_recorded": ("Nothing recorded.", "Rien n'est enregistré.", "No hay registros."),
    "factsheet_footer": (
        "TreatyWatch factsheet. Facts as recorded on {today}; sources listed above. The "
        "entry-into-force rule is not verified against the treaty text.",
        "Fiche TreatyWatch. Faits enregistrés au {today} ; sources indiquées ci-dessus. La règle "
        "d'entrée en vigueur n'est pas vérifiée dans le texte du traité.",
        "Ficha de TreatyWatch. Hechos registrados al {today}; fuentes indicadas arriba. La regla "
        "de entrada en vigor no está comprobada en el texto del tratado.",
    ),
}


class Labels(dict[str, str]):
    """The messages of one language, with `format` for those that take values."""

    language: str = "en"

    def format(self, key: str, **values: object) -> str:
        return self[key].format(**values)


def labels(language: str) -> Labels:
    """All messages in `language`; ValueError for a language reports are not written in."""
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}; choose one of: {', '.join(LANGUAGES)}")
    index = LANGUAGES.index(language)
    found = Labels({key: texts[index] for key, texts in MESSAGES.items()})
    found.language = language
    return found


def format_day(day: date | None, language: str, style: str = "long") -> str:
    """A date as the language writes it (29 November 2026, 29 novembre 2026, …)."""
    if day is None:
        return "—"
    return str(format_date(day, format=style, locale=_LOCALES[language]))


def language_name(code: str, language: str) -> str:
    """A language's name in the report's language (`fr` → French, français, francés)."""
    from babel import Locale, UnknownLocaleError

    try:
        return str(Locale(_LOCALES[language]).languages.get(code, code))
    except (UnknownLocaleError, ValueError):
        return code


def format_number(value: float, language: str, pattern: str = "0.###") -> str:
    return str(format_decimal(value, format=pattern, locale=_LOCALES[language]))


def describe_rule(rule: EntryIntoForceRule, language: str) -> str:
    """The entry-into-force rule in the report's language."""
    key = (
        "rule_description"
        if rule.delay.anchor == "first_day_of_following_month"
        else "rule_description_end"
    )
    return labels(language).format(key, threshold=rule.threshold, months=rule.delay.months)
