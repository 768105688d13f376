"""The swimlane chart of an SOP as data for a plain HTML table.

Actors are the columns (in order of first appearance), steps the rows, a marker sits in
each acting column. The connector from one step to the next is drawn with CSS on the
table cells: down from the marker, along the bottom edge of the row towards the next
actor's column, then down into the next marker. Each cell only carries class names, so
the chart needs no JavaScript and no image, and reads as an ordinary table.
"""

from dataclasses import dataclass, field


@dataclass
class LaneCell:
    actor: str
    marker: bool = False
    classes: list = field(default_factory=list)

    @property
    def css(self):
        return " ".join(self.classes)


@dataclass
class SwimlaneRow:
    step: object
    cells: list


@dataclass
class Swimlane:
    actors: list
    rows: list


def _span_classes(column, low, high, prefix):
    if low == high or not low <= column <= high:
        return []
    if column == low:
        return [f"{prefix}-right"]
    if column == high:
        return [f"{prefix}-left"]
    return [f"{prefix}-full"]


def build_swimlane(actors, steps):
    index = {actor: position for position, actor in enumerate(actors)}
    columns = [[index[actor] for actor in step.actor_list if actor in index] for step in steps]
    primary = [cols[0] if cols else None for cols in columns]
    rows = []
    for row, step in enumerate(steps):
        here, cols = primary[row], columns[row]
        after = primary[row + 1] if row + 1 < len(steps) else None
        cells = []
        for column, actor in enumerate(actors):
            cell = LaneCell(actor=actor, marker=column in cols)
            if column == here and row > 0 and primary[row - 1] is not None:
                cell.classes.append("sl-in")
            if column == here and after is not None:
                cell.classes.append("sl-out")
            if after is not None and here is not None:
                cell.classes += _span_classes(column, min(here, after), max(here, after), "sl-bottom")
            if len(cols) > 1:
                cell.classes += _span_classes(column, min(cols), max(cols), "sl-mid")
            if cell.marker:
                cell.classes.append("sl-has-marker")
            cells.append(cell)
        rows.append(SwimlaneRow(step=step, cells=cells))
    return Swimlane(actors=list(actors), rows=rows)
