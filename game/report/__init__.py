"""Reports for teachers, from result files: a debrief of one game, a class report of many.

Both are single self-contained HTML files (charts inline as SVG, no script, no network) that print
cleanly, in the game's language. matplotlib is imported only when a chart is drawn.

Example::

    >>> from game.report.loading import load_result
    >>> from game.report.debrief import debrief_html
    >>> html = debrief_html(load_result(Path("r.json")), "fr")          # doctest: +SKIP
"""
