"""Indexes for the health dashboard and the transcript list.

The response index covers every column the dashboard reads, so its per-bucket counts and
percentiles are answered from the index alone; the thread indexes serve "new
conversations" per bucket and the transcript list's date filter and ordering.
"""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("chatkit", "0002_health_sources"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="response",
            index=models.Index(
                fields=[
                    "deployment",
                    "started_at",
                    "outcome",
                    "kind",
                    "output_tokens",
                    "first_token_ms",
                    "error_code",
                ],
                name="response_health_idx",
            ),
        ),
        migrations.AddIndex(
            model_name="thread",
            index=models.Index(
                fields=["deployment", "created_at"], name="thread_deployment_new_idx"
            ),
        ),
        migrations.AddIndex(
            model_name="thread",
            index=models.Index(fields=["created_at"], name="thread_new_idx"),
        ),
    ]
