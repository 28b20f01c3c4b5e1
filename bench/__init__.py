"""Benchmarks: Paiban side by side with ReportLab Paragraph(wordWrap='CJK') and Typst, in one run."""
