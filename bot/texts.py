"""What the bot says in a chat, outside the rule packs (those hold the rule replies).

Short, friendly, Dutch (nl-BE). `t(key, **fields)` formats one text.
"""

from __future__ import annotations

from typing import Any

NL: dict[str, str] = {
    "help_header": "Wat ik voor je kan doen:",
    "help_member_note": "Zie je iets verdachts? Bel eerst 101 en meld het dan hier, kort en in één bericht.",
    "not_allowed": "Sorry, dat kunnen alleen de coördinatoren van deze groep.",
    "unknown_command": "Dat commando ken ik niet. Typ /help voor wat ik kan.",
    "usage": "Gebruik: {usage}",
    "private_only_start": "Dag! Je krijgt van mij voortaan tips en antwoorden hier, privé. 👋",
    "group_registered": "groep geregistreerd",
    # -- moderation (bot/commands/moderation.py, bot/warnings.py) ---------------------------
    "usage_warn": "/warn [reden] — als antwoord op een bericht, of /warn @naam [reden]",
    "usage_remove": "/remove [reden] — als antwoord op een bericht, of /remove @naam [reden]",
    "usage_unwarn": "/unwarn — als antwoord op een bericht, of /unwarn @naam",
    "usage_unban": "/unban @naam — of als antwoord op een oud bericht van het lid",
    "usage_warnings": "/warnings — of /warnings @naam (coördinatoren)",
    "warned": "⚠️ {name}, waarschuwing {n}/{limit}. Lees /regels.",
    "warned_reason": "⚠️ {name}, waarschuwing {n}/{limit}: {reason}. Lees /regels.",
    "warned_banned": "⚠️ {name}, waarschuwing {n}/{limit}: {reason}. Dat is de limiet: je wordt uit de groep verwijderd.",
    "limit_reason": "{limit} waarschuwingen",
    "propose_remove": "{name} heeft {count} waarschuwingen (laatste: {reason}). Verwijderen? {how}",
    "propose_how_username": "Typ in de groep /remove @{username}.",
    "propose_how_reply": "Antwoord in de groep met /remove op een bericht van {name}.",
    "removed": "🚫 {name} is uit de groep verwijderd.",
    "removed_reason": "🚫 {name} is uit de groep verwijderd: {reason}.",
    "unbanned": "✅ {name} mag terug in de groep. Eerdere waarschuwingen tellen niet meer.",
    "unwarned": "↩️ Laatste waarschuwing van {name} ingetrokken ({count} nog actief).",
    "no_warnings_to_withdraw": "{name} heeft geen actieve waarschuwingen.",
    "unknown_member": "Ik ken {name} niet in deze groep. Antwoord op een bericht van het lid.",
    "not_banned_unknown": "Ik vind {name} niet bij de verwijderde leden. Probeer /unban @naam.",
    "cannot_target_bot": "Dat ben ik zelf: mij kan je niet waarschuwen of verwijderen.",
    "cannot_target_coordinator": "{name} is coördinator: coördinatoren kan ik niet waarschuwen of verwijderen.",
    "warnings_private_sent": "Ik heb je een privébericht gestuurd.",
    "warnings_none": "{name} heeft geen actieve waarschuwingen.",
    "warnings_count": "{name} heeft {count} actieve waarschuwing(en) (limiet {limit}).",
    "warnings_header": "Waarschuwingen van {name} ({count}/{limit}, ze vervallen na {days} dagen):",
    "warnings_line": "• {date}: {reason}",
    "warnings_only_own": "Je kan alleen je eigen waarschuwingen opvragen: typ /warnings.",
    "no_reason": "geen reden opgegeven",
    # -- /settings ----------------------------------------------------------------------------
    "usage_settings": "/settings — of /settings SLEUTEL WAARDE, bv. /settings warn_limit 5, /settings conduct.off_topic uit, /settings conduct.language policy remind,notify",
    "settings_header": "Instellingen van deze groep:",
    "settings_rules": "Regels:",
    "settings_rule_line": "• {rule}: {state} ({policy})",
    "settings_footer": "Wijzigen: /settings SLEUTEL WAARDE (bv. /settings warn_limit 5).",
    "settings_unknown_key": "Die instelling ken ik niet: {setting}. Kies uit: {allowed}.",
    "settings_bad_value": "Ongeldige waarde voor {setting}: {value}. Toegestaan: {allowed}.",
    "settings_saved": "✅ {setting} is nu {value}.",
    "on": "aan",
    "off": "uit",
    "days": "{n} dagen",
    # -- /status --------------------------------------------------------------------------------
    "status_header": "Wat ik in deze groep kan:",
    "status_all_ok": "Alles in orde: ik kan hier alles wat ik nodig heb.",
    "status_warn_line": "Waarschuwingen: limiet {limit}, vervallen na {days} dagen; bij de limiet: {mode}.",
    "mode_ban": "verwijderen",
    "mode_propose": "voorstel aan de coördinatoren",
    "cap_delete": "berichten verwijderen",
    "cap_ban": "leden verwijderen",
    "cap_kick": "leden uit de groep zetten",
    "cap_mute": "leden tijdelijk het zwijgen opleggen",
    "cap_approve_join": "toetredingsverzoeken goedkeuren",
    "cap_reply_thread": "antwoorden op een bericht",
    "cap_private_message": "privéberichten sturen",
    "cap_pin": "berichten vastmaken",
    "cap_protect_content": "doorsturen van berichten beperken",
    "cap_fix_delete": "Ik kan geen berichten verwijderen: maak me beheerder met het recht 'berichten verwijderen'.",
    "cap_fix_ban": "Ik kan geen leden verwijderen: maak me beheerder met het recht 'leden verbannen'.",
    "cap_fix_kick": "Ik kan niemand uit de groep zetten: maak me beheerder met het recht 'leden verbannen'.",
    "cap_fix_mute": "Ik kan niemand het zwijgen opleggen: dat kan alleen in een supergroep, met het recht 'leden beperken'.",
    "cap_fix_approve_join": "Ik kan geen toetredingsverzoeken goedkeuren: maak me beheerder met het recht 'leden uitnodigen'.",
    "cap_fix_reply_thread": "Ik kan niet op een bericht antwoorden: mijn antwoorden komen los in de groep.",
    "cap_fix_private_message": "Ik kan geen privéberichten sturen: leden moeten me eerst zelf een bericht sturen (of de groep is geen gewone groep).",
    "cap_fix_pin": "Ik kan geen berichten vastmaken: maak me beheerder met het recht 'berichten vastmaken'.",
    "cap_fix_protect_content": "Ik kan het doorsturen niet beperken: zet 'inhoud beschermen' aan in de groepsinstellingen.",
    # -- /log -----------------------------------------------------------------------------------
    "log_header": "Laatste acties in deze groep:",
    "log_empty": "Nog niets gebeurd in deze groep.",
    "exempt": "{role}: wordt niet automatisch gemodereerd",
    "role_coordinator": "coördinator",
    "role_trusted": "vertrouwd lid",
    "role_member": "lid",
    "reason_photo": "Foto zonder uitleg of signalement.",
    "reason_essay": "Heel lang bericht.",
    "reason_burst": "Melding verspreid over meerdere korte berichten.",
    "reason_duplicate": "Hetzelfde voorval werd kort voordien al gemeld.",
    "reason_rate_limited": "te veel antwoorden van de bot in deze groep deze minuut",
    "cannot_delete": (
        "Ik kan in deze groep geen berichten verwijderen. Ik herinner leden nu aan de regels en "
        "meld het aan jullie. Wil je dat ik zelf verwijder? Maak me beheerder met het recht "
        "'berichten verwijderen'."
    ),
    "notify_case": (
        "🔔 Zaak {n} — {name}: {findings}{quoted}\n"
        "Antwoord met /ok {n} (niets doen), /ban {n} (verwijderen) of /herstel {n} (ongedaan maken)."
    ),
    "notify_deleted_text": "\nVerwijderd bericht: “{text}”",
    "trial_notice": "🧪 Proefmodus — bij {name} ({rules}) zou ik: {would}",
    "trial_only_notify": "jullie verwittigen",
    "would_reply": "antwoorden “{text}”",
    "would_delete": "het bericht verwijderen",
    "would_ban": "het lid verwijderen",
    "would_private_message": "een privébericht sturen",
    "would_mute": "het lid tijdelijk het zwijgen opleggen",
    "would_kick": "het lid uit de groep zetten",
    "case_unknown": "Zaak {n} ken ik niet.",
    "button_ok": "👍 Niets doen",
    "button_ban": "⛔ Verwijderen",
    "button_herstel": "↩️ Herstellen",
    "case_unknown_group": "De groep {group} ken ik niet.",
    "case_ambiguous": "Zaak {n} bestaat in meer groepen ({groups}). Gebruik: {usage}",
    "case_ok": "Zaak {n} is afgesloten, ik doe verder niets. 👍",
    "case_no_member": "In zaak {n} is er geen lid om te verwijderen.",
    "case_banned": "Zaak {n}: {name} is uit de groep verwijderd.",
    "case_undone": "Zaak {n} hersteld: {what}.",
    "undone_ban": "ban opgeheven",
    "undone_warning": "waarschuwing ingetrokken",
    "undone_nothing": "er was niets om ongedaan te maken",
    "undo_deleted": "\nHet verwijderde bericht kan ik niet terugzetten. De tekst was: “{text}”",
    "trial_on": "🧪 Proefmodus staat aan: ik doe niets in de groep en meld de coördinatoren wat ik zou doen.",
    "trial_off": "Proefmodus staat uit: ik modereer de groep weer zelf.",
    "pause_on": "⏸️ Incidentmodus voor {minutes} minuten: geen herinneringen over de vorm van meldingen. Blijf veilig!",
    "pause_off": "Incidentmodus is voorbij. Ik let weer op alle regels.",
}


def t(key: str, **fields: Any) -> str:
    text = NL[key]
    return text.format(**fields) if fields else text
