"""Générateur de fils de discussion réalistes (français et anglais) pour les tests de charge.

``generated_thread`` assemble une question et ses réponses à partir de gabarits
combinatoires (appareil, symptôme, moment, ville, offre…) et de banques de phrases
par thème. Pur Python, sans import du projet ; déterministe pour un
``random.Random`` donné.
"""

from __future__ import annotations

import random
import re

_SLOT = re.compile(r"\{(\w+)\}")

# ---------------------------------------------------------------------------
# Banques communes
# ---------------------------------------------------------------------------

_CITIES = [
    "Lyon",
    "Marseille",
    "Lille",
    "Nantes",
    "Bordeaux",
    "Toulouse",
    "Rennes",
    "Strasbourg",
    "Grenoble",
    "Montpellier",
    "Nice",
    "Dijon",
    "Tours",
    "Metz",
    "Brest",
    "Angers",
    "Caen",
    "Rouen",
    "Limoges",
    "Clermont-Ferrand",
    "Reims",
    "Le Mans",
    "Amiens",
    "Perpignan",
    "Besançon",
    "Orléans",
    "Mulhouse",
    "Nancy",
    "Poitiers",
    "Pau",
    "La Rochelle",
    "Annecy",
    "Avignon",
    "Valence",
    "Chambéry",
    "Quimper",
    "Lorient",
    "Troyes",
    "Bayonne",
    "Villeurbanne",
    "Saint-Étienne",
    "Montreuil",
    "Nîmes",
    "Aix-en-Provence",
    "Vannes",
    "Colmar",
    "Niort",
]
_PLANS = [
    "Fibre Max",
    "Fibre Essentielle",
    "Fibre Pro",
    "ADSL Confort",
    "Néolia 5G 200 Go",
    "Néolia 100 Go",
    "Néolia 20 Go",
    "Néolia Mini 2 Go",
    "Néolia Famille",
    "Néolia TV Premium",
    "Box 4G",
    "Néolia Jeunes 80 Go",
    "Fibre Max + TV",
]
_PRICES = ["9,99 €", "15,99 €", "19,99 €", "24,99 €", "29,99 €", "34,99 €", "39,99 €", "49,99 €"]
_MONTHS_FR = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
]
_MONTHS_EN = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_SPEEDS = ["8", "12", "25", "45", "90", "150", "230", "300", "410", "480"]


def _amount(rng: random.Random) -> str:
    return f"{rng.randint(4, 189)},{rng.choice(('00', '50', '90', '99', '18', '47', '72'))} €"


_NUMERIC = {
    "n": lambda rng: str(rng.randint(2, 15)),
    "code": lambda rng: str(rng.randint(100, 999)),
    "hour": lambda rng: str(rng.randint(7, 23)),
    "evening": lambda rng: str(rng.randint(18, 23)),
    "pm": lambda rng: str(rng.randint(6, 11)),
    "adsl": lambda rng: rng.choice(("0,8", "1,5", "2", "3", "4,5", "6")),
    "min": lambda rng: f"{rng.randrange(0, 60, 5):02d}",
    "day": lambda rng: str(rng.randint(1, 28)),
    "years": lambda rng: str(rng.randint(2, 15)),
    "speed": lambda rng: rng.choice(_SPEEDS),
    "amount": _amount,
    "price": lambda rng: rng.choice(_PRICES),
    "ref": lambda rng: f"INT-{rng.randint(1000000, 9999999)}",
    "city": lambda rng: rng.choice(_CITIES),
    "age": lambda rng: str(rng.randint(2, 7)),
}
# Slots tirés une seule fois par fil, pour que titre, question et réponses restent cohérents.
_STICKY = {"city", "plan", "issue", "symptom", "time", "since", "event", "howto", "subject"}
# Variantes d'un slot (même banque, tirage indépendant et non mémorisé).
_ALIAS = {"issue2": "issue", "attempt2": "attempt", "step2": "step", "tip2": "tip"}

_COMMON = {
    "fr": {
        "time": [
            "tous les soirs vers {evening}h",
            "tous les matins",
            "en fin de journée",
            "le week-end",
            "pendant la nuit",
            "aux heures de pointe",
            "plusieurs fois par jour",
            "dès que je lance une visio",
            "quand il pleut",
            "chaque jour vers {hour}h",
            "toutes les {n} minutes environ",
            "en début de soirée",
            "le dimanche soir",
            "au moindre orage",
            "pendant les matchs de foot",
        ],
        "since": [
            "hier",
            "ce matin",
            "trois jours",
            "une semaine",
            "deux semaines",
            "le début du mois",
            "la dernière mise à jour",
            "mon déménagement",
            "le changement d'offre",
            "l'orage de samedi",
            "{n} jours",
            "lundi",
            "le passage du technicien",
            "la coupure de courant",
            "les vacances",
            "le {day} {month}",
            "{n} semaines",
            "la nuit dernière",
            "le week-end dernier",
            "mon retour de congés",
        ],
        "event": [
            "une coupure de courant",
            "la dernière mise à jour",
            "un orage",
            "le passage du technicien",
            "mon déménagement",
            "un changement d'offre",
            "une réinitialisation",
            "le remplacement de la box",
            "des travaux dans la rue",
            "l'installation d'un répéteur",
            "un retour de vacances",
        ],
        "fix": [
            "le redémarrage",
            "un reset complet",
            "le passage du technicien",
            "deux appels au support",
            "la mise à jour",
            "l'échange du matériel",
            "trois tickets ouverts",
            "toutes les manips du forum",
        ],
        "before": [
            "hier encore",
            "la semaine dernière",
            "avant la mise à jour",
            "avant mon déménagement",
            "le mois dernier",
            "depuis des années",
        ],
        "month": _MONTHS_FR,
        "plan": _PLANS,
        "attempt": [
            "redémarré l'appareil",
            "tout débranché pendant dix minutes",
            "vérifié les câbles",
            "cherché sur le forum",
            "appelé le service client",
            "réinstallé l'appli Mon Néolia",
            "lancé le diagnostic de l'appli",
        ],
        "impact": [
            "C'est très gênant, je télétravaille.",
            "Les enfants en ont besoin pour leurs devoirs.",
            "Je dois absolument rester joignable pour le travail.",
            "Avec des visios toute la journée, ça devient compliqué.",
            "Ma mère vit seule et compte sur cette ligne.",
            "Je paie pour un service dont je ne profite pas vraiment.",
            "J'ai une téléconsultation prévue cette semaine.",
            "Je suis artisan et je rate des appels de clients.",
        ],
        "context": [
            "J'ai l'offre {plan} depuis {years} ans.",
            "J'habite à {city} et j'ai l'offre {plan}.",
            "Offre {plan}, à {city}.",
            "Chez Néolia depuis {years} ans (offre {plan}), je n'avais jamais eu de souci.",
            "Je viens de passer à l'offre {plan}.",
            "Logement à {city}, offre {plan} depuis {month}.",
            "Petite question d'un abonné {plan} de {city}.",
        ],
        "symptom_sentence": [
            "{Device} {symptom} {time}.",
            "Depuis {since}, {device} {symptom}.",
            "Gros souci : {device} {symptom} {time}.",
            "{Device} {symptom}, et ce depuis {since}.",
            "Depuis {event}, {device} {symptom}.",
            "Alors que tout marchait {before}, {device} {symptom}.",
        ],
        "tried_sentence": [
            "J'ai déjà {attempt} et {attempt2}, sans succès.",
            "J'ai {attempt}, mais rien n'y fait.",
            "J'ai essayé pas mal de choses : j'ai {attempt}, puis {attempt2}. Toujours pareil.",
            "Pour info, j'ai déjà {attempt}.",
        ],
        "tried_list": [
            "Ce que j'ai déjà fait :",
            "Ce que j'ai déjà essayé :",
            "Déjà testé, sans résultat :",
        ],
        "emphasis": [
            "Bref : **{issue}**, et ça commence à devenir pénible.",
            "En résumé : **{issue}**.",
            "Le symptôme principal, c'est **{issue}**.",
        ],
        "question_end": [
            "Quelqu'un a une idée ?",
            "Est-ce un problème connu ?",
            "Que me conseillez-vous ?",
            "Faut-il contacter le support ou y a-t-il une manip à faire ?",
            "Quelqu'un a déjà eu le cas ?",
            "Merci de m'aiguiller, je ne sais plus quoi tester.",
            "Est-ce que c'est normal ?",
            "Y a-t-il une solution sans faire venir un technicien ?",
            "Vous feriez quoi à ma place ?",
        ],
        "opener": [
            "Bonjour,",
            "Bonjour à tous,",
            "Bonsoir,",
            "Salut à tous,",
            "Hello,",
            "Bonjour !",
        ],
        "closer": [
            "Merci d'avance !",
            "Merci pour votre aide.",
            "Bonne journée à tous.",
            "Merci d'avance pour vos retours.",
            "D'avance merci.",
            "Merci !",
        ],
        "intro": [
            "Voici ce que je ferais, dans l'ordre :",
            "Bonjour, quelques vérifications à faire :",
            "Essayez ceci :",
            "J'ai eu exactement le même souci, voici ce qui a marché chez moi :",
            "Avant de contacter le support, testez ces étapes :",
            "Bonjour, on va procéder par élimination :",
        ],
        "conclusion": [
            "Si ça ne suffit pas, ouvrez un ticket depuis **Mon Néolia** en précisant ce que vous avez déjà testé.",
            "Tenez-nous au courant !",
            "Normalement, ça devrait rentrer dans l'ordre.",
            "Si le problème persiste après ça, c'est sans doute matériel : un échange sera nécessaire.",
            "Dites-nous si ça règle le problème.",
            "Bon courage !",
        ],
        "metoo": [
            "Même problème chez moi à {city} depuis {since}.",
            "Pareil ici, offre {plan}. Je suis la discussion.",
            "Je confirme, même symptôme chez moi {time}. Toujours pas de solution.",
            "Idem depuis {since}, le support m'a dit qu'un incident était en cours.",
            "Même souci, je m'abonne au sujet.",
        ],
        "followup": [
            "Merci à tous, {resolution}",
            "Merci pour vos réponses ! Petit retour : {resolution}",
            "Résolu : {resolution} Merci !",
            "Pour ceux qui auraient le même problème : {resolution}",
        ],
        "staff": [
            "Bonjour, je viens de vérifier votre ligne : un incident est en cours dans votre "
            "secteur, la résolution est prévue sous 48 h.",
            "Bonjour, aucun incident n'est déclaré à {city}. Lancez un diagnostic depuis l'appli "
            "**Mon Néolia** et communiquez-nous la référence obtenue.",
            "Bonjour, j'ai ouvert une demande d'intervention (réf. `{ref}`) : un conseiller vous rappelle sous 48 h.",
            "Bonjour, merci pour votre message. Pouvez-vous nous écrire en privé avec votre "
            "référence client ? Nous regarderons votre dossier.",
        ],
        "short_prefix": ["", "", "Astuce : ", "Perso, ", "À tester : "],
        "howto_intro": [
            "Voici la marche à suivre :",
            "C'est faisable en quelques minutes :",
            "Je l'ai fait le mois dernier, voici comment :",
            "Bonjour, voici les étapes :",
        ],
        "howto_sentence": [
            "Je voudrais {howto}, mais je ne trouve pas comment faire.",
            "Comment fait-on pour {howto} ? J'ai cherché dans l'appli Mon Néolia, sans succès.",
            "Est-ce que je peux {howto} moi-même, sans appeler le service client ?",
            "J'ai besoin de {howto} rapidement et je ne sais pas par où commencer.",
            "Quelqu'un sait comment {howto} ? La FAQ n'est pas très claire.",
        ],
        "howto_detail": [
            "Je suis sur l'appli, mais je peux aussi passer par un ordinateur.",
            "Le menu dont parle l'aide en ligne n'apparaît pas chez moi.",
            "J'ai peur de faire une bêtise et de tout couper.",
            "C'est pour ma mère, qui n'est pas très à l'aise avec tout ça.",
            "Le conseiller en boutique m'a dit que c'était faisable en ligne.",
        ],
        "howto_end": [
            "Une marche à suivre serait la bienvenue.",
            "Y a-t-il des frais ?",
            "Combien de temps ça prend, en général ?",
            "Quelqu'un l'a déjà fait ?",
            "Merci de m'expliquer les étapes.",
        ],
    },
    "en": {
        "time": [
            "every evening",
            "every night around {pm}pm",
            "every day around {pm}pm",
            "every morning",
            "several times a day",
            "during video calls",
            "at the weekend",
            "when it rains",
            "at peak hours",
            "every {n} minutes or so",
            "in the evening",
        ],
        "since": [
            "yesterday",
            "this morning",
            "last week",
            "three days",
            "the last update",
            "I moved in",
            "the technician's visit",
            "the power cut",
            "{n} days",
            "Monday",
            "{month} {day}",
            "{n} weeks",
            "last weekend",
            "last night",
        ],
        "event": [
            "a power cut",
            "the last update",
            "a storm",
            "the technician's visit",
            "moving flat",
            "changing plans",
            "a factory reset",
        ],
        "month": _MONTHS_EN,
        "plan": _PLANS,
        "attempt": [
            "restarted everything",
            "checked the cables",
            "searched the forum",
            "called customer service",
            "reinstalled the Mon Néolia app",
        ],
        "impact": [
            "It's a real problem as I work from home.",
            "I need to be reachable for work.",
            "My kids need it for school.",
            "I'm paying for a service I can't really use.",
        ],
        "context": [
            "I'm on the {plan} plan in {city}.",
            "I moved to {city} {n} months ago and signed up for {plan}.",
            "I've had {plan} for {years} years.",
            "Sorry for writing in English, my French isn't good enough yet.",
        ],
        "symptom_sentence": [
            "{Device} {symptom} {time}.",
            "Since {since}, {device} {symptom}.",
            "{Device} {symptom}, and it's been like this since {since}.",
            "After {event}, {device} {symptom}.",
        ],
        "tried_sentence": [
            "I've already {attempt} and {attempt2}, no luck.",
            "I've {attempt}, but nothing changed.",
        ],
        "tried_list": ["What I've tried so far:", "Already tried:"],
        "emphasis": ["In short: **{issue}**.", "Main symptom: **{issue}**."],
        "question_end": [
            "Any ideas?",
            "Is this a known issue?",
            "What should I do?",
            "Should I contact support, or is there something I can try first?",
            "Has anyone had this before?",
        ],
        "opener": ["Hi,", "Hello,", "Hi all,", "Hi everyone,"],
        "closer": ["Thanks in advance!", "Thanks!", "Cheers.", "Any help appreciated."],
        "intro": [
            "Here's what I'd try, in this order:",
            "A few things to check:",
            "I had the same issue, this is what fixed it for me:",
            "Before calling support, try these steps:",
        ],
        "conclusion": [
            "If that doesn't help, open a ticket from **Mon Néolia** and say what you've already tried.",
            "Let us know how it goes!",
            "That should sort it out.",
            "If it still happens after that, it's probably a hardware fault.",
        ],
        "metoo": [
            "Same here in {city} since {since}.",
            "Same problem on the {plan} plan, following this thread.",
            "Same issue {time}. No fix yet.",
        ],
        "followup": [
            "Thanks everyone, {resolution}",
            "Quick update for anyone with the same problem: {resolution}",
            "Solved: {resolution} Thanks!",
        ],
        "staff": [
            "Hi, I've checked your line: there's an outage in your area, it should be fixed within 48 hours.",
            "Hi, there's no known outage in {city}. Could you run a diagnostic from the app and send us the reference?",
            "Hi, I've opened a technician request (ref. `{ref}`), someone will call you within 48 hours.",
        ],
        "short_prefix": ["", "", "Tip: ", "Try this: "],
        "howto_intro": [
            "Here's how:",
            "It only takes a few minutes:",
            "I did it last month, here are the steps:",
        ],
        "howto_sentence": [
            "I'd like to {howto}, but I can't find where to do it.",
            "How do you {howto}? I looked in the Mon Néolia app with no luck.",
            "Can I {howto} myself, without calling customer service?",
        ],
        "howto_detail": [
            "The menu mentioned in the online help doesn't show up for me.",
            "The app is in French, which doesn't help.",
            "I can use a computer if it's easier.",
        ],
        "howto_end": [
            "Step-by-step instructions would be great.",
            "Are there any fees?",
            "How long does it usually take?",
        ],
    },
}

# ---------------------------------------------------------------------------
# Thèmes, choisis d'après le slug de la catégorie ("keywords"). Chaque thème a une
# banque par langue ; "groups" regroupe des appareils avec les symptômes, problèmes
# ("issue") et détails qui leur correspondent. Une clé d'un groupe remplace celle du
# thème, qui remplace celle de _COMMON. Un appareil donné comme tuple (texte, "e")
# est féminin : il remplit le slot {e} des accords (« bloqué{e} »).
# ---------------------------------------------------------------------------

_TOPICS: dict[str, dict] = {
    "box": {
        "keywords": ("box", "routeur", "wifi", "internet"),
        "tags": ["wifi", "box", "led", "repeteur", "nat", "redemarrage", "ethernet", "mise-a-jour"],
        "fr": {
            "subject": [
                "Wi-Fi",
                "voyant de la box",
                "redirection de ports",
                "mot de passe Wi-Fi",
                "répéteur",
                "mise à jour de la box",
                "DHCP",
                "Wi-Fi invité",
                "IPv6",
                "DNS",
            ],
            "howto": [
                "changer le mot de passe Wi-Fi",
                "ouvrir un port sur la box",
                "activer le Wi-Fi invité",
                "séparer les réseaux 2,4 et 5 GHz",
                "programmer l'extinction du Wi-Fi la nuit",
                "réinitialiser la box",
                "appairer le répéteur Wi-Fi Plus",
                "attribuer une IP fixe à mon NAS",
                "changer les DNS de la box",
                "mettre à jour la box manuellement",
            ],
            "attempt": [
                "redémarré la box",
                "fait une réinitialisation complète (reset 10 secondes)",
                "changé le canal Wi-Fi",
                "débranché tous les appareils sauf un",
                "mis la box à jour",
                "changé le câble Ethernet",
                "déplacé la box dans une autre pièce",
                "oublié puis reconnecté le réseau Wi-Fi",
            ],
            "step": [
                "Débranchez la box pendant **30 secondes**, rebranchez-la et attendez que le voyant soit blanc fixe.",
                "Connectez-vous à l'interface `http://192.168.1.1` avec le mot de passe indiqué sous la box.",
                "Dans **Wi-Fi > Avancé**, passez le canal 2,4 GHz sur 1, 6 ou 11 plutôt qu'en automatique.",
                "Sortez la box du meuble : elle a besoin d'air pour ne pas surchauffer.",
                "Lancez un diagnostic depuis l'appli **Mon Néolia** (*Assistance > Diagnostiquer ma box*).",
                "Séparez les réseaux 2,4 GHz et 5 GHz pour voir lequel pose problème.",
                "Vérifiez la version du logiciel dans **Système > Mise à jour** et installez la dernière.",
                "Testez avec un appareil branché en Ethernet pour savoir si le souci vient du Wi-Fi.",
                "Branchez la box sur une prise murale, sans multiprise ni rallonge.",
            ],
            "explanation": [
                "Le voyant orange clignotant indique que la box n'arrive pas à se synchroniser : "
                "le problème se situe généralement entre la prise murale et la box.",
                "La bande 2,4 GHz porte plus loin et traverse mieux les murs, mais elle est moins rapide que la 5 GHz.",
                "Une box qui redémarre seule est souvent une box qui surchauffe ou dont le bloc "
                "d'alimentation faiblit.",
                "Après une mise à jour, certains réglages Wi-Fi avancés reviennent parfois aux valeurs par défaut.",
                "Le voyant rouge fixe signale un défaut matériel détecté au démarrage ; dans ce "
                "cas, l'échange de la box est gratuit.",
                "Les répéteurs du commerce créent un second réseau, alors que le répéteur Wi-Fi "
                "Plus fonctionne en maillage avec la box.",
            ],
            "tip": [
                "Essayez sur une autre prise électrique, sans multiprise.",
                "Un répéteur Wi-Fi Plus à mi-chemin règle la plupart des soucis de portée.",
                "Passez le canal Wi-Fi en manuel : l'automatique choisit parfois le même que les voisins.",
                "Activez l'UPnP dans **Réseau > NAT/PAT**, ça suffit souvent pour les consoles.",
                "Le mot de passe administrateur est sur l'étiquette sous la box.",
                "Un reset usine règle souvent ce genre de bug, mais notez vos réglages avant.",
            ],
            "resolution": [
                "c'était le bloc d'alimentation, remplacé gratuitement en boutique.",
                "en changeant de canal Wi-Fi, tout est rentré dans l'ordre.",
                "la box était enfermée dans le meuble TV ; je l'ai sortie et plus aucun redémarrage.",
                "le reset usine a réglé le problème.",
                "la box a été échangée et tout fonctionne.",
            ],
            "groups": [
                {
                    "device": [
                        ("ma Néolia Box 5", "e"),
                        ("ma box", "e"),
                        ("la Néolia Box 4", "e"),
                        ("ma box fibre", "e"),
                        ("la box de mes parents", "e"),
                        ("ma nouvelle box", "e"),
                        "le répéteur Wi-Fi Plus",
                    ],
                    "symptom": [
                        "redémarre tout{e} seul{e}",
                        "clignote en orange",
                        "affiche un voyant rouge fixe",
                        "ne s'allume plus",
                        "chauffe énormément",
                        "coupe toutes les {n} minutes",
                        "refuse mon mot de passe administrateur",
                        "reste bloqué{e} au démarrage",
                        "déconnecte tous les appareils en même temps",
                        "n'attribue plus d'adresse IP",
                        "affiche le code erreur E-{code}",
                        "perd ses réglages à chaque redémarrage",
                        "fait un bruit de ventilateur anormal",
                        "ne répond plus au bouton Power",
                    ],
                    "issue": [
                        "voyant orange clignotant",
                        "redémarrages intempestifs",
                        "voyant rouge fixe",
                        "interface 192.168.1.1 inaccessible",
                        "code erreur E-{code}",
                        "surchauffe de la box",
                        "NAT strict sur la console",
                        "box qui ne démarre plus",
                        "réglages perdus au redémarrage",
                    ],
                    "detail": [
                        "Le voyant en façade passe au rouge puis revient au blanc au bout de quelques minutes.",
                        "Tous les appareils sont touchés : téléphones, PC et console.",
                        "Le journal de la box indique « WAN down » à chaque fois.",
                        "La box est posée dans un meuble TV fermé, je ne sais pas si ça joue.",
                        "Le bloc d'alimentation est tiède, la box elle-même est brûlante.",
                        "La box a {age} ans, elle n'a jamais été changée.",
                    ],
                },
                {
                    "device": [
                        "le Wi-Fi",
                        "le Wi-Fi 5 GHz",
                        "le réseau Wi-Fi invité",
                        ("la connexion Wi-Fi", "e"),
                        "le Wi-Fi de l'étage",
                    ],
                    "symptom": [
                        "décroche sans arrêt",
                        "ne passe pas les murs",
                        "est introuvable sur la tablette",
                        "plafonne à {speed} Mb/s",
                        "refuse le mot de passe",
                        "se coupe dès que le micro-ondes tourne",
                        "disparaît puis revient",
                        "est très lent{e} dans les chambres",
                    ],
                    "issue": [
                        "Wi-Fi instable",
                        "débit Wi-Fi très faible à l'étage",
                        "déconnexions Wi-Fi en boucle",
                        "Wi-Fi 5 GHz introuvable",
                        "imprimante Wi-Fi introuvable",
                        "portée Wi-Fi ridicule",
                    ],
                    "detail": [
                        "En Ethernet, tout fonctionne ; seul le Wi-Fi pose problème.",
                        "La box est dans le salon, à environ {n} mètres des chambres.",
                        "J'ai une vingtaine d'appareils connectés, dont plusieurs prises connectées.",
                        "Le voyant Wi-Fi reste éteint, même après un appui sur le bouton.",
                        "Le test de débit donne {speed} Mb/s au salon et presque rien à l'étage.",
                        "Les voisins ont au moins quinze réseaux Wi-Fi visibles depuis chez moi.",
                    ],
                },
            ],
            "plan": [
                "Fibre Max",
                "Fibre Essentielle",
                "Fibre Pro",
                "Fibre Max + TV",
                "Néolia TV Premium",
                "Box 4G",
            ],
        },
        "en": {
            "howto": [
                "change the Wi-Fi password",
                "open a port on the box",
                "set up a guest Wi-Fi network",
                "reset the box to factory settings",
                "pair the Wi-Fi Plus repeater",
                "change the DNS servers on the box",
            ],
            "attempt": [
                "restarted the box",
                "done a factory reset",
                "changed the Wi-Fi channel",
                "swapped the Ethernet cable",
                "moved the box to another room",
            ],
            "step": [
                "Unplug the box for **30 seconds**, plug it back in and wait for a solid white light.",
                "Log in to `http://192.168.1.1` with the admin password printed under the box.",
                "In **Wi-Fi > Advanced**, set the 2.4 GHz channel to 1, 6 or 11 instead of automatic.",
                "Take the box out of any closed cabinet so it doesn't overheat.",
                "Run a diagnostic from the **Mon Néolia** app (*Support > Diagnose my box*).",
                "Plug a computer in with an Ethernet cable to see whether only Wi-Fi is affected.",
            ],
            "explanation": [
                "A blinking orange light means the box can't sync with the network, so the "
                "problem is usually between the wall socket and the box.",
                "A box that reboots on its own is often overheating or has a failing power supply.",
                "The 2.4 GHz band goes through walls better; 5 GHz is faster but has a shorter range.",
            ],
            "tip": [
                "Try another power socket, without a power strip.",
                "Enable UPnP in **Network > NAT/PAT**, that's usually enough for consoles.",
                "The admin password is on the sticker under the box.",
            ],
            "resolution": [
                "it was the power supply, swapped for free at the shop.",
                "changing the Wi-Fi channel fixed it.",
                "the box was overheating in the TV cabinet; I moved it and no more reboots.",
            ],
            "groups": [
                {
                    "device": [
                        "my Néolia Box 5",
                        "the box",
                        "my Wi-Fi Plus repeater",
                        "the Néolia Box 4",
                        "my fibre box",
                        "the Wi-Fi",
                        "my home Wi-Fi",
                    ],
                    "symptom": [
                        "keeps rebooting",
                        "shows a blinking orange light",
                        "has a solid red light",
                        "won't turn on",
                        "drops every {n} minutes",
                        "gets really hot",
                        "no longer shows the 5 GHz network",
                        "shows error E-{code}",
                        "disconnects all my devices at once",
                        "is painfully slow upstairs",
                        "forgets its settings after a restart",
                    ],
                    "issue": [
                        "blinking orange light",
                        "unstable Wi-Fi",
                        "random reboots",
                        "strict NAT on my console",
                        "slow Wi-Fi upstairs",
                        "solid red light",
                        "error E-{code}",
                        "overheating box",
                    ],
                }
            ],
            "detail": [
                "The front light turns red, then goes back to white after a few minutes.",
                "It affects every device: phones, laptop and TV.",
                "Everything works fine on Ethernet, only Wi-Fi is affected.",
                "The box is in the living room, about {n} metres from the bedrooms.",
                "The box sits in a closed TV cabinet, not sure if that matters.",
            ],
            "plan": [
                "Fibre Max",
                "Fibre Essentielle",
                "Fibre Pro",
                "Fibre Max + TV",
                "Néolia TV Premium",
                "Box 4G",
            ],
        },
    },
    "fibre": {
        "keywords": ("fibre", "adsl", "ligne", "fixe"),
        "tags": [
            "fibre",
            "adsl",
            "coupure",
            "debit",
            "raccordement",
            "eligibilite",
            "ont",
            "demenagement",
        ],
        "fr": {
            "subject": [
                "fibre",
                "raccordement",
                "éligibilité",
                "débit",
                "ADSL",
                "déménagement",
                "prise optique",
                "intervention technicien",
            ],
            "howto": [
                "tester mon éligibilité à la fibre",
                "passer de l'ADSL à la fibre",
                "transférer ma ligne lors d'un déménagement",
                "mesurer le vrai débit de ma ligne",
                "prendre rendez-vous avec un technicien",
                "vérifier la marge de bruit de ma ligne ADSL",
                "déplacer ma prise fibre dans une autre pièce",
                "suivre l'avancement de mon raccordement",
            ],
            "attempt": [
                "redémarré la box et le boîtier fibre",
                "vérifié que le câble fibre est bien clipsé",
                "testé avec un autre câble Ethernet",
                "branché la box sur la prise principale",
                "retiré tous les filtres ADSL",
                "fait un test de débit en Ethernet",
            ],
            "step": [
                "Vérifiez que le câble fibre est bien clipsé **des deux côtés**, sans pli serré.",
                "Faites un test de débit **en Ethernet**, PC branché directement sur la box.",
                "Notez les heures exactes des coupures pendant quelques jours.",
                "Consultez la page *État du réseau* dans **Mon Néolia** pour voir si un incident est déclaré.",
                "En ADSL, branchez la box sur la prise principale, sans rallonge ni doubleur.",
                "Regardez la marge de bruit dans *Internet > ADSL* : en dessous de 6 dB, la ligne est instable.",
                "Ouvrez un ticket en joignant la référence du diagnostic de l'appli.",
            ],
            "explanation": [
                "Des coupures à heure fixe viennent souvent du point de mutualisation, dans "
                "l'armoire de rue ou au sous-sol de l'immeuble.",
                "En Wi-Fi, on dépasse rarement 600 Mb/s, même avec une bonne box : seul un test "
                "en câble mesure le vrai débit de la ligne.",
                "Une puissance optique reçue sous -25 dBm indique une fibre abîmée ou mal connectée.",
                "En ADSL, le débit dépend de la distance au central : au-delà de 4 km, il chute fortement.",
                "Le raccordement final entre le palier et le logement est réalisé par le "
                "technicien le jour de l'installation.",
            ],
            "tip": [
                "Vérifiez qu'un meuble n'écrase pas le câble fibre derrière la box.",
                "Un vieux câble Ethernet de catégorie 5 limite le débit à 100 Mb/s.",
                "Notez les heures de coupure, le support vous les demandera.",
                "Un filtre ADSL abîmé suffit à faire décrocher la ligne.",
            ],
            "resolution": [
                "le technicien a remplacé la jarretière au point de mutualisation, plus une seule coupure.",
                "c'était un filtre ADSL défectueux dans la chambre.",
                "en Ethernet, j'ai bien le débit annoncé : c'était le Wi-Fi.",
                "la prise fibre a été refaite et tout est stable.",
            ],
            "groups": [
                {
                    "device": [
                        ("ma connexion fibre", "e"),
                        "internet",
                        ("la fibre", "e"),
                        ("ma connexion", "e"),
                        "mon accès fibre",
                    ],
                    "symptom": [
                        "coupe plusieurs fois par jour",
                        "tombe pendant quelques minutes",
                        "plafonne à {speed} Mb/s",
                        "est très lent{e}",
                        "ne revient qu'après un redémarrage",
                        "ne fonctionne plus du tout",
                        "a une latence qui explose en jeu",
                        "coupe toujours à la même heure",
                        "coupe dès que quelqu'un lance une série en streaming",
                    ],
                    "issue": [
                        "coupures de fibre",
                        "débit bien inférieur à l'offre",
                        "latence élevée le soir",
                        "coupures à heure fixe",
                        "fibre inutilisable le soir",
                        "débit montant très faible",
                    ],
                    "detail": [
                        "Le voyant internet de la box passe au rouge puis revient tout seul.",
                        "En Ethernet, je mesure {speed} Mb/s au lieu du débit promis.",
                        "Plusieurs voisins de l'immeuble ont le même souci.",
                        "Le technicien est déjà venu une fois, mais le problème est revenu.",
                        "La prise fibre est dans l'entrée, la box est branchée juste à côté.",
                    ],
                    "step": [
                        "Vérifiez que le câble fibre est bien clipsé **des deux côtés**, sans pli serré.",
                        "Faites un test de débit **en Ethernet**, PC branché directement sur la box.",
                        "Notez les heures exactes des coupures pendant quelques jours.",
                        "Consultez la page *État du réseau* dans **Mon Néolia** pour voir si un incident est déclaré.",
                        "Ouvrez un ticket en joignant la référence du diagnostic de l'appli.",
                        "Regardez la puissance optique reçue dans *Internet > Fibre* : elle doit "
                        "être entre -8 et -25 dBm.",
                    ],
                },
                {
                    "device": [
                        ("ma ligne ADSL", "e"),
                        ("ma ligne fixe", "e"),
                        ("ma connexion ADSL", "e"),
                        "mon ADSL",
                    ],
                    "symptom": [
                        "perd la synchronisation",
                        "coupe plusieurs fois par jour",
                        "est très lent{e} aux heures chargées",
                        "coupe internet dès que le téléphone sonne",
                        "plafonne à {adsl} Mb/s",
                        "décroche dès qu'il pleut",
                        "grésille et coupe en même temps",
                    ],
                    "issue": [
                        "synchronisation ADSL perdue",
                        "débit ADSL en chute libre",
                        "marge de bruit très basse",
                        "coupures ADSL à répétition",
                        "ligne qui grésille",
                    ],
                    "detail": [
                        "Je suis encore en ADSL, à environ {n} km du central d'après le test d'éligibilité.",
                        "Le téléphone fixe grésille en même temps.",
                        "La box est branchée sur une rallonge téléphonique d'une dizaine de mètres.",
                        "La fibre n'arrivera pas avant l'an prochain dans ma commune.",
                        "Le journal de la box affiche « Synchronisation ADSL perdue » plusieurs fois par jour.",
                    ],
                    "step": [
                        "En ADSL, branchez la box sur la **prise principale**, sans rallonge ni doubleur.",
                        "Mettez un **filtre ADSL** sur chaque prise où un téléphone est branché.",
                        "Regardez la marge de bruit dans *Internet > ADSL* : en dessous de 6 dB, "
                        "la ligne est instable.",
                        "Débranchez tous les autres appareils téléphoniques pendant 24 h pour comparer.",
                        "Demandez au support de passer la ligne en profil **stable** si les coupures continuent.",
                        "Notez les heures exactes des coupures pendant quelques jours.",
                    ],
                    "plan": ["ADSL Confort", "ADSL Essentiel", "ADSL Confort + TV"],
                },
                {
                    "device": [
                        "le boîtier fibre (ONT)",
                        "le voyant LOS",
                        "le voyant PON",
                        "le convertisseur fibre",
                    ],
                    "symptom": [
                        "passe au rouge sans raison",
                        "clignote sans arrêt",
                        "reste éteint",
                        "s'allume en rouge plusieurs fois par jour",
                        "ne s'allume plus après la coupure de courant",
                    ],
                    "issue": [
                        "voyant LOS rouge sur l'ONT",
                        "perte de signal optique",
                        "prise fibre abîmée",
                        "boîtier fibre en panne",
                    ],
                    "detail": [
                        "Le câble fibre fait un virage assez serré derrière le meuble.",
                        "Le voyant internet de la box passe au rouge en même temps.",
                        "Plusieurs voisins de l'immeuble ont le même souci.",
                        "La prise fibre a été posée il y a {n} mois par le technicien.",
                    ],
                    "step": [
                        "Vérifiez que le câble fibre est bien clipsé **des deux côtés**, sans pli serré.",
                        "Faites un test de débit **en Ethernet**, PC branché directement sur la box.",
                        "Notez les heures exactes des coupures pendant quelques jours.",
                        "Consultez la page *État du réseau* dans **Mon Néolia** pour voir si un incident est déclaré.",
                        "Ouvrez un ticket en joignant la référence du diagnostic de l'appli.",
                        "Regardez la puissance optique reçue dans *Internet > Fibre* : elle doit "
                        "être entre -8 et -25 dBm.",
                    ],
                },
            ],
            "plan": [
                "Fibre Max",
                "Fibre Essentielle",
                "Fibre Pro",
                "Fibre Max + TV",
                "Néolia TV Premium",
                "Box 4G",
            ],
        },
        "en": {
            "howto": [
                "check if my address is eligible for fibre",
                "move my line to a new flat",
                "book a technician",
                "measure my real line speed",
            ],
            "attempt": [
                "restarted the box",
                "checked the fibre cable",
                "tried another Ethernet cable",
            ],
            "step": [
                "Check the fibre cable is clicked in **on both ends** and not bent.",
                "Run a speed test **on Ethernet**, with the computer plugged straight into the box.",
                "Write down the exact times of the outages for a few days.",
                "Check the *Network status* page in **Mon Néolia** for a known outage.",
                "Open a ticket with the reference of the app's diagnostic.",
            ],
            "explanation": [
                "Outages at a fixed time usually come from the street cabinet, not from your flat.",
                "Wi-Fi rarely goes above 600 Mbps; only a cable test shows the real line speed.",
            ],
            "tip": [
                "Make sure no furniture is squeezing the fibre cable.",
                "An old Cat 5 cable limits you to 100 Mbps.",
            ],
            "resolution": [
                "a technician replaced a damaged cable in the street cabinet, no drops since.",
                "on Ethernet I get the full speed, it was just the Wi-Fi.",
            ],
            "groups": [
                {
                    "device": [
                        "my fibre connection",
                        "the internet",
                        "my ADSL line",
                        "my connection",
                        "the fibre box",
                    ],
                    "symptom": [
                        "drops several times a day",
                        "is much slower than advertised",
                        "cuts out for a few minutes",
                        "stops working for a while",
                        "has huge lag spikes in games",
                        "is completely down",
                        "goes down at the same time",
                        "only comes back after a restart",
                    ],
                    "issue": [
                        "fibre keeps dropping",
                        "speed far below the plan",
                        "red LOS light on the fibre box",
                        "high ping in the evening",
                        "outages at a fixed time",
                        "very slow upload",
                    ],
                }
            ],
            "detail": [
                "The internet light on the box turns red, then comes back on its own.",
                "On Ethernet I only get {speed} Mbps.",
                "Some neighbours in the building have the same problem.",
                "A technician already came once but the problem came back.",
            ],
            "plan": [
                "Fibre Max",
                "Fibre Essentielle",
                "Fibre Pro",
                "Fibre Max + TV",
                "Néolia TV Premium",
                "Box 4G",
            ],
        },
    },
    "mobile": {
        "keywords": ("mobile", "sim", "forfait", "portab"),
        "tags": [
            "mobile",
            "sim",
            "esim",
            "portabilite",
            "rio",
            "4g",
            "5g",
            "roaming",
            "apn",
            "puk",
        ],
        "fr": {
            "subject": [
                "portabilité",
                "eSIM",
                "code PUK",
                "roaming",
                "5G",
                "APN",
                "messagerie vocale",
                "appels Wi-Fi",
                "carte SIM",
                "forfait mobile",
            ],
            "howto": [
                "récupérer mon code RIO",
                "transférer mon eSIM sur un nouveau téléphone",
                "activer les appels Wi-Fi",
                "configurer l'APN",
                "bloquer les numéros surtaxés",
                "activer l'option Voyage",
                "changer de forfait sans engagement",
                "commander une nouvelle carte SIM",
                "désactiver la messagerie vocale",
                "partager ma connexion en point d'accès",
            ],
            "attempt": [
                "activé et désactivé le mode avion",
                "redémarré le téléphone",
                "réinitialisé les paramètres réseau",
                "testé la SIM dans un autre téléphone",
                "vérifié l'APN",
                "sélectionné Néolia manuellement dans les opérateurs",
            ],
            "step": [
                "Activez puis désactivez le **mode avion**, et attendez une minute.",
                "Vérifiez l'APN dans *Paramètres > Réseau mobile* : il doit être `internet.neolia`.",
                "Sélectionnez **Néolia** manuellement dans *Paramètres > Réseau mobile > Opérateurs*.",
                "Testez la carte SIM dans un autre téléphone pour savoir si elle est en cause.",
                "Dans **Mon Néolia > Ma ligne**, vérifiez que la ligne est active et sans restriction.",
                "Faites *Réinitialiser les paramètres réseau* (les Wi-Fi enregistrés seront effacés).",
                "Pour l'eSIM, lancez le transfert depuis **Ma ligne > Carte SIM > Transférer mon eSIM**.",
                "Appelez le **3179** depuis la ligne concernée pour obtenir le code RIO.",
            ],
            "explanation": [
                "Le jour d'une portabilité, une coupure de quelques heures est normale, le temps "
                "que les opérateurs mettent à jour leurs systèmes.",
                "Une mise à jour du téléphone efface parfois l'APN, ce qui coupe les données mais pas les appels.",
                "Le code PUK se trouve sur le support de la carte SIM ou dans l'espace client ; "
                "après 10 erreurs, la carte est définitivement bloquée.",
                "Les appels Wi-Fi passent par votre box quand le réseau mobile est trop faible à l'intérieur.",
                "Le transfert d'eSIM désactive automatiquement l'ancienne : votre numéro est "
                "attaché au contrat, pas à la puce.",
            ],
            "tip": [
                "Ne supprimez jamais l'ancienne eSIM avant que la nouvelle capte le réseau.",
                "Le code RIO s'obtient gratuitement en appelant le 3179.",
                "Activez les appels Wi-Fi si vous captez mal chez vous.",
                "Pensez à l'option Voyage avant de partir hors d'Europe.",
            ],
            "resolution": [
                "l'APN avait sauté avec la mise à jour, tout est revenu.",
                "le support a relancé la portabilité et le réseau est revenu dans l'heure.",
                "nouvelle carte SIM commandée, reçue en 48 h, tout fonctionne.",
                "les appels Wi-Fi ont réglé le problème à la maison.",
            ],
            "groups": [
                {
                    "device": [
                        "mon téléphone",
                        "mon portable",
                        ("ma ligne mobile", "e"),
                        "mon smartphone",
                    ],
                    "symptom": [
                        "n'a plus de réseau",
                        "ne capte plus la 4G",
                        "reste bloqué{e} en 3G",
                        "coupe les appels au bout de {n} minutes",
                        "ne reçoit plus les SMS",
                        "n'active pas les données mobiles",
                        "ne fonctionne pas à l'étranger",
                        "n'affiche jamais la 5G",
                        "perd le réseau régulièrement",
                        "capte une barre à peine chez moi",
                    ],
                    "issue": [
                        "plus de 4G depuis la mise à jour",
                        "appels qui coupent",
                        "SMS non reçus",
                        "hors forfait à l'étranger",
                        "pas de 5G malgré un téléphone compatible",
                        "appels Wi-Fi indisponibles",
                        "réseau très faible à l'intérieur",
                        "données mobiles bloquées",
                    ],
                    "detail": [
                        "Les appels fonctionnent, mais rien ne charge hors Wi-Fi.",
                        "L'icône réseau affiche une croix depuis ce matin.",
                        "Mon conjoint, chez Néolia aussi, n'a aucun problème avec le même modèle.",
                        "Je suis à l'étranger pour {n} jours et je n'ai aucune donnée.",
                        "Dès que je sors de chez moi, tout refonctionne.",
                    ],
                },
                {
                    "device": [
                        ("ma carte SIM", "e"),
                        ("ma SIM Néolia", "e"),
                        ("mon eSIM", "e"),
                        ("ma nouvelle SIM", "e"),
                    ],
                    "symptom": [
                        "affiche « Aucun service »",
                        "demande un code PUK",
                        "n'est pas reconnu{e} par le téléphone",
                        "ne s'active pas depuis la portabilité",
                        "est bloqué{e} après trois codes PIN faux",
                        "ne s'installe pas sur le nouveau téléphone",
                        "n'a toujours pas de réseau",
                    ],
                    "issue": [
                        "portabilité bloquée",
                        "code RIO introuvable",
                        "eSIM impossible à transférer",
                        "carte SIM bloquée (PUK)",
                        "SIM non activée",
                        "QR code eSIM refusé",
                    ],
                    "detail": [
                        "La portabilité était prévue le {day} et rien n'a bougé depuis.",
                        "J'ai bien reçu le QR code de l'eSIM, mais le téléphone indique « "
                        "Impossible d'ajouter le forfait ».",
                        "La carte SIM est arrivée hier par courrier.",
                        "L'ancienne SIM ne capte plus rien depuis ce matin.",
                    ],
                },
            ],
            "plan": [
                "Néolia 5G 200 Go",
                "Néolia 100 Go",
                "Néolia 20 Go",
                "Néolia Mini 2 Go",
                "Néolia Jeunes 80 Go",
                "Néolia Famille",
            ],
            "time": [
                "partout dans l'appartement",
                "en déplacement",
                "tous les matins",
                "plusieurs fois par jour",
                "dans le métro",
                "au bureau",
                "le soir chez moi",
            ],
            "event": [
                "la mise à jour du téléphone",
                "la portabilité",
                "le changement de forfait",
                "un voyage à l'étranger",
                "le changement de carte SIM",
                "mon déménagement",
            ],
        },
        "en": {
            "howto": [
                "transfer my eSIM to a new phone",
                "get my RIO code",
                "turn on Wi-Fi calling",
                "add a travel option",
                "order a new SIM card",
                "set up the APN",
            ],
            "attempt": [
                "toggled airplane mode",
                "restarted the phone",
                "reset network settings",
                "tried the SIM in another phone",
            ],
            "step": [
                "Toggle **airplane mode** on and off, then wait a minute.",
                "Check the APN in *Settings > Mobile network*: it should be `internet.neolia`.",
                "Select **Néolia** manually under *Settings > Mobile network > Operators*.",
                "Try the SIM in another phone to see whether the SIM is the problem.",
                "In **Mon Néolia > My line**, check that the line is active.",
            ],
            "explanation": [
                "On the day of a number transfer, a few hours without service is normal.",
                "Phone updates sometimes wipe the APN, which breaks data but not calls.",
                "The UK is not covered by EU roaming rules, so you need a travel option there.",
            ],
            "tip": [
                "Don't delete the old eSIM until the new one has signal.",
                "Call 3179 from your line to get the RIO code.",
                "Turn on Wi-Fi calling if reception is poor at home.",
            ],
            "resolution": [
                "the APN was missing after the update, all good now.",
                "support restarted the transfer and I had signal within the hour.",
            ],
            "groups": [
                {
                    "device": ["my phone", "my mobile line", "my smartphone"],
                    "symptom": [
                        "has no mobile data",
                        "drops calls after {n} minutes",
                        "doesn't receive texts",
                        "doesn't work abroad",
                        "is stuck on 3G",
                        "has one bar of signal at home",
                    ],
                    "issue": [
                        "no 4G after an update",
                        "roaming charges",
                        "calls dropping indoors",
                        "no mobile data",
                        "texts not arriving",
                    ],
                },
                {
                    "device": ["my SIM card", "my eSIM", "my new Néolia SIM", "my replacement SIM"],
                    "symptom": [
                        "shows 'No service'",
                        "asks for a PUK code",
                        "won't activate",
                        "isn't detected by the phone",
                    ],
                    "issue": [
                        "number transfer stuck",
                        "can't find my RIO code",
                        "eSIM transfer failed",
                        "SIM not activated",
                    ],
                },
            ],
            "detail": [
                "Calls work but nothing loads without Wi-Fi.",
                "I'm abroad for {n} days and have no data at all.",
                "The eSIM QR code was accepted but the phone says 'Unable to add plan'.",
                "The number transfer was supposed to happen on {month} {day}.",
            ],
            "plan": [
                "Néolia 5G 200 Go",
                "Néolia 100 Go",
                "Néolia 20 Go",
                "Néolia Mini 2 Go",
                "Néolia Jeunes 80 Go",
                "Néolia Famille",
            ],
            "time": ["at home", "on the metro", "every morning", "several times a day", "at work"],
            "event": ["the phone update", "the number transfer", "changing plans", "a trip abroad"],
        },
    },
    "billing": {
        "keywords": ("factur", "paiement", "billing", "prelev"),
        "tags": [
            "facture",
            "prelevement",
            "paiement",
            "remboursement",
            "hors-forfait",
            "iban",
            "resiliation",
        ],
        "fr": {
            "time": [
                "ce mois-ci",
                "encore ce mois-ci",
                "sur la facture de {month}",
                "pour la deuxième fois",
                "depuis le changement d'offre",
                "depuis ma résiliation",
            ],
            "event": [
                "ma résiliation",
                "un changement d'offre",
                "mon changement de banque",
                "la hausse de tarif",
                "l'ajout d'une ligne",
                "mon retour de l'étranger",
            ],
            "subject": [
                "facturation",
                "prélèvement",
                "IBAN",
                "remboursement",
                "hors forfait",
                "frais de résiliation",
                "échéancier",
                "facture détaillée",
            ],
            "howto": [
                "modifier mon IBAN",
                "payer une facture par carte",
                "obtenir un duplicata de facture",
                "contester une facture",
                "demander un échéancier",
                "bloquer les achats tiers",
                "passer à la facture papier",
                "télécharger toutes mes factures de l'année",
            ],
            "attempt": [
                "comparé avec les factures précédentes",
                "regardé le détail dans Mon Néolia",
                "appelé le service client",
                "vérifié mon relevé bancaire",
                "envoyé une réclamation via l'appli",
            ],
            "step": [
                "Ouvrez **Mon Néolia > Factures > Voir le détail** pour afficher chaque ligne.",
                "Vérifiez les dates : la première facture comprend souvent un prorata et le mois "
                "suivant payé d'avance.",
                "Réglez la facture par carte dans *Factures > Payer maintenant* pour éviter toute relance.",
                "Mettez à jour votre IBAN dans *Mon compte > Moyens de paiement* (depuis le site web).",
                "Pour contester une ligne, passez par *Assistance > Contester une facture* en "
                "joignant vos justificatifs.",
                "Activez le **blocage des achats tiers** dans *Ma ligne > Achats et services tiers*.",
            ],
            "explanation": [
                "La première facture cumule les frais de mise en service, le prorata du premier "
                "mois et le mois suivant payé d'avance.",
                "Un prélèvement rejeté entraîne des frais de 7,50 €, mais la ligne n'est pas "
                "suspendue avant le deuxième rappel.",
                "Un paiement en double reste en avoir et est déduit automatiquement de la facture suivante.",
                "Les achats SMS+ sont facturés par des éditeurs tiers : l'opérateur ne fait que les collecter.",
                "Le dépôt de garantie est remboursé environ 30 jours après la réception de l'équipement à l'entrepôt.",
            ],
            "tip": [
                "Le détail ligne par ligne de la facture explique presque toujours l'écart.",
                "Gardez une capture du paiement par carte, au cas où.",
                "Changez l'IBAN avant le 25 pour que le prélèvement suivant en tienne compte.",
                "Le blocage des achats tiers est gratuit et évite bien des mauvaises surprises.",
            ],
            "resolution": [
                "c'était le prorata du premier mois, la facture suivante est normale.",
                "le support m'a remboursé les frais contestés.",
                "le double paiement a été déduit de la facture suivante.",
                "le dépôt de garantie est enfin arrivé sur mon compte.",
            ],
            "groups": [
                {
                    "device": [
                        ("ma facture", "e"),
                        ("ma dernière facture", "e"),
                        ("ma facture mobile", "e"),
                        ("ma facture de {month}", "e"),
                        ("ma facture box", "e"),
                    ],
                    "symptom": [
                        "est plus élevée que prévu",
                        "affiche {amount} de hors forfait",
                        "contient des frais que je ne comprends pas",
                        "n'apparaît pas dans l'espace client",
                        "compte un mois de trop après ma résiliation",
                        "a doublé sans raison",
                        "mentionne une option que je n'ai jamais demandée",
                        "s'élève à {amount} au lieu de {price}",
                    ],
                    "issue": [
                        "facture plus élevée que prévu",
                        "frais de mise en service contestés",
                        "hors forfait inexpliqué de {amount}",
                        "achats SMS+ non autorisés",
                        "prorata incompréhensible",
                        "frais de résiliation",
                        "option facturée sans accord",
                    ],
                    "detail": [
                        "Mon offre est à {price} par mois, mais la facture atteint {amount}.",
                        "La ligne « régularisation » n'est expliquée nulle part.",
                        "Je n'ai rien changé à mon offre depuis un an.",
                        "Il y a trois lignes « services tiers » que je ne reconnais pas.",
                    ],
                },
                {
                    "device": [
                        "le prélèvement",
                        "le prélèvement du mois",
                        "mon paiement par carte",
                    ],
                    "symptom": [
                        "a été rejeté",
                        "a été fait deux fois",
                        "n'est pas passé",
                        "a été débité en avance",
                        "ne correspond pas au montant de la facture",
                    ],
                    "issue": [
                        "prélèvement rejeté",
                        "double prélèvement",
                        "relance pour une facture déjà payée",
                        "frais de rejet contestés",
                    ],
                    "detail": [
                        "J'ai reçu un SMS de relance alors que j'ai payé par carte il y a {n} jours.",
                        "J'ai changé de banque le mois dernier et mis à jour mon IBAN.",
                        "Sur le relevé bancaire, je vois deux opérations Néolia à deux jours d'écart.",
                    ],
                },
                {
                    "device": [
                        "mon remboursement",
                        "le remboursement du dépôt de garantie",
                        "mon avoir",
                    ],
                    "symptom": [
                        "n'a toujours pas été versé",
                        "n'apparaît nulle part",
                        "est inférieur au montant annoncé",
                        "a été imputé sur la mauvaise facture",
                    ],
                    "issue": [
                        "remboursement en attente",
                        "dépôt de garantie non remboursé",
                        "avoir introuvable",
                    ],
                    "detail": [
                        "J'ai renvoyé la box il y a {n} semaines, le suivi confirme la réception.",
                        "Le service client m'avait annoncé un remboursement sous 15 jours.",
                        "Mon IBAN est pourtant à jour dans l'espace client.",
                    ],
                },
            ],
        },
        "en": {
            "time": ["this month", "again this month", "for the second time", "since I cancelled"],
            "event": ["cancelling my line", "changing plans", "switching banks"],
            "howto": [
                "change my bank details",
                "pay a bill by card",
                "dispute a charge",
                "download my invoices",
                "block third-party purchases",
            ],
            "attempt": [
                "compared it with previous bills",
                "checked the details in the app",
                "called customer service",
            ],
            "step": [
                "Open **Mon Néolia > Bills > View details** to see each line.",
                "Check the dates: the first bill often includes a pro-rata period plus next month in advance.",
                "Pay by card in *Bills > Pay now* to avoid reminders.",
                "Update your IBAN in *My account > Payment methods* on the website.",
                "Use *Support > Dispute a bill* and attach your bank statement.",
            ],
            "explanation": [
                "The first bill includes the activation fee, a pro-rata for the first month and "
                "the next month in advance.",
                "A double payment stays as a credit and is deducted from the next bill automatically.",
            ],
            "tip": [
                "The detailed view of the bill usually explains the difference.",
                "Change your IBAN before the 25th.",
            ],
            "resolution": [
                "it was the pro-rata, the next bill was normal.",
                "support refunded the extra charge.",
            ],
            "groups": [
                {
                    "device": ["my bill", "my latest invoice", "my mobile bill", "my {month} bill"],
                    "symptom": [
                        "is higher than expected",
                        "shows {amount} of extra charges",
                        "includes fees I don't understand",
                        "is missing from the app",
                        "is {amount} instead of {price}",
                    ],
                    "issue": [
                        "higher bill than expected",
                        "unexpected extra charges of {amount}",
                        "activation fee disputed",
                    ],
                    "detail": [
                        "My plan is {price} a month but the bill is {amount}.",
                        "There's a line called 'adjustment' that isn't explained anywhere.",
                    ],
                },
                {
                    "device": ["the direct debit", "my card payment"],
                    "symptom": ["was rejected", "was taken twice", "didn't go through"],
                    "issue": [
                        "direct debit rejected",
                        "charged twice",
                        "reminder for a bill I already paid",
                    ],
                    "detail": [
                        "I see two Néolia payments two days apart on my bank statement.",
                        "I changed banks last month and updated my IBAN.",
                    ],
                },
                {
                    "device": ["my refund", "my deposit refund"],
                    "symptom": ["still hasn't arrived", "is lower than announced"],
                    "issue": ["refund still pending", "deposit not refunded"],
                    "detail": [
                        "I sent the box back {n} weeks ago and tracking shows it was received.",
                        "Customer service told me it would take 15 days.",
                    ],
                },
            ],
            "detail": [
                "My plan is {price} a month but the bill is {amount}.",
                "I see two Néolia payments two days apart on my bank statement.",
                "I sent the box back {n} weeks ago and tracking shows it was received.",
            ],
        },
    },
    "tv": {
        "keywords": ("tv", "decodeur", "télé", "tele"),
        "tags": ["tv", "decodeur", "replay", "hdmi", "telecommande", "code-parental", "son"],
        "fr": {
            "subject": [
                "décodeur",
                "replay",
                "contrôle parental",
                "bouquets TV",
                "télécommande",
                "enregistrements",
                "VOD",
                "HDMI-CEC",
            ],
            "howto": [
                "réinitialiser le code parental",
                "appairer la télécommande",
                "ajouter un bouquet de chaînes",
                "regarder la TV sur mon téléphone",
                "activer la version originale",
                "programmer un enregistrement à distance",
                "relier le décodeur en CPL",
                "désactiver la mise en veille automatique",
            ],
            "attempt": [
                "débranché le décodeur dix secondes",
                "changé de câble HDMI",
                "essayé un autre port HDMI",
                "changé les piles de la télécommande",
                "vidé le cache du replay",
                "réinitialisé le décodeur",
            ],
            "step": [
                "Vérifiez que la télé est sur la **bonne entrée HDMI** (touche *Source*).",
                "Débranchez l'alimentation du décodeur **10 secondes**, puis rebranchez-la.",
                "Dans **Menu > Paramètres > Son**, passez la sortie audio de *Dolby Digital* à *PCM*.",
                "Reliez le décodeur à la box en Ethernet ou en CPL plutôt que par un répéteur Wi-Fi.",
                "Pour appairer la télécommande, maintenez **OK + Retour** 5 secondes face au décodeur.",
                "Videz le cache dans *Paramètres > Applications > Replay*.",
                "Réinitialisez le code parental depuis **Mon Néolia > Ma TV > Code parental**.",
            ],
            "explanation": [
                "Les codes TV-2xx indiquent que le décodeur ne reçoit pas le flux TV en direct, "
                "souvent à cause d'un répéteur Wi-Fi qui ne transmet pas le multicast.",
                "Certaines télés ne décodent pas le Dolby Digital : en PCM, le son revient.",
                "Le replay passe par internet et non par le flux TV, ce qui explique qu'il puisse "
                "fonctionner quand le direct est coupé, et inversement.",
                "Le code parental revient à 0000 après une réinitialisation depuis l'espace client.",
                "Une télécommande qui clignote trois fois a perdu l'appairage avec le décodeur.",
            ],
            "tip": [
                "Vérifiez la touche *muet* du décodeur, pas seulement celle de la télé.",
                "Un câble HDMI récent règle beaucoup d'écrans noirs.",
                "Évitez les répéteurs Wi-Fi du commerce pour le décodeur, préférez le CPL.",
                "L'appli Mon Néolia TV peut servir de télécommande en attendant.",
            ],
            "resolution": [
                "c'était le réglage Dolby, en PCM le son est revenu.",
                "avec un kit CPL, plus aucun code erreur.",
                "la télécommande a été réappairée en deux secondes.",
                "le câble HDMI était défectueux.",
            ],
            "groups": [
                {
                    "device": [
                        "le décodeur Néolia TV",
                        "mon décodeur",
                        "le décodeur TV 4K",
                        "le décodeur de la chambre",
                    ],
                    "symptom": [
                        "n'affiche plus aucune chaîne",
                        "reste bloqué sur le logo Néolia",
                        "redémarre en boucle",
                        "affiche le code erreur TV-{code}",
                        "n'a plus de son",
                        "affiche un écran noir",
                        "ne trouve plus le réseau",
                        "se met en veille tout seul",
                        "fait saccader l'image",
                    ],
                    "issue": [
                        "écran noir sur le décodeur",
                        "image sans son",
                        "code erreur TV-{code}",
                        "chaînes manquantes",
                        "image qui saccade",
                        "décodeur qui redémarre en boucle",
                    ],
                    "detail": [
                        "Le voyant du décodeur est blanc fixe, il a donc l'air allumé.",
                        "Le décodeur est relié à la box par un répéteur Wi-Fi.",
                        "La télé affiche « Aucun signal » sur l'entrée HDMI.",
                        "J'ai une barre de son branchée entre le décodeur et la télé.",
                        "Le souci est apparu juste après une mise à jour du décodeur.",
                    ],
                },
                {
                    "device": [
                        ("la télécommande", "e"),
                        ("la télécommande Néolia TV", "e"),
                        ("la télécommande vocale", "e"),
                    ],
                    "symptom": [
                        "ne répond plus",
                        "clignote trois fois sans rien faire",
                        "ne règle plus le volume de la télé",
                        "s'est désappairée toute seule",
                        "n'allume plus la télé",
                    ],
                    "issue": [
                        "télécommande désappairée",
                        "télécommande inutilisable",
                        "volume de la télé impossible à régler",
                    ],
                    "detail": [
                        "Les piles sont neuves.",
                        "L'appli Mon Néolia TV fonctionne comme télécommande, donc le décodeur répond.",
                        "La petite lumière en haut de la télécommande clignote quand j'appuie.",
                    ],
                },
                {
                    "device": [
                        "le replay",
                        "l'enregistrement",
                        "le contrôle du direct",
                        ("la VOD", "e"),
                    ],
                    "symptom": [
                        "reste bloqué{e} à 99 %",
                        "ne se lance plus",
                        "affiche « Contenu indisponible »",
                        "s'arrête au bout de {n} minutes",
                        "ne fonctionne que sur certaines chaînes",
                    ],
                    "issue": [
                        "replay bloqué",
                        "enregistrements disparus",
                        "VOD inaccessible",
                        "pas de version originale",
                    ],
                    "detail": [
                        "Le direct fonctionne, seuls le replay et la VOD posent problème.",
                        "Ça le fait sur toutes les chaînes.",
                        "Le souci est apparu juste après une mise à jour du décodeur.",
                        "J'ai déjà vidé le cache, ça marche pour un programme puis ça recommence.",
                    ],
                },
            ],
            "plan": [
                "Fibre Max",
                "Fibre Essentielle",
                "Fibre Pro",
                "Fibre Max + TV",
                "Néolia TV Premium",
                "Box 4G",
            ],
            "time": [
                "tous les soirs",
                "pendant les matchs",
                "le week-end",
                "sur certaines chaînes",
                "dès que j'allume la télé",
                "plusieurs fois par soirée",
                "en fin de soirée",
            ],
            "event": [
                "la mise à jour du décodeur",
                "une coupure de courant",
                "le changement de télé",
                "l'ajout d'une barre de son",
                "le déplacement du décodeur dans une autre pièce",
            ],
        },
        "en": {
            "howto": [
                "reset the parental code",
                "pair the remote",
                "watch films in original version",
                "watch TV on my phone",
                "record a show remotely",
            ],
            "attempt": [
                "unplugged the decoder",
                "tried another HDMI cable",
                "changed the remote batteries",
            ],
            "step": [
                "Make sure the TV is on the **right HDMI input**.",
                "Unplug the decoder for **10 seconds**.",
                "In **Menu > Settings > Sound**, switch the audio output from *Dolby Digital* to *PCM*.",
                "Connect the decoder with Ethernet or powerline adapters rather than a Wi-Fi repeater.",
                "Hold **OK + Back** for 5 seconds to pair the remote.",
            ],
            "explanation": [
                "TV-2xx errors mean the decoder isn't receiving the live TV stream, often because of a Wi-Fi repeater.",
                "Some TVs can't decode Dolby Digital; switching to PCM brings the sound back.",
            ],
            "tip": [
                "Check the mute button on the decoder remote too.",
                "The Mon Néolia TV app works as a remote in the meantime.",
            ],
            "resolution": ["it was the Dolby setting.", "powerline adapters fixed the error."],
            "groups": [
                {
                    "device": [
                        "the Néolia TV box",
                        "my TV decoder",
                        "the 4K decoder",
                        "the decoder in the bedroom",
                        "my Néolia TV decoder",
                    ],
                    "symptom": [
                        "shows a black screen",
                        "has no sound",
                        "shows error TV-{code}",
                        "keeps rebooting",
                        "is stuck on the Néolia logo",
                        "makes the picture stutter",
                    ],
                    "issue": [
                        "black screen on the decoder",
                        "no sound on TV",
                        "error TV-{code}",
                        "stuttering picture",
                    ],
                },
                {
                    "device": ["the remote", "the Néolia TV remote"],
                    "symptom": [
                        "stopped working",
                        "blinks three times and does nothing",
                        "no longer controls the TV volume",
                    ],
                    "issue": ["remote not responding", "remote unpaired"],
                },
                {
                    "device": ["replay", "the recording feature", "video on demand"],
                    "symptom": ["is stuck at 99%", "won't start", "says 'Content unavailable'"],
                    "issue": [
                        "replay not loading",
                        "recordings missing",
                        "no original version audio",
                    ],
                },
            ],
            "detail": [
                "The light on the decoder is solid white.",
                "Live TV works, only replay is affected.",
                "The TV says 'No signal' on the HDMI input.",
                "The batteries in the remote are brand new.",
            ],
            "plan": [
                "Fibre Max",
                "Fibre Essentielle",
                "Fibre Pro",
                "Fibre Max + TV",
                "Néolia TV Premium",
                "Box 4G",
            ],
            "time": [
                "every evening",
                "during matches",
                "on some channels",
                "as soon as I turn the TV on",
            ],
            "event": ["the decoder update", "a power cut", "getting a new TV", "adding a soundbar"],
        },
    },
    "delivery": {
        "keywords": ("livraison", "retour", "colis", "commande"),
        "tags": [
            "colis",
            "livraison",
            "retour",
            "retractation",
            "point-relais",
            "echange",
            "remboursement",
        ],
        "fr": {
            "time": [
                "cette semaine",
                "pour la deuxième fois",
                "malgré la livraison express",
                "encore une fois",
                "sur ma dernière commande",
                "même en point relais",
                "pour la troisième fois",
                "sur une commande urgente",
            ],
            "event": [
                "ma commande du {day} {month}",
                "le changement d'adresse",
                "la grève des livreurs",
                "mon retour sous 14 jours",
                "l'échange de ma box",
            ],
            "subject": [
                "livraison",
                "retour",
                "rétractation",
                "point relais",
                "échange",
                "restitution de la box",
                "suivi de colis",
            ],
            "howto": [
                "retourner un article sous 14 jours",
                "changer l'adresse de livraison",
                "renvoyer l'ancienne box",
                "signaler un colis endommagé",
                "obtenir une étiquette de retour",
                "me faire livrer en point relais",
                "suivre mon remboursement",
            ],
            "attempt": [
                "demandé aux voisins et au gardien",
                "vérifié la boîte aux lettres",
                "contacté le transporteur",
                "consulté le suivi détaillé",
                "cherché l'étiquette dans mes e-mails",
            ],
            "step": [
                "Vérifiez auprès des voisins, du gardien et dans la boîte aux lettres.",
                "Consultez le **suivi détaillé** : le nom de la personne ou du point relais y figure parfois.",
                "Attendez **48 h** : certains livreurs valident la livraison avant de l'effectuer.",
                "Déclarez le problème dans **Mon Néolia > Mes commandes > Signaler un problème**.",
                "Prenez des photos du colis et du produit avant de renvoyer quoi que ce soit.",
                "Téléchargez l'étiquette prépayée dans *Mes équipements > Restituer*.",
                "Gardez précieusement le **reçu de dépôt** jusqu'au remboursement.",
            ],
            "explanation": [
                "Le délai de rétractation est de 14 jours à compter de la réception, et le retour "
                "est gratuit pour les accessoires et les smartphones.",
                "Pour un équipement de remplacement, Néolia renvoie un nouvel appareil sans "
                "attendre la fin de l'enquête auprès du transporteur.",
                "Le remboursement intervient sous 14 jours maximum après réception du colis à l'entrepôt.",
                "L'ancienne box doit être restituée sous 30 jours après la résiliation, sinon des "
                "frais de non-restitution s'appliquent.",
            ],
            "tip": [
                "Le colis est souvent chez un voisin ou chez le gardien.",
                "Gardez le reçu de dépôt, c'est votre seule preuve.",
                "Un colis non retiré repart au bout de 10 jours : ne tardez pas.",
                "Photographiez toujours un carton abîmé devant le livreur.",
            ],
            "resolution": [
                "le colis était chez la gardienne depuis le début.",
                "le remboursement est arrivé quatre jours après le dépôt.",
                "un nouveau téléphone m'a été envoyé sous 48 h.",
                "le transporteur a retrouvé le colis dans son dépôt.",
            ],
            "groups": [
                {
                    "device": [
                        "mon colis",
                        ("ma commande", "e"),
                        "le colis de ma nouvelle box",
                        "mon colis Néolia",
                        ("ma box de remplacement", "e"),
                    ],
                    "symptom": [
                        "est marqué{e} livré{e} mais introuvable",
                        "est bloqué{e} « en cours d'acheminement »",
                        "a été livré{e} à la mauvaise adresse",
                        "est arrivé{e} abîmé{e}",
                        "a été renvoyé{e} à l'expéditeur",
                        "n'a jamais quitté l'entrepôt",
                        "attend en point relais sans code de retrait",
                        "est arrivé{e} incomplet{e}",
                    ],
                    "issue": [
                        "colis livré mais pas reçu",
                        "produit reçu endommagé",
                        "livraison en point relais impossible",
                        "colis incomplet",
                        "colis bloqué en transit",
                    ],
                    "detail": [
                        "Le suivi indique « Livré » à {hour}h{min}, mais personne n'a sonné.",
                        "Le carton était ouvert et le chargeur manquait.",
                        "Le livreur a laissé un avis de passage alors que j'étais chez moi.",
                        "Le délai annoncé était de 2 à 3 jours.",
                    ],
                },
                {
                    "device": ["mon retour", "le retour de l'ancienne box", "le colis de retour"],
                    "symptom": [
                        "n'apparaît pas dans le suivi",
                        "a été refusé par l'entrepôt",
                        "n'a toujours pas été remboursé",
                        "est indiqué comme non reçu",
                    ],
                    "issue": [
                        "retour sous 14 jours",
                        "étiquette de retour introuvable",
                        "remboursement du retour en attente",
                        "frais de non-restitution de la box",
                    ],
                    "detail": [
                        "J'ai déposé le colis de retour il y a {n} jours et gardé le reçu.",
                        "L'article est neuf, encore dans son emballage d'origine.",
                        "Le point relais m'a bien remis un reçu de dépôt.",
                    ],
                },
            ],
        },
        "en": {
            "time": [
                "this week",
                "for the second time",
                "again",
                "despite express delivery",
                "on my last order",
                "even with a relay point",
                "for the third time",
            ],
            "howto": [
                "return an item within 14 days",
                "change the delivery address",
                "send back my old box",
                "report a damaged parcel",
                "get a return label",
            ],
            "attempt": ["asked the neighbours", "checked the tracking", "contacted the carrier"],
            "step": [
                "Check with neighbours and the building caretaker.",
                "Look at the **detailed tracking**: it sometimes shows who signed for it.",
                "Wait **48 hours**, some drivers scan the parcel before delivering it.",
                "Report it in **Mon Néolia > My orders > Report a problem**.",
                "Keep the **drop-off receipt** until you're refunded.",
            ],
            "explanation": [
                "You have 14 days from delivery to change your mind, and returns are free for accessories and phones.",
                "Refunds are made within 14 days of the parcel reaching the warehouse.",
            ],
            "tip": ["The parcel is often with a neighbour.", "Always keep the drop-off receipt."],
            "resolution": [
                "the caretaker had it all along.",
                "the refund arrived four days after drop-off.",
            ],
            "groups": [
                {
                    "device": [
                        "my parcel",
                        "my order",
                        "the replacement box",
                        "my phone order",
                        "the accessories I ordered",
                        "the parcel with my new SIM",
                    ],
                    "symptom": [
                        "is marked delivered but I never got it",
                        "is stuck in transit",
                        "arrived damaged",
                        "went to the wrong address",
                        "arrived with a part missing",
                        "was sent back to the warehouse",
                        "is waiting at a relay point without a pickup code",
                        "never left the warehouse",
                    ],
                    "issue": [
                        "parcel delivered but not received",
                        "damaged item",
                        "parcel stuck in transit",
                    ],
                },
                {
                    "device": [
                        "my return",
                        "the old box return",
                        "my headphones return",
                        "the return parcel",
                    ],
                    "symptom": [
                        "doesn't show in tracking",
                        "hasn't been refunded yet",
                        "was refused by the warehouse",
                        "is marked as not received",
                    ],
                    "issue": [
                        "return within 14 days",
                        "refund for my return still pending",
                        "return label missing",
                    ],
                },
            ],
            "detail": [
                "Tracking says 'Delivered' at {hour}:{min} but nobody rang.",
                "The box was open and the charger was missing.",
                "I dropped the return off {n} days ago and kept the receipt.",
            ],
        },
    },
    "account": {
        "keywords": ("compte", "client", "espace", "appli", "account"),
        "tags": ["compte", "application", "mot-de-passe", "2fa", "securite", "connexion"],
        "fr": {
            "time": [
                "à chaque connexion",
                "depuis la mise à jour",
                "depuis ce matin",
                "sur ordinateur comme sur mobile",
                "depuis {n} jours",
                "une fois sur deux",
                "depuis hier soir",
                "sur l'appli seulement",
                "après chaque mise à jour",
                "tous les deux jours",
            ],
            "subject": [
                "espace client",
                "appli Mon Néolia",
                "double authentification",
                "mot de passe",
                "notifications",
                "accès partagés",
                "données personnelles",
            ],
            "howto": [
                "réinitialiser mon mot de passe",
                "activer la double authentification",
                "changer l'adresse e-mail de mon compte",
                "ajouter une ligne à mon espace client",
                "donner accès à mon compte à un proche",
                "supprimer mon compte",
                "passer l'appli en anglais",
                "télécharger mes données personnelles",
            ],
            "attempt": [
                "réinstallé l'appli",
                "vidé le cache du navigateur",
                "essayé depuis un autre appareil",
                "demandé un nouveau lien de réinitialisation",
                "attendu une heure avant de réessayer",
            ],
            "step": [
                "Regardez dans les **courriers indésirables** et l'onglet *Promotions*.",
                "Attendez **15 minutes** entre deux demandes : chaque nouvelle demande annule le lien précédent.",
                "Choisissez **Recevoir un code par SMS** sur la page de réinitialisation.",
                "Mettez l'appli à jour, puis videz son cache dans les paramètres du téléphone.",
                "Cliquez sur **Je n'ai plus accès à ma double authentification** sur la page de connexion.",
                "Activez la double authentification dans **Mon compte > Sécurité** et gardez vos codes de secours.",
                "Vérifiez que vous utilisez l'adresse e-mail donnée à la souscription : votre "
                "identifiant figure en haut de chaque facture.",
            ],
            "explanation": [
                "Par sécurité, la désactivation de la double authentification prend effet 24 h "
                "après la double validation par SMS et e-mail.",
                "Après cinq tentatives infructueuses, le compte est verrouillé pendant 30 minutes.",
                "Chaque demande de réinitialisation annule le lien précédent : seul le dernier e-mail est valable.",
                "L'appli a son propre réglage de langue, indépendant de celui du téléphone.",
            ],
            "tip": [
                "Le mail de réinitialisation finit souvent dans les spams.",
                "Gardez vos codes de secours imprimés, loin du téléphone.",
                "Votre identifiant client est en haut de chaque facture.",
                "Sur ordinateur, le site propose parfois des options absentes de l'appli.",
            ],
            "resolution": [
                "l'e-mail était dans les spams.",
                "la double authentification a été désactivée au bout de 24 h et j'ai pu la réactiver.",
                "la mise à jour de l'appli a corrigé le plantage.",
                "le support a débloqué mon compte.",
            ],
            "groups": [
                {
                    "device": [
                        ("l'appli Mon Néolia", "e"),
                        "mon espace client",
                        "le site Mon Néolia",
                        ("la page de connexion", "e"),
                        "l'espace client sur ordinateur",
                        ("l'appli sur ma tablette", "e"),
                    ],
                    "symptom": [
                        "plante à l'ouverture",
                        "me déconnecte sans arrêt",
                        "affiche une erreur {code}",
                        "n'affiche plus mes factures",
                        "refuse mon mot de passe",
                        "reste bloqué{e} sur l'écran de chargement",
                        "affiche encore mon ancien forfait",
                        "n'affiche pas ma deuxième ligne",
                        "affiche une page blanche",
                        "me demande de me reconnecter toutes les {n} minutes",
                        "n'enregistre pas mes modifications",
                    ],
                    "issue": [
                        "appli qui plante",
                        "identifiant introuvable",
                        "ligne absente de l'espace client",
                        "notifications en double",
                        "factures invisibles dans l'appli",
                        "déconnexions en boucle",
                    ],
                    "detail": [
                        "L'appli est à jour, j'ai même essayé de la réinstaller.",
                        "Sur ordinateur, le site fonctionne normalement.",
                        "Le message « Identifiant ou mot de passe incorrect » s'affiche à chaque tentative.",
                    ],
                },
                {
                    "device": [
                        ("la double authentification", "e"),
                        ("la réinitialisation du mot de passe", "e"),
                        ("la vérification par SMS", "e"),
                        "le lien « Mot de passe oublié »",
                        "le code de vérification",
                    ],
                    "symptom": [
                        "ne m'envoie aucun code",
                        "bloque l'accès à mon compte",
                        "ne fonctionne plus depuis que j'ai changé de téléphone",
                        "renvoie vers une page d'erreur",
                        "expire avant que je puisse l'utiliser",
                        "n'arrive jamais",
                        "affiche « lien invalide »",
                    ],
                    "issue": [
                        "mot de passe oublié",
                        "e-mail de réinitialisation non reçu",
                        "code 2FA perdu",
                        "compte bloqué après trop de tentatives",
                    ],
                    "detail": [
                        "J'ai vérifié les courriers indésirables, rien.",
                        "Mon compte est bloqué pendant {n} minutes après trois essais.",
                        "J'ai changé de téléphone et je n'ai pas gardé les codes de secours.",
                    ],
                },
            ],
            "event": [
                "la mise à jour de l'appli",
                "mon changement de téléphone",
                "le changement de mot de passe",
                "mon changement d'adresse e-mail",
            ],
        },
        "en": {
            "time": [
                "every time I log in",
                "since the update",
                "on both laptop and phone",
                "every other day",
                "since this morning",
                "on the app only",
                "after every update",
            ],
            "howto": [
                "reset my password",
                "turn on two-factor authentication",
                "change my account email",
                "switch the app to English",
                "give a relative access to my account",
            ],
            "attempt": ["reinstalled the app", "cleared the browser cache", "tried another device"],
            "step": [
                "Check your **spam folder**.",
                "Wait **15 minutes** between requests: each new one cancels the previous link.",
                "Choose **Get a code by SMS** on the reset page.",
                "Update the app and clear its cache.",
                "Click **I lost access to two-factor authentication** on the login page.",
            ],
            "explanation": [
                "For security, turning off 2FA takes effect 24 hours after you confirm by SMS and email.",
                "The app has its own language setting, separate from the phone's.",
            ],
            "tip": [
                "Reset emails often end up in spam.",
                "Keep your backup codes printed somewhere safe.",
            ],
            "resolution": ["the email was in spam.", "the app update fixed the crash."],
            "groups": [
                {
                    "device": [
                        "the Mon Néolia app",
                        "my online account",
                        "the Néolia website",
                        "the app on my tablet",
                        "the login page",
                        "my customer area",
                    ],
                    "symptom": [
                        "crashes on launch",
                        "keeps logging me out",
                        "won't accept my password",
                        "doesn't show my bills",
                        "shows error {code}",
                        "freezes on the loading screen",
                        "shows my old plan",
                        "doesn't list my second line",
                    ],
                    "issue": [
                        "app crashing",
                        "bills missing from the app",
                        "logged out all the time",
                    ],
                },
                {
                    "device": [
                        "two-factor authentication",
                        "the password reset",
                        "the SMS verification",
                        "the 'forgot password' link",
                    ],
                    "symptom": [
                        "sends no code",
                        "locks me out of my account",
                        "stopped working after I changed phones",
                        "goes to an error page",
                        "says my code has expired",
                        "never arrives",
                    ],
                    "issue": [
                        "forgot my password",
                        "no reset email",
                        "lost my 2FA codes",
                        "account locked",
                    ],
                },
            ],
            "detail": [
                "I checked my spam folder, nothing.",
                "The app is up to date, I even reinstalled it.",
                "It works fine on my laptop, only the app is affected.",
            ],
            "event": ["the app update", "changing phones", "changing my password"],
        },
    },
    "phones": {
        "keywords": ("smartphone", "accessoire", "telephone", "téléphone", "phone"),
        "tags": [
            "smartphone",
            "batterie",
            "chargeur",
            "garantie",
            "ecran",
            "accessoires",
            "reparation",
        ],
        "fr": {
            "subject": [
                "garantie",
                "batterie",
                "charge rapide",
                "réparation",
                "protection d'écran",
                "assurance mobile",
                "reprise de l'ancien téléphone",
                "mise à jour Android",
            ],
            "howto": [
                "faire jouer la garantie",
                "faire réparer l'écran",
                "vérifier l'état de la batterie",
                "transférer mes données vers mon nouveau téléphone",
                "faire reprendre mon ancien téléphone",
                "payer mon téléphone en plusieurs fois",
                "choisir un chargeur compatible",
                "réinitialiser le téléphone avant de le revendre",
            ],
            "attempt": [
                "redémarré le téléphone",
                "désinstallé les dernières applis",
                "testé un autre câble",
                "fait la mise à jour système",
                "réinitialisé les paramètres",
                "retiré la coque pendant la charge",
            ],
            "step": [
                "Regardez *Paramètres > Batterie > Utilisation* pour repérer l'appli qui consomme.",
                "Vérifiez l'**état de la batterie** : en dessous de 80 %, un remplacement se justifie.",
                "Utilisez un chargeur **USB-C PD avec PPS** et un câble 5 A pour la charge rapide.",
                "Faites la dernière **mise à jour système** dans *Paramètres > Système*.",
                "Sauvegardez vos données avant toute réparation ou réinitialisation.",
                "Prenez rendez-vous en **point de service Néolia** pour un diagnostic gratuit.",
                "Retirez la coque pendant la charge si le téléphone chauffe.",
            ],
            "explanation": [
                "La garantie légale de 2 ans couvre les pannes et défauts de fabrication, mais "
                "pas la casse accidentelle.",
                "Sans chargeur compatible PPS, le téléphone se limite à une charge standard d'environ 25 W.",
                "Décharger complètement une batterie lithium ne la recalibre pas : ça l'use plutôt.",
                "Les téléphones vendus par Néolia ne sont pas verrouillés : toutes les cartes SIM fonctionnent.",
                "Une application mal optimisée peut vider la batterie même écran éteint.",
            ],
            "tip": [
                "Votre carte bancaire couvre peut-être la casse, vérifiez vos garanties.",
                "Un câble 3 A limite la charge rapide, prenez un câble 5 A.",
                "Activez la luminosité automatique pour gagner en autonomie.",
                "Faites une sauvegarde avant de déposer le téléphone en réparation.",
            ],
            "resolution": [
                "une appli consommait 40 % de la batterie ; supprimée, tout va bien.",
                "avec le bon chargeur, la charge rapide fonctionne.",
                "l'écran a été remplacé en point de service en une heure.",
                "le téléphone a été échangé sous garantie.",
            ],
            "groups": [
                {
                    "device": [
                        "mon Nova 12",
                        "mon Nova 12 Pro",
                        "mon smartphone",
                        "mon nouveau téléphone",
                        "le Kéo A5",
                        ("ma tablette Nova Tab", "e"),
                    ],
                    "symptom": [
                        "se décharge en quelques heures",
                        "chauffe anormalement",
                        "redémarre tout{e} seul{e}",
                        "a l'écran qui scintille",
                        "ne reconnaît plus ma carte SIM",
                        "a un micro qui grésille en appel",
                        "reste bloqué{e} sur le logo",
                        "ne déverrouille plus avec l'empreinte",
                        "rame énormément",
                    ],
                    "issue": [
                        "batterie qui se vide vite",
                        "smartphone qui surchauffe",
                        "téléphone bloqué sur le logo",
                        "garantie refusée",
                        "lecteur d'empreinte qui ne marche plus",
                        "téléphone très lent",
                    ],
                    "detail": [
                        "Le téléphone a {n} mois et a toujours été dans une coque.",
                        "La batterie perd 20 % en une heure, même écran éteint.",
                        "Le problème est apparu juste après la dernière mise à jour.",
                        "Je l'ai acheté en boutique Néolia avec mon forfait.",
                    ],
                    "time": [
                        "tous les jours",
                        "en fin de journée",
                        "même au repos",
                        "quand j'utilise le GPS",
                        "dès que je lance un jeu",
                        "plusieurs fois par jour",
                    ],
                },
                {
                    "device": [
                        "mon chargeur 45 W",
                        "le câble USB-C fourni",
                        "mon chargeur sans fil",
                    ],
                    "symptom": [
                        "ne charge plus le téléphone",
                        "chauffe beaucoup",
                        "ne fait plus de charge rapide",
                        "charge par intermittence",
                        "fait un petit bruit aigu",
                    ],
                    "issue": [
                        "charge rapide qui ne fonctionne pas",
                        "chargeur défectueux",
                        "câble USB-C qui chauffe",
                    ],
                    "detail": [
                        "Avec le chargeur d'origine, la charge prend plus de deux heures.",
                        "Le câble a l'air en bon état, aucun pli.",
                        "Je l'ai acheté sur la boutique Néolia il y a {n} semaines.",
                        "Il a lâché au bout de {n} semaines seulement.",
                    ],
                    "time": [
                        "depuis quelques jours",
                        "une fois sur deux",
                        "la nuit",
                        "depuis que j'ai changé de coque",
                        "sans raison apparente",
                    ],
                },
                {
                    "device": [
                        "mon casque Bluetooth",
                        ("ma montre connectée", "e"),
                        "mon écouteur gauche",
                    ],
                    "symptom": [
                        "se déconnecte toutes les {n} minutes",
                        "ne s'appaire plus avec le téléphone",
                        "ne tient plus la charge",
                        "grésille en permanence",
                    ],
                    "issue": [
                        "Bluetooth instable",
                        "appairage impossible",
                        "autonomie en chute libre",
                    ],
                    "detail": [
                        "Le problème apparaît aussi avec un autre téléphone.",
                        "Il est à jour et complètement chargé.",
                        "Ça a commencé après la mise à jour du téléphone.",
                    ],
                    "time": [
                        "pendant les appels",
                        "dans le métro",
                        "plusieurs fois par jour",
                        "dès que je m'éloigne un peu",
                        "depuis la mise à jour",
                    ],
                },
                {
                    "device": [
                        "l'écran de mon Nova 12",
                        "l'écran de mon téléphone",
                        ("la vitre arrière", "e"),
                        "l'écran de ma tablette",
                    ],
                    "symptom": [
                        "est fissuré{e}",
                        "ne répond plus au toucher par endroits",
                        "affiche des lignes vertes",
                        "reste noir{e} alors que le téléphone sonne",
                        "a des taches sombres",
                    ],
                    "issue": [
                        "écran cassé hors garantie",
                        "lignes vertes sur l'écran",
                        "tactile qui ne répond plus",
                        "réparation d'écran",
                    ],
                    "time": [
                        "depuis hier",
                        "depuis ce week-end",
                        "depuis quelques jours",
                        "depuis une chute",
                    ],
                    "detail": [
                        "Il est tombé de ma poche sur le trottoir.",
                        "Le téléphone a {n} mois et a toujours été dans une coque.",
                        "Je n'ai pas pris d'assurance à l'achat.",
                        "Le reste fonctionne : je reçois les appels et les notifications.",
                    ],
                },
            ],
            "plan": [
                "Néolia 5G 200 Go",
                "Néolia 100 Go",
                "Néolia 20 Go",
                "Néolia Mini 2 Go",
                "Néolia Jeunes 80 Go",
                "Néolia Famille",
            ],
            "event": [
                "la dernière mise à jour",
                "une chute",
                "le changement de coque",
                "un passage sous la pluie",
                "la réinitialisation",
                "le transfert de mes données",
            ],
        },
        "en": {
            "howto": [
                "use the warranty",
                "get the screen repaired",
                "check battery health",
                "move my data to a new phone",
                "pay for a phone in instalments",
            ],
            "attempt": ["restarted the phone", "uninstalled recent apps", "tried another cable"],
            "step": [
                "Check *Settings > Battery > Usage* to find the app draining the battery.",
                "Check **battery health**: below 80%, a replacement makes sense.",
                "Use a **USB-C PD charger with PPS** and a 5 A cable.",
                "Back up your data before any repair.",
                "Book a free diagnostic at a **Néolia service point**.",
            ],
            "explanation": [
                "The 2-year legal warranty covers faults, not accidental damage.",
                "Phones sold by Néolia are not SIM-locked.",
            ],
            "tip": [
                "Your bank card may cover accidental damage.",
                "A 3 A cable limits fast charging.",
            ],
            "resolution": ["one app was using 40% of the battery.", "the right charger fixed it."],
            "groups": [
                {
                    "device": ["my Nova 12", "my new phone", "my Nova 12 Pro", "my tablet"],
                    "symptom": [
                        "drains its battery in a few hours",
                        "gets hot while charging",
                        "is stuck on the logo",
                        "doesn't detect my SIM",
                        "has a flickering screen",
                        "restarts on its own",
                        "won't unlock with my fingerprint",
                    ],
                    "issue": [
                        "battery drains fast",
                        "cracked screen",
                        "warranty claim refused",
                        "phone overheating",
                    ],
                },
                {
                    "device": ["my 45 W charger", "the USB-C cable", "my Bluetooth headphones"],
                    "symptom": [
                        "stopped working",
                        "disconnects every {n} minutes",
                        "doesn't fast charge any more",
                    ],
                    "issue": [
                        "fast charging not working",
                        "faulty charger",
                        "Bluetooth keeps dropping",
                    ],
                },
            ],
            "detail": [
                "The phone is {n} months old.",
                "It loses 20% an hour even with the screen off.",
                "It started right after the last system update.",
            ],
            "plan": [
                "Néolia 5G 200 Go",
                "Néolia 100 Go",
                "Néolia 20 Go",
                "Néolia Mini 2 Go",
                "Néolia Jeunes 80 Go",
                "Néolia Famille",
            ],
            "event": ["the last update", "a drop", "changing the case", "a factory reset"],
            "time": ["every day", "even when idle", "while gaming", "several times a day"],
        },
    },
}

_TOPIC_NAMES = list(_TOPICS)

# ---------------------------------------------------------------------------
# Gabarits de titres : (gabarit, poids). Les gabarits « comment… » ont leur propre
# corps de question (demande de marche à suivre plutôt que description de panne).
# ---------------------------------------------------------------------------

_TITLES = {
    "fr": [
        ("{Device} {symptom} {time}", 10),
        ("{Device} {symptom} depuis {since}", 10),
        ("{Device} {symptom}, que faire ?", 4),
        ("{Device} {symptom} après {event}", 6),
        ("{Device} {symptom} ({plan})", 4),
        ("{Device} {symptom} : panne ou réglage ?", 2),
        ("{Device} {symptom} uniquement {time}", 3),
        ("[{city}] {device} {symptom}", 5),
        ("Urgent : {device} {symptom} depuis {since}", 3),
        ("Aide svp : {device} {symptom} {time}", 3),
        ("Après {event}, {device} {symptom}", 4),
        ("{Device} {symptom} alors que tout marchait {before}", 4),
        ("{Device} {symptom} : matériel défectueux ?", 2),
        ("Mon voisin n'a aucun souci, mais {device} {symptom}", 2),
        ("{Issue} {time}", 4),
        ("{Issue} depuis {since}", 4),
        ("{Issue} à {city}, incident en cours ?", 4),
        ("{Issue} après {event}, c'est normal ?", 3),
        ("{Issue} avec l'offre {plan}", 2),
        ("Toujours {issue} malgré {fix}", 2),
        ("{Issue} et {issue2} depuis {since}", 3),
        ("{Issue} ({city}, offre {plan})", 3),
        ("Chez Néolia depuis {years} ans, première fois : {issue}", 2),
        ("{Issue} : le support me dit d'attendre, combien de temps ?", 1),
        ("Question {subject} : {issue} depuis {since}", 2),
        ("Problème de {subject} {time}", 2),
        ("Comment {howto} ?", 1),
        ("Comment {howto} avec l'offre {plan} ?", 2),
        ("Je n'arrive pas à {howto} depuis {since}", 3),
        ("Besoin d'aide pour {howto} ({city})", 2),
    ],
    "en": [
        ("{Device} {symptom} {time}", 10),
        ("{Device} {symptom} since {since}", 8),
        ("{Device} {symptom} – any ideas?", 3),
        ("Help: {device} {symptom} {time}", 4),
        ("{Device} {symptom} after {event}", 5),
        ("{Issue} since {since}", 4),
        ("{Issue} in {city}, anyone else?", 4),
        ("{Issue} on the {plan} plan – is this normal?", 3),
        ("How do I {howto}?", 1),
        ("How do I {howto} on the {plan} plan?", 2),
        ("Can't {howto} since {since}", 3),
        ("New to France: how do I {howto}?", 1),
    ],
}
# Compléments ajoutés à une partie des titres ; ignorés si le titre utilise déjà ce slot.
_TITLE_SUFFIXES = {
    "fr": [" ({city})", " – {city}", " (offre {plan})", " – abonné {plan}", " ({plan}, {city})"],
    "en": [" ({city})", " – {plan} plan", " ({plan}, {city})", " – {city}", " (expat in {city})"],
}
_TITLE_CHOICES = {lang: ([t for t, _ in items], [w for _, w in items]) for lang, items in _TITLES.items()}
_TAG_COUNTS = ([0, 1, 2, 3, 4], [10, 25, 35, 20, 10])
_ANSWER_COUNTS = ([1, 2, 3, 4, 5], [20, 22, 22, 19, 17])
# Kinds of answer, by whether the question asks "how do I…" (no "same here" answers then).
_ANSWER_KINDS = {
    False: (["steps", "explanation", "tip", "metoo", "followup", "staff"], [36, 22, 18, 10, 7, 7]),
    True: (["steps", "explanation", "tip", "followup", "staff"], [50, 12, 22, 8, 8]),
}
_TOPIC_BY_SLUG: dict[str, str | None] = {}


def _capitalize(text: str) -> str:
    return text[:1].upper() + text[1:]


def _lower_first(text: str) -> str:
    """Lower-case the first letter unless the first word is an acronym (« Wi-Fi », « NAT »)."""
    return text[:1].lower() + text[1:] if text[1:2].islower() else text


class _Ctx:
    """State for one thread: language, banks (device group, topic, common) and drawn slots."""

    __slots__ = ("banks", "howto", "rng", "sticky")

    def __init__(self, rng: random.Random, lang: str, topic: dict) -> None:
        self.rng = rng
        self.howto = False
        group = rng.choice(topic[lang]["groups"])
        self.banks = (group, topic[lang], _COMMON[lang])
        device = rng.choice(group["device"])
        text, e = device if isinstance(device, tuple) else (device, "")
        self.sticky = {"e": e}
        self.sticky["device"] = self.fill(text)

    def bank(self, key: str) -> list[str]:
        for banks in self.banks:
            found = banks.get(key)
            if found:
                return found
        raise KeyError(key)

    def fill(self, text: str) -> str:
        if "{" not in text:
            return text
        return _SLOT.sub(self._slot, text)

    def _slot(self, match: re.Match) -> str:
        name = match.group(1)
        key = name.lower()
        value = self.sticky.get(key)
        if value is None:
            gen = _NUMERIC.get(key)
            if gen is not None:
                value = gen(self.rng)
            else:
                base = _ALIAS.get(key, key)
                value = self.fill(self.rng.choice(self.bank(base)))
                if base != key and value == self.sticky.get(base):
                    value = self.fill(self.rng.choice(self.bank(base)))
            if key in _STICKY:
                self.sticky[key] = value
        return _capitalize(value) if name[0].isupper() else value

    def pick(self, key: str) -> str:
        return self.fill(self.rng.choice(self.bank(key)))

    def sample(self, key: str, k: int) -> list[str]:
        bank = self.bank(key)
        return [self.fill(s) for s in self.rng.sample(bank, min(k, len(bank)))]


def _topic_for(slug: str, rng: random.Random) -> dict:
    name = _TOPIC_BY_SLUG.get(slug, "")
    if name == "":
        folded = slug.lower()
        name = next((n for n, t in _TOPICS.items() if any(k in folded for k in t["keywords"])), None)
        _TOPIC_BY_SLUG[slug] = name
    return _TOPICS[name or rng.choice(_TOPIC_NAMES)]


def _title(ctx: _Ctx, lang: str) -> str:
    rng = ctx.rng
    templates, weights = _TITLE_CHOICES[lang]
    template = rng.choices(templates, weights)[0]
    if rng.random() < 0.6:
        suffixes = [s for s in _TITLE_SUFFIXES[lang] if not any(k in template for k in _SLOT.findall(s))]
        if suffixes:
            template += rng.choice(suffixes)
    ctx.howto = "{howto}" in template
    return _capitalize(ctx.fill(template))


def _question_body(ctx: _Ctx) -> str:
    rng = ctx.rng
    howto = ctx.howto
    paragraphs = []
    if rng.random() < 0.6:
        paragraphs.append(ctx.pick("opener"))
    first = []
    if rng.random() < 0.65:
        first.append(ctx.pick("context"))
    if howto:
        first.append(ctx.pick("howto_sentence"))
        if rng.random() < 0.5:
            first.append(ctx.pick("howto_detail"))
        paragraphs.append(" ".join(first))
    else:
        first.append(ctx.pick("symptom_sentence"))
        first.extend(ctx.sample("detail", rng.choice((0, 1, 1, 2))))
        paragraphs.append(" ".join(first))
        roll = rng.random()
        if roll < 0.3:
            items = ctx.sample("attempt", rng.randint(2, 4))
            paragraphs.append(ctx.pick("tried_list") + "\n\n" + "\n".join(f"- {a}" for a in items))
        elif roll < 0.75:
            paragraphs.append(ctx.pick("tried_sentence"))
    last = []
    if not howto and rng.random() < 0.35:
        last.append(ctx.pick("impact"))
    if not howto and rng.random() < 0.25:
        last.append(ctx.pick("emphasis"))
    last.append(ctx.pick("howto_end" if howto else "question_end"))
    if rng.random() < (0.25 if howto else 0.45):
        last.append(ctx.pick("closer"))
    paragraphs.append(" ".join(last))
    return "\n\n".join(paragraphs)


def _answer_body(ctx: _Ctx, position: int) -> str:
    rng = ctx.rng
    kind = rng.choices(*_ANSWER_KINDS[ctx.howto])[0]
    if kind == "followup" and position == 0:
        kind = "staff"
    if kind == "steps":
        steps = ctx.sample("step", rng.randint(2, 5))
        intro = ctx.pick("howto_intro" if ctx.howto else "intro")
        text = intro + "\n\n" + "\n".join(f"{i}. {s}" for i, s in enumerate(steps, 1))
        if rng.random() < 0.7:
            text += "\n\n" + ctx.pick("conclusion")
        return text
    if kind == "explanation":
        parts = ctx.sample("explanation", rng.choice((1, 1, 2)))
        if rng.random() < 0.5:
            parts.append(ctx.pick("tip"))
        return " ".join(parts)
    if kind == "tip":
        prefix = ctx.pick("short_prefix")
        tip = ctx.pick("tip")
        return prefix + _lower_first(tip) if prefix else tip
    return ctx.pick(kind)


def generated_thread(rng: random.Random, categories: list[str]) -> dict:
    """One question with answers.

    Returns ``{"title", "body", "category", "tags", "answers": [{"body"}...], "language"}``;
    ``category`` is one of ``categories`` (slugs), ``language`` is "fr" or "en".
    """
    category = rng.choice(categories)
    topic = _topic_for(category, rng)
    lang = "en" if rng.random() < 0.2 else "fr"
    ctx = _Ctx(rng, lang, topic)
    title = _title(ctx, lang)
    body = _question_body(ctx)
    tags = rng.sample(topic["tags"], rng.choices(*_TAG_COUNTS)[0])
    roll = rng.random()
    if roll < 0.01:
        count = 20
    elif roll < 0.11:
        count = 0
    else:
        count = rng.choices(*_ANSWER_COUNTS)[0]
    answers = [{"body": _answer_body(ctx, i)} for i in range(count)]
    return {
        "title": title,
        "body": body,
        "category": category,
        "tags": tags,
        "answers": answers,
        "language": lang,
    }
