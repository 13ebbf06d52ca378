"""Widget templates are listed, read-only, in the Django admin."""

import pytest

from widgets.gallery import install_gallery
from widgets.models import WidgetTemplate

pytestmark = pytest.mark.django_db


def test_staff_can_browse_templates_and_versions(admin_client):
    install_gallery()
    template = WidgetTemplate.objects.get(name="order_status")
    listing = admin_client.get("/admin/widgets/widgettemplate/")
    assert listing.status_code == 200
    assert b"order_status" in listing.content
    assert (
        admin_client.get(f"/admin/widgets/widgettemplate/{template.pk}/change/").status_code == 200
    )
    version = template.current_version
    page = admin_client.get(f"/admin/widgets/widgettemplateversion/{version.pk}/change/")
    assert page.status_code == 200
    assert b"Built-in gallery" in page.content


def test_versions_cannot_be_added_or_edited(admin_client):
    install_gallery()
    assert admin_client.get("/admin/widgets/widgettemplateversion/add/").status_code == 403
