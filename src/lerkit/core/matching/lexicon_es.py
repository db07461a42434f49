"""Spanish word lists the matcher uses: stop words, weak words, synonyms, US Spanish forms.

All written for lerkit, in folded form (lower case, no accents: the matcher folds both
the taxonomy's texts and the person's words before looking them up). ``SPANGLISH_NOUNS``
and ``SPANGLISH_VERBS`` map forms common in the Spanish spoken in the US ("la troca",
"la aseguranza", "parquear") to the standard word a taxonomy text is likely to use; both
sides are mapped, so either wording matches, and the explanation still shows the word as
it was typed. Plurals of the nouns and the usual forms of the verbs are derived
(:mod:`.spanish`). Add a form only when it is common and means one thing.
"""

from __future__ import annotations

STOP_WORDS_ES = frozenset(
    """
    a al algo alguien algun alguna algunas alguno algunos ante antes aqui alla alli asi
    aun aunque cada casi como con contra cual cuales cualquier cuando cuanto de del desde
    donde dos e el ella ellas ello ellos en entonces entre era eramos eran eras es esa esas
    ese eso esos esta estaba estabamos estaban estado estamos estan estar estas este esto
    estos estoy etc fue fueron fui fuimos ha habia habian han has hasta hay he hemos hubo
    la las le les lo los mas me mi mis mucha muchas mucho muchos muy nada ni no nos
    nosotros nuestra nuestras nuestro nuestros o os otra otras otro otros para pero poco
    por porque pues que quien quienes se sea ser si sido siempre sin sino sobre solo son
    soy su sus tal tambien tan tanto te tenia tenian tengo ti tiene tienen toda todas todo
    todos tu tus u un una unas uno unos usted ustedes vez veces ya yo ahi tipo cosa cosas
    bien pues pos nomas namas asi bueno ok okay osea este mero mera
    """.split()
)

# Spanish words a Spanish answer never means as English words, though some are spelled
# like one ("va" and the VA, "son", "era", "hay"...): the stop words above, more
# function words, and the forms of the commonest verbs. In an answer read as Spanish they
# are never matched against English texts (nor, those of "ser", "estar", "ir" and
# "haber", against the Spanish ones: they carry nothing); an acronym typed in capitals
# ("el VA") still is.
AUXILIARY_VERBS_ES = frozenset(
    """
    ser soy eres es somos son era eras eramos eran fui fuiste fue fuimos fueron sea sean
    seria serian sido siendo
    estar estoy estas esta estamos estan estaba estabas estabamos estaban estuve estuviste
    estuvo estuvimos estuvieron este esten estado estando
    ir voy vas va vamos van iba ibas ibamos iban ido yendo vaya vayan
    haber he has ha hemos han habia habias habiamos habian hubo hay haya hayan habra habria
    """.split()
)
FREQUENT_VERBS_ES = frozenset(
    """
    tener tengo tienes tiene tenemos tienen tenia tenias teniamos tenian tuve tuviste tuvo
    tuvimos tuvieron tenido teniendo
    hacer hago haces hace hacemos hacen hacia haciamos hacian hice hiciste hizo hicimos
    hicieron hecho haciendo
    poder puedo puedes puede podemos pueden podia podias podiamos podian pude pudo pudimos
    pudieron podido
    decir digo dices dice decimos dicen decia decian dije dijo dijimos dijeron dicho
    dar doy das da damos dan daba daban di dio dimos dieron
    ver veo ves ve vemos ven veia veian vi vio vimos vieron visto
    saber se sabes sabe sabemos saben sabia sabian supe supo
    querer quiero quieres quiere queremos quieren queria querian quise quiso
    deber debo debe debemos deben debia debian
    venir vengo vienes viene venimos vienen venia venian vine vino vinieron
    poner pongo pone ponen ponia puse puso pusieron
    """.split()
)
FUNCTION_WORDS_ES = frozenset(
    """
    bajo durante hacia mediante segun tras conmigo contigo consigo mio mia mios mias tuyo
    tuya suyo suya suyos suyas aquel aquella aquellos aquellas aquello cuyo cuya ningun
    ninguna ninguno mismo misma mismos mismas demas tampoco todavia ahora jamas menos
    mejor peor mal demasiado bastante apenas solamente aca adonde cuanta cuantos cuantas
    luego mientras pos orale
    """.split()
)
# ...but US Spanish says some of them for an English noun, after an article or a
# possessive: "manejaba la van" is the vehicle, "van al doctor" is "they go".
NOUNS_AFTER_ARTICLE_ES = frozenset({"van"})
ARTICLES_ES = frozenset(
    """
    el la los las un una unos unas mi mis tu tus su sus nuestra nuestras nuestro nuestros
    esa esas ese esos esta estas este estos aquella aquellas
    """.split()
)

# Words that say "this is a requirement" or count for little on their own.
FILLER_WORDS_ES = frozenset(
    """
    experiencia experiencias conocimiento conocimientos capaz habilidad habilidades buen
    buena bueno excelente gente persona personas alguien algo cierto varios varias
    diferentes nuevo nueva nuevos nuevas siempre seguido normalmente
    """.split()
)

# Words that carry no skill of their own (as in English: generic verbs, family words,
# time and number words): they weigh a fraction of their rarity and never match alone.
GENERIC_VERBS_ES = frozenset(
    """
    hacer hago hace hacia hacian hice hizo hicimos hecho tener tuve tuvo teniamos dar
    doy daba di dio ir iba iban fui voy poner ponia puse tomar tomaba tome ayudar
    ayudaba ayude ayudo trabajar trabajaba trabaje trabajo usar usaba use ver veia vi
    decir decia digo dice dicen dijo dijeron dicho decian dije saber sabia supe estar
    quedar quedaba quede empezar empece empezaba necesitar necesitaba querer queria
    venir venia llegar llegaba encargar encargaba encargue dejar dejaba deje pasar
    pasaba pase seguir seguia sacar sacaba saque llevar llevaba lleve
    """.split()
)
FAMILY_WORDS_ES = frozenset(
    """
    hijo hijos hija hijas nino ninos nina ninas bebe bebes chamaco chamacos mama mami
    madre papa papi padre padres esposo esposa marido mujer hermano hermanos hermana
    hermanas abuelo abuela abuelos abuelito abuelita tio tia tios sobrino sobrina primo
    prima primos familia familias suegro suegra nieto nieta nietos muchacho muchachos
    """.split()
)
TIME_WORDS_ES = frozenset(
    """
    dia dias diario semana semanas semanal mes meses mensual ano anos anual hora horas
    minuto minutos noche noches manana mananas tarde tardes turno turnos temporada verano
    invierno primavera otono hoy ayer luego despues rato tiempo medio mitad docena cero
    uno dos tres cuatro cinco seis siete ocho nueve diez once doce quince veinte treinta
    cuarenta cincuenta cien ciento mil primero primer primera segundo segunda tercero
    """.split()
)

# Everyday words -> the word a taxonomy text is likely to use. Both sides are mapped.
SYNONYMS_ES = {
    "coche": "carro", "auto": "carro", "automovil": "carro",
    "compu": "computadora", "computador": "computadora", "ordenador": "computadora",
    "cel": "celular", "movil": "celular",
    "chamba": "trabajo", "chambear": "trabajar", "jale": "trabajo",
    "patron": "jefe", "bos": "jefe", "manager": "gerente",
    "pastilla": "medicamento", "pastillas": "medicamentos", "medicina": "medicamento",
    "medicinas": "medicamentos",
    "parroquia": "iglesia", "templo": "iglesia", "congregacion": "iglesia",
    "lana": "dinero",
}  # fmt: skip

# Nouns of US Spanish -> a standard word (singular; plurals are derived).
SPANGLISH_NOUNS = {
    "troca": "camion", "troka": "camion", "troquita": "camioneta", "traila": "trailer",
    "aseguranza": "seguro", "bil": "factura", "bill": "factura",
    "yarda": "jardin", "marqueta": "mercado", "lonche": "almuerzo", "lonchera": "almuerzo",
    "rufo": "techo", "factoria": "fabrica", "breca": "freno", "mofle": "silenciador",
    "raite": "aventon", "estor": "tienda", "bildin": "edificio", "nurse": "enfermera",
    "norsa": "enfermera", "wachiman": "vigilante", "grocerias": "comestibles",
    "dompe": "basurero", "daycare": "guarderia", "babysitter": "ninera",
}  # fmt: skip

# Verbs of US Spanish (infinitive) -> a standard verb; their usual forms are derived.
SPANGLISH_VERBS = {
    "parquear": "estacionar", "rentar": "alquilar", "checar": "revisar",
    "chequear": "revisar", "mapear": "trapear", "mopear": "trapear",
    "vacunear": "aspirar", "taipear": "mecanografiar", "textear": "mensajear",
    "cuquear": "cocinar", "puchar": "empujar", "wachar": "vigilar", "guachar": "vigilar",
    "deliverear": "entregar", "delivear": "entregar", "printear": "imprimir",
    "fixear": "arreglar", "trainear": "entrenar", "babysitear": "cuidar",
    "lonchar": "almorzar", "cuitear": "renunciar", "liquear": "gotear",
}  # fmt: skip

# Verbs that are US Spanish only before a given word: "aplicar para un trabajo" is
# "solicitar", while "aplicar la crema" is not.
SPANGLISH_BEFORE = {"aplicar": ("solicitar", frozenset({"para"}))}

# Real Spanish words that a derived form would otherwise take over.
NOT_SPANGLISH = frozenset(
    """
    cheque cheques parque parques mapa mapas renta rentas
    """.split()
)
