"""teacher_portal."""
