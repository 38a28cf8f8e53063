"""Lesson plans as data: the schema, the checker, the teacher guide and the shipped lessons.

The portal's entry points are in `lessons.catalog`; the vote vocabulary in `lessons.schema`.
"""
