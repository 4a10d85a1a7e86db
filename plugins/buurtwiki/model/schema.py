"""The nine entity types of content format v1 (:data:`DEFAULT_REGISTRY`): the one place where
types, their fields, folders, graph styles and overviews are listed.

Validation, page templates (infobox order and labels), JSON Schema, open-data exports,
scaffolding (`buurtwiki nieuw`) and the ecosystem graph (relations) all read the registry that
travels with the build (``Site.registry``), by default this one.
"""

from __future__ import annotations

from .fields import (
    Choice,
    Date,
    DateTime,
    EmailAddress,
    Field,
    FilePath,
    LatLon,
    ListOf,
    Number,
    OpeningHours,
    Recurrence,
    Ref,
    Struct,
    Text,
    ThemeKey,
    Url,
    Year,
)
from .linked import linked
from .registry import Registry
from .types import TYPE_FIELD, EntityType, GraphStyle, Layout, OverviewSpec


def words(*values: str, **labels: str) -> dict[str, str]:
    """Value words with their Dutch label: the word itself with hyphens as spaces by default."""
    return {v: labels.get(v.replace("-", "_"), v.replace("-", " ")) for v in values}


TITEL = Field("titel", Text(), required=True, label="Titel")
SAMENVATTING = Field("samenvatting", Text(max_length=300), label="Samenvatting", help="Eén of twee zinnen over deze pagina.")
BEVESTIGD = Field(
    "bevestigd", Date(), label="Laatst bevestigd", help="De laatste keer dat iemand heeft nagekeken dat deze pagina nog klopt."
)
TYPE = TYPE_FIELD  # implicit on every type

INITIATIEF_STATUS = words("in-opbouw", "actief", "slapend", "gestopt", "overgedragen")
PLEK_STATUS = words("open", "bedreigd", "gesloten", "tijdelijk")
AGENDAPUNT_STATUS = words("idee", "voorgesteld", "opgepakt", "loopt", "vastgelopen", "gerealiseerd", "losgelaten")
ACTIVITEIT_STATUS = words("gepland", "afgelast", "verplaatst")
REACTIE = words(
    "geen", "ontvangst", "gesprek", "toezegging", "afgewezen", "uitgevoerd",
    geen="geen reactie", ontvangst="ontvangst bevestigd", gesprek="gesprek gevoerd",
    toezegging="toezegging gedaan", afgewezen="afgewezen", uitgevoerd="uitgevoerd",
)


GERICHT_AAN = Struct([
    Field("organisatie", Ref(("organisatie",)), required=True, label="Organisatie"),
    Field("verzonden", Date(), label="Verzonden"),
    Field("reactie", Choice(REACTIE), label="Reactie"),
    Field("datum", Date(), label="Datum reactie"),
    Field("toelichting", Text(), label="Toelichting"),
    Field("bron", Url(), label="Bron"),
], answer="reactie")

MIJLPAAL = Struct([
    Field("datum", Date(), required=True, label="Datum"),
    Field("titel", Text(), required=True, label="Titel"),
    Field("toelichting", Text(), label="Toelichting"),
])

BEZETTING = Struct([
    Field("naam", Text(), label="Naam"),
    Field("organisatie", Ref(("organisatie",)), required=True, label="Organisatie"),
    Field("van", Date(), required=True, label="Van"),
    Field("tot", Date(), label="Tot"),
], period=("van", "tot"))

CONTACT = Struct([
    Field("email", EmailAddress(), label="E-mail",
          help="Eén adres. Op de site staat het als naam [apenstaartje] domein, zodat spamprogramma's het niet lezen."),
    Field("telefoon", Text(), label="Telefoon"),
    Field("website", Url(), label="Website"),
])

HERHALING_WORDS = words("wekelijks", "tweewekelijks", "maandelijks")

DEFAULT_REGISTRY = Registry([
    EntityType("wijk", "Wijk", "Wijken", None, [
        TITEL,
        Field("gemeente", Text(), label="Gemeente"),
        Field("stadsdeel", Text(), label="Stadsdeel"),
        Field("inwoners", Number(minimum=0, maximum=10_000_000, integer=True), label="Inwoners"),
        Field("buurten", ListOf(Text()), label="Buurten"),
        Field("centrum", LatLon(), label="Centrum"),
        Field("grens", FilePath(), label="Grens", help="Pad naar een GeoJSON-bestand in de map van de wijk."),
        SAMENVATTING,
    ], layout=Layout.WIJK_INDEX, style=GraphStyle("#37474f", "star"),
       linked=linked("Place", centrum="geo", gemeente="containedInPlace")),
    EntityType("initiatief", "Initiatief", "Initiatieven", "initiatieven", [
        TITEL,
        Field("status", Choice(INITIATIEF_STATUS), required=True, label="Status"),
        SAMENVATTING,
        Field("soort", Choice(words("initiatief", "werkgroep", "cooperatie", "vereniging", "platform", cooperatie="coöperatie")), label="Soort"),
        Field("themas", ListOf(ThemeKey()), label="Thema's"),
        Field("sinds", Date(), label="Sinds"),
        Field("tot", Date(), label="Tot"),
        Field("plekken", ListOf(Ref(("plek",))), label="Plekken", relation="vindt plaats in", inverse="plek van"),
        Field("ondersteund_door", ListOf(Ref(("organisatie", "rol"))), label="Ondersteund door", relation="ondersteund door", inverse="ondersteunt"),
        Field("gefinancierd_door", ListOf(Ref(("fonds", "organisatie"))), label="Gefinancierd door", relation="gefinancierd door", inverse="financiert"),
        Field("ontstaan_uit", Ref(("agendapunt", "activiteit", "initiatief")), label="Ontstaan uit", relation="ontstaan uit", inverse="gaf aanleiding tot"),
        Field("draagt_bij_aan", ListOf(Ref(("agendapunt",))), label="Draagt bij aan", relation="draagt bij aan", inverse="krijgt hulp van"),
        Field("verwant_aan", ListOf(Ref(("initiatief",))), label="Verwant aan", relation="verwant aan", inverse="verwant aan"),
        Field("opvolger_van", Ref(("initiatief",)), label="Opvolger van", relation="opvolger van", inverse="opgevolgd door"),
        Field("zoekt", ListOf(Choice(words("trekker", "vrijwilligers", "plek", "geld"))), label="Zoekt"),
        Field("contact", CONTACT, label="Contact"),
        BEVESTIGD,
    ], style=GraphStyle("#00796b", "ellipse"), overview=OverviewSpec(order=0),
       finished=frozenset({"gestopt", "overgedragen"}), order=(("sinds", "tot"),),
       linked=linked("Project", hsds="organization", sinds="foundingDate", tot="dissolutionDate", plekken="location",
                     ondersteund_door="sponsor", gefinancierd_door="funder", themas="keywords", contact="contactPoint")),
    EntityType("plek", "Plek", "Plekken", "plekken", [
        TITEL,
        Field("status", Choice(PLEK_STATUS), required=True, label="Status"),
        SAMENVATTING,
        Field("soort", Choice(words(
            "buurthuis", "buurtkamer", "wijkcentrum", "bibliotheek", "speeltuin", "park", "plein", "school",
            "kerk", "horeca", "winkel", "sportclub", "tuin", "online", "anders",
        )), label="Soort"),
        Field("adres", Text(), label="Adres"),
        Field("locatie", LatLon(), label="Locatie"),
        Field("eigenaar", Ref(("organisatie",)), label="Eigenaar", relation="eigendom van", inverse="eigenaar van"),
        Field("beheerder", Ref(("organisatie", "initiatief")), label="Beheerder", relation="beheerd door", inverse="beheert"),
        Field("openingstijden", ListOf(OpeningHours()), label="Openingstijden"),
        Field("toegankelijk", Choice(words("ja", "beperkt", "nee", ja="toegankelijk", beperkt="beperkt toegankelijk", nee="niet toegankelijk")), label="Toegankelijk"),
        Field("voorzieningen", ListOf(Text()), label="Voorzieningen"),
        BEVESTIGD,
    ], style=GraphStyle("#ad1457", "round-rectangle"), overview=OverviewSpec(order=1),
       finished=frozenset({"gesloten"}),
       linked=linked("Place", hsds="location", adres="address", locatie="geo", openingstijden="openingHoursSpecification",
                     voorzieningen="amenityFeature")),
    EntityType("organisatie", "Organisatie", "Organisaties", "organisaties", [
        TITEL,
        Field("soort", Choice(words(
            "gemeente", "stadsdeel", "woningcorporatie", "welzijnsorganisatie", "zorgorganisatie", "wijkteam",
            "bewonersorganisatie", "buurtcooperatie", "school", "bibliotheek", "kerk", "ondernemer", "fonds",
            "netwerk", "kennisinstituut", "anders", buurtcooperatie="buurtcoöperatie",
        )), required=True, label="Soort"),
        Field("website", Url(), label="Website"),
        Field("werkgebied", ListOf(Ref(("wijk",))), label="Werkgebied", relation="actief in", inverse="werkgebied van"),
        Field("onderdeel_van", Ref(("organisatie",)), label="Onderdeel van", relation="onderdeel van", inverse="heeft als onderdeel"),
        SAMENVATTING,
    ], layout=Layout.SITE_WIDE, style=GraphStyle("#1565c0", "diamond"),
       overview=OverviewSpec(in_wijk=False, group_by="soort",
                             intro="Organisaties die in een of meer wijken actief zijn."),
       linked=linked("Organization", hsds="organization", website="url", werkgebied="areaServed", onderdeel_van="parentOrganization")),
    EntityType("fonds", "Fonds", "Fondsen", "fondsen", [
        TITEL,
        Field("verstrekker", Ref(("organisatie",)), label="Verstrekker", relation="verstrekt door", inverse="verstrekt"),
        Field("voor", Text(), label="Voor wie"),
        Field("maximaal_bedrag", Number(minimum=0, maximum=1_000_000_000, unit="euro"), label="Maximaal bedrag"),
        Field("aanvragen", Url(), label="Aanvragen"),
        Field("verantwoording", Choice(words("licht", "gemiddeld", "zwaar")), label="Verantwoording"),
        SAMENVATTING,
    ], layout=Layout.SITE_WIDE, style=GraphStyle("#7a5c00", "hexagon"),
       overview=OverviewSpec(in_wijk=False, intro="Fondsen en budgetten waar bewoners geld kunnen aanvragen."),
       linked=linked("MonetaryGrant", verstrekker="funder", aanvragen="url", maximaal_bedrag="amount")),
    EntityType("rol", "Rol", "Rollen", "rollen", [
        TITEL,
        Field("soort", Choice(words(
            "opbouwwerker", "buurtverbinder", "wijkcoach", "dorpsondersteuner", "kwartiermaker",
            "gebiedsmakelaar", "wijkagent", "sociaal-werker", "anders",
        )), required=True, label="Soort"),
        Field("bezetting", ListOf(BEZETTING), label="Bezetting", relation="in dienst van", inverse="levert",
              help="Wie deze rol had, voor welke organisatie, van wanneer tot wanneer: één groep per periode."),
        SAMENVATTING,
    ], style=GraphStyle("#6a1b9a", "triangle"), overview=OverviewSpec(order=3),
       sections=frozenset({"bezetting"}),  # a timeline of holders (outputs/periods.py)
       row_keys={"bezetting": ("naam", "organisatie", "van")},
       linked=linked("Occupation")),
    EntityType("toekomstagenda", "Toekomstagenda", "Toekomstagenda's", "toekomstagenda", [
        TITEL,
        Field("vastgesteld", Date(), required=True, label="Vastgesteld"),
        Field("horizon", Year(), label="Horizon"),
        Field("ontstaan_uit", Ref(("activiteit",)), label="Ontstaan uit", relation="ontstaan uit", inverse="gaf aanleiding tot"),
        Field("deelnemers", Number(minimum=0, maximum=1_000_000, integer=True), label="Deelnemers"),
        Field("document", Url(), label="Document"),
        SAMENVATTING,
    ], layout=Layout.AGENDA_INDEX, style=GraphStyle("#4e342e", "rectangle"),
       overview=OverviewSpec(order=4),
       linked=linked("CreativeWork", vastgesteld="datePublished", document="url", horizon="temporalCoverage")),
    EntityType("agendapunt", "Agendapunt", "Agendapunten", "toekomstagenda", [
        TITEL,
        Field("status", Choice(AGENDAPUNT_STATUS), required=True, label="Status"),
        Field("thema", ThemeKey(), label="Thema"),
        Field("voortgang", Number(minimum=0, maximum=100), label="Voortgang", help="Hoe ver het punt is, van 0 tot 100 procent."),
        Field("trekkers", ListOf(Ref(("initiatief", "organisatie", "rol"))), label="Trekkers", relation="getrokken door", inverse="trekt"),
        Field("gericht_aan", ListOf(GERICHT_AAN), label="Gericht aan", relation="gericht aan", inverse="ontving"),
        Field("mijlpalen", ListOf(MIJLPAAL), label="Mijlpalen"),
        Field("vorige", Ref(("agendapunt",)), label="Vervolg op", relation="volgt op", inverse="opgevolgd door",
              help="Het agendapunt uit een eerdere editie van de toekomstagenda waar dit punt op voortbouwt."),
        SAMENVATTING,
    ], layout=Layout.AGENDA_ITEM, style=GraphStyle("#d84315", "tag"),
       sections=frozenset({"gericht_aan", "mijlpalen", "voortgang", "trekkers"}),
       finished=frozenset({"gerealiseerd", "losgelaten"}), achieved=frozenset({"gerealiseerd"}),
       row_keys={"gericht_aan": ("organisatie",), "mijlpalen": ("datum", "titel")},
       linked=linked("CreativeWork", thema="about", trekkers="contributor", vorige="isBasedOn")),
    EntityType("activiteit", "Activiteit", "Activiteiten", "activiteiten", [
        TITEL,
        Field("start", DateTime(), required=True, label="Start"),
        Field("einde", DateTime(), label="Einde"),
        Field("herhaling", Recurrence(HERHALING_WORDS), label="Herhaling", help="wekelijks, tweewekelijks, maandelijks of een iCalendar-regel zoals FREQ=WEEKLY;BYDAY=TU"),
        Field("herhaling_tot", Date(), label="Herhaling tot"),
        Field("plek", Ref(("plek",)), label="Plek", relation="vindt plaats in", inverse="plek van"),
        Field("organisator", ListOf(Ref(("initiatief", "organisatie"))), label="Organisator", relation="georganiseerd door", inverse="organiseert"),
        Field("themas", ListOf(ThemeKey()), label="Thema's"),
        Field("status", Choice(ACTIVITEIT_STATUS), label="Status"),
        Field("kosten", Text(), label="Kosten"),
        SAMENVATTING,
    ], status_default="gepland", style=GraphStyle("#2e7d32", "pentagon"),
       overview=OverviewSpec(order=2), order=(("start", "einde"), ("start", "herhaling_tot")),
       linked=linked("Event", hsds="service", start="startDate", einde="endDate", plek="location", organisator="organizer",
                     status="eventStatus", herhaling="eventSchedule", themas="keywords",
                     values={"status": {"gepland": "EventScheduled", "afgelast": "EventCancelled",
                                        "verplaatst": "EventRescheduled"}})),
])

