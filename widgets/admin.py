from django.contrib import admin

from widgets.models import WidgetTemplate, WidgetTemplateVersion


class VersionInline(admin.TabularInline):
    model = WidgetTemplateVersion
    fields = ["number", "message", "author", "created_at"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(WidgetTemplate)
class WidgetTemplateAdmin(admin.ModelAdmin):
    list_display = ["name", "title", "is_builtin", "version_number", "updated_at"]
    list_filter = ["is_builtin"]
    search_fields = ["name", "title", "description"]
    readonly_fields = ["current_version", "is_builtin", "created_at", "updated_at"]
    inlines = [VersionInline]

    @admin.display(description="version")
    def version_number(self, obj: WidgetTemplate) -> int | None:
        return obj.current_version.number if obj.current_version else None


@admin.register(WidgetTemplateVersion)
class WidgetTemplateVersionAdmin(admin.ModelAdmin):
    list_display = ["template", "number", "message", "author", "created_at"]
    list_select_related = ["template", "author"]
    readonly_fields = [field.name for field in WidgetTemplateVersion._meta.fields]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
