from wagtail import hooks

from trainers.schedule import TRAINER_SCHEDULE_SOURCE, class_sessions_source

hooks.register(TRAINER_SCHEDULE_SOURCE, class_sessions_source)
