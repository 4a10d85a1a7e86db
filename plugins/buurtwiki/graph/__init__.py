"""The ecosystem: one link graph per build, from typed references and body links.

- :mod:`.model`: :class:`Graph` (nodes, edges, ``outgoing``, ``incoming``, ``for_wijk``) and the
  Dutch words of each relation; :mod:`.build`: :func:`build_graph`; :mod:`.loose_ends`: the six
  lists of missing links. These three know nothing of MkDocs or HTML.
- :mod:`.emit` (data files and pages) and :mod:`.sections` (the "Verbonden met" and "Wat linkt
  hierheen" sections of every entity page) are this feature's part of the emit stage.
"""

from .build import build_graph
from .model import Edge, Graph, Node, SubGraph

__all__ = ["Edge", "Graph", "Node", "SubGraph", "build_graph"]
