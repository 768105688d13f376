"""How allauth names a user in its emails and pages: by the email address, never by typed free text.

A sign-up form takes a name anyone may type; allauth's confirmation email would otherwise say
"user <name> has given your email address", sending a stranger's words to an unconfirmed address
(issue 14: the public forms must not be a relay).
"""


def user_display(user):
    return getattr(user, "email", "") or ""
