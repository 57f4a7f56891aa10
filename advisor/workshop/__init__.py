"""Workshop mode: run the advisor live with a group.

One workshop file holds the settings and every response (see ``store``). The group's results are
computed from it on demand (``ranking``, ``aggregate``, ``summary``), shown one screen at a time
on a projector (``screens``, ``present``) and written as a handout (``handout_html``,
``handout_markdown``). Nothing here touches the network.
"""
