import datetime
from zoneinfo import ZoneInfo

from trainer_requests.conflicts import daily_windows, find_conflicts, overlaps
from trainers.schedule import ScheduleItem as Busy

ZONE = ZoneInfo("Asia/Jakarta")


def at(day, hour, minute=0):
    return datetime.datetime(2027, 3, day, hour, minute, tzinfo=ZONE)


def windows():
    # 10–11 March 2027, 08:00–12:00 each day.
    return daily_windows(
        datetime.date(2027, 3, 10), datetime.date(2027, 3, 11), datetime.time(8), datetime.time(12), ZONE
    )


def test_daily_windows_one_per_day():
    assert windows() == [(at(10, 8), at(10, 12)), (at(11, 8), at(11, 12))]


def test_daily_windows_reject_reversed_dates():
    assert (
        daily_windows(datetime.date(2027, 3, 11), datetime.date(2027, 3, 10), datetime.time(8), datetime.time(9), ZONE)
        == []
    )


def test_overlapping_class_session_is_a_conflict():
    session = Busy(at(11, 10), at(11, 13), "Pembukuan – Kelas UMKM", "session")
    conflicts = find_conflicts(windows(), [session])
    assert [c.busy for c in conflicts] == [session]
    assert conflicts[0].window_start == at(11, 8)


def test_overlapping_assignment_is_a_conflict():
    other = Busy(at(10, 7), at(10, 9), "Pelatihan lain", "assignment")
    assert [c.busy.kind for c in find_conflicts(windows(), [other])] == ["assignment"]


def test_session_inside_window_is_a_conflict():
    inner = Busy(at(10, 9), at(10, 10), "Sesi", "session")
    assert len(find_conflicts(windows(), [inner])) == 1


def test_adjacent_periods_do_not_conflict():
    before = Busy(at(10, 6), at(10, 8), "Pagi", "session")  # ends exactly when the request starts
    after = Busy(at(11, 12), at(11, 14), "Siang", "assignment")  # starts exactly when it ends
    assert find_conflicts(windows(), [before, after]) == []
    assert not overlaps(at(10, 6), at(10, 8), at(10, 8), at(10, 12))


def test_other_days_and_evenings_do_not_conflict():
    evening = Busy(at(10, 19), at(10, 21), "Malam", "session")
    next_week = Busy(at(17, 8), at(17, 12), "Minggu depan", "assignment")
    assert find_conflicts(windows(), [evening, next_week]) == []


def test_conflicts_sorted_by_time():
    late = Busy(at(11, 9), at(11, 10), "B", "session")
    early = Busy(at(10, 9), at(10, 10), "A", "assignment")
    assert [c.busy.title for c in find_conflicts(windows(), [late, early])] == ["A", "B"]
