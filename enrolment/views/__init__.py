"""Participant pages (``participant``) and the staff's class-day screens (``staff``)."""
