"""Anonymous answers keep no day of their own; staff's "has answered" markers (models.py)."""

import uuid

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models
from django.db.models import Min
from django.utils import timezone


def forget_answer_days(apps, schema_editor):
    """Every answer of an anonymous survey takes the first day of the survey period."""
    Survey = apps.get_model("surveys", "Survey")
    Response = apps.get_model("surveys", "Response")
    for survey in Survey.objects.filter(mode="anonymous").iterator():
        responses = Response.objects.filter(survey_id=survey.pk)
        if survey.opens_at is not None:
            day = timezone.localdate(survey.opens_at)
        else:
            day = responses.aggregate(first=Min("created_on"))["first"]
        if day is not None:
            responses.update(created_on=day)


class Migration(migrations.Migration):

    dependencies = [
        ('surveys', '0001_surveys_questions_responses'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AlterField(
            model_name='response',
            name='created_on',
            field=models.DateField(verbose_name='Ngày (khảo sát ẩn danh: ngày đầu đợt khảo sát)'),
        ),
        migrations.CreateModel(
            name='Participation',
            fields=[
                ('id', models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False)),
                ('survey', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='participations', to='surveys.survey')),
                ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'người đã trả lời',
                'verbose_name_plural': 'người đã trả lời',
                'ordering': ['id'],
                'constraints': [models.UniqueConstraint(fields=('survey', 'user'), name='surveys_one_participation')],
            },
        ),
        # The days forgotten cannot be recovered: reversing leaves the period's first day.
        migrations.RunPython(forget_answer_days, migrations.RunPython.noop),
    ]
