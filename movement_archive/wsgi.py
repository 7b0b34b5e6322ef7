import os

from django.core.wsgi import get_wsgi_application

from movement_archive.core.collector import settle

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "movement_archive.settings")
application = get_wsgi_application()

# Everything loaded so far (Django, Wagtail, URL patterns, templates) lives as long as the process: keep it out
# of the garbage collector's full passes, which otherwise walk it every few dozen requests and cost ~100 ms; and
# let young passes come less often, so that a request's objects seldom live long enough to reach those passes.
settle()
