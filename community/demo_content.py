"""Contenu de démonstration d'Entraide pour Néolia, opérateur et revendeur fictif.

Données écrites à la main : catégories, comptes, questions, réponses,
commentaires et votes. Ce module ne contient que des données ; il n'importe rien
du projet. Les références entre questions (``duplicate_of``) sont des indices
dans ``QUESTIONS`` et toutes les adresses citées existent dans ``USERS``.
"""

from __future__ import annotations

# ---------------------------------------------------------------------------
# Comptes (adresses réutilisées dans les questions, réponses et votes)
# ---------------------------------------------------------------------------

ADMIN = "admin@neolia.example"
CAMILLE = "camille.staff@neolia.example"
THOMAS = "thomas.staff@neolia.example"
MARC = "marc.dubreuil@mail.example"
SOPHIE = "sophie.lambert@mail.example"
LEA = "lea.martin@mail.example"
KARIM = "karim.benali@mail.example"
NATHALIE = "nathalie.roux@mail.example"
PIERRE = "pierre.gauthier@mail.example"
INES = "ines.moreau@mail.example"
OLIVIER = "olivier.petit@mail.example"
CHLOE = "chloe.fabre@mail.example"
BERNARD = "bernard.leroy@mail.example"
YASMINE = "yasmine.haddad@mail.example"
ANTOINE = "antoine.girard@mail.example"
EMMA = "emma.wilson@mail.example"
DAVID = "david.okafor@mail.example"

DEMO_PASSWORD = "entraide-demo-2024"

CATEGORIES = [
    {
        "slug": "box-internet",
        "name": "Box internet",
        "description": "Installation, voyants, Wi-Fi et réglages avancés de la Néolia Box.",
    },
    {
        "slug": "fibre-adsl",
        "name": "Fibre et ADSL",
        "description": ("Éligibilité, raccordement, débit, coupures et déménagement de votre ligne fixe."),
    },
    {
        "slug": "mobile-sim",
        "name": "Mobile et SIM",
        "description": ("Forfaits, cartes SIM et eSIM, portabilité du numéro, réseau et international."),
    },
    {
        "slug": "facturation",
        "name": "Facturation et paiement",
        "description": "Comprendre sa facture, prélèvements, moyens de paiement et remboursements.",
    },
    {
        "slug": "tv-decodeur",
        "name": "TV et décodeur",
        "description": "Décodeur Néolia TV, chaînes, replay, télécommande et contrôle parental.",
    },
    {
        "slug": "livraison-retours",
        "name": "Livraison et retours",
        "description": ("Suivi de colis, points relais, rétractation, échanges et restitution d'équipements."),
    },
    {
        "slug": "espace-client",
        "name": "Espace client et application",
        "description": ("Connexion à Mon Néolia, mot de passe, double authentification et gestion des lignes."),
    },
    {
        "slug": "smartphones-accessoires",
        "name": "Smartphones et accessoires",
        "description": "Choix, garantie, batterie, chargeurs et protections pour vos appareils.",
    },
]

USERS = [
    {
        "email": ADMIN,
        "name": "Équipe Entraide",
        "role": "admin",
        "bio": "Administration de la communauté Entraide de Néolia.",
        "locale": "fr",
    },
    {
        "email": CAMILLE,
        "name": "Camille (Néolia)",
        "role": "staff",
        "bio": ("Conseillère au service client Néolia depuis 6 ans, spécialiste facturation et mobile."),
        "locale": "fr",
    },
    {
        "email": THOMAS,
        "name": "Thomas (Néolia)",
        "role": "staff",
        "bio": "Technicien support Néolia, fibre et TV. Je réponds aussi en anglais.",
        "locale": "fr",
    },
    {
        "email": MARC,
        "name": "Marc Dubreuil",
        "role": "ambassador",
        "bio": "Ambassadeur Entraide, ancien technicien réseau. Client Néolia depuis l'ADSL.",
        "locale": "fr",
    },
    {
        "email": SOPHIE,
        "name": "Sophie Lambert",
        "role": "ambassador",
        "bio": "Ambassadrice bénévole, passionnée de Wi-Fi domestique et de bricolage réseau.",
        "locale": "fr",
    },
    {
        "email": LEA,
        "name": "Léa Martin",
        "role": "customer",
        "bio": "Graphiste à Lyon.",
        "locale": "fr",
    },
    {
        "email": KARIM,
        "name": "Karim Benali",
        "role": "customer",
        "bio": "Papa de deux ados très connectés, fibre et trois lignes mobiles.",
        "locale": "fr",
    },
    {
        "email": NATHALIE,
        "name": "Nathalie Roux",
        "role": "customer",
        "bio": "",
        "locale": "fr",
    },
    {
        "email": PIERRE,
        "name": "Pierre Gauthier",
        "role": "customer",
        "bio": "Télétravailleur près de Tours.",
        "locale": "fr",
    },
    {
        "email": INES,
        "name": "Inès Moreau",
        "role": "customer",
        "bio": "Cheffe de projet, en télétravail trois jours par semaine.",
        "locale": "fr",
    },
    {
        "email": OLIVIER,
        "name": "Olivier Petit",
        "role": "customer",
        "bio": "Un peu geek, beaucoup curieux.",
        "locale": "fr",
    },
    {
        "email": CHLOE,
        "name": "Chloé Fabre",
        "role": "customer",
        "bio": "Photographe indépendante à Bordeaux.",
        "locale": "fr",
    },
    {
        "email": BERNARD,
        "name": "Bernard Leroy",
        "role": "customer",
        "bio": "Retraité, j'apprends l'informatique avec mes petits-enfants.",
        "locale": "fr",
    },
    {
        "email": YASMINE,
        "name": "Yasmine Haddad",
        "role": "customer",
        "bio": "Étudiante à Villeurbanne.",
        "locale": "fr",
    },
    {
        "email": ANTOINE,
        "name": "Antoine Girard",
        "role": "customer",
        "bio": "Développeur, joueur en ligne le soir.",
        "locale": "fr",
    },
    {
        "email": EMMA,
        "name": "Emma Wilson",
        "role": "customer",
        "bio": "British, living in Paris since last year. Still learning French!",
        "locale": "en",
    },
    {
        "email": DAVID,
        "name": "David Okafor",
        "role": "customer",
        "bio": "Software engineer, recently moved to Nantes.",
        "locale": "en",
    },
]

# ---------------------------------------------------------------------------
# Questions
#
# Chaque question a toujours les mêmes clés. "duplicate_of" est l'indice (dans
# cette liste) de la question d'origine lorsque status == "closed_duplicate",
# sinon None. "language" vaut "fr" ou "en".
# ---------------------------------------------------------------------------

QUESTIONS = [
    # 0
    {
        "title": "Voyant orange qui clignote sur la Néolia Box 5, plus d'internet",
        "body": (
            "Bonjour, depuis ce matin le voyant en façade de ma Néolia Box 5 clignote "
            "orange et je n'ai plus internet, ni en Wi-Fi ni en filaire. J'ai déjà "
            "débranché la box 30 secondes et rebranché, rien ne change. La TV ne "
            "marche pas non plus.\n\n"
            "Est-ce que quelqu'un sait ce que veut dire ce voyant ? Je suis en fibre "
            "à Lyon 7e."
        ),
        "category": "box-internet",
        "tags": ["led", "box", "coupure"],
        "language": "fr",
        "author": LEA,
        "days_ago": 3,
        "views": 214,
        "votes": {"up": [KARIM, SOPHIE], "down": []},
        "status": None,
        "duplicate_of": None,
        "comments": [],
        "answers": [
            {
                "author": MARC,
                "body": (
                    "Le voyant **orange clignotant** signifie que la box est allumée "
                    "mais n'arrive pas à se synchroniser avec le réseau fibre. Dans "
                    "l'ordre :\n\n"
                    "1. Vérifiez que le câble fibre est bien clipsé **des deux côtés** "
                    "(prise murale et box). Un petit clic doit se faire entendre.\n"
                    "2. Regardez qu'il ne soit pas plié ou écrasé derrière un meuble : "
                    "la fibre n'aime pas du tout les angles serrés.\n"
                    "3. Dans l'appli **Mon Néolia**, rubrique *Assistance > État du "
                    "réseau*, vérifiez s'il y a un incident déclaré sur votre secteur.\n"
                    "4. Si rien de tout ça, faites un redémarrage complet : bouton "
                    "*Power* 10 secondes, attendez 2 minutes, rallumez.\n\n"
                    "Si le voyant reste orange après 10 minutes, lancez un diagnostic "
                    "depuis l'appli : il ouvrira un ticket automatiquement."
                ),
                "accepted": True,
                "hours_after": 1,
                "votes": {"up": [LEA, KARIM, SOPHIE], "down": []},
                "comments": [
                    {
                        "author": LEA,
                        "body": (
                            "Merci, ça a marché ! Le câble fibre était à moitié sorti "
                            "de la prise murale, sûrement l'aspirateur…"
                        ),
                    },
                    {"author": MARC, "body": "Grand classique 😄 Bonne journée !"},
                ],
            },
            {
                "author": THOMAS,
                "body": (
                    "Bonjour Léa, je confirme qu'aucun incident n'est en cours sur "
                    "Lyon 7e aujourd'hui. Si le problème revient, écrivez-nous en "
                    "message privé avec votre référence client et on regardera la "
                    "ligne à distance."
                ),
                "accepted": False,
                "hours_after": 3,
                "votes": {"up": [MARC], "down": []},
                "comments": [],
            },
        ],
    },
    # 1
    {
        "title": "Wi-Fi très faible à l'étage alors que la box est au rez-de-chaussée",
        "body": (
            "Bonjour à tous. Maison sur deux niveaux, la box est dans le salon au "
            "rez-de-chaussée. À l'étage, dans les chambres, j'ai une barre de Wi-Fi et "
            "les visios sautent en permanence : au salon je suis à 600 Mb/s, en haut à "
            "peine 5 Mb/s.\n\n"
            "Qu'est-ce que vous conseillez : répéteur, CPL, autre chose ? Je ne veux "
            "pas tirer de câble dans l'escalier si possible."
        ),
        "category": "box-internet",
        "tags": ["wifi", "repeteur", "debit"],
        "language": "fr",
        "author": PIERRE,
        "days_ago": 41,
        "views": 1873,
        "votes": {"up": [SOPHIE, KARIM, ANTOINE, INES], "down": []},
        "status": None,
        "duplicate_of": None,
        "comments": [
            {
                "author": MARC,
                "body": "Murs en pierre ou en placo ? Ça change beaucoup de choses pour le Wi-Fi.",
            },
            {"author": PIERRE, "body": "Plancher béton et murs en parpaing, maison des années 70."},
        ],
        "answers": [
            {
                "author": SOPHIE,
                "body": (
                    "Avant d'acheter quoi que ce soit, deux réglages gratuits à "
                    "tester :\n\n"
                    "1. Connectez-vous à l'interface de la box (`http://192.168.1.1`), "
                    "menu **Wi-Fi > Avancé**.\n"
                    "2. Séparez les réseaux **2,4 GHz** et **5 GHz** (par défaut ils "
                    "portent le même nom). À l'étage, la bande 2,4 GHz traverse beaucoup "
                    "mieux le béton, même si elle est moins rapide.\n"
                    "3. Passez le canal 2,4 GHz sur **1, 6 ou 11** plutôt qu'en "
                    "automatique : chez moi, le mode auto choisissait le même canal que "
                    "les trois voisins.\n\n"
                    "Si ça ne suffit pas, le **répéteur Néolia Wi-Fi Plus** fonctionne "
                    "en maillage (mesh) avec la Box 5 : un seul nom de réseau, et le "
                    "téléphone bascule tout seul. Placez-le à mi-chemin, par exemple en "
                    "haut de l'escalier, pas dans la chambre elle-même."
                ),
                "accepted": True,
                "hours_after": 2,
                "votes": {"up": [PIERRE, MARC, KARIM, ANTOINE, CHLOE], "down": []},
                "comments": [
                    {
                        "author": PIERRE,
                        "body": (
                            "Le canal 11 a déjà bien amélioré les choses, et avec le "
                            "répéteur en haut de l'escalier je suis à 180 Mb/s dans la "
                            "chambre. Merci !"
                        ),
                    }
                ],
            },
            {
                "author": KARIM,
                "body": (
                    "J'ai le répéteur Wi-Fi Plus depuis un an, aucun souci. Il "
                    "s'appaire en appuyant sur le bouton WPS de la box puis sur celui "
                    "du répéteur, deux minutes chrono."
                ),
                "accepted": False,
                "hours_after": 5,
                "votes": {"up": [PIERRE], "down": []},
                "comments": [],
            },
            {
                "author": OLIVIER,
                "body": (
                    "Astuce de grand-mère : mettez une feuille de papier alu derrière "
                    "la box pour renvoyer le signal vers l'étage."
                ),
                "accepted": False,
                "hours_after": 7,
                "votes": {"up": [], "down": [MARC, SOPHIE]},
                "comments": [
                    {
                        "author": MARC,
                        "body": (
                            "Ça peut aider un peu dans une direction, mais ça dégrade le "
                            "signal partout ailleurs. Je déconseille."
                        ),
                    }
                ],
            },
            {
                "author": ANTOINE,
                "body": (
                    "Si vos prises sont sur le même tableau électrique, des adaptateurs "
                    "**CPL** avec Wi-Fi intégré sont une bonne option pour l'étage. "
                    "Évitez juste de les brancher sur une multiprise, ça divise le débit "
                    "par deux."
                ),
                "accepted": False,
                "hours_after": 20,
                "votes": {"up": [PIERRE, SOPHIE], "down": []},
                "comments": [],
            },
            {
                "author": CAMILLE,
                "body": (
                    "Bonjour Pierre, pour information les abonnés **Fibre Max** peuvent "
                    "demander un répéteur Wi-Fi Plus en prêt gratuit depuis *Mon Néolia "
                    "> Mes équipements > Commander un accessoire*. Il est livré en 3 à "
                    "5 jours ouvrés."
                ),
                "accepted": False,
                "hours_after": 26,
                "votes": {"up": [PIERRE, SOPHIE, KARIM], "down": []},
                "comments": [],
            },
        ],
    },
    # 2
    {
        "title": "Comment changer le mot de passe du Wi-Fi ?",
        "body": (
            "Bonjour, mon petit-fils m'a dit qu'il fallait changer le mot de passe du "
            "Wi-Fi car trop de monde le connaît. Je ne suis pas très doué avec "
            "l'informatique. Est-ce qu'on peut le faire sans appeler un technicien ? "
            "Merci d'avance."
        ),
        "category": "box-internet",
        "tags": ["wifi", "mot-de-passe"],
        "language": "fr",
        "author": BERNARD,
        "days_ago": 88,
        "views": 2410,
        "votes": {"up": [NATHALIE], "down": []},
        "status": None,
        "duplicate_of": None,
        "comments": [],
        "answers": [
            {
                "author": MARC,
                "body": (
                    "Bonjour Bernard, c'est tout à fait faisable, comptez 5 minutes :\n\n"
                    "1. Sur un ordinateur connecté à la box, ouvrez votre navigateur et "
                    "tapez `192.168.1.1` dans la barre d'adresse.\n"
                    "2. Le mot de passe administrateur est écrit sur l'**étiquette "
                    "collée sous la box** (ligne *Mot de passe admin*).\n"
                    "3. Allez dans **Wi-Fi > Sécurité**.\n"
                    "4. Remplacez la *Clé de sécurité* par une nouvelle phrase, par "
                    "exemple trois mots et un nombre : `Tulipe-Velo-Nuage-42`.\n"
                    "5. Cliquez sur **Enregistrer**.\n\n"
                    "Tous les appareils seront déconnectés : il faudra saisir le nouveau "
                    "mot de passe sur chacun (téléphone, tablette, imprimante…). Vous "
                    "pouvez aussi le faire depuis l'appli **Mon Néolia**, rubrique *Ma "
                    "box > Wi-Fi*."
                ),
                "accepted": True,
                "hours_after": 4,
                "votes": {"up": [BERNARD, SOPHIE, NATHALIE, LEA], "down": []},
                "comments": [
                    {
                        "author": BERNARD,
                        "body": (
                            "Merci, ça a marché ! Il a fallu reconnecter l'imprimante mais j'y suis arrivé tout seul."
                        ),
                    }
                ],
            },
        ],
    },
    # 3
    {
        "title": "Box keeps rebooting by itself several times a day",
        "body": (
            "Hi all, sorry for writing in English, my French isn't good enough for "
            "technical stuff yet. My Néolia Box 5 restarts on its own 3 or 4 times a "
            "day: all the lights go off, then it goes through the whole startup again "
            "and I lose my video calls.\n\n"
            "It's been happening for about a week. Is this a known issue, or should I "
            "ask for a replacement?"
        ),
        "category": "box-internet",
        "tags": ["box", "redemarrage"],
        "language": "en",
        "author": EMMA,
        "days_ago": 27,
        "views": 356,
        "votes": {"up": [DAVID], "down": []},
        "status": None,
        "duplicate_of": None,
        "comments": [],
        "answers": [
            {
                "author": THOMAS,
                "body": (
                    "Hi Emma, no worries, English is fine here! A firmware update "
                    "(version 5.2.14) was rolled out last week and a few boxes restarted "
                    "once or twice while installing it. Several times a day is not "
                    "normal, though. Could you run a diagnostic from the **Mon Néolia** "
                    "app (*Support > Diagnose my box*) and post the reference it gives "
                    "you? We can then check the logs remotely."
                ),
                "accepted": False,
                "hours_after": 6,
                "votes": {"up": [EMMA], "down": []},
                "comments": [
                    {
                        "author": EMMA,
                        "body": 'Diagnostic ref is DG-48213, it says "temperature warning".',
                    }
                ],
            },
            {
                "author": SOPHIE,
                "body": (
                    "The *temperature warning* is the key: the box shuts itself down "
                    "to protect itself when it overheats. Check that:\n\n"
                    "- it's **not in a closed cabinet** or squeezed behind the TV,\n"
                    "- it's standing **upright** on its base (the vents are at the top "
                    "and bottom),\n"
                    "- nothing is stacked on it (decoder, books…).\n\n"
                    "I had exactly the same thing last summer: I moved it out of the TV "
                    "unit and the reboots stopped."
                ),
                "accepted": True,
                "hours_after": 9,
                "votes": {"up": [EMMA, THOMAS, MARC], "down": []},
                "comments": [
                    {
                        "author": EMMA,
                        "body": (
                            "It was squeezed in the TV unit next to the decoder. Moved "
                            "it to a shelf two days ago and no reboot since. Thanks a lot!"
                        ),
                    }
                ],
            },
        ],
    },
    # 4
    {
        "title": "NAT strict sur ma console : comment ouvrir les ports ?",
        "body": (
            "Salut, ma console affiche un **NAT de type strict** et je n'arrive pas à "
            "rejoindre mes amis en multijoueur. J'ai une Néolia Box 5 en fibre. J'ai vu "
            "qu'il fallait ouvrir des ports mais je ne trouve pas où le faire dans "
            "l'interface. Quelqu'un a déjà fait la manip ?"
        ),
        "category": "box-internet",
        "tags": ["nat", "ports", "console"],
        "language": "fr",
        "author": ANTOINE,
        "days_ago": 55,
        "views": 932,
        "votes": {"up": [OLIVIER], "down": []},
        "status": None,
        "duplicate_of": None,
        "comments": [],
        "answers": [
            {
                "author": MARC,
                "body": (
                    "Salut Antoine, deux solutions, à tester dans cet ordre.\n\n"
                    "**1. Activer l'UPnP** (le plus simple)\n\n"
                    "Interface de la box `192.168.1.1` > **Réseau > NAT/PAT** > cochez "
                    "*UPnP activé*, puis redémarrez la console.\n\n"
                    "**2. Rediriger les ports à la main**\n\n"
                    "Donnez d'abord une IP fixe à la console (*Réseau > DHCP > Baux "
                    "statiques*), puis créez les règles dans *NAT/PAT* :\n\n"
                    "| Protocole | Ports | Destination |\n"
                    "|---|---|---|\n"
                    "| TCP | 3074 | IP de la console |\n"
                    "| UDP | 3074, 3478-3480 | IP de la console |\n\n"
                    "Évitez l'option *DMZ* sauf en dernier recours : elle expose toute "
                    "la console à internet."
                ),
                "accepted": True,
                "hours_after": 3,
                "votes": {"up": [ANTOINE, OLIVIER, SOPHIE], "down": []},
                "comments": [
                    {
                        "author": ANTOINE,
                        "body": ("L'UPnP était désactivé. Je l'ai activé et je suis passé en NAT ouvert, merci !"),
                    },
                    {
                        "author": KARIM,
                        "body": (
                            "À savoir : sur les offres Box 4G, l'adresse IP est partagée "
                            "et l'ouverture de ports ne fonctionne pas du tout."
                        ),
                    },
                ],
            },
        ],
    },
    # 5
    {
        "title": "Voyant rouge fixe sur la box après une coupure de courant",
        "body": (
            "Bonsoir, il y a eu une coupure de courant dans le quartier cet après-midi "
            "(orage). Depuis, la box a le voyant **rouge fixe** et plus rien ne "
            "fonctionne : ni internet, ni le téléphone fixe. J'ai essayé une autre "
            "prise, même résultat. Est-ce que la box est grillée ?"
        ),
        "category": "box-internet",
        "tags": ["led", "box", "panne"],
        "language": "fr",
        "author": NATHALIE,
        "days_ago": 9,
        "views": 143,
        "votes": {"up": [], "down": []},
        "status": None,
        "duplicate_of": None,
        "comments": [],
        "answers": [
            {
                "author": KARIM,
                "body": (
                    "Même chose chez moi l'été dernier après un orage. C'était le bloc "
                    "d'alimentation qui avait pris le coup, la box elle-même était "
                    "intacte. Si vous avez un autre bloc 12 V avec la même fiche, "
                    "essayez-le."
                ),
                "accepted": False,
                "hours_after": 2,
                "votes": {"up": [NATHALIE], "down": []},
                "comments": [],
            },
            {
                "author": THOMAS,
                "body": (
                    "Bonjour Nathalie, le rouge fixe indique un défaut matériel détecté "
                    "au démarrage. Avant de conclure :\n\n"
                    "1. Débranchez **tout** (alimentation, fibre, câbles réseau) pendant "
                    "5 minutes.\n"
                    "2. Rebranchez uniquement l'alimentation et attendez 3 minutes.\n\n"
                    "Si le voyant reste rouge, la box est à remplacer. L'échange est "
                    "gratuit : en boutique Néolia (échange immédiat) ou depuis *Mon "
                    "Néolia > Mes équipements > Signaler une panne* (livraison sous "
                    "48 h). Et pensez à un parafoudre pour la suite !"
                ),
                "accepted": False,
                "hours_after": 15,
                "votes": {"up": [NATHALIE, MARC], "down": []},
                "comments": [
                    {
                        "author": NATHALIE,
                        "body": ("Toujours rouge. Je passe en boutique demain matin, merci pour les explications."),
                    }
                ],
            },
        ],
    },
    # 6
    {
        "title": "Peut-on désactiver l'IPv6 sur la Néolia Box 5 ?",
        "body": (
            "Bonjour, le VPN fourni par mon employeur me demande de désactiver l'IPv6, "
            "apparemment pour éviter des fuites. Je ne trouve l'option nulle part dans "
            "l'interface de la box, seulement l'affichage de l'adresse. Est-ce possible "
            "côté box, ou faut-il le faire directement sur le PC ?"
        ),
        "category": "box-internet",
        "tags": ["ipv6", "vpn", "box"],
        "language": "fr",
        "author": MARC,
        "days_ago": 2,
        "views": 38,
        "votes": {"up": [], "down": []},
        "status": None,
        "duplicate_of": None,
        "comments": [],
        "answers": [],
    },
    # 7
    {
        "title": "La fibre coupe tous les soirs vers 21h",
        "body": (
            "Bonjour, depuis trois semaines ma connexion fibre tombe **tous les soirs "
            "entre 21h et 21h30**, pendant 5 à 10 minutes. Sur la box, le voyant "
            "internet passe au rouge puis revient tout seul. Pendant la journée, aucun "
            "souci.\n\n"
            "J'ai changé le câble Ethernet et redémarré la box plusieurs fois. Des "
            "voisins ont le même problème ?"
        ),
        "category": "fibre-adsl",
        "tags": ["fibre", "coupure"],
        "language": "fr",
        "author": KARIM,
        "days_ago": 64,
        "views": 2980,
        "votes": {"up": [YASMINE, PIERRE, LEA, OLIVIER], "down": []},
        "status": None,
        "duplicate_of": None,
        "comments": [],
        "answers": [
            {
                "author": MARC,
                "body": (
                    "Une coupure à heure fixe, c'est rarement un problème chez vous. "
                    "Deux pistes :\n\n"
                    "- un **appareil électrique programmé** (chauffe-eau, programmateur "
                    "de chauffage) qui perturberait l'alimentation de la box : testez-la "
                    "sur une autre prise, idéalement derrière un onduleur ;\n"
                    "- un **souci au point de mutualisation** (l'armoire dans la rue ou "
                    "au sous-sol de l'immeuble) : là, seul un technicien peut "
                    "intervenir.\n\n"
                    "Notez les heures exactes des coupures pendant quelques jours, ça "
                    "aidera beaucoup le support."
                ),
                "accepted": False,
                "hours_after": 1,
                "votes": {"up": [KARIM, SOPHIE], "down": []},
                "comments": [],
            },
            {
                "author": THOMAS,
                "body": (
                    "Bonjour Karim, merci pour le signalement. J'ai consulté "
                    "l'historique de votre ligne : on voit bien une **perte du signal "
                    "optique** chaque soir, avec une puissance reçue de -27 dBm alors "
                    "qu'elle devrait être autour de -20 dBm. C'est typique d'une "
                    "jarretière abîmée au point de mutualisation.\n\n"
                    "J'ai ouvert une intervention (réf. `INT-2207841`), un technicien "
                    "vous contactera sous 72 h pour convenir d'un rendez-vous."
                ),
                "accepted": True,
                "hours_after": 18,
                "votes": {"up": [KARIM, MARC, YASMINE], "down": []},
                "comments": [
                    {
                        "author": KARIM,
                        "body": (
                            "Le technicien est passé hier : la jarretière était pliée "
                            "dans l'armoire de rue, il l'a remplacée. Aucune coupure "
                            "depuis 5 jours, merci à tous !"
                        ),
                    },
                    {
                        "author": YASMINE,
                        "body": "Même problème à Villeurbanne, je vais ouvrir un ticket aussi.",
                    },
                ],
            },
        ],
    },
    # 8
    {
        "title": "« Synchronisation ADSL perdue » plusieurs fois par jour",
        "body": (
            "Bonjour, je suis toujours en ADSL (la fibre n'arrive pas encore dans mon "
            "village). Depuis quelques jours, la box affiche « Synchronisation ADSL "
            "perdue » dans son journal et internet coupe 4 ou 5 fois par jour. Le "
            "téléphone fixe grésille un peu aussi. Qu'est-ce que je peux vérifier "
            "moi-même ?"
        ),
        "category": "fibre-adsl",
        "tags": ["adsl", "synchronisation", "filtre"],
        "language": "fr",
        "author": BERNARD,
        "days_ago": 97,
        "views": 1204,
        "votes": {"up": [NATHALIE], "down": []},
        "status": None,
        "duplicate_of": None,
        "comments": [],
        "answers": [
            {
                "author": SOPHIE,
                "body": (
                    "Bonjour Bernard, le grésillement sur le fixe est un bon indice : "
                    "c'est souvent un problème de câblage ou de filtre. À vérifier :\n\n"
                    "1. **Chaque prise téléphonique** où un appareil est branché doit "
                    "avoir un **filtre ADSL**.\n"
                    "2. Branchez la box sur la **prise principale** (en général la plus "
                    "proche de l'arrivée de la ligne), sans rallonge ni doubleur.\n"
                    "3. Débranchez tout le reste pendant 24 h pour voir si la ligne se "
                    "stabilise.\n"
                    "4. Regardez si un filtre est noirci ou a pris l'humidité : ça "
                    "arrive plus souvent qu'on ne le croit.\n\n"
                    "Si les coupures continuent avec la box seule sur la prise "
                    "principale, c'est la ligne elle-même qu'il faut faire tester par le "
                    "support."
                ),
                "accepted": True,
                "hours_after": 5,
                "votes": {"up": [BERNARD, MARC], "down": []},
                "comments": [
                    {
                        "author": BERNARD,
                        "body": (
                            "C'était le vieux filtre de la chambre, il était tout "
                            "abîmé. Je l'ai enlevé et plus de coupure depuis deux "
                            "jours. Merci beaucoup !"
                        ),
                    }
                ],
            },
            {
                "author": MARC,
                "body": (
                    "En complément, vous pouvez regarder la **marge de bruit** (SNR) "
                    "dans l'interface de la box, menu *Internet > ADSL* :\n\n"
                    "| Marge de bruit | Interprétation |\n"
                    "|---|---|\n"
                    "| plus de 12 dB | Très bonne ligne |\n"
                    "| 6 à 12 dB | Correcte |\n"
                    "| moins de 6 dB | Instable, coupures probables |\n\n"
                    "En dessous de 6 dB, le support peut passer votre ligne en profil "
                    "« stable » : un peu moins de débit, mais beaucoup moins de coupures."
                ),
                "accepted": False,
                "hours_after": 7,
                "votes": {"up": [SOPHIE, BERNARD], "down": []},
                "comments": [],
            },
        ],
    },
    # 9
    {
        "title": "Débit fibre bien en dessous du 1 Gb/s annoncé",
        "body": (
            "J'ai souscrit l'offre Fibre Max à 1 Gb/s il y a deux semaines, mais les "
            "tests de débit plafonnent à 300 Mb/s en descendant. J'ai essayé plusieurs "
            "sites de test à différentes heures, c'est toujours pareil. Est-ce normal "
            "ou y a-t-il un problème sur ma ligne ?"
        ),
        "category": "fibre-adsl",
        "tags": ["fibre", "debit", "ethernet"],
        "language": "fr",
        "author": ANTOINE,
        "days_ago": 33,
        "views": 1540,
        "votes": {"up": [OLIVIER, KARIM], "down": []},
        "status": None,
        "duplicate_of": None,
        "comments": [],
        "answers": [
            {
                "author": MARC,
                "body": (
                    "Première question : vous testez en **Wi-Fi** ou en **câble** ? En "
                    "Wi-Fi, 300 Mb/s est un très bon résultat ; même en Wi-Fi 6, on "
                    "dépasse rarement 600-700 Mb/s en conditions réelles.\n\n"
                    "Pour mesurer le vrai débit de la ligne :\n\n"
                    "1. Branchez le PC en **Ethernet** directement sur la box (port "
                    "*LAN 1*, pas le port TV).\n"
                    "2. Vérifiez que le câble est au moins **catégorie 5e** (c'est écrit "
                    "dessus) : un vieux câble cat. 5 limite à 100 Mb/s.\n"
                    "3. Vérifiez que la carte réseau du PC négocie bien en **1 Gb/s**.\n"
                    "4. Fermez les autres appareils et relancez le test.\n\n"
                    "En dessous de 700 Mb/s dans ces conditions, là ça vaut le coup de "
                    "contacter le support."
                ),
                "accepted": True,
                "hours_after": 2,
                "votes": {"up": [ANTOINE, OLIVIER, KARIM, SOPHIE], "down": []},
                "comments": [
                    {
                        "author": ANTOINE,
                        "body": (
                            "Effectivement, en Ethernet je suis à 940 Mb/s. C'était "
                            "juste le Wi-Fi de mon vieux portable. Merci !"
                        ),
                    }
                ],
            },
        ],
    },
    # 10
    {
        "title": "Mon immeuble est « raccordable » mais pas mon appartement, que faire ?",
        "body": (
            "Bonjour, le test d'éligibilité indique que mon immeuble est raccordable à "
            "la fibre, mais pour mon logement il est écrit « raccordement à prévoir, "
            "délai non communiqué ». Mes voisins du 2e ont la fibre depuis l'an "
            "dernier. Est-ce que je peux quand même commander ? Qui fait les travaux ?"
        ),
        "category": "fibre-adsl",
        "tags": ["fibre", "eligibilite", "raccordement"],
        "language": "fr",
        "author": CHLOE,
        "days_ago": 71,
        "views": 687,
        "votes": {"up": [], "down": []},
        "status": None,
        "duplicate_of": None,
        "comments": [],
        "answers": [
            {
                "author": CAMILLE,
                "body": (
                    "Bonjour Chloé, ce statut signifie que la fibre est arrivée dans les "
                    "parties communes de l'immeuble (le boîtier d'étage), mais qu'aucune "
                    "prise n'a encore été posée chez vous. Bonne nouvelle : vous "
                    "**pouvez commander**. Le jour de l'installation, le technicien tire "
                    "la fibre du boîtier jusqu'à votre logement et pose la prise "
                    "optique ; c'est inclus dans l'offre.\n\n"
                    "Seul point d'attention : si le boîtier de votre palier est saturé, "
                    "il faut parfois l'accord du **syndic**, ce qui peut rallonger le "
                    "délai de quelques semaines."
                ),
                "accepted": False,
                "hours_after": 4,
                "votes": {"up": [CHLOE, MARC], "down": []},
                "comments": [
                    {
                        "author": CHLOE,
                        "body": "Commande passée, rendez-vous dans 10 jours. On verra bien !",
                    }
                ],
            },
        ],
    },
    # 11
    {
        "title": "Fibre installation appointment next week – what should I prepare?",
        "body": (
            "Hello, I just moved to Nantes and ordered Néolia fibre. The technician is "
            "coming next Tuesday. What should I prepare beforehand? Do I need to be "
            "there the whole time, and will they drill holes in the walls? The flat is "
            "rented, so I'd like to know what to tell my landlord."
        ),
        "category": "fibre-adsl",
        "tags": ["fibre", "installation"],
        "language": "en",
        "author": DAVID,
        "days_ago": 19,
        "views": 412,
        "votes": {"up": [EMMA], "down": []},
        "status": None,
        "duplicate_of": None,
        "comments": [],
        "answers": [
            {
                "author": SOPHIE,
                "body": (
                    "Welcome to Nantes! A few tips from my own installation:\n\n"
                    "- **Be there** (or someone over 18) for the whole visit, usually 1 "
                    "to 3 hours.\n"
                    "- Make sure the technician can reach the **telecom cabinet** on "
                    "your landing and the spot where you want the box.\n"
                    "- They usually follow existing ducts, but may need to **drill one "
                    "small hole** (about 8 mm) if there is none. Worth a quick email to "
                    "your landlord.\n"
                    "- Install the **Mon Néolia** app: you'll activate the box with it "
                    "at the end.\n\n"
                    "The fibre cable is thin and can be clipped along the skirting "
                    "board, it's quite discreet."
                ),
                "accepted": True,
                "hours_after": 3,
                "votes": {"up": [DAVID, EMMA, MARC], "down": []},
                "comments": [
                    {
                        "author": DAVID,
                        "body": ("Thanks Sophie, the landlord was fine with it. Installation done, 920 Mbps on cable!"),
                    }
                ],
            },
        ],
    },
    # 12
    {
        "title": "Déménagement : est-ce que je garde mon abonnement et mon numéro fixe ?",
        "body": (
            "Bonjour, je déménage à la fin du mois de Rennes à Angers. Est-ce que je "
            "peux transférer mon abonnement fibre sans frais de résiliation ? Et est-ce "
            "que je garde mon numéro de fixe en 02 ? Je voudrais éviter de me "
            "retrouver sans internet pendant des semaines, je télétravaille."
        ),
        "category": "fibre-adsl",
        "tags": ["demenagement", "fibre", "telephone-fixe"],
        "language": "fr",
        "author": INES,
        "days_ago": 46,
        "views": 803,
        "votes": {"up": [PIERRE], "down": []},
        "status": None,
        "duplicate_of": None,
        "comments": [],
        "answers": [
            {
                "author": CAMILLE,
                "body": (
                    "Bonjour Inès, oui, c'est tout à fait possible :\n\n"
                    "1. Dans **Mon Néolia > Mon offre > Déménager**, saisissez votre "
                    "nouvelle adresse pour vérifier l'éligibilité.\n"
                    "2. Choisissez la date de mise en service, idéalement **le jour de "
                    "votre arrivée** : l'ancienne ligne reste active jusqu'à la veille.\n"
                    "3. Gardez votre box : vous l'emportez avec vous, pas besoin de la "
                    "renvoyer.\n\n"
                    "Le transfert est **sans frais de résiliation**. Votre numéro fixe "
                    "est conservé puisque Angers est dans la même zone (02) ; en cas de "
                    "changement de zone, un nouveau numéro vous serait attribué.\n\n"
                    "Si un raccordement est nécessaire, comptez 2 à 3 semaines : lancez "
                    "la démarche dès maintenant."
                ),
                "accepted": True,
                "hours_after": 6,
                "votes": {"up": [INES, PIERRE], "down": []},
                "comments": [
                    {
                        "author": INES,
                        "body": ("Parfait, rendez-vous pris pour le 30. Merci pour la réponse rapide."),
                    }
                ],
            },
        ],
    },
    # 13
    {
        "title": "Coupure de la fibre chaque soir, que faire ?",
        "body": (
            "Bonsoir, j'ai une coupure internet quasiment tous les soirs en début de "
            "soirée, entre 5 et 15 minutes. Le voyant de la box devient rouge puis tout "
            "revient. C'est pénible pour regarder des séries. Quelqu'un a une idée ?"
        ),
        "category": "fibre-adsl",
        "tags": ["fibre", "coupure"],
        "language": "fr",
        "author": YASMINE,
        "days_ago": 60,
        "views": 95,
        "votes": {"up": [], "down": []},
        "status": "closed_duplicate",
        "duplicate_of": 7,
        "comments": [
            {
                "author": CAMILLE,
                "body": (
                    "Bonsoir Yasmine, c'est le même symptôme que dans la discussion "
                    "« La fibre coupe tous les soirs vers 21h », où toute la démarche "
                    "pour faire intervenir un technicien est détaillée. Je ferme "
                    "celle-ci en doublon pour garder les informations au même endroit."
                ),
            }
        ],
        "answers": [
            {
                "author": MARC,
                "body": (
                    "Notez les heures exactes des coupures pendant quelques jours et "
                    "ouvrez un ticket : à heure fixe, c'est souvent le point de "
                    "mutualisation."
                ),
                "accepted": False,
                "hours_after": 2,
                "votes": {"up": [YASMINE], "down": []},
                "comments": [],
            },
        ],
    },
    # 14
    {
        "title": "Portabilité du numéro : où trouver mon code RIO ?",
        "body": (
            "Bonjour, je souhaite passer chez Néolia en gardant mon numéro de portable. "
            "Sur le formulaire de souscription, on me demande un « code RIO ». Je ne "
            "sais pas du tout où le trouver, il n'est pas sur mes factures. Merci pour "
            "votre aide !"
        ),
        "category": "mobile-sim",
        "tags": ["portabilite", "rio"],
        "language": "fr",
        "author": LEA,
        "days_ago": 14,
        "views": 1265,
        "votes": {"up": [INES], "down": []},
        "status": None,
        "duplicate_of": None,
        "comments": [],
        "answers": [
            {
                "author": MARC,
                "body": (
                    "Bonjour Léa, le RIO (Relevé d'Identité Opérateur) s'obtient très "
                    "facilement :\n\n"
                    "1. Appelez le **3179** depuis la ligne que vous voulez transférer "
                    "(appel gratuit).\n"
                    "2. Un serveur vocal vous donne le code et vous l'envoie aussi par "
                    "SMS.\n\n"
                    "Le code fait **12 caractères** (chiffres et lettres), du type "
                    "`02 P 123456 ABC`.\n\n"
                    "Surtout, **ne résiliez pas** votre ancienne ligne vous-même : la "
                    "portabilité s'en charge automatiquement le jour du transfert (en "
                    "général 3 jours ouvrés après l'activation de la SIM Néolia)."
                ),
                "accepted": True,
                "hours_after": 1,
                "votes": {"up": [LEA, PIERRE, SOPHIE, INES], "down": []},
                "comments": [
                    {
                        "author": LEA,
                        "body": "Merci, ça a marché ! Code reçu par SMS en 30 secondes.",
                    }
                ],
            },
        ],
    },
    # 15
    {
        "title": "Transférer mon eSIM sur mon nouveau téléphone",
        "body": (
            "Bonjour, je viens de recevoir un Nova 12 et j'ai une eSIM Néolia sur mon "
            "ancien téléphone. Comment transférer la ligne sans perdre mon numéro ? "
            "J'ai peur de supprimer l'eSIM et de me retrouver sans réseau. Les deux "
            "téléphones sont sous Android."
        ),
        "category": "mobile-sim",
        "tags": ["esim", "smartphone"],
        "language": "fr",
        "author": CHLOE,
        "days_ago": 22,
        "views": 1432,
        "votes": {"up": [OLIVIER, YASMINE], "down": []},
        "status": None,
        "duplicate_of": None,
        "comments": [],
        "answers": [
            {
                "author": CAMILLE,
                "body": (
                    "Bonjour Chloé, pas d'inquiétude : votre numéro est attaché à votre "
                    "contrat, pas à l'eSIM. La marche à suivre :\n\n"
                    "1. Sur le **nouveau téléphone**, installez l'appli **Mon Néolia** "
                    "et connectez-vous.\n"
                    "2. Allez dans **Ma ligne > Carte SIM > Transférer mon eSIM**.\n"
                    "3. Validez avec le code reçu par SMS **sur l'ancien téléphone** (il "
                    "doit donc encore avoir du réseau).\n"
                    "4. Un QR code s'affiche : scannez-le avec le nouveau téléphone via "
                    "*Paramètres > Réseau mobile > Ajouter une eSIM*.\n\n"
                    "L'ancienne eSIM est désactivée automatiquement en quelques minutes. "
                    "Le transfert est gratuit, dans la limite d'un par semaine."
                ),
                "accepted": True,
                "hours_after": 2,
                "votes": {"up": [CHLOE, OLIVIER, YASMINE], "down": []},
                "comments": [
                    {
                        "author": OLIVIER,
                        "body": (
                            "Petit conseil : ne supprimez pas l'eSIM de l'ancien "
                            "téléphone avant que le nouveau capte le réseau. J'ai fait "
                            "l'erreur et j'ai dû passer en boutique."
                        ),
                    },
                    {
                        "author": CHLOE,
                        "body": "Fait en 5 minutes, tout fonctionne. Merci Camille !",
                    },
                ],
            },
        ],
    },
    # 16
    {
        "title": "Plus de 4G depuis la mise à jour du téléphone",
        "body": (
            "Depuis la mise à jour Android d'hier soir, je n'ai plus de données "
            "mobiles. Les appels et les SMS fonctionnent, mais l'icône 4G a disparu et "
            "rien ne charge hors Wi-Fi. J'ai redémarré et activé/désactivé le mode "
            "avion. Une idée ?"
        ),
        "category": "mobile-sim",
        "tags": ["4g", "apn", "reseau"],
        "language": "fr",
        "author": OLIVIER,
        "days_ago": 38,
        "views": 758,
        "votes": {"up": [], "down": []},
        "status": None,
        "duplicate_of": None,
        "comments": [],
        "answers": [
            {
                "author": SOPHIE,
                "body": (
                    "Ça ressemble à un **APN** effacé par la mise à jour. Vérifiez dans "
                    "*Paramètres > Réseau mobile > Noms des points d'accès* :\n\n"
                    "- Nom : `Neolia`\n"
                    "- APN : `internet.neolia`\n"
                    "- Type d'APN : `default,supl`\n\n"
                    "Laissez les autres champs vides, enregistrez et sélectionnez ce "
                    "point d'accès. Si ça ne suffit pas, faites *Réinitialiser les "
                    "paramètres réseau* (attention, ça efface aussi les Wi-Fi "
                    "enregistrés)."
                ),
                "accepted": True,
                "hours_after": 3,
                "votes": {"up": [OLIVIER, MARC], "down": []},
                "comments": [
                    {
                        "author": OLIVIER,
                        "body": "L'APN avait bien disparu. Tout est revenu, merci !",
                    }
                ],
            },
        ],
    },
    # 17
    {
        "title": "Using my Néolia SIM in the UK – will I be charged for roaming?",
        "body": (
            "Hi, I'm going back to London for two weeks at Christmas. My plan says "
            '"Europe included" but a friend told me the UK isn\'t covered anymore since '
            "Brexit. Is that true? I mostly need data for maps and messaging."
        ),
        "category": "mobile-sim",
        "tags": ["roaming", "etranger", "forfait"],
        "language": "en",
        "author": EMMA,
        "days_ago": 52,
        "views": 621,
        "votes": {"up": [DAVID], "down": []},
        "status": None,
        "duplicate_of": None,
        "comments": [],
        "answers": [
            {
                "author": THOMAS,
                "body": (
                    "Hi Emma, your friend is right: the **UK is no longer covered by EU "
                    "roaming rules**. With the Néolia 100 Go plan, usage in the UK is "
                    "billed outside the plan (data at €10/GB).\n\n"
                    "The simplest option is the **Voyage Monde** option in Mon Néolia "
                    "(*My plan > Options*): €9.99 for 5 GB valid 30 days, UK included. "
                    "You can activate it before leaving and it stops automatically."
                ),
                "accepted": True,
                "hours_after": 4,
                "votes": {"up": [EMMA, DAVID], "down": []},
                "comments": [{"author": EMMA, "body": "Great, option added. Thanks!"}],
            },
        ],
    },
    # 18
    {
        "title": "Ma carte SIM demande un code PUK",
        "body": (
            "Bonjour, j'ai fait trois erreurs de code PIN sur mon téléphone et "
            "maintenant il me demande un code PUK. Je ne l'ai jamais eu. Est-ce que mon "
            "téléphone est bloqué définitivement ?"
        ),
        "category": "mobile-sim",
        "tags": ["sim", "puk"],
        "language": "fr",
        "author": BERNARD,
        "days_ago": 110,
        "views": 1980,
        "votes": {"up": [], "down": []},
        "status": None,
        "duplicate_of": None,
        "comments": [],
        "answers": [
            {
                "author": MARC,
                "body": (
                    "Pas de panique Bernard, rien n'est perdu ! Le code PUK se trouve :\n\n"
                    "- sur le **support en plastique** de la carte SIM (la grande carte "
                    "d'où vous l'avez détachée), sous la mention *PUK* ;\n"
                    "- ou dans **Mon Néolia > Ma ligne > Codes PIN/PUK** (depuis un "
                    "ordinateur ou le téléphone d'un proche).\n\n"
                    "Tapez ensuite le PUK, puis choisissez un nouveau code PIN. "
                    "**Attention** : après 10 erreurs de PUK, la carte est bloquée "
                    "définitivement et il faut en commander une nouvelle."
                ),
                "accepted": True,
                "hours_after": 1,
                "votes": {"up": [BERNARD, NATHALIE, SOPHIE], "down": []},
                "comments": [
                    {
                        "author": BERNARD,
                        "body": ("Merci, ça a marché ! Ma fille m'a retrouvé le code dans l'espace client."),
                    }
                ],
            },
        ],
    },
    # 19
    {
        "title": "Les appels coupent chez moi, réseau très faible à l'intérieur",
        "body": (
            "Bonjour, dans mon appartement (rez-de-chaussée, murs épais), j'ai une "
            "barre de réseau au mieux et les appels coupent au bout de quelques "
            "minutes. Dès que je sors, tout va bien. Est-ce qu'il existe une solution "
            "autre que de téléphoner sur le balcon ?"
        ),
        "category": "mobile-sim",
        "tags": ["appels", "wifi-calling", "reseau"],
        "language": "fr",
        "author": YASMINE,
        "days_ago": 17,
        "views": 264,
        "votes": {"up": [KARIM], "down": []},
        "status": None,
        "duplicate_of": None,
        "comments": [],
        "answers": [
            {
                "author": KARIM,
                "body": (
                    "Activez les **appels Wi-Fi** : *Paramètres > Réseau mobile > Appels "
                    "Wi-Fi*. Le téléphone passe alors les appels par votre box quand le "
                    "réseau est trop faible. Chez moi, ça a réglé le problème au "
                    "sous-sol."
                ),
                "accepted": False,
                "hours_after": 5,
                "votes": {"up": [YASMINE], "down": []},
                "comments": [],
            },
            {
                "author": THOMAS,
                "body": (
                    "Bonjour Yasmine, les appels Wi-Fi sont inclus dans tous les "
                    "forfaits Néolia, sans surcoût, mais il faut un téléphone "
                    "compatible : si l'option n'apparaît pas, indiquez-nous le modèle. "
                    "Pour information, la couverture intérieure est indiquée comme "
                    "« moyenne » à votre adresse et un nouveau relais est prévu dans le "
                    "secteur ce trimestre."
                ),
                "accepted": False,
                "hours_after": 9,
                "votes": {"up": [YASMINE, KARIM], "down": []},
                "comments": [
                    {
                        "author": YASMINE,
                        "body": ("L'option est grisée, mon téléphone date de 2018… je vais voir pour en changer."),
                    }
                ],
            },
        ],
    },
    # 20
    {
        "title": "Portabilité : plus de réseau ni sur l'ancienne SIM ni sur la nouvelle",
        "body": (
            "Bonjour, ma portabilité était prévue ce matin. Mon ancienne SIM ne capte "
            "plus rien (normal, je suppose), mais la SIM Néolia affiche « Aucun "
            "service » depuis 6 heures. J'ai redémarré le téléphone plusieurs fois. Je "
            "n'ai plus de téléphone du tout, c'est très gênant pour le travail."
        ),
        "category": "mobile-sim",
        "tags": ["portabilite", "sim", "activation"],
        "language": "fr",
        "author": PIERRE,
        "days_ago": 6,
        "views": 189,
        "votes": {"up": [], "down": []},
        "status": None,
        "duplicate_of": None,
        "comments": [],
        "answers": [
            {
                "author": CAMILLE,
                "body": (
                    "Bonjour Pierre, désolée pour la gêne. Le jour du portage, une "
                    "coupure de **quelques heures** est normale, le temps que les "
                    "opérateurs mettent à jour leurs systèmes. Au-delà de 6 h, ça ne "
                    "l'est plus : votre portage est bien terminé, mais l'activation de "
                    "la SIM était restée en attente. Je viens de la relancer.\n\n"
                    "1. Éteignez le téléphone 1 minute.\n"
                    "2. Rallumez-le et attendez 5 minutes.\n"
                    "3. Si « Aucun service » persiste, allez dans *Paramètres > Réseau "
                    "mobile > Opérateurs* et sélectionnez **Néolia** manuellement."
                ),
                "accepted": True,
                "hours_after": 1,
                "votes": {"up": [PIERRE, MARC], "down": []},
                "comments": [
                    {
                        "author": PIERRE,
                        "body": "Le réseau est revenu juste après votre message. Merci Camille !",
                    }
                ],
            },
        ],
    },
    # 21
    {
        "title": "Comment personnaliser l'annonce de ma messagerie vocale ?",
        "body": (
            "Bonjour, j'aimerais enregistrer ma propre annonce sur la messagerie de mon "
            "portable, au lieu de la voix automatique qui récite mon numéro. J'ai "
            "appelé le répondeur mais je ne trouve pas le bon menu. Merci !"
        ),
        "category": "mobile-sim",
        "tags": ["messagerie"],
        "language": "fr",
        "author": NATHALIE,
        "days_ago": 1,
        "views": 22,
        "votes": {"up": [], "down": []},
        "status": None,
        "duplicate_of": None,
        "comments": [],
        "answers": [],
    },
    # 22
    {
        "title": "Facture plus élevée que prévu ce mois-ci",
        "body": (
            "Bonjour, j'ai souscrit l'offre Fibre Essentielle à 29,99 € par mois, mais "
            "ma première facture est de **71,46 €**. Je ne comprends pas le détail, il "
            "y a plusieurs lignes avec des dates différentes. Est-ce que je me suis "
            "fait avoir ?"
        ),
        "category": "facturation",
        "tags": ["facture", "prorata"],
        "language": "fr",
        "author": NATHALIE,
        "days_ago": 30,
        "views": 1650,
        "votes": {"up": [BERNARD, INES], "down": []},
        "status": None,
        "duplicate_of": None,
        "comments": [],
        "answers": [
            {
                "author": CAMILLE,
                "body": (
                    "Bonjour Nathalie, la première facture est presque toujours plus "
                    "élevée, car elle cumule plusieurs éléments. Pour une souscription "
                    "le 12 mars, par exemple :\n\n"
                    "| Ligne | Montant |\n"
                    "|---|---|\n"
                    "| Frais de mise en service (une seule fois) | 19,00 € |\n"
                    "| Abonnement du 12 au 31 mars (prorata) | 19,35 € |\n"
                    "| Abonnement d'avril (payé d'avance) | 29,99 € |\n"
                    "| Location du décodeur TV, prorata | 3,12 € |\n"
                    "| **Total** | **71,46 €** |\n\n"
                    "À partir de la deuxième facture, vous retrouverez le montant "
                    "habituel. Le détail ligne par ligne est dans **Mon Néolia > "
                    "Factures > Voir le détail**."
                ),
                "accepted": True,
                "hours_after": 3,
                "votes": {"up": [NATHALIE, BERNARD, MARC], "down": []},
                "comments": [
                    {
                        "author": NATHALIE,
                        "body": ("Effectivement, tout s'explique. Merci pour le tableau, c'est très clair !"),
                    }
                ],
            },
        ],
    },
    # 23
    {
        "title": "Prélèvement rejeté : quels frais et comment régulariser ?",
        "body": (
            "Bonjour, j'ai reçu un SMS m'indiquant que mon prélèvement du 5 a été "
            "rejeté. J'ai changé de banque et oublié de mettre à jour mon RIB, mea "
            "culpa. Comment je paie maintenant, et est-ce que ma ligne risque d'être "
            "coupée ?"
        ),
        "category": "facturation",
        "tags": ["prelevement", "paiement", "facture"],
        "language": "fr",
        "author": KARIM,
        "days_ago": 12,
        "views": 534,
        "votes": {"up": [], "down": []},
        "status": None,
        "duplicate_of": None,
        "comments": [],
        "answers": [
            {
                "author": THOMAS,
                "body": (
                    "Bonjour Karim, pas d'inquiétude, ça arrive souvent après un "
                    "changement de banque :\n\n"
                    "1. Réglez la facture par **carte bancaire** dans *Mon Néolia > "
                    "Factures > Payer maintenant* ; le paiement est pris en compte "
                    "immédiatement.\n"
                    "2. Mettez à jour votre IBAN dans *Mon compte > Moyens de paiement* "
                    "pour les mois suivants.\n\n"
                    "Des **frais de rejet de 7,50 €** seront ajoutés à la prochaine "
                    "facture. Aucune suspension n'intervient avant le deuxième rappel, "
                    "soit environ 15 jours après le rejet : vous avez le temps."
                ),
                "accepted": True,
                "hours_after": 2,
                "votes": {"up": [KARIM, INES], "down": []},
                "comments": [{"author": KARIM, "body": "Payé par CB et IBAN mis à jour, merci."}],
            },
        ],
    },
    # 24
    {
        "title": "Où modifier mon IBAN pour le prélèvement automatique ?",
        "body": (
            "Bonjour, je change de banque le mois prochain. Je ne trouve pas où "
            "modifier mes coordonnées bancaires dans l'appli Mon Néolia. Faut-il "
            "envoyer un nouveau mandat par courrier ?"
        ),
        "category": "facturation",
        "tags": ["iban", "prelevement"],
        "language": "fr",
        "author": INES,
        "days_ago": 80,
        "views": 911,
        "votes": {"up": [KARIM], "down": []},
        "status": None,
        "duplicate_of": None,
        "comments": [],
        "answers": [
            {
                "author": SOPHIE,
                "body": (
                    "Pas besoin de courrier, tout se fait en ligne, mais **depuis le "
                    "site web** (l'appli ne permet pas encore de modifier l'IBAN) :\n\n"
                    "1. Connectez-vous sur le site Mon Néolia.\n"
                    "2. **Mon compte > Moyens de paiement > Modifier**.\n"
                    "3. Saisissez le nouvel IBAN et validez avec le code reçu par SMS.\n\n"
                    "Le nouveau mandat est signé électroniquement. Si vous le faites "
                    "**avant le 25**, le prélèvement suivant se fera sur le nouveau "
                    "compte."
                ),
                "accepted": True,
                "hours_after": 4,
                "votes": {"up": [INES, KARIM], "down": []},
                "comments": [
                    {
                        "author": INES,
                        "body": "Trouvé, merci ! Effectivement, c'était introuvable dans l'appli.",
                    }
                ],
            },
        ],
    },
    # 25
    {
        "title": "Why was I charged twice this month?",
        "body": (
            "Hi, my bank statement shows two payments to Néolia this month: €34.99 on "
            "the 3rd and €34.99 on the 5th. I only have one fibre plan. I paid the "
            "first one by card in the app because I thought the direct debit had "
            "failed. Will I get a refund?"
        ),
        "category": "facturation",
        "tags": ["facture", "paiement", "remboursement"],
        "language": "en",
        "author": DAVID,
        "days_ago": 10,
        "views": 176,
        "votes": {"up": [], "down": []},
        "status": None,
        "duplicate_of": None,
        "comments": [],
        "answers": [
            {
                "author": THOMAS,
                "body": (
                    "Hi David, I checked: the direct debit on the 5th went through "
                    "normally, and the card payment on the 3rd was for the same "
                    "invoice, so you did pay twice. The extra **€34.99 stays as a "
                    "credit** on your account and will be deducted from next month's "
                    "invoice automatically. If you'd rather have it back on your bank "
                    "account, just reply here and I'll request a refund (5 to 10 "
                    "working days)."
                ),
                "accepted": False,
                "hours_after": 5,
                "votes": {"up": [DAVID], "down": []},
                "comments": [
                    {
                        "author": DAVID,
                        "body": "A credit on the next invoice is fine, thanks for checking.",
                    }
                ],
            },
        ],
    },
    # 26
    {
        "title": "23 € de « services SMS+ » sur ma facture mobile, je n'ai rien demandé",
        "body": (
            "Bonjour, sur ma dernière facture mobile je vois trois lignes « Achats SMS+ "
            "/ services tiers » pour un total de 23 €. Je n'ai jamais souscrit à quoi "
            "que ce soit. Comment contester et bloquer ça ?"
        ),
        "category": "facturation",
        "tags": ["facture", "hors-forfait", "services-tiers"],
        "language": "fr",
        "author": OLIVIER,
        "days_ago": 58,
        "views": 1120,
        "votes": {"up": [LEA, PIERRE], "down": []},
        "status": None,
        "duplicate_of": None,
        "comments": [],
        "answers": [
            {
                "author": PIERRE,
                "body": "C'est Néolia qui gonfle les factures, ils font tous ça. Résiliez !",
                "accepted": False,
                "hours_after": 2,
                "votes": {"up": [], "down": [MARC, SOPHIE, KARIM]},
                "comments": [
                    {
                        "author": MARC,
                        "body": (
                            "Non, ces services sont facturés par des éditeurs tiers, "
                            "l'opérateur ne fait que collecter. Le bon réflexe est de "
                            "contester et de bloquer (voir ma réponse)."
                        ),
                    }
                ],
            },
            {
                "author": MARC,
                "body": (
                    "Ce sont des **services tiers** (jeux, horoscopes, etc.), souvent "
                    "souscrits en touchant une publicité par erreur. Pour les contester "
                    "et éviter que ça recommence :\n\n"
                    "1. Dans **Mon Néolia > Ma ligne > Achats et services tiers**, vous "
                    "voyez le nom de l'éditeur et pouvez **résilier** l'abonnement.\n"
                    "2. Activez le **blocage des achats tiers** juste en dessous (c'est "
                    "gratuit).\n"
                    "3. Pour le remboursement, faites une réclamation via *Assistance > "
                    "Contester une facture*, en précisant que vous n'avez rien "
                    "autorisé.\n\n"
                    "En général, le remboursement est accordé sur la facture suivante "
                    "pour une première réclamation."
                ),
                "accepted": True,
                "hours_after": 3,
                "votes": {"up": [OLIVIER, SOPHIE, THOMAS, LEA], "down": []},
                "comments": [
                    {
                        "author": OLIVIER,
                        "body": (
                            "Blocage activé et réclamation envoyée. J'ai été remboursé "
                            "des 23 € sur la facture suivante, merci Marc."
                        ),
                    }
                ],
            },
        ],
    },
    # 27
    {
        "title": "Résiliation : quand est-ce que le dépôt de garantie de la box est remboursé ?",
        "body": (
            "Bonjour, j'ai résilié ma ligne fixe il y a six semaines et renvoyé la box "
            "avec l'étiquette fournie (le suivi indique qu'elle est arrivée). On "
            "m'avait prélevé un dépôt de garantie de 49 € à l'époque et je n'ai "
            "toujours rien reçu. Quel est le délai normal ?"
        ),
        "category": "facturation",
        "tags": ["resiliation", "remboursement", "box"],
        "language": "fr",
        "author": ANTOINE,
        "days_ago": 5,
        "views": 61,
        "votes": {"up": [], "down": []},
        "status": None,
        "duplicate_of": None,
        "comments": [],
        "answers": [],
    },
    # 28
    {
        "title": "Mettre le nom de mon entreprise sur mes factures",
        "body": (
            "Bonjour, je suis auto-entrepreneuse et j'utilise ma ligne mobile en "
            "partie pour le travail. Mon comptable me demande des factures au nom de "
            "mon entreprise, avec mon numéro SIRET. Est-ce possible avec un forfait "
            "grand public ?"
        ),
        "category": "facturation",
        "tags": ["facture", "professionnel"],
        "language": "fr",
        "author": CHLOE,
        "days_ago": 67,
        "views": 302,
        "votes": {"up": [], "down": []},
        "status": None,
        "duplicate_of": None,
        "comments": [],
        "answers": [
            {
                "author": CAMILLE,
                "body": (
                    "Bonjour Chloé, vous pouvez ajouter une **raison sociale** et un "
                    "**SIRET** sur un forfait grand public : *Mon compte > Informations "
                    "personnelles > Adresse de facturation > Ajouter une entreprise*. "
                    "Ils apparaîtront sur les factures émises après la modification "
                    "(les factures passées ne peuvent pas être régénérées).\n\n"
                    "Si un jour vous avez besoin de plusieurs lignes ou d'un "
                    "interlocuteur dédié, regardez plutôt les offres **Néolia Pro**."
                ),
                "accepted": False,
                "hours_after": 7,
                "votes": {"up": [CHLOE], "down": []},
                "comments": [
                    {
                        "author": CHLOE,
                        "body": "Merci, c'est suffisant pour mon comptable.",
                    }
                ],
            },
        ],
    },
    # 29
    {
        "title": "Décodeur Néolia TV : l'image fonctionne mais pas de son",
        "body": (
            "Bonjour, depuis hier soir j'ai l'image sur toutes les chaînes mais aucun "
            "son. Le volume de la télé est au maximum et le son n'est pas coupé. Les "
            "applications de la télé (sans le décodeur) ont du son. Je n'ai rien "
            "changé aux branchements."
        ),
        "category": "tv-decodeur",
        "tags": ["decodeur", "son", "hdmi"],
        "language": "fr",
        "author": BERNARD,
        "days_ago": 44,
        "views": 1388,
        "votes": {"up": [NATHALIE, LEA], "down": []},
        "status": None,
        "duplicate_of": None,
        "comments": [],
        "answers": [
            {
                "author": SOPHIE,
                "body": (
                    "Bonjour Bernard, c'est très probablement le **format audio** du "
                    "décodeur qui ne convient pas à la télé. À tester :\n\n"
                    "1. Sur la télécommande Néolia, appuyez sur **Menu > Paramètres > "
                    "Son**.\n"
                    "2. Passez *Sortie audio HDMI* de **Dolby Digital** à **PCM "
                    "(stéréo)**.\n"
                    "3. Si toujours rien, débranchez le câble HDMI des deux côtés, "
                    "rebranchez-le, puis redémarrez le décodeur (alimentation débranchée "
                    "10 secondes).\n\n"
                    "Il arrive qu'une mise à jour du décodeur remette le réglage en "
                    "Dolby, et certaines télés ne savent pas le décoder."
                ),
                "accepted": True,
                "hours_after": 2,
                "votes": {"up": [BERNARD, MARC, NATHALIE], "down": []},
                "comments": [
                    {
                        "author": BERNARD,
                        "body": (
                            "Merci, ça a marché ! C'était bien le réglage Dolby, il y a eu une mise à jour avant-hier."
                        ),
                    }
                ],
            },
            {
                "author": KARIM,
                "body": (
                    "Vérifiez aussi la touche *muet* de la télécommande du décodeur, pas "
                    "seulement celle de la télé. Ça m'est arrivé 😅"
                ),
                "accepted": False,
                "hours_after": 6,
                "votes": {"up": [BERNARD], "down": []},
                "comments": [],
            },
        ],
    },
    # 30
    {
        "title": "Écran noir avec « Aucun signal » quand j'allume le décodeur",
        "body": (
            "Bonsoir, quand je mets la télé sur l'entrée du décodeur, j'ai un écran "
            "noir avec le message « Aucun signal ». Le voyant du décodeur est blanc "
            "fixe. Ça marchait très bien ce week-end."
        ),
        "category": "tv-decodeur",
        "tags": ["decodeur", "ecran-noir", "hdmi"],
        "language": "fr",
        "author": LEA,
        "days_ago": 25,
        "views": 742,
        "votes": {"up": [], "down": []},
        "status": None,
        "duplicate_of": None,
        "comments": [],
        "answers": [
            {
                "author": MARC,
                "body": (
                    "Bonsoir Léa, voyant blanc fixe = le décodeur est allumé et "
                    "fonctionne. Le problème est donc entre lui et la télé :\n\n"
                    "1. Vérifiez que la télé est sur la **bonne entrée HDMI** (touche "
                    "*Source* ou *Input*).\n"
                    "2. Essayez **un autre port HDMI** de la télé et, si possible, un "
                    "autre câble.\n"
                    "3. Si une barre de son est branchée entre les deux, reliez "
                    "temporairement le décodeur directement à la télé.\n"
                    "4. Redémarrez le décodeur : **appui long de 10 s** sur le bouton en "
                    "façade.\n\n"
                    "Avec un voyant rouge ou clignotant, ce serait autre chose, mais là "
                    "c'est presque toujours le câble ou la source."
                ),
                "accepted": True,
                "hours_after": 1,
                "votes": {"up": [LEA, SOPHIE], "down": []},
                "comments": [
                    {
                        "author": LEA,
                        "body": ("C'était la barre de son qui avait changé d'entrée toute seule… Merci !"),
                    }
                ],
            },
        ],
    },
    # 31
    {
        "title": "Code erreur TV-203 sur les chaînes en direct",
        "body": (
            "Bonjour, depuis que j'ai déplacé le décodeur dans une autre pièce, j'ai le "
            "code **TV-203** sur toutes les chaînes en direct. Le replay et les "
            "applications fonctionnent. Le décodeur est branché sur un répéteur Wi-Fi "
            "acheté en grande surface, lui-même connecté à la box. Une idée ?"
        ),
        "category": "tv-decodeur",
        "tags": ["decodeur", "code-erreur", "repeteur"],
        "language": "fr",
        "author": PIERRE,
        "days_ago": 36,
        "views": 867,
        "votes": {"up": [ANTOINE], "down": []},
        "status": None,
        "duplicate_of": None,
        "comments": [],
        "answers": [
            {
                "author": THOMAS,
                "body": (
                    "Bonjour Pierre, le code **TV-203** signifie que le décodeur ne "
                    "reçoit pas le **flux multicast** utilisé par la TV en direct (le "
                    "replay passe par un autre canal, d'où la différence). Les "
                    "répéteurs Wi-Fi du commerce ne transmettent généralement pas ce "
                    "flux correctement.\n\n"
                    "Solutions possibles :\n\n"
                    "- relier le décodeur à la box avec un **câble Ethernet** ou des "
                    "**adaptateurs CPL** ;\n"
                    "- utiliser le **répéteur Néolia Wi-Fi Plus**, qui gère le flux TV, "
                    "et brancher le décodeur sur son port Ethernet ;\n"
                    "- en dépannage, activer *Paramètres > Réseau > TV par Wi-Fi* sur "
                    "le décodeur (qualité limitée à la HD)."
                ),
                "accepted": True,
                "hours_after": 4,
                "votes": {"up": [PIERRE, MARC, ANTOINE], "down": []},
                "comments": [
                    {
                        "author": PIERRE,
                        "body": ("Avec un kit CPL, ça fonctionne parfaitement. Merci pour l'explication !"),
                    }
                ],
            },
        ],
    },
    # 32
    {
        "title": "Le replay reste bloqué à 99 % de chargement",
        "body": (
            "Salut, sur le décodeur, quand je lance un programme en replay, le "
            "chargement monte jusqu'à 99 % puis plus rien. Ça le fait sur toutes les "
            "chaînes, le direct fonctionne normalement. C'est comme ça depuis trois "
            "jours."
        ),
        "category": "tv-decodeur",
        "tags": ["replay", "decodeur"],
        "language": "fr",
        "author": YASMINE,
        "days_ago": 8,
        "views": 133,
        "votes": {"up": [], "down": []},
        "status": None,
        "duplicate_of": None,
        "comments": [],
        "answers": [
            {
                "author": KARIM,
                "body": (
                    "Essaie de vider le cache : *Paramètres > Applications > Replay > "
                    "Vider le cache*, puis redémarre le décodeur. Chez moi, ça avait "
                    "débloqué le même souci."
                ),
                "accepted": False,
                "hours_after": 6,
                "votes": {"up": [YASMINE], "down": []},
                "comments": [
                    {
                        "author": YASMINE,
                        "body": "J'ai essayé : ça marche pour un programme, puis ça recommence…",
                    },
                    {
                        "author": SOPHIE,
                        "body": (
                            "Un incident est signalé sur le replay de certaines chaînes "
                            "depuis lundi (page État du réseau). Ça devrait se régler "
                            "sans rien faire."
                        ),
                    },
                ],
            },
        ],
    },
    # 33
    {
        "title": "J'ai oublié le code parental du décodeur",
        "body": (
            "Bonjour, j'ai mis un code parental il y a longtemps pour les enfants et je "
            "ne m'en souviens plus du tout. Maintenant je ne peux plus louer de film ni "
            "regarder certaines chaînes. Comment le réinitialiser sans tout perdre ?"
        ),
        "category": "tv-decodeur",
        "tags": ["decodeur", "code-parental"],
        "language": "fr",
        "author": NATHALIE,
        "days_ago": 74,
        "views": 1011,
        "votes": {"up": [BERNARD], "down": []},
        "status": None,
        "duplicate_of": None,
        "comments": [],
        "answers": [
            {
                "author": CAMILLE,
                "body": (
                    "Bonjour Nathalie, le code parental se réinitialise à distance, sans "
                    "perdre vos enregistrements :\n\n"
                    "1. Connectez-vous à **Mon Néolia > Ma TV > Code parental**.\n"
                    "2. Cliquez sur **Réinitialiser le code**.\n"
                    "3. Redémarrez le décodeur : le code revient à `0000`.\n\n"
                    "Pensez ensuite à en choisir un nouveau dans *Menu > Paramètres > "
                    "Contrôle parental*."
                ),
                "accepted": True,
                "hours_after": 5,
                "votes": {"up": [NATHALIE, BERNARD], "down": []},
                "comments": [
                    {
                        "author": NATHALIE,
                        "body": "Parfait, ça a fonctionné du premier coup.",
                    }
                ],
            },
        ],
    },
    # 34
    {
        "title": "How to watch films in the original English version on Néolia TV?",
        "body": (
            "Hi! Is there a way to get the original English audio (and ideally French "
            "subtitles for my husband) on Néolia TV? Some films seem to be dubbed "
            "only. Is it a setting, or does it depend on the channel?"
        ),
        "category": "tv-decodeur",
        "tags": ["decodeur", "langue", "vo"],
        "language": "en",
        "author": EMMA,
        "days_ago": 63,
        "views": 498,
        "votes": {"up": [DAVID], "down": []},
        "status": None,
        "duplicate_of": None,
        "comments": [],
        "answers": [
            {
                "author": SOPHIE,
                "body": (
                    "Hi Emma, a bit of both! When a programme is broadcast in its "
                    "original version, you'll see a small **VM** icon in the programme "
                    "info:\n\n"
                    "1. Press **OK** while watching, then select the speech-bubble "
                    "icon.\n"
                    "2. Choose *Audio: English* and *Subtitles: Français*.\n\n"
                    "To make it automatic, go to *Menu > Settings > Languages* and set "
                    "**Preferred audio: Original version**. Some channels only broadcast "
                    "the dubbed version, though."
                ),
                "accepted": True,
                "hours_after": 3,
                "votes": {"up": [EMMA, DAVID], "down": []},
                "comments": [
                    {
                        "author": EMMA,
                        "body": (
                            "Perfect, the preferred audio setting works great. My "
                            "husband says thanks for the subtitles tip!"
                        ),
                    }
                ],
            },
        ],
    },
    # 35
    {
        "title": "La télécommande du décodeur ne répond plus du tout",
        "body": (
            "Bonjour, ma télécommande Néolia TV ne fait plus rien, même avec des piles "
            "neuves. La petite lumière en haut clignote trois fois quand j'appuie sur "
            "une touche. Le décodeur répond si j'utilise l'appli sur le téléphone. "
            "Faut-il la réappairer ?"
        ),
        "category": "tv-decodeur",
        "tags": ["telecommande", "decodeur"],
        "language": "fr",
        "author": OLIVIER,
        "days_ago": 4,
        "views": 47,
        "votes": {"up": [], "down": []},
        "status": None,
        "duplicate_of": None,
        "comments": [],
        "answers": [],
    },
    # 36
    {
        "title": "Colis marqué « livré » mais je n'ai rien reçu",
        "body": (
            "Bonjour, j'ai commandé une Néolia Box 5 de remplacement. Le suivi indique "
            "« Livré » hier à 14h12, mais je n'ai rien dans ma boîte aux lettres et "
            "personne n'a sonné, alors que j'étais en télétravail. Que dois-je faire ?"
        ),
        "category": "livraison-retours",
        "tags": ["colis", "livraison"],
        "language": "fr",
        "author": INES,
        "days_ago": 50,
        "views": 2210,
        "votes": {"up": [CHLOE, OLIVIER, LEA], "down": []},
        "status": None,
        "duplicate_of": None,
        "comments": [],
        "answers": [
            {
                "author": THOMAS,
                "body": (
                    "Bonjour Inès, dans la plupart des cas le colis est retrouvé "
                    "rapidement. Avant de faire une réclamation :\n\n"
                    "1. Regardez si un **avis de passage** a été laissé et demandez au "
                    "**gardien** ou aux voisins.\n"
                    "2. Consultez le suivi détaillé : s'il indique *Remis à un tiers* ou "
                    "*Livré en point relais*, le nom figure dans le détail.\n"
                    "3. Attendez **48 h** : il arrive que le livreur valide la livraison "
                    "avant de l'effectuer réellement.\n\n"
                    "Sans nouvelles au bout de 48 h, déclarez-le dans **Mon Néolia > "
                    "Mes commandes > Signaler un problème**. Nous ouvrons une enquête "
                    "auprès du transporteur et, pour un équipement de remplacement, nous "
                    "renvoyons une box sans attendre la fin de l'enquête."
                ),
                "accepted": True,
                "hours_after": 3,
                "votes": {"up": [INES, MARC, CHLOE], "down": []},
                "comments": [
                    {
                        "author": INES,
                        "body": (
                            "Finalement, le livreur l'avait laissé chez la gardienne "
                            "sans prévenir. Tout est bon, merci !"
                        ),
                    }
                ],
            },
        ],
    },
    # 37
    {
        "title": "Retour sous 14 jours : qui paie les frais de retour ?",
        "body": (
            "Bonjour, j'ai acheté un casque Bluetooth sur la boutique en ligne Néolia "
            "il y a 6 jours et il ne me convient pas (trop serré). Il est en parfait "
            "état. Est-ce que je peux le renvoyer gratuitement, et sous combien de "
            "temps serai-je remboursée ?"
        ),
        "category": "livraison-retours",
        "tags": ["retour", "retractation", "remboursement"],
        "language": "fr",
        "author": CHLOE,
        "days_ago": 85,
        "views": 1340,
        "votes": {"up": [INES], "down": []},
        "status": None,
        "duplicate_of": None,
        "comments": [],
        "answers": [
            {
                "author": CAMILLE,
                "body": (
                    "Bonjour Chloé, vous êtes bien dans le délai de rétractation de **14 "
                    "jours** à compter de la réception. Pour les achats sur la boutique "
                    "en ligne :\n\n"
                    "1. **Mon Néolia > Mes commandes > Retourner un article**, motif "
                    "*Rétractation*.\n"
                    "2. Imprimez l'**étiquette prépayée** : le retour est gratuit pour "
                    "les accessoires et les smartphones.\n"
                    "3. Déposez le colis en point relais, dans son emballage d'origine "
                    "si possible.\n\n"
                    "Le remboursement se fait sur le moyen de paiement utilisé, **sous "
                    "14 jours** maximum après réception du colis par notre entrepôt (en "
                    "pratique, 3 à 5 jours)."
                ),
                "accepted": True,
                "hours_after": 2,
                "votes": {"up": [CHLOE, INES], "down": []},
                "comments": [
                    {
                        "author": CHLOE,
                        "body": "Colis déposé, remboursée 4 jours plus tard. Merci !",
                    }
                ],
            },
        ],
    },
    # 38
    {
        "title": "Smartphone reçu avec l'écran rayé : échange possible ?",
        "body": (
            "Bonjour, je viens de recevoir le Nova 12 commandé avec mon forfait, et "
            "l'écran a une rayure bien visible en haut à droite. Le carton avait l'air "
            "intact. Je n'ai pas encore inséré ma SIM. Comment obtenir un échange ?"
        ),
        "category": "livraison-retours",
        "tags": ["smartphone", "echange", "colis"],
        "language": "fr",
        "author": KARIM,
        "days_ago": 29,
        "views": 489,
        "votes": {"up": [], "down": []},
        "status": None,
        "duplicate_of": None,
        "comments": [],
        "answers": [
            {
                "author": MARC,
                "body": (
                    "Prenez tout de suite des **photos** du téléphone, de la rayure et "
                    "du carton, elles vous serviront. Et ne tardez pas : mieux vaut le "
                    "signaler dans les 48 h."
                ),
                "accepted": False,
                "hours_after": 1,
                "votes": {"up": [KARIM], "down": []},
                "comments": [],
            },
            {
                "author": CAMILLE,
                "body": (
                    "Bonjour Karim, désolée pour ce mauvais départ. Un produit reçu "
                    "endommagé est **échangé à neuf** :\n\n"
                    "1. Allez dans **Mon Néolia > Mes commandes > Signaler un problème "
                    "> Produit endommagé**.\n"
                    "2. Joignez 2 ou 3 photos (la rayure, le téléphone entier, "
                    "l'emballage).\n"
                    "3. Vous recevez une étiquette de retour gratuite, et le nouveau "
                    "téléphone part **dès que le transporteur scanne votre colis**.\n\n"
                    "Votre forfait n'est pas concerné : en attendant, vous pouvez "
                    "utiliser votre SIM dans un autre téléphone."
                ),
                "accepted": True,
                "hours_after": 3,
                "votes": {"up": [KARIM, MARC], "down": []},
                "comments": [
                    {
                        "author": KARIM,
                        "body": "Nouveau téléphone reçu en 4 jours, nickel. Merci !",
                    }
                ],
            },
        ],
    },
    # 39
    {
        "title": "Comment renvoyer l'ancienne box après une résiliation ?",
        "body": (
            "Bonjour, j'ai résilié la ligne fixe de ma mère, qui est partie en maison "
            "de retraite. Il faut renvoyer la box et le décodeur, mais je n'ai pas reçu "
            "de carton. Comment faire, et y a-t-il un délai ?"
        ),
        "category": "livraison-retours",
        "tags": ["box", "resiliation", "retour"],
        "language": "fr",
        "author": BERNARD,
        "days_ago": 102,
        "views": 1766,
        "votes": {"up": [NATHALIE], "down": []},
        "status": None,
        "duplicate_of": None,
        "comments": [],
        "answers": [
            {
                "author": SOPHIE,
                "body": (
                    "Bonjour Bernard, pas besoin du carton d'origine :\n\n"
                    "1. Une **étiquette de retour prépayée** est envoyée par e-mail "
                    "après la résiliation ; elle est aussi téléchargeable dans *Mon "
                    "Néolia > Mes équipements > Restituer*.\n"
                    "2. Emballez la box, le décodeur, **les alimentations et la "
                    "télécommande** (les câbles HDMI et Ethernet peuvent être gardés).\n"
                    "3. Déposez le colis en bureau de poste ou en point relais et "
                    "**gardez le reçu de dépôt**.\n\n"
                    "Vous avez **30 jours** après la date de résiliation. Passé ce "
                    "délai, des frais de non-restitution sont facturés (le montant est "
                    "indiqué dans les conditions de l'offre)."
                ),
                "accepted": True,
                "hours_after": 4,
                "votes": {"up": [BERNARD, NATHALIE], "down": []},
                "comments": [
                    {
                        "author": BERNARD,
                        "body": "Merci, c'est fait. J'ai bien gardé le reçu.",
                    }
                ],
            },
        ],
    },
    # 40
    {
        "title": "Can I change the delivery address to a relay point after ordering?",
        "body": (
            "Hi, I ordered a phone case and a charger yesterday with home delivery, "
            "but I'll be away for work all next week. Is it possible to redirect the "
            "parcel to a relay point near my office instead? The order status says "
            '"Preparing".'
        ),
        "category": "livraison-retours",
        "tags": ["livraison", "point-relais"],
        "language": "en",
        "author": DAVID,
        "days_ago": 16,
        "views": 154,
        "votes": {"up": [], "down": []},
        "status": None,
        "duplicate_of": None,
        "comments": [],
        "answers": [
            {
                "author": THOMAS,
                "body": (
                    "Hi David, while the order is *Preparing* you can't change it "
                    "yourself. Once it ships, you'll get a tracking email from the "
                    "carrier with a **Change delivery** link where you can pick a relay "
                    "point or another date. And if you miss the delivery, the parcel "
                    "goes to the nearest relay point for 10 days anyway."
                ),
                "accepted": False,
                "hours_after": 4,
                "votes": {"up": [DAVID], "down": []},
                "comments": [
                    {
                        "author": DAVID,
                        "body": "Got the email this morning and switched to a relay point. Thanks!",
                    }
                ],
            },
        ],
    },
    # 41
    {
        "title": "Colis bloqué « en cours d'acheminement » depuis 6 jours",
        "body": (
            "Bonjour, ma commande d'adaptateurs CPL est indiquée « en cours "
            "d'acheminement » depuis six jours, sans aucune mise à jour du suivi. Le "
            "délai annoncé était de 2 à 3 jours. Quelqu'un a déjà eu ce cas ? Je ne "
            "sais pas si je dois attendre ou réclamer."
        ),
        "category": "livraison-retours",
        "tags": ["colis", "livraison", "suivi"],
        "language": "fr",
        "author": ANTOINE,
        "days_ago": 3,
        "views": 71,
        "votes": {"up": [], "down": []},
        "status": None,
        "duplicate_of": None,
        "comments": [
            {
                "author": OLIVIER,
                "body": (
                    "Pareil pour moi le mois dernier : le suivi s'est débloqué au bout "
                    "de 7 jours et le colis est arrivé le lendemain."
                ),
            }
        ],
        "answers": [],
    },
    # 42
    {
        "title": "Livré mais pas reçu ???",
        "body": (
            "Le suivi dit que mon colis est livré depuis ce matin, mais il n'y a rien "
            "devant chez moi ni dans la boîte aux lettres. Je fais quoi ?"
        ),
        "category": "livraison-retours",
        "tags": ["colis"],
        "language": "fr",
        "author": OLIVIER,
        "days_ago": 20,
        "views": 58,
        "votes": {"up": [], "down": []},
        "status": "closed_duplicate",
        "duplicate_of": 36,
        "comments": [
            {
                "author": CAMILLE,
                "body": (
                    "Bonjour Olivier, toute la démarche est détaillée dans la discussion "
                    "« Colis marqué « livré » mais je n'ai rien reçu ». Je ferme "
                    "celle-ci en doublon."
                ),
            }
        ],
        "answers": [
            {
                "author": KARIM,
                "body": (
                    "Regardez chez les voisins ou le gardien, ça arrive souvent. Sinon, "
                    "attendez 48 h avant de réclamer."
                ),
                "accepted": False,
                "hours_after": 1,
                "votes": {"up": [OLIVIER], "down": []},
                "comments": [],
            },
        ],
    },
    # 43
    {
        "title": "Mot de passe oublié : je ne reçois pas l'e-mail de réinitialisation",
        "body": (
            "Bonjour, j'ai oublié le mot de passe de mon espace client. J'ai cliqué sur "
            "« Mot de passe oublié » trois fois, mais je ne reçois aucun e-mail. J'ai "
            "vérifié plusieurs fois ma boîte de réception. Comment faire ?"
        ),
        "category": "espace-client",
        "tags": ["mot-de-passe", "compte", "e-mail"],
        "language": "fr",
        "author": NATHALIE,
        "days_ago": 39,
        "views": 1522,
        "votes": {"up": [BERNARD, PIERRE], "down": []},
        "status": None,
        "duplicate_of": None,
        "comments": [],
        "answers": [
            {
                "author": MARC,
                "body": (
                    "Bonjour Nathalie, plusieurs pistes :\n\n"
                    "1. Regardez dans les **courriers indésirables** et, le cas échéant, "
                    "dans l'onglet *Promotions* de votre messagerie.\n"
                    "2. Vérifiez que vous utilisez bien **l'adresse e-mail de contact** "
                    "donnée à la souscription (pas forcément celle d'aujourd'hui).\n"
                    "3. Attendez **15 minutes** entre deux demandes : chaque nouvelle "
                    "demande annule le lien précédent.\n"
                    "4. Sinon, choisissez **« Recevoir un code par SMS »** sur la page "
                    "de réinitialisation ; le code arrive sur votre mobile Néolia.\n\n"
                    "Votre identifiant est aussi rappelé en haut de chaque facture, en "
                    "cas de doute."
                ),
                "accepted": True,
                "hours_after": 2,
                "votes": {"up": [NATHALIE, BERNARD, SOPHIE], "down": []},
                "comments": [
                    {
                        "author": NATHALIE,
                        "body": "Il était dans les spams ! Merci beaucoup.",
                    }
                ],
            },
        ],
    },
    # 44
    {
        "title": "Activer la double authentification (2FA) sur Mon Néolia",
        "body": (
            "Bonjour, après avoir lu plusieurs articles sur les arnaques à la carte "
            "SIM (SIM swap), je voudrais sécuriser au maximum mon espace client. Est-ce "
            "que Mon Néolia propose une double authentification avec une appli TOTP, "
            "et pas seulement par SMS ?"
        ),
        "category": "espace-client",
        "tags": ["2fa", "securite", "compte"],
        "language": "fr",
        "author": ANTOINE,
        "days_ago": 92,
        "views": 876,
        "votes": {"up": [OLIVIER, MARC], "down": []},
        "status": None,
        "duplicate_of": None,
        "comments": [],
        "answers": [
            {
                "author": CAMILLE,
                "body": (
                    "Bonjour Antoine, oui, et c'est une très bonne idée :\n\n"
                    "1. **Mon compte > Sécurité > Double authentification > Activer**.\n"
                    "2. Choisissez **Application d'authentification** plutôt que SMS.\n"
                    "3. Scannez le QR code avec votre appli, puis saisissez le code à 6 "
                    "chiffres pour confirmer.\n"
                    "4. **Téléchargez vos 10 codes de secours** et rangez-les en lieu "
                    "sûr (pas sur le même téléphone !).\n\n"
                    "Une fois activée, la double authentification est aussi demandée "
                    "pour toute **commande de nouvelle SIM** ou tout transfert d'eSIM, "
                    "ce qui protège justement contre le SIM swap."
                ),
                "accepted": True,
                "hours_after": 6,
                "votes": {"up": [ANTOINE, OLIVIER, MARC], "down": []},
                "comments": [
                    {
                        "author": ANTOINE,
                        "body": (
                            "Activée, et codes de secours imprimés. Merci pour la "
                            "précision sur les commandes de SIM, c'est exactement ce "
                            "que je cherchais."
                        ),
                    }
                ],
            },
        ],
    },
    # 45
    {
        "title": "Nouveau téléphone : je n'ai plus accès à ma double authentification",
        "body": (
            "Bonjour, j'avais activé la double authentification sur Mon Néolia avec "
            "une appli sur mon ancien téléphone. Il est tombé en panne et je n'ai plus "
            "accès à l'appli. Je n'ai pas gardé les codes de secours… Est-ce que mon "
            "compte est perdu ?"
        ),
        "category": "espace-client",
        "tags": ["2fa", "compte"],
        "language": "fr",
        "author": YASMINE,
        "days_ago": 11,
        "views": 240,
        "votes": {"up": [], "down": []},
        "status": None,
        "duplicate_of": None,
        "comments": [],
        "answers": [
            {
                "author": THOMAS,
                "body": (
                    "Bonjour Yasmine, votre compte n'est pas perdu, mais par sécurité la "
                    "procédure prend un peu de temps :\n\n"
                    "1. Sur la page de connexion, cliquez sur **« Je n'ai plus accès à "
                    "ma double authentification »**.\n"
                    "2. Un code est envoyé par SMS à votre mobile Néolia **et** un "
                    "e-mail de confirmation à votre adresse de contact.\n"
                    "3. Une fois les deux validés, la double authentification est "
                    "désactivée sous **24 h** (délai de sécurité) ; vous pourrez ensuite "
                    "la réactiver sur le nouveau téléphone.\n\n"
                    "Si vous n'avez plus accès ni au numéro ni à l'e-mail, il faudra "
                    "passer en boutique avec une pièce d'identité."
                ),
                "accepted": False,
                "hours_after": 3,
                "votes": {"up": [YASMINE, SOPHIE], "down": []},
                "comments": [
                    {
                        "author": YASMINE,
                        "body": ("Demande faite, j'attends les 24 h. Je garderai les codes de secours cette fois !"),
                    }
                ],
            },
        ],
    },
    # 46
    {
        "title": "Mon Néolia app: how do I switch it to English?",
        "body": (
            "Hello, is there an English version of the Mon Néolia app? My phone is set "
            "to English but the app is still in French. I can manage with a translator, "
            "but it would be easier for bills and options."
        ),
        "category": "espace-client",
        "tags": ["application", "langue"],
        "language": "en",
        "author": EMMA,
        "days_ago": 48,
        "views": 389,
        "votes": {"up": [DAVID], "down": []},
        "status": None,
        "duplicate_of": None,
        "comments": [],
        "answers": [
            {
                "author": SOPHIE,
                "body": (
                    "Hi Emma, the app has its own setting and ignores the phone's: open "
                    "**Mon Néolia > Profile (top right) > Settings > Language** and pick "
                    "*English*. Invoices and contracts stay in French, though, as they "
                    "are legal documents."
                ),
                "accepted": True,
                "hours_after": 5,
                "votes": {"up": [EMMA, DAVID], "down": []},
                "comments": [{"author": EMMA, "body": "Found it, thank you!"}],
            },
        ],
    },
    # 47
    {
        "title": "Gérer la ligne mobile de ma fille depuis mon espace client",
        "body": (
            "Bonjour, ma fille a un forfait Néolia à son nom, que je paie. J'aimerais "
            "voir ses factures et sa consommation dans mon espace client sans devoir "
            "me connecter sur son compte. Est-ce possible ?"
        ),
        "category": "espace-client",
        "tags": ["compte", "ligne-mobile"],
        "language": "fr",
        "author": PIERRE,
        "days_ago": 57,
        "views": 455,
        "votes": {"up": [], "down": []},
        "status": None,
        "duplicate_of": None,
        "comments": [],
        "answers": [
            {
                "author": KARIM,
                "body": (
                    "Oui, je fais pareil pour mon fils. C'est elle qui doit vous donner "
                    "l'accès :\n\n"
                    "1. Depuis **son** compte : *Mon compte > Accès partagés > Inviter "
                    "un gestionnaire*, avec votre adresse e-mail.\n"
                    "2. Vous recevez une invitation à accepter dans votre espace.\n"
                    "3. Sa ligne apparaît ensuite dans votre liste, avec factures et "
                    "consommation.\n\n"
                    "Elle peut retirer l'accès à tout moment."
                ),
                "accepted": True,
                "hours_after": 8,
                "votes": {"up": [PIERRE, SOPHIE, CAMILLE], "down": []},
                "comments": [
                    {
                        "author": PIERRE,
                        "body": "Invitation acceptée, tout apparaît bien. Merci Karim !",
                    },
                    {
                        "author": CAMILLE,
                        "body": (
                            "Merci Karim, c'est exactement ça. Petite précision : pour "
                            "un enfant mineur, la ligne est de toute façon rattachée au "
                            "compte du titulaire majeur."
                        ),
                    },
                ],
            },
        ],
    },
    # 48
    {
        "title": "Suivre ma consommation de data en temps réel",
        "body": (
            "Bonjour, ma consommation de data dans l'appli Mon Néolia semble avoir "
            "plusieurs heures de retard. Hier soir elle affichait 18 Go, ce matin "
            "23 Go, alors que je n'ai presque rien utilisé pendant la nuit. Y a-t-il un "
            "moyen de voir la vraie conso en direct ?"
        ),
        "category": "espace-client",
        "tags": ["application", "data", "consommation"],
        "language": "fr",
        "author": LEA,
        "days_ago": 7,
        "views": 118,
        "votes": {"up": [], "down": []},
        "status": None,
        "duplicate_of": None,
        "comments": [],
        "answers": [
            {
                "author": OLIVIER,
                "body": (
                    "Il me semble qu'en envoyant `CONSO` par SMS au 555, on reçoit le "
                    "décompte instantané. À vérifier, je ne suis plus sûr du numéro."
                ),
                "accepted": False,
                "hours_after": 10,
                "votes": {"up": [], "down": []},
                "comments": [
                    {
                        "author": MARC,
                        "body": (
                            "C'est bien le principe, mais le numéro est le **2255**. Et "
                            "même par SMS, le compteur peut avoir jusqu'à 2 h de "
                            "décalage : la nuit, ce sont souvent les sauvegardes photo "
                            "automatiques qui consomment."
                        ),
                    }
                ],
            },
        ],
    },
    # 49
    {
        "title": "Quel chargeur pour profiter de la charge rapide 45 W du Nova 12 Pro ?",
        "body": (
            "Bonjour, le Nova 12 Pro est vendu sans chargeur. La fiche technique "
            "annonce une charge rapide de 45 W, mais avec mon ancien chargeur USB-C il "
            "met plus de 2 heures à se recharger. Quel modèle faut-il prendre pour "
            "avoir vraiment la charge rapide ?"
        ),
        "category": "smartphones-accessoires",
        "tags": ["chargeur", "usb-c", "smartphone"],
        "language": "fr",
        "author": OLIVIER,
        "days_ago": 69,
        "views": 1045,
        "votes": {"up": [ANTOINE], "down": []},
        "status": None,
        "duplicate_of": None,
        "comments": [],
        "answers": [
            {
                "author": MARC,
                "body": (
                    "Pour atteindre les 45 W, il faut un chargeur compatible **USB Power "
                    "Delivery avec PPS** (Programmable Power Supply). Concrètement :\n\n"
                    "- un chargeur **USB-C PD 3.0 PPS** de 45 W minimum (c'est écrit sur "
                    "le bloc ou la boîte) ;\n"
                    "- un câble **USB-C vers USB-C 5 A** : un câble 3 A plafonne vers "
                    "25 W ;\n"
                    "- évitez les blocs USB multiports premier prix, qui répartissent la "
                    "puissance entre les ports.\n\n"
                    "Avec un chargeur PD classique sans PPS, le téléphone charge à 25 W "
                    "environ, ce qui explique vos 2 heures."
                ),
                "accepted": True,
                "hours_after": 3,
                "votes": {"up": [OLIVIER, ANTOINE, KARIM], "down": []},
                "comments": [
                    {
                        "author": OLIVIER,
                        "body": ("Chargeur Néolia 45 W + câble 5 A : de 0 à 100 % en 55 minutes. Merci !"),
                    }
                ],
            },
        ],
    },
    # 50
    {
        "title": "La batterie de mon téléphone se vide en une demi-journée",
        "body": (
            "Bonjour, mon téléphone a un an et demi et, depuis un mois, la batterie "
            "tient à peine jusqu'à midi alors que je m'en sers peu (quelques appels et "
            "les photos des petits-enfants). Est-ce qu'il faut changer la batterie ou "
            "le téléphone ?"
        ),
        "category": "smartphones-accessoires",
        "tags": ["batterie", "smartphone"],
        "language": "fr",
        "author": BERNARD,
        "days_ago": 21,
        "views": 634,
        "votes": {"up": [NATHALIE], "down": []},
        "status": None,
        "duplicate_of": None,
        "comments": [],
        "answers": [
            {
                "author": KARIM,
                "body": (
                    "Il faut le décharger complètement jusqu'à 0 %, puis le recharger à "
                    "100 % sans l'utiliser : ça recalibre la batterie."
                ),
                "accepted": False,
                "hours_after": 2,
                "votes": {"up": [], "down": [SOPHIE, MARC]},
                "comments": [
                    {
                        "author": SOPHIE,
                        "body": (
                            "C'était vrai pour les anciennes batteries, mais sur une "
                            "batterie lithium ça l'use plutôt qu'autre chose. Je "
                            "déconseille."
                        ),
                    }
                ],
            },
            {
                "author": SOPHIE,
                "body": (
                    "Bonjour Bernard, avant de changer quoi que ce soit, regardons ce "
                    "qui consomme :\n\n"
                    "1. *Paramètres > Batterie > Utilisation de la batterie* : si une "
                    "application dépasse 20 à 30 % alors que vous ne l'utilisez pas, "
                    "c'est elle la coupable (désinstallez-la ou forcez son arrêt).\n"
                    "2. *Paramètres > Batterie > État de la batterie* : en dessous de "
                    "**80 %** de capacité, un remplacement de batterie est justifié.\n"
                    "3. Activez la **luminosité automatique** et coupez le Bluetooth si "
                    "vous ne l'utilisez pas.\n\n"
                    "Si c'est bien la batterie, son remplacement en point de service "
                    "Néolia coûte bien moins cher qu'un nouveau téléphone."
                ),
                "accepted": True,
                "hours_after": 4,
                "votes": {"up": [BERNARD, NATHALIE, MARC], "down": []},
                "comments": [
                    {
                        "author": BERNARD,
                        "body": (
                            "Une application de lampe de poche consommait 45 % ! Je "
                            "l'ai supprimée et le téléphone tient deux jours maintenant."
                        ),
                    }
                ],
            },
        ],
    },
    # 51
    {
        "title": "Écran cassé sur un téléphone acheté il y a 8 mois : couvert par la garantie ?",
        "body": (
            "Bonjour, mon téléphone est tombé de ma poche dans la rue et l'écran est "
            "fissuré sur toute la largeur. Il a 8 mois et je l'ai acheté chez Néolia. "
            "Est-ce que ça rentre dans la garantie de 2 ans ? Je n'ai pas pris "
            "d'assurance."
        ),
        "category": "smartphones-accessoires",
        "tags": ["garantie", "ecran", "assurance"],
        "language": "fr",
        "author": YASMINE,
        "days_ago": 34,
        "views": 577,
        "votes": {"up": [], "down": []},
        "status": None,
        "duplicate_of": None,
        "comments": [],
        "answers": [
            {
                "author": CAMILLE,
                "body": (
                    "Bonjour Yasmine, malheureusement la **garantie légale de "
                    "conformité** (2 ans) couvre les pannes et les défauts de "
                    "fabrication, pas la **casse accidentelle** comme une chute.\n\n"
                    "Vos options :\n\n"
                    "- une **réparation payante** en point de service Néolia, avec devis "
                    "gratuit sur place : comptez en général entre 90 et 180 € pour un "
                    "écran selon le modèle ;\n"
                    "- vérifiez si votre **carte bancaire** ou votre **assurance "
                    "habitation** couvre la casse des appareils : c'est plus fréquent "
                    "qu'on ne le pense.\n\n"
                    "Après une réparation d'écran en point agréé, le téléphone reste "
                    "couvert par la garantie pour le reste (batterie, carte mère…)."
                ),
                "accepted": True,
                "hours_after": 4,
                "votes": {"up": [YASMINE, KARIM], "down": []},
                "comments": [
                    {
                        "author": YASMINE,
                        "body": ("Ma carte bancaire couvre la casse, je fais la déclaration. Merci !"),
                    }
                ],
            },
        ],
    },
    # 52
    {
        "title": "Payer un smartphone en plusieurs fois : quelles conditions ?",
        "body": (
            "Bonjour, je voudrais acheter un téléphone à 699 € en payant en plusieurs "
            "fois. Est-ce possible sans prendre de forfait Néolia ? Et y a-t-il des "
            "frais ?"
        ),
        "category": "smartphones-accessoires",
        "tags": ["paiement", "smartphone"],
        "language": "fr",
        "author": INES,
        "days_ago": 26,
        "views": 298,
        "votes": {"up": [], "down": []},
        "status": None,
        "duplicate_of": None,
        "comments": [],
        "answers": [
            {
                "author": THOMAS,
                "body": (
                    "Bonjour Inès, deux possibilités :\n\n"
                    "- **Paiement en 4 fois** par carte bancaire, sans forfait, pour les "
                    "achats de 100 à 1 000 € : frais de 2,2 % du montant total.\n"
                    "- **Paiement sur 24 mois** sans frais, réservé aux clients ayant un "
                    "forfait mobile Néolia depuis au moins 3 mois.\n\n"
                    "Dans les deux cas, le choix se fait à la dernière étape de la "
                    "commande."
                ),
                "accepted": False,
                "hours_after": 6,
                "votes": {"up": [INES], "down": []},
                "comments": [
                    {
                        "author": INES,
                        "body": "Merci, je vais partir sur le paiement en 4 fois.",
                    }
                ],
            },
        ],
    },
    # 53
    {
        "title": "Is the Nova 12 SIM-unlocked if I buy it from Néolia?",
        "body": (
            "Hi, I'm thinking of buying a Nova 12 from Néolia with my plan. I travel "
            "back to Lagos twice a year and use a local SIM there. Will the phone be "
            "locked to Néolia, or can I use any SIM card?"
        ),
        "category": "smartphones-accessoires",
        "tags": ["smartphone", "desimlockage"],
        "language": "en",
        "author": DAVID,
        "days_ago": 43,
        "views": 367,
        "votes": {"up": [EMMA], "down": []},
        "status": None,
        "duplicate_of": None,
        "comments": [],
        "answers": [
            {
                "author": MARC,
                "body": (
                    "Hi David, phones sold by Néolia are **not SIM-locked**: you can use "
                    "any SIM from day one, in France or abroad. The Nova 12 is also "
                    "**dual SIM** (one physical SIM + one eSIM), so you can keep your "
                    "Néolia line active and add a local SIM when you travel."
                ),
                "accepted": True,
                "hours_after": 2,
                "votes": {"up": [DAVID, EMMA], "down": []},
                "comments": [
                    {
                        "author": DAVID,
                        "body": "Dual SIM is exactly what I needed. Ordered it, thanks!",
                    }
                ],
            },
        ],
    },
    # 54
    {
        "title": "Vends coque et verres trempés neufs pour Nova 12",
        "body": (
            "Bonjour, je vends une coque en silicone bleue et deux verres trempés "
            "neufs, jamais utilisés, pour Nova 12 (je me suis trompé de modèle). 15 € "
            "le tout, remise en main propre sur Toulouse ou envoi. Contactez-moi en "
            "message privé."
        ),
        "category": "smartphones-accessoires",
        "tags": ["accessoires"],
        "language": "fr",
        "author": ANTOINE,
        "days_ago": 15,
        "views": 44,
        "votes": {"up": [], "down": [MARC]},
        "status": "closed_off_topic",
        "duplicate_of": None,
        "comments": [
            {
                "author": CAMILLE,
                "body": (
                    "Bonjour Antoine, les annonces de vente entre particuliers ne sont "
                    "pas autorisées sur la communauté, je ferme donc la discussion. Si "
                    "ces accessoires ont été achetés sur la boutique Néolia il y a moins "
                    "de 14 jours, vous pouvez encore les retourner : voir « Retour sous "
                    "14 jours : qui paie les frais de retour ? »."
                ),
            }
        ],
        "answers": [],
    },
    # 55
    {
        "title": "Protection d'écran : verre trempé ou film hydrogel pour un écran incurvé ?",
        "body": (
            "Bonjour, mon nouveau téléphone a un écran légèrement incurvé sur les "
            "bords. Le vendeur m'a conseillé un film hydrogel plutôt qu'un verre "
            "trempé, mais j'ai lu des avis contradictoires. Qu'est-ce que vous "
            "utilisez ? Et le lecteur d'empreinte sous l'écran fonctionne-t-il "
            "toujours ?"
        ),
        "category": "smartphones-accessoires",
        "tags": ["protection-ecran", "accessoires"],
        "language": "fr",
        "author": CHLOE,
        "days_ago": 0,
        "views": 9,
        "votes": {"up": [], "down": []},
        "status": None,
        "duplicate_of": None,
        "comments": [],
        "answers": [],
    },
]
