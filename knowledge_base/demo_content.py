"""The texts of the knowledge-base demo: articles promoted from demo answers, articles written by
staff, their ratings and a few searches that found nothing (see ``knowledge_base.demo``)."""

from __future__ import annotations

STAFF = "camille.staff@neolia.example"
WRITER = "thomas.staff@neolia.example"

# Accepted answers turned into articles: the question's title finds the thread, the author of the
# accepted answer is credited. Texts are the edited versions published after promotion.
PROMOTED = [
    {
        "key": "wifi-password",
        "question": "Comment changer le mot de passe du Wi-Fi ?",
        "kind": "tutorial",
        "title": "Changer le mot de passe du Wi-Fi de la Néolia Box",
        "summary": "Choisir une nouvelle clé Wi-Fi en cinq minutes, depuis un ordinateur ou l'appli Mon Néolia.",
        "tags": ["wifi", "mot-de-passe", "securite"],
        "body": (
            "Changer la clé Wi-Fi fournie avec la box est une bonne habitude, surtout si vous l'avez "
            "déjà communiquée à des invités. Comptez cinq minutes.\n\n"
            "## Avant de commencer\n\n"
            "- Utilisez un ordinateur **relié à la box** (en Wi-Fi ou par câble).\n"
            "- Gardez l'étiquette collée sous la box à portée de main.\n\n"
            "## Et ensuite ?\n\n"
            "Tous vos appareils sont déconnectés : saisissez la nouvelle clé sur chacun (téléphones, "
            "tablettes, imprimante, décodeur s'il est en Wi-Fi). Vous pouvez aussi changer la clé "
            "depuis l'appli **Mon Néolia**, rubrique *Ma box > Wi-Fi*."
        ),
        "steps": [
            "Ouvrez votre navigateur et tapez `192.168.1.1` dans la barre d'adresse.",
            "Saisissez le **mot de passe administrateur** : il figure sur l'étiquette collée sous la box, "
            "ligne *Mot de passe admin*.",
            "Ouvrez le menu **Wi-Fi > Sécurité**.",
            "Remplacez la *Clé de sécurité* par une phrase facile à retenir mais longue, par exemple trois "
            "mots et un nombre : `Tulipe-Velo-Nuage-42`. Gardez le chiffrement **WPA2/WPA3**.",
            "Cliquez sur **Enregistrer** et patientez une trentaine de secondes pendant que le Wi-Fi redémarre.",
        ],
        "published": 150,
        "reviewed": 40,
    },
    {
        "key": "rio",
        "question": "Portabilité du numéro : où trouver mon code RIO ?",
        "kind": "faq",
        "title": "Garder son numéro mobile : où trouver son code RIO ?",
        "summary": "Le RIO s'obtient en appelant le 3179 depuis la ligne à transférer. Ne résiliez rien vous-même.",
        "tags": ["portabilite", "rio", "numero"],
        "body": (
            "Le **RIO** (Relevé d'Identité Opérateur) est le code qui permet de garder votre numéro en "
            "changeant d'opérateur.\n\n"
            "## Comment l'obtenir ?\n\n"
            "Appelez le **3179** (appel gratuit) **depuis la ligne que vous voulez transférer**. Un serveur "
            "vocal vous donne le code et vous l'envoie aussi par SMS.\n\n"
            "Le code compte **12 caractères**, chiffres et lettres, par exemple `02 P 123456 ABC`. "
            "Saisissez-le au moment de la commande de votre SIM Néolia.\n\n"
            "## Faut-il résilier l'ancienne ligne ?\n\n"
            "**Non.** La portabilité résilie automatiquement votre ancien contrat le jour du transfert, "
            "en général **3 jours ouvrés** après l'activation de la SIM Néolia. Si vous résiliez "
            "vous-même avant, le numéro est perdu.\n\n"
            "## Pendant le transfert\n\n"
            "Gardez l'ancienne SIM dans le téléphone jusqu'à ce qu'elle n'ait plus de réseau, puis "
            "insérez la SIM Néolia. Une coupure de quelques heures le jour J est normale."
        ),
        "published": 120,
        "reviewed": 30,
    },
    {
        "key": "tv-sound",
        "question": "Décodeur Néolia TV : l'image fonctionne mais pas de son",
        "kind": "tutorial",
        "title": "Décodeur Néolia TV : retrouver le son quand l'image fonctionne",
        "summary": "Le plus souvent, la télé ne sait pas lire le son Dolby Digital : passez la sortie HDMI en PCM.",
        "tags": ["decodeur", "son", "hdmi"],
        "body": (
            "Une image sans son vient presque toujours du **format audio** envoyé par le décodeur : "
            "certaines télévisions ne décodent pas le Dolby Digital, et une mise à jour du décodeur "
            "peut remettre ce réglage par défaut.\n\n"
            "Avant tout, vérifiez que le son de la télé n'est pas coupé et que le volume du décodeur "
            "n'est pas au minimum."
        ),
        "steps": [
            "Sur la télécommande Néolia, appuyez sur **Menu**, puis ouvrez **Paramètres > Son**.",
            "Passez *Sortie audio HDMI* de **Dolby Digital** à **PCM (stéréo)**, puis validez avec **OK**.",
            "Changez de chaîne : le son doit revenir immédiatement.",
            "Toujours rien ? Débranchez le câble HDMI **des deux côtés**, rebranchez-le, et essayez un autre "
            "port HDMI de la télé.",
            "Redémarrez enfin le décodeur en débranchant son alimentation **10 secondes**.",
        ],
        "published": 95,
        "reviewed": 95,
    },
    {
        "key": "sms-plus",
        "question": "23 € de « services SMS+ » sur ma facture mobile, je n'ai rien demandé",
        "kind": "faq",
        "title": "Des « services SMS+ » sur ma facture : comment les contester et les bloquer ?",
        "summary": (
            "Résiliez le service tiers, activez le blocage gratuit des achats tiers, puis demandez le remboursement."
        ),
        "tags": ["facture", "services-tiers", "remboursement"],
        "body": (
            "Les lignes *SMS+* ou *Achats tiers* correspondent à des **services d'éditeurs extérieurs** "
            "(jeux, horoscopes, vidéos…), souvent souscrits en touchant une publicité par erreur. "
            "Néolia les facture pour le compte de l'éditeur.\n\n"
            "## Arrêter le service\n\n"
            "Dans **Mon Néolia > Ma ligne > Achats et services tiers**, vous voyez le nom de l'éditeur "
            "et pouvez **résilier** l'abonnement en un clic.\n\n"
            "## Éviter que ça recommence\n\n"
            "Juste en dessous, activez le **blocage des achats tiers**. C'est gratuit et vous pouvez le "
            "désactiver à tout moment.\n\n"
            "## Être remboursé\n\n"
            "Faites une réclamation depuis *Assistance > Contester une facture* en précisant que vous "
            "n'avez rien autorisé. Pour une première réclamation, le remboursement apparaît en général "
            "sur la facture suivante."
        ),
        "published": 80,
        "reviewed": 80,
    },
    {
        "key": "uk-roaming",
        "question": "Using my Néolia SIM in the UK – will I be charged for roaming?",
        "kind": "faq",
        "language": "en",
        "title": "Using your Néolia plan in the UK",
        "summary": "The UK is not covered by EU roaming rules: add the Voyage Monde option before you leave.",
        "tags": ["roaming", "etranger", "forfait"],
        "body": (
            "Since Brexit, the **United Kingdom is no longer covered by EU roaming rules**. Calls, texts "
            "and data used in the UK are therefore **not included** in Néolia plans, even those marked "
            '"Europe included".\n\n'
            "## What does it cost without an option?\n\n"
            "With the Néolia 100 Go plan, data used in the UK is billed at **€10 per GB**.\n\n"
            "## The simplest solution\n\n"
            "Activate the **Voyage Monde** option in the Mon Néolia app (*My plan > Options*): "
            "**€9.99 for 5 GB, valid 30 days**, UK included. You can activate it before leaving and "
            "it stops on its own; nothing to cancel.\n\n"
            "## Good to know\n\n"
            "- You receive a text when you reach 80 % and 100 % of the option.\n"
            "- The Republic of Ireland *is* covered by EU roaming; Northern Ireland, part of the UK, is not."
        ),
        "published": 60,
        "reviewed": 12,
    },
]

# Articles written by the team.
WRITTEN = [
    {
        "key": "restart-box",
        "kind": "tutorial",
        "category": "box-internet",
        "title": "Redémarrer correctement sa Néolia Box",
        "summary": "Le bon redémarrage, dans le bon ordre : il règle la plupart des coupures en cinq minutes.",
        "tags": ["box", "redemarrage", "coupure"],
        "body": (
            "Un redémarrage complet règle la majorité des pertes de connexion, des lenteurs et des "
            "problèmes de téléphone fixe. Encore faut-il le faire dans le bon ordre.\n\n"
            "> **À ne pas faire :** le bouton *Reset* à l'arrière remet la box en configuration d'usine "
            "(nom et clé Wi-Fi compris). Ne l'utilisez que si un conseiller vous le demande.\n\n"
            "Si le voyant reste **orange** ou **rouge** après ces étapes, lancez un diagnostic dans "
            "l'appli Mon Néolia : un ticket est ouvert automatiquement."
        ),
        "steps": [
            "Appuyez **10 secondes** sur le bouton *Power* à l'arrière de la box, jusqu'à ce que tous les "
            "voyants s'éteignent.",
            "Débranchez le **bloc d'alimentation** de la prise électrique et attendez **2 minutes**.",
            "Profitez-en pour vérifier le câble fibre : il doit être bien clipsé des deux côtés, sans "
            "être plié derrière un meuble.",
            "Rebranchez l'alimentation. La box démarre seule : le voyant clignote en **blanc** pendant "
            "environ 3 minutes. La vidéo ci-dessous montre les étapes sur une Néolia Box 5.",
            "Attendez le **blanc fixe**, puis redémarrez aussi le décodeur TV s'il n'affiche rien.",
        ],
        "video_step": 4,
        "video_url": "https://www.youtube.com/watch?v=Nq6bX3kTz2E",
        "published": 210,
        "reviewed": 150,
    },
    {
        "key": "box-lights",
        "kind": "faq",
        "category": "box-internet",
        "title": "Que signifient les voyants de la Néolia Box 5 ?",
        "summary": "Blanc, orange, rouge, fixe ou clignotant : ce que dit la box, et quoi faire.",
        "tags": ["box", "led", "voyant"],
        "body": (
            "Le voyant en façade de la Néolia Box 5 résume son état.\n\n"
            "| Voyant | Signification | Que faire ? |\n"
            "|---|---|---|\n"
            "| Blanc fixe | Tout fonctionne | Rien |\n"
            "| Blanc clignotant | Démarrage ou mise à jour en cours | Patientez jusqu'à 10 minutes, sans débrancher |\n"
            "| Orange clignotant | Pas de synchronisation avec le réseau fibre | Vérifiez le câble fibre, "
            "puis consultez *Assistance > État du réseau* |\n"
            "| Orange fixe | Synchronisée, mais pas d'accès à internet | Redémarrez la box |\n"
            "| Rouge fixe | Défaut matériel détecté au démarrage | Débranchez tout 5 minutes ; si le rouge "
            "persiste, demandez un échange |\n"
            "| Éteint | Pas d'alimentation | Vérifiez la prise et le bloc d'alimentation |\n\n"
            "## La box est-elle à remplacer ?\n\n"
            "Seul un **rouge fixe persistant** indique une panne. L'échange est gratuit, en boutique "
            "(immédiat) ou depuis *Mon Néolia > Mes équipements > Signaler une panne* (livraison sous "
            "48 h)."
        ),
        "published": 300,
        "reviewed": 240,
    },
    {
        "key": "read-bill",
        "kind": "tutorial",
        "category": "facturation",
        "title": "Lire et comprendre sa facture Néolia",
        "summary": "Les rubriques de la facture une à une, et pourquoi la première est plus élevée.",
        "tags": ["facture", "prorata", "paiement"],
        "body": (
            "La facture Néolia arrive chaque mois dans **Mon Néolia > Factures**, au format PDF. "
            "Elle est payée d'avance pour l'abonnement et à terme échu pour les consommations.\n\n"
            "## Pourquoi la première facture est-elle plus élevée ?\n\n"
            "Elle additionne les **frais de mise en service** (une seule fois), l'abonnement au "
            "**prorata** des jours du premier mois **et** le mois suivant payé d'avance. Dès la "
            "deuxième facture, vous retrouvez le montant habituel."
        ),
        "steps": [
            "Ouvrez **Mon Néolia > Factures** et choisissez le mois, puis **Voir le détail**.",
            "En haut, le **récapitulatif** donne le montant total, la date et le mode de prélèvement.",
            "La rubrique **Abonnements** liste vos offres (box, mobile) avec la période couverte : "
            "les dates entre parenthèses signalent un prorata.",
            "La rubrique **Équipements** regroupe les locations (décodeur TV, répéteur) et les achats "
            "payés en plusieurs fois.",
            "La rubrique **Consommations hors forfait** détaille les appels, SMS, données à l'étranger et "
            "**achats tiers** : c'est là que se trouvent la plupart des surprises.",
            "Un montant vous semble faux ? Cliquez sur **Contester cette ligne** : la réclamation est "
            "rattachée à la facture.",
        ],
        "published": 260,
        "reviewed": 170,
    },
    {
        "key": "change-plan",
        "kind": "tutorial",
        "category": "mobile-sim",
        "title": "Changer de forfait mobile depuis Mon Néolia",
        "summary": "Passer à un forfait plus grand ou plus petit, sans changer de SIM ni de numéro.",
        "tags": ["forfait", "mobile", "espace-client"],
        "body": (
            "Vous pouvez changer de forfait mobile à tout moment, sans frais, et garder votre numéro "
            "et votre carte SIM.\n\n"
            "- Un forfait **plus grand** s'applique immédiatement ; le mois en cours est facturé au prorata.\n"
            "- Un forfait **plus petit** s'applique au début de la période de facturation suivante."
        ),
        "steps": [
            "Connectez-vous à l'appli **Mon Néolia** et choisissez la ligne concernée.",
            "Ouvrez **Mon forfait > Changer d'offre**.",
            "Comparez les forfaits proposés : la consommation de vos trois derniers mois est affichée "
            "pour vous aider à choisir.",
            "Sélectionnez le nouveau forfait et vérifiez la **date d'effet** indiquée.",
            "Confirmez : un SMS vous prévient dès que le changement est actif.",
        ],
        "published": 140,
        "reviewed": 100,
    },
    {
        "key": "tv-setup",
        "kind": "tutorial",
        "category": "tv-decodeur",
        "title": "Installer le décodeur Néolia TV",
        "summary": "Du carton à la première chaîne en un quart d'heure : branchements, appairage et réglages.",
        "tags": ["decodeur", "installation", "tv"],
        "body": (
            "Le décodeur se relie à la box par câble Ethernet, de préférence. Sans prise à proximité, "
            "le **répéteur Néolia Wi-Fi Plus** ou des adaptateurs CPL font l'affaire : les répéteurs "
            "du commerce transmettent mal la TV en direct (code erreur *TV-203*).\n\n"
            "Dans le carton : le décodeur, son alimentation, la télécommande et deux piles, un câble "
            "HDMI et un câble Ethernet."
        ),
        "steps": [
            "Vérifiez que la box est allumée avec le voyant **blanc fixe**.",
            "Reliez le port **Ethernet** du décodeur à un port jaune de la box avec le câble fourni.",
            "Reliez le port **HDMI** du décodeur à une entrée HDMI de la télévision.",
            "Branchez l'alimentation du décodeur, allumez la télé et choisissez la bonne entrée avec la "
            "touche *Source* ou *Input*.",
            "Insérez les piles dans la télécommande, puis maintenez **OK + Menu** 5 secondes pour "
            "l'appairer au décodeur.",
            "Laissez la mise à jour se faire (jusqu'à 10 minutes), puis suivez l'assistant : langue, "
            "format d'image, code parental.",
            "Appuyez sur **1** : si TF1 s'affiche, l'installation est terminée.",
        ],
        "published": 180,
        "reviewed": 60,
    },
    {
        "key": "parental-control",
        "kind": "tutorial",
        "category": "tv-decodeur",
        "title": "Activer le contrôle parental sur le décodeur",
        "summary": "Bloquer les programmes déconseillés selon l'âge, et retrouver un code oublié.",
        "tags": ["decodeur", "code-parental", "enfants"],
        "body": (
            "Le contrôle parental bloque les programmes selon leur signalétique (-10, -12, -16, -18) et "
            "protège les achats de films par un code à 4 chiffres.\n\n"
            "## Code oublié ?\n\n"
            "Dans **Mon Néolia > Ma TV > Code parental**, cliquez sur **Réinitialiser le code**, puis "
            "redémarrez le décodeur : le code revient à `0000`, sans perte des enregistrements."
        ),
        "steps": [
            "Sur la télécommande, appuyez sur **Menu > Paramètres > Contrôle parental**.",
            "Saisissez le code actuel (`0000` si vous ne l'avez jamais changé).",
            "Choisissez **Changer le code** et saisissez un nouveau code à 4 chiffres, deux fois.",
            "Dans **Niveau de protection**, choisissez l'âge à partir duquel un programme demande le code, "
            "par exemple **-12**.",
            "Activez **Protéger les achats** pour que la location de films demande aussi le code.",
        ],
        "published": 130,
        "reviewed": 130,
    },
    {
        "key": "roaming-fr",
        "kind": "faq",
        "category": "mobile-sim",
        "title": "Utiliser son forfait mobile à l'étranger",
        "summary": "Union européenne incluse, reste du monde avec une option : ce qu'il faut savoir avant de partir.",
        "tags": ["etranger", "roaming", "forfait"],
        "body": (
            "## Dans l'Union européenne\n\n"
            "Appels, SMS et internet s'utilisent **comme en France**, sans surcoût, dans les pays de "
            "l'Union européenne ainsi qu'en Islande, au Liechtenstein et en Norvège. Une limite "
            "d'internet mobile s'applique selon votre forfait ; elle est indiquée dans *Mon Néolia > "
            "Mon forfait*.\n\n"
            "## Au Royaume-Uni, en Suisse et ailleurs\n\n"
            "Ces pays **ne sont pas inclus**. Activez l'option **Voyage Monde** avant de partir "
            "(*Mon forfait > Options*) : 5 Go valables 30 jours, qui s'arrêtent seuls.\n\n"
            "## Avant de partir\n\n"
            "- Vérifiez que **l'itinérance** est activée dans les réglages du téléphone.\n"
            "- Notez votre **code PUK** (dans *Mon Néolia > Ma SIM*), au cas où.\n"
            "- Sur un bateau ou en avion, le réseau satellite est **toujours facturé** : passez en mode avion."
        ),
        "published": 200,
        "reviewed": 45,
    },
    {
        "key": "return-box-en",
        "kind": "faq",
        "category": "livraison-retours",
        "language": "en",
        "title": "Returning your equipment after cancelling",
        "summary": "A prepaid label, 30 days, and keep your drop-off receipt: how to return the box and decoder.",
        "tags": ["retour", "resiliation", "box"],
        "body": (
            "When you cancel a home internet plan, the **Néolia Box** and the **TV decoder** must be "
            "returned. The original box is not needed.\n\n"
            "## How?\n\n"
            "1. A **prepaid return label** is emailed to you after cancelling. You can also download it "
            "from *Mon Néolia > My equipment > Return*.\n"
            "2. Pack the box, the decoder, **their power supplies and the remote control**. HDMI and "
            "Ethernet cables can be kept.\n"
            "3. Drop the parcel at a post office or a relay point and **keep the receipt**.\n\n"
            "## How long do I have?\n\n"
            "**30 days** from the cancellation date. After that, a non-return fee is charged; the amount "
            "is in your plan's terms. If you paid a deposit, it is refunded within 30 days of receipt."
        ),
        "published": 110,
        "reviewed": 110,
    },
]

# Ratings by demo members (email, helpful, stars, comment, days ago). Five poor ratings flag
# "change-plan" (the app's menu moved); a fresh negative comment sends "restart-box" to review.
RATINGS = {
    "wifi-password": [
        ("bernard.leroy@mail.example", True, 5, "Parfait, fait en deux minutes avec l'appli.", 20),
        ("lea.martin@mail.example", True, 5, "", 15),
        ("karim.benali@mail.example", True, 4, "", 8),
    ],
    "rio": [
        ("lea.martin@mail.example", True, 5, "Clair, merci. J'ai bien failli résilier moi-même !", 25),
        ("olivier.petit@mail.example", True, None, "", 10),
    ],
    "restart-box": [
        ("nathalie.roux@mail.example", True, 4, "", 30),
        (
            "pierre.gauthier@mail.example",
            False,
            2,
            "La vidéo montre l'ancien modèle de box, pas la Box 5 : on ne retrouve pas les mêmes boutons.",
            3,
        ),
    ],
    "change-plan": [
        (
            "ines.moreau@mail.example",
            False,
            2,
            "Le menu « Changer d'offre » n'existe plus dans la nouvelle appli, il est dans « Ma ligne ».",
            9,
        ),
        ("chloe.fabre@mail.example", False, None, "", 7),
        ("yasmine.haddad@mail.example", True, 3, "", 6),
        (
            "antoine.girard@mail.example",
            False,
            2,
            "Rien sur l'engagement : est-ce que je le perds si je prends un forfait plus petit ?",
            4,
        ),
        ("david.okafor@mail.example", True, 4, "", 2),
    ],
    "tv-setup": [
        ("marc.dubreuil@mail.example", True, 5, "Très complet, même l'appairage de la télécommande.", 18),
        ("sophie.lambert@mail.example", True, 5, "", 11),
    ],
    "uk-roaming": [("emma.wilson@mail.example", True, 5, "Exactly what I needed before Christmas, thanks!", 5)],
    "box-lights": [("bernard.leroy@mail.example", True, 4, "", 90)],
}


# What visitors looked for in vain over the last weeks (query, times): the queue's third list.
MISSING_SEARCHES = [
    ("eSIM montre connectée", 7),
    ("changer le titulaire du contrat", 5),
    ("attestation de résiliation", 4),
    ("Wi-Fi 7", 3),
    ("double appel fixe", 2),
    ("installer un répéteur CPL", 1),
]
