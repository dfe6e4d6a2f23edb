from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import connection
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext
from django.views import i18n
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from . import audit, freshness
from .access import landing_url, officer_of, personal_data
from .assignment import assignment_for
from .calendar import assignment_calendar
from .forms import PlacementReportForm
from .models import Agreement, AuditKind, Document, Placement, UserPreference
from .services import placement_report_submit

LANGUAGE_CODES = {code for code, _name in settings.LANGUAGES}


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    """Each role's front door: anonymous visitors log in, everyone else goes to their work."""
    url = landing_url(request.user)
    if url is None:
        # Logged in but neither coordinator, official nor officer yet.
        return render(request, "placements/home.html")
    return redirect(url)


@never_cache
@require_GET
def healthz(request: HttpRequest) -> HttpResponse:
    """For the load balancer: 200 while the database answers, 503 when it does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception:  # any database failure means "take me out of rotation"
        return HttpResponse("database unavailable\n", status=503, content_type="text/plain")
    return HttpResponse("ok\n", content_type="text/plain")


# -- accounts ---------------------------------------------------------------


def _set_language_cookie(response: HttpResponse, language: str) -> None:
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    redirect_authenticated_user = True

    def form_valid(self, form) -> HttpResponse:
        response = super().form_valid(form)
        # The language is remembered on the user: bring it back in a new
        # browser, or remember the one chosen on this browser before logging in.
        user = form.get_user()
        preference = UserPreference.objects.filter(user=user).first()
        if preference is not None:
            _set_language_cookie(response, preference.language)
        elif self.request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) in LANGUAGE_CODES:
            UserPreference.objects.create(user=user, language=self.request.COOKIES[settings.LANGUAGE_COOKIE_NAME])
        return response


def locked_out(
    request: HttpRequest, response: HttpResponse | None = None, credentials: dict | None = None
) -> HttpResponse:
    """What django-axes shows (AXES_LOCKOUT_CALLABLE) instead of the login form
    while a username is locked out from an address: 429, and for how long."""
    context = {
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "cooloff_minutes": int(settings.AXES_COOLOFF_TIME.total_seconds() // 60),
    }
    return render(request, "accounts/locked_out.html", context, status=429)


@require_POST
def set_language(request: HttpRequest) -> HttpResponse:
    """Django's set_language (the cookie), and the choice kept on the user when logged in."""
    response = i18n.set_language(request)
    language = request.POST.get("language")
    if request.user.is_authenticated and language in LANGUAGE_CODES:
        UserPreference.objects.update_or_create(user=request.user, defaults={"language": language})
    return response


# -- officials --------------------------------------------------------------


# -- the seconded officer ---------------------------------------------------


@personal_data
@require_GET
@login_required
def my_assignment(request: HttpRequest) -> HttpResponse:
    def context() -> dict | None:
        participant = officer_of(request.user)
        if participant is None:
            return None
        return {
            "assignment": assignment_for(participant),
            "secretariat_email": settings.SECRETARIAT_EMAIL,
            "secretariat_phone": settings.SECRETARIAT_PHONE,
        }

    # Rendered once per officer, language and day until the data changes
    # (placements/freshness.py); is_staff changes the navigation.
    response = freshness.page(request, "placements/my.html", context, parts=(request.user.pk, request.user.is_staff))
    if response is None:
        # Coordinators and officials who follow a link meant for officers.
        return render(request, "placements/my_not_an_officer.html", {"landing_url": landing_url(request.user)})
    return response


@personal_data
@require_GET
@login_required
def my_calendar(request: HttpRequest) -> HttpResponse:
    participant = officer_of(request.user)
    if participant is None:
        raise Http404("no officer for this account")
    body = assignment_calendar(assignment_for(participant), domain=request.get_host().split(":")[0])
    audit.record(request, AuditKind.DOWNLOAD, detail=f"calendar participant={participant.pk}")
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="placement.ics"'
    return response


@personal_data
@require_GET
@login_required
def document_download(request: HttpRequest, pk: int) -> FileResponse:
    document = get_object_or_404(Document.objects.visible_to(request.user), pk=pk)
    try:
        handle = document.file.open("rb")
    except FileNotFoundError:
        raise Http404("the file is missing from storage") from None
    audit.record(request, AuditKind.DOWNLOAD, detail=f"document={document.pk}")
    return FileResponse(handle, as_attachment=True, filename=document.filename)


@personal_data
@require_GET
@login_required
def agreement_document(request: HttpRequest, pk: int) -> FileResponse:
    """The signed agreement, for those who keep agreements (coordinators);
    nobody else learns whether it exists."""
    if not request.user.has_perm("placements.view_agreement"):
        raise Http404("no such document")
    agreement = get_object_or_404(Agreement.objects.exclude(document=""), pk=pk)
    try:
        handle = agreement.document.open("rb")
    except FileNotFoundError:
        raise Http404("the file is missing from storage") from None
    audit.record(request, AuditKind.DOWNLOAD, detail=f"agreement={agreement.pk}")
    name = agreement.document.name.rsplit("/", 1)[-1]
    return FileResponse(handle, as_attachment=True, filename=name)


@personal_data
@require_http_methods(["GET", "POST"])
@login_required
def placement_report(request: HttpRequest, pk: int) -> HttpResponse:
    placement = get_object_or_404(
        Placement.objects.of_officer(request.user).settled().select_related("host_department", "cohort", "report"),
        pk=pk,
    )
    report = getattr(placement, "report", None)
    if report is not None or not placement.report_is_open():
        if request.method == "POST":
            messages.error(request, gettext("This report cannot be changed."))
            return redirect("placement_report", pk=placement.pk)
        return render(request, "placements/report.html", {"placement": placement, "report": report})

    form = PlacementReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            placement_report_submit(placement=placement, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, gettext("Thank you: your report has been submitted to the programme secretariat.")
            )
            return redirect("my")
    return render(request, "placements/report.html", {"placement": placement, "form": form})
