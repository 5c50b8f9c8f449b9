"""Drawing exported PNGs with Pillow: a heatmap or a bar chart with a title, labelled
axes, tick labels and a colour bar (used by ``tbviz export --format png``).

Pillow is already a dependency (TensorBoard's Images dashboard takes PNG); a
plotting library would add tens of megabytes for the two figures drawn here.

Example:
    >>> import numpy as np, os, tempfile
    >>> out = os.path.join(tempfile.mkdtemp(), "m.png")
    >>> heatmap(np.eye(3), out, title="eye", x=Axis("column", index_ticks(3)),
    ...         y=Axis("row", index_ticks(3)), value_label="value")
    >>> from PIL import Image; Image.open(out).size[0] > 256
    True
"""

from __future__ import annotations

import dataclasses
import math
from typing import Any, List, Optional, Sequence, Tuple

import numpy as np

NAN_RGB = (255, 0, 255)  # magenta: never a colour of viridis
_INK = (20, 20, 20)
_GRID = (140, 140, 140)
_PAPER = (255, 255, 255)
_LONG_SIDE = 640  # the plot's longer side in pixels
_SHORT_SIDE_MIN = 160  # a 1 x 64 vector still gets a readable band
_MAX_CELL = 64  # pixels per cell at most: a 3 x 3 matrix is not a poster
_MAX_LABEL = 28  # characters of a tick label (long layer names are cut in the middle)

# Viridis as a 6th-degree polynomial per channel (fit by Matt Zucker, CC0),
# accurate to about 1/255, so no 256-entry table is needed here.
_VIRIDIS = np.array(
    [
        [0.2777273272234177, 0.005407344544966578, 0.3340998053353061],
        [0.1050930431085774, 1.404613529898575, 1.384590162594685],
        [-0.3308618287255563, 0.214847559468213, 0.09509516302823659],
        [-4.634230498983486, -5.799100973351585, -19.33244095627987],
        [6.228269936347081, 14.17993336680509, 56.69055260068105],
        [4.776384997670288, -13.74514537774601, -65.35303263337234],
        [-5.435455855934631, 4.645852612178535, 26.3124352495832],
    ]
)


@dataclasses.dataclass
class Axis:
    """An axis: its label and ``(cell index, text)`` ticks, a tick at a cell's centre."""

    label: str
    ticks: List[Tuple[int, str]] = dataclasses.field(default_factory=list)


def viridis(unit: np.ndarray) -> np.ndarray:
    """Maps values in [0, 1] to uint8 RGB; NaN becomes ``NAN_RGB``."""
    t = np.clip(np.nan_to_num(unit, nan=0.0), 0, 1)[..., None]
    rgb = sum(_VIRIDIS[i] * t**i for i in range(len(_VIRIDIS)))
    out = (np.clip(rgb, 0, 1) * 255 + 0.5).astype(np.uint8)
    out[np.isnan(unit)] = NAN_RGB
    return out


def scale(array: np.ndarray, *, log: bool = False) -> Tuple[np.ndarray, float, float]:
    """``(unit, lo, hi)``: ``array`` mapped to [0, 1] over its finite range ``[lo, hi]``
    (of ``log10`` of its positive values with ``log``); NaN where not finite."""
    values = np.asarray(array, dtype=np.float64)
    if log:
        with np.errstate(divide="ignore", invalid="ignore"):
            values = np.where(values > 0, np.log10(values), np.nan)
    finite = values[np.isfinite(values)]
    lo, hi = (float(finite.min()), float(finite.max())) if finite.size else (0.0, 1.0)
    unit = (values - lo) / (hi - lo) if hi > lo else np.zeros_like(values)
    unit[~np.isfinite(values)] = np.nan
    return unit, lo, hi


def to_rgb(array: np.ndarray, *, log: bool = False) -> np.ndarray:
    """A 2-D array as an RGB image, scaled to its finite range; NaN/Inf in magenta."""
    return viridis(scale(array, log=log)[0])


def index_ticks(n: int, labels: Optional[Sequence[str]] = None, most: int = 9) -> List[Any]:
    """At most ``most`` evenly spread ticks over ``n`` cells, first and last included,
    labelled ``labels[i]`` (default: the index).

    Example:
        >>> index_ticks(100, most=3)
        [(0, '0'), (50, '50'), (99, '99')]
    """
    if n <= 0:
        return []
    k = min(n, most)
    picks = sorted({round(i * (n - 1) / max(1, k - 1)) for i in range(k)})
    return [(i, _short(str(labels[i]) if labels is not None else str(i))) for i in picks]


def heatmap(
    array: np.ndarray,
    out: str,
    *,
    title: str,
    x: Axis,
    y: Axis,
    value_label: str,
    log: bool = False,
    annotate: bool = False,
    blank: Optional[np.ndarray] = None,
) -> None:
    """Draws a 2-D ``array`` (rows top to bottom) as a heatmap PNG at ``out``.

    The plot's longer side is about 640 pixels, its shorter at least 160, so
    neither a 256 x 256 surface nor a 1 x 64 vector becomes a poster or a line.
    A colour bar gives the value range (``log``: of log10); NaN/Inf are magenta.
    ``annotate`` writes each cell's value into it when cells are large enough;
    cells where ``blank`` is True are left white (the gaps between tiles).
    """
    from PIL import Image

    values = np.atleast_2d(np.asarray(array, dtype=np.float64))
    blank = np.zeros(values.shape, bool) if blank is None else blank
    unit, lo, hi = scale(np.where(blank, np.nan, values), log=log)
    rows, cols = values.shape
    rgb = viridis(unit)
    rgb[blank] = _PAPER
    cell = min(_MAX_CELL, _LONG_SIDE / max(rows, cols))
    width = max(_SHORT_SIDE_MIN, round(cols * cell))
    height = max(_SHORT_SIDE_MIN, round(rows * cell))
    cells = Image.fromarray(rgb, "RGB")
    shrinking = width < cols or height < rows
    cells = cells.resize((width, height), Image.BOX if shrinking else Image.NEAREST)
    bar_label = ("log10 " if log else "") + value_label
    canvas = _Canvas(title, x, y, width, height, bar_label)
    canvas.image.paste(cells, (canvas.left, canvas.top))
    canvas.axes(rows, cols)
    if annotate and width / cols >= 24 and height / rows >= 16:
        canvas.annotate(values, unit)
    canvas.colour_bar(lo, hi)
    if np.isnan(unit[~blank]).any():
        canvas.note("magenta: NaN or Inf" + (" or <= 0" if log else ""))
    canvas.image.save(out)


def matrix_heatmap(
    array: np.ndarray,
    out: str,
    *,
    title: str,
    x_label: str,
    y_label: str,
    value_label: str,
    matrix_shape: Optional[Sequence[int]] = None,
) -> None:
    """A 2-D tensor as a heatmap whose ticks give the indices of the ``matrix_shape``
    it was max-abs pooled from (its own shape when None); the title says so."""
    rows, cols = array.shape
    full_rows, full_cols = matrix_shape or (rows, cols)
    if (full_rows, full_cols) != (rows, cols):
        title += f"  (max-abs pooled from {full_rows}x{full_cols})"
    heatmap(
        array,
        out,
        title=title,
        x=Axis(x_label, _scaled_ticks(cols, full_cols)),
        y=Axis(y_label, _scaled_ticks(rows, full_rows)),
        value_label=value_label,
    )


def _scaled_ticks(cells: int, full: int) -> List[Any]:
    """Ticks over ``cells`` cells labelled with the index they start at in ``full``."""
    return [(i, str(i * full // cells)) for i, _ in index_ticks(cells)]


def tile_channels(maps: np.ndarray) -> np.ndarray:
    """``[channels, h, w]`` as one 2-D mosaic (NaN gaps between tiles).

    Example:
        >>> tile_channels(np.ones((3, 2, 2))).shape
        (5, 5)
    """
    channels, h, w = maps.shape
    cols = math.ceil(math.sqrt(channels))
    rows = math.ceil(channels / cols)
    mosaic = np.full((rows * (h + 1) - 1, cols * (w + 1) - 1), np.nan)
    for c in range(channels):
        r, k = divmod(c, cols)
        mosaic[r * (h + 1) : r * (h + 1) + h, k * (w + 1) : k * (w + 1) + w] = maps[c]
    return mosaic


def channel_tiles(maps: np.ndarray, out: str, *, title: str, value_label: str) -> None:
    """``[channels, h, w]`` as a heatmap of tiles, one per channel, row by row."""
    heatmap(
        tile_channels(maps),
        out,
        blank=np.isnan(tile_channels(np.zeros_like(maps))),  # the gaps between tiles
        title=f"{title}  ({maps.shape[0]} channels, row by row)",
        x=Axis("channel tiles"),
        y=Axis(""),
        value_label=value_label,
    )


def bars(values: np.ndarray, out: str, *, title: str, x: Axis, value_label: str) -> None:
    """Draws a 1-D ``values`` as a bar chart PNG at ``out`` (one bar per entry, a zero
    line, NaN/Inf bars in magenta)."""
    values = np.asarray(values, dtype=np.float64).ravel()
    n = values.size
    width = int(min(960, max(320, n * 12)))
    height = 320
    canvas = _Canvas(title, x, Axis(value_label), width, height, None)
    finite = values[np.isfinite(values)]
    lo = min(0.0, float(finite.min())) if finite.size else 0.0
    hi = max(0.0, float(finite.max())) if finite.size else 1.0
    hi = hi if hi > lo else lo + 1.0

    def y_of(v: float) -> float:
        return canvas.top + height - (v - lo) / (hi - lo) * height

    draw = canvas.draw
    zero = y_of(0.0)
    colour = tuple(int(c) for c in viridis(np.array(0.35)))
    for i, v in enumerate(values):
        x0 = canvas.left + i * width / n
        x1 = max(x0 + 1, canvas.left + (i + 1) * width / n - (1 if width / n > 3 else 0))
        if np.isfinite(v):
            draw.rectangle([x0, min(zero, y_of(v)), x1 - 1, max(zero, y_of(v))], fill=colour)
        else:
            draw.rectangle([x0, canvas.top, x1 - 1, canvas.top + height], fill=NAN_RGB)
    draw.line([canvas.left, zero, canvas.left + width, zero], fill=_GRID)
    for v in sorted({lo, 0.0, hi}):
        canvas.y_tick(y_of(v), f"{v:.3g}")
    canvas.axes(None, n)
    if finite.size < n:
        canvas.note("magenta: NaN or Inf")
    canvas.image.save(out)


def _short(text: str) -> str:
    if len(text) <= _MAX_LABEL:
        return text
    half = (_MAX_LABEL - 1) // 2
    return text[:half] + "…" + text[-half:]


def _font(size: int = 13) -> Any:
    from PIL import ImageFont

    try:
        return ImageFont.load_default(size=size)
    except TypeError:  # Pillow before 10.1: the fixed bitmap font
        return ImageFont.load_default()


class _Canvas:
    """A white image with room around a ``width`` x ``height`` plot for the title, the
    axes' labels and ticks and (with a ``bar_label``) a colour bar; the plot starts at
    (left, top)."""

    def __init__(
        self, title: str, x: Axis, y: Axis, width: int, height: int, bar_label: Optional[str]
    ) -> None:
        from PIL import Image, ImageDraw

        self.font = _font()
        probe = ImageDraw.Draw(Image.new("RGB", (1, 1)))
        self.line_height = probe.textbbox((0, 0), "Hg", font=self.font)[3] + 4
        tick_width = max((probe.textlength(t, font=self.font) for _, t in y.ticks), default=0)
        if bar_label is None:  # a bar chart's value ticks
            tick_width = max(tick_width, probe.textlength("-0.000e+00", font=self.font))
        self.x, self.y, self.width, self.height = x, y, width, height
        self.bar_label = bar_label or ""
        self.left = int(12 + self.line_height + 8 + tick_width + 6)
        self.top = int(10 + self.line_height * 2)
        right = 20
        if bar_label is not None:  # the bar, its value labels, its label above it
            right = int(max(90, probe.textlength(bar_label, font=self.font)) + 24)
        title_width = probe.textlength(title, font=self.font) + 24
        right = max(right, int(title_width - self.left - width))
        bottom = int(8 + self.line_height * 3)
        self.image = Image.new(
            "RGB", (self.left + width + right, self.top + height + bottom), _PAPER
        )
        self.draw = ImageDraw.Draw(self.image)
        self.draw.text((12, 8), title, fill=_INK, font=self.font)

    def axes(self, rows: Optional[int], cols: int) -> None:
        """The plot's frame, the x ticks over ``cols`` cells, the y ticks over ``rows``
        cells (None: the caller placed them) and both axis labels."""
        left, top, w, h, draw = self.left, self.top, self.width, self.height, self.draw
        draw.rectangle([left - 1, top - 1, left + w, top + h], outline=_INK)
        for i, text in self.x.ticks:
            px = left + (i + 0.5) * w / cols
            draw.line([px, top + h, px, top + h + 4], fill=_INK)
            half = self.draw.textlength(text, font=self.font) / 2
            tx = min(max(px - half, 2), self.image.width - 2 * half - 2)
            draw.text((tx, top + h + 6), text, fill=_INK, font=self.font)
        label_width = draw.textlength(self.x.label, font=self.font)
        draw.text(
            (left + (w - label_width) / 2, top + h + 6 + self.line_height + 2),
            self.x.label,
            fill=_INK,
            font=self.font,
        )
        if rows is not None:
            for i, text in self.y.ticks:
                self.y_tick(top + (i + 0.5) * h / rows, text)
        self._vertical_label(self.y.label)

    def y_tick(self, py: float, text: str) -> None:
        width = self.draw.textlength(text, font=self.font)
        self.draw.line([self.left - 5, py, self.left - 1, py], fill=_INK)
        self.draw.text(
            (self.left - 8 - width, py - self.line_height / 2 + 1), text, fill=_INK, font=self.font
        )

    def _vertical_label(self, text: str) -> None:
        from PIL import Image, ImageDraw

        width = int(self.draw.textlength(text, font=self.font)) + 4
        strip = Image.new("RGB", (width, self.line_height), _PAPER)
        ImageDraw.Draw(strip).text((2, 1), text, fill=_INK, font=self.font)
        strip = strip.rotate(90, expand=True)
        y0 = self.top + max(0, (self.height - strip.height) // 2)
        self.image.paste(strip, (10, y0))

    def annotate(self, values: np.ndarray, unit: np.ndarray) -> None:
        rows, cols = values.shape
        for r in range(rows):
            for c in range(cols):
                text = f"{values[r, c]:.3g}"
                cx = self.left + (c + 0.5) * self.width / cols
                cy = self.top + (r + 0.5) * self.height / rows
                dark_cell = not (unit[r, c] > 0.6)  # viridis is light above about 0.6
                half = self.draw.textlength(text, font=self.font) / 2
                self.draw.text(
                    (cx - half, cy - self.line_height / 2 + 1),
                    text,
                    fill=_PAPER if dark_cell else _INK,
                    font=self.font,
                )

    def colour_bar(self, lo: float, hi: float) -> None:
        from PIL import Image

        x0, top, h = self.left + self.width + 14, self.top, self.height
        ramp = viridis(np.linspace(1, 0, h)[:, None].repeat(14, axis=1))
        self.image.paste(Image.fromarray(ramp, "RGB"), (x0, top))
        self.draw.rectangle([x0 - 1, top - 1, x0 + 14, top + h], outline=_INK)
        for v, py in ((hi, top), (lo, top + h - self.line_height)):
            self.draw.text((x0 + 18, py), f"{v:.3g}", fill=_INK, font=self.font)
        self.draw.text(
            (x0 - 2, top - self.line_height - 2), self.bar_label, fill=_INK, font=self.font
        )

    def note(self, text: str) -> None:
        width = self.draw.textlength(text, font=self.font)
        x = self.image.width - width - 8
        self.draw.text(
            (x, self.image.height - self.line_height - 4), text, fill=NAN_RGB, font=self.font
        )
