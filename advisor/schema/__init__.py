"""The one schema: findings, rules, answers, advice and every output, as pydantic models.

Everything else imports these models from here (``from advisor.schema import Advice``); JSON
Schemas for tool builders are generated from them. The models are strict: unknown keys are
rejected, and YAML 1.1 surprises (``no`` read as false, ``1.10`` read as 1.1) fail validation
instead of slipping through as the wrong type. The package's modules hold one subject each.
"""

from .base import *  # noqa: F401,F403
from .vocabulary import *  # noqa: F401,F403
from .knowledge import *  # noqa: F401,F403
from .measured import *  # noqa: F401,F403
from .answers import *  # noqa: F401,F403
from .advice import *  # noqa: F401,F403
from .workshop import *  # noqa: F401,F403
from .reports import *  # noqa: F401,F403
from .embedding import *  # noqa: F401,F403
