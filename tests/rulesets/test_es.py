"""The Spanish rule set (compliance/rulesets/es.yaml) on Spanish phrasings: each rule raised and
not raised, look-alikes, accents and their absence, disguised labels, and negations.

The posts are built as the readers build them (`Post` with an `Origin`), with `market: es`, and
checked by one shared Checker: compiling the set per post would cost more than the checks.
"""

from __future__ import annotations

import functools

import pytest

from compliance import Checker, Origin, Post, load_rulesets


@functools.cache
def _checker() -> Checker:
    return Checker(load_rulesets(("es",)))


def es_post(text: str, **fields: object) -> Post:
    """A post of the Spanish market; timed cues given as (seconds, words) pairs."""
    cues = fields.pop("cues", None)
    if cues is not None:
        parts, times, at = [], [], 0
        for seconds, words in cues:  # type: ignore[attr-defined]
            times.append((at, float(seconds)))
            parts.append(words)
            at += len(words) + 1
        fields["transcript"] = " ".join(parts)
        fields["cue_times"] = tuple(times)
    overlay = fields.pop("overlay", ())
    fields["overlay"] = (overlay,) if isinstance(overlay, str) else tuple(overlay)  # type: ignore[arg-type]
    return Post(text=text, id="<es>", origin=Origin("<es>"), market=("es",), **fields)  # type: ignore[arg-type]


def rules_of(text: str, **fields: object) -> set[str]:
    return {finding.rule for finding in _checker().check(es_post(text, **fields)).findings}


def categories_of(text: str, **fields: object) -> set[str]:
    return {finding.category for finding in _checker().check(es_post(text, **fields)).findings}


def test_the_set_loads_with_its_shared_lexicons():
    (ruleset,) = load_rulesets(("es",))
    assert ruleset.markets == ("es",)
    assert ruleset.preferred_label == "Publicidad"
    assert {"labels_es", "labels_en", "affiliate_links", "discount_codes"} <= set(ruleset.lexicons)
    assert all(name.startswith(("es_", "labels_")) or name in ("affiliate_links", "discount_codes") for name in ruleset.lexicons)


# --- Accepted labels (ES-LABELS): a paid post with any of them raises nothing ---------------------

ACCEPTED = [
    "Publicidad | Mi nuevo sérum favorito",
    "PUBLICIDAD: mi nuevo sérum favorito",
    "#publi Mi nuevo sérum favorito",
    "#Publi Mi nuevo sérum favorito",
    "#públi Mi nuevo sérum favorito",
    "Publi | mi nuevo sérum favorito",
    "✨ PUBLI ✨ mi nuevo sérum favorito",
    "(publi) mi nuevo sérum favorito",
    "[Publi] mi nuevo sérum favorito",
    "Publi · mi nuevo sérum favorito",
    "Mi nuevo sérum favorito, esto es publi de @glowlab",
    "Colaboración pagada con @glowlab: mi nuevo sérum favorito",
    "Colaboracion pagada con @glowlab: mi nuevo sérum favorito",
    "Contenido patrocinado por @glowlab: mi nuevo sérum favorito",
    "Patrocinado por @glowlab: mi nuevo sérum favorito",
    "Esta publicación está patrocinada por @glowlab: mi nuevo sérum favorito",
    "En colaboración con @glowlab: mi nuevo sérum favorito",
    "En colaboracion con Glowlab: mi nuevo sérum favorito",
    "Embajadora de @glowlab: mi nuevo sérum favorito",
    "Embajador de @glowlab: mi nuevo sérum favorito",
    "Mi nuevo sérum favorito #GlowlabEmbajadora",
    "@glowlab me paga por este post: mi nuevo sérum favorito",
    "#publi #ad Mi nuevo sérum favorito",
    "Mi nuevo sérum favorito de @glowlab, publi",
    "Mi nuevo sérum favorito de @glowlab 💄 publi",
    "Mi desayuno con la granola de @granolamia (publi) 🥣",
]


@pytest.mark.parametrize("text", ACCEPTED)
def test_accepted_labels_disclose(text):
    assert rules_of(text, relationship="paid", language="es") == set()


def test_a_plain_commission_sentence_discloses_an_affiliate_link():
    text = "Si compras a través de los enlaces de este artículo me llevo una pequeña comisión. https://amzn.to/3abc"
    assert rules_of(text, platform="blog") == set()


def test_labels_in_co_official_languages_are_accepted():
    assert rules_of("Publicitat | Avui provem el nou cafè de @cafeteriaport ☕", relationship="paid") == set()
    assert rules_of("Publicidade | probamos o novo café de @cafeteriaport", relationship="paid") == set()


# --- ES-01, ES-07, ES-08, ES-09, ES-12: the connection and no label ---------------------------------


def test_metadata_connection_without_label():
    assert rules_of("El mejor batido de proteínas que he probado 💪", relationship="paid") == {"ES-01"}
    assert rules_of("El mejor batido de proteínas que he probado 💪", sponsored=True) == {"ES-01"}
    assert rules_of("El mejor batido de proteínas que he probado 💪", relationship="none") == set()
    assert rules_of("El mejor batido de proteínas que he probado 💪", sponsored=False) == set()


def test_the_brands_own_channel_needs_no_endorsement_label():
    assert rules_of("Ya está aquí la colección de otoño 🍂 con el código OTONO20", relationship="advertiser") == set()


@pytest.mark.parametrize("text", [
    "Mis zapatillas de todos los días: https://amzn.to/3xYz12",
    "El vestido del finde https://www.amazon.es/dp/B0C1234?tag=lauramoda-21",
    "Compradlo desde mi enlace y me ayudáis un montón 💕",
    "Cómpralo con mi link, que está en la bio",
])
def test_affiliate_links_and_calls_need_a_label(text):
    assert rules_of(text) == {"ES-07"}


def test_a_plain_amazon_link_is_not_an_affiliate_link():
    assert rules_of("El vestido del finde https://www.amazon.es/dp/B0C1234") == set()


@pytest.mark.parametrize("text", [
    "usa mi código PAULA15 para un 15% de descuento",
    "con el código LAURA10 tenéis envío gratis",
    "Código: VERANO20 en la web",
    "codigo de descuento en mis stories",
    "tienes un 20% de descuento con MARTA20",
    "cupón ANA5 en la web",
    "use code PAULA15 for 15% off",
])
def test_creator_codes_need_a_label(text):
    assert rules_of(f"Estos leggings son lo más 🔥 {text}") == {"ES-08"}


@pytest.mark.parametrize("text", [
    "Recuerda poner bien el código postal 28001 📦",
    "El código QR de la entrada está en el mail",
    "Hoy hablamos del código de conducta del equipo",
    "Estudiando el Código Penal para el examen 📚",
    "Hoy hablamos del Código de Conducta de Publicidad a través de Influencers",
])
def test_code_shaped_words_are_not_codes(text):
    assert rules_of(text) == set()


@pytest.mark.parametrize("text", [
    "Me lo ha mandado @glowlab y ya es imprescindible ✨",
    "@glowlab me ha enviado su nueva paleta 😍",
    "Mil gracias @glowlab por enviarme este set ✨",
    "Fin de semana increíble gracias a la invitación de @hotelmar 🌴",
    "Invitada por @hotelmar a su nuevo spa 🌴",
])
def test_gifts_and_invitations_need_a_label(text):
    assert rules_of(text) == {"ES-09"}


def test_a_gift_from_family_is_not_a_connection():
    assert rules_of("Mi madre me ha regalado este pañuelo por mi cumple 🎁") == set()
    assert rules_of("Mil gracias @mibestie por la tarta de cumple 🎂") == set()


def test_gifted_metadata_needs_an_advertising_label_not_a_gift_sentence():
    assert rules_of("Tres noches de paz en la costa 🌊 qué maravilla de hotel", relationship="gifted") == {"ES-09"}
    assert rules_of("#publi Tres noches de paz en la costa 🌊", relationship="gifted") == set()


def test_employee_owner_and_family_ties_must_be_stated():
    assert rules_of("#publi La nueva versión de la app va genial 😍", relationship="employee") == {"ES-12"}
    assert rules_of("Trabajo en @appnova y la nueva versión va genial 😍", relationship="employee") == set()
    assert rules_of("Por fin sale mi propia marca de velas 🕯️", relationship="owner") == set()
    assert rules_of("La panadería de mi hermana acaba de abrir 🥖", relationship="family") == set()
    assert rules_of("La empresa de mi marido lanza su primer vino 🍷", relationship="family") == set()
    assert rules_of("Nuestro negocio familiar cumple 30 años", relationship="owner") == set()


@pytest.mark.parametrize("text", [
    "Mi marca favorita de cremas 😍",
    "Mi marca de ropa favorita 😍",
    "Mi marca de confianza para el pelo",
])
def test_a_favourite_brand_is_not_an_owners_statement(text):
    assert rules_of(text, relationship="owner") == {"ES-12"}


# --- ES-02, ES-13, ES-14, ES-11: vague, disguised, hinted or denied ---------------------------------


@pytest.mark.parametrize("label", ["#sp", "#spon", "#sponcon", "#colab", "#collab", "#pub1i", "#p.u.b.l.i", "#publii", "#pu\u200bbli", "#\u0440ubli", "#publ1"])
def test_vague_and_disguised_labels_are_unclear(label):
    assert rules_of(f"Nuevo aceite de labios 💋 {label}") == {"ES-02"}


@pytest.mark.parametrize("text", [
    "Nuevo aceite de labios 💋 #colaboración",
    "Nuevo aceite de labios 💋 #embajadora",
    "Mil gracias @glowlab por este set ✨",
    "Mi primera colab con @runfast 🏃‍♀️",
])
def test_bare_collaboration_thanks_and_ambassador_tags_are_unclear(text):
    assert rules_of(text, relationship="paid") == {"ES-02"}


def test_vague_tags_with_an_accepted_label_are_fine():
    assert rules_of("#publi Nuevo aceite de labios 💋 #sp #colab", relationship="paid") == set()


def test_the_replacement_fix_writes_the_preferred_label():
    (finding,) = _checker().check(es_post("Nuevo aceite de labios 💋 #sp #beauty")).findings
    assert finding.fix is not None and finding.fix.replacement == "Publicidad"


def test_affiliate_jargon_alone_is_unclear():
    assert rules_of("Mi escritorio 🖥️ https://amzn.to/3abc #afiliado") == {"ES-13"}
    assert rules_of("Los vaqueros que más uso, enlace de afiliado: https://rstyle.me/n/abc") == {"ES-13"}
    assert rules_of("Como afiliada de Amazon obtengo ingresos por las compras adscritas https://amzn.to/3abc") == {"ES-13"}


def test_gift_tags_alone_are_unclear():
    assert rules_of("Esta vela huele a bosque 🌲 #gifted") == {"ES-14"}
    assert rules_of("Mi nueva mochila 🎒 #regalo", relationship="gifted") == {"ES-14"}
    assert rules_of("Ideas para el amigo invisible 🎁 #regalo #navidad") == set()


@pytest.mark.parametrize("denial", [
    "No es publi, simplemente me encanta",
    "#nopubli me encanta",
    "Esto no es publicidad, me encanta",
    "Nadie me paga por decir esto, me encanta",
    "No me han pagado nada, me encanta",
    "No es colaboración, me encanta",
    "Lo he pagado yo, me encanta",
])
def test_denials_beside_a_connection_are_unclear(denial):
    assert "ES-11" in rules_of(f"{denial} 😍 https://amzn.to/3abc")
    assert "disclosure.unclear" in categories_of(f"{denial} 😍", relationship="gifted")


@pytest.mark.parametrize("text", [
    "No es publi, simplemente me encanta mi panadería de barrio 🥐",
    "Esto NO es publicidad, lo compré yo en la farmacia",
    "Zapatillas patrocinadas por mi bolsillo, como siempre 😂",
])
def test_denials_without_a_connection_are_clean(text):
    assert rules_of(text) == set()


def test_a_denial_beside_a_real_label_is_still_unclear():
    assert "ES-11" in rules_of("#publi bueno, en realidad #nopubli, lo compraría igual")


def test_a_denial_is_the_contradiction_rules_finding_not_a_missing_label():
    text = "No es publi, es amor del bueno 💕 (vale, el bolso me lo mandó @lunacuero)"
    assert rules_of(text, relationship="gifted") == {"ES-11"}
    assert rules_of("No es publi 😍 https://amzn.to/3abc") == {"ES-11"}


# --- Look-alikes: words that contain a label by accident, talk about labels ------------------------


@pytest.mark.parametrize("text", [
    "Publicista de día, DJ de noche 🎧",
    "Nueva publicación en el blog ✍️",
    "Viva la república independiente de mi casa",
    "Relax total #spa #spain #madrid",
    "#adopta no compres 🐶 #adviento #adoptanocompres",
    "Colaboro como voluntaria en el comedor social #voluntariado",
    "Odio la publi de @movistar que ponen en el fútbol",
    "Estoy harta de tanta publi",
    "A mi sobrina le encanta hacer publi",
    "Pedro es publicitario y hoy cumple años 🎂",
    "Madrid en otoño 🍂 #madrid",
    "Desde octubre los influencers tienen que poner «Publi» o «Publicidad» al principio de cada post según el nuevo código: os lo explico en un hilo largo 🧵",
    "Hilo: la normativa dice que hay que etiquetar como publicidad cualquier regalo y usar la etiqueta #publi al principio, no escondida entre hashtags",
    "La publicidad engañosa está prohibida, ojo con lo que compráis",
])
def test_look_alikes_raise_nothing(text):
    assert rules_of(text, platform="instagram") == set()


# --- ES-06: a label the Spanish audience does not read -------------------------------------------


@pytest.mark.parametrize("text", [
    "#ad Mi nueva rutina de mañana con el sérum de vitamina C ☀️",
    "Outfit del finde 🔥 #ad",
    "AD | Outfit del finde con las botas nuevas de @botas",
    "Sponsored by @botas: outfit del finde con las botas nuevas",
    "Paid partnership with @glowlab: mi rutina de noche completa 🌙",
    "Advertisement: la nueva freidora de aire que me ha cambiado la vida",
    "#sponsored GRWM con el nuevo glow kit de @marca, obsessed 😍",
])
def test_english_only_labels_on_spanish_posts(text):
    assert rules_of(text) == {"ES-06"}


def test_english_labels_with_a_vague_spanish_tag_are_a_language_problem_only():
    assert categories_of("El outfit del finde con las botas nuevas 👢 #ad #colab") == {"disclosure.language"}


def test_an_english_label_beside_a_spanish_one_is_fine():
    assert rules_of("#publi #ad Mi nueva rutina de mañana ☀️") == set()


def test_an_english_post_may_use_an_english_label():
    text = "Paid partnership with @hotelsol: sunset views from our terrace in Ibiza, the best place to watch the sun go down 🌅"
    assert rules_of(text, language="en") == set()
    assert rules_of(text) == set()


def test_the_language_fix_inserts_the_spanish_label():
    (finding,) = _checker().check(es_post("#ad Mi nueva rutina de mañana ☀️")).findings
    assert finding.fix is not None and finding.fix.replacement == "Publicidad "


# --- ES-03, ES-04, ES-05, ES-15 … ES-18: placement ------------------------------------------------

LATE = ("Domingo de reset ☀️ llevo tres semanas probando este limpiador y mi piel nunca había estado "
        "tan tranquila. Os dejo la rutina completa abajo. #publi")


def test_label_after_the_fold():
    assert rules_of(LATE, platform="instagram") == {"ES-03"}
    assert rules_of(LATE, platform="blog") == set()
    assert rules_of("Domingo de reset\n\ndía 21 de rutina\n\nqué calma\n#publi", platform="instagram") == {"ES-03"}
    assert rules_of("#publi " + LATE, platform="instagram") == set()


def test_a_trailing_publi_is_a_label_but_may_come_after_the_fold():
    text = ("probando 5 bases de maquillaje baratas en pleno agosto en Sevilla a 42 grados a ver cuál "
            "aguanta 🥵 la ganadora es la de @glowe, publi")
    assert rules_of(text, platform="tiktok", relationship="paid") == {"ES-03"}


def test_label_buried_in_hashtags():
    assert rules_of("La mejor tirada del año 🏃‍♀️ #running #maraton #publi #fitfam") == {"ES-04"}
    assert rules_of("#publi #running #maraton La mejor tirada del año") == set()
    assert rules_of("La mejor tirada del año 🏃‍♀️ Publicidad\n\n#running #maraton #fitfam") == set()


def test_label_pointed_elsewhere():
    assert rules_of("Me flipan estas zapatillas 👟 info de la colaboración en mi bio") == {"ES-05"}
    assert rules_of("Tour por mi escritorio 🖥️ publi: ver descripción") == {"ES-05"}
    assert rules_of("Me flipan estas zapatillas 👟 link en bio", relationship="paid") == {"ES-01"}


def test_video_surfaces():
    assert rules_of("#publi mi rutina de mañana", format="reel", overlay="club de las 5") == {"ES-15"}
    assert rules_of("#publi mi rutina de mañana", format="reel", overlay="PUBLI · club de las 5") == set()
    assert rules_of("#publi los cascos nuevos", format="video", transcript="Hola a todos, hoy pruebo los cascos.") == {"ES-16"}
    for said in ("este vídeo está patrocinado por Sonix", "esto es publi de Sonix", "gracias a Sonix por patrocinar este vídeo",
                 "el patrocinador de hoy es Sonix", "este video esta patrocinado por Sonix"):
        assert rules_of("#publi los cascos nuevos", format="video", transcript=f"Hola, {said}. Vamos allá.") == set(), said


def test_spoken_label_late_in_the_video():
    late = [(0, "Hola a todos, hoy pruebo los cascos nuevos."), (655, "Por cierto, este vídeo está patrocinado por Sonix.")]
    early = [(0, "Hola a todos, este vídeo está patrocinado por Sonix."), (655, "Ahora la batería.")]
    assert rules_of("#publi los cascos nuevos", format="video", cues=late) == {"ES-17"}
    assert rules_of("#publi los cascos nuevos", format="video", cues=early) == set()


def test_every_story_frame_needs_the_label():
    frames = ["#publi mi batidora nueva", "hora del smoothie 🍓"]
    assert rules_of("link en bio", format="story", sponsored=True, overlay=frames) == {"ES-18"}
    assert rules_of("link en bio", format="story", sponsored=True, overlay=["#publi " + f for f in frames]) == set()


# --- Claims: only in posts that advertise, not when negated or debunked -----------------------------


@pytest.mark.parametrize("text", [
    "Esta infusión me ha curado la artritis 🍵",
    "Este colágeno previene la osteoporosis",
    "Adiós a la dermatitis atópica con esta crema",
    "Adios a la dermatitis atopica con esta crema",
    "He dejado las pastillas de la tensión gracias a este té",
    "Ya no necesito el inhalador desde que tomo este jarabe",
    "Mi psoriasis ha desaparecido con este aceite",
])
def test_disease_claims(text):
    assert rules_of(f"#publi {text}", relationship="paid") == {"ES-20"}
    assert rules_of(text, relationship="none") == set()


@pytest.mark.parametrize("text", [
    "No, una infusión no cura la ansiedad, pero este ritual me relaja",
    "Ninguna crema cura el acné, pero esta deja la piel suave",
    "Cuidado con los tés que prometen curar la diabetes: este solo está rico",
    "Esta crema hidrata y deja la piel suavísima",
    "4 g de azúcar por lata frente a 9 g de la normal",
])
def test_not_disease_claims(text):
    assert rules_of(f"#publi {text}", relationship="paid") == set()


@pytest.mark.parametrize("text", [
    "5 kilos en una semana sin hacer dieta con estos batidos 🥤",
    "Con estas cápsulas he perdido 3 kilos",
    "-4 kg en 15 días con el té detox de @slim",
    "He bajado dos tallas con el batido de @fit",
])
def test_weight_loss_amounts_for_foods(text):
    assert rules_of(f"#publi {text}", relationship="paid") == {"ES-21"}


def test_weight_loss_without_a_food_or_in_a_personal_post():
    assert rules_of("#publi He bajado 3 kilos en dos meses entrenando con @gymfit", relationship="paid") == set()
    assert rules_of("He bajado 8 kilos en 6 meses con dieta y ejercicio y batidos caseros 💪") == set()


@pytest.mark.parametrize("text", [
    "Nuestras botellas son respetuosas con el medio ambiente 🌍",
    "Las zapatillas más sostenibles del mercado",
    "Somos neutros en carbono porque compensamos todas nuestras emisiones",
    "Un champú eco-friendly y biodegradable 🌿",
    "Un detergente 100% ecológico",
    "Una marca amiga del planeta",
    "Huella de carbono cero en todos los envíos",
])
def test_generic_green_claims(text):
    assert rules_of(f"#publi {text}", relationship="paid") == {"ES-22"}


@pytest.mark.parametrize("text", [
    "Hecha con un 70% de poliéster reciclado",
    "Cartón con certificado FSC",
    "Pesa un 30% menos que el año pasado",
    "Huevos ecológicos de nuestra granja 🥚",
    "Aceite de oliva ecológico certificado",
    "Mi chaqueta verde favorita",
])
def test_specific_or_organic_claims_are_fine(text):
    assert rules_of(f"#publi {text}", relationship="paid") == set()


def test_review_incentives_and_fake_reviews():
    assert rules_of("Déjanos 5 estrellas en Google y te invitamos al postre 🍰", relationship="advertiser") == {"ES-23"}
    assert rules_of("Os regalamos un café si nos dejáis una reseña de 5 estrellas", relationship="advertiser") == {"ES-23"}
    assert rules_of("Contadnos qué os ha parecido, cada reseña sincera nos ayuda ⭐", relationship="advertiser") == set()
    assert rules_of("No hace falta probarla, te pasamos el texto de la reseña", relationship="advertiser") == {"ES-24"}


def test_us_only_claims_do_not_leak_into_spain():
    for text in ("Hecho en España 🇪🇸 desde 1920", "Envío gratis a partir de 50 €", "Usa el código TIENDA10 en la web",
                 "Aprobado por la FDA", "Gana 5.000 € al mes desde casa"):
        assert rules_of(text, relationship="advertiser") == set(), text


# --- Prohibited content --------------------------------------------------------------------------


def test_tobacco_and_vapes():
    assert rules_of("#publi El vaper nuevo de @cloudx sabor mango helado 🥭", relationship="paid") == {"ES-30"}
    assert rules_of("Nuevos pods de 6000 caladas ya en tienda 💨", relationship="advertiser") == {"ES-30"}
    assert rules_of("#publi 30 días sin tabaco gracias a mi app de hábitos 💪", relationship="paid") == set()
    assert rules_of("Hoy hace un año que dejé el tabaco 🎉") == set()
    assert rules_of("#publi Mis AirPods nuevos 🎧", relationship="paid") == set()


def test_prescription_medicines():
    text = "#publi Con Ozempic me siento genial: consulta online y te lo mandan a casa con mi código LAURA10"
    assert rules_of(text, relationship="paid") == {"ES-31"}
    assert rules_of("#publi No necesitas Ozempic: batido de proteínas y caminar 🚶‍♀️", relationship="paid") == set()
    assert rules_of("#publi Nuestro pollo se cría sin antibióticos 🐔", relationship="paid") == set()
    assert rules_of("Mi médica me ha recetado antibióticos para la otitis 🤒") == set()
