"""The analyst's brief: alerts (``alerts``) over the stored incidents. See docs/brief.md."""
