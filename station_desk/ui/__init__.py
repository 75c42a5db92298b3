"""The Qt shell: calls services, never peewee queries.

The core is imported here, before anything imports PySide6: once PySide6 is loaded, its
import hook reads the source of every module imported after it (looking for
``__feature__`` use), which cost about 15 ms of start-up for modules that have no Qt in
them at all.
"""

from .. import messages as _messages  # noqa: F401
from ..core import store as _store  # noqa: F401  (peewee, models, migrations, db)
from ..core.services import accounts as _accounts  # noqa: F401
from ..core.services import dashboard as _dashboard  # noqa: F401  (首页, the first page shown)
from ..core.services import station as _station  # noqa: F401
