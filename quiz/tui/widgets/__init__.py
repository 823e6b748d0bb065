"""Widgets grouped by the screen area they belong to; one answer widget per question type."""
