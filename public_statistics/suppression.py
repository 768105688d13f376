"""Small-cell suppression: no published figure may describe fewer than five people.

A table is a partition of a total (participants of a year by sex, by sub-district ...).
Cells of 1–4 people are hidden (primary suppression). Because the total is published, one
hidden cell could be recovered by subtracting the others, so more cells are hidden, smallest
first, until at least two are hidden and together they hold at least five people
(complementary suppression). If that is impossible the total is hidden too. Empty rows are
not listed at all, so no published number is below five.
"""

THRESHOLD = 5


def is_small(count, threshold=THRESHOLD):
    return 0 < count < threshold


def suppress(counts, threshold=THRESHOLD):
    """``(hidden flags per cell, total hidden)`` for a list of non-negative counts."""
    hidden = [is_small(count, threshold) for count in counts]
    total = sum(counts)
    if is_small(total, threshold):
        return [count > 0 for count in counts], True

    def unsafe():
        values = [count for count, flag in zip(counts, hidden, strict=True) if flag and count > 0]
        return bool(values) and (len(values) < 2 or sum(values) < threshold)

    while unsafe():
        candidates = [
            (count, index)
            for index, (count, flag) in enumerate(zip(counts, hidden, strict=True))
            if not flag and count
        ]
        if not candidates:
            return hidden, True
        hidden[min(candidates)[1]] = True
    return hidden, False


def safe_rate(numerator, denominator, threshold=THRESHOLD):
    """A percentage only when neither part nor its complement describes 1–4 people."""
    if denominator < threshold:
        return None
    if is_small(numerator, threshold) or is_small(denominator - numerator, threshold):
        return None
    return round(100 * numerator / denominator)
