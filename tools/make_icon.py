"""Draw the app icon: resources/icons/posko.png (256 px) and posko.ico (16–256 px).

An original, deliberately plain mark in the style sheet's colours: a white shield (a place of
protection) on the navy of the window headers, with a gold heart (care for the victim). Drawn
at 1024 px and scaled down, so the small Windows sizes stay smooth. Run it again only to
change the icon; the generated files are committed (Pillow comes with reportlab).

    .venv/bin/python tools/make_icon.py
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

NAVY = "#274060"
GOLD = "#e3c567"
WHITE = "#ffffff"
SIZE = 1024
ICO_SIZES = [(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)]
OUT = Path(__file__).resolve().parent.parent / "resources" / "icons"


def shield(draw: ImageDraw.ImageDraw, inset: int, fill: str) -> None:
    """A shield: flat top with rounded shoulders, sides narrowing to a point at the bottom."""
    left, right, top = 232 + inset, SIZE - 232 - inset, 190 + inset
    middle, bottom = SIZE // 2, SIZE - 150 - inset
    draw.rounded_rectangle((left, top, right, top + 330), radius=60, fill=fill)
    draw.polygon([(left, top + 200), (right, top + 200), (right, top + 330),
                  (middle, bottom), (left, top + 330)], fill=fill)


def heart(draw: ImageDraw.ImageDraw, cx: int, cy: int, r: int, fill: str) -> None:
    """Two overlapping circles and a triangle pointing down."""
    lap = r // 5
    draw.ellipse((cx - 2 * r + lap, cy - r, cx + lap, cy + r), fill=fill)
    draw.ellipse((cx - lap, cy - r, cx + 2 * r - lap, cy + r), fill=fill)
    half = round(1.86 * r) - lap  # the circles' width where the triangle meets them
    draw.polygon([(cx - half, cy + r // 2), (cx + half, cy + r // 2),
                  (cx, cy + 2 * r + 30)], fill=fill)


def draw() -> Image.Image:
    image = Image.new("RGBA", (SIZE, SIZE), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    pen.rounded_rectangle((40, 40, SIZE - 40, SIZE - 40), radius=190, fill=NAVY)
    shield(pen, 0, WHITE)
    shield(pen, 46, NAVY)
    heart(pen, SIZE // 2, 450, 92, GOLD)
    return image


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    image = draw()
    image.resize((256, 256), Image.Resampling.LANCZOS).save(OUT / "posko.png", optimize=True)
    image.save(OUT / "posko.ico", sizes=ICO_SIZES)


if __name__ == "__main__":
    main()
