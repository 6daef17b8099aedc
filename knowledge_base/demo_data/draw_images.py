"""Draw the step pictures of the demo tutorials into ``images/`` (run once; the PNGs are committed).

    .venv/bin/python knowledge_base/demo_data/draw_images.py [--font-dir DIR]

Flat diagrams in the site's colours, 800 × 450, drawn at twice the size and scaled down for smooth
edges, then reduced to a small palette: a few dozen KB each. ``flask demo load`` attaches
``images/<article key>-<step>.png`` to that step through the media pipeline. Needs Pillow and the
DejaVu Sans fonts (Debian's fonts-dejavu-core).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

W, H, S = 800, 450, 2  # final size, drawn S times larger
OUT = Path(__file__).with_name("images")
FONT_DIRS = ["/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu", "/Library/Fonts"]

BG, CARD, LINE, TEXT, SOFT = "#eef3f9", "#ffffff", "#c5cfdb", "#1b2431", "#5a6474"
BRAND, BRAND_50, ACCENT, GREEN, RED = "#0b5cad", "#dbe9f8", "#ff7a45", "#137a3a", "#b4233c"
DEVICE, DEVICE_DARK, YELLOW, SCREEN = "#f9fafc", "#2b3442", "#f2c230", "#10233f"

_fonts: dict[tuple[bool, int], ImageFont.FreeTypeFont] = {}
_font_dir: Path | None = None


def font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    key = (bold, size)
    if key not in _fonts:
        name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
        _fonts[key] = ImageFont.truetype(str(_font_dir / name), size * S)
    return _fonts[key]


class Canvas:
    """An 800 × 450 drawing surface (coordinates in final pixels)."""

    def __init__(self) -> None:
        self.image = Image.new("RGB", (W * S, H * S), BG)
        self.draw = ImageDraw.Draw(self.image)

    def box(self, x0, y0, x1, y1, fill=CARD, outline=None, width=2, radius=12):
        self.draw.rounded_rectangle(
            [x0 * S, y0 * S, x1 * S, y1 * S], radius * S, fill=fill, outline=outline, width=width * S
        )

    def circle(self, x, y, r, fill=None, outline=None, width=2):
        self.draw.ellipse(
            [(x - r) * S, (y - r) * S, (x + r) * S, (y + r) * S], fill=fill, outline=outline, width=width * S
        )

    def line(self, points, fill=TEXT, width=3):
        self.draw.line([(x * S, y * S) for x, y in points], fill=fill, width=width * S, joint="curve")

    def text(self, x, y, words, size=18, bold=False, fill=TEXT, anchor="la"):
        self.draw.text((x * S, y * S), words, font=font(size, bold), fill=fill, anchor=anchor)

    def arrow(self, x0, y0, x1, y1, fill=ACCENT, width=5):
        self.line([(x0, y0), (x1, y1)], fill, width)
        dx, dy = x1 - x0, y1 - y0
        length = max((dx * dx + dy * dy) ** 0.5, 1)
        ux, uy = dx / length, dy / length
        head = 14
        left = (x1 - ux * head - uy * head * 0.6, y1 - uy * head + ux * head * 0.6)
        right = (x1 - ux * head + uy * head * 0.6, y1 - uy * head - ux * head * 0.6)
        self.draw.polygon([(x1 * S, y1 * S), (left[0] * S, left[1] * S), (right[0] * S, right[1] * S)], fill=fill)

    def ring(self, x, y, r):
        """The orange ring that marks what the step is about."""
        self.circle(x, y, r, outline=ACCENT, width=5)

    def callout(self, x, y, words, fill=ACCENT, color="#ffffff", size=22, center=False):
        """A label pill centred on ``y``, starting at ``x`` (or centred on it), its text made smaller
        when it would not fit before the right edge, and kept inside the picture."""

        def width(points):
            return self.draw.textlength(words, font=font(points, True)) / S + 36

        room = W - 12 - (x - width(size) / 2 if center else x)
        while size > 16 and width(size) > room:
            size -= 1
        left = x - width(size) / 2 if center else x
        left = max(12, min(left, W - 12 - width(size)))
        self.box(left, y - 23, left + width(size), y + 23, fill=fill, radius=23)
        self.text(left + 18, y, words, size, True, color, "lm")

    def check(self, x, y, r=26):
        self.circle(x, y, r, fill=GREEN)
        self.line(
            [(x - r * 0.45, y + r * 0.02), (x - r * 0.1, y + r * 0.38), (x + r * 0.48, y - r * 0.35)], "#ffffff", 6
        )

    def save(self, name: str) -> int:
        small = self.image.resize((W, H), Image.LANCZOS).quantize(colors=64, method=Image.Quantize.FASTOCTREE)
        path = OUT / name
        small.save(path, "PNG", optimize=True)
        return path.stat().st_size


# ---------- Devices ----------


def box_back(c: Canvas, mark: str | None = None, label: str | None = None) -> None:
    """The back of the Néolia Box: power button, power jack, fibre, yellow Ethernet ports, reset."""
    c.box(90, 120, 710, 330, fill=DEVICE, outline=LINE, width=3, radius=22)
    c.text(120, 142, "Néolia Box 5", 16, True, SOFT)
    parts = {
        "power": (170, 240),
        "jack": (250, 240),
        "fibre": (345, 240),
        "lan": (505, 240),
        "reset": (650, 240),
    }
    c.circle(*parts["power"], 24, fill=DEVICE_DARK)
    c.circle(*parts["power"], 11, outline="#ffffff", width=3)
    c.line([(170, 224), (170, 236)], "#ffffff", 3)
    c.circle(*parts["jack"], 16, fill=DEVICE_DARK)
    c.circle(*parts["jack"], 5, fill="#8792a2")
    c.box(320, 222, 370, 258, fill="#2f9e5b", radius=6)
    c.box(334, 232, 356, 248, fill="#14532d", radius=3)
    for i in range(3):
        x = 440 + i * 65
        c.box(x, 220, x + 50, 260, fill=YELLOW, radius=5)
        c.box(x + 12, 230, x + 38, 252, fill="#7a5d00", radius=3)
    c.circle(*parts["reset"], 7, fill=DEVICE_DARK)
    for key, words in (
        ("power", "Power"),
        ("jack", "12 V"),
        ("fibre", "Fibre"),
        ("lan", "Ethernet"),
        ("reset", "Reset"),
    ):
        x, _ = parts[key]
        c.text(x, 300, words, 14, key == mark, TEXT if key == mark else SOFT, "mm")
    if mark:
        x, y = parts[mark]
        c.ring(x, y, 46 if mark == "lan" else 38)
        if label:
            c.callout(max(100, min(x - 60, 560)), 80, label)
            c.line([(x, 102), (x, y - 40 if mark != "lan" else y - 48)], ACCENT, 3)


def box_front(c: Canvas, led: str, blinking: bool = False, label: str | None = None) -> None:
    """The front of the box with its light."""
    c.box(250, 110, 550, 330, fill=DEVICE, outline=LINE, width=3, radius=30)
    c.text(400, 300, "néolia", 22, True, "#9aa5b4", "mm")
    glow = {"#ffffff": "#dbe9f8", "#ff9a1f": "#ffe2bf", "#e5484d": "#f8d0cb"}.get(led, "#dbe9f8")
    if blinking:
        for r in (58, 44):
            c.circle(400, 200, r, outline=glow, width=4)
    c.circle(400, 200, 30, fill=glow)
    c.circle(400, 200, 18, fill=led, outline="#9aa5b4", width=2)
    if not blinking:  # a steady light: short rays
        for dx, dy in ((0, -1), (0.7, -0.7), (1, 0), (0.7, 0.7), (0, 1), (-0.7, 0.7), (-1, 0), (-0.7, -0.7)):
            c.line([(400 + dx * 40, 200 + dy * 40), (400 + dx * 54, 200 + dy * 54)], "#9aa5b4", 3)
    if label:
        c.callout(400, 385, label, center=True)


def plug(c: Canvas, device: str, wait: str) -> None:
    """A power adapter pulled out of the wall socket, with how long to wait."""
    c.box(120, 130, 300, 330, fill=CARD, outline=LINE, width=3, radius=18)
    c.circle(210, 230, 52, fill="#f1f3f6", outline=LINE, width=3)
    c.circle(192, 230, 7, fill=DEVICE_DARK)
    c.circle(228, 230, 7, fill=DEVICE_DARK)
    c.box(390, 195, 500, 265, fill=DEVICE_DARK, radius=14)
    c.line([(372, 215), (390, 215)], "#8792a2", 6)
    c.line([(372, 245), (390, 245)], "#8792a2", 6)
    c.line([(500, 230), (560, 230), (600, 290), (660, 290)], DEVICE_DARK, 7)
    c.text(680, 290, device, 16, True, SOFT, "lm")
    c.arrow(385, 160, 470, 160)
    c.circle(650, 150, 42, fill=CARD, outline=BRAND, width=4)
    c.line([(650, 150), (650, 124)], BRAND, 4)
    c.line([(650, 150), (668, 160)], BRAND, 4)
    c.callout(560, 380, wait, fill=BRAND)


def decoder_back(c: Canvas, mark: str | None, to: str | None = None) -> None:
    """The back of the TV decoder, with a cable to the box (Ethernet) or the TV (HDMI)."""
    c.box(90, 260, 430, 370, fill=DEVICE_DARK, radius=18)
    c.text(410, 280, "Décodeur TV", 14, True, "#c5cfdb", "ra")
    ports = {"hdmi": (170, 330), "lan": (270, 330), "power": (370, 330)}
    c.box(140, 318, 200, 342, fill="#0b0f16", radius=4)
    c.box(250, 314, 290, 346, fill=YELLOW, radius=4)
    c.circle(370, 330, 13, fill="#0b0f16")
    for key, words in (("hdmi", "HDMI"), ("lan", "Ethernet"), ("power", "12 V")):
        c.text(ports[key][0], 384, words, 14, key == mark, TEXT if key == mark else SOFT, "mm")
    if mark:
        c.ring(*ports[mark], 38)
    if to == "box":
        c.box(540, 90, 740, 190, fill=DEVICE, outline=LINE, width=3, radius=16)
        c.text(640, 112, "Box", 15, True, SOFT, "mm")
        c.box(600, 140, 640, 172, fill=YELLOW, radius=4)
        c.line([(270, 314), (270, 230), (620, 230), (620, 172)], YELLOW, 9)
    elif to == "tv":
        tv(c, 500, 60, 760, 220)
        c.line([(170, 318), (170, 250), (630, 250), (630, 220)], "#0b0f16", 9)
        c.text(640, 270, "HDMI 1", 15, True, SOFT, "mm")
    elif to == "both":
        tv(c, 500, 60, 760, 220)
        c.line([(170, 318), (170, 250), (630, 250), (630, 220)], "#0b0f16", 9)
        c.ring(630, 226, 26)
        c.callout(480, 310, "Débrancher des deux côtés")


def tv(c: Canvas, x0, y0, x1, y1, fill=SCREEN) -> None:
    c.box(x0, y0, x1, y1, fill=DEVICE_DARK, radius=12)
    c.box(x0 + 10, y0 + 10, x1 - 10, y1 - 10, fill=fill, radius=6)
    c.box((x0 + x1) / 2 - 30, y1, (x0 + x1) / 2 + 30, y1 + 12, fill=DEVICE_DARK, radius=3)


def tv_screen(c: Canvas, title: str, items: list[str], selected: int | None = None, note: str | None = None) -> None:
    """A TV menu: a title bar and a list, the chosen line highlighted."""
    tv(c, 80, 30, 720, 400)
    c.text(120, 70, title, 24, True, "#ffffff")
    c.line([(120, 104), (680, 104)], "#2d4a75", 2)
    for i, words in enumerate(items):
        y = 128 + i * 50
        if i == selected:
            c.box(112, y - 6, 688, y + 38, fill=BRAND, radius=8)
            c.box(112, y - 6, 120, y + 38, fill=ACCENT, radius=3)
        c.text(136, y + 16, words, 20, i == selected, "#ffffff" if i == selected else "#c5d5ea", "lm")
    if note:
        c.callout(430, 360, note)


def remote(c: Canvas, keys: tuple[str, ...], note: str | None) -> None:
    """The remote control, the keys to press ringed."""
    c.box(320, 20, 480, 430, fill=DEVICE_DARK, radius=60)
    c.circle(400, 70, 12, fill=RED)
    layout = {"Menu": (360, 130), "Retour": (440, 130), "OK": (400, 215)}
    c.circle(400, 215, 58, fill="#3b4657")
    for key, (x, y) in layout.items():
        c.circle(x, y, 30 if key == "OK" else 22, fill="#56637a" if key != "OK" else "#6b7a93")
        c.text(x, y, key, 13 if key != "OK" else 18, True, "#ffffff", "mm")
    for row in range(3):
        for col in range(3):
            n = row * 3 + col + 1
            x, y = 355 + col * 45, 305 + row * 38
            c.circle(x, y, 15, fill="#56637a")
            c.text(x, y, str(n), 13, True, "#ffffff", "mm")
    for key in keys:
        x, y = layout[key]
        c.ring(x, y, 42 if key == "OK" else 32)
    if note:
        c.callout(520, 215, note)


def phone(c: Canvas, title: str, rows: list[str], selected: int | None = None, note: str | None = None) -> None:
    """The Mon Néolia app on a phone: a title and a list of rows, one highlighted."""
    c.box(280, 10, 520, 440, fill=DEVICE_DARK, radius=34)
    c.box(292, 24, 508, 426, fill="#ffffff", radius=24)
    c.box(292, 24, 508, 92, fill=BRAND, radius=24)
    c.box(292, 60, 508, 92, fill=BRAND, radius=0)
    c.text(310, 44, "Mon Néolia", 13, False, "#dbe9f8")
    c.text(310, 70, title, 17, True, "#ffffff")
    for i, words in enumerate(rows):
        y = 110 + i * 52
        active = i == selected
        c.box(
            304,
            y,
            496,
            y + 42,
            fill=BRAND_50 if active else "#f5f7fa",
            outline=ACCENT if active else None,
            width=3,
            radius=10,
        )
        c.text(318, y + 21, words, 14, active, TEXT, "lm")
        c.text(484, y + 21, "›", 18, True, SOFT, "rm")
    if note:
        c.callout(540, 110 + (selected or 0) * 52 + 21, note)


def browser(
    c: Canvas, address: str, heading: str, rows: list[tuple[str, str]], mark: int | None, note: str | None
) -> None:
    """A browser window on the box's page; ``rows`` are (kind, words): field, menu, button, text."""
    c.box(60, 24, 740, 426, fill=CARD, outline=LINE, width=3, radius=14)
    c.box(60, 24, 740, 70, fill="#e4e9f0", radius=14)
    c.box(60, 50, 740, 70, fill="#e4e9f0", radius=0)
    for i, color in enumerate(("#e5484d", "#f2c230", "#30a46c")):
        c.circle(86 + i * 20, 47, 6, fill=color)
    c.box(
        160,
        34,
        720,
        60,
        fill="#ffffff",
        outline=ACCENT if mark == -1 else LINE,
        width=3 if mark == -1 else 2,
        radius=13,
    )
    c.text(178, 47, address, 15, mark == -1, TEXT, "lm")
    c.text(100, 106, heading, 22, True, BRAND)
    y = 140
    for i, (kind, words) in enumerate(rows):
        active = i == mark
        if kind == "field":
            label, _, value = words.partition("|")
            c.text(100, y + 4, label, 14, True, SOFT)
            c.box(
                100,
                y + 24,
                470,
                y + 62,
                fill="#ffffff",
                outline=ACCENT if active else LINE,
                width=3 if active else 2,
                radius=8,
            )
            c.text(114, y + 43, value, 16, False, TEXT, "lm")
            y += 80
        elif kind == "menu":
            c.box(
                100,
                y,
                470,
                y + 40,
                fill=BRAND_50 if active else "#f5f7fa",
                outline=ACCENT if active else None,
                width=3,
                radius=8,
            )
            c.text(116, y + 20, words, 16, active, TEXT, "lm")
            y += 50
        elif kind == "button":
            width = c.draw.textlength(words, font=font(16, True)) / S + 40
            c.box(100, y, 100 + width, y + 44, fill=BRAND, outline=ACCENT if active else None, width=4, radius=8)
            c.text(100 + width / 2, y + 22, words, 16, True, "#ffffff", "mm")
            y += 60
        else:
            c.text(100, y + 10, words, 15, False, SOFT)
            y += 36
    if note:
        c.callout(400, 385, note, center=True)


def bill(c: Canvas, mark: int | None, note: str | None = None, dispute: bool = False) -> None:
    """A Néolia bill: recap, subscriptions, equipment, extra usage; one section highlighted."""
    left, right = 70, 510
    c.box(left, 14, right, 436, fill=CARD, outline=LINE, width=3, radius=8)
    c.text(left + 30, 44, "néolia", 20, True, BRAND)
    c.text(right - 30, 44, "Facture · mars", 14, False, SOFT, "ra")
    sections = [
        ("Récapitulatif", ["Total à payer", "42,98 €"], 78),
        ("Abonnements", ["Box Fibre (du 1er au 31)", "Forfait mobile 100 Go"], 180),
        ("Équipements", ["Décodeur TV (location)"], 274),
        ("Hors forfait", ["SMS+ Jeux Mobiles", "Données à l'étranger"], 340),
    ]
    for i, (name, lines, y) in enumerate(sections):
        height = 34 + 24 * len(lines) if i else 70
        active = i == mark
        fill = BRAND_50 if active else "#f7f9fc"
        c.box(left + 24, y, right - 24, y + height, fill=fill, outline=ACCENT if active else None, width=3, radius=8)
        c.text(left + 38, y + 10, name, 15, True, BRAND if active else TEXT)
        if i == 0:
            c.text(left + 38, y + 36, lines[0], 13, False, TEXT if active else SOFT)
            c.text(right - 40, y + 36, lines[1], 22, True, TEXT, "rm")
            continue
        for j, words in enumerate(lines):
            c.text(left + 38, y + 34 + j * 24, words, 13, False, TEXT if active else SOFT)
        if dispute and i == 3:
            c.box(right - 150, y + 30, right - 32, y + 56, fill="#ffffff", outline=ACCENT, width=3, radius=6)
            c.text(right - 91, y + 43, "Contester", 13, True, ACCENT, "mm")
    if note and mark is not None:
        y = sections[mark][2] + (35 if mark == 0 else 17 + 12 * len(sections[mark][1]))
        c.line([(right - 24, y), (right + 20, y)], ACCENT, 3)
        c.callout(right + 20, y, note)


# ---------- The demo tutorials, step by step ----------

Step = Callable[[Canvas], None]
SETTINGS = ["Image", "Son", "Réseau", "Contrôle parental", "Système"]
STEPS: dict[str, list[Step]] = {
    "restart-box": [
        lambda c: box_back(c, "power", "Appui long : 10 s"),
        lambda c: plug(c, "Box", "Attendre 2 minutes"),
        lambda c: box_back(c, "fibre", "Bien clipsé, sans pli"),
        lambda c: box_front(c, "#ffffff", blinking=True, label="Blanc clignotant ≈ 3 min"),
        lambda c: (box_front(c, "#ffffff", label="Blanc fixe : c'est prêt"), c.check(600, 220)),
    ],
    "wifi-password": [
        lambda c: browser(
            c, "192.168.1.1", "Néolia Box", [("text", "Connexion à l'interface de la box…")], -1, "Tapez 192.168.1.1"
        ),
        lambda c: browser(
            c,
            "192.168.1.1",
            "Connexion",
            [("field", "Mot de passe administrateur|••••••••••"), ("button", "Se connecter")],
            0,
            "Voir l'étiquette sous la box",
        ),
        lambda c: browser(
            c,
            "192.168.1.1/wifi",
            "Menu",
            [("menu", "Accueil"), ("menu", "Wi-Fi › Sécurité"), ("menu", "Réseau local"), ("menu", "Téléphone")],
            1,
            "Wi-Fi › Sécurité",
        ),
        lambda c: browser(
            c,
            "192.168.1.1/wifi/securite",
            "Wi-Fi › Sécurité",
            [("field", "Clé de sécurité|Tulipe-Velo-Nuage-42"), ("field", "Chiffrement|WPA2/WPA3")],
            0,
            "Longue et facile à retenir",
        ),
        lambda c: browser(
            c,
            "192.168.1.1/wifi/securite",
            "Wi-Fi › Sécurité",
            [
                ("field", "Clé de sécurité|Tulipe-Velo-Nuage-42"),
                ("button", "Enregistrer"),
                ("text", "Redémarrage du Wi-Fi : environ 30 secondes"),
            ],
            1,
            "Puis patientez 30 s",
        ),
    ],
    "tv-sound": [
        lambda c: tv_screen(c, "Paramètres", SETTINGS, 1, "Menu › Paramètres › Son"),
        lambda c: tv_screen(
            c,
            "Son",
            ["Sortie audio HDMI : PCM (stéréo)", "Volume automatique : non", "Description audio : non"],
            0,
            "PCM plutôt que Dolby Digital",
        ),
        lambda c: tv_screen(c, "2  ·  France 2", ["♪  Le son est revenu"], None, "Changez de chaîne"),
        lambda c: decoder_back(c, "hdmi", "both"),
        lambda c: plug(c, "Décodeur", "Débrancher 10 secondes"),
    ],
    "tv-setup": [
        lambda c: box_front(c, "#ffffff", label="Box allumée : blanc fixe"),
        lambda c: decoder_back(c, "lan", "box"),
        lambda c: decoder_back(c, "hdmi", "tv"),
        lambda c: tv_screen(c, "Source", ["TV", "HDMI 1", "HDMI 2", "USB"], 1, "Touche Source ou Input"),
        lambda c: remote(c, ("OK", "Menu"), "OK + Menu : 5 s"),
        lambda c: tv_screen(
            c,
            "Mise à jour du décodeur",
            ["Téléchargement… 60 %", "Ne débranchez pas le décodeur"],
            0,
            "Jusqu'à 10 minutes",
        ),
        lambda c: (tv_screen(c, "1  ·  TF1", ["Installation terminée"], 0), c.check(660, 360)),
    ],
    "parental-control": [
        lambda c: tv_screen(c, "Paramètres", SETTINGS, 3, "Menu › Paramètres"),
        lambda c: tv_screen(c, "Contrôle parental", ["Code actuel :  0  0  0  0"], 0, "0000 par défaut"),
        lambda c: tv_screen(
            c, "Changer le code", ["Nouveau code :  •  •  •  •", "Confirmer :  •  •  •  •"], 0, "Deux fois le même code"
        ),
        lambda c: tv_screen(
            c, "Niveau de protection", ["Aucun", "-10 ans", "-12 ans", "-16 ans", "-18 ans"], 2, "Par exemple -12"
        ),
        lambda c: tv_screen(
            c,
            "Contrôle parental",
            ["Protéger les achats : activé", "Niveau : -12 ans"],
            0,
            "Films loués : code demandé",
        ),
    ],
    "change-plan": [
        lambda c: phone(c, "Mes lignes", ["06 12 34 56 78", "06 98 76 54 32", "Box Fibre"], 0, "La ligne concernée"),
        lambda c: phone(
            c, "Mon forfait", ["Consommation", "Changer d'offre", "Options", "Ma carte SIM"], 1, "Changer d'offre"
        ),
        lambda c: phone(
            c,
            "Changer d'offre",
            ["20 Go · 9,99 €", "100 Go · 15,99 €", "200 Go · 19,99 €", "Moyenne : 34 Go/mois"],
            1,
            "Selon vos 3 derniers mois",
        ),
        lambda c: phone(
            c,
            "100 Go · 15,99 €",
            ["Effet : aujourd'hui", "Prorata ce mois-ci", "Sans engagement"],
            0,
            "Vérifiez la date d'effet",
        ),
        lambda c: (phone(c, "C'est fait", ["Forfait 100 Go actif", "SMS de confirmation"], None), c.check(400, 330)),
    ],
    "read-bill": [
        lambda c: phone(
            c, "Factures", ["Mars · 42,98 €", "Février · 39,99 €", "Janvier · 39,99 €"], 0, "Voir le détail"
        ),
        lambda c: bill(c, 0, "Montant et date"),
        lambda c: bill(c, 1, "Prorata entre parenthèses"),
        lambda c: bill(c, 2, "Locations et achats"),
        lambda c: bill(c, 3, "Achats tiers ici"),
        lambda c: bill(c, 3, "Contester cette ligne", dispute=True),
    ],
}


def main() -> None:
    global _font_dir
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--font-dir", help="a folder holding DejaVuSans.ttf and DejaVuSans-Bold.ttf")
    args = parser.parse_args()
    dirs = [args.font_dir] if args.font_dir else FONT_DIRS
    _font_dir = next((Path(d) for d in dirs if (Path(d) / "DejaVuSans.ttf").is_file()), None)
    if _font_dir is None:
        parser.error("DejaVu Sans not found: install fonts-dejavu-core or pass --font-dir")
    OUT.mkdir(exist_ok=True)
    total = 0
    for key, steps in STEPS.items():
        for number, draw in enumerate(steps, start=1):
            canvas = Canvas()
            draw(canvas)
            total += canvas.save(f"{key}-{number}.png")
    count = sum(len(steps) for steps in STEPS.values())
    print(f"{count} images in {OUT}, {total // 1024} KB in all")


if __name__ == "__main__":
    main()
